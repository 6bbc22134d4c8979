//! Where "Download for offline use" points: a `blob:` copy of the one-file build held in
//! memory (`window.atlasOfflineCopy`), so saving it neither navigates away (dropping loaded
//! data) nor requests anything. In the offline file its boot script makes the copy from the
//! file itself; on the site the loader fills the offline template from the code and styles it
//! fetched at start (`scripts/postbuild.mjs`, step 3), shortly after the app has started. Until
//! a copy is there the link points at the `instance-atlas.html` beside the page.

use wasm_bindgen::{JsCast, JsValue};

/// The file the site serves beside `index.html`.
pub const SITE_COPY: &str = "instance-atlas.html";

/// The link's target (see the module notes).
pub fn offline_copy_href() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("atlasOfflineCopy")).ok())
        .and_then(|v| v.as_string())
        .filter(|url| url.starts_with("blob:"))
        .unwrap_or_else(|| SITE_COPY.to_owned())
}

/// On a click of the link, before the browser follows it: points it at the copy in memory
/// if one has been made since the link was drawn (on the site the copy arrives after the
/// first render).
pub fn point_at_copy(event: &web_sys::MouseEvent) {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a").ok().flatten());
    if let Some(link) = link {
        // An attribute the browser reads when it follows the link; nothing to report if the
        // page refuses it (the link then downloads the file beside the page).
        let _ = link.set_attribute("href", &offline_copy_href());
    }
}
