//! Escape closes what a button or a `<details>` opened, and focus goes back to the control
//! that opened it (the WAI-ARIA disclosure pattern), so a keyboard user is never left on
//! a control that vanished.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A keydown handler for the element that holds a panel and the button that opens it: on
/// Escape, when `open`, it emits `close` and puts the focus back on `opener`.
pub fn escape_closes(open: bool, close: Callback<()>, opener: NodeRef) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if open && event.key() == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            close.emit(());
            if let Some(button) = opener.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        }
    })
}

/// A keydown handler for a `<details>` element: on Escape, an open one closes and its
/// `<summary>` takes the focus.
pub fn escape_closes_details() -> Callback<KeyboardEvent> {
    Callback::from(|event: KeyboardEvent| {
        if event.key() != "Escape" {
            return;
        }
        // Yew delegates events to the root, so the details is found from the target.
        let details = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("details").ok().flatten());
        let Some(details) = details else {
            return;
        };
        if !details.has_attribute("open") {
            return;
        }
        event.prevent_default();
        event.stop_propagation();
        let _ = details.remove_attribute("open");
        let summary = details.query_selector(":scope > summary").ok().flatten();
        if let Some(summary) = summary.and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
            let _ = summary.focus();
        }
    })
}
