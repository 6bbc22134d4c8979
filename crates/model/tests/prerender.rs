//! The first chart drawn at build time for the page's frame: the same chart as the app's
//! first, every colour one the stylesheet recolours for light and dark pages.
#![allow(missing_docs)]

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::catalog::Catalog;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::chart::prerender::{
    classes, first_chart_svg, prerender, prerender_css, PRERENDER_SIZES, PRERENDER_TIMING,
};
use atlas_model::chart::theme::Theme;
use atlas_model::screen::families::families_screen;
use atlas_model::settings::{ColourBy, FamiliesSpec};
use atlas_model::state::State;

const STYLE: &str = include_str!("../../../assets/style.css");

fn catalog() -> Rc<Catalog> {
    Rc::new(
        Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
            .unwrap_or_else(|e| panic!("{e:?}")),
    )
}

/// The `<svg>` elements of the first chart, one per size.
fn svgs() -> Vec<String> {
    let page = first_chart_svg(catalog()).unwrap_or_else(|e| panic!("{e}"));
    page.split("<svg class=\"prerendered ")
        .skip(1)
        .map(|svg| format!("<svg class=\"prerendered {svg}"))
        .collect()
}

#[test]
fn the_first_chart_plots_every_type_the_app_plots_first_at_each_size() {
    let catalog = catalog();
    let atlas = Atlas::new(catalog.clone(), Rc::new(PriceSource::from_csv("")));
    let screen = families_screen(&atlas, &State::default());
    let svgs = svgs();
    assert_eq!(svgs.len(), PRERENDER_SIZES.len());
    for (svg, ((width, height), class)) in svgs.iter().zip(PRERENDER_SIZES) {
        assert!(
            svg.starts_with(&format!("<svg class=\"prerendered {class}\"")),
            "{}",
            &svg[..80]
        );
        // The plot's shapes stretch to the plot area wherever the page shows it; the margins
        // around it keep their pixels (the stylesheet places it, tested below).
        let plot = prerender(screen.plot.as_ref(), (width, height))
            .unwrap_or_else(|e| panic!("{e}"))
            .plot;
        assert!(plot.left > 0 && plot.top > 0, "{class}: {plot:?}");
        assert!(
            plot.right < width as i32 && plot.bottom < height as i32,
            "{class}: {plot:?}"
        );
        assert!(
            svg.contains(&format!(
                "viewBox=\"{} {} {} {}\" preserveAspectRatio=\"none\"",
                plot.left,
                plot.top,
                plot.right - plot.left,
                plot.bottom - plot.top
            )),
            "{class}"
        );
        // Every plotted type is a zero-length stroke in a path of dots, drawn once where
        // several share a place and a colour.
        let points = screen.plot.point_count();
        assert!(points > 1000);
        assert!(
            svg.contains(&format!("data-points=\"{points}\"")),
            "{class}"
        );
        let runs: Vec<Vec<&str>> = svg
            .split("<path ")
            .filter(|p| p.starts_with("class=\"s-") && p.contains(" dot\""))
            .map(|p| {
                p.split('"')
                    .nth(5)
                    .unwrap_or("")
                    .split_inclusive("h0")
                    .collect()
            })
            .collect();
        let dots: usize = runs.iter().map(Vec::len).sum();
        assert!(dots > 100 && dots < points, "{class}: {dots} dots");
        for run in &runs {
            let distinct: std::collections::HashSet<&&str> = run.iter().collect();
            assert_eq!(
                distinct.len(),
                run.len(),
                "{class}: no dot twice in a colour"
            );
        }
        // The axis titles the app's first chart has, and the one text Element Timing watches.
        assert!(svg.contains(">vCPU · log</text>"), "{class}");
        assert!(svg.contains(">Memory (GiB) · log</text>"), "{class}");
        assert_eq!(
            svg.matches(&format!("elementtiming=\"{PRERENDER_TIMING}\""))
                .count(),
            1
        );
        // Nothing the page's strict style-src would refuse.
        assert!(!svg.contains("style="), "{class}");
        assert!(!svg.contains("<style"), "{class}");
    }
}

#[test]
fn every_class_the_first_chart_uses_is_coloured_by_the_stylesheet() {
    for svg in svgs() {
        for used in svg.split("class=\"").skip(1) {
            let used = &used[..used.find('"').unwrap_or(0)];
            for class in used
                .split(' ')
                .filter(|c| c.starts_with("f-") || c.starts_with("s-"))
            {
                assert!(
                    classes().contains(&class.to_owned()),
                    "{class} is a theme role"
                );
                assert!(
                    STYLE.contains(&format!(".prerendered .{class} {{")),
                    "style.css colours .{class}"
                );
            }
        }
    }
}

#[test]
fn the_stylesheet_colours_the_roles_as_the_chart_theme_does() {
    let block = &STYLE[STYLE
        .find("/* The first chart, drawn at build time")
        .unwrap_or(0)..];
    let dark_at = block.find("prefers-color-scheme: dark").unwrap_or(0);
    let hex = |c: plotters::style::RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    for (theme, text) in [
        (Theme::LIGHT, &block[..dark_at]),
        (Theme::DARK, &block[dark_at..]),
    ] {
        for (role, colour) in [
            ("bg", theme.background),
            ("text", theme.text),
            ("axis", theme.axis),
            ("grid", theme.grid),
        ] {
            let rule = format!("--pr-{role}: {};", hex(colour));
            assert!(text.contains(&rule), "style.css has {rule}");
        }
    }
    // The categories use the page's own variables, which the legend uses too.
    let (dark_root, light_root) = (
        &STYLE[STYLE
            .find("@media (prefers-color-scheme: dark)")
            .unwrap_or(0)..],
        &STYLE[..STYLE
            .find("@media (prefers-color-scheme: dark)")
            .unwrap_or(0)],
    );
    for (theme, text) in [(Theme::LIGHT, light_root), (Theme::DARK, dark_root)] {
        for category in atlas_model::instance::Category::ALL {
            let slug = category.slug();
            let var = format!("--cat-{slug}: {};", hex(theme.category(category)));
            assert!(text.contains(&var), "style.css has {var}");
            assert!(STYLE.contains(&format!(
                ".prerendered .s-{slug} {{ stroke: var(--cat-{slug}); }}"
            )));
        }
    }
}

#[test]
fn the_stylesheet_places_each_drawing_over_its_plot_area_and_keeps_its_strokes() {
    let rules = prerender_css(catalog()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules.len(), PRERENDER_SIZES.len());
    for rule in rules {
        assert!(STYLE.contains(&rule), "style.css has\n{rule}");
    }
    // Stretched lines keep their width and dots stay round.
    assert!(STYLE.contains("vector-effect: non-scaling-stroke;"));
    // The chart's background fills the whole box behind the drawing.
    assert!(STYLE.contains("background: var(--pr-bg);"));
}

#[test]
fn a_chart_in_colours_the_stylesheet_cannot_recolour_is_refused() {
    let catalog = catalog();
    let atlas = Atlas::new(catalog.clone(), Rc::new(PriceSource::from_csv("")));
    let mut state = State::default();
    state.families = FamiliesSpec {
        colour: ColourBy::Generation,
        ..state.families
    };
    let screen = families_screen(&atlas, &state);
    let plot: &FamiliesPlot = &screen.plot;
    let error = prerender(plot, (600, 400)).expect_err("generation colours are not roles");
    assert!(error.to_string().contains("not a theme colour"), "{error}");
}
