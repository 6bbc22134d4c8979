//! What a panic shows: the page is replaced by "Something went wrong: reload", the panic
//! text for a bug report, and a Reload link to the same address (so a reload returns to the
//! same state). It is built with plain DOM calls and needs no Rust code after the panic:
//! with `panic = "abort"` the WebAssembly stops right after the hook returns.

use std::panic::PanicHookInfo;

use wasm_bindgen::{JsCast, JsValue};

/// The address key that makes the app panic on purpose, to test this page: `?debug=panic`.
pub const TEST_PANIC_KEY: &str = "debug=panic";

/// Installs the hook (through Yew, which would otherwise replace it with its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(show));
}

/// Panics when the address asks for it with [`TEST_PANIC_KEY`] (for the end-to-end test).
pub fn panic_if_asked(query: &str) {
    let asked = query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == TEST_PANIC_KEY);
    if asked {
        panic!("the address asked for a test panic ({TEST_PANIC_KEY})");
    }
}

/// Logs the panic and replaces the page with the message.
fn show(info: &PanicHookInfo<'_>) {
    let text = info.to_string();
    web_sys::console::error_1(&JsValue::from_str(&text));
    // Nothing more can be done if the page itself is gone.
    let _ = replace_page(&text);
}

/// Puts the panic panel in place of the page's content.
fn replace_page(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let href = window.location().href()?;
    let address = href.split('#').next().unwrap_or_default();

    let panel = document.create_element("section")?;
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("data-testid", "panic")?;
    let heading = document.create_element("h1")?;
    heading.set_text_content(Some("Something went wrong: reload"));
    let explain = document.create_element("p")?;
    explain.set_text_content(Some(
        "Instance Atlas stopped because of a bug. Reloading returns to the same address and \
         view. If it happens again, please report it with the text below.",
    ));
    let details = document.create_element("pre")?;
    details.set_attribute("data-testid", "panic-text")?;
    details.set_text_content(Some(&format!("{text}\n\naddress: {address}")));
    let reload = document.create_element("a")?;
    reload.set_class_name("panic-reload");
    reload.set_attribute("href", address)?;
    reload.set_attribute("role", "button")?;
    reload.set_attribute("data-testid", "panic-reload")?;
    reload.set_text_content(Some("Reload"));
    for child in [&heading, &explain, &reload, &details] {
        panel.append_child(child)?;
    }
    body.set_text_content(None);
    body.class_list().add_1("panicked")?;
    body.append_child(&panel)?;
    // Keyboard and screen reader users land on the way out.
    if let Some(link) = reload.dyn_ref::<web_sys::HtmlElement>() {
        link.focus()?;
    }
    Ok(())
}
