//! Reading a person's file (picked or dropped) into an `ArrayBuffer` for the importer worker.

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A file being read; dropping it stops the reading and frees its callbacks.
pub struct FileRead {
    reader: web_sys::FileReader,
    _progress: Closure<dyn FnMut(web_sys::ProgressEvent)>,
    _done: Closure<dyn FnMut()>,
}

impl Drop for FileRead {
    fn drop(&mut self) {
        if self.reader.ready_state() == web_sys::FileReader::LOADING {
            self.reader.abort();
        }
    }
}

/// Reads a file's bytes, reporting `(bytes read, bytes in all)` as it goes, then calls
/// `done` once with the bytes (never copied into the WebAssembly's memory: they go on to
/// the importer worker) or why they could not be read.
pub fn read_file(
    file: &web_sys::File,
    progress: impl Fn(f64, f64) + 'static,
    done: impl FnOnce(Result<js_sys::ArrayBuffer, String>) + 'static,
) -> Result<FileRead, String> {
    let reader =
        web_sys::FileReader::new().map_err(|_| "this browser cannot read files".to_owned())?;
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            progress(event.loaded(), event.total());
        });
    let mut done = Some(done);
    let on_done = {
        let reader = reader.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(done) = done.take() else {
                return;
            };
            let outcome = match reader.result() {
                Ok(buffer) if buffer.is_instance_of::<js_sys::ArrayBuffer>() => {
                    Ok(buffer.unchecked_into::<js_sys::ArrayBuffer>())
                }
                _ => Err(reader
                    .error()
                    .map(|e| e.message())
                    .unwrap_or_else(|| "the browser could not read the file".to_owned())),
            };
            done(outcome);
        })
    };
    reader.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    reader.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
    reader
        .read_as_array_buffer(file)
        .map_err(|_| "the browser could not start reading the file".to_owned())?;
    Ok(FileRead {
        reader,
        _progress: on_progress,
        _done: on_done,
    })
}

/// Calls `dropped` with the first file dropped anywhere on the page (and keeps the
/// browser from opening it instead). Listening stops when the returned value is dropped.
pub fn on_file_drop(
    dropped: impl Fn(web_sys::File) + 'static,
) -> Option<(EventListener, EventListener)> {
    let document = web_sys::window()?.document()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&document, "dragover", options, |event| {
        event.prevent_default()
    });
    let drop = EventListener::new_with_options(&document, "drop", options, move |event| {
        event.prevent_default();
        let file = event
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .and_then(|t| t.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            dropped(file);
        }
    });
    Some((over, drop))
}
