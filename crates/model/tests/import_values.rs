//! One bad value costs one record, never the file: numbers beyond a float, lone surrogates,
//! implausible sizes and memory in the wrong unit are refused with a reason; control and
//! bidi characters are removed and long text is cut.

use atlas_model::import::{self, Imported, MAX_TEXT_CHARS};

fn load(text: &str) -> Imported {
    import::load(text, None).unwrap_or_else(|e| panic!("{e}"))
}

/// A describe-instance-types record of `name` with `mib` of memory and `extra` fields.
fn record(name: &str, vcpu: &str, mib: &str, extra: &str) -> String {
    format!(
        r#"{{"InstanceType": "{name}", "VCpuInfo": {{"DefaultVCpus": {vcpu}}}, "MemoryInfo": {{"SizeInMiB": {mib}}}{extra}}}"#
    )
}

fn reasons(imported: &Imported) -> Vec<&str> {
    imported
        .skipped()
        .iter()
        .map(|r| r.reason.as_str())
        .collect()
}

#[test]
fn a_number_beyond_a_float_or_a_lone_surrogate_costs_one_record() {
    let text = format!(
        "[{}, {}, {}, {}]",
        record("m5.large", "2", "8192", ""),
        record("m5.xlarge", "4", "1e400", ""),
        record(
            "m5.2xlarge",
            "8",
            "32768",
            r#", "ProcessorInfo": {"Manufacturer": "Intel\ud800"}"#
        ),
        record(r"m5.4x\udc00large", "16", "65536", ""),
    );
    let imported = load(&text);
    let names: Vec<&str> = imported
        .catalog
        .types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["m5.large", "m5.2xlarge"]);
    assert_eq!(
        imported.catalog.types[1].processor, "Intel\u{FFFD}",
        "shown visibly"
    );
    let reasons = reasons(&imported);
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].starts_with("record 2 (m5.xlarge): memory inf GiB"),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].starts_with("record 4: unrecognised instance type name `m5.4x\u{FFFD}large`"),
        "{}",
        reasons[1]
    );
}

#[test]
fn implausible_numbers_and_memory_in_the_wrong_unit_are_refused_with_a_reason() {
    let text = format!(
        "[{}, {}, {}, {}, {}]",
        record("m5.large", "2", "8192", ""),
        // 1e-303 GiB: unreadable on any chart.
        record("m5.xlarge", "4", "1e-300", ""),
        // GiB written where MiB belong: 16 "MiB" for 4 vCPUs.
        record("m5.2xlarge", "8", "32", ""),
        record(
            "m5.4xlarge",
            "16",
            "65536",
            r#", "NetworkInfo": {"NetworkPerformance": "64x 100000 Gigabit"}"#
        ),
        record(
            "m5.8xlarge",
            "32",
            "131072",
            r#", "NetworkInfo": {"NetworkPerformance": "4x 100 Gigabit"}"#
        ),
    );
    let imported = load(&text);
    let names: Vec<&str> = imported
        .catalog
        .types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["m5.large", "m5.8xlarge"]);
    assert_eq!(imported.catalog.types[1].network.gbps, Some(400.0));
    let why = reasons(&imported);
    assert!(
        why[0].contains("GiB per vCPU, less than the 1/16 GiB"),
        "{}",
        why[0]
    );
    assert!(
        why[1].contains("in the wrong unit (GiB where MiB are expected)"),
        "{}",
        why[1]
    );
    assert!(
        why[2].contains("64x 100000 Gigabit") && why[2].contains("100000 Gbps"),
        "{}",
        why[2]
    );
    // A CSV in MiB where GiB are expected.
    let csv = "instance_type,vcpu,memory\nm5.large,2,8192\nm5.xlarge,4,16\n";
    let imported = load(csv);
    assert_eq!(imported.catalog.types.len(), 1);
    assert!(reasons(&imported)[0].contains("4096 GiB per vCPU, more than the 128 GiB"));
}

#[test]
fn control_and_bidi_characters_are_removed_and_long_text_is_cut() {
    let long = "Xeon ".repeat(2_000);
    let text = format!(
        "[{}, {}, {}]",
        record(
            "m5.large",
            "2",
            "8192",
            r#", "ProcessorInfo": {"Manufacturer": "Intel\u0000 Xeon\u001b[31m"}"#
        ),
        record(
            "m5.xlarge",
            "4",
            "16384",
            ", \"ProcessorInfo\": {\"Manufacturer\": \"report\u{202E}gnp.exe\"}"
        ),
        record(
            "m5.2xlarge",
            "8",
            "32768",
            &format!(r#", "ProcessorInfo": {{"Manufacturer": "{long}"}}"#)
        ),
    );
    let imported = load(&text);
    let processors: Vec<&str> = imported
        .catalog
        .types
        .iter()
        .map(|t| t.processor.as_str())
        .collect();
    assert_eq!(processors[0], "Intel Xeon[31m");
    assert_eq!(processors[1], "reportgnp.exe");
    assert!(processors[2].chars().count() <= MAX_TEXT_CHARS + 1);
    assert!(processors[2].chars().count() > MAX_TEXT_CHARS - 5);
    assert!(processors[2].ends_with('…'));
    for t in &imported.catalog.types {
        assert!(
            !t.processor.chars().any(char::is_control),
            "{:?}",
            t.processor
        );
    }
}
