//! Each view's screen, derived on the host: the words and numbers a person reads on the
//! Sizes and Capabilities views, for the default state and with shared filters set.

mod common;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::instance::Category;
use atlas_model::screen::capabilities::{capabilities_screen, group_heading, matrix_note};
use atlas_model::screen::letters::{letter_prices, LetterPrices, LetterPricesInput};
use atlas_model::screen::sizes::{cell_text, cell_value, sizes_screen, Shade, ShadeKey};
use atlas_model::settings::CellMetric;
use atlas_model::state::{reduce, Action, State};

fn atlas() -> Atlas {
    Atlas::new(
        Rc::new(common::catalog()),
        Rc::new(PriceSource::from_csv(common::PRICES)),
    )
}

#[test]
fn the_sizes_summary_counts_what_the_matrix_shows() {
    let atlas = atlas();
    let all = sizes_screen(&atlas, &State::default());
    let (families, types) = (atlas.families.len(), atlas.catalog.types.len());
    assert_eq!(
        all.summary,
        format!("{families} families, {types} instance types")
    );
    assert_eq!(all.filters_label, "Filters");
    assert!(
        all.hourly.is_empty(),
        "no prices read while cells show vCPU"
    );

    let offered = reduce(&State::default(), Action::SetRegion("ap-south-2".into()));
    let offered = reduce(&offered, Action::SetOfferedOnly(true));
    let screen = sizes_screen(&atlas, &offered);
    assert!(screen.summary.ends_with(", filtered"), "{}", screen.summary);
    assert!(
        !screen.summary.contains(&format!(" {types} ")),
        "{}",
        screen.summary
    );
    assert_eq!(screen.filters_label, "Filters (1 set)");
}

#[test]
fn price_cells_read_the_chosen_region() {
    let atlas = atlas();
    let state = reduce(&State::default(), Action::SetCellMetric(CellMetric::Price));
    let screen = sizes_screen(&atlas, &state);
    let m5 = common::index(&atlas.catalog, "m5.large");
    let t = &atlas.catalog.types[m5];
    let hourly = screen.hourly.get(m5).copied().flatten();
    assert_eq!(cell_text(CellMetric::Price, t, hourly), "$0.096");
    assert_eq!(cell_text(CellMetric::Price, t, None), "–");
    assert_eq!(cell_text(CellMetric::Memory, t, None), "8 GiB");
    assert_eq!(cell_value(CellMetric::Vcpu, t, None), 2.0);
    let shade = Shade::over([2.0, 8.0, 32.0].into_iter());
    assert_eq!(shade.of(8.0), 0.5);
    assert_eq!(
        shade.key(CellMetric::Vcpu),
        ShadeKey {
            shows: "vCPU",
            least: "2 vCPU".to_owned(),
            most: "32 vCPU".to_owned()
        }
    );
}

#[test]
fn the_capabilities_intro_and_matrix_follow_every_filter() {
    let atlas = atlas();
    let all = capabilities_screen(&atlas, &State::default());
    let (families, types) = (atlas.families.len(), atlas.catalog.types.len());
    assert_eq!(
        all.families_line,
        format!("{families} of {families} families")
    );
    assert_eq!(all.types_line, format!(", {types} instance types. "));
    assert_eq!(all.vendor_plot.total(), types);

    let state = reduce(&State::default(), Action::SetOfferedOnly(true));
    let state = reduce(&state, Action::SetRegion("ap-south-2".into()));
    let narrowed = capabilities_screen(&atlas, &state);
    assert!(narrowed.rows.len() < families);
    assert!(narrowed.types_line.ends_with(" (filtered). "));
    let types: usize = narrowed.rows.iter().map(|r| r.types).sum();
    assert_eq!(types, narrowed.vendor_plot.total());
    assert_eq!(
        group_heading(Category::Memory, 1),
        "Memory optimised · 1 family"
    );
}

#[test]
fn letter_prices_put_the_vendor_letters_first_and_fall_back_to_a_priced_letter() {
    let atlas = atlas();
    let prices = letter_prices(&atlas, &LetterPricesInput::of(&State::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    let letters: Vec<&str> = prices.summary.iter().map(|c| c.letter.as_str()).collect();
    assert_eq!(letters.first().copied(), Some("a"), "{letters:?}");
    assert_eq!(letters.get(1).copied(), Some("g"), "{letters:?}");
    assert!(letters[2..].windows(2).all(|w| w[0] < w[1]), "{letters:?}");
    assert_eq!(prices.shown_letter("d"), "d");
    assert_eq!(
        prices.shown_letter("nope"),
        "a",
        "an unpriced letter shows the first"
    );
}

#[test]
fn letter_prices_pair_only_the_families_the_shared_filters_show() {
    let atlas = atlas();
    let all = letter_prices(&atlas, &LetterPricesInput::of(&State::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    let m_pairs = |prices: &LetterPrices| {
        prices
            .costs
            .iter()
            .filter(|(pair, _)| pair.base.starts_with('m') && !pair.base.starts_with("mac"))
            .count()
    };
    assert!(m_pairs(&all) > 5, "m5 / m5a and their kin");
    assert_eq!(all.filtered_note, None);

    let no_m = reduce(&State::default(), Action::HideSeries(vec!["m".into()]));
    let narrowed =
        letter_prices(&atlas, &LetterPricesInput::of(&no_m)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m_pairs(&narrowed), 0, "no pair of a hidden series");
    assert!(narrowed.costs.len() < all.costs.len());
    assert_eq!(
        narrowed.filtered_note.as_deref(),
        Some("The shared filters (1 series hidden) hide some types here too.")
    );

    let current = reduce(&State::default(), Action::SetCurrentOnly(true));
    let current =
        letter_prices(&atlas, &LetterPricesInput::of(&current)).unwrap_or_else(|e| panic!("{e}"));
    let sizes = |p: &LetterPrices| -> usize { p.costs.iter().map(|(_, c)| c.sizes.len()).sum() };
    assert!(
        sizes(&current) < sizes(&all),
        "older sizes leave the ratios"
    );
}

#[test]
fn the_matrix_note_says_which_families_it_keeps() {
    use atlas_model::capabilities::Feature;
    assert_eq!(
        matrix_note(1, Some(Feature::LocalNvme)),
        "Only the 1 family with Local NVMe storage. "
    );
    assert!(matrix_note(204, None).starts_with("204 families. Letters are as written"));
}
