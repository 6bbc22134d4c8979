//! A chart as a picture to save: the same plan the canvas paints, drawn as an SVG document
//! ([`super::svg`]) under a title, with its legend and where and when the data comes from.

use plotters::prelude::*;

use super::bars::BarColour;
use super::colour::{gradient, LineColour};
use super::ladder::family_colour;
use super::svg::SvgPicture;
use super::theme::Theme;
use super::{ChartError, Paint, Plan};

/// The size of a saved picture in CSS pixels (a PNG is drawn at twice this).
pub const IMAGE_SIZE: (u32, u32) = (1200, 760);

/// The colour of a legend entry's swatch, resolved for the theme the picture is drawn in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyColour {
    /// A Families line colour.
    Line(LineColour),
    /// A bar segment's colour.
    Bar(BarColour),
    /// The ladder chart's colour of the `n`-th family drawn.
    Family(usize),
    /// A point on the sequential ramp (0 = low, 1 = high).
    Ramp(f64),
}

impl KeyColour {
    /// The colour on a picture painted with `theme`.
    pub fn rgb(self, theme: &Theme) -> RGBColor {
        match self {
            KeyColour::Line(line) => line.rgb(theme),
            KeyColour::Bar(bar) => bar.rgb(theme),
            KeyColour::Family(slot) => family_colour(theme, slot),
            KeyColour::Ramp(t) => gradient(theme, t),
        }
    }
}

/// One legend entry: a swatch and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendKey {
    /// What the colour stands for.
    pub label: String,
    /// The swatch's colour.
    pub colour: KeyColour,
}

/// The words around a saved chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImageCaption {
    /// The title above the chart ("Instance Atlas: vCPU against memory").
    pub title: String,
    /// The legend entries below it (none for charts that label themselves).
    pub legend: Vec<LegendKey>,
    /// Where and when the data comes from ("Data: ... prices as of 2025-03-02").
    pub source: String,
}

/// Pixels per character of 12 px text, a little generous, to wrap the legend.
const CHAR_PX: f64 = 7.2;
/// Height of one legend row.
const LEGEND_ROW: u32 = 22;
/// Height of the title band.
const TITLE_BAND: u32 = 44;
/// Height of the source line band.
const SOURCE_BAND: u32 = 26;

/// Where each legend entry goes: (row, left x) for a picture `width` pixels wide.
fn legend_places(legend: &[LegendKey], width: u32) -> Vec<(u32, u32)> {
    let (mut row, mut x) = (0u32, 16u32);
    legend
        .iter()
        .map(|key| {
            let w = 26 + (key.label.chars().count() as f64 * CHAR_PX).ceil() as u32;
            if x + w > width.saturating_sub(16) && x > 16 {
                row += 1;
                x = 16;
            }
            let place = (row, x);
            x += w + 14;
            place
        })
        .collect()
}

/// Paints `plan` under `caption` on any backend area: the title band, the chart, the legend
/// rows and the source line. The plan is painted last, as it presents the area when done.
pub fn draw_with_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    plan: &impl Plan,
    caption: &ImageCaption,
    paint: &Paint,
) -> Result<(), ChartError> {
    let theme = &paint.theme;
    area.fill(&theme.background)?;
    let (width, height) = area.dim_in_pixel();
    let px = |v: u32| paint.px(f64::from(v));
    let places = legend_places(caption.legend.as_slice(), width);
    let legend_rows = places.last().map_or(0, |(row, _)| row + 1);
    let bottom = px(SOURCE_BAND) + px(LEGEND_ROW) * legend_rows + px(6);
    let title_font = (FontFamily::SansSerif, f64::from(px(20)))
        .into_font()
        .style(FontStyle::Bold)
        .color(&theme.text);
    let font = (FontFamily::SansSerif, f64::from(px(15)))
        .into_font()
        .color(&theme.text);
    let muted = (FontFamily::SansSerif, f64::from(px(14)))
        .into_font()
        .color(&theme.axis);
    area.draw(&Text::new(
        caption.title.clone(),
        (px(16) as i32, px(12) as i32),
        title_font,
    ))?;
    let legend_top = height.saturating_sub(bottom) + px(6);
    for (key, (row, x)) in caption.legend.iter().zip(&places) {
        let top = (legend_top + px(LEGEND_ROW) * row) as i32;
        let left = px(*x) as i32;
        let swatch = px(12) as i32;
        area.draw(&Rectangle::new(
            [
                (left, top + px(3) as i32),
                (left + swatch, top + px(3) as i32 + swatch),
            ],
            key.colour.rgb(theme).filled(),
        ))?;
        area.draw(&Text::new(
            key.label.clone(),
            (left + swatch + px(8) as i32, top + px(2) as i32),
            font.clone(),
        ))?;
    }
    area.draw(&Text::new(
        caption.source.clone(),
        (px(16) as i32, (height - px(SOURCE_BAND) + px(4)) as i32),
        muted,
    ))?;
    let chart = area.margin(px(TITLE_BAND), bottom, 0, 0);
    plan.draw(&chart, paint)?;
    Ok(())
}

/// The plan as an SVG document of [`IMAGE_SIZE`] under its caption.
pub fn svg_image(
    plan: &impl Plan,
    caption: &ImageCaption,
    theme: Theme,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    svg_image_on(plan, caption, theme, &mut svg, |picture| picture)?;
    Ok(svg)
}

/// [`svg_image`] written into `out` through a backend that `wrap` makes of the picture: a
/// page that draws its charts on one backend type of its own (canvas or picture) draws its
/// pictures through it too, and so compiles each plan's drawing once.
pub fn svg_image_on<'s, DB: DrawingBackend>(
    plan: &impl Plan,
    caption: &ImageCaption,
    theme: Theme,
    out: &'s mut String,
    wrap: impl FnOnce(SvgPicture<'s>) -> DB,
) -> Result<(), ChartError> {
    let area = wrap(SvgPicture::new(out, IMAGE_SIZE)).into_drawing_area();
    let paint = Paint {
        theme,
        pixel_ratio: 1.0,
    };
    draw_with_caption(&area, plan, caption, &paint)
}

/// The source line under a saved chart: how many types, and the prices' region, system
/// and date: `Data: 810 instance types from the EC2 API; prices for us-east-1, Linux, as of
/// 2025-03-02 (AWS Price List). Instance Atlas`.
pub fn source_line(types: usize, region: &str, os: crate::prices::Os) -> String {
    format!(
        "Data: {} from the EC2 API; prices for {region}, {}, as of {} (AWS Price List). Instance Atlas",
        crate::text::count(types, "instance type", "instance types"),
        os.label(),
        crate::prices::PRICE_LIST_DATE
    )
}

/// The source line of a chart that reads no price region: the specs' source and the
/// prices' date.
pub fn specs_source_line() -> String {
    format!(
        "Data: the EC2 API's instance types; prices as of {} (AWS Price List). Instance Atlas",
        crate::prices::PRICE_LIST_DATE
    )
}

/// A file name for a saved chart: `instance-atlas-families.svg`.
pub fn image_file_name(chart: &str, extension: &str) -> String {
    let slug: String = chart
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("instance-atlas-{slug}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_entries_wrap_to_the_picture_width() {
        let key = |label: &str| LegendKey {
            label: label.to_owned(),
            colour: KeyColour::Ramp(0.5),
        };
        let legend: Vec<LegendKey> = (0..6)
            .map(|i| key(&format!("Category number {i}")))
            .collect();
        let places = legend_places(&legend, 400);
        assert_eq!(places[0], (0, 16));
        assert!(places.iter().all(|(_, x)| *x < 400));
        assert!(
            places.last().is_some_and(|(row, _)| *row >= 2),
            "{places:?}"
        );
    }

    #[test]
    fn the_source_line_names_region_system_and_date() {
        let line = source_line(810, "eu-west-1", crate::prices::Os::Linux);
        assert!(line.starts_with("Data: 810 instance types"), "{line}");
        assert!(line.contains("eu-west-1") && line.contains(crate::prices::PRICE_LIST_DATE));
    }

    #[test]
    fn file_names_are_short_slugs() {
        assert_eq!(
            image_file_name("Families: vCPU / Memory", "png"),
            "instance-atlas-families-vcpu-memory.png"
        );
    }
}
