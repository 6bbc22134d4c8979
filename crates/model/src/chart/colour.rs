//! What the Families chart colours by: category (as the Tableau view did), processor
//! vendor, generation, or a price on a gradient.

use plotters::style::RGBColor;

use super::bars::BarColour;
use super::theme::Theme;
use crate::instance::{Category, Vendor};

/// The colour of one family's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineColour {
    /// A category's colour.
    Category(Category),
    /// A processor vendor's colour.
    Vendor(Vendor),
    /// A generation on a light-to-dark ramp (`None`: the name has no generation).
    Generation(Option<u32>),
    /// A neutral line (the dots carry the colour).
    Neutral,
}

/// The oldest and newest generations the ramp spans.
pub const GENERATIONS: std::ops::RangeInclusive<u32> = 1..=8;

impl LineColour {
    /// The colour on a page painted with `theme`.
    pub fn rgb(self, theme: &Theme) -> RGBColor {
        match self {
            LineColour::Category(category) => theme.category(category),
            LineColour::Vendor(vendor) => BarColour::Vendor(vendor).rgb(theme),
            LineColour::Generation(Some(g)) => {
                let span = f64::from(GENERATIONS.end() - GENERATIONS.start());
                let t = f64::from(
                    g.clamp(*GENERATIONS.start(), *GENERATIONS.end()) - GENERATIONS.start(),
                ) / span;
                gradient(theme, t)
            }
            LineColour::Generation(None) | LineColour::Neutral => BarColour::Neutral.rgb(theme),
        }
    }
}

/// A point on the chart's sequential ramp (0 = low, 1 = high), readable on either page.
pub fn gradient(theme: &Theme, t: f64) -> RGBColor {
    let dark = {
        let RGBColor(r, g, b) = theme.background;
        u32::from(r) + u32::from(g) + u32::from(b) < 384
    };
    // Teal to amber to red: low and high stay apart for the common colour-vision deficiencies.
    let stops: [RGBColor; 3] = if dark {
        [
            RGBColor(80, 200, 200),
            RGBColor(240, 200, 70),
            RGBColor(250, 100, 90),
        ]
    } else {
        [
            RGBColor(20, 140, 150),
            RGBColor(215, 160, 20),
            RGBColor(200, 50, 50),
        ]
    };
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (a, b, u) = if t < 0.5 {
        (stops[0], stops[1], t * 2.0)
    } else {
        (stops[1], stops[2], t * 2.0 - 1.0)
    };
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * u).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The CSS colour of a point on the ramp (for legends drawn in HTML).
pub fn gradient_css(theme: &Theme, t: f64) -> String {
    Theme::css(gradient(theme, t))
}
