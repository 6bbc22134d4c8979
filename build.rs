//! Turns the committed dataset (`assets/data/instance-types.csv`, which
//! `scripts/refresh-data.py` writes) into the compact catalogue text the page embeds
//! (`atlas_model::wire`), so the page reads it with a few string splits instead of a CSV
//! parser. A row the catalogue cannot read fails the build, with its line and the reason.

use std::path::Path;
use std::process::ExitCode;

/// The dataset, relative to the package.
const DATASET: &str = "assets/data/instance-types.csv";
/// The file in `OUT_DIR` that `src/dataset.rs` embeds.
const OUTPUT: &str = "instance-types.wire";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={DATASET}");
    println!("cargo:rerun-if-changed=build.rs");
    match write_catalogue() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the dataset and writes its wire text into `OUT_DIR`, or says what to fix.
fn write_catalogue() -> Result<(), String> {
    let csv = std::fs::read_to_string(DATASET)
        .map_err(|e| format!("cannot read {DATASET} ({e}); scripts/refresh-data.py writes it"))?;
    let text = atlas_model::wire::encode_dataset(&csv).map_err(|e| format!("{DATASET}: {e}"))?;
    let out_dir = std::env::var("OUT_DIR").map_err(|_| "cargo did not set OUT_DIR".to_owned())?;
    let path = Path::new(&out_dir).join(OUTPUT);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
