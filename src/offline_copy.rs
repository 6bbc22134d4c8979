//! Where "Download for offline use" points: in the one-file offline build, a `blob:` copy of
//! that very file which its boot script made (`window.atlasOfflineCopy`), so saving it
//! neither navigates away (dropping loaded data) nor requests anything; on the site, the
//! `instance-atlas.html` beside the page.

use wasm_bindgen::JsValue;

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
