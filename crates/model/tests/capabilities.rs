//! The Capabilities view: families get the features their names and specs show, and the
//! counts add up.

mod common;

use atlas_model::sorted::SortedSet;

use atlas_model::capabilities::{
    counts_by_category_and_vendor, counts_by_feature, family_features, type_features, Feature,
};
use atlas_model::catalog::Catalog;
use atlas_model::family::{families, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::{Category, Vendor};
use atlas_model::name::Capability;

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

fn setup() -> (Catalog, Vec<Family>) {
    let catalog = Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"));
    let families = families(&catalog);
    (catalog, families)
}

fn features(name: &str) -> SortedSet<Feature> {
    let (catalog, families) = setup();
    let family = families
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("a value was expected"));
    family_features(family, &catalog)
}

fn set(features: &[Feature]) -> SortedSet<Feature> {
    features.iter().copied().collect()
}

#[test]
fn families_get_their_letters_and_their_specs() {
    use Feature::*;
    assert_eq!(features("m5ad"), set(&[Amd, LocalNvme]));
    assert_eq!(features("c7gn"), set(&[Graviton, Arm, NetworkBoosted]));
    assert_eq!(
        features("p3dn"),
        set(&[Intel, Gpu, LocalNvme, NetworkBoosted])
    );
    assert_eq!(
        features("x2iedn"),
        set(&[Intel, ExtraMemory, LocalNvme, NetworkBoosted])
    );
    assert_eq!(features("c7i-flex"), set(&[Flex, Intel]));
    assert!(features("z1d").contains(&HighFrequency));
    assert!(features("dl2q").contains(&Inference));
    assert!(features("inf2").contains(&Inference));
    assert!(features("trn1").contains(&Trainium));
    assert!(features("f1").contains(&Fpga));
    assert!(
        features("i3").contains(&LocalNvme),
        "NVMe storage without a d"
    );
    assert!(features("r5b").contains(&EbsBoosted));
}

#[test]
fn slugs_round_trip_and_every_letter_has_a_feature() {
    for (i, feature) in Feature::ALL.into_iter().enumerate() {
        assert_eq!(feature as usize, i);
        assert_eq!(Feature::from_slug(feature.slug()), Some(feature));
        assert!(!feature.label().is_empty());
    }
    let from_letters: SortedSet<Feature> = Capability::ALL
        .into_iter()
        .map(Feature::from_capability)
        .collect();
    assert_eq!(from_letters.len(), Capability::ALL.len());
}

#[test]
fn a_type_has_its_own_specs_features() {
    let (catalog, _) = setup();
    let t = catalog.get("p3dn.24xlarge").unwrap();
    assert!(type_features(t).contains(&Feature::Gpu));
    let t = catalog.get("m5.large").unwrap();
    assert_eq!(type_features(t), set(&[Feature::Intel]));
}

#[test]
fn category_and_vendor_counts_add_up() {
    let (catalog, _) = setup();
    let all: Vec<usize> = (0..catalog.types.len()).collect();
    let counts = counts_by_category_and_vendor(&catalog, &all);
    assert_eq!(
        counts.iter().map(|c| c.types).sum::<usize>(),
        catalog.types.len()
    );
    assert!(counts.iter().all(|c| c.types > 0));
    assert!(counts
        .windows(2)
        .all(|w| (w[0].category, w[0].vendor) < (w[1].category, w[1].vendor)));
    let graviton_compute = counts
        .iter()
        .find(|c| c.category == Category::Compute && c.vendor == Vendor::Graviton)
        .unwrap();
    let expected = catalog
        .types
        .iter()
        .filter(|t| t.category == Category::Compute && t.vendor == Vendor::Graviton)
        .count();
    assert_eq!(graviton_compute.types, expected);
    assert!(counts_by_category_and_vendor(&catalog, &[]).is_empty());
}

#[test]
fn feature_counts_follow_the_filter() {
    let (catalog, families) = setup();
    let all = counts_by_feature(
        &catalog,
        &common::shown(&catalog, &families, &Filter::default()),
    );
    assert_eq!(all.len(), Feature::ALL.len());
    let count =
        |counts: &[(Feature, usize)], f: Feature| counts.iter().find(|c| c.0 == f).unwrap().1;
    let gpus = catalog.types.iter().filter(|t| t.gpus > 0).count();
    assert_eq!(count(&all, Feature::Gpu), gpus);
    let flex = catalog
        .types
        .iter()
        .filter(|t| t.family.ends_with("-flex"))
        .count();
    assert_eq!(count(&all, Feature::Flex), flex);

    let mut filter = Filter::default();
    filter.hidden_categories.insert(Category::Accelerated);
    let some = counts_by_feature(&catalog, &common::shown(&catalog, &families, &filter));
    assert_eq!(count(&some, Feature::Trainium), 0);
    assert!(count(&some, Feature::Gpu) < gpus);
}
