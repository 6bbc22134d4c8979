//! Build tool: one file of judged prices per region and system, which the embed page
//! fetches at start-up for the region and system its address names (the embed carries no
//! price table of its own; see `atlas_model::prices::PriceTable::region_text`).
//!
//! ```text
//! cargo run -q -p atlas-model --bin region-prices -- \
//!     assets/data/instance-types.csv assets/data/prices-rates.csv <folder>
//! ```
//! writes `<folder>/<region>/<os>.txt` for every region of the price table and every system.

use std::path::Path;
use std::process::ExitCode;

use atlas_model::catalog::Catalog;
use atlas_model::prices::{Os, PriceTable};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [catalogue, rates, folder] = args.as_slice() else {
        eprintln!("usage: region-prices <instance-types.csv> <prices-rates.csv> <folder>");
        return ExitCode::from(2);
    };
    match write_all(catalogue, rates, Path::new(folder)) {
        Ok(files) => {
            eprintln!("region-prices: {files} files in {folder}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("region-prices: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Judges the price table against the catalogue and writes every region's files.
fn write_all(catalogue: &str, rates: &str, folder: &Path) -> Result<usize, String> {
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let catalog = Catalog::from_csv(&read(catalogue)?).map_err(|e| format!("{catalogue}: {e}"))?;
    let mut table = PriceTable::from_rates(&read(rates)?).map_err(|e| format!("{rates}: {e}"))?;
    table.assess(&catalog);
    let mut files = 0;
    for region in table.regions() {
        let dir = folder.join(region);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
        for os in Os::ALL {
            let text = table.region_text(region, os).unwrap_or_default();
            let path = dir.join(format!("{}.txt", os.slug()));
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            files += 1;
        }
    }
    Ok(files)
}
