//! URL state: readable encodings, round trips for generated states, and hostile input.
#![allow(missing_docs)]

use atlas_model::instance::Category;
use atlas_model::settings::{Axis, CellMetric};
use atlas_model::settings::{Metric, Scale};
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::table::Column;
use atlas_model::url_state::{decode, encode};
use proptest::prelude::*;

#[test]
fn the_default_state_is_the_empty_query_and_common_states_read_well() {
    assert_eq!(encode(&State::default()), "");
    let s = reduce(&State::default(), Action::SetView(View::Families));
    let s = reduce(&s, Action::OnlyCategory(Category::Compute));
    let s = reduce(&s, Action::ToggleCategory(Category::Memory));
    let s = reduce(&s, Action::SetScale(Axis::X, Scale::Linear));
    assert_eq!(encode(&s), "cat=compute,memory&xscale=linear");
    let s = reduce(&s, Action::SetView(View::Table));
    let s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=96".into()));
    let s = reduce(&s, Action::SortBy(Column::Memory));
    let s = reduce(&s, Action::SortBy(Column::Memory));
    let s = reduce(&s, Action::Pin("p3dn.24xlarge".into()));
    assert_eq!(
        encode(&s),
        "view=table&cat=compute,memory&xscale=linear&sort=memory-desc&f.vcpu=%3E%3D96&pin=p3dn.24xlarge"
    );
    assert_eq!(decode(&encode(&s)).state, s);
}

#[test]
fn unknown_keys_and_bad_values_are_ignored_and_named() {
    let d = decode(
        "?view=sizes&x=banana&shade=red&colour=red&cat=compute,nope&pin=m5.large,<script>&embed=1",
    );
    assert_eq!(d.state.view, View::Sizes);
    assert!(d.embed);
    assert_eq!(
        d.state.families.x,
        Metric::Memory,
        "a bad value keeps the default"
    );
    assert!(d.state.filter.hidden_categories.is_empty());
    assert!(d.state.pinned.is_empty());
    let text = d.ignored.join(" | ");
    for expected in [
        "x=banana: not a metric",
        "shade=red: unknown setting",
        "colour=red: not a colouring",
        "cat=compute,nope: not a category",
        "not an instance type name",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn an_empty_category_list_is_ignored_and_named_not_read_as_hide_everything() {
    for query in ["?cat=", "?cat=,", "?cat=%20"] {
        let d = decode(query);
        assert!(d.state.filter.hidden_categories.is_empty(), "{query}");
        assert!(
            d.ignored[0].contains("no category named"),
            "{query}: {:?}",
            d.ignored
        );
    }
    let none = decode("?cat=none");
    assert_eq!(
        none.state.filter.hidden_categories.len(),
        Category::ALL.len()
    );
    assert!(none.ignored.is_empty());
}

#[test]
fn the_query_example_from_the_issue_decodes() {
    let d = decode("?view=families&cat=compute,memory&x=memory&xscale=log");
    assert!(d.ignored.is_empty(), "{:?}", d.ignored);
    assert!(
        d.state.filter.shows_category(Category::Compute)
            && !d.state.filter.shows_category(Category::General)
    );
    assert_eq!(d.state.families.x_scale, Scale::Log);
}

#[test]
fn percent_escapes_plus_signs_and_long_values_are_handled() {
    let mut s = State::default();
    s.table.search = "/^c7gn\\.(large|xlarge)$/ & more + 100%".into();
    s.decoder = "m5.large".into();
    let d = decode(&encode(&s));
    assert_eq!(d.state, s);
    // What the address bar shows: list separators and `-._~` as typed, every other byte
    // of the UTF-8 text as `%` and two upper-case hex digits.
    let mut typed = State::default();
    typed.table.search = "m5,c7:x a+b/ü~".into();
    assert_eq!(encode(&typed), "q=m5,c7:x%20a%2Bb%2F%C3%BC~");
    let long = format!("q={}", "a".repeat(10_000));
    let d = decode(&long);
    assert!(d.state.table.search.chars().count() <= 200);
    assert!(!d.ignored.is_empty(), "a cut query is reported");
    assert!(decode("%ZZ=%E0%A4%A&&&==&pin=%00")
        .ignored
        .iter()
        .any(|i| i.starts_with("pin=")));
}

#[test]
fn including_suspect_prices_is_in_the_address_and_survives_a_round_trip() {
    let s = reduce(&State::default(), Action::SetIncludeSuspect(true));
    assert_eq!(encode(&s), "suspect=1");
    assert!(decode("?suspect=1").state.include_suspect);
    assert_eq!(decode(&encode(&s)).state, s);
    let off = reduce(&s, Action::SetIncludeSuspect(false));
    assert_eq!(
        encode(&off),
        "",
        "off is the default and leaves the address clean"
    );
}

#[test]
fn every_operating_system_is_in_the_address_and_old_addresses_still_read() {
    use atlas_model::prices::Os;
    for (os, query) in [
        (Os::Windows, "os=windows"),
        (Os::Rhel, "os=rhel"),
        (Os::RhelHa, "os=rhel-ha"),
        (Os::Suse, "os=suse"),
    ] {
        let s = reduce(&State::default(), Action::SetOs(os));
        assert_eq!(encode(&s), query);
        assert_eq!(decode(&format!("?{query}")).state, s);
    }
    assert_eq!(decode("?os=linux").state, State::default());
    assert_eq!(decode("?os=WINDOWS").state.os, Os::Windows);
    let bad = decode("?os=macos");
    assert_eq!(bad.state.os, Os::Linux);
    assert!(
        format!("{:?}", bad).contains("rhel-ha"),
        "the ignored value names what works: {bad:?}"
    );
}

#[test]
fn ladder_and_letter_ranges_and_shown_tables_read_as_a_person_writes_them() {
    let query = "view=sizes&lsize-min=large&lsize-max=16xlarge&lvcpu-max=64&ratio-min=0.8&tables=sizes,letters";
    let decoded = decode(query);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    let state = &decoded.state;
    let ranges = state.sizes.ladder_ranges;
    assert_eq!((ranges.size.min, ranges.size.max), (Some(-1.0), Some(4.0)));
    assert_eq!((ranges.vcpu.min, ranges.vcpu.max), (None, Some(64.0)));
    assert_eq!(state.letter_table.ratio_range.min, Some(0.8));
    assert!(
        state.chart_tables.contains(&View::Sizes) && state.chart_tables.contains(&View::Letters)
    );
    assert_eq!(encode(state), query);
    let bad = decode("lsize-min=3xlarge&tables=nowhere&ratio-max=lots");
    assert_eq!(bad.ignored.len(), 3, "{:?}", bad.ignored);
    assert!(bad.ignored[0].contains("not a size"), "{:?}", bad.ignored);
}

fn arb_state() -> impl Strategy<Value = State> {
    let categories =
        proptest::collection::btree_set(proptest::sample::select(Category::ALL.to_vec()), 0..=5);
    let series = proptest::collection::btree_set(
        proptest::sample::select(vec!["m", "c", "r", "t", "hpc", "u"]),
        0..4,
    );
    let metric = proptest::sample::select(Metric::ALL.to_vec());
    let scale = proptest::sample::select(vec![Scale::Linear, Scale::Log]);
    let view = proptest::sample::select(View::ALL.to_vec());
    let pins = proptest::collection::vec(
        proptest::sample::select(vec![
            "m5.large",
            "p3dn.24xlarge",
            "u-6tb1.56xlarge",
            "c7i-flex.large",
        ]),
        0..4,
    );
    let text = "[ -~]{0,30}";
    (
        categories,
        series,
        any::<bool>(),
        (metric.clone(), metric, scale.clone(), scale),
        view,
        pins,
        text,
        text,
        any::<bool>(),
    )
        .prop_map(
            |(cats, series, current, (x, y, xs, ys), view, pins, search, filter, memory)| {
                let mut s = State {
                    view,
                    ..State::default()
                };
                s.filter.hidden_categories = cats.into_iter().collect();
                s.filter.hidden_series = series.into_iter().map(str::to_owned).collect();
                s.filter.current_only = current;
                s.families.x = x;
                s.families.y = y;
                s.families.x_scale = xs;
                s.families.y_scale = ys;
                for pin in pins {
                    s = reduce(&s, Action::Pin(pin.to_owned()));
                }
                s = reduce(&s, Action::SetSearch(search));
                s = reduce(&s, Action::SetColumnFilter(Column::Memory, filter));
                if memory {
                    s = reduce(&s, Action::SetLetter("g".into()));
                    s = reduce(
                        &s,
                        Action::SetFeature(Some(atlas_model::capabilities::Feature::LocalNvme)),
                    );
                    s = reduce(
                        &s,
                        Action::SetColour(atlas_model::settings::ColourBy::Vendor),
                    );
                    s = reduce(&s, Action::SetCellMetric(CellMetric::Memory));
                    s = reduce(
                        &s,
                        Action::ToggleLadderFamily {
                            family: "m5".into(),
                            defaults: Vec::new(),
                        },
                    );
                    s = reduce(&s, Action::SortBy(Column::Gpus));
                    s = reduce(&s, Action::ToggleColumn(Column::Processor));
                }
                s
            },
        )
}

proptest! {
    #[test]
    fn encode_then_decode_gives_the_same_state(state in arb_state()) {
        let decoded = decode(&encode(&state));
        prop_assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
        prop_assert_eq!(decoded.state, state);
    }

    #[test]
    fn no_query_string_can_panic_it(query in "\\PC{0,200}") {
        let _ = decode(&query);
    }

    #[test]
    fn key_value_soup_never_panics(pairs in proptest::collection::vec(("[a-z.]{0,8}", "[ -~]{0,20}"), 0..12)) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = decode(&query.join("&"));
    }
}
