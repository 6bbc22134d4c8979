//! Hooks and helpers for the page's geometry and events: pixel ratio, colour scheme,
//! element size, tooltip placement and delegated clicks.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Device pixels per CSS pixel (1 when unknown).
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Places a tooltip card beside a point at `(x, y)` in a frame `width` CSS pixels wide:
/// `gap` pixels to the side with more room, its top `lift` pixels above the point. Done
/// through the CSS object model, because a strict Content-Security-Policy refuses style
/// attributes.
#[hook]
pub fn use_beside_point(card: NodeRef, x: f64, y: f64, width: f64, gap: f64, lift: f64) {
    use_effect_with((x, y, width), move |&(x, y, width)| {
        if let Some(style) = card.cast::<web_sys::HtmlElement>().map(|e| e.style()) {
            let right = x > width / 2.0;
            let (set, clear) = if right {
                ("right", "left")
            } else {
                ("left", "right")
            };
            let offset = if right { width - x + gap } else { x + gap };
            let _ = style.remove_property(clear);
            let _ = style.set_property(
                set,
                &format!("{}px", atlas_model::decimal::fixed(offset, 0)),
            );
            let _ = style.set_property(
                "top",
                &format!("{}px", atlas_model::decimal::fixed((y - lift).max(0.0), 0)),
            );
        }
    });
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

/// A live `ResizeObserver` and the callback it calls.
type Observing = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

/// The CSS-pixel size of an element, kept up to date with a `ResizeObserver`.
#[hook]
pub fn use_element_size(node: NodeRef) -> (f64, f64) {
    let size = use_state(|| (0.0, 0.0));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let observed: Rc<RefCell<Option<Observing>>> = Rc::default();
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

/// For one click handler on a container of many buttons (event delegation): the
/// `data-action` of the nearest `button[data-action]` at or above the clicked element, and
/// the `data-name` of the nearest element above that has one, such as `("pin", "m5.large")`.
pub fn clicked_action(event: &MouseEvent) -> Option<(String, String)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button[data-action]").ok().flatten()?;
    let named = button.closest("[data-name]").ok().flatten()?;
    Some((
        button.get_attribute("data-action")?,
        named.get_attribute("data-name")?,
    ))
}
