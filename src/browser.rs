//! The few browser facts the app needs, each behind a small function or hook:
//! performance marks, the device pixel ratio, the colour scheme and an element's size.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The mark set when the WebAssembly module starts running (loaded, compiled, instantiated).
pub const START_MARK: &str = "atlas:start";

/// The mark set when the built-in dataset has been parsed.
pub const DATA_PARSED_MARK: &str = "atlas:data-parsed";

/// The mark the app sets after every chart paint; test harnesses and the benchmark wait for it.
pub const CHART_DRAWN_MARK: &str = "atlas:chart-drawn";

/// Records a `performance.mark` (ignored where the API is missing).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Device pixels per CSS pixel (1 when unknown).
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Whether the page asks for dark colours, following changes while the page is open.
#[hook]
pub fn use_prefers_dark() -> bool {
    let query = use_memo((), |_| {
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    });
    let dark = use_state(|| query.as_ref().as_ref().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with(query, move |query| {
            let listener = query.as_ref().as_ref().map(|q| {
                let q = q.clone();
                EventListener::new(&q.clone(), "change", move |_| dark.set(q.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}

/// The CSS-pixel size of an element, kept up to date with a `ResizeObserver`.
#[hook]
pub fn use_element_size(node: NodeRef) -> (f64, f64) {
    let size = use_state(|| (0.0, 0.0));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let observed: Rc<RefCell<Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>>> =
                Rc::default();
            if let Some(element) = node.cast::<web_sys::Element>() {
                let measure = {
                    let element = element.clone();
                    move || {
                        let rect = element.get_bounding_client_rect();
                        size.set((rect.width(), rect.height()));
                    }
                };
                measure();
                let callback = Closure::<dyn FnMut()>::new(measure);
                if let Ok(observer) =
                    web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
                {
                    observer.observe(&element);
                    *observed.borrow_mut() = Some((observer, callback));
                }
            }
            move || {
                if let Some((observer, _callback)) = observed.borrow_mut().take() {
                    observer.disconnect();
                }
            }
        });
    }
    *size
}
