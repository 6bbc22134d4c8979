//! Copying text to the clipboard and saving text as a downloaded file.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::*;

/// Saves `text` as a file named `file_name`: a `Blob`, an object URL and a temporary
/// `<a download>` that is clicked, removed, and its URL revoked a moment later.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_message(&e))?;
    download_blob(file_name, &blob)
}

/// Saves a `Blob` (a picture, a text) as a file named `file_name`, as [`download_text`] does.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("this page has no window")?;
    let (document, body) = document_and_body()?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| js_message(&e))?;
    let anchor = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not make a download link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let added = body.append_child(&anchor).map_err(|e| js_message(&e));
    if added.is_ok() {
        anchor.click();
        anchor.remove();
    }
    // Revoking at once can cancel the download in some browsers: wait a moment.
    let revoke = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
    };
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .is_err()
    {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    added.map(|_| ())
}

/// Copies `text` to the clipboard and calls `done` once with the outcome.
///
/// Uses `navigator.clipboard.writeText`; where that API is missing or refuses (an
/// insecure origin, a sandboxed iframe), falls back to a hidden textarea and
/// `document.execCommand("copy")`. The promise is awaited as a future, so both of its
/// handlers (and the copy of the text kept for the fallback) are freed once it settles:
/// copying again and again does not grow the memory.
pub fn copy_text(text: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    let navigator = web_sys::window().map(|w| w.navigator());
    let clipboard = navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        done(copy_with_text_area(text));
        return;
    };
    let promise = clipboard.write_text(text);
    let text = text.to_owned();
    yew::platform::spawn_local(async move {
        let outcome = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Ok(()),
            Err(error) => copy_with_text_area(&text)
                .map_err(|fallback| format!("{} ({fallback})", js_message(&error))),
        };
        done(outcome);
    });
}

/// The old way to copy: select the text in a hidden textarea and `execCommand("copy")`.
fn copy_with_text_area(text: &str) -> Result<(), String> {
    let refused = "the browser did not allow copying here";
    let (document, body) = document_and_body()?;
    let area = document
        .create_element("textarea")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .map_err(|_| refused.to_owned())?;
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // Styled through the object model: a strict Content-Security-Policy refuses style attributes.
    let style = area.style();
    for (property, value) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "0"),
        ("width", "1px"),
        ("height", "1px"),
        ("opacity", "0"),
    ] {
        let _ = style.set_property(property, value);
    }
    let focused = document.active_element();
    body.append_child(&area).map_err(|e| js_message(&e))?;
    area.select();
    let copied = js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&document, &"copy".into()).ok())
        .and_then(|ok| ok.as_bool())
        .unwrap_or(false);
    area.remove();
    if let Some(element) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
    if copied {
        Ok(())
    } else {
        Err(refused.to_owned())
    }
}

/// Whether this page runs in a frame that blocks downloads: an iframe whose `sandbox`
/// lacks `allow-downloads` (read from the frame element where the parent shares our
/// origin), or a sandbox without `allow-same-origin` (an opaque origin), where a download
/// would be dropped without a word. A page that is not framed, or framed by another site
/// without a sandbox we can see, is taken to allow downloads.
pub fn downloads_blocked() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let top = window.top().ok().flatten();
    let framed = top.is_some_and(|top| {
        wasm_bindgen::JsValue::from(top) != wasm_bindgen::JsValue::from(window.clone())
    });
    if !framed {
        return false;
    }
    match window.frame_element() {
        Ok(Some(frame)) => frame.get_attribute("sandbox").is_some_and(|tokens| {
            !tokens
                .split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("allow-downloads"))
        }),
        // A parent of another origin hides the frame element; an opaque origin means a
        // sandbox without allow-same-origin.
        _ => window.origin() == "null",
    }
}
