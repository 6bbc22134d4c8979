//! People's own catalogue files load: every real fixture, concatenated and bare shapes, the
//! atlas's own CSV and a Price List CSV; gaps fill from the built-in data; 10 MB parses fast.

use std::path::PathBuf;
use std::time::Instant;

use atlas_model::catalog::Catalog;
use atlas_model::import::{self, fill_from, Format, Gaps, ImportError, Imported};
use atlas_model::instance::{Architecture, Category, InstanceType, Vendor};
use atlas_model::quantity::StorageKind;

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

/// The fixtures kept in this repository (`tests/fixtures`, provenance in its README).
fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(fixtures().join(path)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn describe(file: &str) -> String {
    fixture(&format!("describe-instance-types/{file}"))
}

fn load(text: &str) -> Imported {
    import::load(text, None).unwrap_or_else(|e| panic!("{e}"))
}

fn get<'a>(imported: &'a Imported, name: &str) -> &'a InstanceType {
    imported
        .catalog
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn every_describe_fixture_loads_with_its_count() {
    let expected = [
        ("c4_2xlarge.json", 1),
        ("c4_large.json", 1),
        ("g2_2xlarge.json", 1),
        ("g2_2xlarge_group.json", 7),
        ("m4_xlarge.json", 1),
        ("t3_micro.json", 1),
        ("t3_micro_and_p3_16xl.json", 2),
    ];
    for (file, count) in expected {
        let imported = load(&describe(file));
        assert_eq!(imported.format, Format::DescribeInstanceTypes, "{file}");
        assert_eq!(imported.catalog.types.len(), count, "{file}");
        assert_eq!(imported.skipped(), &[], "{file}");
        assert!(imported.missing_fields.contains(&"category"), "{file}");
    }
    let empty = import::load(&describe("empty.json"), Some("empty.json")).unwrap_err();
    assert!(
        matches!(empty, ImportError::NoInstanceTypes { .. }),
        "{empty:?}"
    );
    assert_eq!(empty.to_string(), "the file holds no instance types");
}

#[test]
fn t3_micro_and_p3_16xlarge_read_like_aws_says() {
    let imported = load(&describe("t3_micro_and_p3_16xl.json"));
    let t3 = get(&imported, "t3.micro");
    assert_eq!(
        (t3.vcpu, t3.memory_gib, t3.memory_label.as_str()),
        (2, 1.0, "1 GiB")
    );
    assert_eq!((t3.family.as_str(), t3.size.as_str()), ("t3", "micro"));
    assert_eq!(t3.category, Category::General);
    assert_eq!(t3.clock.as_ref().unwrap().ghz, 2.5);
    assert_eq!((t3.network.gbps, t3.network.up_to), (Some(5.0), true));
    assert_eq!((t3.gpus, t3.storage.as_ref()), (0, None));
    let p3 = get(&imported, "p3.16xlarge");
    assert_eq!((p3.vcpu, p3.memory_gib, p3.gpus), (64, 488.0, 8));
    assert_eq!(p3.gpu_memory_gib, Some(128.0));
    assert_eq!(p3.category, Category::Accelerated);
    assert_eq!(
        (p3.processor.as_str(), p3.architecture),
        ("x86_64", Architecture::X86_64)
    );
    assert!(p3.current_generation);
    let gaps = imported.gaps[1];
    assert!(gaps.contains(Gaps::CATEGORY) && gaps.contains(Gaps::PROCESSOR));
    assert_eq!(imported.missing_fields, ["category", "processor", "vendor"]);
    assert_eq!(Gaps::note("category"), Some("derived from the name"));
}

#[test]
fn g2_group_reads_storage_ebs_and_inferentia() {
    let imported = load(&describe("g2_2xlarge_group.json"));
    let g2 = get(&imported, "g2.2xlarge");
    let disk = g2.storage.as_ref().unwrap();
    assert_eq!(
        (disk.disks, disk.disk_gb, disk.kind),
        (1, 60.0, StorageKind::Ssd)
    );
    assert_eq!(
        (g2.gpus, g2.gpu_memory_gib, g2.category),
        (1, Some(4.0), Category::Accelerated)
    );
    assert_eq!(
        (g2.network.gbps, g2.network.label.as_str()),
        (None, "Moderate")
    );
    assert_eq!(
        get(&imported, "c3.2xlarge")
            .storage
            .as_ref()
            .unwrap()
            .total_gb(),
        160.0
    );
    let c5 = get(&imported, "c5.2xlarge").ebs.as_ref().unwrap();
    assert_eq!(
        (c5.mbps, c5.up_to, c5.label.as_str()),
        (4750.0, true, "Up to 4750 Mbps")
    );
    assert_eq!(
        get(&imported, "c4.2xlarge").ebs.as_ref().unwrap().label,
        "1000 Mbps"
    );
    assert_eq!(get(&imported, "c5a.2xlarge").category, Category::Compute);
    let inf1 = get(&imported, "inf1.2xlarge");
    assert_eq!((inf1.category, inf1.gpus), (Category::Accelerated, 0));
}

#[test]
fn ec2instances_info_record_loads_alone_and_in_an_array() {
    let record = fixture("ec2instances-info/x2iedn.32xlarge.json");
    for text in [
        record.clone(),
        format!("[{record}]"),
        format!("[\n{record},\n{record}]"),
    ] {
        let imported = load(&text);
        assert_eq!(imported.format, Format::Ec2InstancesInfo);
        assert_eq!(imported.catalog.types.len(), 1);
        let x = get(&imported, "x2iedn.32xlarge");
        assert_eq!(
            (x.vcpu, x.memory_gib, x.category),
            (128, 4096.0, Category::Memory)
        );
        assert_eq!(
            (x.vendor, x.processor.as_str()),
            (Vendor::Intel, "Intel Xeon Scalable (Icelake)")
        );
        let disk = x.storage.as_ref().unwrap();
        assert_eq!(
            (disk.disks, disk.disk_gb, disk.kind),
            (2, 1900.0, StorageKind::Nvme)
        );
        assert_eq!(
            (x.network.gbps, x.clock.as_ref().unwrap().ghz),
            (Some(100.0), 3.5)
        );
        assert_eq!(x.ebs.as_ref().unwrap().mbps, 80000.0);
        assert_eq!(imported.missing_fields, Vec::<&str>::new());
    }
    assert_eq!(
        load(&format!("[{record},{record}]")).duplicates,
        ["x2iedn.32xlarge"]
    );
}

#[test]
fn old_ec2instances_info_vintages_are_tolerated() {
    let text = r#"[{"instance_type": "m3.large", "vcpu": "2", "memory": "7.5",
        "family": "General purpose", "generation": "previous", "storage": {"devices": 1,
        "size": 32, "ssd": true}, "clock_speed_ghz": "up to 3.5", "GPU": "0", "arch": "x86_64",
        "network_performance": "Moderate"},
      {"instance_type": "d2.xlarge", "vCPU": 4, "memory": "30.5 GiB", "storage":
        {"devices": 3, "size": 2000, "ssd": false}, "clock_speed_ghz": "unknown"}]"#;
    let imported = load(text);
    let m3 = get(&imported, "m3.large");
    assert_eq!(
        (m3.vcpu, m3.memory_gib, m3.current_generation),
        (2, 7.5, false)
    );
    assert_eq!(m3.clock.as_ref().map(|c| c.ghz), Some(3.5));
    assert_eq!(m3.storage.as_ref().unwrap().kind, StorageKind::Ssd);
    let d2 = get(&imported, "d2.xlarge");
    assert_eq!(
        (d2.memory_label.as_str(), d2.category, d2.clock.as_ref()),
        ("30.5 GiB", Category::Storage, None)
    );
    assert_eq!(d2.storage.as_ref().unwrap().kind, StorageKind::Hdd);
}

#[test]
fn describe_pages_concatenated_in_an_array_or_bare() {
    let (a, b) = (describe("t3_micro.json"), describe("c4_large.json"));
    for text in [
        format!("{a}\n{b}"),
        format!("{}{}", a.trim(), b.trim()),
        format!("[{a},{b}]"),
    ] {
        let imported = load(&text);
        assert_eq!(imported.catalog.types.len(), 2, "{text}");
        assert_eq!(imported.format, Format::DescribeInstanceTypes);
    }
    let page: serde_json::Value =
        serde_json::from_str(&describe("t3_micro_and_p3_16xl.json")).unwrap();
    let records = &page["InstanceTypes"];
    let bare = load(&records.to_string());
    assert_eq!(bare.catalog.types[1].name, "p3.16xlarge");
    assert_eq!(
        load(&records[0].to_string()).catalog.types[0].name,
        "t3.micro"
    );
}

#[test]
fn embedded_csv_round_trips_through_the_csv_reader() {
    let imported = import::load(DATASET, Some("instance-types.csv")).unwrap();
    let builtin = Catalog::from_csv(DATASET).unwrap();
    assert_eq!(
        (imported.format, imported.catalog.types.len()),
        (Format::Csv, builtin.types.len())
    );
    assert_eq!(
        (imported.skipped(), imported.duplicates.len()),
        (&[][..], 0)
    );
    // The importer reads the dataset's own columns too: GPU model and share, accelerators,
    // EBS baseline, flags and offerings come back as the built-in catalog has them (the
    // network's words are read as the Price List's).
    for (mine, theirs) in imported.catalog.types.iter().zip(&builtin.types) {
        let ebs = |t: &InstanceType| t.ebs.as_ref().map(|e| e.mbps);
        assert_eq!(ebs(mine), ebs(theirs), "{}", theirs.name);
        let theirs = InstanceType {
            ebs: mine.ebs.clone(),
            network: mine.network.clone(),
            ..theirs.clone()
        };
        assert_eq!(mine, &theirs);
    }
}

#[test]
fn price_list_csv_with_preamble_and_repeated_rows() {
    let text = "\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"This pricing list is for informational purposes only.\"\n\
\"Publication Date\",\"2024-05-01T00:00:00Z\"\n\"Version\",\"20240501\"\n\"OfferCode\",\"AmazonEC2\"\n\
\"SKU\",\"PricePerUnit\",\"Instance Type\",\"Current Generation\",\"Instance Family\",\"vCPU\",\"Physical Processor\",\"Clock Speed\",\"Memory\",\"Storage\",\"Network Performance\",\"Processor Architecture\",\"GPU\",\"GPU Memory\",\"Dedicated EBS Throughput\"\n\
\"A1\",\"0.0960\",\"m5.large\",\"Yes\",\"General purpose\",\"2\",\"Intel Xeon Platinum 8175\",\"3.1 GHz\",\"8 GiB\",\"EBS only\",\"Up to 10 Gigabit\",\"64-bit\",\"\",\"NA\",\"Up to 4750 Mbps\"\n\
\"A2\",\"0.0970\",\"m5.large\",\"Yes\",\"General purpose\",\"2\",\"Intel Xeon Platinum 8175\",\"3.1 GHz\",\"8 GiB\",\"EBS only\",\"Up to 10 Gigabit\",\"64-bit\",\"\",\"NA\",\"Up to 4750 Mbps\"\n\
\"A3\",\"0.10\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\
\"A4\",\"0.0680\",\"c7g.large\",\"Yes\",\"Compute optimized\",\"2\",\"AWS Graviton3 Processor\",\"2.6 GHz\",\"4 GiB\",\"EBS only\",\"Up to 12500 Megabit\",\"64-bit\",\"\",\"NA\",\"Up to 10000 Mbps\"\n";
    let imported = load(text);
    assert_eq!(imported.catalog.types.len(), 2);
    assert_eq!(
        (imported.duplicates.clone(), imported.blank_rows),
        (vec!["m5.large".to_owned()], 1)
    );
    let c7g = get(&imported, "c7g.large");
    assert_eq!(
        (c7g.vendor, c7g.architecture),
        (Vendor::Graviton, Architecture::Arm64)
    );
    assert_eq!(c7g.network.gbps, Some(12.5));
    let semicolons = "Name;vCPU;Memory (GiB)\nm5.large;2;8\n";
    assert_eq!(get(&load(semicolons), "m5.large").memory_gib, 8.0);
}

#[test]
fn fill_from_builtin_completes_what_describe_leaves_out() {
    let builtin = Catalog::from_csv(DATASET).unwrap();
    let mut imported = load(&describe("g2_2xlarge_group.json"));
    let report = fill_from(&mut imported, &builtin);
    assert_eq!(
        (
            report.filled_category,
            report.filled_processor,
            report.filled_vendor
        ),
        (7, 7, 7)
    );
    assert_eq!(report.filled_clock, 0, "describe gave every clock");
    let inf1 = get(&imported, "inf1.2xlarge");
    assert_eq!(
        (inf1.category, inf1.vendor),
        (Category::Accelerated, Vendor::Intel)
    );
    assert_eq!(
        inf1.processor,
        builtin.get("inf1.2xlarge").unwrap().processor
    );
    assert_eq!(imported.missing_fields, Vec::<&str>::new());
    assert!(imported.gaps.iter().all(|g| g.is_empty()));
}

#[test]
fn derived_categories_agree_with_the_price_list() {
    let builtin = Catalog::from_csv(DATASET).unwrap();
    let wrong: Vec<&str> = builtin
        .types
        .iter()
        .filter(|t| import::category_from_name(&t.name) != t.category)
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(wrong, Vec::<&str>::new());
}

#[test]
fn ten_megabytes_of_describe_output_load_every_record() {
    let page: serde_json::Value = serde_json::from_str(&describe("g2_2xlarge_group.json")).unwrap();
    let record = page["InstanceTypes"][3].to_string();
    let mut text = String::from("{\"InstanceTypes\": [");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        let name = format!("\"c5.{}xlarge\"", n + 1);
        text.push_str(&record.replace("\"c5.2xlarge\"", &name));
        text.push(',');
    }
    text.pop();
    text.push_str("]}");
    let start = Instant::now();
    let imported = load(&text);
    let took = start.elapsed();
    println!("{} MB, {n} records: {took:?}", text.len() / 1_000_000);
    assert_eq!(imported.catalog.types.len(), n);
}
