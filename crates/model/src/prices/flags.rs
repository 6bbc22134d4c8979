//! Prices that look wrong: Windows below Linux, and sizes far off their family's line.
//!
//! Both are hints, not verdicts. In the embedded data (us-east-1) Windows-below-Linux mostly
//! marks a Windows price the source got wrong (`m5.4xlarge`: 0.736 against Linux 0.768),
//! while off-the-line sizes are mostly real price structure: burstable `nano`/`micro`/`small`
//! sizes share two vCPUs at a fraction of the price, and one-GPU `xlarge` sizes carry a
//! whole GPU on four vCPUs.

use std::collections::HashMap;

use crate::catalog::Catalog;

use super::{Os, PriceMetric, PriceTable};

/// The band around a family's median Linux price per vCPU inside which a size is on the
/// family's line: outside `[0.5, 2.0]` × median it is flagged.
pub const FAMILY_LINE_BAND: (f64, f64) = (0.5, 2.0);

/// A family needs this many sizes with a known Linux price for its median to be trusted.
pub const FAMILY_LINE_MIN_SIZES: usize = 3;

/// A price that looks wrong, worth a warning next to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PriceFlag {
    /// Windows costs less than Linux for the same type and region (the licence is extra).
    WindowsBelowLinux,
    /// The Linux price per vCPU is outside [`FAMILY_LINE_BAND`] of the family's median.
    OffFamilyLine {
        /// This size's price per vCPU divided by the family's median.
        ratio: f64,
    },
}

impl PriceFlag {
    /// A sentence for a tooltip.
    pub fn describe(&self) -> String {
        match self {
            PriceFlag::WindowsBelowLinux => "the Windows price is below the Linux price".into(),
            PriceFlag::OffFamilyLine { ratio } => {
                format!("the price per vCPU is {ratio:.2}× the family's median")
            }
        }
    }
}

/// The anomalies of every priced catalog type in `region`, by index into [`Catalog::types`];
/// types without any flag are absent. See [`PriceFlag`] for the rules.
pub fn flags(
    table: &PriceTable,
    catalog: &Catalog,
    region: &str,
) -> HashMap<usize, Vec<PriceFlag>> {
    let mut flags: HashMap<usize, Vec<PriceFlag>> = HashMap::new();
    let mut per_vcpu: HashMap<&str, Vec<(usize, f64)>> = HashMap::new();
    for (index, instance) in catalog.types.iter().enumerate() {
        let linux = table.hourly(&instance.name, region, Os::Linux).known();
        let windows = table.hourly(&instance.name, region, Os::Windows).known();
        if let (Some(linux), Some(windows)) = (linux, windows) {
            if windows < linux {
                flags
                    .entry(index)
                    .or_default()
                    .push(PriceFlag::WindowsBelowLinux);
            }
        }
        if let Some(value) = PriceMetric::PerVcpuHour.value(table, instance, region, Os::Linux) {
            per_vcpu
                .entry(&instance.family)
                .or_default()
                .push((index, value));
        }
    }
    for members in per_vcpu
        .values()
        .filter(|m| m.len() >= FAMILY_LINE_MIN_SIZES)
    {
        let mut values: Vec<f64> = members.iter().map(|&(_, v)| v).collect();
        let Some(median) = median(&mut values) else {
            continue;
        };
        for &(index, value) in members {
            let ratio = value / median;
            if ratio < FAMILY_LINE_BAND.0 || ratio > FAMILY_LINE_BAND.1 {
                flags
                    .entry(index)
                    .or_default()
                    .push(PriceFlag::OffFamilyLine { ratio });
            }
        }
    }
    flags
}

/// The median of some numbers (the mean of the middle two for an even count); `None` if empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle]),
        _ => Some((values[middle - 1] + values[middle]) / 2.0),
    }
}
