//! The Letter prices view's screen: every family pair differing in one letter, priced in
//! one region and system, the summary per letter in reading order, and which letter shows.

use crate::atlas::Atlas;
use crate::letter_cost::{letter_summary, pair_costs, pairs, FamilyPair, LetterCost, PairCost};
use crate::prices::{Os, Pricing};

/// Every pair priced in one region and system, and the summary per letter.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterPrices {
    /// Every pair with its sizes and ratios (possibly none).
    pub costs: Vec<(FamilyPair, PairCost)>,
    /// One entry per letter with a priced pair: vendor letters (`a`, `g`) first, then by letter.
    pub summary: Vec<LetterCost>,
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

/// The pairs and the summary in `region` for `os` (counting suspect prices when
/// `include_suspect`), or why the prices cannot be read.
pub fn letter_prices(
    atlas: &Atlas,
    region: &str,
    os: Os,
    include_suspect: bool,
) -> Result<LetterPrices, String> {
    let table = atlas.prices.table().map_err(|e| e.to_string())?;
    let pricing = Pricing::new(table, region, os).including_suspect(include_suspect);
    let found = pairs(&atlas.families);
    let mut summary = letter_summary(&pricing, &atlas.catalog, &found);
    crate::order::sort_by(&mut summary, |a, b| {
        let first = |c: &str| !matches!(c, "a" | "g");
        (first(&a.letter), &a.letter).cmp(&(first(&b.letter), &b.letter))
    });
    let costs = pair_costs(&pricing, &atlas.catalog, &found);
    Ok(LetterPrices { costs, summary })
}
