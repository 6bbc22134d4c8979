//! Choosing an axis's ticks: round numbers in one unit per axis, on linear and log scales,
//! with the domain widened to the outermost ticks (or held to a range a person typed).

use super::{AxisLayout, AxisRange, Metric, Scale};

/// How an axis picks its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TickKind {
    /// Counts that come in powers of two (vCPU, GPUs): steps 1, 2, 4, 8 ... on linear
    /// axes, powers of two on log axes.
    Doubling,
    /// Binary sizes (memory): steps 1, 2, 2.5, 4, 5 x 10^k or powers of two on linear
    /// axes, powers of two on log axes.
    Binary,
    /// Decimal quantities (clock, network, storage, prices): steps 1, 2, 2.5, 5 x 10^k,
    /// and 1, 2, 5 per decade on log axes.
    Decimal,
    /// Whole counts written plainly (bar lengths): steps 1, 2, 5 x 10^k, at least 1.
    Count,
}

/// The unit an axis writes all its ticks in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TickUnit {
    /// The unit's name for the axis title (`GiB`, `TiB`), empty for plain numbers.
    pub name: &'static str,
    /// How many of the metric's base units one of this unit is (1024 GiB per TiB).
    pub size: f64,
    /// Written before each number (`$`).
    pub prefix: &'static str,
}

impl TickUnit {
    const fn plain(name: &'static str) -> TickUnit {
        TickUnit {
            name,
            size: 1.0,
            prefix: "",
        }
    }
}

impl Metric {
    /// How this metric's axis picks its steps.
    pub(crate) fn tick_kind(self) -> TickKind {
        match self {
            Metric::Vcpu | Metric::Gpus => TickKind::Doubling,
            Metric::Memory => TickKind::Binary,
            _ => TickKind::Decimal,
        }
    }

    /// The one unit for an axis over `lo..=hi` (in the metric's base unit): TiB once the
    /// linear axis passes 2 TiB (the log axis only when it starts at 1 TiB), MiB below
    /// 1 GiB; TB and GB likewise for local storage.
    pub(crate) fn tick_unit(self, scale: Scale, lo: f64, hi: f64) -> TickUnit {
        let large = |big: f64| match scale {
            Scale::Linear => hi > 2.0 * big,
            Scale::Log => lo >= big,
        };
        match self {
            Metric::Memory if hi <= 1.0 => TickUnit {
                name: "MiB",
                size: 1.0 / 1024.0,
                prefix: "",
            },
            Metric::Memory if large(1024.0) => TickUnit {
                name: "TiB",
                size: 1024.0,
                prefix: "",
            },
            Metric::Memory => TickUnit::plain("GiB"),
            Metric::Storage if large(1000.0) => TickUnit {
                name: "TB",
                size: 1000.0,
                prefix: "",
            },
            Metric::Storage => TickUnit::plain("GB"),
            Metric::Clock => TickUnit::plain("GHz"),
            Metric::Network => TickUnit::plain("Gbps"),
            Metric::Price(_) => TickUnit {
                name: "",
                size: 1.0,
                prefix: "$",
            },
            Metric::Vcpu | Metric::Gpus => TickUnit::plain(""),
        }
    }
}

/// Lays out an axis of `kind` in `unit` for data between `lo` and `hi` (base units, both
/// accepted by `scale`, `lo <= hi`), with at most `max_ticks` ticks (at least 2).
pub(crate) fn build(
    kind: TickKind,
    unit: TickUnit,
    scale: Scale,
    (lo, hi): (f64, f64),
    max_ticks: usize,
    range: AxisRange,
) -> AxisLayout {
    let max_ticks = max_ticks.max(2);
    let (lo_u, hi_u) = (lo / unit.size, hi / unit.size);
    let (min_u, max_u) = (
        range.min.map(|m| m / unit.size),
        range.max.map(|m| m / unit.size),
    );
    let (values, decimals) = match scale {
        Scale::Linear => linear_ticks(kind, unit, (lo_u, hi_u), (min_u, max_u), max_ticks),
        Scale::Log => log_ticks(kind, (lo_u, hi_u), (min_u, max_u), max_ticks),
    };
    // Domain: the typed range where there is one, else the outer ticks.
    let first = values.first().copied().unwrap_or(lo_u);
    let last = values.last().copied().unwrap_or(hi_u);
    let start_u = min_u.unwrap_or(first.min(lo_u));
    let end_u = max_u.unwrap_or(last.max(hi_u));
    let coord = |u: f64| scale.to_coord(u * unit.size);
    let labels = values
        .iter()
        .map(|v| write_tick(*v, decimals.unwrap_or_else(|| needed_decimals(*v)), unit))
        .collect();
    AxisLayout {
        start: coord(start_u),
        end: coord(end_u),
        ticks: values.iter().map(|v| coord(*v)).collect(),
        labels,
        unit: unit.name,
    }
}

/// Linear ticks in unit space and the decimals every label gets.
fn linear_ticks(
    kind: TickKind,
    unit: TickUnit,
    (lo, hi): (f64, f64),
    (min, max): (Option<f64>, Option<f64>),
    max_ticks: usize,
) -> (Vec<f64>, Option<usize>) {
    let start = min.unwrap_or(lo.min(0.0));
    let mut end = max.unwrap_or(hi);
    if end <= start {
        end = start + if kind == TickKind::Decimal { 1.0 } else { 2.0 };
    }
    let raw = (end - start) / (max_ticks - 1) as f64;
    let mut ticks = Vec::new();
    let mut step = raw;
    for candidate in steps(kind, raw) {
        step = candidate;
        // Widened outward to a tick unless the person fixed that end.
        let first = match min {
            Some(m) => (m / step - 1e-9).ceil() * step,
            None => (start / step + 1e-9).floor() * step,
        };
        let last = match max {
            Some(m) => (m / step + 1e-9).floor() * step,
            None => (end / step - 1e-9).ceil() * step,
        };
        let Some(count) = tick_count(first, last, step) else {
            continue;
        };
        if count <= max_ticks || (candidate > raw * 100.0 && count <= MAX_TICKS) {
            ticks = (0..count)
                .map(|i| clean(first + i as f64 * step, step))
                .collect();
            break;
        }
    }
    let mut decimals = needed_decimals(step);
    if unit.prefix == "$" && step < 1.0 {
        decimals = decimals.max(2);
    }
    (ticks, Some(decimals))
}

/// Candidate linear steps of `kind`, smallest first, from the largest below `raw` up.
fn steps(kind: TickKind, raw: f64) -> impl Iterator<Item = f64> {
    let raw = raw.max(1e-12);
    let decade = 10f64.powf(raw.log10().floor() - 1.0);
    let mantissas: &[f64] = match kind {
        TickKind::Count => &[1.0, 2.0, 5.0],
        _ => &[1.0, 2.0, 2.5, 5.0],
    };
    let decimal = (0..4).flat_map(move |k| {
        let scale = decade * 10f64.powi(k);
        mantissas.iter().map(move |m| m * scale)
    });
    let power = 2f64.powf(raw.log2().floor() - 1.0);
    let doubling = (0..6).map(move |k| power * 2f64.powi(k));
    let mut all: Vec<f64> = match kind {
        TickKind::Doubling => doubling.collect(),
        TickKind::Binary => decimal.chain(doubling).collect(),
        TickKind::Decimal | TickKind::Count => decimal.collect(),
    };
    let whole = matches!(kind, TickKind::Doubling | TickKind::Count);
    all.retain(|s| *s >= raw * (1.0 - 1e-9) && (!whole || (*s >= 1.0 && s.fract() == 0.0)));
    crate::order::sort_floats(&mut all);
    all.dedup();
    all.into_iter()
}

/// Log ticks in unit space; `None` decimals: each label takes what it needs.
fn log_ticks(
    kind: TickKind,
    (lo, hi): (f64, f64),
    (min, max): (Option<f64>, Option<f64>),
    max_ticks: usize,
) -> (Vec<f64>, Option<usize>) {
    let low = min.unwrap_or(lo);
    let high = max.unwrap_or(hi).max(low);
    let fits = |ticks: &Vec<f64>| ticks.len() <= max_ticks;
    if matches!(kind, TickKind::Doubling | TickKind::Binary) {
        let (e_lo, e_hi) = (low.log2(), high.log2());
        for stride in 1..=16 {
            // Of the tick grids with this stride, the one that widens the domain least.
            let best = (0..stride)
                .map(|offset| doubling_ticks(stride, offset, (e_lo, e_hi), (min, max)))
                .min_by(|a, b| span_of(a).total_cmp(&span_of(b)));
            if let Some(ticks) = best.filter(|t| fits(t) || stride == 16) {
                return (ticks, None);
            }
        }
    }
    // Decimal: 1-2-5 per decade, then every decade, every second decade ...
    let sets: [(&[f64], i32); 5] = [
        (&[1.0, 2.0, 5.0], 1),
        (&[1.0, 3.0], 1),
        (&[1.0], 1),
        (&[1.0], 2),
        (&[1.0], 3),
    ];
    for (index, (mantissas, stride)) in sets.into_iter().enumerate() {
        let ticks = decade_ticks(mantissas, stride, low, high, min.is_some(), max.is_some());
        if index == 0 && ticks.len() < 3 {
            // Less than a decade: linear round steps, placed on the log axis.
            return linear_on_log(low, high, (min, max), max_ticks);
        }
        if fits(&ticks) || index == sets.len() - 1 {
            return (ticks, None);
        }
    }
    (Vec::new(), None)
}

/// Powers of two `2^e` with `e = offset + stride x k`, from the last at or below `e_lo` to
/// the first at or above `e_hi` (or inside where that end is fixed).
fn doubling_ticks(
    stride: i32,
    offset: i32,
    (e_lo, e_hi): (f64, f64),
    (min, max): (Option<f64>, Option<f64>),
) -> Vec<f64> {
    let (s, o) = (f64::from(stride), f64::from(offset));
    let first = if min.is_some() {
        ((e_lo - o) / s - 1e-9).ceil()
    } else {
        ((e_lo - o) / s + 1e-9).floor()
    } * s
        + o;
    let last = if max.is_some() {
        ((e_hi - o) / s + 1e-9).floor()
    } else {
        ((e_hi - o) / s - 1e-9).ceil()
    } * s
        + o;
    (0..MAX_TICKS as i32)
        .map(|i| first + f64::from(i) * s)
        .take_while(|e| *e <= last + 1e-9)
        .map(f64::exp2)
        .collect()
}

/// How many doublings a run of ticks spans.
fn span_of(ticks: &[f64]) -> f64 {
    match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) => (b / a).log2(),
        _ => f64::INFINITY,
    }
}

/// Ticks `m x 10^k` (k a multiple of `stride`) from the last at or below `low` to the first
/// at or above `high` (or inside them where the end is `fixed`).
fn decade_ticks(
    mantissas: &[f64],
    stride: i32,
    low: f64,
    high: f64,
    fixed_low: bool,
    fixed_high: bool,
) -> Vec<f64> {
    let from = (low.log10().floor() as i32 - 1).div_euclid(stride) * stride;
    let to = high.log10().ceil() as i32 + stride;
    let candidates: Vec<f64> = (from..=to)
        .step_by(stride as usize)
        .flat_map(|k| {
            mantissas
                .iter()
                .map(move |m| clean_decimal(m * 10f64.powi(k)))
        })
        .collect();
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs());
    let first = if fixed_low {
        candidates.iter().position(|c| *c >= low || near(*c, low))
    } else {
        candidates.iter().rposition(|c| *c <= low || near(*c, low))
    };
    let last = if fixed_high {
        candidates
            .iter()
            .rposition(|c| *c <= high || near(*c, high))
    } else {
        candidates.iter().position(|c| *c >= high || near(*c, high))
    };
    match (first, last) {
        (Some(f), Some(l)) if f <= l => candidates[f..=l].to_vec(),
        _ => Vec::new(),
    }
}

/// Round linear steps between `low` and `high` for a log axis shorter than a decade.
fn linear_on_log(
    low: f64,
    high: f64,
    (min, max): (Option<f64>, Option<f64>),
    max_ticks: usize,
) -> (Vec<f64>, Option<usize>) {
    let span = (high - low).max(high * 0.1);
    let raw = span / (max_ticks - 1) as f64;
    for step in steps(TickKind::Decimal, raw) {
        let first = if min.is_some() {
            (low / step - 1e-9).ceil()
        } else {
            (low / step + 1e-9).floor()
        } * step;
        let first = if first <= 0.0 { step } else { first };
        let last = if max.is_some() {
            (high / step + 1e-9).floor()
        } else {
            (high / step - 1e-9).ceil()
        } * step;
        let Some(count) = tick_count(first, last, step) else {
            continue;
        };
        if count <= max_ticks {
            let ticks = (0..count)
                .map(|i| clean(first + i as f64 * step, step))
                .collect();
            return (ticks, Some(needed_decimals(step)));
        }
    }
    (vec![low, high], None)
}

/// The most ticks any axis gets, whatever its values (a guard for extreme ranges).
const MAX_TICKS: usize = 64;

/// How many ticks `step` apart run from `first` to `last`; `None` when that is not a
/// finite count (an extreme range, a step lost to rounding).
fn tick_count(first: f64, last: f64, step: f64) -> Option<usize> {
    let steps = ((last - first) / step).round();
    (steps.is_finite() && steps >= 0.0 && steps < MAX_TICKS as f64 * 1e6)
        .then(|| steps as usize + 1)
}

/// `value` rounded to the precision of `step`, so 0.1 + 0.2 lands on 0.3.
fn clean(value: f64, step: f64) -> f64 {
    let digits = needed_decimals(step) as i32 + 2;
    let factor = 10f64.powi(digits);
    (value * factor).round() / factor
}

/// A decimal tick without float noise (`5 x 10^-2` is 0.05, not 0.05000000000000001).
fn clean_decimal(value: f64) -> f64 {
    crate::decimal::round_significant(value, 13)
}

/// How many decimals `value` needs (at most 6): 0 for 200, 1 for 2.5, 3 for 0.125.
pub(crate) fn needed_decimals(value: f64) -> usize {
    (0..6)
        .find(|d| {
            let scaled = value.abs() * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() <= 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6)
}

/// A tick in `unit` with `decimals` decimals and thousands grouped: `0.5`, `1,024`, `$0.10`.
fn write_tick(value: f64, decimals: usize, unit: TickUnit) -> String {
    // Money under a dollar keeps its cents: `$0.10`, not `$0.1`.
    let decimals = if unit.prefix == "$" && value > 0.0 && value < 1.0 {
        decimals.max(2)
    } else {
        decimals
    };
    format!(
        "{}{}",
        unit.prefix,
        group_thousands(&crate::decimal::fixed(value, decimals))
    )
}

/// Inserts `,` between groups of three digits before the decimal point: `32,768`.
pub(crate) fn group_thousands(number: &str) -> String {
    let (whole, fraction) = number.split_at(number.find('.').unwrap_or(number.len()));
    let (sign, digits) = whole.split_at(usize::from(whole.starts_with('-')));
    if digits.len() <= 3 {
        return number.to_owned();
    }
    let mut out = String::with_capacity(number.len() + digits.len() / 3);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(fraction);
    out
}
