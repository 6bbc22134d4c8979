//! Every derivation stays n log n: generated shapes that would take minutes if a step were
//! quadratic (a family of 30,000 sizes, 40,000 families, 100,000 types) go through the
//! views' derivations. No clock here: `make bench` times them (`examples/scale_bench.rs`).

mod shapes;

use atlas_model::capabilities::counts_by_feature;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::family::families;
use atlas_model::filter::Filter;
use atlas_model::letter_cost::{letter_summary, pair_costs, pairs};
use atlas_model::prices::{Os, Pricing};
use atlas_model::settings::FamiliesSpec;
use atlas_model::shown::shown_types;
use atlas_model::sizes::{breaks_doubling, doubling, size_matrix};
use atlas_model::table::{rows, Column, RowPrices, SortDirection, TableQuery};

#[test]
fn one_family_of_30000_sizes_gets_its_matrix_and_doubling() {
    let catalog = shapes::one_family_of_sizes(30_000);
    let families = families(&catalog);
    assert_eq!(families.len(), 1);
    let matrix = size_matrix(
        &catalog,
        &shown_types(&catalog, &families, &Filter::default(), None),
    );
    assert_eq!(matrix.columns.len(), 30_000);
    let points = doubling(&catalog, &families[0]);
    assert_eq!(points.len(), 30_000);
    let breakers = breaks_doubling(&points);
    // Every seventh size has half as many vCPUs again.
    assert_eq!(breakers.len(), (2..30_002).filter(|k| k % 7 == 0).count());
}

#[test]
fn forty_thousand_families_pair_up_and_get_their_letter_prices() {
    let catalog = shapes::many_families(40_000);
    let families = families(&catalog);
    assert_eq!(families.len(), 40_000);
    let found = pairs(&families);
    assert_eq!(found.len(), 20_000, "every m<g>i pairs with m<g>a");
    let table = shapes::prices(&catalog);
    let costs = pair_costs(
        &Pricing::new(&table, "us-east-1", Os::Linux),
        &catalog,
        &found,
    );
    assert!(costs.iter().all(|(_, c)| c.sizes.len() == 2));
    let summary = letter_summary(
        &Pricing::new(&table, "us-east-1", Os::Linux),
        &catalog,
        &found,
    );
    assert_eq!(summary.len(), 1);
    assert_eq!(
        (summary[0].letter.as_str(), summary[0].pairs),
        ("a", 20_000)
    );
    assert!((summary[0].median - 0.9).abs() < 1e-9);
}

#[test]
fn a_hundred_thousand_types_go_through_every_shared_derivation() {
    let catalog = shapes::many_types(100_000);
    let families = families(&catalog);
    assert_eq!(families.len(), 10_000);
    let shown = shown_types(&catalog, &families, &Filter::default(), None);
    let prices = RowPrices::default();
    for column in [Column::Name, Column::Vcpu, Column::Processor] {
        let sort = Some((column, SortDirection::Descending));
        let rows = rows(
            &catalog,
            &families,
            &shown,
            &TableQuery::default(),
            sort,
            &prices,
        );
        assert_eq!(rows.len(), 100_000);
    }
    let plot = FamiliesPlot::build(&catalog, &families, &shown, FamiliesSpec::default(), None);
    assert_eq!(plot.point_count(), 100_000);
    let matrix = size_matrix(&catalog, &shown);
    assert_eq!((matrix.rows.len(), matrix.columns.len()), (10_000, 10));
    let counted: usize = counts_by_feature(&catalog, &shown)
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert!(counted > 0);
}
