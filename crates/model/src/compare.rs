//! The Compare view's logic: pinned types side by side, differences marked, ratios against
//! the first.

use crate::catalog::Catalog;
use crate::prices::{PriceMetric, Pricing};
use crate::shown::Shown;
use crate::table::Column;

/// One spec across the compared types.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// The spec compared.
    pub column: Column,
    /// What each type's cell shows (empty for a type not in the data).
    pub cells: Vec<String>,
    /// Whether the cells are not all the same.
    pub differs: bool,
    /// For numeric specs, each type's value divided by the first type's (`None` where either
    /// has no value or the first is zero).
    pub ratios: Vec<Option<f64>>,
}

/// The pinned types side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The pinned names, in pinning order.
    pub names: Vec<String>,
    /// Each name's index in the catalog; `None` when the data does not have it.
    pub found: Vec<Option<usize>>,
    /// One row per spec (every table column but the name).
    pub rows: Vec<CompareRow>,
}

/// Compares the pinned types.
pub fn compare(catalog: &Catalog, pinned: &[String]) -> Comparison {
    let found: Vec<Option<usize>> = pinned
        .iter()
        .map(|name| catalog.types.iter().position(|t| t.name == *name))
        .collect();
    let types: Vec<_> = found
        .iter()
        .map(|i| i.and_then(|i| catalog.types.get(i)))
        .collect();
    let rows = Column::ALL
        .into_iter()
        // Prices come in rows of their own, for the chosen region and system.
        .filter(|c| *c != Column::Name && c.price_metric().is_none())
        .map(|column| {
            let cells: Vec<String> = types
                .iter()
                .map(|t| t.map(|t| column.text(t)).unwrap_or_default())
                .collect();
            let differs = cells.windows(2).any(|pair| pair[0] != pair[1]);
            let numbers: Vec<Option<f64>> = types
                .iter()
                .map(|t| t.and_then(|t| column.number(t)))
                .collect();
            let base = numbers.first().copied().flatten().filter(|b| *b != 0.0);
            let ratios = numbers.iter().map(|n| Some(n.as_ref()? / base?)).collect();
            CompareRow {
                column,
                cells,
                differs,
                ratios,
            }
        })
        .collect();
    Comparison {
        names: pinned.to_vec(),
        found,
        rows,
    }
}

/// For each pinned type, whether the shared filters hide it from the other views (a type not
/// in the data is not hidden: it is missing, which Compare says apart).
pub fn hidden_by_filters(comparison: &Comparison, shown: &Shown) -> Vec<bool> {
    let shown: crate::sorted::SortedSet<usize> = shown.types().collect();
    comparison
        .found
        .iter()
        .map(|found| found.is_some_and(|i| !shown.contains(&i)))
        .collect()
}

/// One price metric across the compared types.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceRow {
    /// The metric compared.
    pub metric: PriceMetric,
    /// Each type's value (`None`: no price known in the region).
    pub values: Vec<Option<f64>>,
    /// Each value divided by the first type's.
    pub ratios: Vec<Option<f64>>,
}

/// The price metrics for the compared types in the chosen region and system.
pub fn price_rows(catalog: &Catalog, comparison: &Comparison, pricing: &Pricing) -> Vec<PriceRow> {
    PriceMetric::ALL
        .into_iter()
        .map(|metric| {
            let values: Vec<Option<f64>> = comparison
                .found
                .iter()
                .map(|i| {
                    i.and_then(|i| catalog.types.get(i))
                        .and_then(|t| pricing.value(metric, t))
                })
                .collect();
            let base = values.first().copied().flatten().filter(|b| *b > 0.0);
            let ratios = values.iter().map(|v| Some(v.as_ref()? / base?)).collect();
            PriceRow {
                metric,
                values,
                ratios,
            }
        })
        .collect()
}
