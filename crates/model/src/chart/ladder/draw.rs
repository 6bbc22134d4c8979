//! Drawing the ladder chart: a vCPU panel and a memory panel on any plotters backend, and
//! the emphasised family on the overlay.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{family_colour, size_name, value, LadderPlot, PANELS};
use crate::chart::axis::{metric_layout, AxisLayout};
use crate::chart::hitmap::{HitMap, HitPoint};
use crate::chart::zoom::PlotFrame;
use crate::chart::{ChartError, Paint, Plan};
use crate::settings::Scale;

/// Side by side when at least this wide (CSS pixels), stacked otherwise.
const SIDE_BY_SIDE_MIN_WIDTH: f64 = 640.0;

/// Paints the plan: a vCPU panel and a memory panel, each a log2 axis against the size
/// step, one colour per family, hollow rings on the sizes that break the doubling. The hit
/// map holds every point twice, vCPU panel first; `line` is the index in [`LadderPlot::lines`].
impl Plan for LadderPlot {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        paint: &Paint,
    ) -> Result<HitMap, ChartError> {
        let plot = self;
        let theme = &paint.theme;
        area.fill(&theme.background)?;
        let (width, height) = area.dim_in_pixel();
        let css = |px: u32| f64::from(px) / paint.pixel_ratio;
        let side_by_side = css(width) >= SIDE_BY_SIDE_MIN_WIDTH;
        let panels = area.split_evenly(if side_by_side { (1, 2) } else { (2, 1) });
        let (panel_width, panel_height) = if side_by_side {
            (css(width) / 2.0, css(height))
        } else {
            (css(width), css(height) / 2.0)
        };

        let sizes = plot.size_range();
        let steps = || {
            plot.lines
                .iter()
                .flat_map(|l| l.points.iter().map(|p| p.step))
                .filter(|step| sizes.contains(*step))
        };
        let low = sizes
            .min
            .unwrap_or_else(|| steps().fold(f64::INFINITY, f64::min));
        let high = sizes
            .max
            .unwrap_or_else(|| steps().fold(f64::NEG_INFINITY, f64::max));
        let (low, high) = if low <= high {
            (low, high)
        } else {
            (-1.0, 1.0)
        };
        let (x_axis, every) = step_axis(low, high, panel_width - 80.0);
        let y_ticks = ((panel_height - 90.0) / 30.0).clamp(3.0, 10.0) as usize;

        // plotters draws text at 1/1.24 of the requested size: 15 gives 12 CSS pixels.
        let font = (FontFamily::SansSerif, f64::from(paint.px(15.0)))
            .into_font()
            .color(&theme.text);
        let title = (FontFamily::SansSerif, f64::from(paint.px(17.0)))
            .into_font()
            .color(&theme.text);
        let mut hits = HitMap {
            points: Vec::with_capacity(plot.point_count() * 2),
            frames: Vec::with_capacity(PANELS.len()),
        };
        for (panel, metric) in panels.iter().zip(PANELS) {
            let values = plot
                .lines
                .iter()
                .flat_map(|l| l.points.iter())
                .filter(|p| sizes.contains(p.step))
                .map(|p| value(metric, p));
            let range = plot.panel_range(metric);
            let y_axis = metric_layout(metric, Scale::Log, values, y_ticks, range);
            let title_text = format!("{} · log2", metric.title_in(y_axis.unit));
            // The caption is drawn as plain centred text: plotters' own caption measures text
            // through a styled element, which a strict Content-Security-Policy refuses.
            let (head, body) = panel.split_vertically(paint.px(24.0));
            let (head_width, _) = head.dim_in_pixel();
            let centred = title.pos(Pos::new(HPos::Center, VPos::Top));
            head.draw(&Text::new(
                title_text,
                (head_width as i32 / 2, paint.px(4.0) as i32),
                centred,
            ))?;
            let mut chart = ChartBuilder::on(&body)
                .margin(paint.px(8.0))
                .x_label_area_size(paint.px(40.0))
                .y_label_area_size(paint.px(58.0))
                .build_cartesian_2d(x_axis.clone(), y_axis.clone())?;
            let x_label = |v: &f64| {
                let step = v.round() as i32;
                // Every step has a grid line; names are thinned where they would collide.
                if step.rem_euclid(every) == 0 {
                    size_name(step)
                } else {
                    String::new()
                }
            };
            let y_label = |v: &f64| y_axis.label(*v);
            chart
                .configure_mesh()
                .x_desc("size (each step doubles)")
                .x_label_formatter(&x_label)
                .y_label_formatter(&y_label)
                .label_style(font.clone())
                .axis_desc_style(font.clone())
                .axis_style(theme.axis.stroke_width(paint.px(1.0)))
                .bold_line_style(theme.grid.stroke_width(paint.px(1.0)))
                .light_line_style(TRANSPARENT)
                .set_all_tick_mark_size(paint.px(4.0))
                .draw()?;

            let pixels = chart.plotting_area().get_pixel_range();
            hits.frames.push(PlotFrame::of(pixels, &x_axis, &y_axis));

            let dot = paint.px(3.5) as i32;
            for (index, line) in plot.lines.iter().enumerate() {
                let color = family_colour(theme, index);
                let shown: Vec<_> = line
                    .points
                    .iter()
                    .filter(|p| plot.shows(metric, p))
                    .collect();
                let coords: Vec<(f64, f64)> = shown
                    .iter()
                    .map(|p| (plot.x_of(index, p), value(metric, p).log2()))
                    .collect();
                if coords.len() > 1 {
                    chart.draw_series(std::iter::once(PathElement::new(
                        coords.clone(),
                        color.stroke_width(paint.px(1.8)),
                    )))?;
                }
                for (point, &c) in shown.into_iter().zip(&coords) {
                    let pixel = chart.backend_coord(&c);
                    if line.breaks_in(metric, point.instance) {
                        // A hollow ring: the background inside, the family colour around it.
                        chart.draw_series([
                            Circle::new(c, dot + 1, theme.background.filled()),
                            Circle::new(c, dot + 1, color.stroke_width(paint.px(2.0))),
                        ])?;
                    } else {
                        chart.draw_series(std::iter::once(Circle::new(c, dot, color.filled())))?;
                    }
                    hits.points.push(HitPoint {
                        x: pixel.0,
                        y: pixel.1,
                        item: point.instance,
                        line: index,
                    });
                }
            }
        }
        area.present()?;
        Ok(hits)
    }

    /// Paints one family of an already drawn plan, emphasised, on a transparent overlay of the
    /// same size; `hits` is what [`Plan::draw`] returned (one run of points per panel).
    fn draw_highlight<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError> {
        let plot = self;
        let Some(family) = plot.lines.get(line) else {
            return Ok(());
        };
        let color = family_colour(&paint.theme, line);
        let dot = paint.px(5.0) as i32;
        for (panel, metric) in PANELS.into_iter().enumerate() {
            // A point belongs to the panel whose frame it was drawn in.
            let run: Vec<&HitPoint> = hits
                .line(line)
                .filter(|p| {
                    hits.frame_at(f64::from(p.x), f64::from(p.y))
                        .is_some_and(|(i, _)| i == panel)
                })
                .collect();
            let pixels: Vec<(i32, i32)> = run.iter().map(|p| (p.x, p.y)).collect();
            let halo = paint.theme.background.mix(0.85).stroke_width(paint.px(7.0));
            area.draw(&PathElement::new(pixels.clone(), halo))?;
            area.draw(&PathElement::new(
                pixels.clone(),
                color.stroke_width(paint.px(3.4)),
            ))?;
            for point in &run {
                let fill = if family.breaks_in(metric, point.item) {
                    paint.theme.background
                } else {
                    color
                };
                area.draw(&Circle::new((point.x, point.y), dot, fill.filled()))?;
                area.draw(&Circle::new(
                    (point.x, point.y),
                    dot,
                    color.stroke_width(paint.px(2.0)),
                ))?;
            }
        }
        Ok(area.present()?)
    }
}

/// The step axis: half a step of room either side and a tick (grid line) per doubling;
/// also how often a tick is named (every step, or every 2nd, 3rd ... counted from xlarge)
/// so that size names (about 60 CSS pixels each) do not collide in `plot_width` CSS pixels.
fn step_axis(low: f64, high: f64, plot_width: f64) -> (AxisLayout, i32) {
    let (start, end) = (low.floor() - 0.5, high.ceil() + 0.5);
    let per_step = plot_width.max(60.0) / (end - start);
    let every = (60.0 / per_step).ceil().clamp(1.0, 8.0) as i32;
    let ticks = (start.ceil() as i32..=end.floor() as i32)
        .map(f64::from)
        .collect();
    let labels = Vec::new();
    let unit = "";
    (
        AxisLayout {
            start,
            end,
            ticks,
            labels,
            unit,
        },
        every,
    )
}
