//! The importer Web Worker (`crates/importer-worker`): started when a person loads data,
//! handed the file, and terminated once it has answered, so its code and the memory it
//! parsed in are only ever paid for by someone loading a file.
//!
//! On the site the worker is `importer-worker_loader.js` beside the page (same origin, so
//! `worker-src 'self'` covers it); the offline file carries the worker inlined and sets
//! `window.atlasImporter` to a `blob:` URL that starts it.

use js_sys::{Array, ArrayBuffer, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

/// The worker's script on the site, relative to the page.
const WORKER_SCRIPT: &str = "./importer-worker_loader.js";

/// What the worker is asked to parse.
pub enum ImportInput {
    /// Pasted text.
    Text(String),
    /// A file's bytes, moved (transferred) to the worker without a copy.
    Bytes(ArrayBuffer),
}

/// What the worker reports.
pub enum ImportProgress {
    /// The worker has the file and is parsing it.
    Parsing,
    /// The catalogue in its compact text form (`atlas_model::wire`).
    Catalogue(String),
    /// Why the file could not be loaded (an `ImportError` in words), or why the worker
    /// could not run.
    Failed(String),
}

/// A running import; dropping it stops the worker.
pub struct ImportJob {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for ImportJob {
    fn drop(&mut self) {
        // Detach the handlers first: a message already queued must not reach a dropped closure.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Starts the importer worker, sends it `input` once it is ready, and calls `report` with
/// what it says (`Parsing`, then one `Catalogue` or `Failed`).
pub fn start_import(
    input: ImportInput,
    source: &str,
    report: impl Fn(ImportProgress) + 'static,
) -> Result<ImportJob, String> {
    let script = offline_importer().unwrap_or_else(|| WORKER_SCRIPT.to_owned());
    let worker = Worker::new(&script)
        .map_err(|e| format!("the importer could not start: {}", super::js_message(&e)))?;
    let report = std::rc::Rc::new(report);
    let job = Object::new();
    let _ = Reflect::set(&job, &"source".into(), &source.into());
    let transfer = Array::new();
    match input {
        ImportInput::Text(text) => {
            let _ = Reflect::set(&job, &"text".into(), &text.into());
        }
        ImportInput::Bytes(buffer) => {
            transfer.push(&buffer);
            let _ = Reflect::set(&job, &"bytes".into(), &buffer);
        }
    }
    let mut job = Some((job, transfer));
    let on_message = {
        let (worker, report) = (worker.clone(), report.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let field = |name: &str| Reflect::get(&data, &name.into()).unwrap_or_default();
            if field("ready").is_truthy() {
                if let Some((job, transfer)) = job.take() {
                    if let Err(e) = worker.post_message_with_transfer(&job, &transfer) {
                        report(ImportProgress::Failed(format!(
                            "the file could not be handed to the importer: {}",
                            super::js_message(&e)
                        )));
                    }
                }
            } else if field("phase").as_string().as_deref() == Some("parsing") {
                report(ImportProgress::Parsing);
            } else if let Some(text) = field("catalogue").as_string() {
                report(ImportProgress::Catalogue(text));
            } else if let Some(message) = field("error").as_string() {
                report(ImportProgress::Failed(message));
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let message = Reflect::get(&event, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| format!("{script} did not load"));
        report(ImportProgress::Failed(format!(
            "the importer stopped: {message}"
        )));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(ImportJob {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The offline file's inlined worker (a `blob:` URL its boot script made), if this is it.
fn offline_importer() -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    Reflect::get(&window, &"atlasImporter".into())
        .ok()?
        .as_string()
}
