//! The Capabilities view's logic: which features (name letters and what the specs show)
//! each family has, and how many types have each.
//!
//! A [`Feature`] is one of the name's capability letters merged with what the specs say:
//! AMD, Graviton and Intel are their letter or the processor (`x2iedn` is Intel with no
//! `i`), local NVMe is `d` or NVMe instance storage (`i3`), high frequency is `z` or the
//! `z` series (`z1d`), inference is the `inf` series or the `q` letter (`dl2q`). The rest
//! are letters alone (`b`, `e`, `n`, `flex`), specs alone (GPU, Arm) or series alone
//! (FPGA, Trainium).

use crate::sorted::SortedSet;

use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::{Architecture, Category, InstanceType, Vendor};
use crate::letters::LETTERS;
use crate::name::{self, Capability};
use crate::quantity::StorageKind;
use crate::shown::Shown;

/// Something a family offers, from its name or its specs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    /// AMD processor (`a`).
    Amd,
    /// AWS Graviton processor (`g`).
    Graviton,
    /// Intel processor (`i`).
    Intel,
    /// 64-bit Arm architecture.
    Arm,
    /// Local NVMe instance storage (`d`).
    LocalNvme,
    /// Network (and EBS) optimised (`n`).
    NetworkBoosted,
    /// Extra memory or storage (`e`).
    ExtraMemory,
    /// High frequency (`z`, and the `z` series).
    HighFrequency,
    /// EBS (block storage) optimised (`b`).
    EbsBoosted,
    /// Flexible: cheaper, not always full speed (`-flex`).
    Flex,
    /// At least one GPU.
    Gpu,
    /// FPGA (the `f` series).
    Fpga,
    /// Inference accelerators: Inferentia (the `inf` series) or Qualcomm (`q`).
    Inference,
    /// AWS Trainium (the `trn` series).
    Trainium,
}

/// A letter feature's heading and source, from the one table of letter meanings.
const fn letter(c: Capability) -> (&'static str, &'static str, &'static str) {
    let m = &LETTERS[c as usize];
    (m.heading, m.letter, m.source)
}

/// `(feature, slug, (label, code in names, where it shows))` in [`Feature::ALL`] order.
#[rustfmt::skip]
const FEATURES: [(Feature, &str, (&str, &str, &str)); 14] = [
    (Feature::Amd, "amd", letter(Capability::Amd)),
    (Feature::Graviton, "graviton", letter(Capability::Graviton)),
    (Feature::Intel, "intel", letter(Capability::Intel)),
    (Feature::Arm, "arm", ("Arm (arm64)", "", "the arm64 architecture (from the specs)")),
    (Feature::LocalNvme, "local-nvme", letter(Capability::LocalNvme)),
    (Feature::NetworkBoosted, "network", letter(Capability::Network)),
    (Feature::ExtraMemory, "extra-memory", letter(Capability::ExtraMemory)),
    (Feature::HighFrequency, "high-frequency", letter(Capability::HighFrequency)),
    (Feature::EbsBoosted, "ebs", letter(Capability::EbsOptimised)),
    (Feature::Flex, "flex", letter(Capability::Flex)),
    (Feature::Gpu, "gpu", ("GPU", "", "at least one GPU (from the specs)")),
    (Feature::Fpga, "fpga", ("FPGA", "f", "the f series")),
    (Feature::Inference, "inference", {
        let (label, _, source) = letter(Capability::Qualcomm);
        (label, "inf, q", source)
    }),
    (Feature::Trainium, "trainium", ("AWS Trainium", "trn", "the trn series")),
];

impl Feature {
    /// Every feature, in display order (processor, storage and network, accelerators).
    pub const ALL: [Feature; 14] = {
        let mut all = [Feature::Amd; 14];
        let mut i = 0;
        while i < all.len() {
            all[i] = FEATURES[i].0;
            i += 1;
        }
        all
    };

    /// A short stable identifier for URLs and test ids, such as `"local-nvme"`.
    pub fn slug(self) -> &'static str {
        FEATURES[self as usize].1
    }

    /// The inverse of [`Feature::slug`].
    pub fn from_slug(slug: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// The name people read, such as `"Local NVMe storage"`.
    pub fn label(self) -> &'static str {
        FEATURES[self as usize].2 .0
    }

    /// How the feature shows in a name, for a column header: the letter or series (empty
    /// for specs alone) and where it comes from, such as `("d", "the letter d, or NVMe
    /// instance storage")`.
    pub fn code(self) -> (&'static str, &'static str) {
        let (_, code, source) = FEATURES[self as usize].2;
        (code, source)
    }

    /// The feature a name's capability letter stands for (`q` is [`Feature::Inference`]).
    pub fn from_capability(capability: Capability) -> Feature {
        match capability {
            Capability::Amd => Feature::Amd,
            Capability::EbsOptimised => Feature::EbsBoosted,
            Capability::LocalNvme => Feature::LocalNvme,
            Capability::ExtraMemory => Feature::ExtraMemory,
            Capability::Flex => Feature::Flex,
            Capability::Graviton => Feature::Graviton,
            Capability::Intel => Feature::Intel,
            Capability::Network => Feature::NetworkBoosted,
            Capability::Qualcomm => Feature::Inference,
            Capability::HighFrequency => Feature::HighFrequency,
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of features as bits, so counting allocates nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Bits(u32);

impl Bits {
    fn add(&mut self, feature: Feature) {
        self.0 |= feature.bit();
    }

    fn has(self, feature: Feature) -> bool {
        self.0 & feature.bit() != 0
    }

    fn to_set(self) -> SortedSet<Feature> {
        crate::sorted::SortedSet::from_iter(Feature::ALL.into_iter().filter(|f| self.has(*f)))
    }
}

/// The features a name gives: capability letters and series; none when the name does not
/// decode (only the specs speak then).
fn name_bits(member_name: &str) -> Bits {
    let mut bits = Bits::default();
    let Ok(decoded) = name::decode(member_name) else {
        return bits;
    };
    for capability in &decoded.capabilities {
        bits.add(Feature::from_capability(*capability));
    }
    match decoded.series.as_str() {
        "z" => bits.add(Feature::HighFrequency),
        "f" => bits.add(Feature::Fpga),
        "inf" => bits.add(Feature::Inference),
        "trn" => bits.add(Feature::Trainium),
        _ => {}
    }
    bits
}

/// The features one type's specs show: vendor, architecture, NVMe storage, GPUs.
fn spec_bits(t: &InstanceType) -> Bits {
    let mut bits = Bits::default();
    match t.vendor {
        Vendor::Amd => bits.add(Feature::Amd),
        Vendor::Graviton => bits.add(Feature::Graviton),
        Vendor::Intel => bits.add(Feature::Intel),
        Vendor::Other => {}
    }
    if t.architecture == Architecture::Arm64 {
        bits.add(Feature::Arm);
    }
    if t.storage
        .as_ref()
        .is_some_and(|s| s.kind == StorageKind::Nvme)
    {
        bits.add(Feature::LocalNvme);
    }
    if t.gpus > 0 {
        bits.add(Feature::Gpu);
    }
    bits
}

/// The features of one instance type: its name's and its specs'.
pub fn type_features(t: &InstanceType) -> SortedSet<Feature> {
    Bits(name_bits(&t.name).0 | spec_bits(t).0).to_set()
}

/// A family's features: the letters and series of its first member's name, plus every
/// feature any member's specs show.
pub fn family_features(family: &Family, catalog: &Catalog) -> SortedSet<Feature> {
    family_bits(family, catalog).to_set()
}

/// Whether a family has `feature` (by [`family_features`], without building the set).
pub fn family_has(family: &Family, catalog: &Catalog, feature: Feature) -> bool {
    family_bits(family, catalog).has(feature)
}

fn family_bits(family: &Family, catalog: &Catalog) -> Bits {
    let members = || family.members.iter().filter_map(|&i| catalog.types.get(i));
    let mut bits = members()
        .next()
        .map_or(Bits::default(), |t| name_bits(&t.name));
    for t in members() {
        bits.0 |= spec_bits(t).0;
    }
    bits
}

/// How many instance types of one category have one processor vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorCount {
    /// The category.
    pub category: Category,
    /// The processor vendor.
    pub vendor: Vendor,
    /// How many instance types.
    pub types: usize,
}

/// How many of `rows` (catalog indices) fall in each category and vendor; only non-zero
/// counts, in category then vendor order.
pub fn counts_by_category_and_vendor(catalog: &Catalog, rows: &[usize]) -> Vec<VendorCount> {
    const VENDORS: [Vendor; 4] = [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other];
    let mut counts = [[0usize; VENDORS.len()]; Category::ALL.len()];
    for t in rows.iter().filter_map(|&i| catalog.types.get(i)) {
        let c = Category::ALL.iter().position(|c| *c == t.category);
        let v = VENDORS.iter().position(|v| *v == t.vendor);
        if let (Some(c), Some(v)) = (c, v) {
            counts[c][v] += 1;
        }
    }
    let mut out = Vec::new();
    for (c, category) in Category::ALL.into_iter().enumerate() {
        for (v, vendor) in VENDORS.into_iter().enumerate() {
            if counts[c][v] > 0 {
                out.push(VendorCount {
                    category,
                    vendor,
                    types: counts[c][v],
                });
            }
        }
    }
    out
}

/// For every feature (in [`Feature::ALL`] order, zeros included), how many of the `shown`
/// instance types have it. A type has a name feature if its family's name has it, and a
/// spec feature if its own specs show it.
pub fn counts_by_feature(catalog: &Catalog, shown: &Shown) -> Vec<(Feature, usize)> {
    let mut counts = [0usize; Feature::ALL.len()];
    for family in &shown.families {
        let types = || family.types.iter().filter_map(|&i| catalog.types.get(i));
        let Some(first) = types().next() else {
            continue;
        };
        let from_name = name_bits(&first.name);
        for t in types() {
            let bits = Bits(from_name.0 | spec_bits(t).0);
            for (slot, feature) in Feature::ALL.into_iter().enumerate() {
                counts[slot] += usize::from(bits.has(feature));
            }
        }
    }
    Feature::ALL.into_iter().zip(counts).collect()
}
