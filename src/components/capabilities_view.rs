//! The Capabilities view: what each name letter and feature buys. Two bar charts (types
//! per category by vendor, types per feature), the catalogue's record holders, and the
//! matrix of families against features, all following the shared filters.

use atlas_model::capabilities::{counts_by_category_and_vendor, counts_by_feature};
use atlas_model::chart::bars::BarsPlot;
use atlas_model::extremes::extremes;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::components::capabilities_charts::BarsChart;
use crate::components::capabilities_extremes::Extremes;
use crate::components::capabilities_matrix::{matrix_rows, CapabilityMatrix};
use crate::components::ViewProps;

/// Families against capability letters and features, counts per category, vendor and
/// feature, and the extremes.
#[component]
pub fn CapabilitiesView(props: &ViewProps) -> Html {
    let state = &props.state;
    let shown = use_memo(
        (
            props.atlas.clone(),
            state.filter.clone(),
            state.region.clone(),
        ),
        |(atlas, filter, region)| atlas.shown(filter, region),
    );
    let inputs = (props.atlas.clone(), shown.clone());
    let vendor_plot = use_memo(inputs.clone(), |(atlas, shown)| {
        let rows: Vec<usize> = shown.types().collect();
        BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(&atlas.catalog, &rows))
    });
    let feature_plot = use_memo(inputs.clone(), |(atlas, shown)| {
        BarsPlot::by_feature(&counts_by_feature(&atlas.catalog, shown))
    });
    let rows = use_memo(inputs, |(atlas, shown)| {
        matrix_rows(&atlas.catalog, &atlas.families, shown)
    });
    let records = use_memo(props.atlas.clone(), |atlas| extremes(&atlas.catalog));

    let all_families = props.atlas.families.len();
    let to_filters = props
        .dispatch
        .reform(|_: MouseEvent| Action::SetView(View::Families));
    let filtered = props.state.filter.set_count() > 0;
    html! {
        <section class="view capabilities" aria-label="Capabilities">
            <p class="caps-intro">
                { "What each letter in a name buys: " }
                <strong>{ format!("{} of {all_families} families", rows.len()) }</strong>
                { format!(", {} instance types", vendor_plot.total()) }
                if filtered { { " (filtered). " } } else { { ". " } }
                <button type="button" class="link" onclick={to_filters} data-testid="caps-change-filters">
                    { "Change filters" }
                </button>
            </p>
            <div class="caps-charts">
                <BarsChart plot={vendor_plot} testid="vendor-chart" legend={true}
                    caption="Instance types per category, by processor vendor" />
                <BarsChart plot={feature_plot} testid="feature-chart" legend={false}
                    caption="Instance types per capability" />
            </div>
            <Extremes catalog={props.atlas.catalog.clone()} {records} pinned={props.state.pinned.clone()}
                dispatch={props.dispatch.clone()} />
            <CapabilityMatrix {rows} only={props.state.feature}
                on_only={props.dispatch.reform(Action::SetFeature)} />
        </section>
    }
}
