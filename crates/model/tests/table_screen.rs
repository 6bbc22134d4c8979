//! The Table, Compare and Decoder screens derived on the host: the rows, counts, chips,
//! cells, exports and words a person reads.

mod common;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::instance::{Category, Vendor};
use atlas_model::name::Capability;
use atlas_model::screen::compare::compare_screen;
use atlas_model::screen::decoder::decoder_screen;
use atlas_model::screen::table::{
    needs_prices, row_cells, table_prices, table_screen, TablePrices,
};
use atlas_model::screen::table_export::{export_done, table_export, ExportKind, DOWNLOADS_BLOCKED};
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::table::{Column, SelectOption, StorageChoice};
use atlas_model::url_state::{decode, encode};

fn atlas() -> Atlas {
    let catalog = Rc::new(common::catalog());
    let prices = PriceSource::from_csv(common::PRICES).judged_by(catalog.clone());
    Atlas::new(catalog, Rc::new(prices))
}

fn table_state(actions: Vec<Action>) -> State {
    let start = reduce(&State::default(), Action::SetView(View::Table));
    actions.into_iter().fold(start, |s, a| reduce(&s, a))
}

fn prices_for(atlas: &Atlas, state: &State) -> TablePrices {
    table_prices(atlas, &state.region, state.os, needs_prices(state))
}

fn names(atlas: &Atlas, rows: &[usize]) -> Vec<String> {
    common::names(&atlas.catalog, rows)
}

#[test]
fn the_default_table_lists_every_type_with_the_price_column() {
    let atlas = atlas();
    let state = table_state(vec![]);
    let prices = prices_for(&atlas, &state);
    let screen = table_screen(&atlas, &state, &prices);
    let total = atlas.catalog.types.len();
    assert_eq!(screen.rows.len(), total);
    assert_eq!(
        screen.count_line,
        format!("{total} of {total} instance types")
    );
    assert!(!screen.filtered && screen.shared_note.is_none());
    let columns: Vec<Column> = screen.headings.iter().map(|h| h.column).collect();
    assert!(columns.contains(&Column::PriceHour), "{columns:?}");
    assert!(
        !columns.contains(&Column::Processor),
        "the long processor names stay in the picker"
    );
    let groups: Vec<&str> = screen.chips.iter().map(|g| g.label).collect();
    assert_eq!(groups[..3], ["Category", "Vendor", "Architecture"]);
    assert!(screen
        .chips
        .iter()
        .all(|g| g.chips.iter().all(|c| !c.pressed)));
}

#[test]
fn chips_narrow_the_rows_and_clear_all_restores_every_row() {
    let atlas = atlas();
    let none = TablePrices::default();
    let state = table_state(vec![Action::PickCategory(Category::Compute)]);
    let screen = table_screen(&atlas, &state, &none);
    assert!(screen.filtered);
    assert!(!screen.rows.is_empty() && screen.rows.len() < atlas.catalog.types.len());
    assert!(screen
        .rows
        .iter()
        .all(|&i| atlas.catalog.types[i].category == Category::Compute));
    let compute = &screen.chips[0].chips[1];
    assert_eq!(
        (compute.label.as_str(), compute.pressed),
        ("Compute optimised", true)
    );
    assert!(encode(&state).contains("cat=compute"), "{}", encode(&state));

    let state = table_state(vec![
        Action::ToggleTableOption(SelectOption::Vendor(Vendor::Graviton)),
        Action::ToggleTableOption(SelectOption::Letter(Capability::LocalNvme)),
        Action::ToggleTableOption(SelectOption::Generation(7)),
        Action::ToggleTableOption(SelectOption::Storage(StorageChoice::Nvme)),
    ]);
    let screen = table_screen(&atlas, &state, &none);
    let shown = names(&atlas, &screen.rows);
    assert!(shown.contains(&"c7gd.large".to_owned()), "{shown:?}");
    assert!(
        shown
            .iter()
            .all(|n| n.contains("7g") && n.split('.').next().is_some_and(|f| f.contains('d'))),
        "{shown:?}"
    );
    let address = encode(&state);
    assert_eq!(decode(&address).state, state, "{address}");
    for key in ["vendor=graviton", "caps=d", "gen=7", "disk=nvme"] {
        assert!(address.contains(key), "{address}");
    }

    let cleared = reduce(&state, Action::ClearAllFilters);
    let screen = table_screen(&atlas, &cleared, &none);
    assert_eq!(screen.rows.len(), atlas.catalog.types.len());
    assert!(!screen.filtered);
}

#[test]
fn a_shared_filter_the_table_has_no_chip_for_is_named() {
    let atlas = atlas();
    let state = table_state(vec![Action::SetCurrentOnly(true)]);
    let screen = table_screen(&atlas, &state, &TablePrices::default());
    assert_eq!(
        screen.shared_note.as_deref(),
        Some("The shared filters (older generations hidden) hide some types here too.")
    );
}

#[test]
fn cells_show_numbers_in_the_heading_unit_and_the_source_words_as_tooltip() {
    let atlas = atlas();
    let state = table_state(vec![]);
    let prices = prices_for(&atlas, &state);
    let m5 = common::index(&atlas.catalog, "m5.large");
    let t = &atlas.catalog.types[m5];
    let cells = row_cells(t, m5, &state.table.columns, &prices);
    let cell = |c: Column| {
        cells
            .iter()
            .find(|x| x.column == c)
            .unwrap_or_else(|| panic!("{c:?}"))
    };
    assert_eq!(cell(Column::Network).text, "10");
    assert_eq!(
        cell(Column::Network).title.as_deref(),
        Some("Up to 10 Gbps")
    );
    assert_eq!(cell(Column::Memory).text, "8");
    assert_eq!(cell(Column::Memory).title.as_deref(), Some("8 GiB"));
    assert_eq!(cell(Column::PriceHour).text, "$0.096");
    assert!(cell(Column::PriceHour).numeric && !cell(Column::PriceHour).flagged);
    assert_eq!(cell(Column::Name).title, None);
}

#[test]
fn exports_name_the_region_os_and_date_in_the_header_and_file_name() {
    let atlas = atlas();
    let state = table_state(vec![
        Action::SetRegion("eu-west-1".into()),
        Action::SetColumnFilter(Column::Vcpu, ">=96".into()),
    ]);
    let prices = prices_for(&atlas, &state);
    let screen = table_screen(&atlas, &state, &prices);
    let columns = &state.table.columns;
    let csv = table_export(
        &atlas,
        &state,
        &screen.rows,
        columns,
        &prices,
        ExportKind::DownloadCsv,
    );
    assert_eq!(
        csv.file_name,
        "instance-atlas-eu-west-1-linux-2025-03-02.csv"
    );
    let first = csv.text.lines().next().unwrap_or_default();
    assert!(
        first.contains("eu-west-1 (Europe (Ireland))") && first.contains("Linux"),
        "{first}"
    );
    assert_eq!(csv.text.lines().count(), screen.rows.len() + 2);
    assert_eq!(
        export_done(ExportKind::DownloadCsv, &csv),
        format!("Saved {} rows to {}", screen.rows.len(), csv.file_name)
    );
    let tsv = table_export(
        &atlas,
        &state,
        &screen.rows,
        columns,
        &prices,
        ExportKind::CopyTsv,
    );
    assert!(tsv
        .text
        .lines()
        .nth(1)
        .is_some_and(|h| h.starts_with("Name\tCategory\tvCPU")));
    assert_eq!(
        export_done(ExportKind::CopyTsv, &tsv),
        format!("Copied {} rows as TSV", screen.rows.len())
    );
    let markdown = table_export(
        &atlas,
        &state,
        &screen.rows,
        columns,
        &prices,
        ExportKind::CopyMarkdown,
    );
    let lines: Vec<&str> = markdown.text.lines().collect();
    assert!(
        lines[0].starts_with("Instance Atlas:") && lines[0].contains("eu-west-1"),
        "{}",
        lines[0]
    );
    assert!(lines[1].is_empty() && lines[2].starts_with("| Name |"));
    assert!(DOWNLOADS_BLOCKED.contains("Copy as CSV"));
}

#[test]
fn compare_has_no_line_empty_for_every_pinned_type_and_prices_follow_the_region() {
    let atlas = atlas();
    let state = reduce(
        &State::default(),
        Action::Restore(Box::new(
            decode("view=compare&pin=m5.large,m6g.large").state,
        )),
    );
    let screen = compare_screen(&atlas, &state);
    assert_eq!(screen.columns.len(), 2);
    for line in &screen.lines {
        assert!(
            line.cells.iter().any(|c| !c.text.is_empty()),
            "{} is empty",
            line.label
        );
    }
    let labels: Vec<&str> = screen.lines.iter().map(|l| l.label).collect();
    for gone in [
        "Price ($/h)",
        "Price ($/month)",
        "$ per vCPU-hour",
        "$ per GiB-hour",
        "GPU model",
    ] {
        assert!(!labels.contains(&gone), "{gone} in {labels:?}");
    }
    let hourly = screen
        .lines
        .iter()
        .find(|l| l.price && l.label == "Price (USD per hour)");
    let Some(hourly) = hourly else {
        panic!("an hourly price line: {labels:?}")
    };
    assert_eq!(hourly.cells[0].text, "$0.096");
    assert!(hourly.cells[1].ratio.is_some());

    // Where each is offered: a count, with the regions folded behind it, and no second
    // line counting them again.
    assert!(!labels.contains(&"Offered in (regions)"), "{labels:?}");
    let Some(offered) = screen.lines.iter().find(|l| l.label == "Offered in") else {
        panic!("an Offered in line: {labels:?}")
    };
    let m5 = &offered.cells[0];
    assert!(
        m5.folded.len() > 20 && m5.folded.contains(&"us-east-1"),
        "{m5:?}"
    );
    assert_eq!(m5.text, format!("{} regions", m5.folded.len()));

    let differing = reduce(&state, Action::SetDifferencesOnly(true));
    let screen = compare_screen(&atlas, &differing);
    assert!(screen.lines.iter().all(|l| l.differs));
    assert!(!screen.lines.iter().any(|l| l.label == "Category"));
}

#[test]
fn the_decoder_shows_the_price_here_and_where_the_type_is_offered() {
    let atlas = atlas();
    let state = reduce(&State::default(), Action::OpenInDecoder("m5.large".into()));
    let screen = decoder_screen(&atlas, &state);
    let Some(known) = screen.known else {
        panic!("m5.large is in the data")
    };
    assert_eq!(
        known.price.text,
        "$0.096 per hour ($70.08 per month) in us-east-1 (US East (N. Virginia)), Linux"
    );
    assert_eq!(known.price.suspect, None);
    assert_eq!(
        known.offered.here,
        "Offered in US East (N. Virginia) · us-east-1"
    );
    assert!(known.offered.regions.contains(&"us-east-1"));
    assert!(known
        .offered
        .summary
        .starts_with(&format!("offered in {} of", known.offered.regions.len())));

    let ireland = reduce(&state, Action::SetRegion("eu-west-1".into()));
    let Some(known) = decoder_screen(&atlas, &ireland).known else {
        panic!("known")
    };
    let Some(why) = known.price.suspect else {
        panic!("m5.large is suspect in eu-west-1: {}", known.price.text)
    };
    assert!(why.contains("above its family's per-vCPU price"), "{why}");

    let unknown = reduce(&State::default(), Action::SetDecoderInput("m5.huge".into()));
    let screen = decoder_screen(&atlas, &unknown);
    assert!(screen.known.is_none() && !screen.empty);
}

#[test]
fn a_selector_value_the_atlas_does_not_know_is_ignored_and_named() {
    let decoded = decode("view=table&vendor=ibm&caps=d,w&gen=7,x&disk=tape&arch=arm64");
    assert_eq!(
        decoded.ignored,
        [
            "vendor=ibm: not intel, amd, graviton or other",
            "caps=d,w: not a capability letter",
            "gen=7,x: not a generation (1 to 99)",
            "disk=tape: not ebs, nvme, ssd or hdd",
        ]
    );
    let arm: Vec<_> = decoded
        .state
        .table
        .select
        .architectures
        .into_iter()
        .collect();
    assert_eq!(arm, [atlas_model::instance::Architecture::Arm64]);
}
