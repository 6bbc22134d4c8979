//! Helpers the host tests share: the embedded dataset and prices, parsed once per test.
#![allow(dead_code)]

use atlas_model::catalog::Catalog;
use atlas_model::family::{families, Family};
use atlas_model::prices::PriceTable;

/// The embedded instance-type table.
pub const DATASET: &str = include_str!("../../../../assets/data/instance-types.csv");

/// The embedded price table.
pub const PRICES: &str = include_str!("../../../../assets/data/prices-rates.csv");

/// The embedded catalog.
pub fn catalog() -> Catalog {
    Catalog::from_csv(DATASET)
        .unwrap_or_else(|e| panic!("the embedded dataset has a valid header: {e:?}"))
}

/// The embedded catalog and its families.
pub fn setup() -> (Catalog, Vec<Family>) {
    let catalog = catalog();
    let families = families(&catalog);
    (catalog, families)
}

/// The embedded price table.
pub fn prices() -> PriceTable {
    PriceTable::parse(PRICES).unwrap_or_else(|e| panic!("the embedded prices parse: {e:?}"))
}

/// The catalog index of the type called `name`.
pub fn index(catalog: &Catalog, name: &str) -> usize {
    catalog
        .types
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("{name} missing from the dataset"))
}

/// The names of the types at `rows`.
pub fn names(catalog: &Catalog, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| catalog.types[i].name.clone())
        .collect()
}

/// The types `filter` shows (no prices, so "offered there only" lets everything through).
pub fn shown(
    catalog: &Catalog,
    families: &[Family],
    filter: &atlas_model::filter::Filter,
) -> atlas_model::shown::Shown {
    atlas_model::shown::shown_types(catalog, families, filter, None)
}

/// The embedded catalog and prices as one atlas.
pub fn atlas() -> atlas_model::atlas::Atlas {
    atlas_model::atlas::Atlas::new(
        std::rc::Rc::new(catalog()),
        std::rc::Rc::new(atlas_model::atlas::PriceSource::from_csv(PRICES)),
    )
}

/// Every family pair with its price ratios in us-east-1, Linux.
pub fn letter_costs(
    catalog: &Catalog,
    families: &[Family],
) -> Vec<(
    atlas_model::letter_cost::FamilyPair,
    atlas_model::letter_cost::PairCost,
)> {
    let table = prices();
    let pricing =
        atlas_model::prices::Pricing::new(&table, "us-east-1", atlas_model::prices::Os::Linux);
    atlas_model::letter_cost::pairs(families)
        .into_iter()
        .map(|pair| {
            let cost = atlas_model::letter_cost::pair_ratios(&pricing, catalog, &pair);
            (pair, cost)
        })
        .collect()
}
