//! The Capabilities view: what each name letter and feature buys. Two bar charts (types
//! per category by vendor, types per feature), the catalogue's record holders, and the
//! matrix of families against features, all following the shared filters.

use atlas_model::capabilities::{counts_by_category_and_vendor, counts_by_feature};
use atlas_model::catalog::Catalog;
use atlas_model::chart::bars::BarsPlot;
use atlas_model::extremes::extremes;
use atlas_model::family::Family;
use atlas_model::filter::Filter;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::components::capabilities_charts::BarsChart;
use crate::components::capabilities_extremes::Extremes;
use crate::components::capabilities_matrix::{matrix_rows, CapabilityMatrix};
use crate::components::ViewProps;

/// The catalog indices of the types the filter shows, family by family.
fn shown_types(catalog: &Catalog, families: &[Family], filter: &Filter) -> Vec<usize> {
    families
        .iter()
        .filter(|f| filter.shows_family(f))
        .flat_map(|f| f.members.iter().copied())
        .filter(|&i| catalog.types.get(i).is_some_and(|t| filter.shows_type(t)))
        .collect()
}

/// Families against capability letters and features, counts per category, vendor and
/// feature, and the extremes.
#[component]
pub fn CapabilitiesView(props: &ViewProps) -> Html {
    let inputs = (
        props.catalog.clone(),
        props.families.clone(),
        props.state.filter.clone(),
    );
    let vendor_plot = use_memo(inputs.clone(), |(catalog, families, filter)| {
        let shown = shown_types(catalog, families, filter);
        BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(catalog, &shown))
    });
    let feature_plot = use_memo(inputs.clone(), |(catalog, families, filter)| {
        BarsPlot::by_feature(&counts_by_feature(catalog, families, filter))
    });
    let rows = use_memo(inputs, |(catalog, families, filter)| {
        matrix_rows(catalog, families, filter)
    });
    let records = use_memo(props.catalog.clone(), |catalog| extremes(catalog));

    let all_families = props.families.len();
    let to_filters = props
        .dispatch
        .reform(|_: MouseEvent| Action::SetView(View::Families));
    let filtered = rows.len() < all_families || props.state.filter.current_only;
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
            <Extremes catalog={props.catalog.clone()} {records} pinned={props.state.pinned.clone()}
                dispatch={props.dispatch.clone()} />
            <CapabilityMatrix {rows} only={props.state.feature}
                on_only={props.dispatch.reform(Action::SetFeature)} />
        </section>
    }
}
