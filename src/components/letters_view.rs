//! The Letter prices view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// What each capability letter costs.
#[component]
pub fn LettersView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view letters" aria-label="Letter prices"></section> }
}
