//! Every view shows the same instance types for the same filters: "offered there only"
//! narrows Sizes and Capabilities exactly as it narrows the Table and Families.

mod common;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::capabilities::{counts_by_category_and_vendor, counts_by_feature, Feature};
use atlas_model::chart::families::{FamiliesPlot, FamiliesSpec};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::prices::Os;
use atlas_model::sizes::size_matrix;
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
        .map(|c| c.2)
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
