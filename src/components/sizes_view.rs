//! The Sizes view: which sizes each family has (a family × size matrix showing vCPU or
//! memory), and how vCPU and memory double along the ladder (a chart of a few families).

use std::collections::BTreeSet;

use atlas_model::chart::ladder::{default_families, LadderPlot};
use atlas_model::sizes::{breaks_doubling, doubling, ladder};
use atlas_model::state::{Action, CellMetric};
use yew::prelude::*;

use crate::components::filters::Filters;
use crate::components::sizes_ladder::SizesLadder;
use crate::components::sizes_matrix::SizesMatrix;
use crate::components::ViewProps;
use crate::dataset;

/// Families against the size ladder, and the doubling chart.
#[component]
pub fn SizesView(props: &ViewProps) -> Html {
    let state = &props.state;
    let matrix = use_memo(
        (
            props.catalog.clone(),
            props.families.clone(),
            state.filter.clone(),
        ),
        |(catalog, families, filter)| ladder(catalog, families, filter),
    );
    let breakers = use_memo(
        (props.catalog.clone(), props.families.clone()),
        |(catalog, families)| {
            families
                .iter()
                .flat_map(|family| breaks_doubling(&doubling(catalog, family)))
                .collect::<BTreeSet<usize>>()
        },
    );
    let plot = use_memo(
        (
            props.catalog.clone(),
            props.families.clone(),
            state.sizes.ladder_families.clone(),
        ),
        |(catalog, families, chosen)| LadderPlot::build(catalog, families, chosen),
    );

    let dispatch = &props.dispatch;
    let chosen = &state.sizes.ladder_families;
    // The parent makes a new dispatch callback every render; the row callbacks below read
    // the latest one, so they stay the same and unchanged rows are not re-rendered.
    let latest = use_mut_ref(|| dispatch.clone());
    *latest.borrow_mut() = dispatch.clone();
    let on_pin = {
        let latest = latest.clone();
        use_callback((), move |name: String, _| {
            latest.borrow().emit(Action::TogglePin(name));
        })
    };
    // With nothing chosen the chart shows the defaults: the first change starts from them.
    let on_toggle = {
        let latest = latest.clone();
        use_callback(
            (chosen.is_empty(), props.families.clone()),
            move |family: String, (defaults, families)| {
                let dispatch = latest.borrow().clone();
                if *defaults {
                    for name in default_families(families) {
                        dispatch.emit(Action::ToggleLadderFamily(name));
                    }
                }
                dispatch.emit(Action::ToggleLadderFamily(family));
            },
        )
    };
    let on_chart: Vec<String> = plot.lines.iter().map(|l| l.family.clone()).collect();
    // Prices are looked up only while the cells show them (the table parses on first use).
    let hourly = use_memo(
        (
            props.catalog.clone(),
            state.sizes.metric,
            state.region.clone(),
            state.os,
        ),
        |(catalog, metric, region, os)| {
            if *metric != CellMetric::Price {
                return Vec::new();
            }
            let prices = dataset::prices();
            let Ok(table) = prices.as_ref() else {
                return Vec::new();
            };
            catalog
                .types
                .iter()
                .map(|t| table.trusted(&t.name, region, *os))
                .collect()
        },
    );

    let metric_button = |metric: CellMetric, slug: &str, label: &str| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetCellMetric(metric));
        let pressed = state.sizes.metric == metric;
        html! {
            <button type="button" class={classes!(pressed.then_some("sizes-metric-on"))}
                aria-pressed={pressed.to_string()} data-testid={format!("sizes-metric-{slug}")} {onclick}>
                { label }
            </button>
        }
    };
    let filter = &state.filter;
    let hidden = filter.hidden_categories.len()
        + filter.hidden_series.len()
        + usize::from(filter.current_only);
    let types: usize = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    let summary = format!(
        "{} families, {} instance types{}",
        matrix.rows.len(),
        types,
        if hidden > 0 { ", filtered" } else { "" }
    );

    html! {
        <section class="view sizes" aria-label="Sizes">
            <div class="sizes-panel">
                <div class="sizes-toolbar">
                    <div class="sizes-metric" role="group" aria-label="Cells show">
                        { metric_button(CellMetric::Vcpu, "vcpu", "vCPU") }
                        { metric_button(CellMetric::Memory, "memory", "Memory") }
                        { metric_button(CellMetric::Price, "price", "Price / h") }
                    </div>
                    <span class="sizes-summary" data-testid="sizes-summary">{ summary }</span>
                    <details class="sizes-filters">
                        <summary>{ if hidden > 0 { format!("Filters ({hidden} set)") } else { "Filters".to_owned() } }</summary>
                        <Filters families={props.families.clone()} filter={filter.clone()}
                            dispatch={dispatch.clone()} />
                    </details>
                </div>
                <SizesMatrix catalog={props.catalog.clone()} families={props.families.clone()}
                    matrix={matrix.clone()} breakers={breakers.clone()} metric={state.sizes.metric} hourly={hourly}
                    pinned={state.pinned.clone()} on_chart={on_chart}
                    on_pin={on_pin.clone()} on_ladder={on_toggle.clone()} />
            </div>
            <div class="sizes-panel">
                <SizesLadder catalog={props.catalog.clone()} families={props.families.clone()}
                    plot={plot.clone()} defaults={chosen.is_empty()} {on_toggle} {on_pin} />
            </div>
        </section>
    }
}
