//! The extremes panel names the catalogue's record holders, checked against the CSV.

use atlas_model::catalog::Catalog;
use atlas_model::extremes::{extremes, Extreme};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

fn record<'a>(all: &'a [Extreme], slug: &str) -> &'a Extreme {
    all.iter()
        .find(|e| e.slug == slug)
        .unwrap_or_else(|| panic!("no {slug}"))
}

#[test]
fn the_records_match_the_dataset() {
    let catalog = Catalog::from_csv(DATASET).unwrap();
    let all = extremes(&catalog);
    let holder = |slug: &str| {
        let e = record(&all, slug);
        (
            catalog.types[e.instance].name.as_str(),
            e.value.as_str(),
            e.ties,
        )
    };
    assert_eq!(
        holder("most-memory"),
        ("u7in-32tb.224xlarge", "32768 GiB", 0)
    );
    // Four u7i/u7in types have 896 vCPUs; the first by name holds the record.
    assert_eq!(holder("most-vcpus"), ("u7i-12tb.224xlarge", "896 vCPUs", 3));
    let (name, value, ties) = holder("highest-clock");
    assert_eq!((name, value), ("m8azn.12xlarge", "5 GHz"));
    assert!(ties >= 5, "every m8azn size runs at 5 GHz: {ties}");
    assert_eq!(holder("most-gpus"), ("p2.16xlarge", "16 GPUs", 0));
    assert_eq!(holder("most-gpu-memory"), ("trn2.48xlarge", "8192 GiB", 0));
    assert_eq!(
        holder("fastest-network"),
        ("p6-b300.48xlarge", "6400 Gigabit", 0)
    );
    assert_eq!(
        holder("most-local-storage"),
        ("d3en.12xlarge", "335520 GB (24 x 13980 HDD)", 0)
    );
    assert_eq!(holder("smallest"), ("t2.nano", "0.5 GiB, 1 vCPU", 0));
    assert_eq!(all.len(), 8);
    assert!(all.iter().all(|e| !e.title.is_empty()));
}

#[test]
fn a_turbo_winner_says_up_to_and_sustained_wins_a_tie() {
    let mut catalog = Catalog::from_csv(DATASET).unwrap();
    catalog
        .types
        .retain(|t| t.family == "m5" || t.family == "c7a");
    for t in &mut catalog.types {
        let turbo = t.family == "c7a";
        if let Some(clock) = t.clock.as_mut() {
            clock.ghz = 3.9;
            clock.up_to = turbo;
        }
    }
    let all = extremes(&catalog);
    let clock = record(&all, "highest-clock");
    let winner = &catalog.types[clock.instance];
    assert!(
        !winner.clock.as_ref().unwrap().up_to,
        "sustained beats turbo at 3.9"
    );

    catalog
        .types
        .retain(|t| t.clock.as_ref().is_some_and(|c| c.up_to));
    assert!(!catalog.types.is_empty());
    let all = extremes(&catalog);
    assert_eq!(record(&all, "highest-clock").value, "up to 3.9 GHz");
}

#[test]
fn an_empty_catalog_has_no_records_and_missing_ones_are_left_out() {
    assert!(extremes(&Catalog::default()).is_empty());
    let mut catalog = Catalog::from_csv(DATASET).unwrap();
    catalog.types.retain(|t| t.family == "m5");
    let slugs: Vec<&str> = extremes(&catalog).iter().map(|e| e.slug).collect();
    assert!(!slugs.contains(&"most-gpus") && !slugs.contains(&"most-local-storage"));
    assert!(slugs.contains(&"most-memory"));
}
