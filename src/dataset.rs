//! The built-in dataset, embedded in the build: no fetch at run time.

use std::rc::Rc;

use atlas_model::atlas::PriceSource;
use atlas_model::catalog::Catalog;
use atlas_model::prices::{Os, SUSPECT_PRICES_BY_OS};
use atlas_model::wire::{self, WireError};

use crate::browser::{in_idle_steps, mark, DATA_PARSED_MARK, PRICES_READY_MARK};

/// The instance-type table: `assets/data/instance-types.csv` as the refresh script wrote it
/// (see `assets/data/PROVENANCE.md`), turned by `build.rs` into the compact catalogue text
/// of `atlas_model::wire`, which reads back as exactly the CSV's records.
const INSTANCE_TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/instance-types.wire"));

/// On-demand hourly prices per region and OS, as rates per family (see
/// `assets/data/PROVENANCE.md`).
const PRICES_RATES: &str = include_str!("../assets/data/prices-rates.csv");

/// The built-in price table, parsed the first time something needs a price (not at
/// start-up, so the first chart does not wait for it) and judged against the built-in
/// catalog (which prices to trust). Built-in and loaded data share it.
pub fn builtin_prices(catalog: Option<Rc<Catalog>>) -> Rc<PriceSource> {
    let source = PriceSource::from_rates(PRICES_RATES);
    Rc::new(match catalog {
        Some(catalog) => source.judged_by(catalog),
        None => source,
    })
}

/// Where the embed page finds the judged prices of `region` for `os`, relative to the page
/// (`make dist` writes one file per region and system with the `region-prices` tool).
pub fn region_prices_path(region: &str, os: Os) -> String {
    format!("prices/{region}/{}.txt", os.slug())
}

/// The embed page's prices: the fetched file of its region and system, or, when it could
/// not be fetched, a source whose every price says why (the chart draws all the same).
pub fn fetched_prices(
    text: Result<String, String>,
    catalog: Option<Rc<Catalog>>,
) -> Rc<PriceSource> {
    Rc::new(match (text, catalog) {
        (Ok(text), Some(catalog)) => PriceSource::one_region(text, catalog),
        (Ok(_), None) => {
            PriceSource::unavailable("the built-in catalogue could not be read".into())
        }
        (Err(reason), _) => PriceSource::unavailable(reason),
    })
}

/// Reads and judges the built-in prices in small steps while the page is idle (one long
/// task would keep a click or key press waiting), marking [`PRICES_READY_MARK`] when done.
/// Whatever needs a price before then finishes the steps itself (`PriceSource::table`).
pub fn read_prices_when_idle(prices: Rc<PriceSource>) {
    in_idle_steps(move || {
        let done = prices.advance();
        if done {
            mark(PRICES_READY_MARK);
        }
        done
    });
}

/// Where the built-in specs and offerings come from, for the footer.
const SPECS_SOURCE: &str =
    "the EC2 API's describe-instance-types and offerings as shipped in moto 5.2.5 (2026-10-27)";

/// Where the built-in prices come from, for the footer.
const PRICES_SOURCE: &str = "the AWS Price List in apache-libcloud 3.9.1";

/// The footer's line about the built-in data: how many types, from where and when, and
/// how many prices are suspect.
pub fn source_line(catalog: Option<&Catalog>) -> String {
    let types = catalog.map_or(0, |c| c.types.len());
    let retired = catalog.map_or(0, |c| c.types.iter().filter(|t| t.details.retired).count());
    let per_os: Vec<String> = Os::ALL
        .into_iter()
        .zip(SUSPECT_PRICES_BY_OS)
        .map(|(os, n)| format!("{} {n}", os.label()))
        .collect();
    format!(
        "Data: {types} instance types from {SPECS_SOURCE}, {retired} of them no longer listed \
         by the API and kept from the Price List; prices from {PRICES_SOURCE} as of {}, \
         {} of them marked suspect ({}). ",
        atlas_model::prices::PRICE_LIST_DATE,
        atlas_model::prices::SUSPECT_PRICES,
        per_os.join(", "),
    )
}

/// Parses the built-in dataset (once; later calls share it). Called before the app
/// mounts, so that the first render does not share its time slice with parsing.
pub fn builtin() -> Rc<Result<Rc<Catalog>, WireError>> {
    let parsed = wire::decode_catalog(INSTANCE_TYPES).map(Rc::new);
    mark(DATA_PARSED_MARK);
    Rc::new(parsed)
}
