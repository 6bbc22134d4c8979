//! One row of the instance-type table. The table builds rows only for the types in its
//! scroll box's view; a row is keyed by its type, so scrolling a row's width reuses the
//! rows still in view and builds one new row.

use std::rc::Rc;

use atlas_model::screen::table::{row_cells, TableCell};
use atlas_model::state::MAX_PINNED;
use atlas_model::table::Column;
use yew::prelude::*;

use crate::views::table::TableData;

/// Props of [`InstanceRow`].
#[derive(Properties, PartialEq)]
pub struct InstanceRowProps {
    /// The data shown.
    pub data: TableData,
    /// The row's catalog index.
    pub index: usize,
    /// The columns shown, in order.
    pub columns: Rc<[Column]>,
    /// Whether the type is pinned.
    pub pinned: bool,
    /// Whether the pin toggle works (it is pinned, or there is room for another pin).
    pub can_pin: bool,
}

/// One instance type's `<tr>` (`data-testid="instance-row"`): the pin toggle, then one
/// cell per column. The buttons carry only `data-action`; the table body's click handler
/// reads the row's `data-name`. Pinning another type leaves this row's props, and so the
/// row, unchanged.
#[component]
pub fn InstanceRow(props: &InstanceRowProps) -> Html {
    let Some(t) = props.data.atlas.catalog.types.get(props.index) else {
        return html! {};
    };
    let name = &t.name;
    let pin_label = if props.pinned {
        format!("Unpin {name}")
    } else if props.can_pin {
        format!("Pin {name} for comparison")
    } else {
        format!("{MAX_PINNED} types are pinned already")
    };
    let cell = |cell: TableCell| match cell.column {
        Column::Name => html! {
            <td data-column="name">
                <button type="button" class="link decode" data-action="decode">{ cell.text }</button>
            </td>
        },
        c => html! {
            <td data-column={c.slug()} title={cell.title}
                class={classes!(cell.numeric.then_some("numeric"), cell.flagged.then_some("flagged"))}>
                { cell.text }
                if cell.flagged { <span class="flag" aria-label="price flagged">{ " ⚠" }</span> }
            </td>
        },
    };
    let cells = row_cells(t, props.index, &props.columns, &props.data.prices);
    html! {
        <tr data-testid="instance-row" data-name={name.clone()} class={props.pinned.then_some("pinned-row")}>
            <td class="pin-cell">
                <button type="button" class="pin-toggle" data-testid="pin-toggle" data-action="pin"
                    aria-pressed={props.pinned.to_string()} aria-label={pin_label}
                    disabled={!props.can_pin}>
                    { if props.pinned { "★" } else { "☆" } }
                </button>
            </td>
            { for cells.into_iter().map(cell) }
        </tr>
    }
}
