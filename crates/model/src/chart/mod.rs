//! Chart geometry and drawing, generic over plotters backends.
//!
//! Each chart is a plan built from (catalog, state) and a `draw` function that paints the
//! plan on any plotters backend and returns a [`hitmap::HitMap`]: the browser paints on a
//! canvas, the host tests on the SVG backend.

pub mod axis;
pub mod bars;
pub mod colour;
pub mod families;
pub mod focus;
pub mod hitmap;
pub mod image;
pub mod ladder;
pub mod letters;
pub mod prerender;
pub mod svg;
pub mod theme;
pub mod words;
pub mod zoom;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::{DrawingArea, DrawingBackend};
use thiserror::Error;

/// A chart plan: something that paints itself on any plotters backend.
///
/// The browser's one canvas component is generic over this trait, so every chart gets the
/// same pixel-ratio handling, hit testing, tooltip and highlight overlay.
pub trait Plan {
    /// Paints the chart and returns where every point landed.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        paint: &Paint,
    ) -> Result<hitmap::HitMap, ChartError>;

    /// Paints line `line` emphasised on a transparent overlay, using the hit map [`Plan::draw`]
    /// returned. Charts without lines keep the default, which draws nothing.
    fn draw_highlight<DB: DrawingBackend>(
        &self,
        _area: &DrawingArea<DB, Shift>,
        _hits: &hitmap::HitMap,
        _line: usize,
        _paint: &Paint,
    ) -> Result<(), ChartError> {
        Ok(())
    }
}

/// A chart could not be drawn.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ChartError {
    /// The drawing backend failed (for example the canvas context was lost).
    #[error("the chart could not be drawn: {0}")]
    Backend(String),
}

/// Any plotters drawing failure is a [`ChartError::Backend`], so drawing code uses `?`.
impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Backend(error.to_string())
    }
}

/// How a chart is painted: colours and the device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    /// The colours.
    pub theme: theme::Theme,
    /// Device pixels per CSS pixel; sizes of text, lines and dots are multiplied by it.
    pub pixel_ratio: f64,
}

impl Paint {
    /// A length in CSS pixels as device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.pixel_ratio).round().max(1.0) as u32
    }
}
