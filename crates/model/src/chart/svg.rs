//! The backend a saved picture is drawn on: plotters' drawing calls written as one
//! self-contained SVG document (colours, widths and fonts on each element, no stylesheet), so
//! the file looks the same wherever it is opened and a canvas can draw it as a PNG.
//!
//! Text is anchored as the canvas anchors it (its text align and baseline), a little smaller
//! than on the canvas ([`TEXT_SCALE`]): the picture's layout (the legend's spacing, the
//! axis titles' room) is measured for text of that size. Numbers are written by
//! [`crate::decimal`], so the page links no float formatting of the standard library's for
//! pictures either.

use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use super::prerender::{escape, polyline};
use crate::decimal::{fixed, Shortest};

/// A picture's text size per pixel of the plan's font size.
pub const TEXT_SCALE: f64 = 1.0 / 1.24;

/// Writing to a `String` cannot fail; the backend's error type says so.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

type Drawn = Result<(), DrawingErrorKind<Never>>;

/// An SVG document being written into a string, closed when the backend is dropped.
pub struct SvgPicture<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgPicture<'a> {
    /// Starts a `size` (width, height) document in `out`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let (w, h) = size;
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
        );
        SvgPicture { out, size }
    }

    /// Writes one element: `<name attributes paint/>`.
    fn element(&mut self, name: &str, attributes: &str, paint: &str) {
        let _ = writeln!(self.out, "<{name} {attributes}{paint}/>");
    }
}

impl Drop for SvgPicture<'_> {
    fn drop(&mut self) {
        self.out.push_str("</svg>\n");
    }
}

/// `#rrggbb` and, when not opaque, an opacity, as SVG paint attributes: ` fill="#rrggbb"`.
fn paint(attribute: &str, color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    let mut out = format!(" {attribute}=\"#{r:02x}{g:02x}{b:02x}\"");
    if color.alpha < 1.0 {
        let _ = write!(out, " {attribute}-opacity=\"{}\"", Shortest(color.alpha));
    }
    out
}

/// Where SVG puts a text as the canvas puts it: the ` text-anchor` and ` dominant-baseline`
/// attributes of its anchor (the canvas's text align and its top, middle and bottom
/// baselines), and its turn in degrees.
pub(crate) fn placement(style: &impl BackendTextStyle) -> (String, u32) {
    let anchor = match style.anchor().h_pos {
        HPos::Left => "",
        HPos::Center => " text-anchor=\"middle\"",
        HPos::Right => " text-anchor=\"end\"",
    };
    let baseline = match style.anchor().v_pos {
        VPos::Top => " dominant-baseline=\"text-before-edge\"",
        VPos::Center => " dominant-baseline=\"middle\"",
        VPos::Bottom => " dominant-baseline=\"text-after-edge\"",
    };
    let degrees = match style.transform() {
        FontTransform::None => 0,
        FontTransform::Rotate90 => 90,
        FontTransform::Rotate180 => 180,
        FontTransform::Rotate270 => 270,
    };
    (format!("{anchor}{baseline}"), degrees)
}

/// A fill of `style`'s colour, or a stroke of its colour and width.
fn look(style: &impl BackendStyle, fill: bool) -> String {
    if fill {
        paint("fill", style.color())
    } else {
        stroke(style)
    }
}

/// A stroke of `style`'s colour and width, with nothing filled.
fn stroke(style: &impl BackendStyle) -> String {
    format!(
        " fill=\"none\"{} stroke-width=\"{}\"",
        paint("stroke", style.color()),
        style.stroke_width()
    )
}

impl DrawingBackend for SvgPicture<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha > 0.0 {
            let at = format!("x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\"");
            self.element("rect", &at, &paint("fill", color));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let at = format!("x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"");
            self.element("line", &at, &stroke(style));
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let at = format!(
                "x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"",
                x1 - x0,
                y1 - y0
            );
            self.element("rect", &at, &look(style, fill));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let d = polyline(path);
            if !d.is_empty() {
                self.element("path", &format!("d=\"{d}\""), &stroke(style));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let at = format!("cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
            self.element("circle", &at, &look(style, fill));
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let d = polyline(vert);
            if !d.is_empty() {
                self.element(
                    "path",
                    &format!("d=\"{d}Z\""),
                    &paint("fill", style.color()),
                );
            }
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut attributes = format!(
            "x=\"{x}\" y=\"{y}\" font-family=\"{}\" font-size=\"{}\"",
            escape(style.family().as_str()),
            fixed(style.size() * TEXT_SCALE, 1)
        );
        let (anchor, degrees) = placement(style);
        attributes.push_str(&anchor);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push_str(" font-weight=\"bold\""),
            other => {
                let _ = write!(attributes, " font-style=\"{}\"", other.as_str());
            }
        }
        if degrees != 0 {
            let _ = write!(attributes, " transform=\"rotate({degrees} {x} {y})\"");
        }
        let _ = writeln!(
            self.out,
            "<text {attributes}{}>{}</text>",
            paint("fill", color),
            escape(text)
        );
        Ok(())
    }

    /// A width from the number of characters (no font is at hand where a picture is drawn),
    /// generous like the legend's wrapping; plotters asks only to align labels right of a
    /// chart, which no chart here has.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        let size = style.size() * TEXT_SCALE;
        let width = text.chars().count() as f64 * size * 0.6;
        Ok((width.ceil() as u32, size.ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    fn picture(draw: impl Fn(&DrawingArea<SvgPicture, plotters::coord::Shift>)) -> String {
        let mut out = String::new();
        {
            let area = SvgPicture::new(&mut out, (200, 100)).into_drawing_area();
            draw(&area);
        }
        out
    }

    #[test]
    fn a_picture_is_one_document_with_its_colours_on_each_element() {
        let svg = picture(|area| {
            let _ = area.fill(&RGBColor(255, 255, 255));
            let _ = area.draw(&PathElement::new(
                [(0, 0), (10, 20), (30, 5)],
                ShapeStyle {
                    color: RGBColor(1, 2, 3).mix(0.5),
                    filled: false,
                    stroke_width: 2,
                },
            ));
            let _ = area.draw(&Circle::new((50, 50), 4, RGBColor(200, 0, 0).filled()));
        });
        assert!(
            svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""
            ),
            "{svg}"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(
            svg.contains("<rect x=\"0\" y=\"0\" width=\"200\" height=\"100\" fill=\"#ffffff\"/>"),
            "{svg}"
        );
        assert!(svg.contains("<path d=\"M0 0L10 20 30 5\" fill=\"none\" stroke=\"#010203\" stroke-opacity=\"0.5\" stroke-width=\"2\"/>"), "{svg}");
        assert!(
            svg.contains("<circle cx=\"50\" cy=\"50\" r=\"4\" fill=\"#c80000\"/>"),
            "{svg}"
        );
    }

    #[test]
    fn text_is_escaped_anchored_and_turned() {
        let svg = picture(|area| {
            let style = ("sans-serif", 15.5)
                .into_font()
                .style(plotters::style::FontStyle::Bold)
                .color(&BLACK)
                .pos(plotters::style::text_anchor::Pos::new(
                    HPos::Right,
                    VPos::Center,
                ))
                .transform(FontTransform::Rotate270);
            let _ = area.draw(&Text::new("m5 <& r5>", (40, 60), style));
        });
        assert!(svg.contains(">m5 &lt;&amp; r5&gt;</text>"), "{svg}");
        for attribute in [
            "font-size=\"12.5\"",
            "text-anchor=\"end\"",
            "dominant-baseline=\"middle\"",
            "font-weight=\"bold\"",
            "transform=\"rotate(270 40 60)\"",
            "fill=\"#000000\"",
        ] {
            assert!(svg.contains(attribute), "{attribute} in {svg}");
        }
    }
}
