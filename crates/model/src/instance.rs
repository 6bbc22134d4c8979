//! One EC2 instance type with its specs as numbers, and the enums that classify it.

use crate::quantity::{Clock, EbsThroughput, LocalStorage, Network};

/// One EC2 instance type (for example `p3dn.24xlarge`) with its specs turned into numbers.
///
/// The source's own strings are kept beside the numbers where people read them
/// (`memory_label`, `network.label`, `storage` label, processor name).
#[derive(Debug, Clone, PartialEq)]
pub struct InstanceType {
    /// The full API name, for example `p3dn.24xlarge`.
    pub name: String,
    /// The family: the part of the name before the dot, for example `p3dn` or `u-6tb1`.
    pub family: String,
    /// The size: the part of the name after the dot, for example `24xlarge`.
    pub size: String,
    /// The category the family belongs to.
    pub category: Category,
    /// Number of virtual CPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// The source's memory string, for example `768 GiB`.
    pub memory_label: String,
    /// Sustained (or "up to") clock speed, when the source gives one.
    pub clock: Option<Clock>,
    /// The processor name as the source writes it.
    pub processor: String,
    /// Who makes the processor.
    pub vendor: Vendor,
    /// Instruction set architecture.
    pub architecture: Architecture,
    /// Network performance.
    pub network: Network,
    /// Local instance storage; `None` for EBS-only types.
    pub storage: Option<LocalStorage>,
    /// Number of GPUs (0 when none).
    pub gpus: u32,
    /// Total accelerator memory in GiB, when the source gives it (GPUs, and also
    /// Inferentia/Trainium/Qualcomm accelerators, which have no GPU count).
    pub gpu_memory_gib: Option<f64>,
    /// Dedicated EBS throughput, when the source gives it.
    pub ebs: Option<EbsThroughput>,
    /// Whether AWS lists the type as current generation.
    pub current_generation: bool,
    /// What the EC2 API says beyond the Price List's columns (all empty for imported data
    /// that does not give it).
    pub details: Details,
}

/// The EC2 API's facts about a type that the older Price List columns do not carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// GPU maker and model, for example `NVIDIA H200`.
    pub gpu_model: Option<String>,
    /// The share of one GPU a type has when it has less than a whole one (`0.125` of an L4
    /// on `g6f.large`); `None` for whole GPUs or none.
    pub gpu_fraction: Option<f64>,
    /// Accelerators other than GPUs, as count x maker and name (`16 x AWS Trainium2`,
    /// `1 x Xilinx U30`).
    pub accelerators: Vec<String>,
    /// The EBS bandwidth a type sustains, in Mbps, when it is below the maximum it can
    /// burst to ([`InstanceType::ebs`]).
    pub ebs_baseline_mbps: Option<f64>,
    /// A `.metal` type: the whole server, no hypervisor.
    pub bare_metal: bool,
    /// A burstable type (CPU credits: `t2`, `t3`, `t4g`, ...).
    pub burstable: bool,
    /// Supports the Elastic Fabric Adapter.
    pub efa: bool,
    /// Kept from the older Price List source: the EC2 API no longer lists it (retired or
    /// restricted), so it is offered nowhere.
    pub retired: bool,
    /// The regions offering the type, as bits over [`crate::availability::OFFERING_REGIONS`];
    /// `None` when the data does not say.
    pub offered: Option<u32>,
}

/// The five categories of the Tableau view, which AWS Price List `instanceFamily` values map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// General purpose and micro instances.
    General,
    /// Compute optimized.
    Compute,
    /// Memory optimized.
    Memory,
    /// Storage optimized.
    Storage,
    /// GPU, FPGA, machine-learning ASIC and media accelerator instances.
    Accelerated,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 5] = [
        Category::General,
        Category::Compute,
        Category::Memory,
        Category::Storage,
        Category::Accelerated,
    ];

    /// A short stable identifier, used in test ids and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Category::General => "general",
            Category::Compute => "compute",
            Category::Memory => "memory",
            Category::Storage => "storage",
            Category::Accelerated => "accelerated",
        }
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Category::General => "General purpose",
            Category::Compute => "Compute optimised",
            Category::Memory => "Memory optimised",
            Category::Storage => "Storage optimised",
            Category::Accelerated => "Accelerated computing",
        }
    }

    /// The category of an instance type read from its name, the one rule for sources that
    /// give none: series `c`, `cc`, `hpc` compute; `r`, `x`, `u`, `z`, `cr` and the retired
    /// `m2` memory; `i`, `d`, `h`, `im`, `is`, `hi`, `hs` storage; `p`, `g`, `gr`, `f`,
    /// `inf`, `trn`, `dl`, `vt`, `cg` accelerated; anything else (`m`, `t`, `a`, `mac`, or a
    /// name that does not decode) general purpose. It agrees with the AWS Price List's
    /// `instanceFamily` for every type both know (`tests/dataset.rs`).
    pub fn from_name(name: &str) -> Category {
        crate::name::decode(name).map_or(Category::General, |d| Category::from_decoded(&d))
    }

    /// [`Category::from_name`] of a name already decoded.
    pub fn from_decoded(decoded: &crate::name::DecodedName) -> Category {
        match decoded.series.as_str() {
            "c" | "cc" | "hpc" => Category::Compute,
            "r" | "x" | "u" | "z" | "cr" => Category::Memory,
            "m" if decoded.generation == Some(2) => Category::Memory,
            "i" | "d" | "h" | "im" | "is" | "hi" | "hs" => Category::Storage,
            "p" | "g" | "gr" | "f" | "inf" | "trn" | "dl" | "vt" | "cg" => Category::Accelerated,
            _ => Category::General,
        }
    }

    /// Maps an AWS Price List `instanceFamily` value to a category.
    pub fn from_price_list(instance_family: &str) -> Option<Category> {
        let family = instance_family.trim().to_ascii_lowercase();
        let category = match family.as_str() {
            "general purpose" | "micro instances" => Category::General,
            "compute optimized" => Category::Compute,
            "memory optimized" => Category::Memory,
            "storage optimized" => Category::Storage,
            "gpu instance"
            | "fpga instances"
            | "machine learning asic instances"
            | "media accelerator instances" => Category::Accelerated,
            _ => return None,
        };
        Some(category)
    }
}

/// Who makes an instance type's processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vendor {
    /// Intel Xeon and friends.
    Intel,
    /// AMD EPYC.
    Amd,
    /// AWS Graviton (Arm).
    Graviton,
    /// Anything else, or unknown ("Variable").
    Other,
}

impl Vendor {
    /// Reads the vendor from a processor name such as `AMD EPYC 7R13 Processor`.
    pub fn from_processor(processor: &str) -> Vendor {
        let p = processor.to_ascii_lowercase();
        if p.contains("graviton") {
            Vendor::Graviton
        } else if p.contains("amd") || p.contains("epyc") {
            Vendor::Amd
        } else if p.contains("intel") || p.contains("xeon") {
            Vendor::Intel
        } else {
            Vendor::Other
        }
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Vendor::Intel => "Intel",
            Vendor::Amd => "AMD",
            Vendor::Graviton => "AWS Graviton",
            Vendor::Other => "Other",
        }
    }
}

/// Instruction set architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Architecture {
    /// 64-bit x86 (some older types also run 32-bit code).
    X86_64,
    /// 64-bit Arm (Graviton).
    Arm64,
}

impl Architecture {
    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}
