//! What one letter in a family name costs: pairs of families that differ in one capability
//! (`m5` and `m5a`, `c6i` and `c6id`), and the price ratio of their equal sizes.
//!
//! Pairs are found from the names alone ([`pairs`]): both families decode with the same
//! series, generation and variant, and
//! - [`PairKind::Added`]: the variant has every capability letter of the base plus one more
//!   (`r5` -> `r5d`, `c6in` from `c6i`, `c7i-flex` from `c7i` with the letter `flex`);
//! - [`PairKind::VendorSwap`]: the base is Intel (`i`) and the variant has the same letters
//!   with `i` swapped for `a` (AMD) or `g` (Graviton): `m6i` -> `m6a`, `m6i` -> `m6g`,
//!   `m6id` -> `m6gd`. The base is always the Intel family; AMD against Graviton is not
//!   paired, as both are already measured against Intel.
//!
//! Up to generation 5 Intel wrote no letter, so `m5` -> `m5a` is an added `a`; it means the
//! same as the swap `m6i` -> `m6a` ("AMD instead of Intel"), and [`letter_summary`] groups
//! pairs by letter whatever their kind.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::Catalog;
use crate::family::Family;
use crate::name::{self, Capability, Size};
use crate::prices::{median, Os, PriceTable};

/// How the two families of a [`FamilyPair`] differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PairKind {
    /// The variant adds one capability letter to the base's.
    Added,
    /// The variant swaps the base's Intel `i` for another vendor's letter.
    VendorSwap,
}

/// Two families that differ in one capability letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyPair {
    /// The family without the letter, for example `m5` (or the Intel one of a swap, `m6i`).
    pub base: String,
    /// The family with the letter, for example `m5a` (or `m6g`).
    pub variant: String,
    /// The capability letter(s) the variant has instead or in addition: `a`, `d`, `flex`...
    pub letter: String,
    /// Whether the letter is added or swapped for Intel's `i`.
    pub kind: PairKind,
}

/// The price of a variant relative to its base, size by size.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairCost {
    /// (size, variant price / base price) for each size both families have with a known
    /// price, smallest size first.
    pub sizes: Vec<(String, f64)>,
    /// The median of the ratios; `None` when no size has both prices.
    pub median: Option<f64>,
}

/// What one letter costs across all its pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterCost {
    /// The capability letter(s), for example `a` or `flex`.
    pub letter: String,
    /// The median of the pairs' median ratios (0.9 means 10% cheaper with the letter).
    pub median: f64,
    /// How many pairs had a median.
    pub pairs: usize,
}

/// The name parts a pair must share, and the capability set that differs.
struct Decoded<'a> {
    name: &'a str,
    key: (String, Option<u32>, Option<String>),
    capabilities: BTreeSet<Capability>,
}

/// Every pair of families that differ in one capability letter, sorted by letter, then base
/// and variant. Families whose name does not decode cleanly are left out.
pub fn pairs(families: &[Family]) -> Vec<FamilyPair> {
    let decoded: Vec<Decoded> = families
        .iter()
        .filter_map(|family| {
            let name = name::decode(&format!("{}.large", family.name)).ok()?;
            let clean = name.unknown_letters.is_empty() && name.generation.is_some();
            clean.then(|| Decoded {
                name: &family.name,
                key: (name.series, name.generation, name.variant),
                capabilities: name.capabilities.into_iter().collect(),
            })
        })
        .collect();
    let mut pairs = Vec::new();
    for base in &decoded {
        for variant in decoded.iter().filter(|v| v.key == base.key) {
            if let Some((letter, kind)) = difference(&base.capabilities, &variant.capabilities) {
                pairs.push(FamilyPair {
                    base: base.name.to_owned(),
                    variant: variant.name.to_owned(),
                    letter: letter.letter().to_owned(),
                    kind,
                });
            }
        }
    }
    pairs.sort_by(|a, b| (&a.letter, &a.base, &a.variant).cmp(&(&b.letter, &b.base, &b.variant)));
    pairs.dedup();
    pairs
}

/// The letter `variant` has over `base`, if they form a pair.
fn difference(
    base: &BTreeSet<Capability>,
    variant: &BTreeSet<Capability>,
) -> Option<(Capability, PairKind)> {
    let added: Vec<Capability> = variant.difference(base).copied().collect();
    let removed: Vec<Capability> = base.difference(variant).copied().collect();
    match (added.as_slice(), removed.as_slice()) {
        ([letter], []) => Some((*letter, PairKind::Added)),
        ([letter @ (Capability::Amd | Capability::Graviton)], [Capability::Intel]) => {
            Some((*letter, PairKind::VendorSwap))
        }
        _ => None,
    }
}

/// The variant's price over the base's for every size of the base family in the catalog
/// whose variant (same size) also has a known price in `region` on `os`.
pub fn pair_ratios(
    table: &PriceTable,
    catalog: &Catalog,
    pair: &FamilyPair,
    region: &str,
    os: Os,
) -> PairCost {
    let mut sizes: Vec<(Option<Size>, String, f64)> = catalog
        .types
        .iter()
        .filter(|t| t.family == pair.base)
        .filter_map(|base| {
            let base_price = table.hourly(&base.name, region, os).known()?;
            let variant_name = format!("{}.{}", pair.variant, base.size);
            let variant_price = table.hourly(&variant_name, region, os).known()?;
            let ratio = variant_price / base_price;
            Some((Size::parse(&base.size), base.size.clone(), ratio))
        })
        .collect();
    // Ladder order; sizes off the ladder last (`None` would sort first).
    sizes.sort_by(|a, b| (a.0.is_none(), &a.0, &a.1).cmp(&(b.0.is_none(), &b.0, &b.1)));
    let mut ratios: Vec<f64> = sizes.iter().map(|s| s.2).collect();
    PairCost {
        median: median(&mut ratios),
        sizes: sizes
            .into_iter()
            .map(|(_, size, ratio)| (size, ratio))
            .collect(),
    }
}

/// For each letter (sorted), the median of its pairs' median ratios in `region` on `os`, and
/// how many pairs had one. Letters with no priced pair are left out.
pub fn letter_summary(
    table: &PriceTable,
    catalog: &Catalog,
    pairs: &[FamilyPair],
    region: &str,
    os: Os,
) -> Vec<LetterCost> {
    let mut by_letter: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for pair in pairs {
        if let Some(m) = pair_ratios(table, catalog, pair, region, os).median {
            by_letter.entry(&pair.letter).or_default().push(m);
        }
    }
    by_letter
        .into_iter()
        .filter_map(|(letter, mut medians)| {
            let pairs = medians.len();
            let median = median(&mut medians)?;
            Some(LetterCost {
                letter: letter.to_owned(),
                median,
                pairs,
            })
        })
        .collect()
}
