//! Chart axes: which metric an axis shows, linear or log, its domain and its ticks.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};

use crate::settings::{AxisRange, Metric, Scale};

mod ticks;

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
    type FormatOption = NoDefaultFormatting;
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

/// A tick's own label, where a chart gives its mesh no formatter (plotters' default writes
/// the float with `{:?}`, which would link the standard library's float formatting).
impl ValueFormatter<f64> for AxisLayout {
    fn format_ext(&self, value: &f64) -> String {
        self.label(*value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prices::PriceMetric;

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
