//! Skip links past long grids (the Sizes and Capabilities matrices, the Table): a link a
//! keyboard user meets first, shown when focused, that moves the focus to just after the
//! grid, so its hundreds of cells need not be tabbed through.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`SkipLink`].
#[derive(Properties, PartialEq)]
pub struct SkipLinkProps {
    /// The id of the [`SkipTarget`] after the grid.
    pub to: AttrValue,
    /// What the link says ("Skip the matrix").
    pub label: AttrValue,
}

/// The link before a grid. It moves the focus itself instead of following `#id`, which
/// would change the address (where the atlas keeps its state) and add a history entry.
#[component]
pub fn SkipLink(props: &SkipLinkProps) -> Html {
    let to = props.to.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let target = gloo::utils::document()
            .get_element_by_id(&to)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
    html! {
        <a class="skip-link" href={format!("#{}", props.to)} data-testid={format!("skip-{}", props.to)} {onclick}>
            { props.label.clone() }
        </a>
    }
}

/// Props of [`SkipTarget`].
#[derive(Properties, PartialEq)]
pub struct SkipTargetProps {
    /// Its id, which the [`SkipLink`] names.
    pub id: AttrValue,
}

/// Where a [`SkipLink`] lands: an empty spot after the grid that can take the focus, so
/// the next Tab goes on from there.
#[component]
pub fn SkipTarget(props: &SkipTargetProps) -> Html {
    html! { <span class="skip-target" id={props.id.clone()} tabindex="-1"></span> }
}
