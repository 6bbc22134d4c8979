//! What a price is measured against: per hour, per month, per vCPU, per GiB.

use crate::instance::InstanceType;

use super::Pricing;

/// Hours in the month AWS uses for monthly prices (365 × 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

/// What a price is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PriceMetric {
    /// USD per hour.
    Hourly,
    /// USD per month of [`HOURS_PER_MONTH`] hours.
    Monthly,
    /// USD per vCPU per hour.
    PerVcpuHour,
    /// USD per GiB of memory per hour.
    PerGibHour,
}

impl PriceMetric {
    /// Every metric, in display order.
    pub const ALL: [PriceMetric; 4] = [
        PriceMetric::Hourly,
        PriceMetric::Monthly,
        PriceMetric::PerVcpuHour,
        PriceMetric::PerGibHour,
    ];

    /// The name people read, with its unit.
    pub fn label(self) -> &'static str {
        match self {
            PriceMetric::Hourly => "Price (USD per hour)",
            PriceMetric::Monthly => "Price (USD per month, 730 h)",
            PriceMetric::PerVcpuHour => "Price per vCPU (USD per hour)",
            PriceMetric::PerGibHour => "Price per GiB of memory (USD per hour)",
        }
    }

    /// A short stable identifier, used in URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            PriceMetric::Hourly => "price-hour",
            PriceMetric::Monthly => "price-month",
            PriceMetric::PerVcpuHour => "price-vcpu-hour",
            PriceMetric::PerGibHour => "price-gib-hour",
        }
    }

    /// The metric with this [`slug`](PriceMetric::slug).
    pub fn from_slug(slug: &str) -> Option<PriceMetric> {
        PriceMetric::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// The metric for one instance type, or `None` when its price is unknown, or suspect
    /// ([`PriceTable::check`]) and the person did not ask to include suspect prices.
    pub fn value(self, pricing: &Pricing, instance: &InstanceType) -> Option<f64> {
        let hourly = pricing.counted(&instance.name)?;
        match self {
            PriceMetric::Hourly => Some(hourly),
            PriceMetric::Monthly => Some(hourly * HOURS_PER_MONTH),
            PriceMetric::PerVcpuHour => {
                Some(hourly / f64::from(instance.vcpu)).filter(|_| instance.vcpu > 0)
            }
            PriceMetric::PerGibHour => {
                Some(hourly / instance.memory_gib).filter(|_| instance.memory_gib > 0.0)
            }
        }
    }
}
