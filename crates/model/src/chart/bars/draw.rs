//! Laying out and painting a [`BarsPlot`]: label column, bars, totals, count ticks.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{BarsPlot, HIT_SPACING_PX, MAX_BAR_PX, NARROW_PX};
use crate::chart::axis::{layout, AxisLayout};
use crate::chart::hitmap::{HitMap, HitPoint};
use crate::chart::{ChartError, Paint, Plan};
use crate::decimal::shortest;
use crate::settings::Scale;

/// A segment's rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentBox {
    /// Left edge.
    pub left: i32,
    /// Right edge.
    pub right: i32,
    /// Top edge.
    pub top: i32,
    /// Bottom edge.
    pub bottom: i32,
}

/// Where each segment lands on a drawing of `size` device pixels, in segment order.
pub(super) fn segment_boxes(plot: &BarsPlot, size: (u32, u32), paint: &Paint) -> Vec<SegmentBox> {
    let frame = Frame::new(plot, size, paint);
    let mut boxes = Vec::with_capacity(plot.segments.len());
    let mut row_start = (usize::MAX, 0usize);
    for s in &plot.segments {
        if row_start.0 != s.row {
            row_start = (s.row, 0);
        }
        let (top, bottom) = frame.band(s.row);
        boxes.push(SegmentBox {
            left: frame.x(row_start.1 as f64),
            right: frame.x((row_start.1 + s.count) as f64),
            top,
            bottom,
        });
        row_start.1 += s.count;
    }
    boxes
}

/// The layout of a drawing: label column, bar area, row bands, count axis.
struct Frame {
    font: f64,
    short: bool,
    left: i32,
    right: i32,
    top: i32,
    row_height: f64,
    bar: f64,
    axis: AxisLayout,
}

impl Frame {
    fn new(plot: &BarsPlot, (width, height): (u32, u32), paint: &Paint) -> Self {
        let ratio = paint.pixel_ratio.max(0.1);
        let (width, height) = (f64::from(width), f64::from(height));
        let short = width / ratio < NARROW_PX;
        let font = f64::from(paint.px(13.0));
        let chars = plot
            .rows
            .iter()
            .map(|r| if short { &r.short } else { &r.label }.chars().count())
            .max()
            .unwrap_or(0);
        let label_width = (chars as f64 * 0.56 * font + 8.0 * ratio).min(width * 0.45);
        let max = (0..plot.rows.len())
            .map(|r| plot.row_total(r))
            .max()
            .unwrap_or(0);
        let value_width = (max.max(1).to_string().len() as f64 * 0.62 * font) + 10.0 * ratio;
        let left = (label_width + 6.0 * ratio).round();
        let right = (width - value_width - 6.0 * ratio).max(left + 1.0);
        let ticks = ((right - left) / ratio / 50.0).clamp(2.0, 8.0) as usize;
        // The longest bar reaches the right edge; ticks beyond it are dropped.
        let mut axis = layout(Scale::Linear, [0.0, max as f64].into_iter(), ticks);
        if max > 0 {
            axis.end = max as f64;
            axis.ticks.retain(|t| *t <= axis.end);
        }
        let top = 6.0 * ratio;
        let bottom = font + 12.0 * ratio;
        let rows = plot.rows.len().max(1) as f64;
        let row_height = ((height - top - bottom) / rows).max(1.0);
        let bar = (row_height * 0.68).min(MAX_BAR_PX * ratio).max(1.0);
        Frame {
            font,
            short,
            left: left as i32,
            right: right as i32,
            top: top as i32,
            row_height,
            bar,
            axis,
        }
    }

    /// The pixel column of a count.
    fn x(&self, count: f64) -> i32 {
        let span = (self.axis.end - self.axis.start).max(f64::MIN_POSITIVE);
        let fraction = (count - self.axis.start) / span;
        self.left + (fraction * f64::from(self.right - self.left)).round() as i32
    }

    /// The pixel row of a row's centre.
    fn centre(&self, row: usize) -> i32 {
        (f64::from(self.top) + (row as f64 + 0.5) * self.row_height).round() as i32
    }

    /// A row's bar, top and bottom.
    fn band(&self, row: usize) -> (i32, i32) {
        let centre = f64::from(self.centre(row));
        let half = self.bar / 2.0;
        (
            (centre - half).round() as i32,
            (centre + half).round() as i32,
        )
    }

    fn bottom(&self, rows: usize) -> i32 {
        (f64::from(self.top) + rows as f64 * self.row_height).round() as i32
    }
}

/// Paints the bars on a drawing area and returns where every segment landed.
impl Plan for BarsPlot {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        paint: &Paint,
    ) -> Result<HitMap, ChartError> {
        let plot = self;
        let theme = &paint.theme;
        area.fill(&theme.background)?;
        let mut hits = HitMap::default();
        if plot.rows.is_empty() || plot.total() == 0 {
            area.present()?;
            return Ok(hits);
        }
        let size = area.dim_in_pixel();
        let frame = Frame::new(plot, size, paint);
        let font = (FontFamily::SansSerif, frame.font)
            .into_font()
            .color(&theme.text);
        let bottom = frame.bottom(plot.rows.len());

        // Count grid and ticks.
        let grid = theme.grid.stroke_width(paint.px(1.0));
        let tick_style = font.pos(Pos::new(HPos::Center, VPos::Top));
        for &tick in &frame.axis.ticks {
            let x = frame.x(tick);
            area.draw(&PathElement::new([(x, frame.top), (x, bottom)], grid))?;
            let text = shortest(tick);
            area.draw(&Text::new(
                text,
                (x, bottom + paint.px(4.0) as i32),
                &tick_style,
            ))?;
        }

        // Labels, bars and totals.
        let label_style = font.pos(Pos::new(HPos::Right, VPos::Center));
        let value_style = font.pos(Pos::new(HPos::Left, VPos::Center));
        let gap = paint.px(6.0) as i32;
        for (row, bar) in plot.rows.iter().enumerate() {
            let y = frame.centre(row);
            let label = if frame.short { &bar.short } else { &bar.label };
            area.draw(&Text::new(
                label.clone(),
                (frame.left - gap, y),
                &label_style,
            ))?;
            let total = plot.row_total(row);
            area.draw(&Text::new(
                total.to_string(),
                (frame.x(total as f64) + gap, y),
                &value_style,
            ))?;
        }
        let spacing = HIT_SPACING_PX * paint.pixel_ratio;
        let boxes = plot.segment_boxes(size, paint);
        for (index, (segment, b)) in plot.segments.iter().zip(&boxes).enumerate() {
            let colour = segment.colour.rgb(theme);
            area.draw(&Rectangle::new(
                [(b.left, b.top), (b.right, b.bottom)],
                colour.filled(),
            ))?;
            // A hairline of background separates neighbouring segments.
            if b.left > frame.left {
                area.draw(&PathElement::new(
                    [(b.left, b.top), (b.left, b.bottom)],
                    theme.background.stroke_width(paint.px(1.0)),
                ))?;
            }
            let y = (b.top + b.bottom) / 2;
            let width = f64::from(b.right - b.left);
            // An odd number of evenly spread points, so the middle one is the centre.
            let n = ((width / spacing).ceil() as usize).max(1) | 1;
            hits.points.extend((0..n).map(|k| HitPoint {
                x: b.left + ((k as f64 + 0.5) * width / n as f64).round() as i32,
                y,
                item: index,
                line: segment.row,
            }));
        }
        // The count axis line.
        area.draw(&PathElement::new(
            [(frame.left, frame.top), (frame.left, bottom)],
            theme.axis.stroke_width(paint.px(1.0)),
        ))?;
        area.present()?;
        Ok(hits)
    }

    /// Outlines row `line`'s bar on a transparent overlay of the same size as the drawing.
    fn draw_highlight<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        _hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError> {
        let plot = self;
        let frame = Frame::new(plot, area.dim_in_pixel(), paint);
        let total = plot.row_total(line);
        if line >= plot.rows.len() || total == 0 {
            return Ok(());
        }
        let (top, bottom) = frame.band(line);
        let grow = paint.px(2.0) as i32;
        let outline = paint.theme.text.stroke_width(paint.px(1.5));
        area.draw(&Rectangle::new(
            [
                (frame.left - grow, top - grow),
                (frame.x(total as f64) + grow, bottom + grow),
            ],
            outline,
        ))?;
        Ok(area.present()?)
    }
}
