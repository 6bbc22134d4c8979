//! The Capabilities view: what each name letter and feature buys. Two bar charts (types
//! per category by vendor, types per feature), the catalogue's record holders, and the
//! matrix of families against features, all following the shared filters.

use atlas_model::extremes::extremes;
use atlas_model::screen::capabilities::capabilities_screen;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::views::axis_controls::ShownTable;
use crate::views::capabilities_charts::BarsChart;
use crate::views::capabilities_extremes::Extremes;
use crate::views::capabilities_matrix::CapabilityMatrix;
use crate::views::ViewProps;

/// Families against capability letters and features, counts per category, vendor and
/// feature, and the extremes.
#[component]
pub fn CapabilitiesView(props: &ViewProps) -> Html {
    let state = &props.state;
    let screen = use_memo((props.atlas.clone(), state.clone()), |(atlas, state)| {
        capabilities_screen(atlas, state)
    });
    let records = use_memo(props.atlas.clone(), |atlas| extremes(&atlas.catalog));

    let table = ShownTable::new(View::Capabilities, state, &props.dispatch);
    let to_filters = props
        .dispatch
        .reform(|_: MouseEvent| Action::SetView(View::Families));
    html! {
        <section class="view capabilities" aria-label="Capabilities">
            <p class="caps-intro">
                { "What each letter in a name buys: " }
                <strong>{ &screen.families_line }</strong>
                { &screen.types_line }
                <button type="button" class="link" onclick={to_filters} data-testid="caps-change-filters">
                    { "Change filters" }
                </button>
            </p>
            <div class="caps-charts">
                <BarsChart plot={screen.vendor_plot.clone()} testid="vendor-chart" legend={true}
                    table={table.clone()}
                    caption="Instance types per category, by processor vendor" />
                <BarsChart plot={screen.feature_plot.clone()} testid="feature-chart" legend={false}
                    {table}
                    caption="Instance types per capability" />
            </div>
            <Extremes catalog={props.atlas.catalog.clone()} {records} pinned={props.state.pinned.clone()}
                dispatch={props.dispatch.clone()} />
            <CapabilityMatrix rows={screen.rows.clone()} only={props.state.filter.feature}
                on_only={props.dispatch.reform(Action::SetFeature)} />
        </section>
    }
}
