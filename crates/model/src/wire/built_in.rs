//! The build's step for the built-in catalogue: the dataset CSV, every row read, as the
//! wire text the page embeds (`build.rs` calls [`encode_dataset`]).

use thiserror::Error;

use crate::catalog::{Catalog, CatalogError, RejectedRow};

/// Why the dataset cannot become the built-in catalogue; the build stops with this message.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DatasetError {
    /// The CSV as a whole could not be read.
    #[error("the dataset cannot be read: {0}")]
    Unreadable(#[from] CatalogError),
    /// Some rows could not be read: the page would silently lack those types.
    #[error(
        "{} row(s) of the dataset cannot be read; fix them (or the refresh script that wrote \
         them) so that no instance type is left out of the page:{}",
        rows.len(),
        rows.iter().map(|r| format!("\n  line {} ({}): {}", r.line, r.name, r.reason)).collect::<String>()
    )]
    Rejected {
        /// Every rejected row, with its line and reason.
        rows: Vec<RejectedRow>,
    },
}

/// Reads the dataset CSV ([`Catalog::from_csv`]) and writes it with
/// [`super::encode_catalog`], or says which rows are wrong: a built-in catalogue never
/// leaves a row out.
pub fn encode_dataset(csv: &str) -> Result<String, DatasetError> {
    let catalog = Catalog::from_csv(csv)?;
    if !catalog.rejected.is_empty() {
        return Err(DatasetError::Rejected {
            rows: catalog.rejected,
        });
    }
    Ok(super::encode_catalog(&catalog))
}
