//! Every view shows the same instance types for the same filters: "offered there only"
//! narrows Sizes and Capabilities exactly as it narrows the Table and Families.

mod common;

use atlas_model::capabilities::counts_by_feature;
use atlas_model::filter::Filter;
use atlas_model::prices::{Os, Pricing};
use atlas_model::sizes::ladder;
use atlas_model::table::{rows, RowPrices, TableQuery};

#[test]
fn offered_there_only_narrows_sizes_and_capabilities_like_the_table() {
    let (catalog, families) = common::setup();
    let table = common::prices();
    let pricing = Pricing {
        table: &table,
        region: "ap-south-2",
        os: Os::Linux,
    };
    let filter = Filter {
        offered_only: true,
        ..Filter::default()
    };
    let prices = RowPrices::new(&catalog, &pricing);
    let table_rows = rows(
        &catalog,
        &filter,
        &families,
        &TableQuery::default(),
        None,
        &prices,
    );
    assert!(
        table_rows.len() < 400,
        "{} offered in ap-south-2",
        table_rows.len()
    );

    let matrix = ladder(&catalog, &families, &filter);
    let in_matrix: usize = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    assert_eq!(
        in_matrix,
        table_rows.len(),
        "Sizes shows what the Table shows"
    );

    let amd = counts_by_feature(&catalog, &families, &filter);
    let amd_types = amd.iter().find(|(f, _)| f.slug() == "amd").map(|(_, n)| *n);
    let amd_rows = table_rows
        .iter()
        .filter(|&&i| {
            catalog.types[i]
                .name
                .split('.')
                .next()
                .is_some_and(|f| f.contains('a'))
        })
        .count();
    assert!(
        amd_types.unwrap_or(0) <= amd_rows,
        "Capabilities counts only offered types"
    );
}
