//! The address bar and the history: reading the query, writing it, and hearing back and
//! forward.

use gloo::events::EventListener;

/// The page's query string, with its `?` (empty when there is none).
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment, for links to the same page.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Puts `query` (without `?`) in the address bar: a new history entry when `push`, else
/// replacing the current one. Ignored where the browser refuses (a `file://` page or a
/// sandboxed frame may): the app keeps working, only the address does not follow.
pub fn set_query(query: &str, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = if query.is_empty() {
        page_address()
    } else {
        format!("?{query}")
    };
    let url = if url.is_empty() { "?".to_owned() } else { url };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Calls `changed` with the new query string whenever the person goes back or forward.
pub fn on_history_move(changed: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        changed(location_query())
    }))
}

/// Sets the document's title (what the tab and the history list show).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
