//! The instance-type table itself: sortable headings, a filter box under each numeric
//! heading, and the rows (`table_row`); one click handler on the body serves every row's
//! pin and decode buttons.

use std::collections::BTreeMap;
use std::rc::Rc;

use atlas_model::state::{Action, TableSpec, MAX_PINNED};
use atlas_model::table::{Column, QueryErrors, QueryInput, SortDirection};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::views::table::TableData;
use crate::views::table_row::InstanceRow;

/// Props of [`InstanceTable`].
#[derive(Properties, PartialEq)]
pub struct InstanceTableProps {
    /// The data shown.
    pub catalog: TableData,
    /// Catalog indices of every row in display (sort) order, shown or not.
    pub order: Rc<Vec<usize>>,
    /// Catalog indices of the rows the filters let through, in display order.
    pub rows: Rc<Vec<usize>>,
    /// The Table's choices: columns, sort and the filter texts.
    pub spec: TableSpec,
    /// Filter boxes that do not parse (marked invalid).
    pub errors: Rc<QueryErrors>,
    /// The pinned instance type names.
    pub pinned: Vec<String>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The table of instance types (`data-testid="instance-table"`).
#[component]
pub fn InstanceTable(props: &InstanceTableProps) -> Html {
    use_effect_with(props.rows.clone(), |_| {
        browser::mark(browser::TABLE_UPDATED_MARK)
    });
    let heading = |column: &Column| heading(*column, props.spec.sort, &props.dispatch);
    let filter_cell =
        |column: &Column| filter_cell(*column, &props.spec.filters, &props.errors, &props.dispatch);
    let can_pin = props.pinned.len() < MAX_PINNED;
    let columns: Rc<[Column]> = props.spec.columns.as_slice().into();
    let types = &props.catalog.catalog.types;
    let mut shown = vec![false; types.len()];
    for &i in props.rows.iter() {
        if let Some(slot) = shown.get_mut(i) {
            *slot = true;
        }
    }
    let row = |&index: &usize| {
        let name = types
            .get(index)
            .map(|t| t.name.as_str())
            .unwrap_or_default();
        let pinned = props.pinned.iter().any(|p| p == name);
        html! {
            <InstanceRow key={name} catalog={props.catalog.clone()} {index}
                columns={columns.clone()} shown={shown.get(index).copied().unwrap_or(false)}
                {pinned} can_pin={can_pin || pinned} />
        }
    };
    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, name)) = browser::clicked_action(&e) else {
                return;
            };
            match action.as_str() {
                "pin" => dispatch.emit(Action::TogglePin(name)),
                "decode" => dispatch.emit(Action::OpenInDecoder(name)),
                _ => {}
            }
        })
    };
    html! {
        <div class="instance-table-scroll" tabindex="0" role="region" aria-label="Instance types">
            <table class="instance-table" data-testid="instance-table">
                <thead>
                    <tr>
                        <th class="pin-cell" scope="col"><span class="table-sr-only">{ "Pin" }</span></th>
                        { for props.spec.columns.iter().map(heading) }
                    </tr>
                    <tr class="filter-row">
                        <td class="pin-cell"></td>
                        { for props.spec.columns.iter().map(filter_cell) }
                    </tr>
                </thead>
                <tbody {onclick}>
                    { for props.order.iter().map(row) }
                    if props.rows.is_empty() {
                        <tr>
                            <td class="table-empty" colspan={(columns.len() + 1).to_string()}>
                                { "No instance type matches these filters." }
                            </td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

/// A column heading: a button that sorts (ascending, then descending), with an arrow.
fn heading(
    column: Column,
    sort: Option<(Column, SortDirection)>,
    dispatch: &Callback<Action>,
) -> Html {
    let direction = sort.and_then(|(c, d)| (c == column).then_some(d));
    let (aria, arrow) = match direction {
        Some(SortDirection::Ascending) => ("ascending", "▲"),
        Some(SortDirection::Descending) => ("descending", "▼"),
        None => ("none", "↕"),
    };
    let onclick = dispatch.reform(move |_: MouseEvent| Action::SortBy(column));
    html! {
        <th scope="col" aria-sort={aria} data-column={column.slug()} data-testid={format!("col-{}", column.slug())}
            class={classes!(column.is_numeric().then_some("numeric"))}>
            <button type="button" class="sort" data-testid={format!("sort-{}", column.slug())}
                title={format!("Sort by {}", column.label())} {onclick}>
                { column.label() }
                <span class={classes!("sort-arrow", direction.is_some().then_some("active"))}
                    aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}

/// The filter box under a numeric heading (an empty cell for text columns).
fn filter_cell(
    column: Column,
    filters: &BTreeMap<Column, String>,
    errors: &QueryErrors,
    dispatch: &Callback<Action>,
) -> Html {
    if !column.is_numeric() {
        return html! { <td data-column={column.slug()}></td> };
    }
    let text = filters.get(&column).cloned().unwrap_or_default();
    let invalid = errors.contains_key(&QueryInput::Column(column));
    let oninput = dispatch.reform(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        Action::SetColumnFilter(column, value)
    });
    html! {
        <td class="numeric" data-column={column.slug()}>
            <input type="text" class="column-filter" data-testid={format!("table-filter-{}", column.slug())}
                value={text} {oninput} placeholder=">=8" spellcheck="false" autocomplete="off"
                aria-label={format!("Filter {}: like >=8, <2, 16..64 or !=0", column.label())}
                aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| format!("table-error-{}", column.slug()))} />
        </td>
    }
}
