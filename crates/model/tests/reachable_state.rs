//! Any state a person can reach by using the app survives its address: `decode(encode(s))`
//! gives `s` back with nothing ignored, and the screens derived from both are the same.

mod common;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::capabilities::Feature;
use atlas_model::instance::Category;
use atlas_model::instance::{Architecture, Vendor};
use atlas_model::name::Capability;
use atlas_model::prices::Os;
use atlas_model::regions::REGIONS;
use atlas_model::screen::compare::compare_screen;
use atlas_model::screen::decoder::decoder_screen;
use atlas_model::screen::table::{table_screen, TablePrices};
use atlas_model::settings::ColourBy;
use atlas_model::settings::PairSort;
use atlas_model::settings::{Axis, CellMetric, ChartAxis, ZoomChart};
use atlas_model::settings::{AxisRange, Metric, Scale};
use atlas_model::sizes::size_matrix;
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::table::{rows, Column, SelectOption, StorageChoice};
use atlas_model::url_state::{decode, encode};
use proptest::prelude::*;

fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> proptest::sample::Select<T> {
    proptest::sample::select(items)
}

/// Texts a person might type in a box: good, half-typed, mistyped, or anything.
fn typed() -> BoxedStrategy<String> {
    prop_oneof![
        pick(vec![
            "",
            ">=96",
            ">=96x",
            "16..64",
            "16..",
            "<2",
            "!=0",
            "m5",
            "/^c7/",
            "/m5(/",
            "p3dn.24xlarge",
            "abc"
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,12}",
    ]
    .boxed()
}

/// Every zoomable chart axis.
fn chart_axis() -> proptest::sample::Select<ChartAxis> {
    pick(
        ZoomChart::ALL
            .iter()
            .flat_map(|chart| chart.axes())
            .copied()
            .collect(),
    )
}

/// Ranges a person can type or drag: open ends, round numbers, any finite number.
fn range() -> BoxedStrategy<AxisRange> {
    let end = || {
        proptest::option::of(prop_oneof![
            pick(vec![0.0, 0.5, 1.0, 16.0, 800.0, 24576.0, -3.0]),
            -1e6f64..1e6f64,
        ])
    };
    (end(), end())
        .prop_map(|(min, max)| AxisRange { min, max })
        .boxed()
}

/// Every action a person can cause, with the values the app's controls offer.
fn action() -> BoxedStrategy<Action> {
    let names = || {
        pick(vec![
            "m5.large",
            "p3dn.24xlarge",
            "u-6tb1.56xlarge",
            "c7i-flex.large",
            "t3.nano",
        ])
        .prop_map(str::to_owned)
    };
    let families = pick(vec!["m5", "c7gn", "r6i", "t3", "hpc7a"]).prop_map(str::to_owned);
    let series = || pick(vec!["m", "c", "r", "t", "hpc", "u"]).prop_map(str::to_owned);
    let numeric: Vec<Column> = Column::ALL.into_iter().filter(|c| c.is_numeric()).collect();
    let axis = pick(vec![Axis::X, Axis::Y]);
    prop_oneof![
        pick(Category::ALL.to_vec()).prop_map(Action::ToggleCategory),
        Just(Action::ShowAllCategories),
        Just(Action::HideAllCategories),
        pick(Category::ALL.to_vec()).prop_map(Action::OnlyCategory),
        series().prop_map(Action::ToggleSeries),
        Just(Action::ShowAllSeries),
        proptest::collection::vec(series(), 0..3).prop_map(Action::HideSeries),
        any::<bool>().prop_map(Action::SetCurrentOnly),
        Just(Action::ShowEveryType),
        (axis.clone(), pick(Metric::ALL.to_vec())).prop_map(|(a, m)| Action::SetMetric(a, m)),
        (axis, pick(vec![Scale::Linear, Scale::Log])).prop_map(|(a, s)| Action::SetScale(a, s)),
        pick(ColourBy::ALL.to_vec()).prop_map(Action::SetColour),
        (chart_axis(), range()).prop_map(|(a, r)| Action::SetRange(a, r)),
        proptest::collection::vec((chart_axis(), range()), 1..3).prop_map(Action::Zoom),
        pick(ZoomChart::ALL.to_vec()).prop_map(Action::ResetZoom),
        (pick(View::ALL.to_vec()), any::<bool>()).prop_map(|(v, on)| Action::ShowChartTable(v, on)),
        pick(View::ALL.to_vec()).prop_map(Action::ResetView),
        pick(View::ALL.to_vec()).prop_map(Action::SetView),
        names().prop_map(Action::Pin),
        names().prop_map(Action::Unpin),
        names().prop_map(Action::TogglePin),
        Just(Action::ClearPins),
        pick(vec![
            CellMetric::Vcpu,
            CellMetric::Memory,
            CellMetric::Price
        ])
        .prop_map(Action::SetCellMetric),
        families.prop_map(|family| Action::ToggleLadderFamily {
            family,
            defaults: vec!["m5".into(), "c5".into()]
        }),
        pick(Column::ALL.to_vec()).prop_map(Action::SortBy),
        pick(Column::ALL.to_vec()).prop_map(Action::ToggleColumn),
        (pick(numeric), typed()).prop_map(|(c, t)| Action::SetColumnFilter(c, t)),
        typed().prop_map(Action::SetSearch),
        typed().prop_map(Action::SetDecoderInput),
        names().prop_map(Action::OpenInDecoder),
        pick(REGIONS.iter().map(|r| r.code.to_owned()).collect()).prop_map(Action::SetRegion),
        pick(Os::ALL.to_vec()).prop_map(Action::SetOs),
        any::<bool>().prop_map(Action::SetOfferedOnly),
        any::<bool>().prop_map(Action::SetIncludeSuspect),
        pick(vec!["a", "g", "d", "n", "i", "e", "flex"])
            .prop_map(|l| Action::SetLetter(l.to_owned())),
        proptest::option::of(pick(Feature::ALL.to_vec())).prop_map(Action::SetFeature),
        any::<bool>().prop_map(Action::SetDifferencesOnly),
        any::<bool>().prop_map(Action::SetEveryLetter),
        pick(vec![PairSort::Pair, PairSort::Median]).prop_map(Action::SortLetterPairs),
        select_option().prop_map(Action::ToggleTableOption),
        pick(Category::ALL.to_vec()).prop_map(Action::PickCategory),
        Just(Action::ClearAllFilters),
    ]
    .boxed()
}

/// Every chip the Table's selector offers.
fn select_option() -> BoxedStrategy<SelectOption> {
    prop_oneof![
        pick(vec![
            Vendor::Intel,
            Vendor::Amd,
            Vendor::Graviton,
            Vendor::Other
        ])
        .prop_map(SelectOption::Vendor),
        pick(vec![Architecture::X86_64, Architecture::Arm64]).prop_map(SelectOption::Architecture),
        pick(StorageChoice::ALL.to_vec()).prop_map(SelectOption::Storage),
        pick(Capability::ALL.to_vec()).prop_map(SelectOption::Letter),
        (1u32..9).prop_map(SelectOption::Generation),
    ]
    .boxed()
}

/// A state reached from the default by any sequence of actions.
fn reachable() -> impl Strategy<Value = State> {
    proptest::collection::vec(action(), 0..24).prop_map(|actions| {
        actions
            .into_iter()
            .fold(State::default(), |s, a| reduce(&s, a))
    })
}

/// What the views show for a state, in numbers a person would see: the shared filter's
/// types, the Sizes matrix, the Table's rows and its boxes in error.
fn screen(atlas: &Atlas, state: &State) -> (Vec<usize>, usize, Vec<usize>, usize) {
    let shown = atlas.shown(&state.filter, &state.region);
    let matrix = size_matrix(&atlas.catalog, &shown);
    let (query, errors) = state.table.query();
    let table = rows(
        &atlas.catalog,
        &atlas.families,
        &shown,
        &query,
        state.table.sort,
        &Default::default(),
    );
    (
        shown.types().collect(),
        matrix.rows.len(),
        table,
        errors.len(),
    )
}

thread_local! {
    static ATLAS: Atlas = Atlas::new(
        Rc::new(common::catalog()),
        Rc::new(PriceSource::from_csv(common::PRICES)),
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_reachable_state_survives_its_address(state in reachable()) {
        let decoded = decode(&encode(&state));
        prop_assert!(decoded.ignored.is_empty(), "{:?} from {}", decoded.ignored, encode(&state));
        prop_assert_eq!(&decoded.state, &state, "{}", encode(&state));
    }

    #[test]
    fn the_screen_from_an_address_is_the_screen_that_wrote_it(state in reachable()) {
        let decoded = decode(&encode(&state)).state;
        ATLAS.with(|atlas| {
            prop_assert_eq!(screen(atlas, &decoded), screen(atlas, &state));
            let prices = TablePrices::default();
            prop_assert_eq!(table_screen(atlas, &decoded, &prices), table_screen(atlas, &state, &prices));
            prop_assert_eq!(decoder_screen(atlas, &decoded), decoder_screen(atlas, &state));
            prop_assert_eq!(compare_screen(atlas, &decoded), compare_screen(atlas, &state));
            Ok(())
        })?;
    }
}
