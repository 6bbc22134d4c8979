//! One row of the instance-type table. The table builds rows only for the types in its
//! scroll box's view; a row is keyed by its type, so scrolling a row's width reuses the
//! rows still in view and builds one new row.

use std::rc::Rc;

use atlas_model::state::MAX_PINNED;
use atlas_model::table::Column;
use yew::prelude::*;

use crate::views::table::TableData;

/// Props of [`InstanceRow`].
#[derive(Properties, PartialEq)]
pub struct InstanceRowProps {
    /// The data shown.
    pub catalog: TableData,
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
    let Some(t) = props.catalog.catalog.types.get(props.index) else {
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
    let cell = |column: &Column| match column {
        Column::Name => html! {
            <td data-column="name">
                <button type="button" class="link decode" data-action="decode">{ name }</button>
            </td>
        },
        c if c.price_metric().is_some() => {
            let why = props
                .catalog
                .flagged(props.index)
                .filter(|_| props.catalog.hourly(props.index).is_some());
            let flagged = why.is_some();
            html! {
                <td data-column={c.slug()} class={classes!("numeric", flagged.then_some("flagged"))}
                    title={why.map(|w| format!("Suspect price: {w}"))}>
                    { c.text_at(t, props.catalog.hourly(props.index)) }
                    if flagged { <span class="flag" aria-label="price flagged">{ " ⚠" }</span> }
                </td>
            }
        }
        c => html! {
            <td data-column={c.slug()} class={c.is_numeric().then_some("numeric")}>{ c.text(t) }</td>
        },
    };
    html! {
        <tr data-testid="instance-row" data-name={name.clone()} class={props.pinned.then_some("pinned-row")}>
            <td class="pin-cell">
                <button type="button" class="pin-toggle" data-testid="pin-toggle" data-action="pin"
                    aria-pressed={props.pinned.to_string()} aria-label={pin_label}
                    disabled={!props.can_pin}>
                    { if props.pinned { "★" } else { "☆" } }
                </button>
            </td>
            { for props.columns.iter().map(cell) }
        </tr>
    }
}
