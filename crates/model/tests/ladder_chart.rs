//! The Sizes view's ladder chart on the real dataset: plan, defaults and SVG drawing.
#![allow(missing_docs)]

use atlas_model::catalog::Catalog;
use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::ladder::{
    default_families, family_colour, size_name, size_step, LadderPlot, DARK_FAMILY_COLOURS,
    DEFAULT_FAMILIES, LIGHT_FAMILY_COLOURS,
};
use atlas_model::chart::theme::Theme;
use atlas_model::chart::zoom::{zoom_action, DragBox};
use atlas_model::chart::{Paint, Plan};
use atlas_model::family::{families, Family};
use atlas_model::name::Size;
use atlas_model::settings::ZoomChart;
use atlas_model::sizes::{breaks_doubling, doubling};
use atlas_model::state::{reduce, State};
use plotters::prelude::*;

fn setup() -> (Catalog, Vec<Family>) {
    let catalog = Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let families = families(&catalog);
    (catalog, families)
}

fn render(plot: &LadderPlot, theme: Theme, size: (u32, u32)) -> (String, HitMap) {
    let mut svg = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let paint = Paint {
            theme,
            pixel_ratio: 1.0,
        };
        plot.draw(&area, &paint).unwrap_or_else(|e| panic!("{e:?}"))
    };
    // LADDER_SVG=dir writes each picture there, to look at.
    if let Ok(dir) = std::env::var("LADDER_SVG") {
        let name = format!("{dir}/ladder-{}x{}.svg", size.0, size.1);
        std::fs::write(name, &svg).unwrap_or_else(|e| panic!("{e:?}"));
    }
    (svg, hits)
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn hit_of(catalog: &Catalog, hits: &HitMap, name: &str) -> Vec<(i32, i32)> {
    let index = catalog
        .types
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("a value was expected"));
    hits.points
        .iter()
        .filter(|p| p.item == index)
        .map(|p| (p.x, p.y))
        .collect()
}

#[test]
fn size_names_follow_the_ladder() {
    for step in -5..=8 {
        let name = size_name(step);
        let parsed = Size::parse(&name).unwrap();
        assert_eq!(parsed.ladder_step(), Some(f64::from(step)), "{name}");
    }
    assert_eq!(size_name(-1), "large");
    assert_eq!(size_name(0), "xlarge");
    assert_eq!(size_name(4), "16xlarge");
}

#[test]
fn with_nothing_chosen_the_defaults_show_three_doublers_and_a_breaker() {
    let (catalog, families) = setup();
    assert_eq!(default_families(&families), names(&DEFAULT_FAMILIES));
    let plot = LadderPlot::build(&catalog, &families, &[]);
    assert_eq!(plot.series_count(), 4);
    let t3 = plot.lines.iter().find(|l| l.family == "t3").unwrap();
    assert!(t3.memory_breakers.is_empty(), "t3's memory doubles");
    let broken: Vec<&str> = t3
        .vcpu_breakers
        .iter()
        .map(|&i| catalog.types[i].size.as_str())
        .collect();
    assert_eq!(broken, ["nano", "micro", "small", "medium"]);
    for doubler in ["m5", "c7g", "r6i"] {
        let line = plot.lines.iter().find(|l| l.family == doubler).unwrap();
        assert!(
            line.vcpu_breakers.is_empty() && line.memory_breakers.is_empty(),
            "{doubler} doubles all the way"
        );
    }
    let m5 = families.iter().find(|f| f.name == "m5").unwrap();
    let expected: usize = ["m5", "c7g", "r6i", "t3"]
        .iter()
        .map(|n| {
            families
                .iter()
                .find(|f| f.name == *n)
                .unwrap()
                .members
                .iter()
                .filter(|&&i| catalog.types[i].size != "metal")
                .count()
        })
        .sum();
    assert_eq!(plot.point_count(), expected, "every size but plain metal");
    assert!(m5.members.len() >= 8);
}

#[test]
fn chosen_families_keep_their_order_and_unknown_names_are_reported() {
    let (catalog, families) = setup();
    let chosen = names(&["c4", "nope9", "hpc7a"]);
    let plot = LadderPlot::build(&catalog, &families, &chosen);
    let drawn: Vec<&str> = plot.lines.iter().map(|l| l.family.as_str()).collect();
    assert_eq!(drawn, ["c4", "hpc7a"]);
    assert_eq!(plot.skipped, ["nope9"]);
    let c4_8xl = catalog
        .types
        .iter()
        .position(|t| t.name == "c4.8xlarge")
        .unwrap();
    assert_eq!(plot.lines[0].vcpu_breakers, [c4_8xl], "36 vCPUs, not 32");
    assert!(plot.lines[0].breaks(c4_8xl));
    assert_eq!(
        plot.lines[1].memory_breakers.len(),
        3,
        "hpc7a keeps 768 GiB"
    );
    assert!(plot.lines[1].vcpu_breakers.is_empty());
    // Defaults for data without the preferred families still draw two lines.
    let odd: Vec<Family> = families
        .iter()
        .filter(|f| !DEFAULT_FAMILIES.contains(&f.name.as_str()))
        .cloned()
        .collect();
    assert_eq!(default_families(&odd).len(), 2);
    assert!(default_families(&[]).is_empty());
}

#[test]
fn the_svg_has_both_panels_size_names_and_a_ring_per_breaker() {
    let (catalog, families) = setup();
    let plot = LadderPlot::build(&catalog, &families, &[]);
    let (svg, hits) = render(&plot, Theme::LIGHT, (1000, 440));
    assert_eq!(
        hits.points.len(),
        plot.point_count() * 2,
        "each type in both panels"
    );
    for text in [
        "vCPU · log2",
        "Memory (GiB) · log2",
        "xlarge",
        "large",
        "16xlarge",
    ] {
        assert!(
            svg.contains(&format!(">{text}<")) || svg.contains(text),
            "{text}"
        );
    }
    assert!(
        svg.contains("Memory (GiB) · log2") && !svg.contains(" GiB\n"),
        "the memory panel names its unit once, in its title"
    );

    // Side by side: m5.large's memory dot is in the right half, its vCPU dot in the left.
    let m5_large = hit_of(&catalog, &hits, "m5.large");
    assert_eq!(m5_large.len(), 2);
    assert!(m5_large[0].0 < 500 && m5_large[1].0 > 500, "{m5_large:?}");
    // Doubling: one step up the ladder is the same distance up, size after size.
    let m5: Vec<(i32, i32)> = ["m5.large", "m5.xlarge", "m5.2xlarge"]
        .iter()
        .map(|n| hit_of(&catalog, &hits, n)[0])
        .collect();
    let (rise1, rise2) = (m5[0].1 - m5[1].1, m5[1].1 - m5[2].1);
    assert!(rise1 > 0 && (rise1 - rise2).abs() <= 1, "{m5:?}");
    // t3's small sizes keep 2 vCPUs: flat in the vCPU panel.
    let nano = hit_of(&catalog, &hits, "t3.nano")[0];
    let medium = hit_of(&catalog, &hits, "t3.medium")[0];
    assert_eq!(nano.1, medium.1);
    // The four t3 breakers keep 2 vCPUs: hollow rings (stroked circles, no fill) in the
    // vCPU panel; their memory doubles, so the memory panel has plain dots.
    let t3 = family_colour(&Theme::LIGHT, 3);
    let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", t3.0, t3.1, t3.2);
    let rings = svg
        .lines()
        .filter(|l| l.contains("<circle") && l.contains(&stroke) && l.contains("fill=\"none\""))
        .count();
    assert_eq!(rings, 4, "four breakers, in the vCPU panel only");
}

#[test]
fn narrow_charts_stack_the_panels_and_highlight_one_family() {
    let (catalog, families) = setup();
    let plot = LadderPlot::build(&catalog, &families, &[]);
    let (_, hits) = render(&plot, Theme::DARK, (340, 600));
    let m5_large = hit_of(&catalog, &hits, "m5.large");
    assert!(m5_large[0].1 < 300 && m5_large[1].1 > 300, "{m5_large:?}");
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (340, 600)).into_drawing_area();
        let paint = Paint {
            theme: Theme::DARK,
            pixel_ratio: 1.0,
        };
        plot.draw_highlight(&area, &hits, 0, &paint).unwrap();
        plot.draw_highlight(&area, &hits, 99, &paint).unwrap();
    }
    let m5 = family_colour(&Theme::DARK, 0);
    let colour = format!("#{:02X}{:02X}{:02X}", m5.0, m5.1, m5.2);
    assert_eq!(
        svg.matches("<polyline").count(),
        4,
        "halo and line, per panel"
    );
    assert!(svg.contains(&colour));
}

#[test]
fn an_empty_plan_still_draws_a_frame() {
    let plot = LadderPlot::default();
    let (svg, hits) = render(&plot, Theme::LIGHT, (800, 400));
    assert!(hits.points.is_empty());
    assert!(svg.contains("vCPU · log2"));
}

#[test]
fn per_panel_breakers_together_are_the_family_breakers() {
    let (catalog, families) = setup();
    let all: Vec<String> = families.iter().map(|f| f.name.clone()).collect();
    let plot = LadderPlot::build(&catalog, &families, &all);
    // Only families with no size on the ladder (a plain `metal` alone, as mac2) are skipped.
    for name in &plot.skipped {
        let family = families.iter().find(|f| &f.name == name).unwrap();
        assert!(doubling(&catalog, family).is_empty(), "{name}");
    }
    assert!(plot.skipped.len() < 20, "{:?}", plot.skipped);
    for line in &plot.lines {
        let family = families.iter().find(|f| f.name == line.family).unwrap();
        let mut expected = breaks_doubling(&doubling(&catalog, family));
        let mut either: Vec<usize> = line
            .vcpu_breakers
            .iter()
            .chain(&line.memory_breakers)
            .copied()
            .collect();
        either.sort_unstable();
        either.dedup();
        expected.sort_unstable();
        assert_eq!(either, expected, "{}", line.family);
    }
}

#[test]
fn the_page_legend_uses_the_chart_colours() {
    let css = include_str!("../../../assets/style.css");
    let block = &css[css.find("/* Sizes view").unwrap()..];
    let dark_at = block.find("prefers-color-scheme: dark").unwrap();
    for (palette, text) in [
        (LIGHT_FAMILY_COLOURS, &block[..dark_at]),
        (DARK_FAMILY_COLOURS, &block[dark_at..]),
    ] {
        for (slot, c) in palette.iter().enumerate() {
            let hex = format!("--ladder-{slot}: #{:02x}{:02x}{:02x};", c.0, c.1, c.2);
            assert!(text.contains(&hex), "style.css has {hex}");
        }
    }
}

#[test]
fn size_names_read_back_as_steps() {
    for step in -10..=10 {
        assert_eq!(
            size_step(&size_name(step)),
            Some(step),
            "{}",
            size_name(step)
        );
    }
    assert_eq!(size_step("3xlarge"), None, "not a whole doubling");
    assert_eq!(size_step("huge"), None);
}

#[test]
fn a_box_dragged_on_the_vcpu_panel_holds_sizes_and_vcpu_and_leaves_the_rest_out() {
    let (catalog, families) = setup();
    let plot = LadderPlot::build(&catalog, &families, &[]);
    let (_, hits) = render(&plot, Theme::LIGHT, (1000, 420));
    assert_eq!(hits.frames.len(), 2, "a frame per panel");
    let vcpu = hits.frames[0];
    // The left half of the vCPU panel, bottom to top.
    let drag = DragBox {
        from: (vcpu.left + 2.0, vcpu.top + 2.0),
        to: ((vcpu.left + vcpu.right) / 2.0, vcpu.bottom - 2.0),
    };
    let state = State::default();
    let Some(action) = zoom_action(ZoomChart::Ladder, &state.families, 0, &vcpu, drag, 1.0) else {
        panic!("a box this big zooms");
    };
    let zoomed = reduce(&state, action);
    let ranges = zoomed.sizes.ladder_ranges;
    let (Some(lo), Some(hi)) = (ranges.size.min, ranges.size.max) else {
        panic!("both size ends are set: {ranges:?}");
    };
    assert!(
        lo.fract() == 0.0 && hi.fract() == 0.0,
        "whole steps: {ranges:?}"
    );
    assert!(
        ranges.vcpu.is_set() && !ranges.memory.is_set(),
        "{ranges:?}"
    );

    let held = plot.clone().zoomed(ranges);
    let (svg, after) = render(&held, Theme::LIGHT, (1000, 420));
    assert!(after.points.len() < hits.points.len());
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim()))
        .collect();
    let label = |name: &str| texts.contains(&name);
    assert!(
        label(&size_name(lo as i32)),
        "the axis starts at the range: {texts:?}"
    );
    assert!(!label("48xlarge"), "sizes beyond the range are left out");
}
