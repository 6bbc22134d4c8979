//! Chart colours for light and dark pages.

use plotters::style::RGBColor;

use crate::instance::Category;

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The plot background.
    pub background: RGBColor,
    /// Axis labels and titles.
    pub text: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// One colour per category, in [`Category::ALL`] order.
    pub categories: [RGBColor; 5],
}

impl Theme {
    /// Colours for a light page; category hues follow the Tableau view's.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(60, 64, 72),
        axis: RGBColor(150, 155, 165),
        grid: RGBColor(232, 234, 238),
        categories: [
            RGBColor(46, 150, 160), // general: teal
            RGBColor(214, 80, 80),  // compute: red
            RGBColor(70, 150, 60),  // memory: green
            RGBColor(214, 160, 20), // storage: amber
            RGBColor(130, 90, 200), // accelerated: violet
        ],
    };

    /// Colours for a dark page: the same hues, lighter, on a near-black ground.
    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 31),
        text: RGBColor(210, 214, 222),
        axis: RGBColor(110, 116, 128),
        grid: RGBColor(48, 52, 60),
        categories: [
            RGBColor(90, 200, 205),
            RGBColor(245, 120, 115),
            RGBColor(125, 205, 105),
            RGBColor(240, 195, 70),
            RGBColor(180, 150, 245),
        ],
    };

    /// The colour of a category.
    pub fn category(&self, category: Category) -> RGBColor {
        let slot = Category::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0);
        self.categories[slot]
    }

    /// A colour as CSS `#rrggbb`, for legends drawn in HTML.
    pub fn css(color: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
    }
}
