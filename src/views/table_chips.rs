//! The Table's selector: one row of toggle chips per group (category, vendor,
//! architecture, local storage, letters in the name, generation), as the screen lists them.

use std::rc::Rc;

use atlas_model::screen::table::{ChipGroup, TableScreen};
use atlas_model::state::Action;
use yew::prelude::*;

/// Props of [`TableChips`].
#[derive(Properties, PartialEq)]
pub struct TableChipsProps {
    /// What the view shows.
    pub screen: Rc<TableScreen>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The chip groups, in a disclosure that starts open (`data-testid="table-chips"`).
#[component]
pub fn TableChips(props: &TableChipsProps) -> Html {
    let group = |group: &ChipGroup| {
        let chips = group.chips.iter().map(|chip| {
            let action = chip.action.clone();
            let onclick = props.dispatch.reform(move |_: MouseEvent| action.clone());
            html! {
                <button type="button" class="select-chip" data-testid={chip.test_id.clone()}
                    aria-pressed={chip.pressed.to_string()} title={chip.title.clone()} {onclick}>{ chip.label.clone() }</button>
            }
        });
        html! {
            <div class="select-group" role="group" aria-label={group.label}>
                <span class="select-label">{ group.label }</span>
                <div class="select-chips">{ for chips }</div>
            </div>
        }
    };
    html! {
        <details class="table-select" data-testid="table-chips" open={true}>
            <summary>{ "Select by category, vendor, architecture, storage, letters, generation" }</summary>
            <div class="select-groups">{ for props.screen.chips.iter().map(group) }</div>
        </details>
    }
}
