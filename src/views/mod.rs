//! The atlas's views, one module per view (`families`, `sizes`, `capabilities`, `table`,
//! `decoder`, `compare`, `letters`) and the parts only that view uses. Each view renders
//! what its screen function in `atlas_model::screen` (or the model function it names)
//! returns, and dispatches actions.

use atlas_model::atlas::Atlas;
use atlas_model::state::{Action, State, View};
use yew::prelude::*;

use crate::widgets::tabs::{tab_id, PANEL_ID};

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

/// The shown view, as the tab panel its tab controls (in embed mode, with no tabs, the view
/// alone).
pub fn view_panel(view: &ViewProps, embed: bool) -> Html {
    if crate::EMBED_PAGE {
        // The embed page carries the Families chart alone; the Embed snippet of any other
        // view loads the full atlas in embed mode.
        return match view.state.view {
            View::Families => html! { <families::FamiliesView ..view.clone() /> },
            _ => html! {
                <p class="notice" data-testid="embed-other-view">
                    { "This page embeds the Families chart only: the link below opens this view in Instance Atlas." }
                </p>
            },
        };
    }
    let body = match view.state.view {
        View::Families => html! { <families::FamiliesView ..view.clone() /> },
        View::Sizes => html! { <sizes::SizesView ..view.clone() /> },
        View::Capabilities => html! { <capabilities::CapabilitiesView ..view.clone() /> },
        View::Table => html! { <table::TableView ..view.clone() /> },
        View::Decoder => html! { <decoder::DecoderView ..view.clone() /> },
        View::Compare => html! { <compare::CompareView ..view.clone() /> },
        View::Letters => html! { <letters::LettersView ..view.clone() /> },
    };
    if embed {
        return body;
    }
    html! {
        <div class="view-panel" id={PANEL_ID} role="tabpanel" aria-labelledby={tab_id(view.state.view)}>
            { body }
        </div>
    }
}
