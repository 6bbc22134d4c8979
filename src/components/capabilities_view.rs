//! The Capabilities view (being written).

use yew::prelude::*;

use crate::components::ViewProps;

/// The Capabilities view.
#[component]
pub fn CapabilitiesView(props: &ViewProps) -> Html {
    let _ = props;
    html! { <section class="view capabilities" aria-label="Capabilities"></section> }
}
