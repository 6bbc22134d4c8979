//! The Decoder view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// The Decoder view.
#[component]
pub fn DecoderView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view decoder" aria-label="Decoder"></section> }
}
