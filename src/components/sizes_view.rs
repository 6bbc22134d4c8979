//! The Sizes view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// The Sizes view.
#[component]
pub fn SizesView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view sizes" aria-label="Sizes"></section> }
}
