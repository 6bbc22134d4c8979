//! The atlas's views, one module per view (`families`, `sizes`, `capabilities`, `table`,
//! `decoder`, `compare`, `letters`) and the parts only that view uses. Each view renders
//! what its screen function in `atlas_model::screen` (or the model function it names)
//! returns, and dispatches actions.

use atlas_model::atlas::Atlas;
use atlas_model::state::{Action, State};
use yew::prelude::*;

pub mod axis_controls;
pub mod capabilities;
pub mod capabilities_charts;
pub mod capabilities_extremes;
pub mod capabilities_matrix;
pub mod compare;
pub mod decoder;
pub mod families;
pub mod families_chart;
pub mod legend;
pub mod letters;
pub mod letters_chart;
pub mod letters_summary;
pub mod letters_table;
pub mod sizes;
pub mod sizes_ladder;
pub mod sizes_matrix;
pub mod sizes_row;
pub mod table;
pub mod table_chips;
pub mod table_grid;
pub mod table_row;
pub mod table_toolbar;

/// What every view receives: the data, the state and where changes go.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// The data shown (catalog, families, prices), compared by identity.
    pub atlas: Atlas,
    /// What the person chose.
    pub state: State,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}
