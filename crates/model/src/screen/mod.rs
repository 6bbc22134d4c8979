//! What each view draws, derived in one pure function per view from the [`Atlas`] and the
//! [`State`]: rows, cells, counts, hints and their words. A view's component renders what
//! its function returns and dispatches actions; nothing in it decides what is shown.
//!
//! [`Atlas`]: crate::atlas::Atlas
//! [`State`]: crate::state::State

pub mod capabilities;
pub mod compare;
pub mod decoder;
pub mod families;
pub mod letters;
pub mod ranges;
pub mod sizes;
pub mod table;
pub mod table_export;
pub mod table_window;
