//! The instance type name decoder against the dataset, the documented examples and odd input.

use atlas_model::name::{decode, series_meaning, Capability, DecodedName, NameError, Size};
use Capability::*;

/// The dataset the app embeds.
const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

/// The dataset's 142 families, as listed when the decoder was written.
const FAMILIES: &str = "a1 c1 c3 c4 c5 c5a c5ad c5d c5n c6a c6g c6gd c6gn c6i c6id c6in c7a c7g \
    c7gd c7gn c7i c7i-flex c8g cc2 cr1 d2 d3 d3en dl1 dl2q f1 f2 g2 g3 g3s g4ad g4dn g5 g5g g6 \
    g6e gr6 h1 hpc6a hpc6id hpc7a hpc7g hs1 i2 i3 i3en i4g i4i i7ie i8g im4gn inf1 inf2 is4gen \
    m1 m2 m3 m4 m5 m5a m5ad m5d m5dn m5n m5zn m6a m6g m6gd m6i m6id m6idn m6in m7a m7g m7gd m7i \
    m7i-flex m8g p2 p3 p3dn p4d p4de p5 p5e p5en r3 r4 r5 r5a r5ad r5b r5d r5dn r5n r6a r6g r6gd \
    r6i r6id r6idn r6in r7a r7g r7gd r7i r7iz r8g t1 t2 t3 t3a t4g trn1 trn1n trn2 u-12tb1 \
    u-18tb1 u-24tb1 u-3tb1 u-6tb1 u-9tb1 u7i-12tb u7i-6tb u7i-8tb u7in-16tb u7in-24tb u7in-32tb \
    vt1 x1 x1e x2gd x2idn x2iedn x2iezn x8g z1d";

/// The ladder in order, as the Sizes view shows it.
const LADDER: [&str; 28] = [
    "nano",
    "micro",
    "small",
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "3xlarge",
    "4xlarge",
    "6xlarge",
    "8xlarge",
    "9xlarge",
    "10xlarge",
    "12xlarge",
    "16xlarge",
    "18xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
    "56xlarge",
    "96xlarge",
    "112xlarge",
    "224xlarge",
    "metal-16xl",
    "metal-24xl",
    "metal-32xl",
    "metal-48xl",
    "metal",
];

fn decoded(name: &str) -> DecodedName {
    decode(name).unwrap_or_else(|e| panic!("{name} should decode: {e}"))
}

fn dataset_names() -> Vec<&'static str> {
    let mut lines = DATASET.lines();
    assert_eq!(
        lines.next().and_then(|h| h.split(',').next()),
        Some("instance_type")
    );
    lines
        .filter_map(|l| l.split(',').next())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn every_instance_type_in_the_dataset_decodes_with_no_unknown_letters() {
    let names = dataset_names();
    assert!(
        names.len() >= 1395,
        "only {} names in the dataset",
        names.len()
    );
    for name in names {
        let d = decoded(name);
        assert_eq!(d.unknown_letters, "", "{name}");
        assert_eq!(d.name, name);
        assert!(series_meaning(&d.series).is_some(), "{name}");
        assert!(
            d.generation.is_some() || name.starts_with("mac-"),
            "{name} has no generation"
        );
        let explained: String = d.explain().into_iter().map(|(part, _)| part).collect();
        assert_eq!(
            explained.replace('-', ""),
            name.replace(['-', '.'], ""),
            "{name}"
        );
    }
}

#[test]
fn every_listed_family_decodes_with_every_dataset_size() {
    let families: Vec<&str> = FAMILIES.split_whitespace().collect();
    assert_eq!(families.len(), 142);
    for family in families {
        for size in &LADDER[..23] {
            let d = decoded(&format!("{family}.{size}"));
            assert_eq!(d.family, family);
            assert_eq!(d.size.as_str(), *size);
            assert_eq!(d.unknown_letters, "", "{family}");
        }
    }
}

/// (name, series, generation, capabilities, variant, memory TiB).
type Expected = (
    &'static str,
    &'static str,
    Option<u32>,
    &'static [Capability],
    Option<&'static str>,
    Option<u32>,
);

#[rustfmt::skip]
const EXAMPLES: &[Expected] = &[
    ("c7gn.16xlarge", "c", Some(7), &[Graviton, Network], None, None),
    ("m5ad.large", "m", Some(5), &[Amd, LocalNvme], None, None),
    ("c7i-flex.large", "c", Some(7), &[Intel, Flex], None, None),
    ("m7i-flex.2xlarge", "m", Some(7), &[Intel, Flex], None, None),
    ("p3dn.24xlarge", "p", Some(3), &[LocalNvme, Network], None, None),
    ("hpc7g.16xlarge", "hpc", Some(7), &[Graviton], None, None),
    ("hpc6id.32xlarge", "hpc", Some(6), &[Intel, LocalNvme], None, None),
    ("is4gen.xlarge", "is", Some(4), &[Graviton, ExtraMemory, Network], None, None),
    ("im4gn.large", "im", Some(4), &[Graviton, Network], None, None),
    ("dl2q.24xlarge", "dl", Some(2), &[Qualcomm], None, None),
    ("inf2.xlarge", "inf", Some(2), &[], None, None),
    ("trn1n.32xlarge", "trn", Some(1), &[Network], None, None),
    ("gr6.4xlarge", "gr", Some(6), &[], None, None),
    ("vt1.3xlarge", "vt", Some(1), &[], None, None),
    ("mac2-m2pro.metal", "mac", Some(2), &[], Some("m2pro"), None),
    ("mac1.metal", "mac", Some(1), &[], None, None),
    ("mac-m4pro.metal", "mac", None, &[], Some("m4pro"), None),
    ("x2iedn.32xlarge", "x", Some(2), &[Intel, ExtraMemory, LocalNvme, Network], None, None),
    ("x2iezn.12xlarge", "x", Some(2), &[Intel, ExtraMemory, HighFrequency, Network], None, None),
    ("r7iz.large", "r", Some(7), &[Intel, HighFrequency], None, None),
    ("r5b.large", "r", Some(5), &[EbsOptimised], None, None),
    ("g4ad.xlarge", "g", Some(4), &[Amd, LocalNvme], None, None),
    ("d3en.xlarge", "d", Some(3), &[ExtraMemory, Network], None, None),
    ("p4de.24xlarge", "p", Some(4), &[LocalNvme, ExtraMemory], None, None),
    ("x1e.xlarge", "x", Some(1), &[ExtraMemory], None, None),
    ("i7ie.large", "i", Some(7), &[Intel, ExtraMemory], None, None),
    ("u-6tb1.112xlarge", "u", Some(1), &[], Some("6tb1"), Some(6)),
    ("u-3tb1.56xlarge", "u", Some(1), &[], Some("3tb1"), Some(3)),
    ("u-24tb1.metal", "u", Some(1), &[], Some("24tb1"), Some(24)),
    ("u7i-12tb.224xlarge", "u", Some(7), &[Intel], Some("12tb"), Some(12)),
    ("u7in-32tb.224xlarge", "u", Some(7), &[Intel, Network], Some("32tb"), Some(32)),
    ("m7i.metal-48xl", "m", Some(7), &[Intel], None, None),
    ("c6i.metal", "c", Some(6), &[Intel], None, None),
    ("m5zn.metal", "m", Some(5), &[HighFrequency, Network], None, None),
    ("z1d.large", "z", Some(1), &[LocalNvme], None, None),
    ("t4g.nano", "t", Some(4), &[Graviton], None, None),
    ("a1.medium", "a", Some(1), &[], None, None),
    ("f2.6xlarge", "f", Some(2), &[], None, None),
    ("g5g.xlarge", "g", Some(5), &[Graviton], None, None),
    ("cc2.8xlarge", "cc", Some(2), &[], None, None),
    ("cr1.8xlarge", "cr", Some(1), &[], None, None),
    ("hs1.8xlarge", "hs", Some(1), &[], None, None),
    ("p6-b200.48xlarge", "p", Some(6), &[], Some("b200"), None),
    ("g3s.xlarge", "g", Some(3), &[], Some("s"), None),
];

#[test]
fn documented_examples_decode_to_their_parts() {
    for &(name, series, generation, capabilities, variant, memory_tib) in EXAMPLES {
        let d = decoded(name);
        assert_eq!(d.series, series, "{name}");
        assert_eq!(d.generation, generation, "{name}");
        assert_eq!(d.capabilities, capabilities, "{name}");
        assert_eq!(d.variant.as_deref(), variant, "{name}");
        assert_eq!(d.memory_tib, memory_tib, "{name}");
        assert_eq!(d.unknown_letters, "", "{name}");
        assert_eq!(d.size.as_str(), name.split_once('.').map_or("", |(_, s)| s));
    }
}

#[test]
fn p3dn_explanation_reads_like_the_write_up() {
    let parts = decoded("p3dn.24xlarge").explain();
    let expected = [
        ("p", "GPU compute series"),
        ("3", "generation 3"),
        ("d", "local NVMe instance storage"),
        ("n", "network (and EBS) optimised"),
        ("24xlarge", "size: 24 x xlarge"),
    ];
    let parts: Vec<(&str, &str)> = parts
        .iter()
        .map(|(p, m)| (p.as_str(), m.as_str()))
        .collect();
    assert_eq!(parts, expected);
}

#[test]
fn explanations_cover_variants_memory_and_chips() {
    let meaning = |name: &str, part: &str| {
        let parts = decoded(name).explain();
        parts
            .into_iter()
            .find(|(p, _)| p == part)
            .map(|(_, m)| m)
            .unwrap_or_default()
    };
    assert_eq!(meaning("u-6tb1.112xlarge", "6tb"), "6 TiB of memory");
    assert_eq!(meaning("u-6tb1.112xlarge", "1"), "generation 1");
    assert_eq!(meaning("u7in-32tb.224xlarge", "32tb"), "32 TiB of memory");
    assert_eq!(meaning("mac2-m2pro.metal", "m2pro"), "Apple M2 Pro chip");
    assert_eq!(meaning("mac2-m2.metal", "m2"), "Apple M2 chip");
    assert_eq!(meaning("is4gen.xlarge", "g"), "Graviton");
    assert_eq!(meaning("is4gen.xlarge", "n"), "network (and EBS) optimised");
    assert_eq!(meaning("p5e.48xlarge", "e"), "more GPU memory");
    assert_eq!(meaning("g7e.2xlarge", "e"), "more GPU memory");
    assert_eq!(meaning("x2iedn.xlarge", "e"), "extra memory or storage");
    assert_eq!(
        meaning("c8ine.large", "e"),
        "AWS documents no meaning for this letter here"
    );
    assert!(meaning("g6f.large", "f").starts_with("fractional GPU"));
    assert!(meaning("gr6f.4xlarge", "f").starts_with("fractional GPU"));
    assert!(meaning("trn2u.48xlarge", "u").starts_with("UltraServer"));
    assert_eq!(meaning("p6-b300.48xlarge", "b300"), "NVIDIA B300 GPUs");
    assert!(meaning("p6e-gb200.36xlarge", "gb200").contains("GB200"));
    assert!(meaning("g3s.xlarge", "s").contains("smaller"));
    assert_eq!(meaning("c7i-flex.large", "flex"), Flex.meaning());
    assert_eq!(
        meaning("hpc7g.4xlarge", "hpc"),
        "high performance computing series"
    );
    assert_eq!(
        meaning("m7i.metal-48xl", "metal-48xl"),
        "size: bare metal, as big as 48 x xlarge"
    );
    assert_eq!(
        meaning("t4g.nano", "nano"),
        "size: nano = 1/32 of an xlarge"
    );
    assert_eq!(
        meaning("m5.large", "large"),
        "size: large = 1/2 of an xlarge"
    );
    assert_eq!(meaning("p6-b200.48xlarge", "b200"), "NVIDIA B200 GPUs");
}

#[test]
fn unknown_capability_letters_are_kept_and_explained() {
    let d = decoded("c7k.xlarge");
    assert_eq!(d.unknown_letters, "k");
    assert!(d
        .explain()
        .contains(&("k".into(), "unrecognised capability letter".into())));
}

#[test]
fn case_and_surrounding_whitespace_are_ignored() {
    let d = decoded("  P3DN.24XLarge\n");
    assert_eq!(d.name, "p3dn.24xlarge");
    assert_eq!(d, decoded("p3dn.24xlarge"));
}

#[test]
fn size_ladder_sorts_in_order_including_metal() {
    let sizes: Vec<Size> = LADDER
        .iter()
        .map(|s| Size::parse(s).unwrap_or_else(|| panic!("{s}")))
        .collect();
    let mut shuffled = sizes.clone();
    shuffled.reverse();
    shuffled.rotate_left(11);
    shuffled.sort();
    assert_eq!(shuffled, sizes);
    for pair in sizes.windows(2) {
        assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
    }
    assert_eq!(sizes.iter().map(Size::as_str).collect::<Vec<_>>(), LADDER);
}

#[test]
fn sizes_measure_in_xlarges() {
    let multiple = |s: &str| Size::parse(s).and_then(|s| s.xlarge_multiple());
    let step = |s: &str| Size::parse(s).and_then(|s| s.ladder_step());
    assert_eq!(multiple("nano"), Some(1.0 / 32.0));
    assert_eq!(multiple("large"), Some(0.5));
    assert_eq!(multiple("xlarge"), Some(1.0));
    assert_eq!(multiple("24xlarge"), Some(24.0));
    assert_eq!(multiple("metal-48xl"), Some(48.0));
    assert_eq!(multiple("metal"), None);
    assert_eq!(step("medium"), Some(-2.0));
    assert_eq!(step("xlarge"), Some(0.0));
    assert_eq!(step("16xlarge"), Some(4.0));
    assert!(Size::parse("metal").is_some_and(|s| s.is_metal()));
    assert!(Size::parse("metal-24xl").is_some_and(|s| s.is_metal()));
    assert!(Size::parse("24xlarge").is_some_and(|s| !s.is_metal()));
}

#[test]
fn unknown_sizes_are_none() {
    for odd in [
        "",
        "huge",
        "1xlarge",
        "0xlarge",
        "02xlarge",
        "xl",
        "-2xlarge",
        "2.5xlarge",
        "metal-",
        "metal-xl",
        "metal-0xl",
        "metal48xl",
        "99999999999xlarge",
        "２xlarge",
    ] {
        assert_eq!(Size::parse(odd), None, "{odd:?}");
    }
}

#[test]
fn capability_letters_round_trip() {
    let letters: Vec<&str> = Capability::ALL.iter().map(|c| c.letter()).collect();
    assert_eq!(
        letters,
        ["a", "b", "d", "e", "flex", "g", "i", "n", "q", "z"]
    );
    for c in Capability::ALL {
        assert_eq!(Capability::from_letter(c.letter()), Some(c));
        assert!(!c.meaning().is_empty());
    }
    assert_eq!(Capability::from_letter("x"), None);
}

#[test]
fn every_documented_series_has_a_meaning() {
    for series in [
        "a", "c", "d", "dl", "f", "g", "gr", "h", "hpc", "i", "im", "is", "inf", "m", "mac", "p",
        "r", "t", "trn", "u", "vt", "x", "z",
    ] {
        assert!(series_meaning(series).is_some(), "{series}");
    }
    assert_eq!(series_meaning("p"), Some("GPU compute"));
    assert_eq!(series_meaning("q"), None);
}

#[test]
fn unrecognised_names_are_explicit_errors() {
    // (name, the NameError variant, words its message must contain)
    let cases = [
        ("", "Empty", "no instance type name"),
        ("m5large", "NoDot", "no dot"),
        (".large", "EmptyFamily", "nothing before the dot"),
        ("m5.", "EmptySize", "nothing after the dot"),
        ("m5.huge", "UnreadableSize", "size `huge`"),
        ("m5. large", "UnreadableSize", "size ` large`"),
        (
            "qq5.large",
            "UnrecognisedSeries",
            "`qq` is not a known EC2 series",
        ),
        ("5m.large", "NoSeries", "does not start with series letters"),
        ("m.large", "NoGeneration", "no generation"),
        ("a.large", "NoGeneration", "no generation"),
        ("m-5.large", "NoGeneration", "no generation"),
        ("c-flex.large", "NoGeneration", "no generation"),
        ("m5d2.large", "UnreadableFamily", "`2` in family `m5d2`"),
        ("m5_d.large", "UnreadableFamily", "`_`"),
        ("c7i-.large", "UnreadableFamily", "`-`"),
        ("u-6tb1-x.metal", "UnreadableFamily", "`-6tb1-x`"),
        ("m99999999999.large", "UnreadableFamily", "`99999999999`"),
    ];
    for (name, variant, words) in cases {
        let Err(error) = decode(name) else {
            panic!("{name:?} should not decode")
        };
        assert!(
            format!("{error:?}").starts_with(variant),
            "{name:?}: {error:?}"
        );
        let message = error.to_string();
        assert!(message.contains(words), "{name:?}: {message}");
        if !name.is_empty() {
            assert!(
                message.starts_with("unrecognised instance type name"),
                "{message}"
            );
        }
    }
    let long = "m".repeat(10_000) + "5.large";
    assert!(matches!(decode(&long), Err(NameError::TooLong(10_007))));
}

#[test]
fn odd_input_never_panics() {
    let long = "x".repeat(100_000);
    let odd = [
        "",
        " ",
        ".",
        "..",
        "...",
        "a.",
        ".large",
        "-",
        "-.",
        "-.-",
        "m5.large.",
        "m5..large",
        "m5.large.metal",
        "é.large",
        "m5é.large",
        "m5.lärge",
        "日本語.large",
        "🦀5.metal",
        "m\u{0}5.large",
        "u-",
        "u-.large",
        "u--6tb1.metal",
        "u-tb.metal",
        "u-tb1.metal",
        "u-0tb1.metal",
        "u-6tb.metal",
        "u-99999999999tb1.metal",
        "u-6tb99999999999.metal",
        "mac-m.metal",
        "mac-.metal",
        "mac-mpro.metal",
        "is4gen-flex.large",
        "c7i-flex-flex.large",
        "İ5.large",
        "ǅ5.large",
        "\u{feff}m5.large",
        "m5.\u{2028}",
        long.as_str(),
        "m5.metal-99999999999xl",
        "m0.large",
        "m00.large",
    ];
    for name in odd {
        if let Ok(d) = decode(name) {
            assert!(!d.explain().is_empty());
        }
    }
    for len in 0..80 {
        for filler in ["a", "1", "-", ".", "é", "x2"] {
            let _ = decode(&filler.repeat(len)).map(|d| d.explain());
            let _ = decode(&format!("m5{}.large", filler.repeat(len))).map(|d| d.explain());
        }
    }
}
