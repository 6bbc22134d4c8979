//! Chart axes: which metric an axis shows, linear or log, its domain and its ticks.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use crate::instance::InstanceType;
use crate::prices::{PriceMetric, Pricing};

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

    /// A tick label for a value of this metric: `512 MiB`, `2 TiB`, `96`, `2.5`.
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

/// How values map to positions along an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    /// Equal distances for equal differences.
    Linear,
    /// Equal distances for equal ratios (each doubling the same length).
    #[default]
    Log,
}

impl Scale {
    /// A short stable identifier for URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }

    /// The inverse of [`Scale::slug`].
    pub fn from_slug(slug: &str) -> Option<Scale> {
        [Scale::Linear, Scale::Log]
            .into_iter()
            .find(|s| s.slug() == slug)
    }

    /// Whether a value can be placed on this scale (a log axis has no place for 0).
    pub fn accepts(self, value: f64) -> bool {
        value.is_finite() && (self == Scale::Linear || value > 0.0)
    }

    /// The value in the chart's internal coordinate (log2 for log axes).
    pub fn to_coord(self, value: f64) -> f64 {
        match self {
            Scale::Linear => value,
            Scale::Log => value.log2(),
        }
    }

    /// The inverse of [`Scale::to_coord`].
    pub fn from_coord(self, coord: f64) -> f64 {
        match self {
            Scale::Linear => coord,
            Scale::Log => coord.exp2(),
        }
    }
}

/// An axis ready to draw: its range in internal coordinates and its ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLayout {
    /// Lowest internal coordinate shown.
    pub start: f64,
    /// Highest internal coordinate shown.
    pub end: f64,
    /// Tick positions in internal coordinates.
    pub ticks: Vec<f64>,
}

/// The most ticks any axis gets, whatever its values (a guard for extreme ranges).
const MAX_TICKS: i32 = 64;

/// Lays out an axis for the given data values (those the scale accepts).
///
/// Log axes snap to powers of two and tick at powers of 2, 4 or 16 so that at most
/// `max_ticks` labels show; linear axes start at zero and tick at 1, 2 or 5 x 10^k.
pub fn layout(scale: Scale, values: impl Iterator<Item = f64>, max_ticks: usize) -> AxisLayout {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| scale.accepts(*v)) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        // Nothing to show: a unit range keeps the frame drawable.
        (lo, hi) = (1.0, 2.0);
    }
    let max_ticks = max_ticks.max(2);
    match scale {
        Scale::Log => {
            let start = lo.log2().floor() - 0.25;
            let end = (hi.log2().ceil() + 0.25).max(start + 1.0);
            let span = end - start;
            let step = [1.0, 2.0, 4.0, 8.0]
                .into_iter()
                .find(|s| span / s <= max_ticks as f64)
                .unwrap_or(8.0);
            let first = (start / step).ceil() * step;
            let ticks = (0..MAX_TICKS)
                .map(|i| first + f64::from(i) * step)
                .take_while(|t| *t <= end)
                .collect();
            AxisLayout { start, end, ticks }
        }
        Scale::Linear => {
            let hi = if hi <= 0.0 { 1.0 } else { hi };
            let start = lo.min(0.0);
            // The step spans the whole range (a negative start too), so ticks stay few
            // whatever the values; an extreme range still gets a finite, non-zero step.
            let span = (hi - start).min(f64::MAX);
            let step = nice_step(span / max_ticks as f64);
            let step = if step.is_finite() && step > 0.0 {
                step
            } else {
                span.max(f64::MIN_POSITIVE)
            };
            let end = (hi / step).ceil() * step;
            let first = (start / step).ceil() * step;
            let ticks = (0..MAX_TICKS)
                .map(|i| first + f64::from(i) * step)
                .take_while(|t| *t <= end + step * 1e-9)
                .collect();
            AxisLayout {
                start,
                end: end + step * 0.02,
                ticks,
            }
        }
    }
}

/// The layout is itself a plotters coordinate: linear in internal coordinates, with the
/// layout's ticks as its (bold) key points and no light grid lines.
impl Ranged for AxisLayout {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.end - self.start;
        let pixels = f64::from(limit.1 - limit.0);
        if span <= 0.0 || !value.is_finite() {
            return limit.0;
        }
        let offset = (value - self.start) / span * pixels;
        // Clamped well outside the frame so a stray value cannot overflow the pixel type.
        limit.0 + offset.clamp(-1e6, 1e6).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            return Vec::new();
        }
        self.ticks.clone()
    }

    fn range(&self) -> Range<f64> {
        self.start..self.end
    }
}

/// The smallest of 1, 2, 5 x 10^k at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// A price in US dollars with the precision small prices need: `$0.0052`, `$0.096`, `$12.5`, `$1.2k`.
pub fn format_usd(value: f64) -> String {
    if value >= 10_000.0 {
        format!("${}k", trim_number(value / 1000.0))
    } else if value >= 1.0 {
        format!("${}", trim_number(value))
    } else {
        let digits = format!("{value:.4}");
        format!("${}", digits.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A number without a trailing `.0`, with at most two decimals.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axis_covers_half_a_gib_to_32_tib_with_power_of_two_ticks() {
        let axis = layout(Scale::Log, [0.5, 24576.0, 32768.0].into_iter(), 10);
        assert!(axis.start < -1.0 && axis.end > 15.0);
        assert!(axis.ticks.len() <= 10 && axis.ticks.len() >= 4);
        assert!(axis.ticks.iter().all(|t| t.fract() == 0.0));
        assert_eq!(
            Metric::Memory.format_tick(Scale::Log.from_coord(-1.0)),
            "512 MiB"
        );
        assert_eq!(Metric::Memory.format_tick(32768.0), "32 TiB");
    }

    #[test]
    fn log_axis_ignores_zero_and_linear_axis_starts_at_zero() {
        let axis = layout(Scale::Log, [0.0, 1.0, 896.0].into_iter(), 12);
        assert!(
            axis.start >= -0.5,
            "zero must not drag a log axis down: {axis:?}"
        );
        let linear = layout(Scale::Linear, [3.0, 896.0].into_iter(), 8);
        assert_eq!(linear.start, 0.0);
        assert!(linear.end >= 896.0);
        assert_eq!(linear.ticks.first(), Some(&0.0));
        assert!(linear.ticks.len() <= 9);
    }

    #[test]
    fn empty_data_still_gives_a_drawable_axis() {
        let axis = layout(Scale::Log, std::iter::empty(), 8);
        assert!(axis.end > axis.start);
    }
}
