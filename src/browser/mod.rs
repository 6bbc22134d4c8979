//! The only module with raw browser APIs, split by job: performance marks, idle work, the address
//! and history, messages to an embedding page, the embed page's fetch, files, the importer worker, regular expressions, the clipboard and downloads, and the
//! hooks for the page's geometry. Everything is re-exported here, so callers write
//! `browser::set_query` whatever file it lives in.

mod clipboard;
mod fetch;
mod files;
mod frame;
mod history;
mod hooks;
mod idle;
mod importer;
mod marks;
mod picture;
mod regex;
mod spacer;

pub use clipboard::*;
pub use fetch::*;
pub use files::*;
pub use frame::*;
pub use history::*;
pub use hooks::*;
pub use idle::*;
pub use importer::*;
pub use marks::*;
pub use picture::*;
pub use regex::*;
pub use spacer::*;

/// A thrown JavaScript value (an `Error`, a `DOMException` or a string) in words.
pub(crate) fn js_message(value: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// The page's document and body, or why not.
pub(crate) fn document_and_body() -> Result<(web_sys::Document, web_sys::HtmlElement), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("this page has no document")?;
    let body = document.body().ok_or("this page has no body")?;
    Ok((document, body))
}
