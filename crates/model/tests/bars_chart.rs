//! The Capabilities view's bar charts on the real dataset: plans, SVG drawing, hover cover.
#![allow(missing_docs)]

mod common;

use atlas_model::capabilities::{counts_by_category_and_vendor, counts_by_feature, Feature};
use atlas_model::catalog::Catalog;
use atlas_model::chart::bars::{
    BarColour, BarsPlot, SegmentBox, DARK_VENDORS, HIT_SPACING_PX, LIGHT_VENDORS,
};
use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{Paint, Plan};
use atlas_model::family::{families, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::{Category, Vendor};
use plotters::prelude::*;

/// The canvas component's hover radius, in CSS pixels.
const HOVER_RADIUS: f64 = 14.0;

fn setup() -> (Catalog, Vec<Family>) {
    let catalog = Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let families = families(&catalog);
    (catalog, families)
}

/// The rows the filter shows, as the view computes them.
fn shown_rows(catalog: &Catalog, families: &[Family], filter: &Filter) -> Vec<usize> {
    common::shown(catalog, families, filter).types().collect()
}

fn vendor_plot(filter: &Filter) -> (Catalog, BarsPlot) {
    let (catalog, families) = setup();
    let rows = shown_rows(&catalog, &families, filter);
    let plot = BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(&catalog, &rows));
    (catalog, plot)
}

fn feature_plot() -> BarsPlot {
    let (catalog, families) = setup();
    BarsPlot::by_feature(&counts_by_feature(
        &catalog,
        &common::shown(&catalog, &families, &Filter::default()),
    ))
}

fn paint(theme: Theme, pixel_ratio: f64) -> Paint {
    Paint { theme, pixel_ratio }
}

fn render(plot: &BarsPlot, paint: &Paint, size: (u32, u32)) -> (String, HitMap) {
    let mut svg = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        plot.draw(&area, paint).unwrap_or_else(|e| panic!("{e:?}"))
    };
    (svg, hits)
}

/// The text of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_owned(),
            )
        })
        .collect()
}

fn hex(colour: RGBColor) -> String {
    Theme::css(colour).to_uppercase()
}

#[test]
fn the_vendor_plan_counts_every_type_once_by_category_and_vendor() {
    let (catalog, plot) = vendor_plot(&Filter::default());
    assert_eq!(plot.total(), catalog.types.len());
    assert!(plot.total() >= 1395, "{}", plot.total());
    let labels: Vec<&str> = plot.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, Category::ALL.map(Category::label));
    assert_eq!(plot.series_count(), 5);
    assert!(plot.segments.iter().all(|s| s.count > 0));
    // Within a row, vendors keep their order: Intel, AMD, Graviton, Other.
    for w in plot.segments.windows(2).filter(|w| w[0].row == w[1].row) {
        let order = |c: BarColour| {
            [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other]
                .iter()
                .position(|v| c == BarColour::Vendor(*v))
        };
        assert!(order(w[0].colour) < order(w[1].colour));
    }
    let amd_compute = catalog
        .types
        .iter()
        .filter(|t| t.category == Category::Compute && t.vendor == Vendor::Amd)
        .count();
    let index = plot
        .segments
        .iter()
        .position(|s| s.row == 1 && s.colour == BarColour::Vendor(Vendor::Amd))
        .unwrap();
    assert_eq!(
        plot.describe(index).unwrap(),
        format!("Compute optimised · AMD: {amd_compute} types")
    );
    assert_eq!(plot.describe(plot.segments.len()), None);
}

#[test]
fn hiding_a_category_drops_its_bar_and_its_types() {
    let (_, all) = vendor_plot(&Filter::default());
    let mut filter = Filter::default();
    filter.hidden_categories.insert(Category::Compute);
    let (_, some) = vendor_plot(&filter);
    assert_eq!(some.rows.len(), 4);
    assert!(some.rows.iter().all(|r| r.label != "Compute optimised"));
    assert!(some.total() < all.total());
    let none = BarsPlot::by_category_and_vendor(&[]);
    assert_eq!(
        (none.series_count(), none.point_count(), none.total()),
        (0, 0, 0)
    );
}

#[test]
fn the_feature_plan_has_a_bar_per_feature_and_zeros_stay_empty() {
    let (catalog, _) = setup();
    let plot = feature_plot();
    assert_eq!(plot.rows.len(), Feature::ALL.len());
    let labels: Vec<&str> = plot.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, Feature::ALL.map(Feature::label));
    let gpu_row = Feature::ALL
        .iter()
        .position(|f| *f == Feature::Gpu)
        .unwrap();
    let gpus = catalog.types.iter().filter(|t| t.gpus > 0).count();
    assert_eq!(plot.row_total(gpu_row), gpus);
    assert_eq!(
        plot.describe(plot.segments.iter().position(|s| s.row == gpu_row).unwrap()),
        Some(format!("GPU: {gpus} types"))
    );
    let amd = plot.segments.iter().find(|s| s.row == 0).unwrap();
    assert_eq!(
        amd.colour,
        BarColour::Vendor(Vendor::Amd),
        "vendor bars wear vendor colours"
    );

    let zero = BarsPlot::by_feature(&[(Feature::Amd, 3), (Feature::Fpga, 0)]);
    assert_eq!(
        (zero.rows.len(), zero.series_count(), zero.point_count()),
        (2, 1, 1)
    );
}

#[test]
fn drawing_labels_bars_top_down_and_puts_a_hit_on_every_segment_centre() {
    let (_, plot) = vendor_plot(&Filter::default());
    let look = paint(Theme::LIGHT, 1.0);
    let size = (900, 260);
    let (svg, hits) = render(&plot, &look, size);
    for label in [
        "General purpose",
        "Compute optimised",
        "Accelerated computing",
    ] {
        assert!(svg.contains(label), "{label}");
    }
    let compute_total = plot.row_total(1).to_string();
    assert!(
        texts(&svg).contains(&compute_total),
        "the bar's total is written"
    );
    for colour in LIGHT_VENDORS.iter().take(3) {
        assert!(
            svg.contains(&hex(*colour)),
            "vendor colour {}",
            hex(*colour)
        );
    }
    let boxes = plot.segment_boxes(size, &look);
    assert_eq!(boxes.len(), plot.segments.len());
    for (index, b) in boxes.iter().enumerate() {
        let centre = ((b.left + b.right) / 2, (b.top + b.bottom) / 2);
        let on_it: Vec<_> = hits.points.iter().filter(|p| p.item == index).collect();
        assert!(!on_it.is_empty(), "segment {index} has hit points");
        assert!(
            on_it
                .iter()
                .any(|p| (p.x - centre.0).abs() <= 1 && p.y == centre.1),
            "segment {index} has a hit at its centre"
        );
        assert!(on_it.iter().all(|p| p.line == plot.segments[index].row));
        assert!(b.top >= 0 && b.bottom <= size.1 as i32 && b.right <= size.0 as i32);
    }
    // Rows run top to bottom; segments of a row sit side by side.
    let row_y = |row: usize| hits.points.iter().find(|p| p.line == row).unwrap().y;
    assert!((1..plot.rows.len()).all(|r| row_y(r - 1) < row_y(r)));
    for (i, w) in boxes.windows(2).enumerate() {
        if plot.segments[i].row == plot.segments[i + 1].row {
            assert_eq!(w[0].right, w[1].left);
        }
    }
}

/// Every pixel of every segment finds a segment of its own bar within the hover radius, and
/// its own segment once it is half a hit spacing away from the edges it shares with tiny
/// neighbours, at pixel ratio 1 and 2.
#[test]
fn the_hover_radius_covers_whole_segments_not_only_their_centres() {
    let (_, plot) = vendor_plot(&Filter::default());
    for ratio in [1.0, 2.0] {
        let look = paint(Theme::DARK, ratio);
        let size = ((1000.0 * ratio) as u32, (240.0 * ratio) as u32);
        let (_, hits) = render(&plot, &look, size);
        let boxes: Vec<SegmentBox> = plot.segment_boxes(size, &look);
        let radius = HOVER_RADIUS * ratio;
        let margin = (HIT_SPACING_PX * ratio / 2.0) as i32;
        let mut checked = 0;
        for (index, b) in boxes.iter().enumerate() {
            let row = plot.segments[index].row;
            for x in (b.left..=b.right).step_by(3) {
                for y in [b.top, (b.top + b.bottom) / 2, b.bottom] {
                    let found = hits.nearest(f64::from(x), f64::from(y), radius);
                    let at = format!("ratio {ratio}: segment {index} at ({x}, {y}) of {b:?}");
                    assert_eq!(found.map(|p| p.line), Some(row), "{at}");
                    if x > b.left + margin && x < b.right - margin {
                        assert_eq!(found.map(|p| p.item), Some(index), "{at}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(
            checked > 300,
            "most of the bars' pixels were checked: {checked}"
        );
        let widest = boxes.iter().map(|b| b.right - b.left).max().unwrap();
        let spacing = HIT_SPACING_PX * ratio;
        assert!(hits.points.len() as f64 >= f64::from(widest) / spacing);
    }
}

#[test]
fn vendor_colours_differ_from_each_other_and_between_light_and_dark() {
    let distance = |a: RGBColor, b: RGBColor| {
        let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
        (d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)).sqrt()
    };
    for palette in [LIGHT_VENDORS, DARK_VENDORS] {
        for i in 0..4 {
            for j in i + 1..4 {
                assert!(distance(palette[i], palette[j]) > 90.0, "{i} vs {j}");
            }
        }
    }
    for vendor in [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other] {
        let c = BarColour::Vendor(vendor);
        assert_ne!(c.rgb(&Theme::LIGHT), c.rgb(&Theme::DARK));
        assert!(c.slug().starts_with("vendor-"));
    }
    let (_, plot) = vendor_plot(&Filter::default());
    let (svg, _) = render(&plot, &paint(Theme::DARK, 1.0), (700, 240));
    assert!(svg.contains(&hex(DARK_VENDORS[0])) && !svg.contains(&hex(LIGHT_VENDORS[0])));
}

#[test]
fn narrow_charts_use_short_labels_and_empty_plans_draw_nothing() {
    let plot = feature_plot();
    let (wide, _) = render(&plot, &paint(Theme::LIGHT, 1.0), (900, 400));
    assert!(wide.contains("Extra memory or storage"));
    let (narrow, hits) = render(&plot, &paint(Theme::LIGHT, 2.0), (680, 800));
    assert!(texts(&narrow).contains(&"Extra mem.".to_owned()));
    assert!(!narrow.contains("Extra memory or storage"));
    assert!(!hits.points.is_empty());

    let (_, hits) = render(&BarsPlot::default(), &paint(Theme::LIGHT, 1.0), (400, 200));
    assert!(hits.points.is_empty());
    let mut highlight = String::new();
    {
        let area = SVGBackend::with_string(&mut highlight, (900, 400)).into_drawing_area();
        let look = paint(Theme::LIGHT, 1.0);
        plot.draw_highlight(&area, &HitMap::default(), 4, &look)
            .unwrap();
        plot.draw_highlight(&area, &HitMap::default(), 99, &look)
            .unwrap();
    }
    assert!(highlight.contains("<rect"), "the hovered bar is outlined");
    let _ = <BarsPlot as Plan>::draw::<SVGBackend>;
}
