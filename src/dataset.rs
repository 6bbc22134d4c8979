//! The built-in dataset, embedded in the build: no fetch at run time.

use std::rc::Rc;

use atlas_model::atlas::PriceSource;
use atlas_model::catalog::{Catalog, CatalogError};

use crate::browser::{mark, DATA_PARSED_MARK};

/// The instance-type table, as the refresh script wrote it (see `assets/data/PROVENANCE.md`).
pub const INSTANCE_TYPES_CSV: &str = include_str!("../assets/data/instance-types.csv");

/// On-demand hourly prices per region (see `assets/data/PROVENANCE.md`).
const PRICES_CSV: &str = include_str!("../assets/data/prices-compact.csv");

/// The built-in price table, parsed the first time something needs a price (not at
/// start-up, so the first chart does not wait for it) and judged against the built-in
/// catalog (which prices to trust). Built-in and loaded data share it.
pub fn builtin_prices(catalog: Option<Rc<Catalog>>) -> Rc<PriceSource> {
    let source = PriceSource::from_csv(PRICES_CSV);
    Rc::new(match catalog {
        Some(catalog) => source.judged_by(catalog),
        None => source,
    })
}

/// Where the built-in data comes from, in a line for the footer.
pub const SOURCE: &str = "EC2 API describe-instance-types and offerings shipped in moto 5.2.5 \
                          (2026-10-27); prices: AWS Price List in apache-libcloud 3.9.1 (Apache-2.0)";

/// The date of the prices, for the footer.
pub const SOURCE_DATE: &str = atlas_model::prices::PRICE_LIST_DATE;

/// Parses the built-in dataset (once; later calls share it). Called before the app
/// mounts, so that the first render does not share its time slice with parsing.
pub fn builtin() -> Rc<Result<Rc<Catalog>, CatalogError>> {
    let parsed = Catalog::from_csv(INSTANCE_TYPES_CSV).map(Rc::new);
    mark(DATA_PARSED_MARK);
    Rc::new(parsed)
}
