//! The pure core of Instance Atlas: everything that is not the browser.
//!
//! The app crate embeds the dataset bytes and hands them to [`catalog::Catalog::from_csv`];
//! from there on, every derived thing (families, filtered rows, chart geometry) is a plain
//! function of the catalog and the [`state::State`], tested on the host.

pub mod catalog;
pub mod chart;
pub mod family;
pub mod filter;
pub mod instance;
pub mod name;
pub mod quantity;
pub mod state;
