//! What a Table cell shows: numbers in the column's one unit (`768`, `12.5`, `1800`), the
//! words the atlas uses (`Accelerated computing`, `EBS only`), and a tooltip that keeps
//! what the number alone loses ("Up to 12.5 Gbps", "2 x 900 GB NVMe SSD").

use crate::instance::InstanceType;
use crate::text::format_usd;

use super::{kind_label, Column};
use crate::decimal::{fixed, shortest, Shortest};

impl Column {
    /// What a cell shows: a number in the column's unit (the heading names it: `768` under
    /// "Memory (GiB)", `12.5` under "Network (Gbps)", `1800` under "Local storage (GB)"),
    /// the old network grades (`Moderate`) and `EBS only` as words; empty when there is no
    /// value. Price columns need [`Column::text_at`].
    pub fn text(self, t: &InstanceType) -> String {
        match self {
            Column::Vcpu => t.vcpu.to_string(),
            Column::Gpus => t.gpus.to_string(),
            Column::Network if t.network.gbps.is_none() => t.network.label.clone(),
            Column::Storage if t.storage.is_none() => "EBS only".to_owned(),
            Column::GibPerVcpu => self
                .number(t)
                .map(|v| format_number(v, 2))
                .unwrap_or_default(),
            c if c.is_numeric() => c.number(t).map(|v| format_number(v, 3)).unwrap_or_default(),
            Column::Accelerators => t.details.accelerators.join("; "),
            Column::OfferedIn => match crate::availability::regions(t) {
                regions if regions.is_empty() => crate::availability::describe(t),
                regions => regions.join(", "),
            },
            _ => self.text_ref(t).to_owned(),
        }
    }

    /// The source's own string for a cell where it has one (`768 GiB`, `Up to 25 Gigabit`,
    /// `2 x 900 NVMe SSD`, `EBS only`), as the dataset writes it; empty when there is none.
    pub fn source_text(self, t: &InstanceType) -> String {
        match self {
            Column::Vcpu => t.vcpu.to_string(),
            Column::Gpus => t.gpus.to_string(),
            Column::Category => t.category.label().to_owned(),
            Column::Memory if t.memory_label.is_empty() => {
                format!("{} GiB", Shortest(t.memory_gib))
            }
            Column::Memory => t.memory_label.clone(),
            Column::Clock => t
                .clock
                .as_ref()
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            Column::Network => t.network.label.clone(),
            Column::Storage => t
                .storage
                .as_ref()
                .map_or_else(|| "EBS only".to_owned(), |s| s.label.clone()),
            Column::GpuMemory => t
                .gpu_memory_gib
                .map(|g| format!("{} GiB", Shortest(g)))
                .unwrap_or_default(),
            Column::Ebs => t.ebs.as_ref().map(|e| e.label.clone()).unwrap_or_default(),
            Column::Accelerators => t.details.accelerators.join("; "),
            Column::OfferedIn => match crate::availability::regions(t) {
                regions if regions.is_empty() => crate::availability::describe(t),
                regions => regions.join(", "),
            },
            Column::NetworkGbps | Column::EbsBaseline | Column::GpuFraction => {
                self.number(t).map(shortest).unwrap_or_default()
            }
            _ => self.text_ref(t).to_owned(),
        }
    }

    /// What a cell shows, given the type's hourly price where the column needs one:
    /// `$0.096`, or `–` where no price is known in the region.
    pub fn text_at(self, t: &InstanceType, hourly: Option<f64>) -> String {
        match self.price_metric() {
            Some(_) => self
                .number_at(t, hourly)
                .map_or_else(|| "–".to_owned(), format_usd),
            None => self.text(t),
        }
    }

    /// A cell's tooltip, where the number alone leaves something out: `Up to 12.5 Gbps`
    /// (a burst figure), `Up to 3.5 GHz`, `2 x 900 GB NVMe SSD`, `768 GiB / 96 vCPU`.
    pub fn tooltip(self, t: &InstanceType) -> Option<String> {
        match self {
            Column::Network => {
                let gbps = t.network.gbps?;
                let up_to = if t.network.up_to { "Up to " } else { "" };
                Some(format!("{up_to}{} Gbps", format_number(gbps, 3)))
            }
            Column::Clock => {
                let clock = t.clock.as_ref().filter(|c| c.up_to)?;
                Some(format!("Up to {} GHz", format_number(clock.ghz, 3)))
            }
            Column::Ebs => {
                let ebs = t.ebs.as_ref().filter(|e| e.up_to)?;
                Some(format!("Up to {} Mbps", format_number(ebs.mbps, 3)))
            }
            Column::Storage => {
                let s = t.storage.as_ref()?;
                let size = format_number(s.disk_gb, 3);
                let kind = kind_label(s.kind);
                Some(match s.disks {
                    1 => format!("{size} GB {kind}"),
                    n => format!("{n} x {size} GB {kind}"),
                })
            }
            Column::GibPerVcpu => (t.vcpu > 0).then(|| {
                let memory = format_number(t.memory_gib, 3);
                format!("{memory} GiB / {} vCPU", t.vcpu)
            }),
            _ => None,
        }
    }
}

/// A number with at most `decimals` decimals and no trailing zeros or float noise:
/// `832.2`, `0.5`, `12.5`, `1800`.
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The generation number in a family name: `5` in `m5`, `7` in `c7gn` and `u7in-32tb`,
/// `1` in `u-6tb1`; `None` for names without one (`mac-m4pro`).
pub fn generation_of(family: &str) -> Option<u32> {
    let digits = match family.strip_prefix("u-") {
        // `u-6tb1`: the trailing digits after the memory size.
        Some(rest) => {
            let end = rest.trim_end_matches(|c: char| c.is_ascii_digit());
            &rest[end.len()..]
        }
        None => {
            let after = family.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            &after[..end]
        }
    };
    digits.parse().ok()
}
