//! A chart as a small SVG for the page's HTML, drawn at build time so the first chart is on
//! screen with the first paint, before any WebAssembly has run (the app's canvas takes its
//! place when it mounts).
//!
//! The picture export ([`super::image`]) writes one element per dot with its colour; here
//! strokes of one style share one `<path>` (a dot is a zero-length stroke with
//! round caps), and colours are not written at all: each becomes a class naming its role in
//! the theme (`s-general`, `f-text`), which `assets/style.css` colours for light and dark
//! pages from the same variables as the rest of the page. So one SVG serves both schemes,
//! under a strict `style-src 'self'` (no inline style). Drawing order stays the plan's.
//!
//! The drawing stretches to the box it is shown in, whatever the box's shape (a page at any
//! window size, an embed's `<iframe>` at any size), as the app's chart does: the plot's
//! lines and dots are drawn in the plot area's own coordinates and scaled to it without
//! keeping proportions, at their own stroke widths (`vector-effect: non-scaling-stroke`, so
//! a dot stays round), while the margins around the plot keep their pixels (the stylesheet
//! places the plot area, [`prerender_css`]) and each text is placed at its share of the
//! plot area plus its offset in pixels outside it.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use plotters::style::RGBColor;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::svg::{placement, Never};
use super::theme::Theme;
use super::{ChartError, Paint, Plan};
use crate::atlas::{Atlas, PriceSource};
use crate::catalog::Catalog;
use crate::decimal::Shortest;
use crate::instance::Category;
use crate::screen::families::{families_screen, FamiliesScreen};
use crate::state::State;

/// The colour roles of a light-theme chart and the class suffix each is written as.
fn roles() -> Vec<(RGBColor, &'static str)> {
    let theme = Theme::LIGHT;
    let mut roles = vec![
        (theme.background, "bg"),
        (theme.text, "text"),
        (theme.axis, "axis"),
        (theme.grid, "grid"),
    ];
    roles.extend(
        Category::ALL
            .iter()
            .map(|category| (theme.category(*category), category.slug())),
    );
    roles
}

/// The classes a prerendered chart can use, for the stylesheet's check: `f-` fills and `s-`
/// strokes, one per role.
pub fn classes() -> Vec<String> {
    roles()
        .iter()
        .flat_map(|(_, role)| [format!("f-{role}"), format!("s-{role}")])
        .collect()
}

/// The sizes the first chart is drawn at, each with the class the stylesheet shows it by:
/// the chart's box in a 1280 by 860 window (its ticks and texts shown in any box over 720
/// pixels wide), and in a 390 by 844 phone (up to 720). Either stretches to its box.
pub const PRERENDER_SIZES: [((u32, u32), &str); 2] = [((948, 533), "wide"), ((344, 370), "narrow")];

/// The `elementtiming` name of the prerendered chart's first text.
pub const PRERENDER_TIMING: &str = "prerendered-chart";

/// The Families chart a visitor sees first (the default address), as the `<svg>` elements
/// the build puts in the page's frame, one per size of [`PRERENDER_SIZES`].
pub fn first_chart_svg(catalog: Rc<Catalog>) -> Result<String, ChartError> {
    let screen = first_screen(catalog);
    let points = screen.plot.point_count();
    let mut svg = String::new();
    for (size, class) in PRERENDER_SIZES {
        let drawing = prerender(screen.plot.as_ref(), size)?;
        // Element Timing reports when this text (and so the chart around it) was painted:
        // `make bench` reads it as the chart's time on screen.
        let body = drawing.svg().replacen(
            "<text ",
            &format!("<text elementtiming=\"{PRERENDER_TIMING}\" "),
            1,
        );
        let _ = write!(
            svg,
            "<svg class=\"prerendered {class}\" data-testid=\"prerendered-chart\" \
             data-points=\"{points}\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\">{body}</svg>"
        );
    }
    Ok(svg)
}

/// The stylesheet rules that place each drawing of [`first_chart_svg`] over its plot area
/// in the chart's box: `assets/style.css` carries them word for word (a host test checks).
pub fn prerender_css(catalog: Rc<Catalog>) -> Result<Vec<String>, ChartError> {
    let screen = first_screen(catalog);
    PRERENDER_SIZES
        .iter()
        .map(|(size, class)| {
            let plot = prerender(screen.plot.as_ref(), *size)?.plot;
            let (right, bottom) = (size.0 as i32 - plot.right, size.1 as i32 - plot.bottom);
            Ok(format!(
                ".prerendered.{class} {{ left: {}px; top: {}px; width: calc(100% - {}px); height: calc(100% - {}px); }}",
                plot.left,
                plot.top,
                plot.left + right,
                plot.top + bottom
            ))
        })
        .collect()
}

/// The first Families screen of the default address.
fn first_screen(catalog: Rc<Catalog>) -> FamiliesScreen {
    // The default chart plots specs only: no price is read, so no price table is given.
    let atlas = Atlas::new(catalog, Rc::new(PriceSource::from_csv("")));
    families_screen(&atlas, &State::default())
}

/// Draws `plan` at `size` CSS pixels, in the light theme's roles.
///
/// Fails when the plan uses a colour that is not a theme role (the dark page could not
/// recolour it), or when plotters fails.
pub fn prerender<P: Plan>(plan: &P, size: (u32, u32)) -> Result<Prerendered, ChartError> {
    let mut sketched = Sketched::default();
    {
        let area = Sketch::new(size, &mut sketched).into_drawing_area();
        let paint = Paint {
            theme: Theme::LIGHT,
            pixel_ratio: 1.0,
        };
        plan.draw(&area, &paint)?;
        area.present()?;
    }
    if let Some(colour) = sketched.unthemed {
        return Err(ChartError::Backend(format!(
            "the prerendered chart uses rgb{colour:?}, which is not a theme colour"
        )));
    }
    // The grid spans the plot area; a plan without one stretches as a whole.
    let (width, height) = (size.0 as i32, size.1 as i32);
    let plot = sketched.grid.unwrap_or(PlotArea {
        left: 0,
        top: 0,
        right: width,
        bottom: height,
    });
    Ok(Prerendered {
        plot,
        shapes: sketched.body,
        texts: sketched.texts,
    })
}

/// A drawn chart: its plot area, the shapes (in the drawing's pixels) and the texts.
#[derive(Debug)]
pub struct Prerendered {
    /// Where the plot area is in the drawing, in its pixels.
    pub plot: PlotArea,
    shapes: String,
    texts: Vec<Text>,
}

impl Prerendered {
    /// The inside of the drawing's `<svg>`: the shapes scaled to the plot area, then each
    /// text at its place relative to the plot area.
    pub fn svg(&self) -> String {
        let plot = self.plot;
        let mut svg = format!(
            "<svg viewBox=\"{} {} {} {}\" preserveAspectRatio=\"none\" width=\"100%\" \
             height=\"100%\" overflow=\"visible\">{}</svg>",
            plot.left,
            plot.top,
            plot.width(),
            plot.height(),
            self.shapes
        );
        for text in &self.texts {
            let (x, dx) = placed(text.at.0, plot.left, plot.right);
            let (y, dy) = placed(text.at.1, plot.top, plot.bottom);
            let rotate = match text.degrees {
                0 => String::new(),
                d => format!(" transform=\"rotate({d} {dx} {dy})\""),
            };
            let _ = write!(
                svg,
                "<svg x=\"{x}%\" y=\"{y}%\" overflow=\"visible\"><text {} x=\"{dx}\" y=\"{dy}\"{rotate}>{}</text></svg>",
                text.attributes, text.content
            );
        }
        svg
    }
}

/// Where a drawing's plot area is, in its pixels: the first and past-the-last columns and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotArea {
    /// The left edge.
    pub left: i32,
    /// The top edge.
    pub top: i32,
    /// The right edge.
    pub right: i32,
    /// The bottom edge.
    pub bottom: i32,
}

impl PlotArea {
    fn width(&self) -> i32 {
        (self.right - self.left).max(1)
    }

    fn height(&self) -> i32 {
        (self.bottom - self.top).max(1)
    }

    /// The area of one point.
    fn at((x, y): BackendCoord) -> Self {
        PlotArea {
            left: x,
            top: y,
            right: x,
            bottom: y,
        }
    }

    /// The area grown to take in `(x, y)`.
    fn taking_in(self, (x, y): BackendCoord) -> Self {
        PlotArea {
            left: self.left.min(x),
            top: self.top.min(y),
            right: self.right.max(x),
            bottom: self.bottom.max(y),
        }
    }
}

/// A coordinate as a share of the span `start..end` in percent (two decimals), and an offset
/// in pixels for a coordinate outside it (from the nearer end).
fn placed(at: i32, start: i32, end: i32) -> (String, i32) {
    if at < start {
        ("0".to_owned(), at - start)
    } else if at > end {
        ("100".to_owned(), at - end)
    } else {
        let share = f64::from(at - start) * 100.0 / f64::from((end - start).max(1));
        let text = crate::decimal::fixed(share, 2);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        (text.to_owned(), 0)
    }
}

/// A text of the drawing: where it is anchored, its rotation, its other attributes and its
/// escaped content.
#[derive(Debug)]
struct Text {
    at: BackendCoord,
    degrees: u32,
    attributes: String,
    content: String,
}

/// What the backend writes: the SVG elements, and the first colour met that is not a role.
#[derive(Debug, Default)]
struct Sketched {
    body: String,
    texts: Vec<Text>,
    /// The span of the grid's lines: the plot area.
    grid: Option<PlotArea>,
    unthemed: Option<(u8, u8, u8)>,
}

/// What a run of strokes shares: the class, the stroke width, the opacity, and whether its
/// strokes are dots.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Run {
    class: String,
    width: u32,
    /// The opacity in hundredths.
    alpha: u8,
    dots: bool,
}

/// The drawing backend: SVG elements into `out`. Strokes gather in `open`, one path per
/// style, until a filled shape comes (or the end); texts are kept apart, to be placed
/// around the plot area: a page lays out and paints a
/// dozen paths far sooner than the chart's 350 lines and runs of dots, and within one style
/// the order does not show.
struct Sketch<'a> {
    size: (u32, u32),
    roles: Vec<(RGBColor, &'static str)>,
    out: &'a mut Sketched,
    open: Vec<(Run, String)>,
    /// Every stroke written or open, with its run.
    strokes: HashSet<(Run, String)>,
}

type Drawn = Result<(), DrawingErrorKind<Never>>;

impl<'a> Sketch<'a> {
    fn new(size: (u32, u32), out: &'a mut Sketched) -> Self {
        Sketch {
            size,
            roles: roles(),
            out,
            open: Vec::new(),
            strokes: HashSet::new(),
        }
    }

    /// The class of `colour` painted as a fill (`f-`) or a stroke (`s-`).
    fn class(&mut self, colour: BackendColor, fill: bool) -> String {
        let kind = if fill { 'f' } else { 's' };
        let (r, g, b) = colour.rgb;
        match self.roles.iter().find(|(c, _)| *c == RGBColor(r, g, b)) {
            Some((_, role)) => format!("{kind}-{role}"),
            None => {
                self.out.unthemed.get_or_insert(colour.rgb);
                format!("{kind}-unthemed")
            }
        }
    }

    /// ` opacity="…"` for an opacity in hundredths below 100.
    fn opacity(alpha: u8) -> String {
        if alpha < 100 {
            format!(" opacity=\"{}\"", Shortest(f64::from(alpha) / 100.0))
        } else {
            String::new()
        }
    }

    /// Writes the open runs of strokes, in the order each was opened.
    fn flush(&mut self) {
        for (run, d) in std::mem::take(&mut self.open) {
            let dots = if run.dots { " dot" } else { "" };
            let _ = write!(
                self.out.body,
                "<path class=\"{}{dots}\" stroke-width=\"{}\"{} d=\"{d}\"/>",
                run.class,
                run.width,
                Self::opacity(run.alpha)
            );
        }
    }

    /// Adds the path data `d` to the open run of `style`, or opens one.
    fn stroke<S: BackendStyle>(&mut self, style: &S, width: u32, dots: bool, d: &str) {
        let colour = style.color();
        if colour.alpha == 0.0 || width == 0 {
            return;
        }
        let run = Run {
            class: self.class(colour, false),
            width,
            alpha: hundredths(colour.alpha),
            dots,
        };
        // A stroke already in its run adds nothing to the picture: many types share a dot
        // (and families a line), and every one costs the page time to paint.
        if !self.strokes.insert((run.clone(), d.to_owned())) {
            return;
        }
        match self.open.iter_mut().find(|(open, _)| *open == run) {
            Some((_, data)) => data.push_str(d),
            None => self.open.push((run, d.to_owned())),
        }
    }

    /// A filled shape (`<rect …>`, `<polygon …>`) as its own element.
    fn fill<S: BackendStyle>(&mut self, style: &S, element: &str, attributes: &str) {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return;
        }
        self.flush();
        let class = self.class(colour, true);
        let _ = write!(
            self.out.body,
            "<{element} class=\"{class}\"{}{attributes}/>",
            Self::opacity(hundredths(colour.alpha))
        );
    }
}

/// A plotters opacity (0 to 1) in hundredths.
fn hundredths(alpha: f64) -> u8 {
    (alpha.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// Path data through `points`: `M x y L x y x y …`.
pub(crate) fn polyline(points: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.into_iter().enumerate() {
        let command = match i {
            0 => "M",
            1 => "L",
            _ => " ",
        };
        let _ = write!(d, "{command}{x} {y}");
    }
    d
}

/// `text` with the characters XML gives a meaning escaped.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl DrawingBackend for Sketch<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        self.fill(
            &colour,
            "rect",
            &format!(" x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\""),
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if self.class(style.color(), false) == "s-grid" {
            let grid = self.out.grid.unwrap_or(PlotArea::at(from));
            self.out.grid = Some(grid.taking_in(from).taking_in(to));
        }
        let d = match (from, to) {
            ((x0, y0), (x1, y1)) if y0 == y1 => format!("M{x0} {y0}H{x1}"),
            ((x0, y0), (x1, y1)) if x0 == x1 => format!("M{x0} {y0}V{y1}"),
            _ => polyline([from, to]),
        };
        self.stroke(style, style.stroke_width(), false, &d);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let (width, height) = (self.size.0 as i32, self.size.1 as i32);
        let whole = x0 <= 0 && y0 <= 0 && x1 >= width - 1 && y1 >= height - 1;
        if fill && whole && self.class(style.color(), true) == "f-bg" {
            // The background: the stylesheet paints the chart's box in it, margins and all.
        } else if fill {
            let (w, h) = (x1 - x0, y1 - y0);
            self.fill(
                style,
                "rect",
                &format!(" x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\""),
            );
        } else {
            let d = format!("M{x0} {y0}H{x1}V{y1}H{x0}Z");
            self.stroke(style, style.stroke_width(), false, &d);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let d = polyline(path);
        self.stroke(style, style.stroke_width(), false, &d);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if fill {
            // A zero-length stroke as wide as the dot, with round caps (`.dot` in the stylesheet).
            self.stroke(style, radius * 2, true, &format!("M{x} {y}h0"));
        } else {
            // A ring: two half circles.
            let d = format!(
                "M{} {y}a{radius} {radius} 0 1 0 {} 0a{radius} {radius} 0 1 0 {} 0",
                x - radius as i32,
                radius * 2,
                -(radius as i32) * 2
            );
            self.stroke(style, style.stroke_width(), false, &d);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<String> = vert.into_iter().map(|(x, y)| format!("{x},{y}")).collect();
        self.fill(
            style,
            "polygon",
            &format!(" points=\"{}\"", points.join(" ")),
        );
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let class = self.class(colour, true);
        let (anchor, degrees) = placement(style);
        self.out.texts.push(Text {
            at: (x, y),
            degrees,
            attributes: format!(
                "class=\"{class}\" font-size=\"{}\"{anchor}{}",
                style.size(),
                Self::opacity(hundredths(colour.alpha))
            ),
            content: escape(text),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_paths_read_as_svg() {
        assert_eq!(escape("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(polyline([(1, 2), (3, 4), (5, 6)]), "M1 2L3 4 5 6");
        assert_eq!(polyline([(7, 8)]), "M7 8");
    }
}
