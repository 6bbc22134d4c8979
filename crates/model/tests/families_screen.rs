//! The Families screen, derived on the host: what the chart plots, its counts, the words a
//! screen reader hears, the table that stands in for it, a zoom read back from pixels, and
//! the picture it saves.

mod common;

use atlas_model::chart::image::svg_image;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::zoom::{zoom_action, zoom_ranges, DragBox};
use atlas_model::chart::{Paint, Plan};
use atlas_model::instance::Category;
use atlas_model::screen::families::families_screen;
use atlas_model::settings::{Axis, ChartAxis, ZoomChart};
use atlas_model::settings::{AxisRange, Metric, Scale};
use atlas_model::state::{reduce, Action, State};
use plotters::prelude::*;

use common::atlas;

#[test]
fn the_screen_counts_lists_and_sums_up_what_the_chart_draws() {
    let atlas = atlas();
    let screen = families_screen(&atlas, &State::default());
    let types = atlas.catalog.types.len();
    assert_eq!(screen.plot.point_count(), types);
    assert_eq!(screen.rows().len(), types, "one table row per dot");
    assert!(screen.summary.starts_with(&format!(
        "{} family lines through {types} instance types.",
        atlas.families.len()
    )));
    assert!(
        screen.summary.contains("vCPU from 1 to"),
        "{}",
        screen.summary
    );
    assert_eq!(screen.legend.len(), Category::ALL.len());
    assert_eq!(screen.hint, None);
    assert!(!screen.zoomed);
    let m5 = common::index(&atlas.catalog, "m5.large");
    assert_eq!(
        screen.describe(m5),
        "m5.large (m5): vCPU 2, Memory (GiB) 8 GiB"
    );
    assert_eq!(screen.headings[2], "Memory (GiB)");

    let no_compute = reduce(&State::default(), Action::ToggleCategory(Category::Compute));
    let fewer = families_screen(&atlas, &no_compute);
    assert!(fewer.rows().len() < types);
    assert_eq!(
        fewer.legend.len(),
        Category::ALL.len() - 1,
        "the legend follows"
    );
}

#[test]
fn a_typed_range_holds_the_ticks_and_says_what_it_leaves_out() {
    let atlas = atlas();
    let state = reduce(&State::default(), Action::SetScale(Axis::X, Scale::Linear));
    let state = reduce(
        &state,
        Action::SetRange(
            ChartAxis::Families(Axis::X),
            AxisRange {
                min: Some(0.0),
                max: Some(800.0),
            },
        ),
    );
    let screen = families_screen(&atlas, &state);
    assert!(screen.zoomed);
    let (x, _) = screen.plot.axes(1200.0, 1.0);
    assert_eq!((x.start, x.end), (0.0, 800.0));
    assert_eq!(x.unit, "GiB");
    assert_eq!(
        x.labels,
        ["0", "100", "200", "300", "400", "500", "600", "700", "800"]
    );
    let hint = screen.hint.expect("the u types are left out");
    assert!(hint.contains("outside the range"), "{hint}");
}

#[test]
fn a_box_dragged_on_the_drawn_chart_zooms_to_what_it_covers() {
    let atlas = atlas();
    let state = reduce(&State::default(), Action::SetScale(Axis::X, Scale::Linear));
    let state = reduce(&state, Action::SetScale(Axis::Y, Scale::Linear));
    let screen = families_screen(&atlas, &state);
    let mut svg = String::new();
    let hits = {
        let area = SVGBackend::with_string(&mut svg, (800, 480)).into_drawing_area();
        let paint = Paint {
            theme: Theme::LIGHT,
            pixel_ratio: 1.0,
        };
        screen.plot.draw(&area, &paint).expect("drawn")
    };
    let frame = *hits
        .frames
        .first()
        .expect("the Families chart reports its frame");
    let scales = (state.families.x_scale, state.families.y_scale);
    // The whole frame, corner to corner: the ranges are the axes' own ends.
    let drag = DragBox {
        from: (frame.left, frame.top),
        to: (frame.right, frame.bottom),
    };
    let (x, y) = zoom_ranges(scales, &frame, drag, 1.0).expect("a zoom");
    // Rounded outwards to three significant digits: 32,768 GiB reads 32,800.
    let near =
        |got: Option<f64>, want: f64| got.is_some_and(|g| g >= want && g <= want * 1.01 + 1e-9);
    assert_eq!(x.min, Some(0.0));
    assert!(near(x.max, frame.x.1), "{x:?} for {:?}", frame.x);
    assert!(near(y.max, frame.y.1), "{y:?} for {:?}", frame.y);
    // The left half of the frame: memory from 0 to half the axis.
    let half = DragBox {
        from: (frame.left, frame.top),
        to: ((frame.left + frame.right) / 2.0, frame.bottom),
    };
    let (x, _) = zoom_ranges(scales, &frame, half, 1.0).expect("a zoom");
    assert!(near(x.max, frame.x.1 / 2.0), "{x:?}");
    let action =
        zoom_action(ZoomChart::Families, &state.families, 0, &frame, half, 1.0).expect("a zoom");
    assert_eq!(
        action,
        Action::Zoom(vec![
            (ChartAxis::Families(Axis::X), x),
            (ChartAxis::Families(Axis::Y), y)
        ])
    );
    let zoomed = reduce(&state, action);
    let after = families_screen(&atlas, &zoomed);
    assert!(after.plot.point_count() < screen.plot.point_count());
    assert_eq!(state.families.x, Metric::Memory);
}

#[test]
fn the_saved_picture_has_title_axes_legend_and_source() {
    let atlas = atlas();
    let screen = families_screen(&atlas, &State::default());
    let mut caption = screen.caption.clone();
    caption.source = "Data: test catalogue, prices as of 2025-03-02".to_owned();
    let svg = svg_image(screen.plot.as_ref(), &caption, Theme::DARK).expect("drawn");
    assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("</svg>").count(), 1, "one document");
    for words in [
        "Instance Atlas: vCPU against Memory (GiB)",
        "Memory (GiB) · log",
        "Compute optimised",
        "prices as of 2025-03-02",
    ] {
        assert!(svg.contains(words), "the picture says {words}");
    }
    assert!(svg.contains(&Theme::css(Theme::DARK.background).to_lowercase()) || svg.contains("#"));
}

#[test]
fn range_boxes_read_numbers_and_say_what_they_refuse() {
    use atlas_model::screen::families::{range_text, range_unit, read_range_end};
    assert_eq!(read_range_end(" 800 "), Ok(Some(800.0)));
    assert_eq!(read_range_end("1,024"), Ok(Some(1024.0)));
    assert_eq!(read_range_end(""), Ok(None));
    let refused = read_range_end("lots").unwrap_err();
    assert!(refused.contains("not a number"), "{refused}");
    assert_eq!(range_text(Some(0.5)), "0.5");
    assert_eq!(range_text(None), "");
    assert_eq!(range_unit(Metric::Memory), "GiB");
}

#[test]
fn the_address_carries_the_ranges_and_names_a_bad_one() {
    use atlas_model::url_state::{decode, encode};
    let decoded = decode("?xscale=linear&xmin=0&xmax=800&ymax=64");
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    let spec = decoded.state.families;
    assert_eq!(
        (spec.x_range.min, spec.x_range.max),
        (Some(0.0), Some(800.0))
    );
    assert_eq!((spec.y_range.min, spec.y_range.max), (None, Some(64.0)));
    assert_eq!(
        encode(&decoded.state),
        "xscale=linear&xmin=0&xmax=800&ymax=64"
    );
    let bad = decode("?xmax=lots&ymin=inf");
    assert_eq!(
        bad.ignored,
        ["xmax=lots: not a number", "ymin=inf: not a number"]
    );
    assert!(!bad.state.families.x_range.is_set());
}

#[test]
fn a_zoomed_chart_describes_and_lists_only_the_types_in_view_and_says_it_is_zoomed() {
    let atlas = atlas();
    let whole = families_screen(&atlas, &State::default());
    let zoom = Action::Zoom(vec![
        (
            ChartAxis::Families(Axis::X),
            AxisRange {
                min: Some(4.0),
                max: Some(64.0),
            },
        ),
        (
            ChartAxis::Families(Axis::Y),
            AxisRange {
                min: Some(2.0),
                max: Some(16.0),
            },
        ),
    ]);
    let zoomed = families_screen(&atlas, &reduce(&State::default(), zoom));
    let drawn = zoomed.plot.point_count();
    assert!(drawn > 0 && drawn < whole.plot.point_count());
    let rows = zoomed.rows();
    assert_eq!(rows.len(), drawn, "the table lists the dots in view only");
    let m5 = |name: &str| rows.iter().any(|r| r.name == name);
    assert!(m5("m5.xlarge"), "4 vCPU, 16 GiB is in view");
    assert!(!m5("m5.24xlarge"), "96 vCPU is not");
    let types = atlas.catalog.types.len();
    assert!(
        zoomed.summary.starts_with(&format!(
            "Zoomed to 2–16 vCPU, 4–64 GiB: {drawn} of {types} instance types. "
        )),
        "{}",
        zoomed.summary
    );
    assert!(
        zoomed
            .summary
            .contains(&format!("through {drawn} instance types")),
        "{}",
        zoomed.summary
    );
    assert!(
        zoomed.summary.contains("vCPU from 2 to 16"),
        "{}",
        zoomed.summary
    );
    assert!(!whole.summary.contains("Zoomed"), "{}", whole.summary);

    let above = Action::SetRange(
        ChartAxis::Families(Axis::Y),
        AxisRange {
            min: Some(64.0),
            max: None,
        },
    );
    let typed = families_screen(&atlas, &reduce(&State::default(), above));
    assert!(
        typed.summary.starts_with("Zoomed to at least 64 vCPU: "),
        "{}",
        typed.summary
    );
}
