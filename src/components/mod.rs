//! The app's components. Each gets plain data and `Callback`s; only `chart_canvas`
//! touches a canvas.

use atlas_model::atlas::Atlas;
use atlas_model::state::{Action, State};
use yew::prelude::*;

pub mod axis_controls;
pub mod capabilities_charts;
pub mod capabilities_extremes;
pub mod capabilities_matrix;
pub mod capabilities_view;
pub mod chart_canvas;
pub mod compare_view;
pub mod data_source;
pub mod decoder_view;
pub mod embed;
pub mod families_chart;
pub mod families_view;
pub mod filters;
pub mod legend;
pub mod letters_chart;
pub mod letters_summary;
pub mod letters_table;
pub mod letters_view;
pub mod load_data;
pub mod pinned;
pub mod region_select;
pub mod sizes_ladder;
pub mod sizes_matrix;
pub mod sizes_row;
pub mod sizes_view;
pub mod table_grid;
pub mod table_row;
pub mod table_toolbar;
pub mod table_view;
pub mod tabs;
pub mod tooltip;

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
