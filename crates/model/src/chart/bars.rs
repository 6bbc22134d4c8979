//! Horizontal bar charts of instance-type counts: per category split by processor vendor
//! (stacked), and per capability feature, for the Capabilities view.
//!
//! A [`BarsPlot`] is a list of rows, each a bar of coloured segments. Drawing lays it out by
//! hand (label column, bars, total after each bar, count ticks below) and returns a hit map
//! whose [`HitPoint::line`](super::hitmap::HitPoint::line) is the row and
//! [`HitPoint::instance`](super::hitmap::HitPoint::instance) the segment's index in
//! [`BarsPlot::segments`]. Wide segments get several hit points along their middle, so the
//! canvas's round hover radius covers the whole segment, not only its centre.

mod draw;

pub use draw::SegmentBox;

use plotters::prelude::RGBColor;

use super::theme::Theme;
use super::Paint;
use crate::capabilities::{Feature, VendorCount};
use crate::instance::{Category, Vendor};

/// Processor vendors in the order a stacked bar shows them.
pub const VENDORS: [Vendor; 4] = [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other];

/// Vendor colours on a light page, in [`VENDORS`] order: blue, vermilion, bluish green and
/// grey, a set that stays apart for the common colour-vision deficiencies.
pub const LIGHT_VENDORS: [RGBColor; 4] = [
    RGBColor(44, 110, 200),
    RGBColor(213, 84, 40),
    RGBColor(0, 150, 110),
    RGBColor(135, 140, 150),
];

/// Vendor colours on a dark page, in [`VENDORS`] order: the same hues, lighter.
pub const DARK_VENDORS: [RGBColor; 4] = [
    RGBColor(110, 160, 255),
    RGBColor(245, 125, 85),
    RGBColor(60, 200, 150),
    RGBColor(150, 158, 172),
];

/// The colour of bars that stand for no vendor, on a light and a dark page.
pub const NEUTRAL: [RGBColor; 2] = [RGBColor(84, 104, 140), RGBColor(150, 170, 205)];

/// Hit points along a wide segment are at most this many CSS pixels apart, so with the
/// canvas's 14 px hover radius every pixel of a bar at most [`MAX_BAR_PX`] thick is covered.
pub const HIT_SPACING_PX: f64 = 12.0;

/// The thickest a bar is drawn, in CSS pixels.
pub const MAX_BAR_PX: f64 = 24.0;

/// Below this CSS width, rows show their short labels.
pub const NARROW_PX: f64 = 520.0;

/// What colour a segment is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BarColour {
    /// A processor vendor's colour.
    Vendor(Vendor),
    /// The colour of counts that belong to no vendor.
    Neutral,
}

impl BarColour {
    /// The colour on a page painted with `theme` (a dark background picks the dark palette).
    pub fn rgb(self, theme: &Theme) -> RGBColor {
        let RGBColor(r, g, b) = theme.background;
        let dark = u32::from(r) + u32::from(g) + u32::from(b) < 384;
        match self {
            BarColour::Vendor(vendor) => {
                let slot = VENDORS.iter().position(|v| *v == vendor).unwrap_or(3);
                if dark {
                    DARK_VENDORS[slot]
                } else {
                    LIGHT_VENDORS[slot]
                }
            }
            BarColour::Neutral => NEUTRAL[usize::from(dark)],
        }
    }

    /// A stable identifier for CSS classes, such as `"vendor-amd"` or `"neutral"`.
    pub fn slug(self) -> &'static str {
        match self {
            BarColour::Vendor(Vendor::Intel) => "vendor-intel",
            BarColour::Vendor(Vendor::Amd) => "vendor-amd",
            BarColour::Vendor(Vendor::Graviton) => "vendor-graviton",
            BarColour::Vendor(Vendor::Other) => "vendor-other",
            BarColour::Neutral => "neutral",
        }
    }
}

/// One coloured part of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSegment {
    /// The row (bar) it belongs to, an index into [`BarsPlot::rows`].
    pub row: usize,
    /// What it counts within its row, such as `"AMD"`; empty when the row is one segment.
    pub label: String,
    /// Its colour.
    pub colour: BarColour,
    /// How many instance types it stands for (never zero).
    pub count: usize,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Its label, such as `"Compute optimised"`.
    pub label: String,
    /// Its label on narrow charts, such as `"Compute"`.
    pub short: String,
}

/// Everything a bar chart draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarsPlot {
    /// The bars, top to bottom.
    pub rows: Vec<BarRow>,
    /// The segments, row by row, left to right.
    pub segments: Vec<BarSegment>,
}

impl BarsPlot {
    /// One bar per category with at least one type, split by vendor, from
    /// [`crate::capabilities::counts_by_category_and_vendor`].
    pub fn by_category_and_vendor(counts: &[VendorCount]) -> Self {
        let mut plot = BarsPlot::default();
        for category in Category::ALL {
            let mut shown = counts
                .iter()
                .filter(|c| c.category == category && c.types > 0)
                .peekable();
            if shown.peek().is_none() {
                continue;
            }
            let row = plot.rows.len();
            plot.rows.push(BarRow {
                label: category.label().to_owned(),
                short: category_short(category).to_owned(),
            });
            let mut parts: Vec<_> = shown.collect();
            crate::order::sort_by_key(&mut parts, |c| VENDORS.iter().position(|v| *v == c.vendor));
            plot.segments.extend(parts.into_iter().map(|c| BarSegment {
                row,
                label: c.vendor.label().to_owned(),
                colour: BarColour::Vendor(c.vendor),
                count: c.types,
            }));
        }
        plot
    }

    /// One bar per feature, zeros included (they show as an empty bar and a 0), from
    /// [`crate::capabilities::counts_by_feature`]. Vendor features wear their vendor's colour.
    pub fn by_feature(counts: &[(Feature, usize)]) -> Self {
        let mut plot = BarsPlot::default();
        for (row, &(feature, count)) in counts.iter().enumerate() {
            plot.rows.push(BarRow {
                label: feature.label().to_owned(),
                short: short_label(feature).to_owned(),
            });
            if count > 0 {
                plot.segments.push(BarSegment {
                    row,
                    label: String::new(),
                    colour: feature_colour(feature),
                    count,
                });
            }
        }
        plot
    }

    /// Number of bars with at least one type.
    pub fn series_count(&self) -> usize {
        let mut rows: Vec<usize> = self.segments.iter().map(|s| s.row).collect();
        rows.dedup();
        rows.len()
    }

    /// Number of segments drawn.
    pub fn point_count(&self) -> usize {
        self.segments.len()
    }

    /// All types counted: the sum of every segment.
    pub fn total(&self) -> usize {
        self.segments.iter().map(|s| s.count).sum()
    }

    /// The sum of one row's segments.
    pub fn row_total(&self, row: usize) -> usize {
        self.segments
            .iter()
            .filter(|s| s.row == row)
            .map(|s| s.count)
            .sum()
    }

    /// A segment as people read it: `"Compute optimised · AMD: 37 types"`, or
    /// `"GPU: 120 types"` for a one-segment row.
    pub fn describe(&self, segment: usize) -> Option<String> {
        let s = self.segments.get(segment)?;
        let row = self.rows.get(s.row)?;
        let plural = if s.count == 1 { "type" } else { "types" };
        Some(if s.label.is_empty() {
            format!("{}: {} {plural}", row.label, s.count)
        } else {
            format!("{} · {}: {} {plural}", row.label, s.label, s.count)
        })
    }

    /// Where each segment lands on a drawing of `size` device pixels, in segment order.
    pub fn segment_boxes(&self, size: (u32, u32), paint: &Paint) -> Vec<SegmentBox> {
        draw::segment_boxes(self, size, paint)
    }
}

/// A feature's compact name, for narrow charts and matrix headers: `"NVMe"`, `"Extra mem."`.
pub fn short_label(feature: Feature) -> &'static str {
    match feature {
        Feature::Amd => "AMD",
        Feature::Graviton => "Graviton",
        Feature::Intel => "Intel",
        Feature::Arm => "Arm",
        Feature::LocalNvme => "NVMe",
        Feature::NetworkBoosted => "Network",
        Feature::ExtraMemory => "Extra mem.",
        Feature::HighFrequency => "High freq.",
        Feature::EbsBoosted => "EBS",
        Feature::Flex => "Flex",
        Feature::Gpu => "GPU",
        Feature::Fpga => "FPGA",
        Feature::Inference => "Inference",
        Feature::Trainium => "Trainium",
    }
}

/// A category's compact name: `"Compute"`.
pub fn category_short(category: Category) -> &'static str {
    match category {
        Category::General => "General",
        Category::Compute => "Compute",
        Category::Memory => "Memory",
        Category::Storage => "Storage",
        Category::Accelerated => "Accelerated",
    }
}

fn feature_colour(feature: Feature) -> BarColour {
    match feature {
        Feature::Amd => BarColour::Vendor(Vendor::Amd),
        Feature::Intel => BarColour::Vendor(Vendor::Intel),
        Feature::Graviton | Feature::Arm => BarColour::Vendor(Vendor::Graviton),
        _ => BarColour::Neutral,
    }
}
