//! The Sizes view's screen: the family × size matrix of the shown types, each cell's value
//! and text for the chosen metric, the shade key, the group headings and the summary.

use std::rc::Rc;

use crate::atlas::Atlas;
use crate::decimal::Shortest;
use crate::filter::Filter;
use crate::instance::{Category, InstanceType};
use crate::settings::CellMetric;
use crate::settings::Metric;
use crate::sizes::{size_matrix, SizeMatrix};
use crate::state::State;
use crate::text::count;
use crate::text::format_usd;

/// Everything the Sizes matrix shows for a state.
#[derive(Debug, Clone, PartialEq)]
pub struct SizesScreen {
    /// The families and sizes of the shown types.
    pub matrix: Rc<SizeMatrix>,
    /// Hourly prices by catalog index, when the cells show prices (empty otherwise).
    pub hourly: Rc<Vec<Option<f64>>>,
    /// "204 families, 1424 instance types", with ", filtered" when a filter is set.
    pub summary: String,
    /// "Filters", or "Filters (3 set)".
    pub filters_label: String,
}

/// The Sizes screen of `state`: every shared filter applies; prices are read only while
/// the cells show them, and only trusted ones.
pub fn sizes_screen(atlas: &Atlas, state: &State) -> SizesScreen {
    let shown = atlas.shown(&state.filter, &state.region);
    let matrix = size_matrix(&atlas.catalog, &shown);
    let hourly = match (
        state.sizes.metric,
        atlas.pricing(&state.region, state.os, false),
    ) {
        // Suspect prices are not shown as fact in a cell, which has no room to mark them
        // (the Table shows them, marked), even when the person includes them elsewhere.
        (CellMetric::Price, Some(pricing)) => atlas
            .catalog
            .types
            .iter()
            .map(|t| pricing.counted(&t.name))
            .collect(),
        _ => Vec::new(),
    };
    SizesScreen {
        summary: summary(&matrix, &state.filter),
        filters_label: filters_label(&state.filter),
        matrix: Rc::new(matrix),
        hourly: Rc::new(hourly),
    }
}

/// "204 families, 1424 instance types", with ", filtered" when any shared filter is set.
pub fn summary(matrix: &SizeMatrix, filter: &Filter) -> String {
    let types: usize = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    format!(
        "{}, {}{}",
        count(matrix.rows.len(), "family", "families"),
        count(types, "instance type", "instance types"),
        if filter.set_count() > 0 {
            ", filtered"
        } else {
            ""
        }
    )
}

/// The filters disclosure's label: "Filters", or "Filters (3 set)".
pub fn filters_label(filter: &Filter) -> String {
    match filter.set_count() {
        0 => "Filters".to_owned(),
        set => format!("Filters ({set} set)"),
    }
}

/// A category's heading above its rows: "Compute optimized · 3 families".
pub fn group_heading(category: Category, rows: usize) -> String {
    format!(
        "{} · {}",
        category.label(),
        count(rows, "family", "families")
    )
}

/// A cell's value for the chosen metric (0 for a price not known).
pub fn cell_value(metric: CellMetric, instance: &InstanceType, hourly: Option<f64>) -> f64 {
    match metric {
        CellMetric::Vcpu => f64::from(instance.vcpu),
        CellMetric::Memory => instance.memory_gib,
        CellMetric::Price => hourly.unwrap_or(0.0),
    }
}

/// A cell's text: `96` vCPU, `8 GiB`, `512 MiB`, `24 TiB`, `$0.096`, or `–` for no known price.
pub fn cell_text(metric: CellMetric, instance: &InstanceType, hourly: Option<f64>) -> String {
    match metric {
        CellMetric::Vcpu => instance.vcpu.to_string(),
        CellMetric::Memory => Metric::Memory.format_tick(instance.memory_gib),
        CellMetric::Price => hourly.map_or_else(|| "–".to_owned(), format_usd),
    }
}

/// The shown values' range on a log scale: where a value sits, 0 (least) to 1 (most).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shade {
    low: f64,
    high: f64,
}

/// The words of the Sizes shade key: what the cells show and the ends of the ramp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShadeKey {
    /// What the cells show: `vCPU`, `memory`, `price per hour`.
    pub shows: &'static str,
    /// The least value, with its unit: `2 vCPU`, `512 MiB`, `$0.0052`.
    pub least: String,
    /// The greatest value, with its unit.
    pub most: String,
}

impl Shade {
    /// The range of the positive values given (1 to 2 when there are none).
    pub fn over(values: impl Iterator<Item = f64>) -> Shade {
        let (low, high) = values
            .filter(|v| v.is_finite() && *v > 0.0)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
                (l.min(v.log2()), h.max(v.log2()))
            });
        if low <= high {
            Shade { low, high }
        } else {
            Shade {
                low: 0.0,
                high: 1.0,
            }
        }
    }

    /// Where `value` sits in the range, 0 to 1.
    pub fn of(&self, value: f64) -> f64 {
        if value <= 0.0 || self.high <= self.low {
            return 0.0;
        }
        ((value.log2() - self.low) / (self.high - self.low)).clamp(0.0, 1.0)
    }

    /// The least value.
    pub fn least(&self) -> f64 {
        self.low.exp2()
    }

    /// The greatest value.
    pub fn most(&self) -> f64 {
        self.high.exp2()
    }

    /// The shade key's words for `metric`: what the cells show, the least and the most.
    pub fn key(&self, metric: CellMetric) -> ShadeKey {
        let (shows, least, most) = match metric {
            CellMetric::Vcpu => (
                "vCPU",
                format!("{} vCPU", Shortest(self.least().round())),
                format!("{} vCPU", Shortest(self.most().round())),
            ),
            CellMetric::Memory => (
                "memory",
                Metric::Memory.format_tick(self.least()),
                Metric::Memory.format_tick(self.most()),
            ),
            CellMetric::Price => (
                "price per hour",
                format_usd(self.least()),
                format_usd(self.most()),
            ),
        };
        ShadeKey { shows, least, most }
    }
}
