//! The importer worker's answer: every imported catalogue comes back from `wire::decode`
//! exactly as `import::load` made it, so a file loaded in the worker shows the same as before.

use atlas_model::import::{load, Imported};
use atlas_model::wire::{decode, encode};

fn round_trip(imported: &Imported) {
    let text = encode(imported);
    let back = decode(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, imported);
}

#[test]
fn every_fixture_and_the_whole_catalogue_come_back_the_same() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files = vec![concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/data/instance-types.csv"
    )
    .to_owned()];
    for folder in ["describe-instance-types", "ec2instances-info"] {
        for entry in std::fs::read_dir(format!("{root}/{folder}")).unwrap() {
            files.push(entry.unwrap().path().display().to_string());
        }
    }
    let mut loaded = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        if let Ok(imported) = load(&text, Some(file)) {
            round_trip(&imported);
            loaded += 1;
        }
    }
    assert!(loaded >= 8, "only {loaded} files loaded");
}

#[test]
fn skipped_rows_duplicates_and_awkward_text_come_back() {
    let csv = "instance_type,vcpu,memory,physical_processor\n\
               m5.large,2,8,\"Intel \\\\ Xeon \u{1f} odd \u{1e}\"\n\
               m5.large,2,8,Intel\n\
               bad,0,8,Intel\n\
               c5.xlarge,4,8,\n";
    let imported = load(csv, Some("awkward.csv")).unwrap();
    assert!(!imported.skipped().is_empty() || !imported.duplicates.is_empty());
    round_trip(&imported);
}

#[test]
fn a_truncated_or_foreign_answer_is_an_error_not_a_panic() {
    let csv = "instance_type,vcpu,memory\nm5.large,2,8\n";
    let text = encode(&load(csv, None).unwrap());
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode(&text[..cut]).is_err(), "cut at {cut}");
        }
    }
    let e = decode("something else").unwrap_err();
    assert!(e.to_string().contains("reload the page"), "{e}");
}
