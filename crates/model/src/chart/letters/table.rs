//! The table beside the Letter prices chart: one row per pair, sortable, pairs without a
//! price in the region included (and always last).

use std::cmp::Ordering;

use crate::letter_cost::{FamilyPair, PairCost, PairKind};
use crate::settings::PairSort;

/// One row of the table: a pair and what its letter costs.
#[derive(Debug, Clone, PartialEq)]
pub struct PairLine {
    /// The family without the letter.
    pub base: String,
    /// The family with the letter.
    pub variant: String,
    /// The letter(s).
    pub letter: String,
    /// Added letter or vendor swap.
    pub kind: PairKind,
    /// Sizes compared.
    pub sizes: usize,
    /// The median ratio; `None` when no shared size has both prices in the region.
    pub median: Option<f64>,
    /// The lowest and highest ratio, when there is one.
    pub range: Option<(f64, f64)>,
}

/// The table rows for `letter` (every letter when `None`), sorted by `sort` (descending when
/// `descending`); pairs without prices come last whatever the order.
pub fn table_rows(
    costs: &[(FamilyPair, PairCost)],
    letter: Option<&str>,
    sort: PairSort,
    descending: bool,
) -> Vec<PairLine> {
    let mut lines: Vec<PairLine> = costs
        .iter()
        .filter(|(pair, _)| letter.is_none_or(|l| pair.letter == l))
        .map(|(pair, cost)| {
            let ratios = cost.sizes.iter().map(|s| s.1);
            let range = ratios.fold(None, |range: Option<(f64, f64)>, r| {
                Some(range.map_or((r, r), |(lo, hi)| (lo.min(r), hi.max(r))))
            });
            PairLine {
                base: pair.base.clone(),
                variant: pair.variant.clone(),
                letter: pair.letter.clone(),
                kind: pair.kind,
                sizes: cost.sizes.len(),
                median: cost.median,
                range,
            }
        })
        .collect();
    let by_name = |a: &PairLine, b: &PairLine| {
        natural(&a.base, &b.base)
            .then_with(|| natural(&a.variant, &b.variant))
            .then_with(|| a.letter.cmp(&b.letter))
    };
    crate::order::sort_by(&mut lines, |a, b| match (a.median, b.median) {
        // Unpriced pairs last in either direction, by name.
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_name(a, b),
        (Some(x), Some(y)) => {
            let order = match sort {
                PairSort::Pair => by_name(a, b),
                PairSort::Median => x.total_cmp(&y).then_with(|| by_name(a, b)),
            };
            if descending {
                order.reverse()
            } else {
                order
            }
        }
    });
    lines
}

/// Compares names with their digit runs as numbers: `m5` < `m6i` < `m7g` < `r5`, `x2idn` < `x10`.
fn natural(a: &str, b: &str) -> Ordering {
    natural_key(a).cmp(&natural_key(b)).then_with(|| a.cmp(b))
}

/// A name's runs of letters and of digits, the digits as numbers.
fn natural_key(name: &str) -> Vec<NameRun<'_>> {
    let mut runs = Vec::new();
    let mut rest = name;
    while let Some(first) = rest.chars().next() {
        let digits = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        runs.push(match run.parse() {
            Ok(n) if digits => NameRun::Number(n),
            _ => NameRun::Text(run),
        });
        rest = tail;
    }
    runs
}

/// A run of a name, for [`natural`].
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum NameRun<'a> {
    Number(u64),
    Text(&'a str),
}
