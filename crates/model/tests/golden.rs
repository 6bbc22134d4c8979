//! Golden pictures: every chart plan, drawn in light and dark on the SVG backend, must
//! equal the file committed in `tests/golden/`. A changed margin, colour, tick or label
//! fails here. After an intended change, rewrite the files and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p atlas-model --test golden
//! ```

mod common;

use std::path::PathBuf;

use atlas_model::capabilities::{counts_by_category_and_vendor, counts_by_feature};
use atlas_model::chart::bars::BarsPlot;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::chart::ladder::LadderPlot;
use atlas_model::chart::letters::LettersPlot;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{Paint, Plan};
use atlas_model::filter::Filter;
use atlas_model::settings::FamiliesSpec;
use plotters::prelude::*;

/// The size every golden picture is drawn at, in pixels.
const SIZE: (u32, u32) = (800, 480);

fn svg(plan: &impl Plan, theme: Theme) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let paint = Paint {
            theme,
            pixel_ratio: 1.0,
        };
        if let Err(error) = plan.draw(&area, &paint) {
            panic!("the plan draws: {error}");
        }
    }
    svg
}

/// Compares `plan` in both themes with `tests/golden/<name>-<theme>.svg`, or rewrites the
/// files when `UPDATE_GOLDEN` is set.
fn check(name: &str, plan: &impl Plan) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for (theme, slug) in [(Theme::LIGHT, "light"), (Theme::DARK, "dark")] {
        let drawn = svg(plan, theme);
        let path = folder.join(format!("{name}-{slug}.svg"));
        if update {
            if let Err(error) = std::fs::write(&path, &drawn) {
                panic!("cannot write {}: {error}", path.display());
            }
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!(
                "no golden picture {} ({error}); write it with UPDATE_GOLDEN=1 cargo test -p atlas-model --test golden",
                path.display()
            )
        });
        if drawn != golden {
            let line = drawn
                .lines()
                .zip(golden.lines())
                .position(|(a, b)| a != b)
                .map_or_else(|| "the length".to_owned(), |l| format!("line {}", l + 1));
            panic!(
                "{name} ({slug}) differs from {} at {line}. If the change is intended, run \
                 UPDATE_GOLDEN=1 cargo test -p atlas-model --test golden and review the diff.",
                path.display()
            );
        }
    }
}

#[test]
fn the_families_chart_looks_as_committed() {
    let (catalog, families) = common::setup();
    let shown = common::shown(&catalog, &families, &Filter::default());
    let plot = FamiliesPlot::build(&catalog, &families, &shown, FamiliesSpec::default(), None);
    check("families", &plot);
}

#[test]
fn the_ladder_chart_looks_as_committed() {
    let (catalog, families) = common::setup();
    check("ladder", &LadderPlot::build(&catalog, &families, &[]));
}

#[test]
fn the_capability_bar_charts_look_as_committed() {
    let (catalog, families) = common::setup();
    let shown = common::shown(&catalog, &families, &Filter::default());
    let rows: Vec<usize> = shown.types().collect();
    let vendors = BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(&catalog, &rows));
    check("bars-vendor", &vendors);
    check(
        "bars-feature",
        &BarsPlot::by_feature(&counts_by_feature(&catalog, &shown)),
    );
}

#[test]
fn the_letters_chart_looks_as_committed() {
    let (catalog, families) = common::setup();
    let costs = common::letter_costs(&catalog, &families);
    check("letters", &LettersPlot::new("a", &costs));
}
