//! Where "Download for offline use" points: a `blob:` copy of the one-file build held in
//! memory (`window.atlasOfflineCopy`), so saving it neither navigates away (dropping loaded
//! data) nor downloads the page's code again. In the offline file its boot script makes the
//! copy from the file itself; on the site the loader keeps the code and styles it fetched at
//! start and fills the offline template from them on the first click
//! (`window.atlasMakeOfflineCopy`, `scripts/postbuild.mjs`). The parts it may read then are
//! the offline file's template (about 8 KB gzip) and the importer worker (about 100 KB),
//! which the site loads only when a person saves the atlas or loads data. Until a copy can be
//! made the link points at the `instance-atlas.html` beside the page.

use wasm_bindgen::{JsCast, JsValue};

/// The file the site serves beside `index.html`.
pub const SITE_COPY: &str = "instance-atlas.html";

/// Whether this page is the one-file offline build (its boot sets `window.atlasOneFile`),
/// which has no other page beside it.
pub fn is_one_file() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("atlasOneFile")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// The link's target (see the module notes).
pub fn offline_copy_href() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("atlasOfflineCopy")).ok())
        .and_then(|v| v.as_string())
        .filter(|url| url.starts_with("blob:"))
        .unwrap_or_else(|| SITE_COPY.to_owned())
}

/// On a click of the link, before the browser follows it: points it at the copy in memory.
/// On the site the copy is made on the first click (`window.atlasMakeOfflineCopy`, which may
/// read the importer worker's files first): that click waits for it and then clicks again.
/// Should making it fail, the link falls back to the file beside the page.
pub fn point_at_copy(event: &web_sys::MouseEvent) {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a").ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(link) = link else { return };
    if link.has_attribute(FALLBACK) {
        return;
    }
    let href = offline_copy_href();
    let maker = (href == SITE_COPY)
        .then(|| {
            web_sys::window().and_then(|w| {
                js_sys::Reflect::get(&w, &JsValue::from_str("atlasMakeOfflineCopy")).ok()
            })
        })
        .flatten()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(maker) = maker else {
        // An attribute the browser reads when it follows the link; nothing to report if the
        // page refuses it (the link then downloads the file beside the page).
        let _ = link.set_attribute("href", &href);
        return;
    };
    event.prevent_default();
    let made = maker
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    wasm_bindgen_futures::spawn_local(async move {
        let made = match made {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok(),
            None => None,
        };
        let url = made
            .and_then(|url| url.as_string())
            .filter(|u| u.starts_with("blob:"));
        match url {
            Some(url) => {
                let _ = link.set_attribute("href", &url);
            }
            None => {
                let _ = link.set_attribute("href", SITE_COPY);
                let _ = link.set_attribute(FALLBACK, "");
            }
        }
        link.click();
    });
}

/// Marks a link whose copy could not be made: it follows its `href` to the file beside the page.
const FALLBACK: &str = "data-offline-fallback";
