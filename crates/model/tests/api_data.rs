//! What a user of the atlas notices about the built-in data from the EC2 API: every type
//! there is (metal and the newest generation), GPU, accelerator and disk facts read right,
//! where each type is offered, and every name the API knows decoding.

use atlas_model::availability::{self, offered, Offered, OFFERING_REGIONS};
use atlas_model::catalog::Catalog;
use atlas_model::filter::Filter;
use atlas_model::instance::{Category, InstanceType};
use atlas_model::name::decode;
use atlas_model::quantity::StorageKind;
use atlas_model::regions::{region_groups, region_menu};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");
/// The EC2 API's `InstanceType` enum (botocore 1.44.5), written by `scripts/refresh-data.py`.
const API_NAMES: &str = include_str!("fixtures/api-instance-type-names.txt");

fn catalog() -> Catalog {
    Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"))
}

fn get<'a>(catalog: &'a Catalog, name: &str) -> &'a InstanceType {
    catalog
        .get(name)
        .unwrap_or_else(|| panic!("{name} is missing"))
}

#[test]
fn every_type_the_api_lists_is_built_in_with_metal_and_the_newest() {
    let catalog = catalog();
    assert!(
        catalog.rejected.is_empty(),
        "{:?}",
        catalog.rejected.first()
    );
    assert!(catalog.types.len() >= 1395, "{}", catalog.types.len());
    let metal = catalog
        .types
        .iter()
        .filter(|t| t.size.starts_with("metal"))
        .count();
    assert!(metal >= 150, "{metal} metal sizes");
    for name in [
        "m8i.large",
        "c8gn.large",
        "g6f.large",
        "p6-b200.48xlarge",
        "mac2.metal",
    ] {
        let t = get(&catalog, name);
        assert!(!t.details.retired, "{name}");
    }
    let api: Vec<&str> = API_NAMES.lines().collect();
    assert_eq!(api.len(), 1437);
    let known = api.iter().filter(|n| catalog.get(n).is_some()).count();
    assert!(known >= 1420, "{known} of the API's names have specs");
}

#[test]
fn types_the_api_no_longer_lists_are_kept_and_marked() {
    let catalog = catalog();
    for name in [
        "p3.2xlarge",
        "p2.xlarge",
        "g3s.xlarge",
        "f1.2xlarge",
        "dl1.24xlarge",
    ] {
        let t = get(&catalog, name);
        assert!(t.details.retired, "{name}");
        assert_eq!(offered(t, "us-east-1"), Offered::No, "{name}");
        assert!(availability::describe(t).contains("no longer listed"));
    }
    assert!(!get(&catalog, "m5.large").details.retired);
}

#[test]
fn gpu_accelerator_and_disk_facts_read_what_the_api_says() {
    let catalog = catalog();
    let p5en = get(&catalog, "p5en.48xlarge");
    assert_eq!((p5en.gpus, p5en.gpu_memory_gib), (8, Some(1128.0)));
    assert_eq!(p5en.details.gpu_model.as_deref(), Some("NVIDIA H200"));
    assert!(p5en.details.efa);

    let trn2 = get(&catalog, "trn2.48xlarge");
    let disks = trn2
        .storage
        .as_ref()
        .expect("trn2.48xlarge has local disks");
    assert_eq!(
        (disks.disks, disks.disk_gb, disks.kind),
        (4, 1900.0, StorageKind::Nvme)
    );
    assert_eq!(trn2.details.accelerators, ["16 x AWS Trainium2"]);
    assert_eq!(trn2.category, Category::Accelerated);

    let g6f = get(&catalog, "g6f.large");
    assert_eq!(g6f.gpus, 0);
    assert_eq!(g6f.details.gpu_fraction, Some(0.125));
    assert_eq!(g6f.details.gpu_model.as_deref(), Some("NVIDIA L4"));

    let c1 = get(&catalog, "c1.medium");
    assert_eq!(c1.storage.as_ref().map(|s| s.kind), Some(StorageKind::Hdd));

    let hpc7a = get(&catalog, "hpc7a.96xlarge");
    assert_eq!(hpc7a.ebs.as_ref().map(|e| e.mbps), Some(2085.0));
    assert_eq!(hpc7a.details.ebs_baseline_mbps, Some(87.0));

    let trn2_network = trn2.network.gbps;
    assert_eq!(trn2.network.label, "16x 200 Gigabit");
    assert_eq!(trn2_network, Some(3200.0));

    assert!(get(&catalog, "m7i.metal-48xl").details.bare_metal);
    assert!(get(&catalog, "t3.micro").details.burstable);
    assert!(!get(&catalog, "m5.large").details.burstable);
}

#[test]
fn availability_comes_from_the_offerings_not_from_prices() {
    let catalog = catalog();
    let m5 = get(&catalog, "m5.xlarge");
    assert_eq!(offered(m5, "us-east-1"), Offered::Yes);
    assert_eq!(offered(m5, "us-gov-west-1"), Offered::Unknown);
    assert!(availability::regions(m5).len() >= 25);
    // The filter keeps m5.xlarge in us-east-1 although the price list has 0.0 for it.
    let filter = Filter {
        offered_only: true,
        ..Filter::default()
    };
    assert!(filter.shows_offered(m5, Some("us-east-1")));
    let mac = get(&catalog, "mac2-m2pro.metal");
    let nowhere = OFFERING_REGIONS
        .iter()
        .filter(|r| offered(mac, r) == Offered::No)
        .count();
    assert!(nowhere > 0, "Macs are offered in some regions only");
    assert!(!filter.shows_offered(get(&catalog, "p3.2xlarge"), Some("us-east-1")));
    let pairs: usize = catalog
        .types
        .iter()
        .map(|t| availability::regions(t).len())
        .sum();
    assert!(pairs > 20_000, "{pairs} type/region pairs");
}

#[test]
fn every_api_name_decodes_with_every_part_explained() {
    for name in API_NAMES.lines() {
        let d = decode(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(d.unknown_letters, "", "{name}");
        for (part, meaning) in d.explain() {
            assert!(
                !meaning.contains("unrecognised") && !meaning.starts_with("variant "),
                "{name}: {part} = {meaning}"
            );
        }
    }
}

#[test]
fn category_comes_from_the_name_in_one_rule() {
    let catalog = catalog();
    for t in &catalog.types {
        assert_eq!(t.category, Category::from_name(&t.name), "{}", t.name);
    }
    let of = |n: &str| Category::from_name(n);
    assert_eq!(of("m8i.large"), Category::General);
    assert_eq!(of("c8gn.large"), Category::Compute);
    assert_eq!(of("x8i.large"), Category::Memory);
    assert_eq!(of("i8ge.large"), Category::Storage);
    assert_eq!(of("p6-b200.48xlarge"), Category::Accelerated);
    assert_eq!(of("m2.xlarge"), Category::Memory);
    assert_eq!(of("mac2.metal"), Category::General);
}

#[test]
fn the_region_menu_counts_offered_types_and_marks_regions_without_offerings() {
    let catalog = catalog();
    let menu = region_menu(&catalog);
    let choice = |code: &str| {
        menu.iter()
            .find(|c| c.region.code == code)
            .unwrap_or_else(|| panic!("{code} is not in the menu"))
    };
    for code in OFFERING_REGIONS {
        let n = choice(code).offered.unwrap_or(0);
        assert!(n > 0, "{code} offers no type");
        let one_by_one = catalog
            .types
            .iter()
            .filter(|t| atlas_model::availability::offered(t, code) == Offered::Yes)
            .count();
        assert_eq!(
            n, one_by_one,
            "{code}: the menu counts what the Decoder says"
        );
    }
    let east = choice("us-east-1");
    assert!(east.offered.unwrap_or(0) > 700, "{east:?}");
    assert!(east.label().ends_with(" types"), "{}", east.label());
    let gov = choice("us-gov-west-1");
    assert_eq!(gov.offered, None);
    assert!(
        gov.label().ends_with("offerings unknown"),
        "{}",
        gov.label()
    );
    assert!(
        east.label().starts_with("N. Virginia · us-east-1 · "),
        "{}",
        east.label()
    );
    assert!(
        east.description()
            .starts_with("US East (N. Virginia), us-east-1: the EC2 API offers "),
        "{}",
        east.description()
    );
    // Grouped by area, and by place within each area.
    let groups = region_groups(&menu);
    assert_eq!(groups.first().map(|g| g.area), Some("United States"));
    for group in &groups {
        let places: Vec<&str> = group.choices.iter().map(|c| c.region.place).collect();
        let mut sorted = places.clone();
        sorted.sort_unstable();
        assert_eq!(places, sorted, "{} is by place", group.area);
    }
}
