//! The Letter prices view's screen: every pair of shown families differing in one letter,
//! priced in one region and system over the shown types, the summary per letter in reading
//! order, and which letter shows.

use crate::atlas::Atlas;
use crate::family::Family;
use crate::filter::Filter;
use crate::letter_cost::{pair_costs_among, pairs, summarise, FamilyPair, LetterCost, PairCost};
use crate::prices::{Os, Pricing};
use crate::state::State;
use crate::text::shared_filters_note;

/// Every pair priced in one region and system, and the summary per letter.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterPrices {
    /// Every pair with its sizes and ratios (possibly none).
    pub costs: Vec<(FamilyPair, PairCost)>,
    /// One entry per letter with a priced pair: vendor letters (`a`, `g`) first, then by letter.
    pub summary: Vec<LetterCost>,
    /// What the shared filters leave out, when any is set.
    pub filtered_note: Option<String>,
}

impl LetterPrices {
    /// The letter shown: the chosen one, or the first priced here when it has no pair in
    /// this region (the chosen one when nothing is priced).
    pub fn shown_letter(&self, chosen: &str) -> String {
        self.summary
            .iter()
            .find(|c| c.letter == chosen)
            .or(self.summary.first())
            .map_or_else(|| chosen.to_owned(), |c| c.letter.clone())
    }
}

/// What the Letter prices derivation reads from the state, so a view recomputes it only
/// when one of these changes (not when the table is sorted).
#[derive(Debug, Clone, PartialEq)]
pub struct LetterPricesInput {
    /// The shared filters.
    pub filter: Filter,
    /// The region prices are read in.
    pub region: String,
    /// The operating system prices are read for.
    pub os: Os,
    /// Whether suspect prices count.
    pub include_suspect: bool,
}

impl LetterPricesInput {
    /// The parts of `state` the Letter prices read.
    pub fn of(state: &State) -> LetterPricesInput {
        LetterPricesInput {
            filter: state.filter.clone(),
            region: state.region.clone(),
            os: state.os,
            include_suspect: state.include_suspect,
        }
    }
}

/// The pairs and the summary: the pairs among the families the shared filters show, priced
/// over their shown types in the chosen region and system (counting suspect prices when
/// asked), or why the prices cannot be read.
pub fn letter_prices(atlas: &Atlas, state: &LetterPricesInput) -> Result<LetterPrices, String> {
    let table = atlas.prices.table().map_err(|e| e.to_string())?;
    let pricing =
        Pricing::new(table, &state.region, state.os).including_suspect(state.include_suspect);
    let shown = atlas.shown(&state.filter, &state.region);
    let families: Vec<Family> = shown
        .families
        .iter()
        .filter_map(|s| {
            let family = atlas.families.get(s.family)?;
            Some(Family {
                members: s.types.clone(),
                ..family.clone()
            })
        })
        .collect();
    let found = pairs(&families);
    let types = shown.types().filter_map(|i| atlas.catalog.types.get(i));
    let costs = pair_costs_among(&pricing, types, &found);
    let mut summary = summarise(&costs);
    crate::order::sort_by(&mut summary, |a, b| {
        let first = |c: &str| !matches!(c, "a" | "g");
        (first(&a.letter), &a.letter).cmp(&(first(&b.letter), &b.letter))
    });
    Ok(LetterPrices {
        costs,
        summary,
        filtered_note: shared_filters_note(&state.filter),
    })
}
