//! Budgets: a file holding more than the atlas shows is refused as a whole, with a message
//! that says how much it holds and how much the atlas shows; records are read one at a
//! time, so a huge top-level array is counted, not built.

use atlas_model::import::{
    self, Count, ImportError, MAX_FAMILIES, MAX_IMPORT_BYTES, MAX_INSTANCE_TYPES,
};

fn refused(text: &str) -> ImportError {
    match import::load(text, None) {
        Ok(imported) => panic!("loaded {} types", imported.catalog.types.len()),
        Err(e) => e,
    }
}

const RECORD: &str = r#"{"InstanceType": "m5.large", "VCpuInfo": {"DefaultVCpus": 2}, "MemoryInfo": {"SizeInMiB": 8192}}"#;

#[test]
fn a_record_followed_by_six_million_numbers_is_counted_and_refused() {
    // 12 MB: the array that used to overflow a Vec's capacity and trap the page.
    let mut text = String::with_capacity(13_000_000);
    text.push('[');
    text.push_str(RECORD);
    for _ in 0..6_000_000 {
        text.push_str(",1");
    }
    text.push(']');
    assert!(text.len() < MAX_IMPORT_BYTES);
    let error = refused(&text);
    assert_eq!(
        error,
        ImportError::TooManyTypes {
            found: Count(6_000_001)
        }
    );
    assert_eq!(
        error.to_string(),
        "this file holds 6,000,001 instance types; the atlas shows at most 10,000"
    );
}

#[test]
fn a_million_small_records_are_refused_in_every_format() {
    let n = 1_000_000;
    let ec2info = format!(
        "[{}]",
        vec![r#"{"instance_type":"m5.large","vCPU":2,"memory":8}"#; n].join(",")
    );
    let describe = format!(
        r#"{{"InstanceTypes": [{}]}}"#,
        vec![RECORD; n / 10].join(",")
    );
    let csv = format!("instance_type,vcpu,memory\n{}", "m5.large,2,8\n".repeat(n));
    for (text, found) in [(ec2info, n), (describe, n / 10), (csv, n)] {
        assert!(text.len() < MAX_IMPORT_BYTES);
        assert_eq!(
            refused(&text),
            ImportError::TooManyTypes {
                found: Count(found)
            }
        );
    }
}

#[test]
fn records_are_counted_across_pages_and_the_budget_itself_loads() {
    // 1,000 families of 10 sizes: exactly the budget.
    let records: Vec<String> = (0..MAX_INSTANCE_TYPES)
        .map(|i| {
            let name = format!("m{}.{}xlarge", i / 10 + 1, i % 10 + 2);
            RECORD.replace("m5.large", &name)
        })
        .collect();
    let half = MAX_INSTANCE_TYPES / 2;
    let page = |records: &[String]| format!(r#"{{"InstanceTypes": [{}]}}"#, records.join(","));
    let full = format!("{}\n{}", page(&records[..half]), page(&records[half..]));
    let imported = import::load(&full, None).unwrap();
    assert_eq!(imported.catalog.types.len(), MAX_INSTANCE_TYPES);
    let over = format!("{full}\n{}", page(&records[..1]));
    assert_eq!(
        refused(&over),
        ImportError::TooManyTypes {
            found: Count(MAX_INSTANCE_TYPES + 1)
        }
    );
    let array = format!("[{},{}]", page(&records), page(&records[..1]));
    assert!(matches!(refused(&array), ImportError::TooManyTypes { .. }));
}

#[test]
fn too_many_families_or_sizes_are_refused_with_both_counts() {
    let families: String = (0..=MAX_FAMILIES)
        .map(|i| format!("x{i}.large,2,8\n"))
        .collect();
    let error = refused(&format!("instance_type,vcpu,memory\n{families}"));
    assert_eq!(
        error.to_string(),
        "this file's instance types form 2,001 families; the atlas shows at most 2,000"
    );
    // 401 families and 301 sizes: a Sizes table of 120,701 cells.
    let mut csv = String::from("instance_type,vcpu,memory\n");
    for i in 0..400 {
        csv.push_str(&format!("x{i}.large,2,8\n"));
    }
    for n in 2..302 {
        csv.push_str(&format!("wide1.{n}xlarge,2,8\n"));
    }
    assert_eq!(
        refused(&csv).to_string(),
        "this file's 401 families in 301 different sizes make a Sizes table of more than \
         100,000 cells, the most the atlas draws"
    );
}
