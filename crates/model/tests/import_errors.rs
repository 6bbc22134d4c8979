//! Bad catalogue files get a clear message and never a panic: broken or foreign JSON, prose,
//! binary data, wrong encodings, oversize files; absurd values and hostile names skip just
//! their record, with its index (JSON) or line (CSV) and name in the reason.

use atlas_model::import::{self, ImportError, Imported};

fn load(text: &str) -> Imported {
    import::load(text, None).unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> String {
    import::load(text, None)
        .err()
        .unwrap_or_else(|| panic!("must be refused"))
        .to_string()
}

#[test]
fn bad_files_get_clear_errors() {
    let cases: [(&str, &str); 9] = [
        ("", "the file is empty"),
        (" \n\t \r\n", "the file is empty"),
        ("{\"InstanceTypes\": [\n  {\"InstanceType\": \"t3.micro\"\n  \"x\": 1}]}", "malformed JSON at line 3, column 3: expected `,` or `}`"),
        ("{\"InstanceTypes\": [", "malformed JSON at line 1, column 19: the file ends"),
        ("{\"Reservations\": [], \"NextToken\": null}", "JSON, but neither describe-instance-types nor ec2instances.info: top-level keys are \"Reservations\", \"NextToken\""),
        ("[1, 2, 3]", "an array of numbers"),
        ("{\"InstanceTypes\": 5}", "does not fit the aws ec2 describe-instance-types JSON format at line 1, column 19: invalid type: integer `5`"),
        ("hello world\nthis is prose", "not JSON or CSV: the file starts with \"hello world\""),
        ("PK\u{3}\u{4}\u{14}\0\u{8}", "looks binary"),
    ];
    for (text, message) in cases {
        let got = error(text);
        assert!(got.contains(message), "{text:?}: {got}");
    }
    let json_name = import::load("<html>", Some("mine.json"))
        .unwrap_err()
        .to_string();
    assert!(
        json_name.contains("\"mine.json\" should hold JSON"),
        "{json_name}"
    );
    assert!(error("[]").contains("no instance types"));
    let bytes = [b'{', b'"', 0xC3, 0x28, b'"'];
    let invalid = import::load_bytes(&bytes, None).unwrap_err();
    assert_eq!(invalid, ImportError::InvalidUtf8 { offset: 2 });
    assert_eq!(
        import::load_bytes(&[0xFF, 0xFE, b'{', 0], None).unwrap_err(),
        ImportError::Utf16
    );
    let utf16: Vec<u8> = "instance_type,vcpu".bytes().flat_map(|b| [b, 0]).collect();
    assert_eq!(
        import::load_bytes(&utf16, None).unwrap_err(),
        ImportError::Utf16
    );
    let zip = b"PK\x03\x04\x14\x00\x08\x00\x08\x00";
    let binary = import::load_bytes(zip, Some("data.zip")).unwrap_err();
    assert_eq!(binary, ImportError::Binary { offset: 5 });
    let huge = " ".repeat(import::MAX_IMPORT_BYTES + 1);
    assert!(error(&huge).contains("up to 64 MiB"));
}

#[test]
fn absurd_values_skip_the_record_with_its_index_and_name() {
    let record = |name: &str, vcpu: &str, mib: &str| {
        format!(
            r#"{{"InstanceType": "{name}", "VCpuInfo": {{"DefaultVCpus": {vcpu}}}, "MemoryInfo": {{"SizeInMiB": {mib}}}}}"#
        )
    };
    let records = [
        record("m5.large", "2", "8192"),
        record("m5.xlarge", "-4", "16384"),
        record("m5.2xlarge", "\"NaN\"", "32768"),
        record("m5.4xlarge", "99999999", "65536"),
        record("m5.8xlarge", "32", "1e308"),
        record("m5.12xlarge", "48", "-1"),
        record("m5.16xlarge", "2.5", "1024"),
        record("<img src=x onerror=alert(1)>", "2", "1024"),
        record("m5.large", "4", "1024"),
    ];
    let imported = load(&format!("[{}]", records.join(",")));
    assert_eq!(imported.catalog.types.len(), 1);
    assert_eq!(
        imported.catalog.get("m5.large").unwrap().vcpu,
        2,
        "the first of two duplicates is kept"
    );
    assert_eq!(imported.duplicates, ["m5.large"]);
    let reasons: Vec<&str> = imported
        .skipped()
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(reasons, [
        "record 2 (m5.xlarge): vCPU -4 is not a whole number from 1 to 4096",
        "record 3 (m5.2xlarge): vCPU NaN is not a whole number from 1 to 4096",
        "record 4 (m5.4xlarge): vCPU 99999999 is not a whole number from 1 to 4096",
        "record 5 (m5.8xlarge): memory 9.765625e304 GiB is not more than 0 and at most 65536 GiB",
        "record 6 (m5.12xlarge): memory -0.0009765625 GiB is not more than 0 and at most 65536 GiB",
        "record 7 (m5.16xlarge): vCPU 2.5 is not a whole number from 1 to 4096",
        "record 8: unrecognised instance type name `<img src=x onerror=alert(1)>`: no dot between family and size (expected something like m5.large)",
    ]);
    assert_eq!(
        imported.skipped()[7 - 1].name,
        "<img src=x onerror=alert(1)>"
    );
    let csv = "instance_type,vcpu,memory\nm5.large,2,8 GiB\nm5.xlarge,inf,16\n<b>x</b>.large,2,8\n";
    let imported = load(csv);
    let lines: Vec<(u64, &str)> = imported
        .skipped()
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        lines[0],
        (
            3,
            "line 3 (m5.xlarge): vCPU inf is not a whole number from 1 to 4096"
        )
    );
    assert_eq!(lines[1].0, 4);
}

#[test]
fn odd_shapes_inside_a_record_skip_only_that_record() {
    let text = r#"[
      {"InstanceType": "m5.large", "VCpuInfo": {"DefaultVCpus": "2"},
       "MemoryInfo": {"SizeInMiB": 8192}, "GpuInfo": "none", "NetworkInfo": [1, 2]},
      5,
      {"InstanceType": "c5.large", "VCpuInfo": ["DefaultVCpus", 2], "MemoryInfo": {"SizeInMiB": 4096}}
    ]"#;
    let imported = load(text);
    let m5 = imported.catalog.get("m5.large").unwrap();
    assert_eq!((m5.vcpu, m5.gpus, m5.network.label.as_str()), (2, 0, ""));
    let reasons: Vec<&str> = imported
        .skipped()
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "record 2: a number, not an instance type object",
            "record 3 (c5.large): no vCPU count",
        ]
    );
    let ec2info =
        r#"[{"instance_type": "m5.large", "vCPU": 2, "memory": 8, "storage": "EBS only"}]"#;
    assert_eq!(load(ec2info).catalog.types[0].storage, None);
    let duplicate_key = r#"{"InstanceTypes": [{"InstanceType": "a", "InstanceType": "b"}]}"#;
    let message = error(duplicate_key);
    assert!(
        message.contains("line 1, column 55: duplicate field `InstanceType`"),
        "{message}"
    );
}
