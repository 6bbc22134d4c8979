//! The Table's controls above the rows: name search, column picker, row count, and the
//! exports (CSV download, Markdown to the clipboard) with their confirmation.

use std::rc::Rc;

use atlas_model::query::QueryError;
use atlas_model::state::Action;
use atlas_model::table::{to_csv, to_markdown, Column};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::views::table::{error_line, TableData};
use crate::widgets::escape::escape_closes_details;

/// The name of the downloaded CSV file.
pub const CSV_FILE_NAME: &str = "instance-atlas.csv";

/// Props of [`TableToolbar`].
#[derive(Properties, PartialEq)]
pub struct TableToolbarProps {
    /// The data shown.
    pub catalog: TableData,
    /// The rows shown (catalog indices, in order): what the row count counts and exports write.
    pub rows: Rc<Vec<usize>>,
    /// The columns shown, in order.
    pub columns: Vec<Column>,
    /// The name search as typed.
    pub search: String,
    /// Why the search does not parse, if it does not.
    pub search_error: Option<QueryError>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The outcome of the last export, shown beside the buttons.
#[derive(Clone, PartialEq)]
enum ExportNotice {
    Done(String),
    Failed(String),
}

/// Search, columns, count and exports.
#[component]
pub fn TableToolbar(props: &TableToolbarProps) -> Html {
    let notice = use_state(|| None::<ExportNotice>);
    let total = props.catalog.catalog.types.len();
    let shown = props.rows.len();

    let on_search = props.dispatch.reform(|e: InputEvent| {
        Action::SetSearch(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let export_csv = {
        let (catalog, rows, columns) = export_inputs(props);
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = to_csv(&catalog.catalog, &rows, &columns, &catalog.prices);
            let outcome = browser::download_text(CSV_FILE_NAME, "text/csv;charset=utf-8", &csv);
            notice.set(Some(match outcome {
                Ok(()) => {
                    ExportNotice::Done(format!("Saved {} to {CSV_FILE_NAME}", plural(rows.len())))
                }
                Err(e) => ExportNotice::Failed(format!("Could not save the CSV: {e}")),
            }));
        })
    };
    let copy_markdown = {
        let (catalog, rows, columns) = export_inputs(props);
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let markdown = to_markdown(&catalog.catalog, &rows, &columns, &catalog.prices);
            let count = rows.len();
            let notice = notice.clone();
            browser::copy_text(&markdown, move |outcome| {
                notice.set(Some(match outcome {
                    Ok(()) => ExportNotice::Done(format!("Copied {} as Markdown", plural(count))),
                    Err(e) => ExportNotice::Failed(format!("Could not copy: {e}")),
                }));
            });
        })
    };
    let notice_line = match &*notice {
        None => html! {},
        Some(ExportNotice::Done(text)) => html! { <span class="table-notice">{ text }</span> },
        Some(ExportNotice::Failed(text)) => {
            html! { <span class="table-notice failed">{ text }</span> }
        }
    };
    let invalid = props.search_error.is_some();

    html! {
        <div class="table-toolbar">
            <div class="table-search">
                <label for="table-search">{ "Name" }</label>
                <input id="table-search" type="search" data-testid="table-search"
                    placeholder="m5, or /^c7g/" value={props.search.clone()} oninput={on_search}
                    aria-invalid={invalid.to_string()} spellcheck="false" autocomplete="off"
                    aria-describedby={invalid.then_some("table-error-search")} />
                if let Some(error) = &props.search_error {
                    { error_line("table-error-search", "Search", error) }
                }
            </div>
            <ColumnPicker columns={props.columns.clone()} dispatch={props.dispatch.clone()} />
            <p class="row-count" data-testid="row-count" aria-live="polite">
                { format!("{shown} of {total} instance types") }
            </p>
            <div class="table-exports">
                <button type="button" data-testid="export-csv" onclick={export_csv}
                    disabled={shown == 0}>{ "Download CSV" }</button>
                <button type="button" data-testid="copy-markdown" onclick={copy_markdown}
                    disabled={shown == 0}>{ "Copy as Markdown" }</button>
                <span role="status" data-testid="export-status">{ notice_line }</span>
            </div>
        </div>
    }
}

/// What an export click needs, cloned into its callback.
fn export_inputs(props: &TableToolbarProps) -> (TableData, Rc<Vec<usize>>, Rc<Vec<Column>>) {
    let columns = Rc::new(props.columns.clone());
    (props.catalog.clone(), props.rows.clone(), columns)
}

/// "1 row", "96 rows".
fn plural(rows: usize) -> String {
    if rows == 1 {
        "1 row".to_owned()
    } else {
        format!("{rows} rows")
    }
}

/// Props of [`ColumnPicker`].
#[derive(Properties, PartialEq)]
pub struct ColumnPickerProps {
    /// The columns shown.
    pub columns: Vec<Column>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// A disclosure with one checkbox per column; the last shown column cannot be hidden.
#[component]
pub fn ColumnPicker(props: &ColumnPickerProps) -> Html {
    let only_one = props.columns.len() == 1;
    let column_box = |column: Column| {
        let shown = props.columns.contains(&column);
        let onchange = props
            .dispatch
            .reform(move |_: Event| Action::ToggleColumn(column));
        html! {
            <label class="check">
                <input type="checkbox" data-testid={format!("column-{}", column.slug())}
                    checked={shown} disabled={shown && only_one} {onchange} />
                { column.label() }
            </label>
        }
    };
    html! {
        <details class="column-picker" onkeydown={escape_closes_details()}>
            <summary data-testid="column-picker">
                { format!("Columns ({}/{})", props.columns.len(), Column::ALL.len()) }
            </summary>
            <div class="column-list">{ for Column::ALL.into_iter().map(column_box) }</div>
        </details>
    }
}
