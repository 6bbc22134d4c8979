//! The embed page's one request of its own: the prices of the region and system its address
//! names (`prices/<region>/<os>.txt`, see `atlas_model::prices::PriceTable::region_text`),
//! asked for at start-up, before the app mounts.

use std::future::Future;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::js_message;

/// Starts fetching `url` (relative to the page) at once; the future gives the body as text,
/// or why there is none, in words.
pub fn fetch_text(url: &str) -> impl Future<Output = Result<String, String>> {
    let request = web_sys::window().map(|window| window.fetch_with_str(url));
    let url = url.to_owned();
    async move {
        let promise = request.ok_or("this page has no window")?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|e| format!("{url}: {}", js_message(&e)))?;
        let response: web_sys::Response = answer
            .dyn_into()
            .map_err(|_| format!("{url}: the browser gave no response"))?;
        if !response.ok() {
            return Err(format!("{url} answered HTTP {}", response.status()));
        }
        let body = response.text().map_err(|e| js_message(&e))?;
        let text = JsFuture::from(body)
            .await
            .map_err(|e| format!("{url}: {}", js_message(&e)))?;
        text.as_string()
            .ok_or_else(|| format!("{url}: the body is not text"))
    }
}
