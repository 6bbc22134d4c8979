//! The Compare view's screen: the pinned types side by side, one line per spec that any of
//! them has (a spec empty for every pinned type is left out; where each is offered is a
//! count of regions with their list folded behind it), the prices in the chosen
//! region and system with suspect ones marked, ratios against the first, and "only rows
//! that differ" applied.

use crate::atlas::Atlas;
use crate::availability::regions;
use crate::compare::{compare, hidden_by_filters, price_rows};
use crate::prices::flags;
use crate::regions::region_name;
use crate::state::State;
use crate::table::Column;
use crate::text::{count, format_usd, ratio_text};

/// Columns that show a ratio against the first pinned type.
const RATIO_COLUMNS: [Column; 3] = [Column::Vcpu, Column::Memory, Column::Gpus];

/// One cell of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareCell {
    /// What it shows.
    pub text: String,
    /// `×8` against the first type, where the line shows ratios.
    pub ratio: Option<String>,
    /// Why a price is suspect, as its tooltip.
    pub suspect: Option<String>,
    /// What a folded cell holds behind its text (`text` reads "29 regions", this lists their
    /// codes); empty for a plain cell.
    pub folded: Vec<&'static str>,
}

/// One line across the pinned types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareLine {
    /// The spec or price metric, as the heading of the line.
    pub label: &'static str,
    /// One cell per pinned type.
    pub cells: Vec<CompareCell>,
    /// Whether the cells are not all the same.
    pub differs: bool,
    /// Whether it is a price line.
    pub price: bool,
}

/// One pinned type's column heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareColumn {
    /// The name.
    pub name: String,
    /// Whether the data shown lacks it.
    pub missing: bool,
    /// Whether the shared filters hide it from the other views.
    pub filtered: bool,
}

/// Everything the Compare view draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareScreen {
    /// The pinned types, in pinning order.
    pub columns: Vec<CompareColumn>,
    /// The lines shown (after "only rows that differ").
    pub lines: Vec<CompareLine>,
    /// Why prices are missing altogether, when the price table cannot be read.
    pub price_error: Option<String>,
}

/// The Compare screen of `state`: the pinned types, prices in its region and system.
pub fn compare_screen(atlas: &Atlas, state: &State) -> CompareScreen {
    let catalog = &atlas.catalog;
    let comparison = compare(catalog, &state.pinned);
    let hidden = hidden_by_filters(&comparison, &atlas.shown(&state.filter, &state.region));
    let columns = comparison
        .names
        .iter()
        .zip(&comparison.found)
        .zip(hidden)
        .map(|((name, found), filtered)| CompareColumn {
            name: name.clone(),
            missing: found.is_none(),
            filtered,
        })
        .collect();
    let mut lines: Vec<CompareLine> = comparison
        .rows
        .iter()
        // "Offered in" says how many regions and folds their list: no count line beside it.
        .filter(|row| row.column != Column::OfferedRegions)
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .map(|row| CompareLine {
            label: row.column.label(),
            cells: row
                .cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let instance = comparison
                        .found
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|at| catalog.types.get(at));
                    let folded = match instance {
                        Some(t) if row.column == Column::OfferedIn => regions(t),
                        _ => Vec::new(),
                    };
                    CompareCell {
                        text: match folded.len() {
                            0 => text.clone(),
                            n => count(n, "region", "regions"),
                        },
                        ratio: ratio_at(&row.ratios, i)
                            .filter(|_| RATIO_COLUMNS.contains(&row.column)),
                        suspect: None,
                        folded,
                    }
                })
                .collect(),
            differs: row.differs,
            price: false,
        })
        .collect();
    let mut price_error = None;
    let pricing = atlas.pricing(&state.region, state.os, state.include_suspect);
    match (atlas.prices.table(), pricing) {
        (Ok(table), Some(pricing)) if !comparison.names.is_empty() => {
            let anomalies = flags(table, catalog, &state.region, state.os);
            let place = region_name(&state.region).unwrap_or(&state.region);
            for row in price_rows(catalog, &comparison, &pricing) {
                let cells: Vec<CompareCell> = row
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, value)| {
                        let suspect = comparison
                            .found
                            .get(i)
                            .copied()
                            .flatten()
                            .and_then(|at| anomalies.get(&at))
                            .map(|why| format!("Suspect price: {}", why.describe()));
                        let text = match (value, &suspect) {
                            (Some(usd), _) => format_usd(*usd),
                            (None, Some(_)) => "suspect price".to_owned(),
                            (None, None) => format!("no price in {place}"),
                        };
                        CompareCell {
                            text,
                            ratio: ratio_at(&row.ratios, i),
                            suspect,
                            folded: Vec::new(),
                        }
                    })
                    .collect();
                let differs = row.values.windows(2).any(|pair| pair[0] != pair[1]);
                lines.push(CompareLine {
                    label: row.metric.label(),
                    cells,
                    differs,
                    price: true,
                });
            }
        }
        (Err(error), _) => price_error = Some(format!("Prices could not be read: {error}")),
        _ => {}
    }
    if state.differences_only {
        lines.retain(|line| line.differs);
    }
    CompareScreen {
        columns,
        lines,
        price_error,
    }
}

/// The ratio text of the `i`th cell (never for the first, the base).
fn ratio_at(ratios: &[Option<f64>], i: usize) -> Option<String> {
    (i > 0)
        .then(|| ratios.get(i).copied().flatten())
        .flatten()
        .map(ratio_text)
}
