//! The Families chart on the real dataset: families, filters, plan and SVG drawing.
#![allow(missing_docs)]

mod common;

use atlas_model::catalog::Catalog;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{Paint, Plan};
use atlas_model::family::{families, series_of, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::settings::FamiliesSpec;
use atlas_model::settings::{Metric, Scale};
use plotters::prelude::*;

fn catalog() -> Catalog {
    Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn render(
    catalog: &Catalog,
    plot: &FamiliesPlot,
    theme: Theme,
    size: (u32, u32),
) -> (String, HitMap) {
    let mut svg = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        plot.draw(
            &area,
            &Paint {
                theme,
                pixel_ratio: 1.0,
            },
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
    };
    assert_eq!(hits.points.len(), plot.point_count());
    let _ = catalog;
    (svg, hits)
}

fn hit_of(catalog: &Catalog, hits: &HitMap, name: &str) -> (i32, i32) {
    let index = catalog
        .types
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("a value was expected"));
    let hit = hits
        .points
        .iter()
        .find(|p| p.item == index)
        .unwrap_or_else(|| panic!("a value was expected"));
    (hit.x, hit.y)
}

#[test]
fn families_group_every_type_once_in_size_order() {
    let catalog = catalog();
    let families = families(&catalog);
    let names: std::collections::BTreeSet<&str> =
        catalog.types.iter().map(|t| t.family.as_str()).collect();
    assert_eq!(families.len(), names.len());
    assert!(families.len() > 180, "{} families", families.len());
    let members: usize = families.iter().map(|f| f.members.len()).sum();
    assert_eq!(members, catalog.types.len());
    let m5 = families.iter().find(|f| f.name == "m5").unwrap();
    let sizes: Vec<&str> = m5
        .members
        .iter()
        .map(|&i| catalog.types[i].size.as_str())
        .collect();
    assert_eq!(
        sizes,
        [
            "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge",
            "metal"
        ]
    );
    let t3 = families.iter().find(|f| f.name == "t3").unwrap();
    assert_eq!(catalog.types[t3.members[0]].size, "nano");
    let u = families.iter().find(|f| f.name == "u-6tb1").unwrap();
    assert_eq!((u.series.as_str(), u.category), ("u", Category::Memory));
    assert_eq!(
        families.iter().find(|f| f.name == "p3dn").unwrap().category,
        Category::Accelerated
    );
}

#[test]
fn series_list_has_the_tableau_letters_and_the_longer_series() {
    let series = series_of(&families(&catalog()));
    for letter in [
        "a", "c", "d", "h", "i", "m", "r", "t", "u", "x", "z", "hpc", "inf", "trn", "mac",
    ]
    .iter()
    .filter(|s| **s != "mac")
    {
        assert!(
            series.iter().any(|s| s == letter),
            "series {letter} listed: {series:?}"
        );
    }
    let first_long = series.iter().position(|s| s.len() > 1).unwrap();
    assert!(
        series[..first_long].iter().all(|s| s.len() == 1),
        "single letters first"
    );
}

#[test]
fn the_plan_draws_every_family_and_filters_narrow_it() {
    let catalog = catalog();
    let families: Vec<Family> = families(&catalog);
    let spec = FamiliesSpec::default();
    let all = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        spec,
        None,
    );
    assert_eq!(
        (all.series_count(), all.point_count()),
        (families.len(), catalog.types.len())
    );

    let mut no_compute = Filter::default();
    no_compute.hidden_categories.insert(Category::Compute);
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &no_compute),
        spec,
        None,
    );
    let compute = families
        .iter()
        .filter(|f| f.category == Category::Compute)
        .count();
    assert_eq!(plot.series_count(), families.len() - compute);

    let current = Filter {
        current_only: true,
        ..Filter::default()
    };
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &current),
        spec,
        None,
    );
    let current_types = catalog
        .types
        .iter()
        .filter(|t| t.current_generation)
        .count();
    assert_eq!(plot.point_count(), current_types);

    // GPUs on a log axis: types without GPUs have no place there and are not drawn.
    let gpus = FamiliesSpec {
        y: Metric::Gpus,
        ..spec
    };
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        gpus,
        None,
    );
    assert_eq!(
        plot.point_count(),
        catalog.types.iter().filter(|t| t.gpus > 0).count()
    );
}

#[test]
fn svg_drawing_has_a_dot_per_type_and_points_land_where_their_values_say() {
    let catalog = catalog();
    let families = families(&catalog);
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        FamiliesSpec::default(),
        None,
    );
    let (svg, hits) = render(&catalog, &plot, Theme::LIGHT, (1000, 640));
    assert_eq!(svg.matches("<circle").count(), catalog.types.len());
    assert!(
        svg.contains("Memory (GiB)") && svg.contains("vCPU"),
        "axis titles drawn"
    );
    assert!(
        svg.contains("Memory (GiB) · log") && svg.contains("\n0.5\n") && svg.contains("\n32,768\n"),
        "log memory axis labelled in GiB, powers of two"
    );
    assert!(hits
        .points
        .iter()
        .all(|p| (0..1000).contains(&p.x) && (0..640).contains(&p.y)));

    let small = hit_of(&catalog, &hits, "t3.nano");
    let big = hit_of(&catalog, &hits, "p3dn.24xlarge");
    let huge = hit_of(&catalog, &hits, "u7in-32tb.224xlarge");
    assert!(
        small.0 < big.0 && big.0 < huge.0,
        "more memory is further right"
    );
    assert!(small.1 > big.1, "more vCPUs is higher up");
    // On a log axis each doubling is the same distance: m5.large -> xlarge -> 2xlarge.
    let (l, x, x2) = (
        hit_of(&catalog, &hits, "m5.large"),
        hit_of(&catalog, &hits, "m5.xlarge"),
        hit_of(&catalog, &hits, "m5.2xlarge"),
    );
    assert!(
        ((x.0 - l.0) - (x2.0 - x.0)).abs() <= 1,
        "equal steps per doubling: {l:?} {x:?} {x2:?}"
    );
    let nearest = hits
        .nearest(f64::from(big.0) + 2.0, f64::from(big.1) - 1.0, 10.0)
        .unwrap();
    // hpc7a.48xlarge shares p3dn.24xlarge's 96 vCPU and 768 GiB: either is the right answer.
    assert_eq!((nearest.x, nearest.y), big);
    let found = &catalog.types[nearest.item];
    assert_eq!((found.vcpu, found.memory_gib), (96, 768.0));
}

#[test]
fn linear_axes_and_dark_theme_change_the_picture() {
    let catalog = catalog();
    let families = families(&catalog);
    let log = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        FamiliesSpec::default(),
        None,
    );
    let linear_spec = FamiliesSpec {
        x_scale: Scale::Linear,
        y_scale: Scale::Linear,
        ..FamiliesSpec::default()
    };
    let linear = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        linear_spec,
        None,
    );
    let (_, log_hits) = render(&catalog, &log, Theme::LIGHT, (800, 500));
    let (svg, linear_hits) = render(&catalog, &linear, Theme::DARK, (800, 500));
    // Linear: the small types crowd into the bottom-left corner.
    let small_log = hit_of(&catalog, &log_hits, "m5.large");
    let small_linear = hit_of(&catalog, &linear_hits, "m5.large");
    assert!(small_linear.0 < small_log.0 && small_linear.1 > small_log.1);
    assert!(
        svg.contains("#181A1F") || svg.contains("#181a1f"),
        "dark background painted"
    );
    assert!(
        svg.contains("Memory (TiB)") && !svg.contains("\n1\n"),
        "linear memory axis in TiB has no power-of-two ticks"
    );
}

#[test]
fn an_empty_plan_still_draws_axes() {
    let catalog = catalog();
    let families = families(&catalog);
    let mut none = Filter::default();
    none.hidden_categories.extend(Category::ALL);
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &none),
        FamiliesSpec::default(),
        None,
    );
    assert_eq!((plot.series_count(), plot.point_count()), (0, 0));
    let (svg, hits) = render(&catalog, &plot, Theme::LIGHT, (360, 300));
    assert!(hits.points.is_empty());
    assert!(svg.contains("vCPU"));
}

#[test]
fn a_highlight_redraws_one_family_through_its_drawn_points() {
    let catalog = catalog();
    let families = families(&catalog);
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        FamiliesSpec::default(),
        None,
    );
    let (_, hits) = render(&catalog, &plot, Theme::LIGHT, (900, 600));
    let m5 = plot.lines.iter().position(|l| l.family == "m5").unwrap();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (900, 600)).into_drawing_area();
        plot.draw_highlight(
            &area,
            &hits,
            m5,
            &Paint {
                theme: Theme::LIGHT,
                pixel_ratio: 1.0,
            },
        )
        .unwrap();
    }
    let m5_points = plot.lines[m5].points.len();
    assert_eq!(
        svg.matches("<circle").count(),
        2 * m5_points,
        "a dot and a ring per m5 size"
    );
    let (x, y) = hit_of(&catalog, &hits, "m5.24xlarge");
    assert!(
        svg.contains(&format!("cx=\"{x}\" cy=\"{y}\"")),
        "the highlight passes through m5.24xlarge's dot"
    );
}

#[test]
fn colouring_by_vendor_generation_and_price() {
    use atlas_model::chart::colour::LineColour;
    use atlas_model::instance::Vendor;
    use atlas_model::prices::{Os, PriceMetric, PriceTable, Pricing};
    use atlas_model::settings::ColourBy;
    let catalog = catalog();
    let families = families(&catalog);
    let vendor = FamiliesSpec {
        colour: ColourBy::Vendor,
        ..FamiliesSpec::default()
    };
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        vendor,
        None,
    );
    let line = |plot: &FamiliesPlot, name: &str| {
        plot.lines
            .iter()
            .find(|l| l.family == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        line(&plot, "m7g").colour,
        LineColour::Vendor(Vendor::Graviton)
    );
    assert_eq!(line(&plot, "m5a").colour, LineColour::Vendor(Vendor::Amd));
    let generation = FamiliesSpec {
        colour: ColourBy::Generation,
        ..FamiliesSpec::default()
    };
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        generation,
        None,
    );
    assert_eq!(line(&plot, "c7gn").colour, LineColour::Generation(Some(7)));

    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    let price = FamiliesSpec {
        colour: ColourBy::Price(PriceMetric::Hourly),
        ..FamiliesSpec::default()
    };
    let plot = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        price,
        Some(&pricing),
    );
    let (low, high) = plot.price_span.unwrap();
    assert!(
        low < 0.01 && high > 50.0,
        "prices from a nano to the largest GPU types: {low} {high}"
    );
    let m5 = line(&plot, "m5");
    let shades: Vec<f64> = m5.points.iter().filter_map(|p| p.shade).collect();
    assert!(
        shades.len() >= 6,
        "most m5 sizes are priced in us-east-1: {shades:?}"
    );
    assert!(
        // m5.metal costs what m5.24xlarge costs: equal shades, never darker for less.
        shades.windows(2).all(|w| w[0] <= w[1]) && shades.iter().all(|s| (0.0..=1.0).contains(s))
    );
    // Without prices nothing is shaded, and the chart still draws.
    let unpriced = FamiliesPlot::build(
        &catalog,
        &families,
        &common::shown(&catalog, &families, &Filter::default()),
        price,
        None,
    );
    assert!(unpriced.price_span.is_none() && unpriced.point_count() == catalog.types.len());
    let (svg, _) = render(&catalog, &plot, Theme::DARK, (800, 500));
    assert_eq!(svg.matches("<circle").count(), plot.point_count());
}
