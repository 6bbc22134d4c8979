//! The Sizes view: which sizes each family has (a family × size matrix showing vCPU or
//! memory), and how vCPU and memory double along the ladder (a chart of a few families).

use atlas_model::chart::ladder::{default_families, LadderPlot};
use atlas_model::screen::sizes::sizes_screen;
use atlas_model::settings::CellMetric;
use atlas_model::settings::ZoomChart;
use atlas_model::sizes::{breaks_doubling, doubling};
use atlas_model::sorted::SortedSet;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::views::axis_controls::{ChartZoom, ShownTable};
use crate::views::sizes_ladder::SizesLadder;
use crate::views::sizes_matrix::SizesMatrix;
use crate::views::ViewProps;
use crate::widgets::escape::escape_closes_details;
use crate::widgets::filters::Filters;

/// Families against the size ladder, and the doubling chart.
#[component]
pub fn SizesView(props: &ViewProps) -> Html {
    let state = &props.state;
    let screen = use_memo((props.atlas.clone(), state.clone()), |(atlas, state)| {
        sizes_screen(atlas, state)
    });
    let breakers = use_memo(props.atlas.clone(), |atlas| {
        let catalog = &atlas.catalog;
        SortedSet::from_iter(
            atlas
                .families
                .iter()
                .flat_map(|family| breaks_doubling(&doubling(catalog, family))),
        )
    });
    let plot = use_memo(
        (
            props.atlas.clone(),
            state.sizes.ladder_families.clone(),
            state.sizes.ladder_ranges,
        ),
        |(atlas, chosen, ranges)| {
            LadderPlot::build(&atlas.catalog, &atlas.families, chosen).zoomed(*ranges)
        },
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
        use_callback(props.atlas.clone(), move |family: String, atlas| {
            let defaults = default_families(&atlas.families);
            latest
                .borrow()
                .emit(Action::ToggleLadderFamily { family, defaults });
        })
    };
    let on_chart: Vec<String> = plot.lines.iter().map(|l| l.family.clone()).collect();
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

    html! {
        <section class="view sizes" aria-label="Sizes">
            <div class="sizes-panel">
                <div class="sizes-toolbar">
                    <div class="sizes-metric" role="group" aria-label="Cells show">
                        { metric_button(CellMetric::Vcpu, "vcpu", "vCPU") }
                        { metric_button(CellMetric::Memory, "memory", "Memory") }
                        { metric_button(CellMetric::Price, "price", "Price / h") }
                    </div>
                    <span class="sizes-summary" data-testid="sizes-summary">{ &screen.summary }</span>
                    <details class="sizes-filters" onkeydown={escape_closes_details()}>
                        <summary>{ &screen.filters_label }</summary>
                        <Filters families={props.atlas.families.clone()} filter={filter.clone()}
                            dispatch={dispatch.clone()} />
                    </details>
                </div>
                <SizesMatrix catalog={props.atlas.catalog.clone()} families={props.atlas.families.clone()}
                    matrix={screen.matrix.clone()} breakers={breakers.clone()} metric={state.sizes.metric} hourly={screen.hourly.clone()}
                    pinned={state.pinned.clone()} on_chart={on_chart}
                    on_pin={on_pin.clone()} on_ladder={on_toggle.clone()} />
            </div>
            <div class="sizes-panel">
                <SizesLadder catalog={props.atlas.catalog.clone()} families={props.atlas.families.clone()}
                    plot={plot.clone()} defaults={chosen.is_empty()} {on_toggle} {on_pin}
                    pinned={state.pinned.clone()}
                    zoom={ChartZoom::new(ZoomChart::Ladder, View::Sizes, state, dispatch)}
                    table={ShownTable::new(View::Sizes, state, dispatch)} />
            </div>
        </section>
    }
}
