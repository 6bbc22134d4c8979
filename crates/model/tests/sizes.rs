//! The Sizes view: the family × size matrix, and which sizes break the doubling pattern.

mod common;

use std::collections::BTreeMap;

use atlas_model::catalog::Catalog;
use atlas_model::family::{families, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::name::Size;
use atlas_model::sizes::{breaks_doubling, doubling, size_matrix};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

fn setup() -> (Catalog, Vec<Family>) {
    let catalog = Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"));
    let families = families(&catalog);
    (catalog, families)
}

#[test]
fn the_matrix_has_every_type_once_in_ladder_order() {
    let (catalog, families) = setup();
    let matrix = size_matrix(
        &catalog,
        &common::shown(&catalog, &families, &Filter::default()),
    );
    assert!(matrix.columns.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(matrix.columns.first().map(Size::as_str), Some("nano"));
    assert_eq!(matrix.columns.last().map(Size::as_str), Some("metal"));
    assert_eq!(matrix.rows.len(), families.len());
    let cells: usize = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    assert_eq!(cells, catalog.types.len());
    for row in &matrix.rows {
        assert_eq!(row.cells.len(), matrix.columns.len());
        for (size, cell) in matrix.columns.iter().zip(&row.cells) {
            if let Some(i) = cell {
                assert_eq!(catalog.types[*i].size, size.as_str());
                assert_eq!(catalog.types[*i].family, families[row.family].name);
            }
        }
    }
    let m5 = matrix
        .rows
        .iter()
        .find(|r| families[r.family].name == "m5")
        .unwrap();
    let has = |size: &str| {
        let column = matrix
            .columns
            .iter()
            .position(|s| s.as_str() == size)
            .unwrap();
        m5.cells[column].is_some()
    };
    // The dataset (AWS Price List via libcloud) lists no bare-metal sizes.
    assert!(has("large") && has("24xlarge") && !has("nano") && !has("3xlarge"));
}

#[test]
fn the_matrix_follows_the_filter() {
    let (catalog, families) = setup();
    let mut filter = Filter {
        hidden_categories: Category::ALL.into_iter().collect(),
        ..Filter::default()
    };
    filter.hidden_categories.remove(&Category::Memory);
    let matrix = size_matrix(&catalog, &common::shown(&catalog, &families, &filter));
    assert!(matrix
        .rows
        .iter()
        .all(|r| families[r.family].category == Category::Memory));
    assert!(
        !matrix.columns.iter().any(|s| s.as_str() == "nano"),
        "no t-series here"
    );
    filter.hidden_categories = Category::ALL.into_iter().collect();
    let empty = size_matrix(&catalog, &common::shown(&catalog, &families, &filter));
    assert!(empty.rows.is_empty() && empty.columns.is_empty());
}

#[test]
fn m5_doubles_all_the_way_up() {
    let (catalog, families) = setup();
    let m5 = families.iter().find(|f| f.name == "m5").unwrap();
    let points = doubling(&catalog, m5);
    let first = &points[0];
    assert_eq!((first.step, first.vcpu, first.memory), (-1.0, 2, 8.0));
    let last = points.last().unwrap();
    assert_eq!(catalog.types[last.instance].size, "24xlarge");
    assert!(points.windows(2).all(|w| w[0].step < w[1].step));
    assert!(breaks_doubling(&points).is_empty());
}

#[test]
fn the_breakers_are_the_burstables_and_a_few_odd_families() {
    let (catalog, families) = setup();
    let mut breakers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for family in &families {
        let broken = breaks_doubling(&doubling(&catalog, family));
        if !broken.is_empty() {
            let sizes = broken
                .iter()
                .map(|&i| catalog.types[i].size.clone())
                .collect();
            breakers.insert(family.name.clone(), sizes);
        }
    }
    let small = ["nano", "micro", "small", "medium"]
        .map(String::from)
        .to_vec();
    for t in ["t2", "t3", "t3a", "t4g"] {
        assert_eq!(breakers.get(t), Some(&small), "{t}");
    }
    assert_eq!(breakers["c4"], ["8xlarge"], "36 vCPUs, not 32");
    assert_eq!(breakers["m1"], ["small"]);
    assert_eq!(breakers["p2"], ["16xlarge"]);
    assert_eq!(
        breakers["hpc7a"],
        ["24xlarge", "48xlarge", "96xlarge"],
        "memory stays 768 GiB"
    );
    let names: Vec<&str> = breakers.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "c4", "d2", "g7e", "hpc7a", "hpc7g", "m1", "p2", "p5", "t2", "t3", "t3a", "t4g", "t8i",
            "u-6tb1"
        ]
    );
}

#[test]
fn too_few_points_break_nothing() {
    assert!(breaks_doubling(&[]).is_empty());
    let (catalog, families) = setup();
    let p3dn = families.iter().find(|f| f.name == "p3dn").unwrap();
    assert!(breaks_doubling(&doubling(&catalog, p3dn)).is_empty());
}

#[test]
fn bare_metal_goes_last_in_the_matrix_and_off_the_doubling_chart() {
    let (catalog, families) = setup();
    assert!(catalog.get("m5.metal").is_some());
    let matrix = size_matrix(
        &catalog,
        &common::shown(&catalog, &families, &Filter::default()),
    );
    assert_eq!(matrix.columns.last().map(Size::as_str), Some("metal"));
    let m5 = families.iter().find(|f| f.name == "m5").unwrap();
    let points = doubling(&catalog, m5);
    assert_eq!(points.len(), m5.members.len() - 1);
    assert!(breaks_doubling(&points).is_empty());
}
