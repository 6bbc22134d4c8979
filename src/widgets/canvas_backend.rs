//! The canvas backend every chart paints through: plotters' drawing calls as calls on the
//! canvas's 2D context. It is the page's own, for two reasons:
//! - runs of filled dots of one colour are gathered into one canvas path, filled once, so a
//!   chart of 1,400 dots makes about 2,800 calls into the canvas instead of 7,000 and writes
//!   one colour per run instead of one per dot;
//! - colours and font sizes are written by the model's decimal writer, and text is measured
//!   on this context, so the page links no float formatting of the standard library's and
//!   never measures text by adding an element with an inline style to the page (which the
//!   site's Content-Security-Policy would refuse).
//!
//! Anything but a dot first fills the pending dots, so the drawing order stays the plan's.

use atlas_model::decimal::Shortest;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing call the canvas refused, by what it was drawing.
#[derive(Debug)]
pub struct CanvasError(&'static str);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas refused to draw {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

/// Turns a refused canvas call into plotters' error, naming what was being drawn.
fn refused<T>(
    result: Result<T, wasm_bindgen::JsValue>,
    what: &'static str,
) -> Result<T, DrawingErrorKind<CanvasError>> {
    result.map_err(|_| DrawingErrorKind::DrawingError(CanvasError(what)))
}

/// A chart's canvas, drawn on through its 2D context.
pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The colour (red, green, blue, alpha) of the dots in the open path, if one is open.
    pending: Option<((u8, u8, u8), f64)>,
    /// What the context's fill, stroke and font were last set to, so that a run of one look
    /// sets each once (a colour or font is a string the browser parses).
    set: Looks,
}

/// The context's fill colour, stroke colour and width, and font, where known.
#[derive(Default)]
struct Looks {
    fill: Option<((u8, u8, u8), u64)>,
    stroke: Option<((u8, u8, u8), u64, u32)>,
    font: Option<String>,
}

/// A colour as a key: its channels and its opacity's bits.
fn key(color: BackendColor) -> ((u8, u8, u8), u64) {
    (color.rgb, color.alpha.to_bits())
}

impl CanvasBackend {
    /// The backend for `canvas`, or `None` when the browser gives no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(CanvasBackend {
            canvas: canvas.clone(),
            context,
            pending: None,
            set: Looks::default(),
        })
    }

    /// Fills the open path of dots, if any.
    fn flush(&mut self) {
        if self.pending.take().is_some() {
            self.context.fill();
        }
    }

    fn fill_with(&mut self, color: BackendColor) {
        if self.set.fill != Some(key(color)) {
            self.context.set_fill_style_str(&css_colour(color));
            self.set.fill = Some(key(color));
        }
    }

    fn stroke_with(&mut self, style: &impl BackendStyle) {
        let (rgb, alpha) = key(style.color());
        let look = Some((rgb, alpha, style.stroke_width()));
        if self.set.stroke != look {
            self.context
                .set_stroke_style_str(&css_colour(style.color()));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.set.stroke = look;
        }
    }

    /// Sets the context's font to `style`'s.
    fn font(&mut self, style: &impl BackendTextStyle) {
        let font = css_font(style);
        if self.set.font.as_deref() != Some(font.as_str()) {
            self.context.set_font(&font);
            self.set.font = Some(font);
        }
    }

    /// Opens a path through `points`, starting at the first; false when there is none.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        self.context.begin_path();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

/// The CSS font of a plotters text style: `bold 15px sans-serif`.
fn css_font(style: &impl BackendTextStyle) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        Shortest(style.size()),
        style.family().as_str()
    )
}

/// The CSS colour of a plotters colour.
fn css_colour(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", Shortest(color.alpha))
}

/// The ends of a line from `from` to `to`, a horizontal or vertical one moved half a pixel
/// up or left, so that a line one pixel wide covers one row or column of pixels instead of
/// half covering two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let shift = |along: bool| if along { 0.5 } else { 0.0 };
    let (dx, dy) = (shift(from.0 == to.0), shift(from.1 == to.1));
    (
        (f64::from(from.0) - dx, f64::from(from.1) - dy),
        (f64::from(to.0) - dx, f64::from(to.1) - dy),
    )
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        self.flush();
        if color.alpha > 0.0 {
            self.fill_with(color);
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.flush();
        if style.color().alpha > 0.0 {
            let (from, to) = crisp(from, to);
            self.stroke_with(style);
            self.context.begin_path();
            self.context.move_to(from.0, from.1);
            self.context.line_to(to.0, to.1);
            self.context.stroke();
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
        self.flush();
        if style.color().alpha > 0.0 {
            let (x, y, w, h) = (
                f64::from(x0),
                f64::from(y0),
                f64::from(x1 - x0),
                f64::from(y1 - y0),
            );
            if fill {
                self.fill_with(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.stroke_with(style);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.flush();
        if style.color().alpha > 0.0 && self.trace(path) {
            self.stroke_with(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
        if !fill {
            self.flush();
            self.stroke_with(style);
            self.context.begin_path();
            refused(
                self.context.arc(x, y, r, 0.0, std::f64::consts::TAU),
                "a circle",
            )?;
            self.context.stroke();
            return Ok(());
        }
        let key = (color.rgb, color.alpha);
        if self.pending != Some(key) {
            self.flush();
            self.fill_with(color);
            self.context.begin_path();
            self.pending = Some(key);
        }
        // Each dot starts a sub-path of its own, so no line joins it to the one before.
        self.context.move_to(x + r, y);
        refused(
            self.context.arc(x, y, r, 0.0, std::f64::consts::TAU),
            "a dot",
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        self.flush();
        if style.color().alpha > 0.0 && self.trace(vert) {
            self.context.close_path();
            self.fill_with(style.color());
            self.context.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        self.flush();
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        };
        let (mut x, mut y) = (f64::from(x), f64::from(y));
        if turn != 0.0 {
            self.context.save();
            refused(self.context.translate(x, y), "rotated text")?;
            refused(
                self.context.rotate(turn * std::f64::consts::TAU),
                "rotated text",
            )?;
            (x, y) = (0.0, 0.0);
        }
        let anchor = style.anchor();
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        });
        self.fill_with(color);
        self.font(style);
        let drawn = refused(self.context.fill_text(text, x, y), "text");
        if turn != 0.0 {
            self.context.restore();
            // The restore puts back the fill, stroke and font from before the turn.
            self.set = Looks::default();
        }
        drawn
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        // Measured in a saved state, so the font the drawing has set stays set.
        self.context.save();
        self.context.set_font(&css_font(style));
        let measured = refused(self.context.measure_text(text), "text");
        self.context.restore();
        Ok((measured?.width().ceil() as u32, style.size().ceil() as u32))
    }
}
