//! Empty space of a given height, set through the CSS object model because a strict
//! Content-Security-Policy refuses style attributes.

use yew::NodeRef;

/// Makes the element behind `node` `pixels` CSS pixels tall (no effect before it mounts).
pub fn set_height(node: &NodeRef, pixels: f64) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.style().set_property(
            "height",
            &format!("{}px", atlas_model::decimal::fixed(pixels.max(0.0), 0)),
        );
    }
}
