//! The Families view: filters, axis controls, the chart and its legend.

use atlas_model::chart::families::FamiliesPlot;
use atlas_model::state::Action;
use yew::prelude::*;

use crate::components::axis_controls::AxisControls;
use crate::components::families_chart::FamiliesChart;
use crate::components::filters::Filters;
use crate::components::legend::Legend;
use crate::components::ViewProps;

/// vCPU against memory (or any two metrics), one line per family, coloured by category.
#[component]
pub fn FamiliesView(props: &ViewProps) -> Html {
    let plot = use_memo(
        (
            props.catalog.clone(),
            props.families.clone(),
            props.state.filter.clone(),
            props.state.families,
        ),
        |(catalog, families, filter, spec)| FamiliesPlot::build(catalog, families, filter, *spec),
    );
    html! {
        <section class="view families" aria-label="Families">
            <aside class="sidebar">
                <Filters families={props.families.clone()} filter={props.state.filter.clone()}
                    dispatch={props.dispatch.clone()} />
            </aside>
            <div class="main">
                <AxisControls spec={props.state.families} dispatch={props.dispatch.clone()} />
                <FamiliesChart catalog={props.catalog.clone()} {plot}
                    on_pin={props.dispatch.reform(Action::TogglePin)} />
                <Legend filter={props.state.filter.clone()} dispatch={props.dispatch.clone()} />
            </div>
        </section>
    }
}
