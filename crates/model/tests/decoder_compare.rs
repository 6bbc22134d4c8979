//! The Decoder's explanations and suggestions, and the Compare view's rows, on the real data.
#![allow(missing_docs)]

use atlas_model::catalog::Catalog;
use atlas_model::compare::compare;
use atlas_model::decoder::explain;
use atlas_model::family::families;
use atlas_model::table::Column;

fn catalog() -> Catalog {
    Catalog::from_csv(include_str!("../../../assets/data/instance-types.csv"))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn p3dn_24xlarge_is_explained_with_its_specs_neighbours_and_siblings() {
    let catalog = catalog();
    let families = families(&catalog);
    let e = explain(" P3dn.24xlarge ", &catalog, &families);
    let decoded = e.decoded.as_ref().unwrap();
    let text = format!("{:?}", decoded.explain());
    for expected in [
        "GPU compute",
        "generation 3",
        "local NVMe",
        "network",
        "24xlarge",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let known = &catalog.types[e.known.unwrap()];
    assert_eq!((known.vcpu, known.memory_gib, known.gpus), (96, 768.0, 8));
    assert!(e.suggestions.is_empty());
    assert_eq!(e.family_sizes, ["p3dn.24xlarge"]);
    assert!(e
        .siblings
        .iter()
        .any(|(family, target)| family == "p3" && target == "p3.2xlarge"));
}

#[test]
fn neighbours_and_siblings_follow_the_size_ladder() {
    let catalog = catalog();
    let families = families(&catalog);
    let e = explain("m5.xlarge", &catalog, &families);
    assert_eq!(
        e.neighbours,
        (Some("m5.large".into()), Some("m5.2xlarge".into()))
    );
    let siblings: Vec<&str> = e.siblings.iter().map(|(f, _)| f.as_str()).collect();
    for family in ["m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn"] {
        assert!(siblings.contains(&family), "{family} in {siblings:?}");
    }
    assert!(e
        .siblings
        .iter()
        .all(|(f, target)| target.starts_with(&format!("{f}."))));
    assert!(
        e.siblings.iter().any(|(_, t)| t == "m5a.xlarge"),
        "same size where it exists"
    );
}

#[test]
fn a_misspelt_name_gets_suggestions_and_an_unknown_one_is_explained_anyway() {
    let catalog = catalog();
    let families = families(&catalog);
    let typo = explain("p3dn.24xlrage", &catalog, &families);
    assert!(typo.known.is_none());
    assert_eq!(
        typo.suggestions.first().map(String::as_str),
        Some("p3dn.24xlarge")
    );
    // A well-formed name the data lacks still decodes.
    let metal = explain("m10i.metal-48xl", &catalog, &families);
    assert!(metal.decoded.is_ok() && metal.known.is_none());
    // Nonsense says which part is not understood, and never panics.
    let nonsense = explain("<img src=x onerror=alert(1)>", &catalog, &families);
    assert!(nonsense.decoded.is_err());
    let message = explain("m5large", &catalog, &families)
        .decoded
        .unwrap_err()
        .to_string();
    assert!(message.contains("no dot"), "{message}");
}

#[test]
fn comparison_marks_differences_and_ratios_against_the_first() {
    let catalog = catalog();
    let pinned = vec![
        "m5.large".to_owned(),
        "m5.2xlarge".to_owned(),
        "nope.large".to_owned(),
    ];
    let c = compare(&catalog, &pinned);
    assert_eq!(c.found.iter().filter(|f| f.is_some()).count(), 2);
    let vcpu = c.rows.iter().find(|r| r.column == Column::Vcpu).unwrap();
    assert_eq!(vcpu.cells[..2], ["2".to_owned(), "8".to_owned()]);
    assert!(vcpu.differs);
    assert_eq!(vcpu.ratios[..2], [Some(1.0), Some(4.0)]);
    assert_eq!(vcpu.ratios[2], None);
    let processor = c.rows.iter().find(|r| r.column == Column::Family).unwrap();
    assert!(
        processor.differs,
        "the missing type's empty cell counts as different"
    );
    let same = compare(&catalog, &pinned[..2]);
    assert!(
        !same
            .rows
            .iter()
            .find(|r| r.column == Column::Family)
            .unwrap()
            .differs
    );
    assert!(compare(&catalog, &[])
        .rows
        .iter()
        .all(|r| r.cells.is_empty() && !r.differs));
}

#[test]
fn price_rows_follow_the_source_and_divide_by_the_first() {
    use atlas_model::compare::price_rows;
    use atlas_model::prices::{Os, PriceMetric, PriceTable, Pricing};
    let catalog = catalog();
    let table = PriceTable::parse(include_str!("../../../assets/data/prices-rates.csv")).unwrap();
    let pricing = Pricing {
        table: &table,
        region: "us-east-1",
        os: Os::Linux,
        include_suspect: false,
    };
    let c = compare(
        &catalog,
        &[
            "m5.large".to_owned(),
            "m5a.large".to_owned(),
            "nope.large".to_owned(),
        ],
    );
    let rows = price_rows(&catalog, &c, &pricing);
    let hourly = rows
        .iter()
        .find(|r| r.metric == PriceMetric::Hourly)
        .unwrap();
    assert_eq!(hourly.values[0], Some(0.096));
    assert_eq!(hourly.values[2], None);
    let ratio = hourly.ratios[1].unwrap();
    assert!(
        (0.85..0.95).contains(&ratio),
        "m5a.large costs about 10% less: {ratio}"
    );
    let monthly = rows
        .iter()
        .find(|r| r.metric == PriceMetric::Monthly)
        .unwrap();
    assert!((monthly.values[0].unwrap() - 0.096 * 730.0).abs() < 1e-9);
}
