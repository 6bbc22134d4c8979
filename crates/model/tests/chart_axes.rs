//! Chart axes on the real catalogue: round ticks in one unit per axis, no label cut off at
//! the drawing's edge, and a typed range honoured.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use atlas_model::catalog::Catalog;
use atlas_model::chart::axis::AxisLayout;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{Paint, Plan};
use atlas_model::family::families;
use atlas_model::filter::Filter;
use atlas_model::prices::{Os, PriceMetric, PriceTable, Pricing};
use atlas_model::settings::FamiliesSpec;
use atlas_model::settings::{AxisRange, Metric, Scale};
use plotters::prelude::*;

fn catalog() -> Catalog {
    Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv")).unwrap()
}

fn prices() -> PriceTable {
    PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap()
}

fn plan(spec: FamiliesSpec, filter: &Filter, pricing: Option<&Pricing>) -> FamiliesPlot {
    let catalog = catalog();
    let families = families(&catalog);
    let shown = atlas_model::shown::shown_types(&catalog, &families, filter, None);
    FamiliesPlot::build(&catalog, &families, &shown, spec, pricing)
}

fn svg_of(plot: &FamiliesPlot, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let paint = Paint {
            theme: Theme::LIGHT,
            pixel_ratio: 1.0,
        };
        plot.draw(&area, &paint).unwrap();
    }
    if let Ok(dir) = std::env::var("ATLAS_SVG_OUT") {
        let name = format!(
            "{dir}/{}-{}.svg",
            plot.spec.x.slug(),
            plot.spec.x_scale.slug()
        );
        std::fs::write(name, &svg).unwrap();
    }
    svg
}

/// Whether every label is a plain number (optionally `$`-prefixed, thousands grouped).
fn round_numbers(axis: &AxisLayout) -> bool {
    axis.labels.iter().all(|l| {
        let digits = l.trim_start_matches('$').replace(',', "");
        !digits.is_empty() && digits.parse::<f64>().is_ok()
    })
}

/// The steps between neighbouring ticks, in the labels' own numbers.
fn label_steps(axis: &AxisLayout) -> Vec<f64> {
    let values: Vec<f64> = axis
        .labels
        .iter()
        .map(|l| l.trim_start_matches('$').replace(',', "").parse().unwrap())
        .collect();
    values.windows(2).map(|w| w[1] - w[0]).collect()
}

fn linear(x: Metric, y: Metric) -> FamiliesSpec {
    FamiliesSpec {
        x,
        y,
        x_scale: Scale::Linear,
        y_scale: Scale::Linear,
        ..FamiliesSpec::default()
    }
}

#[test]
fn linear_memory_reads_in_round_tib_and_in_round_gib_when_held_to_800_gib() {
    let all = plan(
        linear(Metric::Memory, Metric::Vcpu),
        &Filter::default(),
        None,
    );
    let (x, y) = all.axes(1000.0, 1.0);
    assert_eq!(x.unit, "TiB");
    assert_eq!(x.labels.first().map(String::as_str), Some("0"));
    assert!(round_numbers(&x), "{:?}", x.labels);
    let steps = label_steps(&x);
    assert!(
        steps.iter().all(|s| *s == steps[0]) && [2.0, 4.0, 5.0].contains(&steps[0]),
        "{:?}",
        x.labels
    );
    assert!(
        Scale::Linear.from_coord(x.end) >= 32.0 * 1024.0,
        "the 32 TiB types fit"
    );
    assert_eq!(y.labels.first().map(String::as_str), Some("0"));
    assert!(
        label_steps(&y)
            .iter()
            .all(|s| [32.0, 64.0, 128.0].contains(s)),
        "{:?}",
        y.labels
    );

    let mut no_outliers = Filter::default();
    no_outliers
        .hidden_series
        .extend(["u".to_owned(), "x".to_owned()]);
    // Without them the largest is 4 TiB (p6-b300): still TiB, in round halves.
    let rest = plan(linear(Metric::Memory, Metric::Vcpu), &no_outliers, None);
    let (x, _) = rest.axes(1000.0, 1.0);
    assert_eq!(x.unit, "TiB", "{:?}", x.labels);
    assert!(round_numbers(&x));
    assert!(label_steps(&x).iter().all(|s| *s == 0.5), "{:?}", x.labels);
    assert_eq!(x.labels.last().map(String::as_str), Some("4.0"));

    // Held to 0-800 GiB, as the Tableau view was: round hundreds of GiB.
    let spec = FamiliesSpec {
        x_range: AxisRange {
            min: None,
            max: Some(800.0),
        },
        ..linear(Metric::Memory, Metric::Vcpu)
    };
    let rest = plan(spec, &no_outliers, None);
    let (x, _) = rest.axes(1000.0, 1.0);
    assert_eq!(x.unit, "GiB", "{:?}", x.labels);
    assert!(round_numbers(&x));
    let steps = label_steps(&x);
    assert!(
        steps.iter().all(|s| *s == steps[0]) && [100.0, 200.0, 250.0].contains(&steps[0]),
        "{:?}",
        x.labels
    );
    assert_eq!(x.labels.first().map(String::as_str), Some("0"));
    let svg = svg_of(&rest, (1000, 640));
    assert!(
        svg.contains("Memory (GiB)") && !svg.contains("TiB"),
        "one unit on the axis"
    );
}

#[test]
fn log_axes_tick_at_powers_of_two_and_prices_at_round_cents() {
    let log = plan(FamiliesSpec::default(), &Filter::default(), None);
    let (x, y) = log.axes(1000.0, 1.0);
    assert_eq!(x.unit, "GiB");
    assert!(round_numbers(&x) && round_numbers(&y));
    let doubling = |axis: &AxisLayout| {
        let values: Vec<f64> = axis
            .labels
            .iter()
            .map(|l| l.replace(',', "").parse().unwrap())
            .collect();
        values.iter().all(|v: &f64| v.log2().fract() == 0.0)
    };
    assert!(
        doubling(&x) && doubling(&y),
        "{:?} {:?}",
        x.labels,
        y.labels
    );
    assert_eq!(y.labels.first().map(String::as_str), Some("1"));

    let table = prices();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    let hourly = Metric::Price(PriceMetric::Hourly);
    for scale in [Scale::Log, Scale::Linear] {
        let spec = FamiliesSpec {
            x: hourly,
            x_scale: scale,
            ..FamiliesSpec::default()
        };
        let priced = plan(spec, &Filter::default(), Some(&pricing));
        let (x, _) = priced.axes(1000.0, 1.0);
        assert!(
            x.labels.iter().all(|l| l.starts_with('$')),
            "{:?}",
            x.labels
        );
        assert!(round_numbers(&x), "{:?}", x.labels);
        if scale == Scale::Log {
            assert!(x.labels.contains(&"$1".to_owned()), "{:?}", x.labels);
            let mantissas = x.labels.iter().all(|l| {
                let digits: String = l.chars().filter(char::is_ascii_digit).collect();
                matches!(digits.trim_matches('0'), "1" | "2" | "5" | "3")
            });
            assert!(mantissas, "{:?}", x.labels);
        }
        svg_of(&priced, (1000, 640));
    }
}

/// The `x` of every `<text>` element whose content is `label`.
fn text_positions(svg: &str, label: &str) -> Vec<f64> {
    let mut found = Vec::new();
    for piece in svg.split("<text").skip(1) {
        let Some((attrs, rest)) = piece.split_once('>') else {
            continue;
        };
        let content = rest.split("</text>").next().unwrap_or("").trim();
        if content != label {
            continue;
        }
        let x = attrs.split("x=\"").nth(1).and_then(|r| r.split('"').next());
        if let Some(x) = x.and_then(|x| x.parse().ok()) {
            found.push(x);
        }
    }
    found
}

#[test]
fn no_tick_label_is_cut_off_at_the_right_edge() {
    for (spec, filter) in [
        (FamiliesSpec::default(), Filter::default()),
        (linear(Metric::Memory, Metric::Vcpu), Filter::default()),
        (
            FamiliesSpec {
                x: Metric::Storage,
                ..FamiliesSpec::default()
            },
            Filter::default(),
        ),
    ] {
        for width in [360_u32, 1000] {
            let plot = plan(spec, &filter, None);
            let (x, _) = plot.axes(f64::from(width), 1.0);
            let last = x.labels.last().unwrap().clone();
            let svg = svg_of(&plot, (width, 500));
            let positions = text_positions(&svg, &last);
            assert!(!positions.is_empty(), "the last tick {last:?} is drawn");
            // 12 px digits are at most 7 px wide; the label is centred on its tick.
            let half = last.chars().count() as f64 * 7.0 / 2.0;
            for centre in positions {
                assert!(
                    centre + half <= f64::from(width),
                    "{last:?} at {centre} in {width}"
                );
            }
            // The top y label is centred on the plot's top edge: half a line must fit above.
            let (_, y) = plot.axes(f64::from(width), 1.0);
            let top = format!(">\n{}\n<", y.labels.last().unwrap());
            let tops: Vec<&str> = svg.split("<text").filter(|p| p.contains(&top)).collect();
            assert!(!tops.is_empty(), "the top y label {top:?} is drawn");
            for piece in tops {
                let y_at = piece
                    .split("y=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let y_at: f64 = y_at.parse().unwrap();
                assert!(y_at >= 6.0, "{top:?} at y {y_at}");
            }
        }
    }
}

#[test]
fn a_typed_range_leaves_out_points_outside_it_and_the_axis_follows() {
    let range = AxisRange {
        min: Some(0.0),
        max: Some(800.0),
    };
    let spec = FamiliesSpec {
        x_range: range,
        ..linear(Metric::Memory, Metric::Vcpu)
    };
    let plot = plan(spec, &Filter::default(), None);
    let catalog = catalog();
    let shown: Vec<&str> = plot
        .lines
        .iter()
        .flat_map(|l| {
            l.points
                .iter()
                .map(|p| catalog.types[p.instance].name.as_str())
        })
        .collect();
    assert!(shown.contains(&"m5.24xlarge") && !shown.contains(&"u-6tb1.112xlarge"));
    assert!(plot.point_count() < catalog.types.len());
    let (x, _) = plot.axes(1000.0, 1.0);
    assert_eq!((x.start, x.end), (0.0, 800.0));
    assert_eq!(x.unit, "GiB");
    assert_eq!(x.labels.last().map(String::as_str), Some("800"));
    assert!(
        label_steps(&x).iter().all(|s| *s == 100.0 || *s == 200.0),
        "{:?}",
        x.labels
    );
    let svg = svg_of(&plot, (1000, 640));
    assert!(!text_positions(&svg, "800").is_empty());
}

#[test]
#[ignore = "prints the tick labels of the usual charts"]
fn print_labels() {
    let table = prices();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    for x in Metric::ALL {
        for scale in [Scale::Log, Scale::Linear] {
            let spec = FamiliesSpec {
                x,
                x_scale: scale,
                y_scale: scale,
                ..FamiliesSpec::default()
            };
            let plot = plan(spec, &Filter::default(), Some(&pricing));
            for width in [360.0, 1000.0] {
                let (a, b) = plot.axes(width, 1.0);
                println!(
                    "{} {} {width}: x [{}] {:?}  y [{}] {:?}",
                    x.slug(),
                    scale.slug(),
                    a.unit,
                    a.labels,
                    b.unit,
                    b.labels
                );
            }
        }
    }
}

#[test]
fn on_a_phone_every_metric_keeps_its_x_labels_apart_and_round() {
    let table = prices();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    for x in Metric::ALL {
        for scale in [Scale::Log, Scale::Linear] {
            let spec = FamiliesSpec {
                x,
                x_scale: scale,
                ..FamiliesSpec::default()
            };
            let plot = plan(spec, &Filter::default(), Some(&pricing));
            let (axis, _) = plot.axes(720.0, 2.0);
            assert!(
                axis.labels.len() >= 2 && round_numbers(&axis),
                "{x:?} {scale:?}: {:?}",
                axis.labels
            );
            // 360 CSS px minus about 100 for the y labels and margins; 7 px per character.
            let span = axis.end - axis.start;
            let at = |t: f64| (t - axis.start) / span * 260.0;
            for (t, l) in axis.ticks.windows(2).zip(axis.labels.windows(2)) {
                let room = (l[0].len() + l[1].len()) as f64 * 3.5;
                assert!(
                    at(t[1]) - at(t[0]) >= room,
                    "{x:?} {scale:?}: {:?}",
                    axis.labels
                );
            }
        }
    }
}
