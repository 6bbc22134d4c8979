//! Past the parser: generated catalogues with extreme values (0 and 10,000 vCPU, 0 and
//! 1e308 GiB, NaN and infinities, strings that read as numbers, every optional field
//! missing, one type or many) go through every view's derivation and every chart plan,
//! drawn on the SVG backend, without a panic. Part of the fuzz command in the README:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test -p atlas-model --release --test extreme_catalogues
//! ```

use std::sync::OnceLock;

use atlas_model::capabilities::{
    counts_by_category_and_vendor, counts_by_feature, family_features,
};
use atlas_model::catalog::Catalog;
use atlas_model::chart::bars::BarsPlot;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::chart::ladder::{default_families, LadderPlot};
use atlas_model::chart::letters::{table_rows, LettersPlot};
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{Paint, Plan};
use atlas_model::compare::{compare, price_rows};
use atlas_model::decoder::explain;
use atlas_model::extremes::extremes;
use atlas_model::family::{families, series_of};
use atlas_model::filter::Filter;
use atlas_model::letter_cost::{letter_summary, pair_costs, pairs};
use atlas_model::prices::{Os, PriceTable, Pricing};
use atlas_model::settings::ColourBy;
use atlas_model::settings::FamiliesSpec;
use atlas_model::settings::PairSort;
use atlas_model::settings::{Metric, Scale};
use atlas_model::shown::shown_types;
use atlas_model::sizes::{breaks_doubling, doubling, size_matrix};
use atlas_model::table::{rows, to_csv, to_markdown, Column, RowPrices, SortDirection, TableQuery};
use plotters::prelude::*;
use proptest::prelude::*;
use proptest::sample::select;

fn builtin() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
            .unwrap_or_else(|e| panic!("the embedded dataset parses: {e:?}"))
    })
}

fn prices() -> &'static PriceTable {
    static PRICES: OnceLock<PriceTable> = OnceLock::new();
    PRICES.get_or_init(|| {
        PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv"))
            .unwrap_or_else(|e| panic!("the embedded prices parse: {e:?}"))
    })
}

/// The default config, with 64 cases unless `PROPTEST_CASES` says otherwise (each case
/// draws every chart).
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 64;
    }
    config
}

const VCPUS: [u32; 6] = [0, 1, 2, 96, 10_000, u32::MAX];
const NUMBERS: [f64; 12] = [
    0.0,
    -0.0,
    1e-303,
    0.5,
    1.0,
    768.0,
    1e308,
    f64::MAX,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    -4.0,
];
const TEXTS: [&str; 8] = [
    "",
    "NaN",
    "inf",
    "-1e400",
    "<b>x</b>",
    "a|b`c`",
    "\u{202E}exe.png",
    "1e308 GiB",
];

/// One instance type: a built-in one with extreme values put in.
#[derive(Debug, Clone)]
struct Edit {
    base: usize,
    vcpu: u32,
    memory: f64,
    clock: Option<f64>,
    network: Option<f64>,
    storage: Option<f64>,
    gpus: u32,
    gpu_memory: Option<f64>,
    text: &'static str,
    strip: bool,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        0usize..1000,
        select(VCPUS.to_vec()),
        select(NUMBERS.to_vec()),
        proptest::option::of(select(NUMBERS.to_vec())),
        proptest::option::of(select(NUMBERS.to_vec())),
        proptest::option::of(select(NUMBERS.to_vec())),
        select(vec![0u32, 1, 8, 4096, u32::MAX]),
        proptest::option::of(select(NUMBERS.to_vec())),
        select(TEXTS.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(base, vcpu, memory, clock, network, storage, gpus, gpu_memory, text, strip)| Edit {
                base,
                vcpu,
                memory,
                clock,
                network,
                storage,
                gpus,
                gpu_memory,
                text,
                strip,
            },
        )
}

/// A catalogue of edited built-in types (names kept, so families and pairs form).
fn catalogue(edits: &[Edit]) -> Catalog {
    let source = builtin();
    let mut catalog = Catalog::default();
    for e in edits {
        let mut t = source.types[e.base % source.types.len()].clone();
        t.vcpu = e.vcpu;
        t.memory_gib = e.memory;
        if let (Some(clock), Some(x)) = (t.clock.as_mut(), e.clock) {
            clock.ghz = x;
        }
        if let Some(x) = e.network {
            t.network.gbps = Some(x);
        }
        if let (Some(storage), Some(x)) = (t.storage.as_mut(), e.storage) {
            storage.disk_gb = x;
        }
        t.gpus = e.gpus;
        t.gpu_memory_gib = e.gpu_memory;
        t.processor = e.text.to_owned();
        t.memory_label = e.text.to_owned();
        if e.strip {
            // Every optional field missing.
            t.clock = None;
            t.storage = None;
            t.ebs = None;
            t.gpu_memory_gib = None;
            t.network.gbps = None;
            t.network.label.clear();
        }
        if !catalog.types.iter().any(|other| other.name == t.name) {
            catalog.types.push(t);
        }
    }
    catalog
}

/// Paints a plan on a small SVG canvas.
fn paint(plan: &impl Plan) {
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (320, 200)).into_drawing_area();
    let paint = Paint {
        theme: Theme::LIGHT,
        pixel_ratio: 1.0,
    };
    let _ = plan.draw(&area, &paint);
}

/// Every view's derivation and every chart plan, on `catalog`.
fn every_view(catalog: &Catalog) {
    let families = families(catalog);
    let _ = series_of(&families);
    let visible = shown_types(catalog, &families, &Filter::default(), Some("us-east-1"));
    let pricing = Pricing {
        table: prices(),
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    // Families.
    for (x, y) in [
        (Metric::Memory, Metric::Vcpu),
        (Metric::ALL[2], Metric::ALL[9]),
    ] {
        for scale in [Scale::Linear, Scale::Log] {
            for colour in [ColourBy::Category, ColourBy::ALL[6]] {
                let spec = FamiliesSpec {
                    x,
                    y,
                    x_scale: scale,
                    y_scale: scale,
                    colour,
                    ..FamiliesSpec::default()
                };
                paint(&FamiliesPlot::build(
                    catalog,
                    &families,
                    &visible,
                    spec,
                    Some(&pricing),
                ));
            }
        }
    }
    // Sizes.
    let matrix = size_matrix(catalog, &visible);
    assert_eq!(
        matrix.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0),
        matrix.columns.len()
    );
    for family in &families {
        let _ = breaks_doubling(&doubling(catalog, family));
        let _ = family_features(family, catalog);
    }
    paint(&LadderPlot::build(
        catalog,
        &families,
        &default_families(&families),
    ));
    // Capabilities.
    let shown: Vec<usize> = (0..catalog.types.len()).collect();
    paint(&BarsPlot::by_category_and_vendor(
        &counts_by_category_and_vendor(catalog, &shown),
    ));
    paint(&BarsPlot::by_feature(&counts_by_feature(catalog, &visible)));
    let _ = extremes(catalog);
    // Table and its exports.
    let row_prices = RowPrices::new(catalog, &pricing);
    for column in Column::ALL {
        for direction in [SortDirection::Ascending, SortDirection::Descending] {
            let sort = Some((column, direction));
            let r = rows(
                catalog,
                &families,
                &visible,
                &TableQuery::default(),
                sort,
                &row_prices,
            );
            assert_eq!(r.len(), catalog.types.len());
        }
    }
    let _ = to_csv(catalog, &shown, &Column::ALL, &row_prices);
    let _ = to_markdown(catalog, &shown, &Column::ALL, &row_prices);
    // Decoder and Compare.
    let names: Vec<String> = catalog
        .types
        .iter()
        .take(8)
        .map(|t| t.name.clone())
        .collect();
    for name in &names {
        let _ = explain(name, catalog, &families);
    }
    let comparison = compare(catalog, &names);
    let _ = price_rows(catalog, &comparison, &pricing);
    // Letter prices.
    let found = pairs(&families);
    let costs = pair_costs(
        &Pricing::new(prices(), "us-east-1", Os::Linux),
        catalog,
        &found,
    );
    for cost in letter_summary(
        &Pricing::new(prices(), "us-east-1", Os::Linux),
        catalog,
        &found,
    ) {
        paint(&LettersPlot::new(&cost.letter, &costs));
        let _ = table_rows(&costs, Some(&cost.letter), PairSort::Median, false);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extreme_catalogues_go_through_every_view(edits in proptest::collection::vec(edit(), 1..40)) {
        every_view(&catalogue(&edits));
    }
}

#[test]
fn one_type_and_the_whole_catalogue_at_the_extremes_go_through_every_view() {
    for (vcpu, memory) in [
        (0, 0.0),
        (10_000, 1e308),
        (u32::MAX, f64::NAN),
        (1, f64::INFINITY),
    ] {
        let mut catalog = builtin().clone();
        for t in &mut catalog.types {
            t.vcpu = vcpu;
            t.memory_gib = memory;
        }
        every_view(&catalog);
        catalog.types.truncate(1);
        every_view(&catalog);
    }
    every_view(&Catalog::default());
}
