//! The ladder chart of the Sizes view: vCPU and memory of a few families against the size
//! step (log2 of the xlarge multiple), so the doubling along the ladder, and the sizes that
//! break it, are visible. Two panels, vCPU and memory, side by side or stacked.

mod draw;

use plotters::prelude::RGBColor;

use super::theme::Theme;
use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::Category;
use crate::settings::{AxisRange, LadderRanges, Metric};
use crate::sizes::{breaks_doubling, doubling, LadderPoint};

/// Families drawn when none are chosen, if the data has them: three that double all the
/// way up (general purpose, Graviton compute, Intel memory) and one that breaks it (`t3`).
pub const DEFAULT_FAMILIES: [&str; 4] = ["m5", "c7g", "r6i", "t3"];

/// One colour per family on a light page, in drawing order (they repeat after ten).
/// `assets/style.css` (`--ladder-0` ...) must match.
#[rustfmt::skip]
pub const LIGHT_FAMILY_COLOURS: [RGBColor; 10] = [
    RGBColor(31, 119, 180), RGBColor(230, 110, 10), RGBColor(44, 150, 44), RGBColor(214, 39, 40),
    RGBColor(148, 103, 189), RGBColor(140, 86, 75), RGBColor(210, 90, 170), RGBColor(20, 160, 175),
    RGBColor(110, 110, 110), RGBColor(160, 160, 20),
];

/// The same family colours, lighter, for a dark page.
#[rustfmt::skip]
pub const DARK_FAMILY_COLOURS: [RGBColor; 10] = [
    RGBColor(110, 170, 230), RGBColor(255, 170, 80), RGBColor(110, 210, 110), RGBColor(255, 125, 125),
    RGBColor(190, 160, 245), RGBColor(200, 155, 135), RGBColor(245, 155, 215), RGBColor(95, 215, 230),
    RGBColor(180, 180, 180), RGBColor(220, 220, 90),
];

/// The colour of the `slot`-th family on a page painted with `theme`.
pub fn family_colour(theme: &Theme, slot: usize) -> RGBColor {
    let palette = if theme == &Theme::DARK {
        &DARK_FAMILY_COLOURS
    } else {
        &LIGHT_FAMILY_COLOURS
    };
    palette[slot % palette.len()]
}

/// The name of the size `step` doublings from xlarge: -5 nano, -1 large, 0 xlarge,
/// 1 2xlarge, 5 32xlarge.
pub fn size_name(step: i32) -> String {
    match step {
        i32::MIN..=-6 => format!("1/{}xlarge", 1u64 << (-step).min(62)),
        -5 => "nano".into(),
        -4 => "micro".into(),
        -3 => "small".into(),
        -2 => "medium".into(),
        -1 => "large".into(),
        0 => "xlarge".into(),
        _ => format!("{}xlarge", 1u64 << step.min(62)),
    }
}

/// The step of a size name, the inverse of [`size_name`]: `large` -1, `xlarge` 0,
/// `8xlarge` 3, `1/64xlarge` -6; `None` for a name that is not a whole doubling of xlarge.
pub fn size_step(name: &str) -> Option<i32> {
    let named = ["nano", "micro", "small", "medium", "large", "xlarge"];
    if let Some(index) = named.iter().position(|n| *n == name) {
        return Some(index as i32 - 5);
    }
    let power = |count: &str| {
        let count: u64 = count.parse().ok()?;
        count
            .is_power_of_two()
            .then(|| count.trailing_zeros() as i32)
    };
    match name.strip_suffix("xlarge")?.strip_prefix("1/") {
        Some(count) => power(count).filter(|p| *p >= 6).map(|p| -p),
        None => power(name.strip_suffix("xlarge")?).filter(|p| *p >= 1),
    }
}

/// The families [`LadderPlot::build`] draws when none are chosen: those of
/// [`DEFAULT_FAMILIES`] the data has, topped up with the families of most sizes so that at
/// least two lines show.
pub fn default_families(families: &[Family]) -> Vec<String> {
    let mut chosen: Vec<String> = DEFAULT_FAMILIES
        .iter()
        .filter(|name| families.iter().any(|f| f.name == **name))
        .map(|name| (*name).to_owned())
        .collect();
    let mut largest: Vec<&Family> = families.iter().collect();
    crate::order::sort_by_key(&mut largest, |f| std::cmp::Reverse(f.members.len()));
    for family in largest {
        if chosen.len() >= 2 {
            break;
        }
        if !chosen.contains(&family.name) {
            chosen.push(family.name.clone());
        }
    }
    chosen
}

/// One family's sizes on the ladder chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderLine {
    /// The family name.
    pub family: String,
    /// Its category.
    pub category: Category,
    /// Its sizes on the ladder, smallest first (plain `metal` has no step and is left out).
    pub points: Vec<LadderPoint>,
    /// Catalog indices of the points whose vCPU count breaks the doubling.
    pub vcpu_breakers: Vec<usize>,
    /// Catalog indices of the points whose memory breaks the doubling.
    pub memory_breakers: Vec<usize>,
}

impl LadderLine {
    /// Whether the point of catalog index `instance` breaks the family's doubling in vCPU
    /// or memory (the two lists together are [`breaks_doubling`]).
    pub fn breaks(&self, instance: usize) -> bool {
        self.vcpu_breakers.contains(&instance) || self.memory_breakers.contains(&instance)
    }

    /// Whether the point breaks the doubling in the metric of one panel.
    pub fn breaks_in(&self, metric: Metric, instance: usize) -> bool {
        match metric {
            Metric::Memory => self.memory_breakers.contains(&instance),
            _ => self.vcpu_breakers.contains(&instance),
        }
    }
}

/// The points of `points` that break the doubling in one metric: [`breaks_doubling`] with
/// the other metric replaced by a perfect doubling, so that only `metric` can break it.
fn breakers_in(points: &[LadderPoint], metric: Metric) -> Vec<usize> {
    // 2^20 per xlarge keeps every ladder multiple (1/32 .. 224) a whole vCPU count.
    let perfect_vcpu = |p: &LadderPoint| (p.multiple() * f64::from(1u32 << 20)).round() as u32;
    let one_metric: Vec<LadderPoint> = points
        .iter()
        .map(|p| match metric {
            Metric::Memory => LadderPoint {
                vcpu: perfect_vcpu(p),
                ..*p
            },
            _ => LadderPoint {
                memory: p.multiple(),
                ..*p
            },
        })
        .collect();
    breaks_doubling(&one_metric)
}

/// Everything the ladder chart draws: one line per chosen family, in the order chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LadderPlot {
    /// The families drawn; the line index is also the colour slot ([`family_colour`]).
    pub lines: Vec<LadderLine>,
    /// Chosen names that are not drawn: not a family of the data, or no size on the ladder.
    pub skipped: Vec<String>,
    /// The ranges the axes are held to: points outside them are left out of the drawing.
    pub ranges: LadderRanges,
}

impl LadderPlot {
    /// Plans the chart for the chosen family names ([`default_families`] when none are).
    pub fn build(catalog: &Catalog, families: &[Family], chosen: &[String]) -> Self {
        let names = if chosen.is_empty() {
            default_families(families)
        } else {
            chosen.to_vec()
        };
        let mut plot = LadderPlot::default();
        for name in names {
            let Some(family) = families.iter().find(|f| f.name == name) else {
                plot.skipped.push(name);
                continue;
            };
            let points = doubling(catalog, family);
            if points.is_empty() {
                plot.skipped.push(name);
                continue;
            }
            plot.lines.push(LadderLine {
                family: name,
                category: family.category,
                vcpu_breakers: breakers_in(&points, Metric::Vcpu),
                memory_breakers: breakers_in(&points, Metric::Memory),
                points,
            });
        }
        plot
    }

    /// The same plan held to `ranges` (a typed or dragged zoom).
    pub fn zoomed(self, ranges: LadderRanges) -> Self {
        LadderPlot { ranges, ..self }
    }

    /// The sizes shown, in steps from xlarge: the size range when its ends do not cross.
    pub(crate) fn size_range(&self) -> AxisRange {
        match self.ranges.size {
            AxisRange {
                min: Some(lo),
                max: Some(hi),
            } if lo > hi => AxisRange::OPEN,
            range => range,
        }
    }

    /// The range one panel's values are held to.
    pub(crate) fn panel_range(&self, metric: Metric) -> AxisRange {
        match metric {
            Metric::Memory => self.ranges.memory,
            _ => self.ranges.vcpu,
        }
    }

    /// Whether a point is drawn on the panel of `metric`: its size and its value in range.
    pub(crate) fn shows(&self, metric: Metric, point: &LadderPoint) -> bool {
        let range = self.panel_range(metric).usable(crate::settings::Scale::Log);
        self.size_range().contains(point.step) && range.contains(value(metric, point))
    }

    /// Number of family lines drawn.
    pub fn series_count(&self) -> usize {
        self.lines.len()
    }

    /// Number of instance types drawn (each appears once per panel).
    pub fn point_count(&self) -> usize {
        self.lines.iter().map(|l| l.points.len()).sum()
    }

    /// The horizontal position of a point: its step, nudged per family so that families
    /// with equal values sit side by side instead of on top of each other.
    pub(crate) fn x_of(&self, line: usize, point: &LadderPoint) -> f64 {
        let n = self.lines.len() as f64;
        let gap = (0.4 / n).min(0.08);
        point.step + (line as f64 - (n - 1.0) / 2.0) * gap
    }
}

/// The two panels: what each shows.
pub(crate) const PANELS: [Metric; 2] = [Metric::Vcpu, Metric::Memory];

/// A point's value in one panel's metric.
pub(crate) fn value(metric: Metric, point: &LadderPoint) -> f64 {
    match metric {
        Metric::Memory => point.memory,
        _ => f64::from(point.vcpu),
    }
}
