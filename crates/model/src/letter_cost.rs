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
//! A vendor letter (`a`, `g`) on an accelerated-computing family is not paired: there it
//! changes the accelerator too (`g5`, AMD with NVIDIA A10G GPUs, against `g5g`, Graviton
//! with T4G GPUs), so the ratio would price the GPU, not the processor.
//!
//! Sizes are compared only when both families list them with the same number of vCPUs: a
//! plain `metal` is as big as each family's host (`m6i.metal` has 128 vCPUs, `m6a.metal`
//! 192), and a size only the price list knows cannot be checked at all.
//!
//! Up to generation 5 Intel wrote no letter, so `m5` -> `m5a` is an added `a`; it means the
//! same as the swap `m6i` -> `m6a` ("AMD instead of Intel"), and [`letter_summary`] groups
//! pairs by letter whatever their kind.

use crate::sorted::{SortedMap, SortedSet};

use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::{Category, InstanceType};
use crate::name::{self, Capability, Size};
use crate::prices::{median, Pricing};
#[cfg(test)]
use crate::prices::{Os, PriceTable};

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
    /// (base, variant) hourly prices in USD, in the order of [`PairCost::sizes`].
    pub hourly: Vec<(f64, f64)>,
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
    capabilities: SortedSet<Capability>,
    accelerated: bool,
}

/// Every pair of families that differ in one capability letter, sorted by letter, then base
/// and variant. Families whose name does not decode cleanly are left out.
///
/// Each family is looked up with one letter more, or with Intel's `i` swapped for `a` or
/// `g`, among the families of its series, generation and variant (a hash map), so this is
/// linear in the number of families times the number of letters, never quadratic.
pub fn pairs(families: &[Family]) -> Vec<FamilyPair> {
    let decoded: Vec<Decoded> = families
        .iter()
        .filter_map(|family| {
            let name = name::decode(&format!("{}.large", family.name)).ok()?;
            let clean = name.unknown_letters.is_empty() && name.generation.is_some();
            clean.then(|| Decoded {
                name: &family.name,
                key: (name.series, name.generation, name.variant),
                capabilities: crate::sorted::SortedSet::from_iter(name.capabilities),
                accelerated: family.category == Category::Accelerated,
            })
        })
        .collect();
    type Spelling<'d> = (
        &'d (String, Option<u32>, Option<String>),
        &'d SortedSet<Capability>,
    );
    let spelled: SortedMap<Spelling, Vec<&Decoded>> =
        SortedMap::grouped(decoded.iter().map(|d| ((&d.key, &d.capabilities), d)));
    let mut pairs = Vec::new();
    for base in &decoded {
        for wanted in neighbours(&base.capabilities) {
            let Some(variants) = spelled.get(&(&base.key, &wanted)) else {
                continue;
            };
            for variant in variants {
                let Some((letter, kind)) = difference(&base.capabilities, &variant.capabilities)
                else {
                    continue;
                };
                let vendor = matches!(letter, Capability::Amd | Capability::Graviton);
                if !(vendor && (base.accelerated || variant.accelerated)) {
                    pairs.push(FamilyPair {
                        base: base.name.to_owned(),
                        variant: variant.name.to_owned(),
                        letter: letter.letter().to_owned(),
                        kind,
                    });
                }
            }
        }
    }
    crate::order::sort_by(&mut pairs, |a, b| {
        (&a.letter, &a.base, &a.variant).cmp(&(&b.letter, &b.base, &b.variant))
    });
    pairs.dedup();
    pairs
}

/// The capability sets a variant of `base` can have: one letter more, or Intel swapped for
/// AMD or Graviton.
fn neighbours(base: &SortedSet<Capability>) -> Vec<SortedSet<Capability>> {
    let mut out: Vec<SortedSet<Capability>> = Capability::ALL
        .into_iter()
        .filter(|c| !base.contains(c))
        .map(|c| {
            let mut more = base.clone();
            more.insert(c);
            more
        })
        .collect();
    if base.contains(&Capability::Intel) {
        for vendor in [Capability::Amd, Capability::Graviton] {
            let mut swapped = base.clone();
            swapped.remove(&Capability::Intel);
            swapped.insert(vendor);
            out.push(swapped);
        }
    }
    out
}

/// The letter `variant` has over `base`, if they form a pair.
fn difference(
    base: &SortedSet<Capability>,
    variant: &SortedSet<Capability>,
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

/// The variant's price over the base's for every size both families list in the catalog
/// with the same number of vCPUs and a known price in `region` on `os`.
pub fn pair_ratios(pricing: &Pricing, catalog: &Catalog, pair: &FamilyPair) -> PairCost {
    let of = |family: &str| -> Vec<&InstanceType> {
        catalog
            .types
            .iter()
            .filter(|t| t.family == family)
            .collect()
    };
    ratios(pricing, &of(&pair.base), &of(&pair.variant))
}

/// [`pair_ratios`] of every pair, with the catalogue indexed by family once (so many pairs
/// cost one pass over the types, not one each).
pub fn pair_costs(
    pricing: &Pricing,
    catalog: &Catalog,
    pairs: &[FamilyPair],
) -> Vec<(FamilyPair, PairCost)> {
    pair_costs_among(pricing, &catalog.types, pairs)
}

/// [`pair_costs`] counting only `types` (the types a view shows), indexed by family once.
pub fn pair_costs_among<'t>(
    pricing: &Pricing,
    types: impl IntoIterator<Item = &'t InstanceType>,
    pairs: &[FamilyPair],
) -> Vec<(FamilyPair, PairCost)> {
    let by_family = SortedMap::grouped(types.into_iter().map(|t| (t.family.as_str(), t)));
    let members = |family: &str| by_family.get(family).map_or(&[][..], Vec::as_slice);
    pairs
        .iter()
        .map(|pair| {
            let cost = ratios(pricing, members(&pair.base), members(&pair.variant));
            (pair.clone(), cost)
        })
        .collect()
}

/// The ratios of one pair from the types of its base and variant families.
fn ratios(pricing: &Pricing, base: &[&InstanceType], variant: &[&InstanceType]) -> PairCost {
    let variants: SortedMap<&str, &InstanceType> =
        variant.iter().map(|t| (t.size.as_str(), *t)).collect();
    let mut sizes: Vec<(Option<Size>, String, f64, f64)> = base
        .iter()
        .filter_map(|base| {
            let variant = variants
                .get(base.size.as_str())
                .filter(|v| v.vcpu == base.vcpu)?;
            let base_price = pricing.counted(&base.name)?;
            let variant_price = pricing.counted(&variant.name)?;
            Some((
                Size::parse(&base.size),
                base.size.clone(),
                base_price,
                variant_price,
            ))
        })
        .collect();
    // Ladder order; sizes off the ladder last (`None` would sort first).
    crate::order::sort_by(&mut sizes, |a, b| {
        (a.0.is_none(), &a.0, &a.1).cmp(&(b.0.is_none(), &b.0, &b.1))
    });
    let mut ratios: Vec<f64> = sizes.iter().map(|s| s.3 / s.2).collect();
    PairCost {
        median: median(&mut ratios),
        hourly: sizes.iter().map(|s| (s.2, s.3)).collect(),
        sizes: sizes
            .into_iter()
            .map(|(_, size, base, variant)| (size, variant / base))
            .collect(),
    }
}

/// For each letter (sorted), the median of its pairs' median ratios in `region` on `os`, and
/// how many pairs had one. Letters with no priced pair are left out.
pub fn letter_summary(
    pricing: &Pricing,
    catalog: &Catalog,
    pairs: &[FamilyPair],
) -> Vec<LetterCost> {
    summarise(&pair_costs(pricing, catalog, pairs))
}

/// For each letter (sorted), the median of its priced pairs' medians in `costs` and how
/// many there were; letters with no priced pair are left out.
pub fn summarise(costs: &[(FamilyPair, PairCost)]) -> Vec<LetterCost> {
    let mut by_letter: SortedMap<String, Vec<f64>> = SortedMap::new();
    for (pair, cost) in costs {
        if let Some(m) = cost.median {
            by_letter.value_or_default(pair.letter.clone()).push(m);
        }
    }
    by_letter
        .into_iter()
        .filter_map(|(letter, mut medians)| {
            let pairs = medians.len();
            let median = median(&mut medians)?;
            Some(LetterCost {
                letter,
                median,
                pairs,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::family::families;

    const HEADER: &str = "instance_type,instance_family,vcpu,memory,clock_speed,physical_processor,\
processor_architecture,network_performance,storage,gpu,gpu_memory,dedicated_ebs_throughput,current_generation";

    /// A catalog of `(name, category, vcpu, processor)` rows.
    fn catalog(rows: &[(&str, &str, u32, &str)]) -> Catalog {
        let mut csv = String::from(HEADER);
        for (name, category, vcpu, processor) in rows {
            let memory = vcpu * 4;
            csv.push_str(&format!(
                "\n{name},{category},{vcpu},{memory} GiB,3.5 GHz,{processor},64-bit,\
                 Up to 10 Gigabit,EBS only,,NA,Up to 5000 Mbps,Yes"
            ));
        }
        let Ok(catalog) = Catalog::from_csv(&csv) else {
            panic!("the test catalog parses");
        };
        assert!(catalog.rejected.is_empty(), "{:?}", catalog.rejected);
        catalog
    }

    /// A price table with one Linux price per type in `us-east-1`.
    fn prices(rows: &[(&str, f64)]) -> PriceTable {
        let mut csv = String::from("instance_type,os,us-east-1");
        for (name, usd) in rows {
            csv.push_str(&format!("\n{name},linux,{usd}"));
        }
        let Ok(table) = PriceTable::from_csv(&csv) else {
            panic!("the test prices parse");
        };
        table
    }

    const INTEL: &str = "Intel Xeon 8375C (Ice Lake)";
    const AMD: &str = "AMD EPYC 7R13 Processor";

    #[test]
    fn sizes_of_different_vcpu_counts_are_not_compared() {
        // `metal` is each family's whole host: m6i.metal has 128 vCPUs, m6a.metal 192, so
        // their prices (6.144 and 8.2944) say nothing about what the letter costs.
        let catalog = catalog(&[
            ("m6i.large", "General purpose", 2, INTEL),
            ("m6i.metal", "General purpose", 128, INTEL),
            ("m6a.large", "General purpose", 2, AMD),
            ("m6a.metal", "General purpose", 192, AMD),
        ]);
        let table = prices(&[
            ("m6i.large", 0.096),
            ("m6i.metal", 6.144),
            ("m6a.large", 0.0864),
            ("m6a.metal", 8.2944),
            // Priced, but not in the catalog: nothing says it is the same size.
            ("m6i.xlarge", 0.192),
            ("m6a.xlarge", 0.1728),
        ]);
        let found = pairs(&families(&catalog));
        assert_eq!(found.len(), 1, "{found:?}");
        let cost = pair_ratios(
            &Pricing::new(&table, "us-east-1", Os::Linux),
            &catalog,
            &found[0],
        );
        let sizes: Vec<&str> = cost.sizes.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(sizes, ["large"]);
        assert_eq!(cost.hourly, [(0.096, 0.0864)]);
        assert_eq!(cost.median, Some(0.0864 / 0.096));
    }

    #[test]
    fn vendor_letters_on_gpu_families_are_not_paired_other_letters_are() {
        // g5 is AMD with A10G GPUs, g5g Graviton with T4G GPUs: the ratio would price the GPU.
        let catalog = catalog(&[
            ("g5.xlarge", "GPU instance", 4, "AMD EPYC 7R32"),
            ("g5g.xlarge", "GPU instance", 4, "AWS Graviton2 Processor"),
            ("g6.xlarge", "GPU instance", 4, AMD),
            ("g6e.xlarge", "GPU instance", 4, AMD),
            ("m6i.xlarge", "General purpose", 4, INTEL),
            (
                "m6g.xlarge",
                "General purpose",
                4,
                "AWS Graviton2 Processor",
            ),
        ]);
        let found: Vec<(String, String)> = pairs(&families(&catalog))
            .into_iter()
            .map(|p| (p.base, p.variant))
            .collect();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(found, [pair("g6", "g6e"), pair("m6i", "m6g")]);
    }

    #[test]
    fn ratios_follow_the_ladder_and_the_summary_takes_the_median_of_medians() {
        let catalog = catalog(&[
            ("m6i.2xlarge", "General purpose", 8, INTEL),
            ("m6i.large", "General purpose", 2, INTEL),
            ("m6i.xlarge", "General purpose", 4, INTEL),
            ("m6a.2xlarge", "General purpose", 8, AMD),
            ("m6a.large", "General purpose", 2, AMD),
            ("m6a.xlarge", "General purpose", 4, AMD),
            ("c6i.large", "Compute optimized", 2, INTEL),
            ("c6a.large", "Compute optimized", 2, AMD),
            ("r6i.large", "Memory optimized", 2, INTEL),
            ("r6a.large", "Memory optimized", 2, AMD),
        ]);
        let table = prices(&[
            ("m6i.large", 1.0),
            ("m6a.large", 0.9),
            ("m6i.xlarge", 2.0),
            ("m6a.xlarge", 1.6),
            ("m6i.2xlarge", 4.0),
            ("m6a.2xlarge", 4.0),
            ("c6i.large", 1.0),
            ("c6a.large", 0.5),
            ("r6i.large", 1.0),
        ]);
        let found = pairs(&families(&catalog));
        let Some(m6) = found.iter().find(|p| p.base == "m6i") else {
            panic!("m6i is paired");
        };
        let cost = pair_ratios(&Pricing::new(&table, "us-east-1", Os::Linux), &catalog, m6);
        let sizes: Vec<&str> = cost.sizes.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(sizes, ["large", "xlarge", "2xlarge"]);
        assert_eq!(cost.median, Some(0.9));
        assert_eq!(cost.hourly[1], (2.0, 1.6));
        let Some(r6) = found.iter().find(|p| p.base == "r6i") else {
            panic!("r6i is paired");
        };
        let unpriced = pair_ratios(&Pricing::new(&table, "us-east-1", Os::Linux), &catalog, r6);
        assert_eq!(unpriced, PairCost::default());
        let summary = letter_summary(
            &Pricing::new(&table, "us-east-1", Os::Linux),
            &catalog,
            &found,
        );
        // Medians 0.9 (m6) and 0.5 (c6); r6 has none and is not counted.
        assert_eq!(summary.len(), 1);
        assert_eq!((summary[0].letter.as_str(), summary[0].pairs), ("a", 2));
        assert!((summary[0].median - 0.7).abs() < 1e-12);
    }
}
