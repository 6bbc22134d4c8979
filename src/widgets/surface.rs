//! The one drawing backend the page's charts are drawn on: the canvas, or (for Save SVG /
//! PNG) the model's SVG picture. A plan's `draw` and plotters' chart code under it are
//! generic over the backend, so drawing the same plans on two backend types compiled them
//! all twice; on this one type they are compiled once, and each drawing call picks its
//! target at run time.
//!
//! The embed page saves no pictures: there the surface is the canvas backend itself.

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

use crate::widgets::canvas_backend::CanvasBackend;

/// What the page draws a chart on.
#[cfg(feature = "embed-page")]
pub type Surface<'a> = CanvasBackend;

/// A chart's drawing area on the page's [`Surface`].
pub type SurfaceArea<'a> = DrawingArea<Surface<'a>, Shift>;

/// The surface of a canvas.
#[cfg(feature = "embed-page")]
pub fn canvas(backend: CanvasBackend) -> Surface<'static> {
    backend
}

/// The surface of a canvas.
#[cfg(not(feature = "embed-page"))]
pub fn canvas(backend: CanvasBackend) -> Surface<'static> {
    Surface::Canvas(backend)
}

#[cfg(not(feature = "embed-page"))]
pub use picture::Surface;

#[cfg(not(feature = "embed-page"))]
mod picture {
    use atlas_model::chart::svg::{Never, SvgPicture};
    use plotters_backend::{
        BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend,
        DrawingErrorKind,
    };

    use crate::widgets::canvas_backend::{CanvasBackend, CanvasError};

    /// What the page draws a chart on: a canvas, or an SVG picture being written.
    pub enum Surface<'a> {
        /// A chart's canvas (or its highlight overlay).
        Canvas(CanvasBackend),
        /// A saved picture.
        Picture(SvgPicture<'a>),
    }

    type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

    /// A picture's error as the surface's (writing a picture cannot fail but for fonts).
    fn from_picture<T>(
        drawn: Result<T, DrawingErrorKind<Never>>,
    ) -> Result<T, DrawingErrorKind<CanvasError>> {
        drawn.map_err(|error| match error {
            DrawingErrorKind::DrawingError(never) => match never {},
            DrawingErrorKind::FontError(font) => DrawingErrorKind::FontError(font),
        })
    }

    /// Runs one drawing call on whichever backend the surface is.
    macro_rules! either {
        ($surface:expr, $backend:ident => $call:expr) => {
            match $surface {
                Surface::Canvas($backend) => $call,
                Surface::Picture($backend) => from_picture($call),
            }
        };
    }

    impl DrawingBackend for Surface<'_> {
        type ErrorType = CanvasError;

        fn get_size(&self) -> (u32, u32) {
            match self {
                Surface::Canvas(canvas) => canvas.get_size(),
                Surface::Picture(picture) => picture.get_size(),
            }
        }

        fn ensure_prepared(&mut self) -> Drawn {
            either!(self, b => b.ensure_prepared())
        }

        fn present(&mut self) -> Drawn {
            either!(self, b => b.present())
        }

        fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Drawn {
            either!(self, b => b.draw_pixel(at, color))
        }

        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Drawn {
            either!(self, b => b.draw_line(from, to, style))
        }

        fn draw_rect<S: BackendStyle>(
            &mut self,
            upper_left: BackendCoord,
            bottom_right: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Drawn {
            either!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
        }

        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            style: &S,
        ) -> Drawn {
            either!(self, b => b.draw_path(path, style))
        }

        fn draw_circle<S: BackendStyle>(
            &mut self,
            center: BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Drawn {
            either!(self, b => b.draw_circle(center, radius, style, fill))
        }

        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            vert: I,
            style: &S,
        ) -> Drawn {
            either!(self, b => b.fill_polygon(vert, style))
        }

        fn draw_text<S: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &S,
            at: BackendCoord,
        ) -> Drawn {
            either!(self, b => b.draw_text(text, style, at))
        }

        fn estimate_text_size<S: BackendTextStyle>(
            &self,
            text: &str,
            style: &S,
        ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
            either!(self, b => b.estimate_text_size(text, style))
        }
    }
}
