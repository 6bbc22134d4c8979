//! The Families view's screen: the chart plan of the shown types, its counts, hints,
//! legend, the summary a screen reader hears, the table that stands in for the chart, and
//! the words around a saved picture.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::atlas::Atlas;
use crate::catalog::Catalog;
use crate::chart::bars::BarColour;
use crate::chart::bars::VENDORS;
use crate::chart::colour::LineColour;
use crate::chart::families::{FamiliesPlot, PlotLine, PlotPoint};
use crate::chart::image::{ImageCaption, KeyColour, LegendKey};
use crate::instance::Category;
use crate::settings::ColourBy;
use crate::settings::Metric;
use crate::settings::{AxisRange, FamiliesSpec};
use crate::state::State;
use crate::text::count;
use crate::text::format_usd;

/// One plotted instance type as a row of the chart's table alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct PlottedRow {
    /// The catalog index of the type.
    pub instance: usize,
    /// Its family.
    pub family: String,
    /// Its name.
    pub name: String,
    /// Its horizontal value as a label (`8 GiB`).
    pub x: String,
    /// Its vertical value as a label (`2`).
    pub y: String,
}

/// Everything the Families view draws for a state.
#[derive(Debug, Clone, PartialEq)]
pub struct FamiliesScreen {
    /// The chart plan.
    pub plot: Rc<FamiliesPlot>,
    /// The chart's accessible name.
    pub label: String,
    /// The chart in a sentence or two, for everyone (and the screen reader's description).
    pub summary: String,
    /// What the chart leaves out and why, when it does ("12 types not drawn ...").
    pub hint: Option<String>,
    /// The legend entries, as the chart is coloured.
    pub legend: Vec<LegendKey>,
    /// The chart's table alternative, built on first use ([`FamiliesScreen::rows`]): a
    /// redraw formats no label that nobody reads.
    table: PlottedRows,
    /// The table's column headings: family, type, then the x and y metrics.
    pub headings: [String; 4],
    /// The title and legend of a saved picture (the page adds the data's source).
    pub caption: ImageCaption,
    /// Whether a range is typed or zoomed on either axis.
    pub zoomed: bool,
}

/// The Families screen of `state`: every shared filter applies; prices are parsed only
/// when an axis or the colouring needs them.
pub fn families_screen(atlas: &Atlas, state: &State) -> FamiliesScreen {
    let spec = state.families;
    let wants_prices = matches!(spec.x, Metric::Price(_))
        || matches!(spec.y, Metric::Price(_))
        || matches!(spec.colour, ColourBy::Price(_));
    let pricing = wants_prices
        .then(|| atlas.pricing(&state.region, state.os, state.include_suspect))
        .flatten();
    let shown = atlas.shown(&state.filter, &state.region);
    let plot = FamiliesPlot::build(
        &atlas.catalog,
        &atlas.families,
        &shown,
        spec,
        pricing.as_ref(),
    );
    let label = format!(
        "Families chart: {} family lines through {} instance types, {} against {}",
        plot.series_count(),
        plot.point_count(),
        spec.y.label(),
        spec.x.label()
    );
    let not_drawn = shown.type_count().saturating_sub(plot.point_count());
    let hint = (not_drawn > 0).then(|| {
        let why = if spec.x_range.is_set() || spec.y_range.is_set() {
            "outside the range, or without a value on an axis"
        } else {
            "without a value on an axis (or 0 on a log scale)"
        };
        format!(
            "{} of the {} shown not drawn: {why}.",
            count(not_drawn, "type", "types"),
            shown.type_count()
        )
    });
    let legend = legend(state, plot.price_span);
    let caption = ImageCaption {
        title: format!(
            "Instance Atlas: {} against {}",
            spec.y.label(),
            spec.x.label()
        ),
        legend: legend.clone(),
        source: String::new(),
    };
    let zoom = zoom_words(&spec, plot.point_count(), shown.type_count());
    FamiliesScreen {
        summary: match zoom {
            Some(zoom) => format!("{zoom} {}", summary(&plot, &atlas.catalog)),
            None => summary(&plot, &atlas.catalog),
        },
        label,
        hint,
        legend,
        headings: [
            "Family".to_owned(),
            "Instance type".to_owned(),
            spec.x.label().to_owned(),
            spec.y.label().to_owned(),
        ],
        table: PlottedRows {
            catalog: atlas.catalog.clone(),
            rows: OnceCell::new(),
        },
        caption,
        zoomed: spec.x_range.is_set() || spec.y_range.is_set(),
        plot: Rc::new(plot),
    }
}

/// The rows of the chart's table alternative, made from the plan and the catalog the first
/// time they are asked for. Two are equal when they read the same catalog: the rows are a
/// function of the plan (compared on its own) and the catalog.
#[derive(Debug, Clone)]
struct PlottedRows {
    catalog: Rc<Catalog>,
    rows: OnceCell<Rc<Vec<PlottedRow>>>,
}

impl PartialEq for PlottedRows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) || self.catalog == other.catalog
    }
}

impl FamiliesScreen {
    /// The chart's table alternative: every plotted type, family by family (built once, on
    /// the first call).
    pub fn rows(&self) -> Rc<Vec<PlottedRow>> {
        self.table
            .rows
            .get_or_init(|| {
                let catalog = &self.table.catalog;
                Rc::new(
                    self.plot
                        .lines
                        .iter()
                        .flat_map(|line| line.points.iter().map(|p| self.row(catalog, line, p)))
                        .collect(),
                )
            })
            .clone()
    }

    /// One plotted point as a row: its family, name and both values as labels.
    fn row(&self, catalog: &Catalog, line: &PlotLine, point: &PlotPoint) -> PlottedRow {
        let spec = self.plot.spec;
        PlottedRow {
            instance: point.instance,
            family: line.family.clone(),
            name: catalog
                .types
                .get(point.instance)
                .map_or_else(String::new, |t| t.name.clone()),
            x: spec.x.format_tick(spec.x_scale.from_coord(point.x)),
            y: spec.y.format_tick(spec.y_scale.from_coord(point.y)),
        }
    }

    /// What a screen reader hears when a point is focused: `m5.large (m5): vCPU 2, Memory (GiB) 8 GiB`.
    pub fn describe(&self, instance: usize) -> String {
        let found = self.plot.lines.iter().find_map(|line| {
            let point = line.points.iter().find(|p| p.instance == instance)?;
            Some(self.row(&self.table.catalog, line, point))
        });
        let Some(row) = found else {
            return String::new();
        };
        format!(
            "{} ({}): {} {}, {} {}",
            row.name, row.family, self.headings[3], row.y, self.headings[2], row.x
        )
    }
}

/// The unit an axis's typed range is in (the metric's base unit): `GiB`, `vCPU`, `USD`.
pub fn range_unit(metric: Metric) -> &'static str {
    match metric {
        Metric::Memory => "GiB",
        Metric::Vcpu => "vCPU",
        Metric::Clock => "GHz",
        Metric::Network => "Gbps",
        Metric::Storage => "GB",
        Metric::Gpus => "GPUs",
        Metric::Price(_) => "USD",
    }
}

/// An end of a typed range as its box shows it: `800`, `0.5`, empty when open.
pub fn range_text(end: Option<f64>) -> String {
    end.map_or_else(String::new, crate::decimal::shortest)
}

/// Reads a range box: empty is open, a number is an end; anything else is refused with a
/// message a person can act on.
pub fn read_range_end(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match crate::decimal::read(&text.replace(',', "")) {
        Ok(v) if v.is_finite() => Ok(Some(v + 0.0)),
        _ => Err(format!(
            "\"{text}\" is not a number: type one such as 800 or 0.5, or leave the box empty"
        )),
    }
}

/// What a zoom or typed range shows, for the summary: `Zoomed to 2–16 vCPU, 4–64 GiB: 40
/// of 1,424 instance types.` (the vertical axis first, as the summary reads); `None` when
/// neither axis has a range.
fn zoom_words(spec: &FamiliesSpec, drawn: usize, shown: usize) -> Option<String> {
    let axis = |metric: Metric, range: AxisRange| {
        let unit = range_unit(metric);
        let shortest = |end: Option<f64>| end.map(crate::decimal::Shortest);
        match (shortest(range.min), shortest(range.max)) {
            (Some(lo), Some(hi)) => Some(format!("{lo}–{hi} {unit}")),
            (Some(lo), None) => Some(format!("at least {lo} {unit}")),
            (None, Some(hi)) => Some(format!("at most {hi} {unit}")),
            (None, None) => None,
        }
    };
    let ranges: Vec<String> = [
        axis(spec.y, spec.y_range.usable(spec.y_scale)),
        axis(spec.x, spec.x_range.usable(spec.x_scale)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ranges.is_empty()).then(|| {
        format!(
            "Zoomed to {}: {drawn} of {}.",
            ranges.join(", "),
            count(shown, "instance type", "instance types")
        )
    })
}

/// The chart in words: how many lines and types, each axis's span, and the extremes.
fn summary(plot: &FamiliesPlot, catalog: &Catalog) -> String {
    let spec = plot.spec;
    if plot.point_count() == 0 {
        return "No instance type matches the filters.".to_owned();
    }
    let points = || {
        plot.lines
            .iter()
            .flat_map(|l| l.points.iter().zip(std::iter::repeat(l)))
    };
    let extreme = |coord: fn(&PlotPoint) -> f64| {
        points()
            .min_by(|a, b| coord(a.0).total_cmp(&coord(b.0)))
            .zip(points().max_by(|a, b| coord(a.0).total_cmp(&coord(b.0))))
    };
    let name = |instance: usize| catalog.types.get(instance).map_or("", |t| t.name.as_str());
    let span = |metric: Metric, scale, pick: fn(&PlotPoint) -> f64| {
        extreme(pick).map_or_else(String::new, |(lo, hi)| {
            let text = |p: &PlotPoint| {
                metric.format_tick(crate::settings::Scale::from_coord(scale, pick(p)))
            };
            format!(
                "{} from {} to {} ({})",
                metric.label(),
                text(lo.0),
                text(hi.0),
                name(hi.0.instance)
            )
        })
    };
    format!(
        "{} through {}. {}; {}.",
        count(plot.series_count(), "family line", "family lines"),
        count(plot.point_count(), "instance type", "instance types"),
        span(spec.y, spec.y_scale, |p| p.y),
        span(spec.x, spec.x_scale, |p| p.x),
    )
}

/// The legend as the chart is coloured: the categories shown, the vendors, or a ramp.
fn legend(state: &State, price_span: Option<(f64, f64)>) -> Vec<LegendKey> {
    let key = |label: &str, colour| LegendKey {
        label: label.to_owned(),
        colour,
    };
    match state.families.colour {
        ColourBy::Category => Category::ALL
            .into_iter()
            .filter(|c| state.filter.shows_category(*c))
            .map(|c| key(c.label(), KeyColour::Line(LineColour::Category(c))))
            .collect(),
        ColourBy::Vendor => VENDORS
            .into_iter()
            .map(|v| key(v.label(), KeyColour::Bar(BarColour::Vendor(v))))
            .collect(),
        ColourBy::Generation => vec![
            key("generation 1", KeyColour::Ramp(0.0)),
            key("generation 8+", KeyColour::Ramp(1.0)),
        ],
        ColourBy::Price(metric) => match price_span {
            Some((low, high)) => vec![
                key(
                    &format!("{} {}", metric.label(), format_usd(low)),
                    KeyColour::Ramp(0.0),
                ),
                key(&format_usd(high), KeyColour::Ramp(1.0)),
            ],
            None => Vec::new(),
        },
    }
}
