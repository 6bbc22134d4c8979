//! The suspect prices of one region and system, by catalog index, for the views to mark.
//!
//! The judging itself is [`super::PriceTable::assess`] (see `trust.rs`); this gathers its
//! verdicts for the types a view shows.

use crate::sorted::SortedMap;

use crate::catalog::Catalog;

use super::{Os, PriceCheck, PriceTable, Suspicion};

/// The suspect prices of every catalog type in `region` on `os`, by index into
/// [`Catalog::types`]; trusted and unknown prices are absent.
pub fn flags(
    table: &PriceTable,
    catalog: &Catalog,
    region: &str,
    os: Os,
) -> SortedMap<usize, Suspicion> {
    catalog
        .types
        .iter()
        .enumerate()
        .filter_map(|(index, t)| match table.check(&t.name, region, os) {
            PriceCheck::Suspect(_, why) => Some((index, why)),
            _ => None,
        })
        .collect()
}

/// The median of some numbers (the mean of the middle two for an even count); `None` if empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    crate::order::sort_floats(values);
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle]),
        _ => Some((values[middle - 1] + values[middle]) / 2.0),
    }
}
