//! Build tool: the first chart a visitor sees (Families at the default address), drawn from
//! the committed dataset as the `<svg>` that `scripts/postbuild.mjs` puts in the page's
//! frame, so the chart is on screen with the first paint.
//!
//! ```text
//! cargo run -q -p atlas-model --bin prerender -- assets/data/instance-types.csv
//! ```

use std::process::ExitCode;
use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::chart::prerender::first_chart_svg;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <instance-types.csv>");
        return ExitCode::from(2);
    };
    match svg(&path) {
        Ok(svg) => {
            println!("{svg}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The first chart of the dataset at `path`, or what went wrong.
fn svg(path: &str) -> Result<String, String> {
    let csv = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let catalog = Catalog::from_csv(&csv).map_err(|e| format!("{path}: {e}"))?;
    first_chart_svg(Rc::new(catalog)).map_err(|e| e.to_string())
}
