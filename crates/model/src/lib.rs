//! The pure core of Instance Atlas: everything that is not the browser.
//!
//! The app crate's build reads the dataset CSV with [`catalog::Catalog::from_csv`] and
//! embeds it as [`wire`] text, which the page reads with [`wire::decode_catalog`]; from
//! there on, every derived thing (families, filtered rows, chart geometry) is a plain
//! function of the catalog and the [`state::State`], tested on the host.

pub mod atlas;
pub mod availability;
pub mod capabilities;
pub mod catalog;
pub mod chart;
pub mod compare;
pub mod decimal;
pub mod decoder;
pub mod extremes;
pub mod family;
pub mod filter;
pub mod import;
pub mod instance;
pub mod letter_cost;
pub mod letters;
pub mod name;
pub mod order;
pub mod prices;
pub mod quantity;
pub mod query;
pub mod regions;
pub mod screen;
pub mod settings;
pub mod share;
pub mod shown;
pub mod sizes;
pub mod sorted;
pub mod state;
pub mod suggest;
pub mod table;
pub mod text;
pub mod url_state;
pub mod wire;
