//! One imported record before and after the checks every format shares: a real instance
//! type name, vCPU and memory within limits, and the fallbacks for what the source leaves out.

use crate::instance::{Architecture, Category, InstanceType, Vendor};
use crate::name;
use crate::quantity::{Clock, EbsThroughput, LocalStorage, Network};

use super::clean::clean;
use super::fields::show;
use super::report::Gaps;

/// The most vCPUs an imported record may have.
pub const MAX_VCPU: u32 = 4096;
/// The most memory an imported record may have, in GiB (64 TiB).
pub const MAX_MEMORY_GIB: f64 = 65536.0;
/// The least memory per vCPU an imported record may have, in GiB: a quarter of the least
/// in the EC2 catalogue (`t3.nano`, 0.25), so memory written in the wrong unit (GiB where
/// MiB are expected) is refused instead of drawn as a speck.
pub const MIN_GIB_PER_VCPU: f64 = 1.0 / 16.0;
/// The most memory per vCPU an imported record may have, in GiB: about twice the most in
/// the catalogue (`u-24tb1.224xlarge`, 55), so memory in MiB where GiB are expected is refused.
pub const MAX_GIB_PER_VCPU: f64 = 128.0;

/// What a format's reader found in one record, before the shared checks.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// vCPUs as written (checked to be a whole number in 1..=[`MAX_VCPU`]).
    pub vcpu: Option<f64>,
    /// Memory in GiB (checked against [`MAX_MEMORY_GIB`]).
    pub memory_gib: Option<f64>,
    /// The source's memory string, if it wrote one.
    pub memory_label: Option<String>,
    /// The category, when the source names one.
    pub category: Option<Category>,
    /// The record has GPUs, FPGAs or inference chips (used when deriving the category).
    pub accelerated: bool,
    /// Clock speed.
    pub clock: Option<Clock>,
    /// Processor name.
    pub processor: Option<String>,
    /// Processor vendor, when the source says it outright.
    pub vendor: Option<Vendor>,
    /// Architecture, when the source says it.
    pub architecture: Option<Architecture>,
    /// Network performance.
    pub network: Option<Network>,
    /// Local storage (`None`: EBS only).
    pub storage: Option<LocalStorage>,
    /// GPU count.
    pub gpus: u32,
    /// Accelerator memory in GiB.
    pub gpu_memory_gib: Option<f64>,
    /// Dedicated EBS throughput.
    pub ebs: Option<EbsThroughput>,
    /// Current generation (`None`: not said, read as current).
    pub current_generation: Option<bool>,
    /// Fields the source cannot tell at all (a CSV without the column).
    pub gaps: Gaps,
    /// The further API facts (GPU model and fraction, accelerators, EBS baseline, bare
    /// metal, burstable, EFA, offerings), as the built-in data has them.
    pub details: crate::instance::Details,
}

/// An instance type name that passed [`check_name`], with the category its series suggests.
pub(crate) struct CheckedName {
    /// Trimmed and lower-cased.
    pub name: String,
    /// [`category_from_name`] of it, computed while checking.
    pub category: Category,
}

/// Checks an instance type name: trimmed and lower-cased, it must decode
/// ([`name::decode`]) or at least look like one (`family.size` of ASCII letters, digits and
/// `-`, family starting with a letter, at most [`name::MAX_NAME_CHARS`]). Markup such as
/// `<img src=x onerror=alert(1)>` is refused here.
pub(crate) fn check_name(raw: &str) -> Result<CheckedName, String> {
    let trimmed = raw.trim();
    if trimmed.len() > 4 * name::MAX_NAME_CHARS {
        let chars = trimmed.chars().count();
        return Err(format!(
            "{chars} characters is too long for an instance type name"
        ));
    }
    let name = trimmed.to_ascii_lowercase();
    match name::decode(&name) {
        Ok(decoded) => {
            let category = Category::from_decoded(&decoded);
            Ok(CheckedName { name, category })
        }
        Err(_) if plausible(&name) => Ok(CheckedName {
            name,
            category: Category::General,
        }),
        Err(e) => Err(e.to_string()),
    }
}

/// `family.size` in lower-case ASCII letters, digits and `-`, family starting with a letter.
fn plausible(name: &str) -> bool {
    let Some((family, size)) = name.split_once('.') else {
        return false;
    };
    let ok = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    name.len() <= name::MAX_NAME_CHARS
        && ok(family)
        && ok(size)
        && family.starts_with(|c: char| c.is_ascii_lowercase())
}

/// The category a name suggests, for sources that give none: [`Category::from_name`].
pub fn category_from_name(name: &str) -> Category {
    Category::from_name(name)
}

/// Applies the shared checks and fallbacks to a draft of the (checked) name; returns the
/// instance type and the fields that had to be guessed or left empty.
pub(crate) fn finish(checked: CheckedName, d: Draft) -> Result<(InstanceType, Gaps), String> {
    let CheckedName {
        name,
        category: by_name,
    } = checked;
    let vcpu = match d.vcpu {
        None => return Err("no vCPU count".to_owned()),
        // A whole number in 1..=4096: the cast is exact.
        Some(x) if x.fract() == 0.0 && (1.0..=f64::from(MAX_VCPU)).contains(&x) => x as u32,
        Some(x) => {
            let x = show(x);
            return Err(format!(
                "vCPU {x} is not a whole number from 1 to {MAX_VCPU}"
            ));
        }
    };
    let memory_gib = match d.memory_gib {
        None => return Err("no memory size".to_owned()),
        Some(x) if x.is_finite() && x > 0.0 && x <= MAX_MEMORY_GIB => x,
        Some(x) => {
            let x = show(x);
            return Err(format!(
                "memory {x} GiB is not more than 0 and at most 65536 GiB"
            ));
        }
    };
    let per_vcpu = memory_gib / f64::from(vcpu);
    if per_vcpu < MIN_GIB_PER_VCPU {
        let (m, r) = (show(memory_gib), show(per_vcpu));
        return Err(format!(
            "memory {m} GiB for {vcpu} vCPUs is {r} GiB per vCPU, less than the 1/16 GiB the \
             atlas accepts: is the memory in the wrong unit (GiB where MiB are expected)?"
        ));
    }
    if per_vcpu > MAX_GIB_PER_VCPU {
        let (m, r) = (show(memory_gib), show(per_vcpu));
        return Err(format!(
            "memory {m} GiB for {vcpu} vCPUs is {r} GiB per vCPU, more than the 128 GiB the \
             atlas accepts: is the memory in the wrong unit (MiB where GiB are expected)?"
        ));
    }
    let mut gaps = d.gaps;
    let (family, size) = name.split_once('.').unwrap_or((name.as_str(), ""));
    let (family, size) = (family.to_owned(), size.to_owned());
    let category = d.category.unwrap_or_else(|| {
        gaps.insert(Gaps::CATEGORY);
        if d.accelerated {
            Category::Accelerated
        } else {
            by_name
        }
    });
    let processor = d.processor.map(|p| clean(&p)).filter(|p| !p.is_empty());
    let graviton = d.vendor == Some(Vendor::Graviton)
        || processor.as_deref().map(Vendor::from_processor) == Some(Vendor::Graviton);
    let architecture = d.architecture.unwrap_or(if graviton {
        Architecture::Arm64
    } else {
        Architecture::X86_64
    });
    let vendor = d
        .vendor
        .or_else(|| processor.as_deref().map(Vendor::from_processor))
        .or((architecture == Architecture::Arm64).then_some(Vendor::Graviton))
        .unwrap_or_else(|| {
            gaps.insert(Gaps::VENDOR);
            Vendor::Other
        });
    let processor = processor.unwrap_or_else(|| {
        gaps.insert(Gaps::PROCESSOR);
        architecture.label().to_owned()
    });
    if d.clock.is_none() {
        gaps.insert(Gaps::CLOCK);
    }
    let network = d.network.unwrap_or_else(|| {
        gaps.insert(Gaps::NETWORK);
        let label = String::new();
        Network {
            gbps: None,
            up_to: false,
            label,
        }
    });
    let memory_label = d
        .memory_label
        .map(|l| clean(&l))
        .unwrap_or_else(|| format!("{} GiB", show(memory_gib)));
    let mut network = network;
    network.label = clean(&network.label);
    let clock = d.clock.map(|c| Clock {
        label: clean(&c.label),
        ..c
    });
    let storage = d.storage.map(|s| LocalStorage {
        label: clean(&s.label),
        ..s
    });
    let ebs = d.ebs.map(|e| EbsThroughput {
        label: clean(&e.label),
        ..e
    });
    let t = InstanceType {
        details: crate::instance::Details {
            gpu_model: d
                .details
                .gpu_model
                .map(|m| clean(&m))
                .filter(|m| !m.is_empty()),
            accelerators: d.details.accelerators.iter().map(|a| clean(a)).collect(),
            ..d.details
        },
        name,
        family,
        size,
        category,
        vcpu,
        memory_gib,
        memory_label,
        clock,
        processor,
        vendor,
        architecture,
        network,
        storage,
        gpus: d.gpus,
        gpu_memory_gib: d.gpu_memory_gib,
        ebs,
        current_generation: d.current_generation.unwrap_or(true),
    };
    Ok((t, gaps))
}
