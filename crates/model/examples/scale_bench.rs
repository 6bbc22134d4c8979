//! `make bench`: how long the views' derivations take on generated shapes far beyond the
//! import budgets (a family of 30,000 sizes, 40,000 families, 100,000 types). Each figure
//! is the median of 5 runs; a quadratic step would show as minutes here.
//!
//! ```text
//! cargo run -p atlas-model --release --example scale_bench
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/shapes/mod.rs"]
mod shapes;

use std::time::{Duration, Instant};

use atlas_model::chart::families::FamiliesPlot;

use atlas_model::family::families;
use atlas_model::filter::Filter;
use atlas_model::import;
use atlas_model::letter_cost::{letter_summary, pairs};
use atlas_model::prices::{Os, Pricing};
use atlas_model::settings::FamiliesSpec;
use atlas_model::shown::shown_types;
use atlas_model::sizes::{breaks_doubling, doubling, size_matrix};
use atlas_model::table::{rows, Column, RowPrices, SortDirection, TableQuery};

/// The median time of 5 runs of `work`.
fn median(mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn report(what: &str, took: Duration) {
    println!("{what:<58} {:>9.1} ms", took.as_secs_f64() * 1e3);
}

fn main() {
    let filter = Filter::default();

    let one = shapes::one_family_of_sizes(30_000);
    let one_families = families(&one);
    report(
        "1 family, 30,000 sizes: shown types and the Sizes matrix",
        median(|| {
            size_matrix(&one, &shown_types(&one, &one_families, &filter, None));
        }),
    );
    report(
        "1 family, 30,000 sizes: doubling and its breakers",
        median(|| {
            breaks_doubling(&doubling(&one, &one_families[0]));
        }),
    );

    let many = shapes::many_families(40_000);
    let table = shapes::prices(&many);
    report(
        "40,000 families: families",
        median(|| {
            families(&many);
        }),
    );
    let many_families = families(&many);
    report(
        "40,000 families: letter pairs",
        median(|| {
            pairs(&many_families);
        }),
    );
    let found = pairs(&many_families);
    report(
        "40,000 families: letter prices (20,000 pairs)",
        median(|| {
            letter_summary(&Pricing::new(&table, "us-east-1", Os::Linux), &many, &found);
        }),
    );

    let types = shapes::many_types(100_000);
    let type_families = families(&types);
    let prices = RowPrices::default();
    let shown = shown_types(&types, &type_families, &filter, None);
    report(
        "100,000 types: Table rows sorted by processor",
        median(|| {
            let sort = Some((Column::Processor, SortDirection::Ascending));
            rows(
                &types,
                &type_families,
                &shown,
                &TableQuery::default(),
                sort,
                &prices,
            );
        }),
    );
    report(
        "100,000 types: Families chart plan",
        median(|| {
            FamiliesPlot::build(
                &types,
                &type_families,
                &shown,
                FamiliesSpec::default(),
                None,
            );
        }),
    );

    let mut million = String::from("[");
    for i in 0..1_000_000 {
        if i > 0 {
            million.push(',');
        }
        million.push_str(r#"{"instance_type":"m5.large","vCPU":2,"memory":8}"#);
    }
    million.push(']');
    report(
        "import: 1,000,000 records (48 MB) counted and refused",
        median(|| {
            assert!(import::load(&million, None).is_err());
        }),
    );
}
