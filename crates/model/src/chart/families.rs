//! The Families chart: one line per family through its sizes, a dot per instance type.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{metric_layout, AxisLayout};

use super::colour::{gradient, LineColour};
use super::hitmap::{HitMap, HitPoint};
use super::zoom::PlotFrame;
use super::{ChartError, Paint, Plan};
use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::Category;
use crate::prices::Pricing;
use crate::settings::ColourBy;
use crate::settings::FamiliesSpec;
use crate::settings::{Metric, Scale};
use crate::shown::Shown;

/// One point of a family line, in the chart's internal coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotPoint {
    /// Horizontal internal coordinate.
    pub x: f64,
    /// Vertical internal coordinate.
    pub y: f64,
    /// Index into the catalog's instance types.
    pub instance: usize,
    /// Where the dot's price sits between the plan's cheapest and dearest (0 to 1, log
    /// scale), when colouring by a price it has.
    pub shade: Option<f64>,
}

/// One family's line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotLine {
    /// The family name.
    pub family: String,
    /// Its category.
    pub category: Category,
    /// The line's colour.
    pub colour: LineColour,
    /// Its points in size order.
    pub points: Vec<PlotPoint>,
}

/// Everything the Families chart draws, derived from the catalog, filter and spec.
#[derive(Debug, Clone, PartialEq)]
pub struct FamiliesPlot {
    /// The axes' metrics and scales.
    pub spec: FamiliesSpec,
    /// The family lines with at least one point.
    pub lines: Vec<PlotLine>,
    /// The cheapest and dearest price the colours span, when colouring by a price.
    pub price_span: Option<(f64, f64)>,
}

impl FamiliesPlot {
    /// Plans the chart: the `shown` types of `families`, and only values the scales
    /// accept (price metrics need `pricing`).
    pub fn build(
        catalog: &Catalog,
        families: &[Family],
        shown: &Shown,
        spec: FamiliesSpec,
        pricing: Option<&Pricing>,
    ) -> Self {
        let x_range = spec.x_range.usable(spec.x_scale);
        let y_range = spec.y_range.usable(spec.y_scale);
        let lines = shown
            .families
            .iter()
            .filter_map(|shown| {
                let family = families.get(shown.family)?;
                let points: Vec<PlotPoint> = shown
                    .types
                    .iter()
                    .filter_map(|&instance| {
                        let record = catalog.types.get(instance)?;
                        let x = spec
                            .x
                            .value(record, pricing)
                            .filter(|v| spec.x_scale.accepts(*v) && x_range.contains(*v))?;
                        let y = spec
                            .y
                            .value(record, pricing)
                            .filter(|v| spec.y_scale.accepts(*v) && y_range.contains(*v))?;
                        let shade = match spec.colour {
                            // The raw price for now; `shade_prices` puts it on the 0..1 ramp.
                            ColourBy::Price(metric) => {
                                pricing.and_then(|p| p.value(metric, record))
                            }
                            _ => None,
                        };
                        Some(PlotPoint {
                            x: spec.x_scale.to_coord(x),
                            y: spec.y_scale.to_coord(y),
                            instance,
                            shade,
                        })
                    })
                    .collect();
                let colour = match spec.colour {
                    ColourBy::Category => LineColour::Category(family.category),
                    ColourBy::Vendor => family
                        .members
                        .first()
                        .and_then(|&i| catalog.types.get(i))
                        .map_or(LineColour::Neutral, |t| LineColour::Vendor(t.vendor)),
                    ColourBy::Generation => LineColour::Generation(family.generation),
                    ColourBy::Price(_) => LineColour::Neutral,
                };
                (!points.is_empty()).then(|| PlotLine {
                    family: family.name.clone(),
                    category: family.category,
                    colour,
                    points,
                })
            })
            .collect();
        let mut plot = FamiliesPlot {
            spec,
            lines,
            price_span: None,
        };
        plot.shade_prices();
        plot
    }

    /// The cheapest and dearest raw price in `shade`, before [`Self::shade_prices`].
    fn raw_price_range(&self) -> Option<(f64, f64)> {
        let prices = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter())
            .filter_map(|p| p.shade);
        let (low, high) = prices.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
        (low <= high && low > 0.0).then_some((low, high))
    }

    /// Turns the raw prices in `shade` into positions on a log ramp, 0 (cheapest) to 1.
    fn shade_prices(&mut self) {
        let Some((low, high)) = self.raw_price_range() else {
            return;
        };
        let span = (high / low).log2();
        for point in self.lines.iter_mut().flat_map(|l| l.points.iter_mut()) {
            point.shade = point.shade.map(|v| {
                if span > 0.0 {
                    (v / low).log2() / span
                } else {
                    0.5
                }
            });
        }
        self.price_span = Some((low, high));
    }

    /// Number of family lines drawn.
    pub fn series_count(&self) -> usize {
        self.lines.len()
    }

    /// Number of instance types drawn.
    pub fn point_count(&self) -> usize {
        self.lines.iter().map(|l| l.points.len()).sum()
    }

    /// The two axes for a drawing `width_px` device pixels wide: round ticks in one unit
    /// each, thinned to fit the width.
    pub fn axes(&self, width_px: f64, pixel_ratio: f64) -> (AxisLayout, AxisLayout) {
        let css_width = width_px / pixel_ratio;
        let points = || self.lines.iter().flat_map(|l| l.points.iter());
        let x_scale = self.spec.x_scale;
        let y_scale = self.spec.y_scale;
        let spec = self.spec;
        let xs = || points().map(|p| x_scale.from_coord(p.x));
        let ys = points().map(|p| y_scale.from_coord(p.y));
        let y = metric_layout(spec.y, y_scale, ys, 11, spec.y_range);
        // As many x ticks as fit without neighbouring labels touching.
        let plot_width = css_width - y_label_room(&y) - 40.0;
        let most = (plot_width / 40.0).clamp(2.0, 12.0) as usize;
        let mut x = metric_layout(spec.x, x_scale, xs(), most, spec.x_range);
        for max_ticks in (2..most).rev() {
            if labels_fit(&x, plot_width) {
                break;
            }
            x = metric_layout(spec.x, x_scale, xs(), max_ticks, spec.x_range);
        }
        (x, y)
    }
}

impl Plan for FamiliesPlot {
    /// Paints the plan on a drawing area and returns where every point landed.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        paint: &Paint,
    ) -> Result<HitMap, ChartError> {
        let plot = self;
        let theme = &paint.theme;
        area.fill(&theme.background)?;
        let (width, _) = area.dim_in_pixel();
        let (x_axis, y_axis) = plot.axes(f64::from(width), paint.pixel_ratio);
        let spec = plot.spec;

        // plotters draws text at 1/1.24 of the requested size: 15 gives 12 CSS pixels.
        let font = (FontFamily::SansSerif, f64::from(paint.px(15.0)))
            .into_font()
            .color(&theme.text);
        // Room for the labels: the last x label is centred on the right edge of the plot, so
        // the right margin holds half of it; the y labels sit left of the axis.
        let x_last = x_axis.labels.last().map_or(0, |l| l.chars().count());
        let right = (x_last as f64 * LABEL_CHAR_PX / 2.0 + 6.0).max(10.0);
        let y_room = y_label_room(&y_axis);
        let (x_title, y_title) = (
            axis_title(spec.x, spec.x_scale, x_axis.unit),
            axis_title(spec.y, spec.y_scale, y_axis.unit),
        );
        let mut chart = ChartBuilder::on(area)
            .margin(paint.px(10.0))
            .margin_right(paint.px(right))
            .x_label_area_size(paint.px(40.0))
            .y_label_area_size(paint.px(y_room))
            .build_cartesian_2d(x_axis.clone(), y_axis.clone())?;

        let x_label = |v: &f64| x_axis.label(*v);
        let y_label = |v: &f64| y_axis.label(*v);
        chart
            .configure_mesh()
            .x_desc(x_title)
            .y_desc(y_title)
            .x_label_formatter(&x_label)
            .y_label_formatter(&y_label)
            .label_style(font.clone())
            .axis_desc_style(font)
            .axis_style(theme.axis.stroke_width(paint.px(1.0)))
            .bold_line_style(theme.grid.stroke_width(paint.px(1.0)))
            .light_line_style(TRANSPARENT)
            .set_all_tick_mark_size(paint.px(4.0))
            .draw()?;

        let line_width = paint.px(1.6);
        let dot = paint.px(3.0) as i32;
        let pixels = chart.plotting_area().get_pixel_range();
        let mut hits = HitMap {
            points: Vec::with_capacity(plot.point_count()),
            frames: vec![PlotFrame::of(pixels, &x_axis, &y_axis)],
        };
        for (index, line) in plot.lines.iter().enumerate() {
            let color = line.colour.rgb(theme);
            let coords: Vec<(f64, f64)> = line.points.iter().map(|p| (p.x, p.y)).collect();
            if coords.len() > 1 {
                chart.draw_series(std::iter::once(PathElement::new(
                    coords.clone(),
                    color.stroke_width(line_width),
                )))?;
            }
            chart.draw_series(line.points.iter().map(|p| {
                let fill = p.shade.map_or(color, |t| gradient(theme, t));
                Circle::new((p.x, p.y), dot, fill.filled())
            }))?;
            hits.points.extend(line.points.iter().map(|p| {
                let (x, y) = chart.backend_coord(&(p.x, p.y));
                HitPoint {
                    x,
                    y,
                    item: p.instance,
                    line: index,
                }
            }));
        }
        area.present()?;
        Ok(hits)
    }

    /// Paints one line of an already drawn plan, emphasised, on a transparent overlay of the
    /// same size; `hits` is what [`Plan::draw`] returned, so no coordinates are computed twice.
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
        let color = family.colour.rgb(&paint.theme);
        let pixels: Vec<(i32, i32)> = hits.line(line).map(|p| (p.x, p.y)).collect();
        let halo = paint.theme.background.mix(0.85).stroke_width(paint.px(7.0));
        area.draw(&PathElement::new(pixels.clone(), halo))?;
        area.draw(&PathElement::new(
            pixels.clone(),
            color.stroke_width(paint.px(3.2)),
        ))?;
        let dot = paint.px(4.5) as i32;
        for pixel in pixels {
            area.draw(&Circle::new(pixel, dot, color.filled()))?;
            area.draw(&Circle::new(
                pixel,
                dot,
                paint.theme.background.stroke_width(paint.px(1.5)),
            ))?;
        }
        Ok(area.present()?)
    }
}

/// The width of one tick label character in CSS pixels (12 px digits), a little generous.
const LABEL_CHAR_PX: f64 = 7.2;

/// The CSS pixels the y tick labels, tick marks and title take left of the plot.
fn y_label_room(y: &AxisLayout) -> f64 {
    (y.widest_label() as f64 * LABEL_CHAR_PX + 30.0).max(44.0)
}

/// Whether the x labels, centred on their ticks across `plot_width` CSS pixels, keep at
/// least 8 pixels between neighbours.
fn labels_fit(x: &AxisLayout, plot_width: f64) -> bool {
    let span = (x.end - x.start).max(f64::MIN_POSITIVE);
    let at = |t: f64| (t - x.start) / span * plot_width;
    let width = |l: &String| l.chars().count() as f64 * LABEL_CHAR_PX;
    x.ticks
        .windows(2)
        .zip(x.labels.windows(2))
        .all(|(t, l)| at(t[1]) - at(t[0]) >= (width(&l[0]) + width(&l[1])) / 2.0 + 8.0)
}

fn axis_title(metric: Metric, scale: Scale, unit: &str) -> String {
    match scale {
        Scale::Log => format!("{} · log", metric.title_in(unit)),
        Scale::Linear => metric.title_in(unit),
    }
}
