//! Every view shows the same instance types for the same filters: "offered there only"
//! and the Capabilities feature narrow Sizes and Capabilities exactly as they narrow the
//! Table and Families, and the "filtered" hints count them.

mod common;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::capabilities::{
    counts_by_category_and_vendor, counts_by_feature, family_features, Feature,
};
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::compare::{compare, hidden_by_filters};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::prices::Os;
use atlas_model::screen::capabilities::capabilities_screen;
use atlas_model::screen::sizes::sizes_screen;
use atlas_model::settings::FamiliesSpec;
use atlas_model::sizes::size_matrix;
use atlas_model::state::{reduce, Action, State};
use atlas_model::table::{rows, RowPrices, TableQuery};

fn atlas() -> Atlas {
    Atlas::new(
        Rc::new(common::catalog()),
        Rc::new(PriceSource::from_csv(common::PRICES)),
    )
}

/// How many types each view shows for `filter` in `region`: Table, Families, Sizes and
/// the Capabilities vendor chart.
fn counts(atlas: &Atlas, filter: &Filter, region: &str) -> [usize; 4] {
    let (catalog, families) = (&atlas.catalog, &atlas.families);
    let shown = atlas.shown(filter, region);
    let pricing = atlas.pricing(region, Os::Linux, false);
    let prices = pricing
        .as_ref()
        .map(|p| RowPrices::new(catalog, p))
        .unwrap_or_default();
    let table = rows(
        catalog,
        families,
        &shown,
        &TableQuery::default(),
        None,
        &prices,
    )
    .len();
    let plot = FamiliesPlot::build(catalog, families, &shown, FamiliesSpec::default(), None);
    let matrix = size_matrix(catalog, &shown);
    let sizes = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    let rows: Vec<usize> = shown.types().collect();
    let vendors = counts_by_category_and_vendor(catalog, &rows)
        .iter()
        .map(|c| c.types)
        .sum();
    [table, plot.point_count(), sizes, vendors]
}

#[test]
fn offered_there_only_narrows_every_view_alike() {
    let atlas = atlas();
    let filter = Filter {
        offered_only: true,
        ..Filter::default()
    };
    let [table, families, sizes, vendors] = counts(&atlas, &filter, "ap-south-2");
    assert!(
        table > 100 && table < atlas.catalog.types.len(),
        "{table} offered in ap-south-2"
    );
    assert_eq!(families, table, "Families shows what the Table shows");
    assert_eq!(sizes, table, "Sizes shows what the Table shows");
    assert_eq!(vendors, table, "Capabilities counts what the Table shows");

    let everywhere = counts(&atlas, &Filter::default(), "ap-south-2");
    assert_eq!(everywhere, [atlas.catalog.types.len(); 4]);
}

#[test]
fn every_shared_filter_narrows_every_view_alike() {
    let atlas = atlas();
    let mut filter = Filter {
        current_only: true,
        offered_only: true,
        ..Filter::default()
    };
    filter.hidden_categories.insert(Category::Accelerated);
    filter.hidden_series.insert("m".to_owned());
    let [table, families, sizes, vendors] = counts(&atlas, &filter, "eu-west-1");
    assert!(table > 50 && table < atlas.catalog.types.len(), "{table}");
    assert_eq!([families, sizes, vendors], [table; 3]);
    assert_eq!(filter.set_count(), 4);
}

#[test]
fn capability_counts_follow_offered_there_only() {
    let atlas = atlas();
    let amd = |filter: &Filter| {
        let shown = atlas.shown(filter, "ap-south-2");
        counts_by_feature(&atlas.catalog, &shown)
            .into_iter()
            .find(|(f, _)| *f == Feature::Amd)
            .map_or(0, |(_, n)| n)
    };
    let offered = Filter {
        offered_only: true,
        ..Filter::default()
    };
    assert!(amd(&offered) < amd(&Filter::default()));
}

#[test]
fn the_capability_feature_narrows_every_view_alike_and_counts_as_set() {
    let atlas = atlas();
    let all = atlas.catalog.types.len();
    let state = reduce(&State::default(), Action::SetFeature(Some(Feature::Amd)));
    let amd_types: usize = atlas
        .families
        .iter()
        .filter(|f| family_features(f, &atlas.catalog).contains(&Feature::Amd))
        .map(|f| f.members.len())
        .sum();
    assert!(amd_types > 50 && amd_types < all, "{amd_types} AMD types");

    let [table, families, sizes, vendors] = counts(&atlas, &state.filter, &state.region);
    assert_eq!(
        table, amd_types,
        "the Table keeps only the AMD families' types"
    );
    assert_eq!([families, sizes, vendors], [table; 3]);
    let summary = sizes_screen(&atlas, &state).summary;
    assert!(summary.ends_with(", filtered"), "{summary}");
    let capabilities = capabilities_screen(&atlas, &state);
    assert!(
        capabilities.types_line.contains("(filtered)"),
        "{}",
        capabilities.types_line
    );
    assert_eq!(capabilities.vendor_plot.total(), amd_types);

    let wide = reduce(&state, Action::ShowEveryType);
    assert_eq!(counts(&atlas, &wide.filter, &wide.region), [all; 4]);
}

#[test]
fn compare_marks_the_pinned_types_the_shared_filters_hide() {
    let atlas = atlas();
    let pinned = ["m5a.large", "m5.large", "nope.large"].map(String::from);
    let comparison = compare(&atlas.catalog, &pinned);
    let state = reduce(&State::default(), Action::SetFeature(Some(Feature::Amd)));
    let shown = atlas.shown(&state.filter, &state.region);
    assert_eq!(
        hidden_by_filters(&comparison, &shown),
        [false, true, false],
        "m5 has no AMD; a missing type is missing, not hidden"
    );
    let everything = atlas.shown(&Filter::default(), &state.region);
    assert_eq!(hidden_by_filters(&comparison, &everything), [false; 3]);
}
