//! The embedded dataset parses completely, reads famous types right, and agrees with
//! real `aws ec2 describe-instance-types` output; malformed CSV is reported, not fatal.

use std::collections::BTreeSet;
use std::path::PathBuf;

use atlas_model::catalog::{Catalog, CatalogError};
use atlas_model::instance::{Architecture, Category, InstanceType, Vendor};
use atlas_model::quantity::StorageKind;
use serde::Deserialize;

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

/// The number of data rows in the embedded CSV (every one must load).
fn expected_types() -> usize {
    DATASET.lines().skip(1).filter(|l| !l.is_empty()).count()
}

fn catalog() -> Catalog {
    Catalog::from_csv(DATASET)
        .unwrap_or_else(|e| panic!("the embedded dataset has a valid header: {e:?}"))
}

fn get<'a>(catalog: &'a Catalog, name: &str) -> &'a InstanceType {
    catalog
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from the dataset"))
}

#[test]
fn embedded_dataset_parses_every_row() {
    let catalog = catalog();
    assert_eq!(catalog.rejected, vec![], "no row may be rejected");
    assert_eq!(catalog.types.len(), expected_types());
    assert!(catalog.types.len() >= 1395, "{} types", catalog.types.len());
    let families: BTreeSet<&str> = catalog.types.iter().map(|t| t.family.as_str()).collect();
    assert!(families.len() > 180, "{} families", families.len());
}

#[test]
fn p3dn_24xlarge_reads_like_the_write_up() {
    let catalog = catalog();
    let t = get(&catalog, "p3dn.24xlarge");
    assert_eq!((t.family.as_str(), t.size.as_str()), ("p3dn", "24xlarge"));
    assert_eq!(t.vcpu, 96);
    assert_eq!(t.memory_gib, 768.0);
    assert_eq!(t.memory_label, "768 GiB");
    assert_eq!(t.gpus, 8);
    let storage = t.storage.as_ref().unwrap();
    assert_eq!((storage.disks, storage.disk_gb), (2, 900.0));
    assert_eq!(storage.kind, StorageKind::Nvme);
    assert_eq!(storage.total_gb(), 1800.0);
    assert_eq!((t.network.gbps, t.network.up_to), (Some(100.0), false));
    assert_eq!(t.category, Category::Accelerated);
    assert_eq!(t.vendor, Vendor::Intel);
    assert_eq!(t.architecture, Architecture::X86_64);
    assert_eq!(t.clock.as_ref().unwrap().ghz, 2.5);
    assert!(t.current_generation);
}

#[test]
fn t3_micro_m7g_u7in_and_c7a_read_right() {
    let catalog = catalog();
    let t3 = get(&catalog, "t3.micro");
    assert_eq!((t3.vcpu, t3.memory_gib), (2, 1.0));
    assert!(t3.network.up_to);
    assert_eq!(t3.category, Category::General);

    let m7g: Vec<&InstanceType> = catalog.types.iter().filter(|t| t.family == "m7g").collect();
    assert!(m7g.len() >= 8, "m7g has {} sizes", m7g.len());
    for t in m7g {
        assert_eq!(
            (t.vendor, t.architecture),
            (Vendor::Graviton, Architecture::Arm64)
        );
    }

    let u7in = get(&catalog, "u7in-32tb.224xlarge");
    assert_eq!(u7in.memory_gib, 32768.0);
    assert_eq!(u7in.category, Category::Memory);

    for t in catalog.types.iter().filter(|t| t.family == "c7a") {
        assert_eq!(
            (t.vendor, t.architecture),
            (Vendor::Amd, Architecture::X86_64)
        );
    }
    assert!(catalog.types.iter().any(|t| t.family == "c7a"));
}

#[test]
fn only_graviton_and_apple_silicon_types_are_arm() {
    for t in catalog().types {
        assert_eq!(
            t.architecture == Architecture::Arm64,
            t.vendor == Vendor::Graviton || t.processor.starts_with("Apple M"),
            "{}",
            t.name
        );
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeInstanceTypes {
    instance_types: Vec<DescribedType>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribedType {
    instance_type: String,
    v_cpu_info: VCpuInfo,
    memory_info: MemoryInfo,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct VCpuInfo {
    default_v_cpus: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MemoryInfo {
    size_in_mi_b: f64,
}

/// The describe-instance-types fixtures kept in this repository (`tests/fixtures`).
fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/describe-instance-types"
    ))
}

#[test]
fn vcpu_and_memory_agree_with_describe_instance_types_fixtures() {
    let catalog = catalog();
    let mut compared = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture files");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let described: DescribeInstanceTypes =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for d in described.instance_types {
            let Some(t) = catalog.get(&d.instance_type) else {
                continue;
            };
            assert_eq!(t.vcpu, d.v_cpu_info.default_v_cpus, "{} vCPU", t.name);
            let mib = t.memory_gib * 1024.0;
            assert!(
                (mib - d.memory_info.size_in_mi_b).abs() < 1.0,
                "{} memory: dataset {} GiB, AWS {} MiB",
                t.name,
                t.memory_gib,
                d.memory_info.size_in_mi_b
            );
            compared += 1;
        }
    }
    assert!(compared >= 10, "only {compared} fixture types compared");
}

const HEADER: &str = "instance_type,instance_family,vcpu,memory,clock_speed,physical_processor,\
processor_architecture,network_performance,storage,gpu,gpu_memory,dedicated_ebs_throughput,\
current_generation";

#[test]
fn malformed_rows_are_rejected_with_line_and_reason() {
    let text = format!(
        "{HEADER}\n\
         m5.large,General purpose,2,8 GiB,3.1 GHz,Intel Xeon Platinum 8175,64-bit,Up to 10 Gigabit,EBS only,,NA,Up to 4750 Mbps,Yes\n\
         m5.xlarge,General purpose,abc,16 GiB,3.1 GHz,Intel Xeon Platinum 8175,64-bit,Up to 10 Gigabit,EBS only,,NA,Up to 4750 Mbps,Yes\n\
         z9.large,Quantum optimized,2.5,8 GiB,,Intel,64-bit,High,EBS only,,NA,,Yes\n\
         m5.2xlarge,General purpose,0,32 GiB,,Intel,64-bit,High,EBS only,,NA,,Yes\n\
         m5.4xlarge,General purpose,16,64 furlongs,,Intel,64-bit,High,EBS only,,NA,,Yes\n\
         m5.8xlarge,General purpose,32\n\
         m5.large,General purpose,2,8 GiB,,Intel,64-bit,High,EBS only,,NA,,Yes\n\
         c7g.large,Compute optimized,2,4 GiB,2.6 GHz,AWS Graviton3 Processor,64-bit,Up to 12500 Megabit,EBS only,,NA,Up to 10000 Mbps,Yes\n"
    );
    let catalog = Catalog::from_csv(&text).unwrap();
    let names: Vec<&str> = catalog.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["m5.large", "c7g.large"]);
    let rejected: Vec<(u64, &str)> = catalog
        .rejected
        .iter()
        .map(|r| (r.line, r.name.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (3, "m5.xlarge"),
            (4, "z9.large"),
            (5, "m5.2xlarge"),
            (6, "m5.4xlarge"),
            (7, "m5.8xlarge"),
            (8, "m5.large"),
        ]
    );
    let reasons: Vec<&str> = catalog.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons[0], r#"vcpu: "abc" is not a whole number"#);
    assert_eq!(reasons[1], r#"vcpu: "2.5" is not a whole number"#);
    assert!(reasons[2].starts_with("vcpu: 0"), "{}", reasons[2]);
    assert!(
        reasons[3].contains(r#"not a memory size: "64 furlongs""#),
        "{}",
        reasons[3]
    );
    assert_eq!(reasons[4], "has 3 fields, the header has 13");
    assert_eq!(reasons[5], "duplicate of the type on line 2");
}

#[test]
fn a_wrong_header_is_a_catalog_error() {
    let err = Catalog::from_csv("name,cpus,ram\nm5.large,2,8 GiB\n").unwrap_err();
    assert!(matches!(err, CatalogError::MissingColumns { .. }));
    assert!(err.to_string().contains("instance_type"), "{err}");
    assert_eq!(Catalog::from_csv(""), Err(CatalogError::Empty));
    let header_only = Catalog::from_csv(HEADER).unwrap();
    assert!(header_only.types.is_empty() && header_only.rejected.is_empty());
}
