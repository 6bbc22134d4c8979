//! `import::load` never panics, whatever a person drops on the page: arbitrary text and bytes,
//! random mutations of the real fixtures and CSVs, and generated records full of hostile
//! values. Whatever does load obeys the limits (vCPU, memory, names, report sizes).
//!
//! By default this is a smoke run (256 cases per property, about a second, part of
//! `make test`). A long run, single-threaded, in release:
//!
//! ```text
//! PROPTEST_CASES=200000 cargo test -p atlas-model --release --test import_fuzz -- --test-threads 1
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

use atlas_model::import::{self, ImportError, Imported, MAX_LISTED};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Map, Value};

/// The default config, with 256 cases unless `PROPTEST_CASES` says otherwise.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    config
}

fn fixture(path: &str) -> String {
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    std::fs::read_to_string(std::path::Path::new(base).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Real files to mutate: describe pages, the ec2instances.info record, CSV heads.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dataset = include_str!("../../../assets/data/instance-types.csv");
        let head: Vec<&str> = dataset.lines().take(40).collect();
        vec![
            fixture("describe-instance-types/t3_micro_and_p3_16xl.json"),
            fixture("describe-instance-types/g2_2xlarge_group.json"),
            fixture("ec2instances-info/x2iedn.32xlarge.json"),
            format!("[{}]", fixture("ec2instances-info/x2iedn.32xlarge.json")),
            head.join("\n"),
            "\"FormatVersion\",\"v1.0\"\n\"Instance Type\",\"vCPU\",\"Memory\",\"Storage\"\n\"m5.large\",\"2\",\"8 GiB\",\"EBS only\"\n".to_owned(),
        ]
    })
}

/// Tokens that matter to the parsers.
#[rustfmt::skip]
const TOKENS: [&str; 30] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "-", "1e308", "NaN", "0", "-4", "null",
    "true", "\n", "\"InstanceTypes\"", "\"InstanceType\"", "\"instance_type\"", "\u{0}", "é",
    "\u{feff}", "<img src=x onerror=alert(1)>", ";", "\t", "99999999", "\"\"", "\r\n", "x",
];

/// Values worth putting in any field.
#[rustfmt::skip]
const STRINGS: [&str; 26] = [
    "t3.micro", "m5.large", "u-6tb1.112xlarge", "<img src=x onerror=alert(1)>", "", " ", "NaN",
    "inf", "-4", "1e308", "Up to 25 Gigabit", "4x 100 Gigabit", "EBS only", "2 x 900 NVMe SSD",
    "768 GiB", "up to 3.5", "2.5 GHz", "arm64", "x86_64", "General purpose", "previous", "AWS",
    "required", "hdd", "TB", "99999999",
];

/// One edit of a text: (kind, where, how long, what to insert).
fn edit() -> impl Strategy<Value = (u8, Index, usize, String)> {
    let insert =
        prop_oneof![4 => select(TOKENS.to_vec()).prop_map(str::to_owned), 1 => any::<String>()];
    (0u8..5, any::<Index>(), 0usize..200, insert)
}

/// The nearest char boundary at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, (kind, at, len, insert): &(u8, Index, usize, String)) {
    let start = floor(text, at.index(text.len() + 1));
    let end = floor(text, (start + len).min(text.len()));
    match kind {
        0 => text.replace_range(start..end, ""),
        1 => text.insert_str(start, insert),
        2 => text.replace_range(start..end, insert),
        3 => {
            let copy = text[start..end].to_owned();
            text.insert_str(end, &copy);
        }
        _ => text.truncate(start),
    }
}

/// Loads `text`; checks the promises of whatever loaded. Never unwinds by itself.
fn check(text: &str) {
    match import::load(text, None) {
        Ok(imported) => check_imported(&imported),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fn check_imported(imported: &Imported) {
    let types = &imported.catalog.types;
    assert!(!types.is_empty());
    assert_eq!(imported.gaps.len(), types.len());
    assert!(imported.skipped().len() <= MAX_LISTED && imported.duplicates.len() <= MAX_LISTED);
    let mut names = HashSet::new();
    for t in types {
        assert!((1..=import::MAX_VCPU).contains(&t.vcpu), "{t:?}");
        assert!(t.memory_gib.is_finite() && t.memory_gib > 0.0, "{t:?}");
        assert!(t.memory_gib <= import::MAX_MEMORY_GIB, "{t:?}");
        let plain = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.';
        assert!(
            !t.name.is_empty() && t.name.chars().all(plain),
            "{:?}",
            t.name
        );
        assert!(names.insert(t.name.as_str()), "duplicate {}", t.name);
    }
}

/// A JSON value of any shape, often one of [`STRINGS`] or an awkward number.
fn value() -> impl Strategy<Value = Value> {
    let numbers = [
        -4.0, 0.0, 0.5, 2.5, 1024.0, 1e308, -1e308, 99999999.0, 4096.0, 65536.0,
    ];
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => select(numbers.to_vec()).prop_map(Value::from),
        3 => select(STRINGS.to_vec()).prop_map(Value::from),
        1 => any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((select(STRINGS.to_vec()), inner), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// Sets `path` in `record` to `value`, making objects on the way.
fn set(record: &mut Value, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut here = record;
    for key in parents {
        if !here.get(*key).is_some_and(Value::is_object) {
            here[*key] = Value::Object(Map::new());
        }
        here = &mut here[*key];
    }
    here[*last] = value;
}

#[rustfmt::skip]
const DESCRIBE_PATHS: [&[&str]; 18] = [
    &["InstanceType"], &["VCpuInfo", "DefaultVCpus"], &["MemoryInfo", "SizeInMiB"],
    &["ProcessorInfo", "SupportedArchitectures"], &["ProcessorInfo", "SustainedClockSpeedInGhz"],
    &["ProcessorInfo", "Manufacturer"], &["NetworkInfo", "NetworkPerformance"],
    &["NetworkInfo", "NetworkCards"], &["InstanceStorageInfo", "Disks"],
    &["InstanceStorageInfo", "TotalSizeInGB"], &["InstanceStorageInfo", "NvmeSupport"],
    &["GpuInfo", "Gpus"], &["GpuInfo", "TotalGpuMemoryInMiB"], &["NeuronInfo", "NeuronDevices"],
    &["EbsInfo", "EbsOptimizedInfo", "MaximumBandwidthInMbps"], &["CurrentGeneration"],
    &["InferenceAcceleratorInfo", "Accelerators"], &["MemoryInfo"],
];

#[rustfmt::skip]
const EC2INFO_PATHS: [&[&str]; 16] = [
    &["instance_type"], &["vCPU"], &["vcpu"], &["memory"], &["clock_speed_ghz"], &["storage"],
    &["storage", "devices"], &["storage", "size"], &["storage", "nvme_ssd"], &["GPU"],
    &["GPU_memory"], &["family"], &["generation"], &["arch"], &["network_performance"],
    &["ebs_max_bandwidth"],
];

/// Records built from a template with some fields replaced by [`value`]s.
fn records(
    template: Value,
    paths: &'static [&'static [&'static str]],
) -> impl Strategy<Value = Vec<Value>> {
    let record = prop::collection::vec((select(paths), value()), 0..6).prop_map(move |edits| {
        let mut record = template.clone();
        edits
            .into_iter()
            .for_each(|(path, v)| set(&mut record, path, v));
        record
    });
    prop::collection::vec(record, 1..5)
}

fn describe_template() -> Value {
    let page: Value = serde_json::from_str(&fixture(
        "describe-instance-types/t3_micro_and_p3_16xl.json",
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    page["InstanceTypes"][1].clone()
}

fn ec2info_template() -> Value {
    let mut record: Value =
        serde_json::from_str(&fixture("ec2instances-info/x2iedn.32xlarge.json"))
            .unwrap_or_else(|e| panic!("{e:?}"));
    record["pricing"] = json!({});
    record
}

#[rustfmt::skip]
const CSV_HEADERS: [&str; 16] = [
    "instance_type", "Instance Type", "vcpu", "vCPU", "memory", "Memory (GiB)", "clock_speed",
    "storage", "Storage", "network_performance", "gpu", "GPU Memory", "current_generation",
    "instance_family", "Dedicated EBS Throughput", "Processor Architecture",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(imported) = import::load_bytes(&bytes, Some("x.json")) {
            check_imported(&imported);
        }
    }

    #[test]
    fn mutated_fixtures_never_panic(seed in any::<Index>(), edits in prop::collection::vec(edit(), 1..8)) {
        let mut text = seed.get(seeds()).clone();
        edits.iter().for_each(|e| apply(&mut text, e));
        check(&text);
    }

    #[test]
    fn generated_describe_records_obey_the_limits(records in records(describe_template(), &DESCRIBE_PATHS), paged in any::<bool>()) {
        let array = Value::Array(records);
        let text = if paged { json!({ "InstanceTypes": array }) } else { array }.to_string();
        check(&text);
    }

    #[test]
    fn generated_ec2info_records_obey_the_limits(records in records(ec2info_template(), &EC2INFO_PATHS)) {
        check(&Value::Array(records).to_string());
    }

    #[test]
    fn generated_csv_obeys_the_limits(
        header in prop::collection::vec(select(CSV_HEADERS.to_vec()), 1..8),
        rows in prop::collection::vec(prop::collection::vec(select(STRINGS.to_vec()), 0..9), 0..6),
    ) {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut text = header.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",");
        for row in rows {
            text.push('\n');
            text.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        }
        check(&text);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{{\"InstanceTypes\":{}", "[".repeat(100_000)),
    ] {
        let e = import::load(&text, None).unwrap_err();
        assert!(
            matches!(
                e,
                ImportError::MalformedJson { .. } | ImportError::UnknownJson { .. }
            ),
            "{e}"
        );
    }
}
