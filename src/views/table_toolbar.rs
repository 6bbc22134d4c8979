//! The Table's controls above the rows: name search, column picker, row count, "Clear all
//! filters", and the exports (CSV download; CSV, TSV and Markdown to the clipboard) with
//! their notice. In a frame that blocks downloads the Download button says so and points
//! at Copy as CSV instead of claiming a file was saved.

use std::rc::Rc;

use atlas_model::screen::table::TableScreen;
use atlas_model::screen::table_export::{
    export_done, export_failed, table_export, ExportKind, DOWNLOADS_BLOCKED,
};
use atlas_model::state::{Action, State};
use atlas_model::table::Column;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::views::table::{error_line, TableData};
use crate::widgets::escape::escape_closes_details;

/// Props of [`TableToolbar`].
#[derive(Properties, PartialEq)]
pub struct TableToolbarProps {
    /// The data shown.
    pub data: TableData,
    /// What the view shows.
    pub screen: Rc<TableScreen>,
    /// The state (the exports name its region, OS and columns).
    pub state: Rc<State>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The outcome of the last export, shown beside the buttons.
#[derive(Clone, PartialEq)]
enum ExportNotice {
    Done(String),
    Failed(String),
}

/// Search, columns, count, clear all and exports.
#[component]
pub fn TableToolbar(props: &TableToolbarProps) -> Html {
    let notice = use_state(|| None::<ExportNotice>);
    let screen = &props.screen;
    let on_search = props.dispatch.reform(|e: InputEvent| {
        Action::SetSearch(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let clear_all = props
        .dispatch
        .reform(|_: MouseEvent| Action::ClearAllFilters);
    let export = |kind: ExportKind| {
        let (data, rows, state, notice) = (
            props.data.clone(),
            props.screen.rows.clone(),
            props.state.clone(),
            notice.clone(),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            if kind.downloads() && browser::downloads_blocked() {
                notice.set(Some(ExportNotice::Failed(DOWNLOADS_BLOCKED.to_owned())));
                return;
            }
            let columns = &state.table.columns;
            let export = table_export(&data.atlas, &state, &rows, columns, &data.prices, kind);
            if kind.downloads() {
                let outcome = browser::download_text(&export.file_name, export.mime, &export.text);
                notice.set(Some(match outcome {
                    Ok(()) => ExportNotice::Done(export_done(kind, &export)),
                    Err(e) => ExportNotice::Failed(export_failed(kind, &e)),
                }));
            } else {
                let notice = notice.clone();
                let done = export_done(kind, &export);
                browser::copy_text(&export.text, move |outcome| {
                    notice.set(Some(match outcome {
                        Ok(()) => ExportNotice::Done(done),
                        Err(e) => ExportNotice::Failed(export_failed(kind, &e)),
                    }));
                });
            }
        });
        html! {
            <button type="button" data-testid={kind.test_id()} {onclick}
                disabled={screen.rows.is_empty()}>{ kind.label() }</button>
        }
    };
    let notice_line = match &*notice {
        None => html! {},
        Some(ExportNotice::Done(text)) => html! { <span class="table-notice">{ text }</span> },
        Some(ExportNotice::Failed(text)) => {
            html! { <span class="table-notice failed">{ text }</span> }
        }
    };
    let search_error = screen.search_error.as_ref();
    let invalid = search_error.is_some();

    html! {
        <div class="table-toolbar">
            <div class="table-search">
                <label for="table-search">{ "Name" }</label>
                <input id="table-search" type="search" data-testid="table-search"
                    placeholder="m5, or /^c7g/" value={props.state.table.search.clone()} oninput={on_search}
                    aria-invalid={invalid.to_string()} spellcheck="false" autocomplete="off"
                    aria-describedby={invalid.then_some("table-error-search")} />
                if let Some(error) = search_error {
                    { error_line(error) }
                }
            </div>
            <ColumnPicker columns={props.state.table.columns.clone()} dispatch={props.dispatch.clone()} />
            <p class="row-count" data-testid="row-count" aria-live="polite">{ screen.count_line.clone() }</p>
            <button type="button" class="clear-all" data-testid="clear-all" onclick={clear_all}
                disabled={!screen.filtered}>{ "Clear all filters" }</button>
            <div class="table-exports">
                { for ExportKind::ALL.into_iter().map(export) }
                <span role="status" data-testid="export-status">{ notice_line }</span>
            </div>
        </div>
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
