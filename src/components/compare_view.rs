//! The Compare view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// The Compare view.
#[component]
pub fn CompareView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view compare" aria-label="Compare"></section> }
}
