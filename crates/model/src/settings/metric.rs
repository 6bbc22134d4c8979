//! The numbers a chart axis, a colour ramp or a matrix cell can show for each instance type.

use crate::instance::InstanceType;
use crate::prices::{PriceMetric, Pricing};
use crate::text::{format_usd, trim_number};

/// A number an axis (or later a colour) can show for each instance type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Memory in GiB.
    Memory,
    /// Virtual CPUs.
    Vcpu,
    /// Clock speed in GHz.
    Clock,
    /// Network bandwidth in Gbps.
    Network,
    /// Total local instance storage in GB.
    Storage,
    /// Number of GPUs.
    Gpus,
    /// A price in the chosen region (needs [`Pricing`]).
    Price(PriceMetric),
}

impl Metric {
    /// Every metric, in menu order.
    pub const ALL: [Metric; 10] = [
        Metric::Memory,
        Metric::Vcpu,
        Metric::Clock,
        Metric::Network,
        Metric::Storage,
        Metric::Gpus,
        Metric::Price(PriceMetric::Hourly),
        Metric::Price(PriceMetric::Monthly),
        Metric::Price(PriceMetric::PerVcpuHour),
        Metric::Price(PriceMetric::PerGibHour),
    ];

    /// A short stable identifier for URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Metric::Memory => "memory",
            Metric::Vcpu => "vcpu",
            Metric::Clock => "clock",
            Metric::Network => "network",
            Metric::Storage => "storage",
            Metric::Gpus => "gpus",
            Metric::Price(price) => price.slug(),
        }
    }

    /// The inverse of [`Metric::slug`].
    pub fn from_slug(slug: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// The axis title.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Memory => "Memory (GiB)",
            Metric::Vcpu => "vCPU",
            Metric::Clock => "Clock (GHz)",
            Metric::Network => "Network (Gbps)",
            Metric::Storage => "Local storage (GB)",
            Metric::Gpus => "GPUs",
            Metric::Price(price) => price.label(),
        }
    }

    /// The metric's value for an instance type, when it has one (prices need `pricing`).
    pub fn value(self, instance: &InstanceType, pricing: Option<&Pricing>) -> Option<f64> {
        match self {
            Metric::Price(price) => pricing?.value(price, instance),
            Metric::Memory => Some(instance.memory_gib),
            Metric::Vcpu => Some(f64::from(instance.vcpu)),
            Metric::Clock => instance.clock.as_ref().map(|c| c.ghz),
            Metric::Network => instance.network.gbps,
            Metric::Storage => Some(instance.storage.as_ref().map_or(0.0, |s| s.total_gb())),
            Metric::Gpus => Some(f64::from(instance.gpus)),
        }
    }

    /// The axis title with the unit its ticks are written in: `Memory (TiB)`, `vCPU`.
    pub fn title_in(self, unit: &str) -> String {
        let name = match self {
            Metric::Memory => "Memory",
            Metric::Storage => "Local storage",
            Metric::Clock => "Clock",
            Metric::Network => "Network",
            _ => return self.label().to_owned(),
        };
        if unit.is_empty() {
            name.to_owned()
        } else {
            format!("{name} ({unit})")
        }
    }

    /// One value as a short label with its own unit (a cell, a legend): `512 MiB`, `2 TiB`,
    /// `96`, `2.5`. Axes use [`metric_layout`], which writes every tick in one unit.
    pub fn format_tick(self, value: f64) -> String {
        match self {
            Metric::Memory if value < 1.0 => format!("{} MiB", trim_number(value * 1024.0)),
            Metric::Memory if value >= 1024.0 => format!("{} TiB", trim_number(value / 1024.0)),
            Metric::Memory => format!("{} GiB", trim_number(value)),
            Metric::Storage if value >= 1000.0 => format!("{} TB", trim_number(value / 1000.0)),
            Metric::Price(_) => format_usd(value),
            _ => trim_number(value),
        }
    }
}
