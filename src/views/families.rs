//! The Families view: filters, axis controls, the chart and its legend.

use atlas_model::chart::axis::Metric;
use atlas_model::chart::colour::ColourBy;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::state::Action;
use yew::prelude::*;

use crate::views::axis_controls::AxisControls;
use crate::views::families_chart::FamiliesChart;
use crate::views::legend::Legend;
use crate::views::ViewProps;
use crate::widgets::filters::FilterSidebar;

/// vCPU against memory (or any two metrics), one line per family, coloured by category.
#[component]
pub fn FamiliesView(props: &ViewProps) -> Html {
    let state = &props.state;
    let plot = use_memo(
        (
            props.atlas.clone(),
            state.filter.clone(),
            state.families,
            state.region.clone(),
            state.os,
            state.include_suspect,
        ),
        |(atlas, filter, spec, region, os, include_suspect)| {
            // Prices are parsed only once a price axis or the region filter needs them.
            let wants_prices = matches!(spec.x, Metric::Price(_))
                || matches!(spec.y, Metric::Price(_))
                || matches!(spec.colour, ColourBy::Price(_));
            let pricing = wants_prices
                .then(|| atlas.pricing(region, *os, *include_suspect))
                .flatten();
            let shown = atlas.shown(filter, region);
            FamiliesPlot::build(
                &atlas.catalog,
                &atlas.families,
                &shown,
                *spec,
                pricing.as_ref(),
            )
        },
    );
    html! {
        <section class="view families" aria-label="Families">
            <FilterSidebar families={props.atlas.families.clone()} filter={props.state.filter.clone()}
                dispatch={props.dispatch.clone()} />
            <div class="main">
                <AxisControls spec={props.state.families} dispatch={props.dispatch.clone()} />
                <FamiliesChart atlas={props.atlas.clone()} plot={plot.clone()}
                    on_pin={props.dispatch.reform(Action::TogglePin)}
                    region={state.region.clone()} os={state.os} />
                <Legend filter={props.state.filter.clone()} dispatch={props.dispatch.clone()}
                    colour={state.families.colour} price_span={plot.price_span} />
            </div>
        </section>
    }
}
