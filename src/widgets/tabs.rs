//! The tab bar that switches between views.

use atlas_model::state::{Action, View};
use yew::prelude::*;

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The view shown.
    pub current: View,
    /// How many types are pinned (shown on the Compare tab).
    pub pinned: usize,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// One tab per view.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let tab = |view: View| {
        let selected = view == props.current;
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::SetView(view));
        let label = match view {
            View::Compare if props.pinned > 0 => format!("{} ({})", view.label(), props.pinned),
            _ => view.label().to_owned(),
        };
        html! {
            <button type="button" role="tab" class={classes!("tab", selected.then_some("selected"))}
                aria-selected={selected.to_string()} data-testid={format!("tab-{}", view.slug())} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="tabs" role="tablist" aria-label="Views">
            { for View::ALL.into_iter().map(tab) }
        </nav>
    }
}
