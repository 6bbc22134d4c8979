//! The Table view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// The Table view.
#[component]
pub fn TableView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view table" aria-label="Table"></section> }
}
