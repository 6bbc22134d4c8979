//! The spec-string parsers on the shapes the AWS Price List uses, and on bad input.

use atlas_model::quantity::{
    parse_clock, parse_ebs_throughput, parse_gpu_memory, parse_memory, parse_network,
    parse_storage, QuantityError, StorageKind,
};

/// Inputs no parser may accept (and none may panic on).
const GARBAGE: &[&str] = &[
    "",
    "   ",
    "garbage",
    "-5 GiB",
    "-5",
    "NaN",
    "NaN GiB",
    "inf",
    "inf GiB",
    "1e3 GiB",
    "0 GiB",
    "0",
    "1.2.3 GiB",
    ".",
    "1,22 GiB",
    "99999999999999999999999999999999 GiB",
    "Up to",
    "Up to ",
    "x",
    "2 x",
    "2 x x",
    "Up to €",
    "€€€€€€€€",
    "12 furlongs",
];

#[test]
fn memory_reads_every_unit_as_gib() {
    assert_eq!(parse_memory("768 GiB"), Ok(768.0));
    assert_eq!(parse_memory("0.5 GiB"), Ok(0.5));
    assert_eq!(parse_memory("0.613 GiB"), Ok(0.613));
    assert_eq!(parse_memory("1,952 GiB"), Ok(1952.0));
    assert_eq!(parse_memory("32768 GiB"), Ok(32768.0));
    assert_eq!(parse_memory("16 GB"), Ok(16.0));
    assert_eq!(parse_memory("24 TiB"), Ok(24.0 * 1024.0));
    assert_eq!(parse_memory("512 MiB"), Ok(0.5));
    assert_eq!(parse_memory(" 8GiB "), Ok(8.0));
}

#[test]
fn memory_error_names_the_input_and_an_example() {
    let err = parse_memory("12 furlongs").unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"not a memory size: "12 furlongs" (expected something like "768 GiB")"#
    );
    assert!(matches!(
        parse_memory("10000000 GiB"),
        Err(QuantityError::OutOfRange { .. })
    ));
    assert!(parse_memory("768").is_err(), "a unit is required");
}

#[test]
fn clock_reads_sustained_and_turbo_figures() {
    let c = parse_clock("2.5 GHz").unwrap();
    assert_eq!((c.ghz, c.up_to, c.label.as_str()), (2.5, false, "2.5 GHz"));
    let c = parse_clock("Up to 3.7 GHz").unwrap();
    assert_eq!((c.ghz, c.up_to), (3.7, true));
    assert_eq!(parse_clock("up to 4 ghz").unwrap().ghz, 4.0);
    assert!(parse_clock("2.5").is_err());
    assert!(parse_clock("25 GHz").is_err(), "beyond any real CPU");
}

#[test]
fn network_reads_gigabit_megabit_and_grades() {
    let n = parse_network("Up to 25 Gigabit").unwrap();
    assert_eq!((n.gbps, n.up_to), (Some(25.0), true));
    assert_eq!(parse_network("25000 Megabit").unwrap().gbps, Some(25.0));
    let n = parse_network("Up to 12500 Megabit").unwrap();
    assert_eq!((n.gbps, n.up_to), (Some(12.5), true));
    assert_eq!(parse_network("3200 Gigabit").unwrap().gbps, Some(3200.0));
    assert_eq!(parse_network("28125 Megabit").unwrap().gbps, Some(28.125));
    for grade in ["Very Low", "Low", "Low to Moderate", "Moderate", "High"] {
        let n = parse_network(grade).unwrap();
        assert_eq!((n.gbps, n.up_to, n.label.as_str()), (None, false, grade));
    }
    assert!(parse_network("Up to High").is_err());
    assert!(parse_network("Extreme").is_err());
}

#[test]
fn storage_reads_count_size_and_kind() {
    assert_eq!(parse_storage("EBS only"), Ok(None));
    let cases = [
        ("2 x 900 NVMe SSD", 2, 900.0, StorageKind::Nvme),
        ("1 x 600 GB NVMe SSD", 1, 600.0, StorageKind::Nvme),
        ("900 GB NVMe SSD", 1, 900.0, StorageKind::Nvme),
        ("4 X 940 GB NVMe SSD", 4, 940.0, StorageKind::Nvme),
        ("24 x 2000 HDD", 24, 2000.0, StorageKind::Hdd),
        ("1 x 1875 SSD", 1, 1875.0, StorageKind::Ssd),
        ("8 x 3840 GB SSD", 8, 3840.0, StorageKind::Ssd),
        ("3 x 3750GB", 3, 3750.0, StorageKind::Nvme),
        ("1 x 468GB", 1, 468.0, StorageKind::Nvme),
    ];
    for (text, disks, disk_gb, kind) in cases {
        let s = parse_storage(text).unwrap().unwrap();
        assert_eq!(
            (s.disks, s.disk_gb, s.kind),
            (disks, disk_gb, kind),
            "{text}"
        );
        assert_eq!(s.label, text);
    }
    let p3dn = parse_storage("2 x 900 NVMe SSD").unwrap().unwrap();
    assert_eq!(p3dn.total_gb(), 1800.0);
}

#[test]
fn storage_rejects_unclear_or_impossible_disks() {
    for bad in [
        "2 x 900",
        "900",
        "0 x 900 SSD",
        "1.5 x 900 SSD",
        "5000 x 900 SSD",
        "2 x 0 SSD",
        "2 x 900 Floppy",
        "2 x 900 GB tape",
    ] {
        assert!(parse_storage(bad).is_err(), "{bad:?} should be an error");
    }
}

#[test]
fn gpu_memory_reads_gb_as_given_and_ignores_technology() {
    assert_eq!(parse_gpu_memory("NA"), Ok(None));
    assert_eq!(parse_gpu_memory("24 GB"), Ok(Some(24.0)));
    assert_eq!(parse_gpu_memory("128 GiB"), Ok(Some(128.0)));
    assert_eq!(parse_gpu_memory("320 GB HBM2"), Ok(Some(320.0)));
    assert_eq!(parse_gpu_memory("640 GB HBM2e"), Ok(Some(640.0)));
    assert_eq!(parse_gpu_memory("1128 GB HBM3"), Ok(Some(1128.0)));
    assert_eq!(parse_gpu_memory("141 GB HBM3e"), Ok(Some(141.0)));
    assert!(parse_gpu_memory("24 GB DRAM-ish").is_err());
    assert!(parse_gpu_memory("HBM3").is_err());
}

#[test]
fn ebs_reads_mbps_and_gbps() {
    let e = parse_ebs_throughput("Up to 10000 Mbps").unwrap();
    assert_eq!((e.mbps, e.up_to), (10000.0, true));
    let e = parse_ebs_throughput("60 Gbps").unwrap();
    assert_eq!(
        (e.mbps, e.up_to, e.label.as_str()),
        (60000.0, false, "60 Gbps")
    );
    assert_eq!(parse_ebs_throughput("Up to 10 Gbps").unwrap().mbps, 10000.0);
    assert_eq!(
        parse_ebs_throughput("Up to 12.5 Gbps").unwrap().mbps,
        12500.0
    );
    assert!(parse_ebs_throughput("10000").is_err());
}

#[test]
fn garbage_is_an_error_for_every_parser_never_a_panic() {
    for &bad in GARBAGE {
        assert!(parse_memory(bad).is_err(), "memory {bad:?}");
        assert!(parse_clock(bad).is_err(), "clock {bad:?}");
        assert!(parse_network(bad).is_err(), "network {bad:?}");
        assert!(parse_storage(bad).is_err(), "storage {bad:?}");
        assert!(parse_gpu_memory(bad).is_err(), "gpu memory {bad:?}");
        assert!(parse_ebs_throughput(bad).is_err(), "ebs {bad:?}");
    }
    let long = "9".repeat(400) + " GiB";
    assert!(matches!(
        parse_memory(&long),
        Err(QuantityError::OutOfRange { .. })
    ));
}
