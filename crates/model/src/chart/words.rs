//! The Sizes ladder, Capabilities bars and Letter prices charts in words: the summary a
//! screen reader hears, the table that stands in for each chart, the words a focused point
//! is announced with, and the caption of a saved picture.

use super::bars::{BarColour, BarsPlot, VENDORS};
use super::image::{ImageCaption, KeyColour, LegendKey};
use super::ladder::{size_name, LadderPlot};
use super::letters::{format_ratio, LettersPlot};
use crate::catalog::Catalog;
use crate::text::count;
use crate::text::format_usd;

/// What a chart says in words besides its picture.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartWords {
    /// The chart in a sentence or two.
    pub summary: String,
    /// The table alternative's column headings.
    pub headings: Vec<String>,
    /// The table alternative's rows, one cell per heading.
    pub rows: Vec<Vec<String>>,
    /// The title and legend of a saved picture (the page adds the source).
    pub caption: ImageCaption,
}

/// The ladder chart: every drawn size of every family, with its vCPU and memory.
pub fn ladder_words(plot: &LadderPlot, catalog: &Catalog) -> ChartWords {
    let names: Vec<&str> = plot.lines.iter().map(|l| l.family.as_str()).collect();
    let rows = plot
        .lines
        .iter()
        .flat_map(|line| {
            line.points.iter().map(move |p| {
                vec![
                    line.family.clone(),
                    catalog
                        .types
                        .get(p.instance)
                        .map_or_else(String::new, |t| t.name.clone()),
                    size_name(p.step.round() as i32),
                    p.vcpu.to_string(),
                    crate::settings::Metric::Memory.format_tick(p.memory),
                    if line.breaks(p.instance) { "yes" } else { "" }.to_owned(),
                ]
            })
        })
        .collect();
    let breaking: Vec<&str> = plot
        .lines
        .iter()
        .filter(|l| !l.vcpu_breakers.is_empty() || !l.memory_breakers.is_empty())
        .map(|l| l.family.as_str())
        .collect();
    let summary = if names.is_empty() {
        "No family drawn.".to_owned()
    } else {
        format!(
            "vCPU and memory against the size ladder for {} ({}). {}",
            names.join(", "),
            count(plot.point_count(), "size", "sizes"),
            if breaking.is_empty() {
                "Every family doubles along the ladder.".to_owned()
            } else {
                format!("Breaking the doubling: {}.", breaking.join(", "))
            }
        )
    };
    ChartWords {
        summary,
        headings: [
            "Family",
            "Instance type",
            "Size",
            "vCPU",
            "Memory",
            "Breaks the doubling",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        caption: ImageCaption {
            title: "Instance Atlas: how sizes double".to_owned(),
            legend: names
                .iter()
                .enumerate()
                .map(|(slot, name)| LegendKey {
                    label: (*name).to_owned(),
                    colour: KeyColour::Family(slot),
                })
                .collect(),
            source: String::new(),
        },
    }
}

/// A ladder point as announced: `m5.2xlarge: 8 vCPU, 32 GiB`.
pub fn ladder_point(catalog: &Catalog, instance: usize) -> String {
    catalog.types.get(instance).map_or_else(String::new, |t| {
        format!("{}: {} vCPU, {}", t.name, t.vcpu, t.memory_label)
    })
}

/// A bar chart titled `title`: each bar's segments and counts, and the vendor legend.
pub fn bars_words(plot: &BarsPlot, title: &str, vendor_legend: bool) -> ChartWords {
    let rows = plot
        .segments
        .iter()
        .filter_map(|s| {
            let row = plot.rows.get(s.row)?;
            Some(vec![
                row.label.clone(),
                s.label.clone(),
                s.count.to_string(),
            ])
        })
        .collect();
    let bars: Vec<String> = (0..plot.rows.len())
        .map(|r| format!("{} {}", plot.rows[r].label, plot.row_total(r)))
        .collect();
    let legend = if vendor_legend {
        VENDORS
            .into_iter()
            .map(|v| LegendKey {
                label: v.label().to_owned(),
                colour: KeyColour::Bar(BarColour::Vendor(v)),
            })
            .collect()
    } else {
        Vec::new()
    };
    ChartWords {
        summary: format!(
            "{title}: {} in all. {}.",
            count(plot.total(), "instance type", "instance types"),
            bars.join(", ")
        ),
        headings: vec![
            "Bar".to_owned(),
            "Part".to_owned(),
            "Instance types".to_owned(),
        ],
        rows,
        caption: ImageCaption {
            title: format!("Instance Atlas: {title}"),
            legend,
            source: String::new(),
        },
    }
}

/// The Letter prices chart titled `title`: each pair's median and every size's ratio.
pub fn letters_words(plot: &LettersPlot, title: &str) -> ChartWords {
    let rows = plot
        .dots
        .iter()
        .filter_map(|d| {
            let row = plot.rows.get(d.row)?;
            Some(vec![
                row.label(),
                d.size.clone(),
                format_usd(d.base_usd),
                format_usd(d.variant_usd),
                format_ratio(d.ratio),
            ])
        })
        .collect();
    let medians: Vec<String> = plot
        .rows
        .iter()
        .map(|r| format!("{} median {}", r.label(), format_ratio(r.median)))
        .collect();
    ChartWords {
        summary: if plot.rows.is_empty() {
            "No pair of this letter has prices in this region.".to_owned()
        } else {
            format!(
                "{} of families that differ in {}: {}.",
                count(plot.rows.len(), "pair", "pairs"),
                plot.letter,
                medians.join(", ")
            )
        },
        headings: ["Pair", "Size", "Without ($/h)", "With ($/h)", "Ratio"]
            .map(str::to_owned)
            .to_vec(),
        rows,
        caption: ImageCaption {
            title: format!("Instance Atlas: {title}"),
            legend: Vec::new(),
            source: String::new(),
        },
    }
}

/// A Letter prices dot as announced: its title, prices and ratio in one line.
pub fn letters_dot(plot: &LettersPlot, dot: usize) -> String {
    plot.describe(dot).map_or_else(String::new, |d| {
        let rows: Vec<String> = d.rows.iter().map(|(k, v)| format!("{k} {v}")).collect();
        format!("{}: {}", d.title, rows.join(", "))
    })
}
