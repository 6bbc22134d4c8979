//! The embedded price table reads the source's prices back exactly, knows what it does not
//! know, names every region, flags odd prices and prices each capability letter.

use std::time::Instant;

use atlas_model::catalog::Catalog;
use atlas_model::family::families;
use atlas_model::letter_cost::{letter_summary, pair_ratios, pairs, FamilyPair, PairKind};
use atlas_model::prices::{
    flags, Os, Price, PriceCheck, PriceError, PriceMetric, PriceTable, Pricing, Suspicion,
    SUSPECT_PRICES, SUSPECT_PRICES_BY_OS,
};
use atlas_model::regions::{region_name, REGIONS};

/// What the app embeds: written by `scripts/price-rates.py` from `prices.csv`.
const PRICES: &str = include_str!("../../../assets/data/prices-rates.csv");
/// What `scripts/refresh-data.py` wrote from apache-libcloud 3.9.1 (not embedded).
const SOURCE: &str = include_str!("../../../assets/data/prices.csv");
const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");
const EAST: &str = "us-east-1";

fn table() -> PriceTable {
    PriceTable::parse(PRICES).unwrap_or_else(|e| panic!("the embedded price table parses: {e:?}"))
}

fn catalog() -> Catalog {
    Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("the embedded dataset parses: {e:?}"))
}

#[test]
fn embedded_table_is_compact_parses_fast_and_prices_the_catalog() {
    assert!(
        PRICES.len() < 200_000,
        "{} bytes: the embedded table grew",
        PRICES.len()
    );
    let start = Instant::now();
    let table = table();
    eprintln!("parsed {} price rows in {:?}", table.len(), start.elapsed());
    let catalog = catalog();
    let priced = catalog
        .types
        .iter()
        .filter(|t| table.priced_in(&t.name, EAST))
        .count();
    assert!(priced > 600, "only {priced} catalog types priced in {EAST}");
    assert!(table.priced_in("c7g.metal", EAST), "metal sizes are kept");
}

#[test]
fn m5_large_in_us_east_1_costs_what_the_source_says() {
    let (table, catalog) = (table(), catalog());
    assert_eq!(
        table.hourly("m5.large", EAST, Os::Linux),
        Price::Known(0.096)
    );
    assert_eq!(
        table.hourly("m5.large", EAST, Os::Windows),
        Price::Known(0.188)
    );
    let m5 = catalog.get("m5.large").unwrap();
    let value = |metric: PriceMetric| {
        metric
            .value(&Pricing::new(&table, EAST, Os::Linux), m5)
            .unwrap()
    };
    assert_eq!(value(PriceMetric::Hourly), 0.096);
    assert_eq!(value(PriceMetric::Monthly), 0.096 * 730.0);
    assert!((value(PriceMetric::Monthly) - 70.08).abs() < 1e-9);
    assert_eq!(value(PriceMetric::PerVcpuHour), 0.096 / 2.0);
    assert_eq!(value(PriceMetric::PerGibHour), 0.096 / 8.0);
    for metric in PriceMetric::ALL {
        assert_eq!(PriceMetric::from_slug(metric.slug()), Some(metric));
        assert!(!metric.label().is_empty());
    }
}

#[test]
fn zero_missing_and_absent_prices_are_unknown() {
    let (table, source) = (table(), PriceTable::from_csv(SOURCE).unwrap());
    // `a1.2xlarge,linux` is 0.0 in eu-central-1 and empty in ap-east-1 in the source.
    for t in [&table, &source] {
        assert_eq!(
            t.hourly("a1.2xlarge", "eu-central-1", Os::Linux),
            Price::Unknown
        );
        assert_eq!(
            t.hourly("a1.2xlarge", "ap-east-1", Os::Linux),
            Price::Unknown
        );
        assert_eq!(
            t.hourly("a1.2xlarge", "mars-north-1", Os::Linux),
            Price::Unknown
        );
        assert_eq!(t.hourly("m5.enormous", EAST, Os::Linux), Price::Unknown);
        assert_eq!(t.hourly("a1.2xlarge", EAST, Os::Linux), Price::Known(0.204));
        assert!(!t.priced_in("a1.2xlarge", "af-south-1"));
    }
    let odd = "instance_type,os,r1,r2,r3,r4\nx.large,linux,0.0,-1,nan,inf\nx.large,windows,,0,1e-9, 2.5 \n";
    let odd = PriceTable::from_csv(odd).unwrap();
    for region in ["r1", "r2", "r3", "r4"] {
        assert_eq!(
            odd.hourly("x.large", region, Os::Linux),
            Price::Unknown,
            "{region}"
        );
    }
    assert_eq!(odd.hourly("x.large", "r3", Os::Windows), Price::Unknown);
    assert_eq!(odd.hourly("x.large", "r4", Os::Windows), Price::Known(2.5));
}

#[test]
fn the_rate_table_decodes_to_every_cell_of_the_source_exactly() {
    let (table, source, catalog) = (table(), PriceTable::from_csv(SOURCE).unwrap(), catalog());
    let names: std::collections::HashSet<&str> =
        catalog.types.iter().map(|t| t.name.as_str()).collect();
    let expected: Vec<_> = source
        .cells()
        .into_iter()
        .filter(|c| names.contains(c.0.as_str()))
        .collect();
    let decoded = table.cells();
    assert!(expected.len() > 70_000, "{} cells", expected.len());
    for os in Os::ALL {
        let known = decoded
            .iter()
            .filter(|c| c.1 == os && c.3.is_some())
            .count();
        assert!(known > 10_000, "{} {known} prices", os.label());
    }
    let first_difference = expected.iter().zip(&decoded).find(|(a, b)| a != b);
    assert_eq!(first_difference, None);
    assert_eq!(decoded.len(), expected.len());
}

#[test]
fn the_page_reads_the_rate_table_without_a_csv_parser_to_the_same_table() {
    assert_eq!(PriceTable::from_rates(PRICES).as_ref(), Ok(&table()));
    let plain = PriceTable::from_rates("instance_type,os,us-east-1\nm5.large,linux,0.096\n");
    assert!(
        matches!(&plain, Err(PriceError::BadHeader(why)) if why.contains("regions,")),
        "{plain:?}"
    );
}

#[test]
fn compact_table_agrees_with_the_source_everywhere() {
    let (table, source, catalog) = (table(), PriceTable::from_csv(SOURCE).unwrap(), catalog());
    assert_eq!(table.regions(), source.regions());
    let metal = [
        "a1.metal",
        "c5.metal",
        "m7i.metal-24xl",
        "m7i.metal-48xl",
        "mac2.metal",
    ];
    let names = catalog.types.iter().map(|t| t.name.as_str()).chain(metal);
    let mut known = 0;
    for name in names {
        for region in source.regions() {
            for os in Os::ALL {
                let expected = source.hourly(name, region, os);
                assert_eq!(
                    table.hourly(name, region, os),
                    expected,
                    "{name} {region} {os:?}"
                );
                known += usize::from(expected != Price::Unknown);
            }
        }
    }
    assert!(known > 20_000, "{known} known prices");
    assert_eq!(
        source.hourly("c3", "ap-northeast-1", Os::Linux),
        Price::Known(2.247)
    );
    assert_eq!(
        table.hourly("c3", "ap-northeast-1", Os::Linux),
        Price::Unknown,
        "bare family dropped"
    );
}

#[test]
fn every_region_has_a_name() {
    let table = table();
    assert_eq!(table.regions().len(), 35);
    for code in table.regions() {
        assert!(region_name(code).is_some(), "{code} has no name");
    }
    let codes: Vec<&str> = REGIONS.iter().map(|r| r.code).collect();
    assert_eq!(
        codes,
        table
            .regions()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    assert_eq!(region_name("us-east-1"), Some("US East (N. Virginia)"));
    assert_eq!(region_name("eu-west-1"), Some("Europe (Ireland)"));
    assert_eq!(region_name("sa-east-1"), Some("South America (São Paulo)"));
    assert_eq!(region_name("xx-nowhere-9"), None);
}

#[test]
fn bad_price_files_say_what_is_wrong() {
    let err = |text: &str| PriceTable::from_csv(text).unwrap_err();
    assert_eq!(err(""), PriceError::Empty);
    assert!(matches!(
        err("type,os,us-east-1\n"),
        PriceError::BadHeader(_)
    ));
    assert!(matches!(
        err("instance_type,os\n"),
        PriceError::BadHeader(_)
    ));
    assert!(matches!(
        err("instance_type,os,a,a\n"),
        PriceError::BadHeader(_)
    ));
    let head = "instance_type,os,us-east-1,eu-west-1\n";
    let bad_os = err(&format!("{head}m5.large,macos,1,2\n"));
    assert_eq!(
        bad_os.to_string(),
        "price CSV line 2: os `macos` is not one of linux, windows, rhel, rhel-ha, suse"
    );
    let twice = err(&format!("{head}m5.large,linux,1,2\nm5.large,linux,1,2\n"));
    assert!(
        matches!(twice, PriceError::BadRow { line: 3, .. }),
        "{twice}"
    );
    assert!(matches!(
        err(&format!("{head}m5.large,linux,1\n")),
        PriceError::BadRow { line: 2, .. }
    ));
    let cell = err(&format!("{head}m5.large,linux,0.096,cheap\n"));
    let expected = PriceError::BadPrice {
        line: 2,
        region: "eu-west-1".into(),
        text: "cheap".into(),
    };
    assert_eq!(cell, expected);
    assert!(matches!(
        err(&format!("{head}m5.large,linux,5000,1\n")),
        PriceError::BadPrice { .. }
    ));
}

#[test]
fn every_price_is_trusted_or_suspect_with_a_reason_in_words() {
    let (mut table, catalog) = (table(), catalog());
    let start = Instant::now();
    table.assess(&catalog);
    eprintln!("assessed in {:?}", start.elapsed());
    let check = |name: &str, os: Os| table.check(name, EAST, os);
    assert_eq!(check("m5.large", Os::Linux), PriceCheck::Trusted(0.096));
    let PriceCheck::Suspect(usd, why) = check("m6i.xlarge", Os::Linux) else {
        panic!("m6i.xlarge: {:?}", check("m6i.xlarge", Os::Linux));
    };
    assert_eq!(usd, 0.2112);
    assert_eq!(
        why.describe(),
        "10% above its family's per-vCPU price in this region: probably a dedicated-tenancy price"
    );
    // p4d has one size: the same type in a region priced like us-east-1 gives it away.
    let PriceCheck::Suspect(_, why) = check("p4d.24xlarge", Os::Linux) else {
        panic!("p4d.24xlarge: {:?}", check("p4d.24xlarge", Os::Linux));
    };
    assert!(
        why.describe().contains("above the same type in"),
        "{}",
        why.describe()
    );
    // Windows 0.736 against Linux 0.768 in the source: 16 vCPUs x 0.046, the licence alone.
    assert!(matches!(
        check("m5.4xlarge", Os::Windows),
        PriceCheck::Suspect(_, Suspicion::WindowsLicenceOnly)
    ));
    // Burstable sizes are priced per GiB, not per vCPU: trusted.
    assert!(matches!(
        check("t3.nano", Os::Linux),
        PriceCheck::Trusted(_)
    ));
    assert_eq!(
        check("m8i.large", Os::Linux),
        PriceCheck::Unknown("no price: newer than the price list of 2025-03-02".into())
    );
    let suspect = flags(&table, &catalog, EAST, Os::Linux);
    let index = |name: &str| catalog.types.iter().position(|t| t.name == name).unwrap();
    assert!(suspect.contains_key(&index("m6i.xlarge")));
    assert!(!suspect.contains_key(&index("m5.large")));
    // Suspect prices stay out of every metric, so out of medians, ratios and colour ramps,
    // unless the person includes them; the cell stays suspect either way.
    let m6i = catalog.get("m6i.xlarge").unwrap();
    let east = Pricing::new(&table, EAST, Os::Linux);
    assert_eq!(PriceMetric::Hourly.value(&east, m6i), None);
    let with_suspect = east.including_suspect(true);
    assert_eq!(PriceMetric::Hourly.value(&with_suspect, m6i), Some(0.2112));
    assert_eq!(
        PriceMetric::PerVcpuHour.value(&with_suspect, m6i),
        Some(0.2112 / 4.0)
    );
    assert!(matches!(
        table.check("m6i.xlarge", EAST, Os::Linux),
        PriceCheck::Suspect(..)
    ));
    let m5 = catalog.get("m5.large").unwrap();
    assert_eq!(PriceMetric::Hourly.value(&with_suspect, m5), Some(0.096));
    let share = table.suspect_count() as f64 / table.known_count() as f64;
    eprintln!(
        "{} of {} prices suspect ({:.1}%)",
        table.suspect_count(),
        table.known_count(),
        share * 100.0
    );
    for os in Os::ALL {
        eprintln!("{}: {} suspect", os.label(), table.suspect_count_for(os));
    }
    let by_os = Os::ALL.map(|os| table.suspect_count_for(os));
    assert_eq!(by_os, SUSPECT_PRICES_BY_OS);
    assert_eq!(table.suspect_count(), SUSPECT_PRICES);
}

#[test]
fn windows_byol_and_licence_only_prices_are_named() {
    let (mut table, catalog) = (table(), catalog());
    table.assess(&catalog);
    let mut kinds = std::collections::HashMap::new();
    for t in &catalog.types {
        for region in table.regions().to_vec() {
            if let PriceCheck::Suspect(_, why) = table.check(&t.name, &region, Os::Windows) {
                *kinds.entry(std::mem::discriminant(&why)).or_insert(0) += 1;
                if why == Suspicion::EqualsLinux(Os::Windows) {
                    let linux = table.hourly(&t.name, &region, Os::Linux);
                    assert_eq!(linux, table.hourly(&t.name, &region, Os::Windows));
                }
            }
        }
    }
    let count = |s: Suspicion| kinds.get(&std::mem::discriminant(&s)).copied().unwrap_or(0);
    assert!(count(Suspicion::EqualsLinux(Os::Windows)) > 100);
    assert!(count(Suspicion::WindowsLicenceOnly) > 100);
    assert_eq!(
        Suspicion::EqualsLinux(Os::Windows).describe(),
        "Windows price equals the Linux price: a bring-your-own-licence price"
    );
}

#[test]
fn rhel_rhel_ha_and_suse_are_priced_and_checked_against_linux() {
    let (mut table, catalog) = (table(), catalog());
    table.assess(&catalog);
    // m5.large in us-east-1 in the source: Linux 0.096, RHEL 0.125, RHEL HA 0.169, SUSE 0.152.
    for (os, usd) in [(Os::Rhel, 0.125), (Os::Suse, 0.152)] {
        assert_eq!(
            table.check("m5.large", EAST, os),
            PriceCheck::Trusted(usd),
            "{}",
            os.label()
        );
    }
    // RHEL HA is 0.169 here but 0.16 in us-east-2, which AWS prices like us-east-1.
    let PriceCheck::Suspect(0.169, why) = table.check("m5.large", EAST, Os::RhelHa) else {
        panic!("{:?}", table.check("m5.large", EAST, Os::RhelHa));
    };
    assert!(why.describe().contains("us-east-2"), "{}", why.describe());
    for os in Os::ALL {
        assert_eq!(Os::from_slug(os.slug()), Some(os));
    }
    let mut equal = 0;
    for t in &catalog.types {
        for region in table.regions().to_vec() {
            for os in [Os::Rhel, Os::RhelHa, Os::Suse] {
                let check = table.check(&t.name, &region, os);
                if let PriceCheck::Suspect(usd, Suspicion::EqualsLinux(o)) = &check {
                    assert_eq!(*o, os);
                    assert_eq!(
                        table.hourly(&t.name, &region, Os::Linux),
                        Price::Known(*usd)
                    );
                    equal += 1;
                }
                if let PriceCheck::Trusted(usd) = check {
                    let linux = table.hourly(&t.name, &region, Os::Linux).known();
                    assert!(linux.is_none_or(|l| usd > l), "{} {region} {os:?}", t.name);
                }
            }
        }
    }
    eprintln!("{equal} licensed prices equal Linux");
    assert_eq!(
        Suspicion::EqualsLinux(Os::Suse).describe(),
        "SUSE price equals the Linux price: a bring-your-own-licence price"
    );
    assert_eq!(
        Suspicion::BelowLinux(Os::Rhel).describe(),
        "RHEL price is below the Linux price, though the licence is extra"
    );
}

#[test]
fn reasons_tell_missing_prices_apart() {
    let (mut table, catalog) = (table(), catalog());
    table.assess(&catalog);
    let unknown = |name: &str, region: &str, os: Os| match table.check(name, region, os) {
        PriceCheck::Unknown(why) => why,
        other => panic!("{name} {region} {os:?}: {other:?}"),
    };
    // m5.xlarge is 0.0 in us-east-1 Linux in the source, and offered there.
    assert_eq!(
        unknown("m5.xlarge", EAST, Os::Linux),
        "0.0 in the source: no price known"
    );
    // m8i.large is in the API dump but in no row of the price list.
    assert!(catalog.get("m8i.large").is_some());
    assert_eq!(
        unknown("m8i.large", EAST, Os::Linux),
        "no price: newer than the price list of 2025-03-02"
    );
    // a1.2xlarge has no cell in ap-east-1, and the offerings say it is not offered there.
    let a1 = catalog.get("a1.2xlarge").unwrap();
    assert_eq!(
        atlas_model::availability::offered(a1, "ap-east-1"),
        atlas_model::availability::Offered::No
    );
    assert_eq!(
        unknown("a1.2xlarge", "ap-east-1", Os::Linux),
        "not offered in ap-east-1"
    );
    // A cell missing where the type is offered: the price list lacks it.
    let missing = catalog.types.iter().find_map(|t| {
        table.regions().iter().find_map(|r| {
            let offered =
                atlas_model::availability::offered(t, r) == atlas_model::availability::Offered::Yes;
            let why = match table.check(&t.name, r, Os::Linux) {
                PriceCheck::Unknown(why) if offered => why,
                _ => return None,
            };
            why.starts_with("no Linux price for").then_some(why)
        })
    });
    assert!(
        missing.is_some_and(|w| w.ends_with("in the price list of 2025-03-02")),
        "a cell the source lacks where the type is offered"
    );
}

fn pair(base: &str, variant: &str, letter: &str, kind: PairKind) -> FamilyPair {
    let (base, variant, letter) = (base.into(), variant.into(), letter.into());
    FamilyPair {
        base,
        variant,
        letter,
        kind,
    }
}

#[test]
fn family_pairs_are_found_from_names() {
    let found = pairs(&families(&catalog()));
    assert!(found.len() >= 60, "{} pairs", found.len());
    for expected in [
        pair("m5", "m5a", "a", PairKind::Added),
        pair("c5", "c5n", "n", PairKind::Added),
        pair("r5", "r5d", "d", PairKind::Added),
        pair("c6i", "c6id", "d", PairKind::Added),
        pair("c7i", "c7i-flex", "flex", PairKind::Added),
        pair("m6i", "m6g", "g", PairKind::VendorSwap),
        pair("m6i", "m6a", "a", PairKind::VendorSwap),
        pair("m6id", "m6gd", "g", PairKind::VendorSwap),
    ] {
        assert!(found.contains(&expected), "{expected:?} missing");
    }
    let unpaired = [
        ("m6a", "m6g"),
        ("m5", "m6g"),
        ("m5", "m5dn"),
        ("m6g", "m6i"),
    ];
    for (base, variant) in unpaired {
        assert!(
            !found.iter().any(|p| p.base == base && p.variant == variant),
            "{base} {variant}"
        );
    }
}

#[test]
fn amd_costs_about_ten_percent_less_in_us_east_1() {
    let (table, catalog) = (table(), catalog());
    let m5a = pair("m5", "m5a", "a", PairKind::Added);
    let cost = pair_ratios(&Pricing::new(&table, EAST, Os::Linux), &catalog, &m5a);
    assert_eq!(cost.sizes.first().map(|s| s.0.as_str()), Some("large"));
    assert_eq!(cost.sizes[0].1, 0.086 / 0.096);
    assert!(cost.sizes.len() >= 6, "{:?}", cost.sizes);
    assert!((0.88..0.91).contains(&cost.median.unwrap()), "{cost:?}");

    let found = pairs(&families(&catalog));
    let summary = letter_summary(&Pricing::new(&table, EAST, Os::Linux), &catalog, &found);
    let letter = |l: &str| summary.iter().find(|s| s.letter == l).unwrap();
    assert!(
        (0.88..=0.92).contains(&letter("a").median),
        "{:?}",
        letter("a")
    );
    assert!(letter("a").pairs >= 10);
    assert!(
        (0.75..=0.85).contains(&letter("g").median),
        "{:?}",
        letter("g")
    );
    assert!(
        (0.94..=0.96).contains(&letter("flex").median),
        "{:?}",
        letter("flex")
    );
    assert!(
        (1.1..=1.25).contains(&letter("d").median),
        "{:?}",
        letter("d")
    );
    assert!(
        (1.2..=1.35).contains(&letter("n").median),
        "{:?}",
        letter("n")
    );
    assert!(
        summary.windows(2).all(|w| w[0].letter < w[1].letter),
        "sorted by letter"
    );
}

#[test]
fn a_ratio_counts_m6i_xlarge_only_when_suspect_prices_are_included() {
    let (mut table, catalog) = (table(), catalog());
    table.assess(&catalog);
    let m6a = pair("m6i", "m6a", "a", PairKind::VendorSwap);
    let east = Pricing::new(&table, EAST, Os::Linux);
    let xlarge = |pricing: &Pricing| {
        pair_ratios(pricing, &catalog, &m6a)
            .sizes
            .iter()
            .any(|s| s.0 == "xlarge")
    };
    assert!(!xlarge(&east), "left out by default");
    assert!(xlarge(&east.including_suspect(true)), "included when asked");
}

/// The page's way in: the embedded prices read a step at a time while the page is idle.
fn builtin_source() -> atlas_model::atlas::PriceSource {
    atlas_model::atlas::PriceSource::from_rates(PRICES).judged_by(std::rc::Rc::new(catalog()))
}

#[test]
fn prices_read_in_idle_steps_are_the_prices_read_at_once() {
    let mut at_once = table();
    at_once.assess(&catalog());
    let stepped = builtin_source();
    let mut steps = 1;
    while !stepped.advance() {
        steps += 1;
    }
    assert!(
        steps > 100,
        "{steps} steps: each would be a long task in the page"
    );
    assert!(stepped.advance(), "a finished source stays finished");
    assert_eq!(stepped.table(), Ok(&at_once));
    assert_eq!(
        stepped.table().map(PriceTable::suspect_count),
        Ok(SUSPECT_PRICES)
    );
}

#[test]
fn asking_for_a_price_before_the_idle_steps_are_done_gets_it_at_once() {
    let mut at_once = table();
    at_once.assess(&catalog());
    let early = builtin_source();
    for _ in 0..60 {
        assert!(!early.advance());
    }
    let name = "m5.large";
    let Ok(table) = early.table() else {
        panic!("the embedded prices read");
    };
    assert_eq!(
        table.check(name, EAST, Os::Linux),
        at_once.check(name, EAST, Os::Linux)
    );
    assert_eq!(table, &at_once);
    assert!(early.advance(), "the steps end once the table is there");
}

#[test]
fn a_loaded_price_file_is_read_whole_by_the_first_step() {
    let loaded = atlas_model::atlas::PriceSource::from_csv(SOURCE.to_owned());
    assert!(loaded.advance());
    assert_eq!(
        loaded.table().map(PriceTable::len),
        Ok(PriceTable::from_csv(SOURCE).map_or(0, |t| t.len()))
    );
}
