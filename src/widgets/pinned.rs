//! The strip of pinned instance types, shown above every view: unpin, clear, compare.

use atlas_model::state::{Action, View, MAX_PINNED};
use yew::prelude::*;

/// Props of [`PinnedStrip`].
#[derive(Properties, PartialEq)]
pub struct PinnedStripProps {
    /// The pinned type names.
    pub pinned: Vec<String>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The pinned types as chips; nothing when none are pinned.
#[component]
pub fn PinnedStrip(props: &PinnedStripProps) -> Html {
    if props.pinned.is_empty() {
        return html! {};
    }
    let chip = |name: &String| {
        let unpin = props.dispatch.reform({
            let name = name.clone();
            move |_: MouseEvent| Action::Unpin(name.clone())
        });
        html! {
            <li class="pin-chip" data-testid="pinned-chip">
                { name }
                <button type="button" class="unpin" aria-label={format!("Unpin {name}")} onclick={unpin}>{ "×" }</button>
            </li>
        }
    };
    let compare = props
        .dispatch
        .reform(|_: MouseEvent| Action::SetView(View::Compare));
    let clear = props.dispatch.reform(|_: MouseEvent| Action::ClearPins);
    html! {
        <section class="pinned" aria-label="Pinned instance types" data-testid="pinned">
            <span class="pinned-title">{ format!("Pinned {}/{}", props.pinned.len(), MAX_PINNED) }</span>
            <ul>{ for props.pinned.iter().map(chip) }</ul>
            <button type="button" class="link" onclick={compare}>{ "Compare" }</button>
            <button type="button" class="link" onclick={clear}>{ "Clear" }</button>
        </section>
    }
}
