//! The Letter prices chart and table on the real dataset: plans per letter and region, the
//! ratio axis, SVG drawing with a hit per dot, and the table's rows and order.
#![allow(missing_docs)]

use atlas_model::catalog::Catalog;
use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::letters::{
    change_phrase, format_ratio, format_tick, summary_sentence, table_rows, LettersPlot, RatioAxis,
    DARK_SIDES, LIGHT_SIDES,
};
use atlas_model::chart::theme::Theme;
use atlas_model::chart::zoom::{zoom_action, DragBox};
use atlas_model::chart::{Paint, Plan};
use atlas_model::family::families;
use atlas_model::letter_cost::{
    letter_summary, pair_ratios, pairs, FamilyPair, LetterCost, PairCost, PairKind,
};
use atlas_model::prices::{Os, PriceTable, Pricing};
use atlas_model::settings::{AxisRange, PairSort, ZoomChart};
use atlas_model::state::{reduce, State};
use plotters::prelude::*;

const EAST: &str = "us-east-1";
const IRELAND: &str = "eu-west-1";

fn costs(region: &str) -> Vec<(FamilyPair, PairCost)> {
    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let catalog = Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    pairs(&families(&catalog))
        .into_iter()
        .map(|pair| {
            let cost = pair_ratios(&Pricing::new(&table, region, Os::Linux), &catalog, &pair);
            (pair, cost)
        })
        .collect()
}

fn render(plot: &LettersPlot, paint: &Paint, size: (u32, u32)) -> (String, HitMap) {
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

fn light(pixel_ratio: f64) -> Paint {
    Paint {
        theme: Theme::LIGHT,
        pixel_ratio,
    }
}

#[test]
fn the_amd_plan_has_a_row_per_priced_pair_cheapest_first_with_both_prices_per_dot() {
    let costs = costs(EAST);
    let plot = LettersPlot::new("a", &costs);
    assert_eq!(plot.letter, "a");
    assert_eq!(plot.series_count(), 13, "{:?}", plot.rows);
    let priced: usize = costs
        .iter()
        .filter(|(p, _)| p.letter == "a")
        .map(|(_, c)| c.sizes.len())
        .sum();
    assert_eq!(plot.point_count(), priced);
    assert!(plot.rows.windows(2).all(|w| w[0].median <= w[1].median));
    let m5 = plot
        .rows
        .iter()
        .position(|r| r.label() == "m5 → m5a")
        .unwrap();
    assert!((0.88..0.91).contains(&plot.rows[m5].median));
    // Generation 7 AMD costs more than Intel: the last rows sit right of 1×.
    assert!(plot.rows.last().unwrap().median > 1.1);
    for dot in &plot.dots {
        assert!((dot.ratio - dot.variant_usd / dot.base_usd).abs() < 1e-12);
    }
    let large = plot
        .dots
        .iter()
        .position(|d| d.row == m5 && d.size == "large")
        .unwrap();
    let text = plot.describe(large).unwrap();
    assert_eq!(text.title, "m5 → m5a · large");
    assert_eq!(
        text.rows,
        [
            ("m5.large".to_owned(), "$0.096 per hour".to_owned()),
            ("m5a.large".to_owned(), "$0.086 per hour".to_owned()),
            ("Ratio".to_owned(), "0.90× (10% less)".to_owned()),
        ]
    );
    assert_eq!(plot.describe(plot.dots.len()), None);
}

#[test]
fn graviton_pairs_are_cheaper_and_gpu_families_are_left_out() {
    let plot = LettersPlot::new("g", &costs(EAST));
    let labels: Vec<String> = plot.rows.iter().map(|r| r.label()).collect();
    assert!(labels.contains(&"m6i → m6g".to_owned()), "{labels:?}");
    assert!(!labels.iter().any(|l| l.starts_with("g5 ")), "{labels:?}");
    assert!(plot.rows.iter().all(|r| r.median < 1.0), "{:?}", plot.rows);
    assert!(LettersPlot::new("q", &costs(EAST)).rows.is_empty());
}

#[test]
fn another_region_gives_other_ratios() {
    let east = LettersPlot::new("a", &costs(EAST));
    let ireland = LettersPlot::new("a", &costs(IRELAND));
    let median = |plot: &LettersPlot, label: &str| {
        plot.rows
            .iter()
            .find(|r| r.label() == label)
            .map(|r| r.median)
    };
    assert_ne!(median(&east, "c5 → c5a"), median(&ireland, "c5 → c5a"));
    assert!(ireland.rows.iter().any(|r| r.label() == "m5 → m5a"));
}

#[test]
fn the_axis_is_centred_on_one_with_round_ticks() {
    let axis = RatioAxis::for_ratios([0.8, 0.9, 1.15].into_iter());
    assert!(axis.high > 1.0 && axis.high < 1.3 && axis.low == -axis.high);
    let labels: Vec<String> = axis.ticks.iter().map(|t| format_tick(*t)).collect();
    assert_eq!(labels, ["0.5×", "0.75×", "1×", "1.5×", "2×"]);
    // `e` doubles the price and more: the axis grows to the next power of two.
    let wide = RatioAxis::for_ratios([2.3, 1.25].into_iter());
    let labels: Vec<String> = wide.ticks.iter().map(|t| format_tick(*t)).collect();
    assert_eq!(
        labels,
        ["0.25×", "0.5×", "0.75×", "1×", "1.5×", "2×", "3×", "4×"]
    );
    // Beyond 4× a tick per power of two; nonsense ratios are ignored.
    let far = RatioAxis::for_ratios([9.0, f64::NAN, 0.0, -1.0].into_iter());
    assert_eq!(far.ticks, [-4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0]);
    assert_eq!(RatioAxis::for_ratios(std::iter::empty()).ticks.len(), 5);
    assert_eq!(format_ratio(0.8958), "0.90×");
    assert_eq!(change_phrase(0.8958), "10% less");
    assert_eq!(change_phrase(1.2706), "27% more");
    assert_eq!(change_phrase(1.001), "the same");
}

#[test]
fn drawing_labels_rows_ticks_and_medians_and_puts_a_hit_on_every_dot() {
    let plot = LettersPlot::new("a", &costs(EAST));
    let size = (1000, 480);
    let (svg, hits) = render(&plot, &light(1.0), size);
    let words = texts(&svg);
    for label in [
        "m5 → m5a",
        "m7i → m7a",
        "0.5×",
        "0.75×",
        "1×",
        "1.5×",
        "2×",
        "median",
    ] {
        assert!(words.iter().any(|w| w == label), "{label} in {words:?}");
    }
    assert!(words.iter().any(|w| w.contains("cheaper")));
    assert!(words.iter().any(|w| w.contains("dearer")));
    assert!(words.contains(&format_ratio(plot.rows[0].median)));
    assert!(svg.contains(&hex(LIGHT_SIDES[0])) && svg.contains(&hex(LIGHT_SIDES[1])));

    assert_eq!(hits.points.len(), plot.dots.len());
    let one = hits
        .points
        .iter()
        .zip(&plot.dots)
        .map(|(p, d)| (d.ratio, p.x))
        .collect::<Vec<_>>();
    // Position follows the ratio: cheaper to the left, dearer to the right.
    for a in &one {
        for b in &one {
            if a.0 < b.0 - 1e-9 {
                assert!(a.1 <= b.1, "{a:?} {b:?}");
            }
        }
    }
    for (index, (point, dot)) in hits.points.iter().zip(&plot.dots).enumerate() {
        assert_eq!((point.item, point.line), (index, dot.row));
        assert!(point.x > 0 && point.x < size.0 as i32);
        assert!(point.y > 0 && point.y < size.1 as i32);
        let found = hits
            .stack_at(f64::from(point.x), f64::from(point.y), 14.0)
            .iter()
            .any(|p| p.item == index);
        assert!(found, "dot {index} is found under the pointer");
    }
    let row_y = |row: usize| hits.points.iter().find(|p| p.line == row).unwrap().y;
    assert!((1..plot.rows.len()).all(|r| row_y(r - 1) < row_y(r)));
}

#[test]
fn dark_and_narrow_drawings_keep_everything_inside() {
    let plot = LettersPlot::new("d", &costs(EAST));
    let dark = Paint {
        theme: Theme::DARK,
        pixel_ratio: 2.0,
    };
    // A 320 CSS px wide phone chart at device pixel ratio 2.
    let size = (640, 1100);
    let (svg, hits) = render(&plot, &dark, size);
    assert!(svg.contains(&hex(DARK_SIDES[1])) && !svg.contains(&hex(LIGHT_SIDES[1])));
    let words = texts(&svg);
    assert!(words.contains(&"← cheaper".to_owned()), "{words:?}");
    assert!(words.contains(&"1×".to_owned()));
    assert_eq!(hits.points.len(), plot.dots.len());
    assert!(hits
        .points
        .iter()
        .all(|p| p.x > 0 && p.x < 640 && p.y > 0 && p.y < 1100));
}

#[test]
fn empty_plans_draw_nothing_and_the_hovered_row_is_outlined() {
    let (_, hits) = render(&LettersPlot::default(), &light(1.0), (400, 200));
    assert!(hits.points.is_empty());
    let plot = LettersPlot::new("n", &costs(EAST));
    let mut overlay = String::new();
    {
        let area = SVGBackend::with_string(&mut overlay, (800, 400)).into_drawing_area();
        plot.draw_highlight(&area, &HitMap::default(), 2, &light(1.0))
            .unwrap();
        plot.draw_highlight(&area, &HitMap::default(), 99, &light(1.0))
            .unwrap();
    }
    assert_eq!(overlay.matches("<rect").count(), 1, "{overlay}");
}

#[test]
fn the_table_lists_every_pair_of_a_letter_unpriced_ones_last() {
    let costs = costs(EAST);
    let rows = table_rows(&costs, Some("a"), PairSort::Median, false);
    assert_eq!(
        rows.len(),
        costs.iter().filter(|(p, _)| p.letter == "a").count()
    );
    let m5 = rows
        .iter()
        .find(|r| r.base == "m5" && r.variant == "m5a")
        .unwrap();
    assert_eq!((m5.kind, m5.letter.as_str()), (PairKind::Added, "a"));
    assert!(m5.sizes >= 6);
    let (lo, hi) = m5.range.unwrap();
    assert!(lo <= m5.median.unwrap() && m5.median.unwrap() <= hi);
    let medians: Vec<f64> = rows.iter().filter_map(|r| r.median).collect();
    assert!(medians.windows(2).all(|w| w[0] <= w[1]));
    let down = table_rows(&costs, Some("a"), PairSort::Median, true);
    // Pairs with no price stay last in both directions.
    assert_eq!(down.first(), rows.iter().rev().find(|r| r.median.is_some()));
    let swap = rows.iter().find(|r| r.base == "m6i").unwrap();
    assert_eq!(swap.kind, PairKind::VendorSwap);

    // `e`: p5 → p5e has no price in us-east-1 and stays last in both directions.
    for descending in [false, true] {
        let e = table_rows(&costs, Some("e"), PairSort::Median, descending);
        let last = e.last().unwrap();
        assert_eq!(
            (last.base.as_str(), last.median, last.range),
            ("p5", None, None)
        );
        assert_eq!(last.sizes, 0);
    }
    let all = table_rows(&costs, None, PairSort::Pair, false);
    assert_eq!(all.len(), costs.len());
    let names: Vec<String> = all
        .iter()
        .filter(|r| r.median.is_some())
        .map(|r| format!("{}>{}", r.base, r.variant))
        .collect();
    let at = |name: &str| names.iter().position(|n| n == name).unwrap();
    assert!(at("c5>c5a") < at("c6i>c6a") && at("c6i>c6a") < at("m5>m5a"));
    assert!(at("m5>m5a") < at("m5>m5d") && at("m7i>m7a") < at("r5>r5a"));
}

#[test]
fn each_letter_is_summed_up_in_a_sentence() {
    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap();
    let catalog =
        Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv")).unwrap();
    let found = pairs(&families(&catalog));
    let summary = letter_summary(&Pricing::new(&table, EAST, Os::Linux), &catalog, &found);
    let amd = summary.iter().find(|c| c.letter == "a").unwrap();
    assert_eq!(
        summary_sentence(amd, "US East (N. Virginia)"),
        "a (AMD): 0.90× — 10% less than the Intel family, over 13 pairs in US East (N. Virginia)"
    );
    let nvme = summary.iter().find(|c| c.letter == "d").unwrap();
    let sentence = summary_sentence(nvme, "X");
    assert!(
        sentence.starts_with(
            "d (local NVMe): 1.16× — 16% more than the family without it, over 19 pairs"
        ),
        "{sentence}"
    );
    let one = LetterCost {
        letter: "b".into(),
        median: 1.0,
        pairs: 1,
    };
    assert_eq!(
        summary_sentence(&one, "Europe (Ireland)"),
        "b (EBS-optimised): 1.00× — the same as the family without it, over 1 pair in Europe (Ireland)"
    );
}

#[test]
fn a_zoomed_ratio_axis_runs_to_its_ends_with_round_ticks() {
    let held = |min: f64, max: f64| {
        RatioAxis::for_ratios([0.8, 1.1].into_iter()).held_to(AxisRange {
            min: Some(min),
            max: Some(max),
        })
    };
    let axis = held(0.8, 1.2);
    assert!(axis.zoomed);
    assert_eq!((axis.low.exp2(), axis.high.exp2()), (0.8, 1.2));
    let labels: Vec<String> = axis.ticks.iter().map(|t| format_tick(*t)).collect();
    assert_eq!(labels, ["0.8×", "0.9×", "1×", "1.1×", "1.2×"]);
    let fine = held(0.9, 0.96);
    let labels: Vec<String> = fine.ticks.iter().map(|t| format_tick(*t)).collect();
    assert_eq!(labels, ["0.9×", "0.92×", "0.94×", "0.96×"]);
    let crossed = RatioAxis::for_ratios([0.8].into_iter()).held_to(AxisRange {
        min: Some(2.0),
        max: Some(1.0),
    });
    assert!(!crossed.zoomed, "crossed ends are dropped");
}

#[test]
fn a_box_dragged_over_the_letter_prices_chart_zooms_the_ratio_and_drops_dots_outside() {
    let plot = LettersPlot::new("a", &costs(EAST));
    let (_, hits) = render(&plot, &light(1.0), (900, 600));
    let Some(frame) = hits.frames.first().copied() else {
        panic!("the chart reports its frame");
    };
    // From the left edge to the 1× rule: the cheaper half.
    let one = frame.left + (frame.right - frame.left) * (0.0 - frame.x.0) / (frame.x.1 - frame.x.0);
    let drag = DragBox {
        from: (frame.left + 1.0, frame.top + 2.0),
        to: (one, frame.bottom - 2.0),
    };
    let Some(action) = zoom_action(
        ZoomChart::Letters,
        &State::default().families,
        0,
        &frame,
        drag,
        1.0,
    ) else {
        panic!("a box this big zooms");
    };
    let state = reduce(&State::default(), action);
    let range = state.letter_table.ratio_range;
    assert!(
        range.max.is_some_and(|m| (1.0..1.02).contains(&m)),
        "{range:?}"
    );
    let zoomed = plot.clone().zoomed(range);
    let (svg, after) = render(&zoomed, &light(1.0), (900, 600));
    assert!(
        after.points.len() < hits.points.len(),
        "dearer dots are left out"
    );
    assert!(after
        .points
        .iter()
        .all(|p| zoomed.dots[p.item].ratio <= range.max.unwrap_or(f64::MAX)));
    assert!(!texts(&svg).iter().any(|t| t.starts_with("dearer")));
}
