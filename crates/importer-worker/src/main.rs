//! The importer Web Worker: parses a file a person loaded off the page's main thread and
//! answers with the catalogue in its compact text form (`atlas_model::wire`), or with why
//! the file could not be loaded. The page starts it only when someone loads data.
//!
//! Messages: the worker first posts `{ready: true}`; the page then posts
//! `{source, bytes: ArrayBuffer}` or `{source, text}`; the worker answers
//! `{phase: "parsing"}` when it starts, then `{catalogue}` or `{error}`.

use atlas_model::import::{load, load_bytes};
use atlas_model::wire;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = answer(&reply, &event.data());
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker (the page terminates it after one file).
    on_message.forget();
    let _ = scope.post_message(&message("ready", &JsValue::TRUE));
}

/// Parses the file in `job` and returns the answer to post.
fn answer(scope: &DedicatedWorkerGlobalScope, job: &JsValue) -> JsValue {
    let field = |name: &str| Reflect::get(job, &JsValue::from_str(name)).unwrap_or_default();
    let source = field("source").as_string();
    let _ = scope.post_message(&message("phase", &JsValue::from_str("parsing")));
    let outcome = match field("text").as_string() {
        Some(text) => load(&text, source.as_deref()),
        None => {
            let bytes = Uint8Array::new(&field("bytes")).to_vec();
            load_bytes(&bytes, source.as_deref())
        }
    };
    match outcome {
        Ok(imported) => message("catalogue", &JsValue::from_str(&wire::encode(&imported))),
        Err(problem) => message("error", &JsValue::from_str(&problem.to_string())),
    }
}

/// `{key: value}`.
fn message(key: &str, value: &JsValue) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    object.into()
}
