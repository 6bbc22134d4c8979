//! What a person chose for the Families chart: its axes, their scales and ranges, and what
//! the lines are coloured by.

use super::axis::{AxisRange, Scale};
use super::metric::Metric;
use crate::prices::PriceMetric;

/// What the Families chart plots: the metric and scale of each axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FamiliesSpec {
    /// Horizontal metric (default memory).
    pub x: Metric,
    /// Vertical metric (default vCPU).
    pub y: Metric,
    /// Horizontal scale.
    pub x_scale: Scale,
    /// Vertical scale.
    pub y_scale: Scale,
    /// What the lines and dots are coloured by.
    pub colour: ColourBy,
    /// A typed horizontal range (base units: GiB, vCPU, GHz ...): points outside it are
    /// left out and the axis runs to its ends. Open by default.
    pub x_range: AxisRange,
    /// A typed vertical range, likewise.
    pub y_range: AxisRange,
}

impl Default for FamiliesSpec {
    fn default() -> Self {
        FamiliesSpec {
            x: Metric::Memory,
            y: Metric::Vcpu,
            x_scale: Scale::Log,
            y_scale: Scale::Log,
            colour: ColourBy::Category,
            x_range: AxisRange::OPEN,
            y_range: AxisRange::OPEN,
        }
    }
}

/// What the Families chart colours by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColourBy {
    /// The family's category (the default).
    #[default]
    Category,
    /// The processor vendor.
    Vendor,
    /// The family's generation number.
    Generation,
    /// A price metric, each dot on a gradient from cheapest to dearest.
    Price(PriceMetric),
}

impl ColourBy {
    /// Every choice, in menu order.
    pub const ALL: [ColourBy; 7] = [
        ColourBy::Category,
        ColourBy::Vendor,
        ColourBy::Generation,
        ColourBy::Price(PriceMetric::Hourly),
        ColourBy::Price(PriceMetric::Monthly),
        ColourBy::Price(PriceMetric::PerVcpuHour),
        ColourBy::Price(PriceMetric::PerGibHour),
    ];

    /// A short stable identifier for URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            ColourBy::Category => "category",
            ColourBy::Vendor => "vendor",
            ColourBy::Generation => "generation",
            ColourBy::Price(metric) => metric.slug(),
        }
    }

    /// The inverse of [`ColourBy::slug`].
    pub fn from_slug(slug: &str) -> Option<ColourBy> {
        ColourBy::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            ColourBy::Category => "Category",
            ColourBy::Vendor => "Processor vendor",
            ColourBy::Generation => "Generation",
            ColourBy::Price(metric) => metric.label(),
        }
    }
}
