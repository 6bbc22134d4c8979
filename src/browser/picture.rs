//! Pictures and boxes over a chart: an SVG drawn onto a canvas and saved as PNG, and
//! the zoom box and focus ring placed through the CSS object model.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

use super::*;

/// Places an element at `(left, top)` CSS pixels with the given size, through the CSS
/// object model (a strict Content-Security-Policy refuses style attributes).
pub fn place_box(node: &NodeRef, left: f64, top: f64, width: f64, height: f64) {
    if let Some(style) = node.cast::<web_sys::HtmlElement>().map(|e| e.style()) {
        for (property, value) in [
            ("left", left),
            ("top", top),
            ("width", width),
            ("height", height),
        ] {
            let _ = style.set_property(
                property,
                &format!("{}px", atlas_model::decimal::fixed(value, 1)),
            );
        }
    }
}

/// The one call back a PNG save makes, shared by the image's load and error handlers.
type Done = Rc<RefCell<Option<Box<dyn FnOnce(Result<(), String>)>>>>;

/// Calls the save's call back, the first time only.
fn finish(done: &Done, outcome: Result<(), String>) {
    if let Some(done) = done.borrow_mut().take() {
        done(outcome);
    }
}

/// Draws `svg` (a document `size` pixels large) onto a canvas `scale` times as large and
/// saves it as the PNG file `file_name`; calls `done` once with the outcome.
pub fn save_svg_as_png(
    svg: &str,
    size: (u32, u32),
    scale: f64,
    file_name: String,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let done: Done = Rc::new(RefCell::new(Some(Box::new(done))));
    let image = match web_sys::HtmlImageElement::new() {
        Ok(image) => image,
        Err(error) => return finish(&done, Err(js_message(&error))),
    };
    let on_load = {
        let (image, done) = (image.clone(), done.clone());
        Closure::once_into_js(move || {
            let drawn = draw_to_canvas(&image, size, scale);
            match drawn {
                Ok(canvas) => {
                    let saved = Closure::once_into_js({
                        let done = done.clone();
                        move |blob: wasm_bindgen::JsValue| {
                            let outcome = blob
                                .dyn_into::<web_sys::Blob>()
                                .map_err(|_| "the browser made no PNG of the chart".to_owned())
                                .and_then(|blob| download_blob(&file_name, &blob));
                            finish(&done, outcome);
                        }
                    });
                    if let Err(error) = canvas.to_blob(saved.unchecked_ref()) {
                        finish(&done, Err(js_message(&error)));
                    }
                }
                Err(error) => finish(&done, Err(error)),
            }
        })
    };
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move || {
            finish(
                &done,
                Err("the browser could not read the chart's SVG".to_owned()),
            );
        })
    };
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    let encoded = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// A new canvas `scale` times `size`, with `image` drawn over all of it.
fn draw_to_canvas(
    image: &web_sys::HtmlImageElement,
    size: (u32, u32),
    scale: f64,
) -> Result<web_sys::HtmlCanvasElement, String> {
    let (document, _) = document_and_body()?;
    let canvas = document
        .create_element("canvas")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| "could not make a canvas".to_owned())?;
    let (width, height) = (
        (f64::from(size.0) * scale).round(),
        (f64::from(size.1) * scale).round(),
    );
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context = canvas
        .get_context("2d")
        .map_err(|e| js_message(&e))?
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or("the browser gave no 2D canvas context")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .map_err(|e| js_message(&e))?;
    Ok(canvas)
}
