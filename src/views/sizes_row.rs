//! One family's row of the Sizes matrix: its name (click to draw it on the ladder chart)
//! and a cell per size it has (hover for specs, click to pin). A component of its own, so
//! pinning a type re-renders one row, not the whole matrix.

use atlas_model::sorted::SortedSet;
use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::family::Family;
use atlas_model::instance::InstanceType;
use atlas_model::settings::CellMetric;
use atlas_model::sizes::SizeRow;
use yew::prelude::*;

use atlas_model::screen::sizes::{cell_text, cell_value, Shade};

use crate::views::sizes_matrix::HourlyPrices;

/// Props of [`SizesRow`].
#[derive(Properties, PartialEq)]
pub struct SizesRowProps {
    /// The catalog the row's indices point into.
    pub catalog: Rc<Catalog>,
    /// The row's family.
    pub family: Family,
    /// The row: a catalog index per matrix column, where the family has that size.
    pub row: SizeRow,
    /// Catalog indices of the sizes that break their family's doubling.
    pub breakers: Rc<SortedSet<usize>>,
    /// What each cell shows.
    pub metric: CellMetric,
    /// Hourly prices by catalog index, when cells show prices.
    pub hourly: HourlyPrices,
    /// The range the cells are shaded over.
    pub shade: Shade,
    /// The pinned type names of this family.
    pub pinned: Vec<String>,
    /// The family's colour slot on the ladder chart, when it is drawn there.
    pub slot: Option<usize>,
    /// Called with a type name when its cell is clicked.
    pub on_pin: Callback<String>,
    /// Called with the family name when the row heading is clicked.
    pub on_ladder: Callback<String>,
}

/// The native tooltip of a cell: the type's specs and what a click does.
fn cell_title(instance: &InstanceType, pinned: bool, breaks: bool) -> String {
    let clock = instance
        .clock
        .as_ref()
        .map_or(String::new(), |c| format!(", {}", c.label));
    let mut lines = vec![
        format!("{} · {}", instance.name, instance.category.label()),
        format!("{} vCPU · {}", instance.vcpu, instance.memory_label),
        format!("{}{clock}", instance.processor),
        format!("Network: {}", instance.network.label),
    ];
    if breaks {
        lines.push(format!(
            "Breaks the doubling of the {} family",
            instance.family
        ));
    }
    lines.push(if pinned {
        "Pinned: click to unpin".into()
    } else {
        "Click to pin for comparison".into()
    });
    lines.join("\n")
}

/// A family's row: the sticky name heading and one cell per matrix column.
#[component]
pub fn SizesRow(props: &SizesRowProps) -> Html {
    let family = &props.family;
    let cell = |index: usize| {
        let Some(instance) = props.catalog.types.get(index) else {
            return html! { <td class="sizes-none"></td> };
        };
        let pinned = props.pinned.contains(&instance.name);
        let breaks = props.breakers.contains(&index);
        let onclick = {
            let name = instance.name.clone();
            props.on_pin.reform(move |_: MouseEvent| name.clone())
        };
        // Shades come in eleven steps, as classes: a strict Content-Security-Policy forbids
        // style attributes.
        let shade = format!(
            "shade-{}",
            (props
                .shade
                .of(cell_value(
                    props.metric,
                    instance,
                    props.hourly.get(index).copied().flatten()
                ))
                .clamp(0.0, 1.0)
                * 10.0)
                .round() as u8
        );
        html! {
            <td data-testid="size-cell" data-type={instance.name.clone()}
                class={classes!("sizes-cell", shade, pinned.then_some("sizes-pinned"), breaks.then_some("sizes-breaks"))}>
                <button type="button" title={cell_title(instance, pinned, breaks)}
                    aria-pressed={pinned.to_string()} {onclick}>
                    { cell_text(props.metric, instance, props.hourly.get(index).copied().flatten()) }
                </button>
            </td>
        }
    };
    let onclick = {
        let name = family.name.clone();
        props.on_ladder.reform(move |_: MouseEvent| name.clone())
    };
    let title = if props.slot.is_some() {
        format!(
            "{}: on the ladder chart below (click to remove)",
            family.name
        )
    } else {
        format!(
            "{}: click to draw it on the ladder chart below",
            family.name
        )
    };
    html! {
        <tr data-testid="sizes-row" data-family={family.name.clone()}>
            <th scope="row" class="sizes-family">
                <button type="button" {title} aria-pressed={props.slot.is_some().to_string()} {onclick}>
                    { &family.name }
                    if let Some(slot) = props.slot {
                        <span class={classes!("ladder-swatch", format!("ladder-colour-{}", slot % 10))} aria-hidden="true"></span>
                    }
                </button>
            </th>
            { for props.row.cells.iter().map(|c| match c {
                Some(i) => cell(*i),
                None => html! { <td class="sizes-none"></td> },
            }) }
        </tr>
    }
}
