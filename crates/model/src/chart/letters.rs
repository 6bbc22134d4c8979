//! The Letter prices chart and table: for one capability letter, a row per family pair
//! (`m5 → m5a`) with a dot per shared size at its price ratio (variant / base) and a bar at
//! the pair's median, on a log2 ratio axis centred on 1× ("cheaper" left, "dearer" right).
//!
//! A [`LettersPlot`] is built from the pairs and their [`PairCost`]s; drawing lays it out by
//! hand (label column, ratio band, median column) and returns a hit map whose
//! [`HitPoint::instance`](super::hitmap::HitPoint::instance) is the dot's index in
//! [`LettersPlot::dots`] and [`HitPoint::line`](super::hitmap::HitPoint::line) its row.
//! [`table_rows`] gives the table beside the chart, pairs without prices included.

mod draw;
mod table;

pub use table::{table_rows, PairLine};

use std::cmp::Ordering;

use plotters::prelude::RGBColor;

use super::theme::Theme;
use crate::decimal::Shortest;
use crate::letter_cost::{FamilyPair, LetterCost, PairCost};
use crate::settings::{AxisRange, Scale};
use crate::text::format_usd;

/// The colours of a ratio below 1× (cheaper: blue) and above it (dearer: orange) on a light
/// page, a pair that stays apart for the common colour-vision deficiencies.
pub const LIGHT_SIDES: [RGBColor; 2] = [RGBColor(37, 99, 200), RGBColor(200, 100, 0)];

/// The same on a dark page: lighter hues.
pub const DARK_SIDES: [RGBColor; 2] = [RGBColor(110, 165, 255), RGBColor(255, 165, 70)];

/// Below this CSS width the chart uses its compact layout (shorter words, fewer tick labels).
pub const NARROW_PX: f64 = 520.0;

/// One pair drawn: a row of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioRow {
    /// The family without the letter, such as `m5`.
    pub base: String,
    /// The family with the letter, such as `m5a`.
    pub variant: String,
    /// The median of the row's ratios.
    pub median: f64,
}

impl RatioRow {
    /// The row's label, `"m5 → m5a"`.
    pub fn label(&self) -> String {
        format!("{} → {}", self.base, self.variant)
    }
}

/// One size of a pair: a dot.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioDot {
    /// The row it belongs to, an index into [`LettersPlot::rows`].
    pub row: usize,
    /// The size both families share, such as `2xlarge`.
    pub size: String,
    /// The base type's hourly price in USD.
    pub base_usd: f64,
    /// The variant type's hourly price in USD.
    pub variant_usd: f64,
    /// `variant_usd / base_usd`.
    pub ratio: f64,
}

/// Everything the chart draws for one letter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LettersPlot {
    /// The capability letter(s), such as `a` or `flex`.
    pub letter: String,
    /// The pairs with at least one priced size, cheapest median first.
    pub rows: Vec<RatioRow>,
    /// The sizes, row by row, in ladder order within a row.
    pub dots: Vec<RatioDot>,
    /// The ratio range the axis is held to (a typed or dragged zoom): dots outside it are
    /// left out of the drawing. Open by default.
    pub range: AxisRange,
}

/// A hovered dot in words, for a tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct DotDescription {
    /// Such as `"m5 → m5a · 2xlarge"`.
    pub title: String,
    /// Term and value: each type's price, then the ratio.
    pub rows: Vec<(String, String)>,
}

impl LettersPlot {
    /// The plot for `letter` from every pair and its cost: pairs of other letters and pairs
    /// without a priced size are left out; rows run from the cheapest median to the dearest
    /// (ties by base, then variant).
    pub fn new(letter: &str, costs: &[(FamilyPair, PairCost)]) -> Self {
        let mut chosen: Vec<(&FamilyPair, &PairCost, f64)> = costs
            .iter()
            .filter(|(pair, _)| pair.letter == letter)
            .filter_map(|(pair, cost)| Some((pair, cost, cost.median?)))
            .collect();
        crate::order::sort_by(&mut chosen, |a, b| {
            a.2.total_cmp(&b.2)
                .then_with(|| (&a.0.base, &a.0.variant).cmp(&(&b.0.base, &b.0.variant)))
        });
        let mut plot = LettersPlot {
            letter: letter.to_owned(),
            ..LettersPlot::default()
        };
        for (row, (pair, cost, median)) in chosen.into_iter().enumerate() {
            plot.rows.push(RatioRow {
                base: pair.base.clone(),
                variant: pair.variant.clone(),
                median,
            });
            let sizes = cost.sizes.iter().zip(&cost.hourly);
            plot.dots.extend(
                sizes.map(|((size, ratio), &(base_usd, variant_usd))| RatioDot {
                    row,
                    size: size.clone(),
                    base_usd,
                    variant_usd,
                    ratio: *ratio,
                }),
            );
        }
        plot
    }

    /// The same plot held to a ratio range.
    pub fn zoomed(self, range: AxisRange) -> Self {
        LettersPlot { range, ..self }
    }

    /// Number of pairs drawn.
    pub fn series_count(&self) -> usize {
        self.rows.len()
    }

    /// Number of dots drawn.
    pub fn point_count(&self) -> usize {
        self.dots.len()
    }

    /// A dot in words: `m5 → m5a · 2xlarge`, both prices per hour and the ratio.
    pub fn describe(&self, dot: usize) -> Option<DotDescription> {
        let d = self.dots.get(dot)?;
        let row = self.rows.get(d.row)?;
        let per_hour = |usd: f64| format!("{} per hour", format_usd(usd));
        Some(DotDescription {
            title: format!("{} · {}", row.label(), d.size),
            rows: vec![
                (format!("{}.{}", row.base, d.size), per_hour(d.base_usd)),
                (
                    format!("{}.{}", row.variant, d.size),
                    per_hour(d.variant_usd),
                ),
                (
                    "Ratio".to_owned(),
                    format!("{} ({})", format_ratio(d.ratio), change_phrase(d.ratio)),
                ),
            ],
        })
    }

    /// The ratio axis these dots need, held to [`LettersPlot::range`].
    pub fn axis(&self) -> RatioAxis {
        RatioAxis::for_ratios(self.dots.iter().map(|d| d.ratio)).held_to(self.range)
    }
}

/// A log2 ratio axis: symmetric around 1× (log2 = 0), or held to a range.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioAxis {
    /// The left end in log2 units.
    pub low: f64,
    /// The right end in log2 units.
    pub high: f64,
    /// Tick positions in log2 units, from left to right; 0 (1×) is one unless held to a
    /// range without it.
    pub ticks: Vec<f64>,
    /// Held to a range: ticks at round ratios (0.9×, 0.95×, 1×), not powers of two.
    pub zoomed: bool,
}

impl RatioAxis {
    /// The smallest axis that reaches at least 0.5× to 2× and holds every finite positive
    /// ratio, out to a whole power of two either side, with round ticks: every power of two
    /// (0.5×, 1×, 2×), and 0.75×, 1.5× and 3× while it spans at most 0.25× to 4×; a little
    /// room outside the outermost tick.
    pub fn for_ratios(ratios: impl Iterator<Item = f64>) -> Self {
        let widest = ratios
            .filter(|r| r.is_finite() && *r > 0.0)
            .map(|r| r.log2().abs())
            .fold(0.0, f64::max);
        let reach = (widest - 1e-9).ceil().clamp(1.0, 64.0);
        let whole = reach as i32;
        let mut ticks: Vec<f64> = (-whole..=whole).map(f64::from).collect();
        if reach <= 2.0 {
            let between = [0.75_f64, 1.5, 3.0].map(f64::log2);
            ticks.extend(between.into_iter().filter(|t| t.abs() <= reach));
            crate::order::sort_floats(&mut ticks);
        }
        RatioAxis {
            low: -(reach + 0.15),
            high: reach + 0.15,
            ticks,
            zoomed: false,
        }
    }

    /// The axis held to `range` (ratios; an open end keeps this axis's end): it runs exactly
    /// to the ends, with round ticks between them. Unchanged when the range is open or its
    /// ends cross.
    pub fn held_to(self, range: AxisRange) -> Self {
        let range = range.usable(Scale::Log);
        if !range.is_set() {
            return self;
        }
        let low = range.min.map_or(self.low, f64::log2);
        let high = range.max.map_or(self.high, f64::log2);
        if low >= high {
            return self;
        }
        RatioAxis {
            low,
            high,
            ticks: round_ratio_ticks(low.exp2(), high.exp2()),
            zoomed: true,
        }
    }

    /// Whether a ratio (in log2 units) lies on the axis.
    pub fn shows(&self, log2: f64) -> bool {
        (self.low - 1e-9..=self.high + 1e-9).contains(&log2)
    }
}

/// Ticks (in log2 units) at round ratios from `low` to `high`: each power of two when the
/// span is at least fourfold, otherwise multiples of 1, 2, 2.5 or 5 × 10^k, about five.
fn round_ratio_ticks(low: f64, high: f64) -> Vec<f64> {
    if high / low >= 4.0 {
        let (first, last) = (low.log2().ceil() as i32, high.log2().floor() as i32);
        return (first..=last).map(f64::from).collect();
    }
    let raw = (high - low) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * magnitude);
    let (first, last) = (
        (low / step - 1e-9).ceil() as i64,
        (high / step + 1e-9).floor() as i64,
    );
    (first..=last)
        .map(|k| {
            let ratio = crate::decimal::round_significant(k as f64 * step, 7);
            ratio.log2()
        })
        .collect()
}

/// A ratio as people read it: `0.90×`.
pub fn format_ratio(ratio: f64) -> String {
    format!("{}×", crate::decimal::fixed(ratio, 2))
}

/// A tick at `log2` as a ratio: `0.5×`, `0.75×`, `1×`, `1.5×`, `2×`; three decimals where
/// two would round it (`0.925×`).
pub fn format_tick(log2: f64) -> String {
    let ratio = log2.exp2();
    let two = ((ratio * 100.0).round() - ratio * 100.0).abs() < 1e-6;
    let text = if two {
        crate::decimal::fixed(ratio, 2)
    } else {
        crate::decimal::fixed(ratio, 3)
    };
    format!("{}×", text.trim_end_matches('0').trim_end_matches('.'))
}

/// How a ratio differs from 1 in words: `"10% less"`, `"27% more"`, `"the same"`.
pub fn change_phrase(ratio: f64) -> String {
    let percent = ((ratio - 1.0) * 100.0).round();
    match percent.partial_cmp(&0.0) {
        Some(Ordering::Less) => format!("{}% less", Shortest(-percent)),
        Some(Ordering::Greater) => format!("{}% more", Shortest(percent)),
        _ => "the same".to_owned(),
    }
}

/// The colour of a ratio on a page painted with `theme`: cheaper or dearer (1× counts as
/// cheaper: it is not dearer).
pub fn side_colour(ratio: f64, theme: &Theme) -> RGBColor {
    let RGBColor(r, g, b) = theme.background;
    let dark = u32::from(r) + u32::from(g) + u32::from(b) < 384;
    let sides = if dark { DARK_SIDES } else { LIGHT_SIDES };
    sides[usize::from(ratio > 1.0)]
}

pub use crate::letters::short_label as letter_name;

/// What a letter's pairs measure against: the Intel family for a processor vendor's letter,
/// the family without the letter otherwise.
pub fn baseline(letter: &str) -> &'static str {
    match letter {
        "a" | "g" => "the Intel family",
        _ => "the family without it",
    }
}

/// One letter's cost in a sentence: `a (AMD): 0.90× — 10% less than the Intel family, over
/// 13 pairs in US East (N. Virginia)`.
pub fn summary_sentence(cost: &LetterCost, region: &str) -> String {
    let change = match change_phrase(cost.median).as_str() {
        "the same" => format!("the same as {}", baseline(&cost.letter)),
        phrase => format!("{phrase} than {}", baseline(&cost.letter)),
    };
    let plural = if cost.pairs == 1 { "" } else { "s" };
    format!(
        "{} ({}): {} — {change}, over {} pair{plural} in {region}",
        cost.letter,
        letter_name(&cost.letter),
        format_ratio(cost.median),
        cost.pairs,
    )
}
