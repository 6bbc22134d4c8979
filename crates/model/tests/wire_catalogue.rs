//! The built-in catalogue's wire text (what `build.rs` writes and the page embeds): it reads
//! back as exactly what `Catalog::from_csv` makes of the dataset, every field of every type,
//! and anything else (another kind of text, another version, a cut-off text) is a clear
//! error, never a shorter catalogue.

mod common;

use atlas_model::catalog::Catalog;
use atlas_model::import::load;
use atlas_model::quantity::{Clock, EbsThroughput, LocalStorage, StorageKind};
use atlas_model::wire::{decode, decode_catalog, encode, encode_catalog, encode_dataset, MAGIC};

#[test]
fn the_built_in_text_reads_back_as_exactly_the_csv() {
    let from_csv = common::catalog();
    let text = encode_dataset(common::DATASET).unwrap();
    let back = decode_catalog(&text).unwrap();
    assert!(back.types.len() >= 1395, "{} types", back.types.len());
    assert_eq!(back.types.len(), from_csv.types.len());
    for (read, parsed) in back.types.iter().zip(&from_csv.types) {
        assert_eq!(read, parsed, "{} reads back differently", parsed.name);
    }
    assert_eq!(back, from_csv);
    // It is no larger than the CSV it replaces in the page.
    assert!(
        text.len() < common::DATASET.len(),
        "{} bytes against the CSV's {}",
        text.len(),
        common::DATASET.len()
    );
}

#[test]
fn labels_that_do_not_read_as_their_number_are_kept() {
    let mut catalog = common::catalog();
    let mut odd = catalog.get("p5en.48xlarge").unwrap().clone();
    odd.name = "p5en.48xlarge-odd".into();
    odd.family = "odd\u{1f}family\\ \u{1e}".into();
    odd.size = "size with spaces".into();
    odd.memory_label = "2048 GB".into();
    odd.clock = Some(Clock {
        ghz: 3.1,
        up_to: true,
        label: "Up to 3.10 GHz".into(),
    });
    odd.network.gbps = Some(3200.0);
    odd.network.label = "16x 200 Gigabit".into();
    odd.storage = Some(LocalStorage {
        disks: 8,
        disk_gb: 3800.0,
        kind: StorageKind::Hdd,
        label: "8 X 3800 GB HDD".into(),
    });
    odd.ebs = Some(EbsThroughput {
        mbps: 100_000.0,
        up_to: false,
        label: "100 Gbps".into(),
    });
    odd.processor = "back\\slash \u{1f} separators \u{1e}\\r".into();
    odd.details.accelerators = vec!["1 x \\ odd".into(), String::new()];
    odd.details.offered = None;
    catalog.types.push(odd);
    let back = decode_catalog(&encode_catalog(&catalog)).unwrap();
    assert_eq!(back.types.last(), catalog.types.last());
    assert_eq!(back, catalog);
}

#[test]
fn a_row_the_atlas_cannot_read_stops_the_build_with_its_line_and_reason() {
    let csv = "instance_type,vcpu,memory,current_generation\n\
               m5.large,2,8,Yes\nm5.xlarge,zero,16,Yes\n";
    let error = encode_dataset(csv).unwrap_err().to_string();
    assert!(error.contains("1 row(s)"), "{error}");
    assert!(error.contains("line 3 (m5.xlarge)"), "{error}");
    assert!(error.contains("vcpu"), "{error}");
    assert!(error.contains("no instance type is left out"), "{error}");
    let error = encode_dataset("name,cores\n").unwrap_err().to_string();
    assert!(error.contains("instance_type"), "{error}");
}

#[test]
fn another_version_or_kind_of_text_is_a_clear_error() {
    let csv = "instance_type,vcpu,memory,current_generation\nm5.large,2,8,Yes\n";
    let catalog = Catalog::from_csv(csv).unwrap();
    assert_eq!(catalog.types.len(), 1);
    let text = encode_catalog(&catalog);
    assert!(text.starts_with(MAGIC));
    let older = text.replacen(MAGIC, "atlas-wire-1", 1);
    let error = decode_catalog(&older).unwrap_err().to_string();
    assert!(error.contains("built-in catalogue"), "{error}");
    assert!(error.contains(MAGIC), "{error}");
    assert!(error.contains("rebuild the site"), "{error}");
    // An import answer is not a catalogue, nor the other way round.
    let answer = encode(&load("instance_type,vcpu,memory\nm5.large,2,8\n", None).unwrap());
    let error = decode_catalog(&answer).unwrap_err().to_string();
    assert!(error.contains("\"import\""), "{error}");
    let error = decode(&text).unwrap_err().to_string();
    assert!(error.contains("\"catalog\""), "{error}");
    assert!(error.contains("load the file again"), "{error}");
}

#[test]
fn a_cut_off_or_extended_text_is_an_error_not_a_shorter_catalogue() {
    let text = encode_dataset(common::DATASET).unwrap();
    let boundaries: Vec<usize> = text.match_indices('\u{1f}').map(|(i, _)| i).collect();
    // Every cut in the first and last types, and a spread of cuts between.
    let near_ends = (0..400).chain(text.len() - 400..text.len());
    let spread = boundaries.iter().step_by(97).copied();
    for cut in near_ends.chain(spread) {
        if text.is_char_boundary(cut) {
            let error = decode_catalog(&text[..cut]).unwrap_err();
            assert!(
                error.to_string().contains("could not be read"),
                "cut at {cut}"
            );
        }
    }
    let longer = format!("{text}\u{1f}more");
    assert!(decode_catalog(&longer).is_err());
    // A token more in one column, even a whole column more, is no catalogue either.
    let extra = text.replacen('\u{1e}', "\u{1f}more\u{1e}", 3);
    assert!(decode_catalog(&extra).is_err());
    assert!(decode_catalog(&format!("{text}\u{1e}")).is_err());
}
