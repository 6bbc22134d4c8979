//! The ladder, bar and Letter prices charts in words: summaries, the tables that stand in
//! for them, the words a focused point is announced with, and the pictures they save.

mod common;

use atlas_model::capabilities::counts_by_category_and_vendor;
use atlas_model::chart::bars::BarsPlot;
use atlas_model::chart::image::svg_image;
use atlas_model::chart::ladder::LadderPlot;
use atlas_model::chart::letters::LettersPlot;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::words::{
    bars_words, ladder_point, ladder_words, letters_dot, letters_words,
};
use atlas_model::filter::Filter;

#[test]
fn the_ladder_lists_every_size_it_draws_and_names_the_families_that_break() {
    let (catalog, families) = common::setup();
    let plot = LadderPlot::build(&catalog, &families, &["m5".to_owned(), "t3".to_owned()]);
    let words = ladder_words(&plot, &catalog);
    assert_eq!(words.rows.len(), plot.point_count());
    assert!(
        words
            .summary
            .starts_with("vCPU and memory against the size ladder for m5, t3"),
        "{}",
        words.summary
    );
    let m5 = words
        .rows
        .iter()
        .find(|r| r[1] == "m5.2xlarge")
        .expect("m5.2xlarge drawn");
    assert_eq!(m5[2..5], ["2xlarge", "8", "32 GiB"]);
    assert_eq!(words.caption.legend.len(), 2);
    let index = common::index(&catalog, "m5.2xlarge");
    assert_eq!(ladder_point(&catalog, index), "m5.2xlarge: 8 vCPU, 32 GiB");
    let svg = svg_image(&plot, &words.caption, Theme::LIGHT).expect("drawn");
    assert!(svg.contains("how sizes double") && svg.contains(">t3</text>"));
}

#[test]
fn bars_and_letter_prices_say_what_they_count() {
    let (catalog, families) = common::setup();
    let shown = common::shown(&catalog, &families, &Filter::default());
    let rows: Vec<usize> = shown.types().collect();
    let bars = BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(&catalog, &rows));
    let words = bars_words(&bars, "Types by category and vendor", true);
    let counted: usize = words
        .rows
        .iter()
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(counted, bars.total(), "the table adds up to the chart");
    assert!(words
        .summary
        .contains(&format!("{} instance types in all", bars.total())));
    assert_eq!(words.caption.legend.len(), 4, "a vendor legend");

    let costs = common::letter_costs(&catalog, &families);
    let letters = LettersPlot::new("a", &costs);
    let words = letters_words(&letters, "a (AMD)");
    assert_eq!(words.rows.len(), letters.point_count());
    assert!(
        words.summary.contains("m5 → m5a median"),
        "{}",
        words.summary
    );
    assert!(letters_dot(&letters, 0).contains("Ratio"));
}
