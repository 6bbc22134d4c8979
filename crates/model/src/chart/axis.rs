//! Chart axes: which metric an axis shows, linear or log, its domain and its ticks.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use crate::instance::InstanceType;
use crate::prices::{PriceMetric, Pricing};

mod ticks;

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

/// A range a person typed for an axis, in the metric's base unit (GiB, vCPU, GHz, Gbps,
/// GB, USD); either end may be open. Points outside it are left out of the drawing and the
/// axis runs exactly to the ends given.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AxisRange {
    /// The lowest value shown, if fixed.
    pub min: Option<f64>,
    /// The highest value shown, if fixed.
    pub max: Option<f64>,
}

impl AxisRange {
    /// No range: the axis follows the data.
    pub const OPEN: AxisRange = AxisRange {
        min: None,
        max: None,
    };

    /// Whether either end is fixed.
    pub fn is_set(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }

    /// Whether a value lies inside the range (ends included).
    pub fn contains(&self, value: f64) -> bool {
        self.min.is_none_or(|m| value >= m) && self.max.is_none_or(|m| value <= m)
    }

    /// The ends `scale` can use: finite, positive on a log scale, and `min` below `max`
    /// (when they cross, both are dropped).
    pub fn usable(self, scale: Scale) -> AxisRange {
        let keep = |v: Option<f64>| v.filter(|v| scale.accepts(*v));
        let (min, max) = (keep(self.min), keep(self.max));
        match (min, max) {
            (Some(lo), Some(hi)) if lo >= hi => AxisRange::OPEN,
            _ => AxisRange { min, max },
        }
    }
}

// A range is plain data the state carries and compares: `Eq` holds for the finite ends a
// person can type, and the hash reads -0 as 0 so it agrees with `==`.
impl Eq for AxisRange {}

impl std::hash::Hash for AxisRange {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let bits = |v: Option<f64>| v.map(|v| (v + 0.0).to_bits());
        bits(self.min).hash(state);
        bits(self.max).hash(state);
    }
}

/// An axis ready to draw: its range in internal coordinates, its ticks and their labels.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLayout {
    /// Lowest internal coordinate shown.
    pub start: f64,
    /// Highest internal coordinate shown.
    pub end: f64,
    /// Tick positions in internal coordinates.
    pub ticks: Vec<f64>,
    /// One label per tick, all in the same unit (`0`, `200`, `400`; `$0.05`).
    pub labels: Vec<String>,
    /// The unit every label is written in (`GiB`, `TiB`), empty for plain numbers.
    pub unit: &'static str,
}

impl AxisLayout {
    /// The label of the tick at internal coordinate `coord`; empty between ticks.
    pub fn label(&self, coord: f64) -> String {
        self.ticks
            .iter()
            .position(|t| (t - coord).abs() <= 1e-9 * t.abs().max(1.0))
            .and_then(|i| self.labels.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// The longest label, in characters (to size the room labels need).
    pub fn widest_label(&self) -> usize {
        self.labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    }
}

/// Lays out an axis of whole counts (bar lengths): starts at zero, steps of 1, 2 or
/// 5 x 10^k, plain labels, widened to the last tick.
pub fn layout(scale: Scale, values: impl Iterator<Item = f64>, max_ticks: usize) -> AxisLayout {
    let span = data_span(scale, values);
    ticks::build(
        ticks::TickKind::Count,
        ticks::TickUnit {
            name: "",
            size: 1.0,
            prefix: "",
        },
        scale,
        span,
        max_ticks,
        AxisRange::OPEN,
    )
}

/// Lays out an axis for `metric`: round ticks in one unit chosen for the whole axis
/// (`0, 200, 400 GiB` or `0, 4, 8 TiB`; `1, 2, 4, 8` vCPU on log; `$0.01, $0.02, $0.05`),
/// at most `max_ticks` of them, the domain widened to the outer ticks, or held to `range`.
/// Values the scale does not accept (0 on log) and values outside `range` are ignored.
pub fn metric_layout(
    metric: Metric,
    scale: Scale,
    values: impl Iterator<Item = f64>,
    max_ticks: usize,
    range: AxisRange,
) -> AxisLayout {
    let range = range.usable(scale);
    let (lo, hi) = data_span(scale, values.filter(|v| range.contains(*v)));
    let unit_lo = range.min.unwrap_or(lo);
    let unit_hi = range.max.unwrap_or(hi);
    let unit = metric.tick_unit(scale, unit_lo, unit_hi);
    ticks::build(metric.tick_kind(), unit, scale, (lo, hi), max_ticks, range)
}

/// The lowest and highest value `scale` accepts; `(1, 2)` when there is none, so the frame
/// stays drawable.
fn data_span(scale: Scale, values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| scale.accepts(*v)) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        (1.0, 2.0)
    } else {
        (lo, hi)
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

    fn labels(metric: Metric, scale: Scale, values: &[f64], max: usize) -> Vec<String> {
        metric_layout(metric, scale, values.iter().copied(), max, AxisRange::OPEN).labels
    }

    #[test]
    fn linear_memory_ticks_are_round_and_in_one_unit() {
        let axis = metric_layout(
            Metric::Memory,
            Scale::Linear,
            [0.5, 768.0].into_iter(),
            6,
            AxisRange::OPEN,
        );
        assert_eq!(axis.labels, ["0", "200", "400", "600", "800"]);
        assert_eq!(axis.unit, "GiB");
        assert_eq!(
            (axis.start, axis.end),
            (0.0, 800.0),
            "widened to the outer ticks"
        );
        let huge = metric_layout(
            Metric::Memory,
            Scale::Linear,
            [0.5, 32768.0].into_iter(),
            10,
            AxisRange::OPEN,
        );
        assert_eq!(huge.unit, "TiB");
        assert_eq!(
            huge.labels,
            ["0", "4", "8", "12", "16", "20", "24", "28", "32"]
        );
        assert_eq!(Metric::Memory.title_in(huge.unit), "Memory (TiB)");
    }

    #[test]
    fn vcpu_steps_double_and_prices_keep_cents() {
        assert_eq!(
            labels(Metric::Vcpu, Scale::Linear, &[1.0, 448.0], 10),
            ["0", "64", "128", "192", "256", "320", "384", "448"]
        );
        assert_eq!(
            labels(Metric::Vcpu, Scale::Log, &[1.0, 448.0], 12),
            ["1", "2", "4", "8", "16", "32", "64", "128", "256", "512"]
        );
        let hourly = Metric::Price(PriceMetric::Hourly);
        assert_eq!(
            labels(hourly, Scale::Linear, &[0.0035, 0.42], 6),
            ["$0.00", "$0.10", "$0.20", "$0.30", "$0.40", "$0.50"]
        );
        assert_eq!(
            labels(hourly, Scale::Log, &[0.0035, 98.3], 8),
            ["$0.001", "$0.01", "$0.10", "$1", "$10", "$100"]
        );
    }

    #[test]
    fn log_memory_uses_powers_of_two_in_gib() {
        let axis = metric_layout(
            Metric::Memory,
            Scale::Log,
            [0.5, 24576.0, 32768.0].into_iter(),
            10,
            AxisRange::OPEN,
        );
        assert!(axis.ticks.iter().all(|t| t.fract() == 0.0));
        assert!(axis.ticks.len() <= 10 && axis.ticks.len() >= 4);
        assert_eq!(axis.unit, "GiB");
        assert_eq!(axis.labels.last().map(String::as_str), Some("32,768"));
        assert_eq!(axis.labels.first().map(String::as_str), Some("0.5"));
        assert_eq!(
            (axis.start, axis.end),
            (-1.0, 15.0),
            "no wider than the outer ticks"
        );
    }

    #[test]
    fn a_range_is_honoured_on_either_scale() {
        let range = AxisRange {
            min: Some(16.0),
            max: Some(1000.0),
        };
        let axis = metric_layout(
            Metric::Memory,
            Scale::Linear,
            [0.5, 64.0, 24576.0].into_iter(),
            6,
            range,
        );
        assert_eq!((axis.start, axis.end), (16.0, 1000.0));
        assert_eq!(axis.labels, ["200", "400", "600", "800", "1,000"]);
        let log = metric_layout(
            Metric::Memory,
            Scale::Log,
            [0.5, 24576.0].into_iter(),
            10,
            range,
        );
        assert_eq!((log.start, log.end), (4.0, 1000f64.log2()));
        assert_eq!(log.labels.first().map(String::as_str), Some("16"));
        // A log axis has no room for 0; crossed ends are dropped.
        let odd = AxisRange {
            min: Some(0.0),
            max: Some(8.0),
        };
        assert_eq!(
            odd.usable(Scale::Log),
            AxisRange {
                min: None,
                max: Some(8.0)
            }
        );
        let crossed = AxisRange {
            min: Some(9.0),
            max: Some(8.0),
        };
        assert_eq!(crossed.usable(Scale::Linear), AxisRange::OPEN);
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
        assert!(linear.ticks.len() <= 8);
    }

    #[test]
    fn short_log_axes_and_empty_data_still_get_round_ticks() {
        assert_eq!(
            labels(Metric::Clock, Scale::Log, &[2.3, 4.5], 6),
            ["2.0", "2.5", "3.0", "3.5", "4.0", "4.5"]
        );
        let axis = metric_layout(
            Metric::Memory,
            Scale::Log,
            std::iter::empty(),
            8,
            AxisRange::OPEN,
        );
        assert!(axis.end > axis.start);
        assert_eq!(ticks::group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(ticks::group_thousands("800"), "800");
    }
}
