//! "Did you mean": typos, missing dots and unfinished names find the right type.

use atlas_model::catalog::Catalog;
use atlas_model::suggest::suggest;

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

fn top(input: &str, limit: usize) -> Vec<String> {
    let catalog = Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"));
    suggest(input, catalog.types.iter().map(|t| t.name.as_str()), limit)
}

fn first(input: &str) -> Option<String> {
    top(input, 5).into_iter().next()
}

#[test]
fn typos_find_the_intended_name_first() {
    assert_eq!(first("p3dn.24xlrage").as_deref(), Some("p3dn.24xlarge"));
    assert_eq!(first("m5.larg").as_deref(), Some("m5.large"));
    assert_eq!(first("c7gn16xlarge").as_deref(), Some("c7gn.16xlarge"));
    assert_eq!(first("m5.lrage").as_deref(), Some("m5.large"));
}

#[test]
fn prefixes_case_and_whitespace_are_forgiven() {
    assert_eq!(first("p3dn.24xl").as_deref(), Some("p3dn.24xlarge"));
    assert_eq!(first("  P3DN.24XLARGE ").as_deref(), Some("p3dn.24xlarge"));
    assert_eq!(first("c7gn. 16xlarge").as_deref(), Some("c7gn.16xlarge"));
}

#[test]
fn garbage_gets_nothing() {
    for input in ["garbage", "", "   ", "zzzzzzzzzz", "🦀🦀🦀", "x"] {
        assert!(top(input, 5).is_empty(), "{input:?}: {:?}", top(input, 5));
    }
    assert!(
        top(&"m5.large".repeat(20), 5).is_empty(),
        "over 64 characters"
    );
}

#[test]
fn results_are_limited_ranked_and_distinct() {
    let found = top("m5.xlarge", 3);
    assert_eq!(found.len(), 3);
    assert_eq!(found[0], "m5.xlarge");
    assert!(top("m5.xlarge", 0).is_empty());
    let names = ["b.large", "a.large", "a.large"];
    assert_eq!(
        suggest("c.large", names.into_iter(), 5),
        ["a.large", "b.large"]
    );
}
