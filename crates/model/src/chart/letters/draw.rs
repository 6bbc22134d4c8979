//! Laying out and painting a [`LettersPlot`]: pair labels, the ratio band with its 1× rule,
//! a dot per size (with a line over the row's range), a bar per median, and the medians
//! written on the right.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{format_ratio, format_tick, side_colour, LettersPlot, RatioAxis, NARROW_PX};
use crate::chart::hitmap::{HitMap, HitPoint};
use crate::chart::zoom::PlotFrame;
use crate::chart::{ChartError, Paint, Plan};

/// The layout of a drawing: label column, ratio band, median column, row bands.
pub(super) struct Frame {
    font: f64,
    narrow: bool,
    left: i32,
    right: i32,
    top: i32,
    row_height: f64,
    axis: RatioAxis,
}

impl Frame {
    pub(super) fn new(plot: &LettersPlot, (width, height): (u32, u32), paint: &Paint) -> Self {
        let ratio = paint.pixel_ratio.max(0.1);
        let (width, height) = (f64::from(width), f64::from(height));
        let narrow = width / ratio < NARROW_PX;
        let font = f64::from(paint.px(if narrow { 12.0 } else { 13.0 }));
        let chars = plot
            .rows
            .iter()
            .map(|r| r.label().chars().count())
            .max()
            .unwrap_or(0);
        let label_width = (chars as f64 * 0.58 * font + 8.0 * ratio).min(width * 0.4);
        let median_width = 5.0 * 0.62 * font + 12.0 * ratio;
        let left = (label_width + 6.0 * ratio).round();
        let right = (width - median_width).round().max(left + 1.0);
        let top = (font + 12.0 * ratio).round();
        let bottom = font + 12.0 * ratio;
        let rows = plot.rows.len().max(1) as f64;
        Frame {
            font,
            narrow,
            left: left as i32,
            right: right as i32,
            top: top as i32,
            row_height: ((height - top - bottom) / rows).max(1.0),
            axis: plot.axis(),
        }
    }

    /// The pixel column of a ratio given in log2 units.
    pub(super) fn x(&self, log2: f64) -> i32 {
        let (low, high) = (self.axis.low, self.axis.high);
        // `max` then `min`, not `clamp`: its panic message would print floats.
        let fraction = (log2.max(low).min(high) - low) / (high - low);
        self.left + (fraction * f64::from(self.right - self.left)).round() as i32
    }

    /// The pixel row of a row's centre.
    pub(super) fn centre(&self, row: usize) -> i32 {
        (f64::from(self.top) + (row as f64 + 0.5) * self.row_height).round() as i32
    }

    fn bottom(&self, rows: usize) -> i32 {
        (f64::from(self.top) + rows.max(1) as f64 * self.row_height).round() as i32
    }
}

/// Paints the plot on a drawing area and returns where every dot landed.
impl Plan for LettersPlot {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        paint: &Paint,
    ) -> Result<HitMap, ChartError> {
        let plot = self;
        let theme = &paint.theme;
        area.fill(&theme.background)?;
        let mut hits = HitMap::default();
        if plot.rows.is_empty() {
            area.present()?;
            return Ok(hits);
        }
        let frame = Frame::new(plot, area.dim_in_pixel(), paint);
        let bottom = frame.bottom(plot.rows.len());
        hits.frames.push(PlotFrame {
            left: f64::from(frame.left),
            right: f64::from(frame.right),
            top: f64::from(frame.top),
            bottom: f64::from(bottom),
            x: (frame.axis.low, frame.axis.high),
            y: (0.0, 1.0),
        });
        let shown = |ratio: f64| frame.axis.shows(ratio.log2());
        let font = (FontFamily::SansSerif, frame.font)
            .into_font()
            .color(&theme.text);
        let muted = (FontFamily::SansSerif, frame.font)
            .into_font()
            .color(&theme.axis);
        let gap = paint.px(6.0) as i32;

        // Grid and tick labels; labels thin out to whole powers of two when they would touch.
        let tick_style = font.pos(Pos::new(HPos::Center, VPos::Top));
        let spacing = frame
            .axis
            .ticks
            .windows(2)
            .map(|w| frame.x(w[1]) - frame.x(w[0]))
            .min()
            .unwrap_or(i32::MAX);
        let room = 5.0 * 0.6 * frame.font + f64::from(gap);
        let every = f64::from(spacing) >= room;
        // Zoomed ticks are not powers of two: thin them to every 2nd, 3rd ... instead.
        let stride = (room / f64::from(spacing.max(1))).ceil().max(1.0) as usize;
        let grid = theme.grid.stroke_width(paint.px(1.0));
        for (index, &tick) in frame.axis.ticks.iter().enumerate() {
            let x = frame.x(tick);
            if tick != 0.0 {
                area.draw(&PathElement::new([(x, frame.top), (x, bottom)], grid))?;
            }
            let named = if frame.axis.zoomed {
                index % stride == 0
            } else {
                every || tick.fract() == 0.0
            };
            if named {
                area.draw(&Text::new(
                    format_tick(tick),
                    (x, bottom + paint.px(4.0) as i32),
                    &tick_style,
                ))?;
            }
        }

        // The 1× rule and the words on either side of it (a zoom may leave one side out).
        let one = frame.x(0.0);
        if frame.axis.shows(0.0) {
            area.draw(&PathElement::new(
                [(one, frame.top - paint.px(4.0) as i32), (one, bottom)],
                theme.axis.stroke_width(paint.px(1.5)),
            ))?;
        }
        let header_y = frame.top / 2;
        // The longest words that fit beside the rule (a zoom can push it to an edge).
        let words = |long: &'static str, short: &'static str, room: i32| {
            let width = |text: &str| (text.chars().count() as f64 * 0.6 * frame.font) as i32;
            [long, short]
                .into_iter()
                .skip(usize::from(frame.narrow))
                .find(|text| width(text) <= room)
        };
        let cheaper = words("← cheaper with the letter", "← cheaper", one - gap);
        if let (Some(cheaper), true) = (cheaper, frame.axis.low < 0.0) {
            area.draw(&Text::new(
                cheaper,
                (one - gap, header_y),
                muted.pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        let dearer = words(
            "dearer with the letter →",
            "dearer →",
            frame.right - one - gap,
        );
        if let (Some(dearer), true) = (dearer, frame.axis.high > 0.0) {
            area.draw(&Text::new(
                dearer,
                (one + gap, header_y),
                muted.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        let median_x = frame.right + gap;
        area.draw(&Text::new(
            "median",
            (median_x, header_y),
            muted.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;

        // Rows: label, the range of the row's dots, the dots, the median bar and value.
        let label_style = font.pos(Pos::new(HPos::Right, VPos::Center));
        let value_style = font.pos(Pos::new(HPos::Left, VPos::Center));
        let radius = (frame.row_height * 0.22)
            .max(2.0)
            .min(4.5 * paint.pixel_ratio) as i32;
        let half_bar = (frame.row_height * 0.36).min(10.0 * paint.pixel_ratio) as i32;
        for (index, row) in plot.rows.iter().enumerate() {
            let y = frame.centre(index);
            area.draw(&Text::new(row.label(), (frame.left - gap, y), &label_style))?;
            let xs = plot
                .dots
                .iter()
                .filter(|d| d.row == index && shown(d.ratio));
            let (lo, hi) = xs.fold((i32::MAX, i32::MIN), |(lo, hi), d| {
                let x = frame.x(d.ratio.log2());
                (lo.min(x), hi.max(x))
            });
            let colour = side_colour(row.median, theme);
            if lo < hi {
                area.draw(&PathElement::new(
                    [(lo, y), (hi, y)],
                    colour.mix(0.45).stroke_width(paint.px(2.0)),
                ))?;
            }
            area.draw(&Text::new(
                format_ratio(row.median),
                (median_x, y),
                &value_style,
            ))?;
        }
        for (index, dot) in plot.dots.iter().enumerate() {
            if !shown(dot.ratio) {
                continue;
            }
            let (x, y) = (frame.x(dot.ratio.log2()), frame.centre(dot.row));
            let colour = side_colour(dot.ratio, theme);
            area.draw(&Circle::new((x, y), radius, colour.filled()))?;
            area.draw(&Circle::new(
                (x, y),
                radius,
                theme.background.stroke_width(paint.px(1.0)),
            ))?;
            hits.points.push(HitPoint {
                x,
                y,
                item: index,
                line: dot.row,
            });
        }
        // Median bars last, on a halo of background, so dots never hide them.
        for (index, row) in plot.rows.iter().enumerate() {
            if !shown(row.median) {
                continue;
            }
            let (x, y) = (frame.x(row.median.log2()), frame.centre(index));
            let bar = [(x, y - half_bar), (x, y + half_bar)];
            area.draw(&PathElement::new(
                bar,
                theme.background.stroke_width(paint.px(5.0)),
            ))?;
            area.draw(&PathElement::new(
                bar,
                theme.text.stroke_width(paint.px(3.0)),
            ))?;
        }
        area.present()?;
        Ok(hits)
    }

    /// Outlines row `line` on a transparent overlay of the same size as the drawing.
    fn draw_highlight<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        _hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError> {
        let plot = self;
        if line >= plot.rows.len() {
            return Ok(());
        }
        let (width, _) = area.dim_in_pixel();
        let frame = Frame::new(plot, area.dim_in_pixel(), paint);
        let y = frame.centre(line);
        let half = (frame.row_height / 2.0).round() as i32 - 1;
        let inset = paint.px(2.0) as i32;
        area.draw(&Rectangle::new(
            [(inset, y - half), (width as i32 - inset, y + half)],
            paint.theme.text.mix(0.6).stroke_width(paint.px(1.0)),
        ))?;
        Ok(area.present()?)
    }
}
