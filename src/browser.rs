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

/// The page's query string, with its `?` (empty when there is none).
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment, for links to the same page.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Puts `query` (without `?`) in the address bar: a new history entry when `push`, else
/// replacing the current one. Ignored where the browser refuses (a `file://` page or a
/// sandboxed frame may): the app keeps working, only the address does not follow.
pub fn set_query(query: &str, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = if query.is_empty() {
        page_address()
    } else {
        format!("?{query}")
    };
    let url = if url.is_empty() { "?".to_owned() } else { url };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Calls `changed` with the new query string whenever the person goes back or forward.
pub fn on_history_move(changed: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        changed(location_query())
    }))
}

/// Tells the embedding page the content's height in CSS pixels, as the message
/// `{type: "instance-atlas:height", height}`. Nothing happens outside a frame.
pub fn post_height_to_parent(height: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"instance-atlas:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // The height is not a secret and a sandboxed frame has no origin to name: any parent may read it.
    let _ = parent.post_message(&message, "*");
}

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

thread_local! {
    /// The buffer file bytes are read into, kept between files (see [`FileBytes`]).
    static FILE_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The bytes of a file that was read. They live in one buffer that the page keeps and
/// reuses for the next file (it is handed back when this is dropped): WebAssembly memory
/// never shrinks, and a fresh multi-megabyte allocation per file would leave holes that
/// small allocations fill, so each import would grow the memory by the file's size.
pub struct FileBytes(Vec<u8>);

impl FileBytes {
    /// The bytes of `array`, copied into the kept buffer.
    fn copy_of(array: &js_sys::Uint8Array) -> FileBytes {
        let mut bytes = FILE_BUFFER.with(|b| std::mem::take(&mut *b.borrow_mut()));
        bytes.clear();
        bytes.resize(array.length() as usize, 0);
        array.copy_to(&mut bytes);
        FileBytes(bytes)
    }
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for FileBytes {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.0);
        FILE_BUFFER.with(|b| *b.borrow_mut() = bytes);
    }
}

/// Reads a file's bytes, reporting `(bytes read, bytes in all)` as it goes, then calls
/// `done` once with the bytes or why they could not be read.
pub fn read_file(
    file: &web_sys::File,
    progress: impl Fn(f64, f64) + 'static,
    done: impl FnOnce(Result<FileBytes, String>) + 'static,
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
                    Ok(FileBytes::copy_of(&js_sys::Uint8Array::new(&buffer)))
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

/// Runs `work` after the browser has painted what is on the page now: a timeout queued
/// from an animation frame, so a "Parsing…" message shows before a long parse starts.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let next =
        Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, work).forget());
    let queued = web_sys::window().map(|w| w.request_animation_frame(next.unchecked_ref()));
    if !matches!(queued, Some(Ok(_))) {
        // No animation frames (a hidden page): run on the next turn instead.
        let run = next.unchecked_into::<js_sys::Function>();
        let _ = run.call0(&wasm_bindgen::JsValue::NULL);
    }
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
            let _ = style.set_property(set, &format!("{offset:.0}px"));
            let _ = style.set_property("top", &format!("{:.0}px", (y - lift).max(0.0)));
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

/// The mark the Table view sets after its rows are on the page; the benchmark waits for it.
pub const TABLE_UPDATED_MARK: &str = "atlas:table-updated";

/// A thrown JavaScript value (an `Error`, a `DOMException` or a string) in words.
fn js_message(value: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// The page's document and body, or why not.
fn document_and_body() -> Result<(web_sys::Document, web_sys::HtmlElement), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("this page has no document")?;
    let body = document.body().ok_or("this page has no body")?;
    Ok((document, body))
}

/// Saves `text` as a file named `file_name`: a `Blob`, an object URL and a temporary
/// `<a download>` that is clicked, removed, and its URL revoked a moment later.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("this page has no window")?;
    let (document, body) = document_and_body()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let anchor = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not make a download link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let added = body.append_child(&anchor).map_err(|e| js_message(&e));
    if added.is_ok() {
        anchor.click();
        anchor.remove();
    }
    // Revoking at once can cancel the download in some browsers: wait a moment.
    let revoke = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
    };
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .is_err()
    {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    added.map(|_| ())
}

/// Copies `text` to the clipboard and calls `done` once with the outcome.
///
/// Uses `navigator.clipboard.writeText`; where that API is missing or refuses (an
/// insecure origin, a sandboxed iframe), falls back to a hidden textarea and
/// `document.execCommand("copy")`. The promise is awaited as a future, so both of its
/// handlers (and the copy of the text kept for the fallback) are freed once it settles:
/// copying again and again does not grow the memory.
pub fn copy_text(text: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    let navigator = web_sys::window().map(|w| w.navigator());
    let clipboard = navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        done(copy_with_text_area(text));
        return;
    };
    let promise = clipboard.write_text(text);
    let text = text.to_owned();
    yew::platform::spawn_local(async move {
        let outcome = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Ok(()),
            Err(error) => copy_with_text_area(&text)
                .map_err(|fallback| format!("{} ({fallback})", js_message(&error))),
        };
        done(outcome);
    });
}

/// The old way to copy: select the text in a hidden textarea and `execCommand("copy")`.
fn copy_with_text_area(text: &str) -> Result<(), String> {
    let refused = "the browser did not allow copying here";
    let (document, body) = document_and_body()?;
    let area = document
        .create_element("textarea")
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .map_err(|_| refused.to_owned())?;
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // Styled through the object model: a strict Content-Security-Policy refuses style attributes.
    let style = area.style();
    for (property, value) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "0"),
        ("width", "1px"),
        ("height", "1px"),
        ("opacity", "0"),
    ] {
        let _ = style.set_property(property, value);
    }
    let focused = document.active_element();
    body.append_child(&area).map_err(|e| js_message(&e))?;
    area.select();
    let copied = js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&document, &"copy".into()).ok())
        .and_then(|ok| ok.as_bool())
        .unwrap_or(false);
    area.remove();
    if let Some(element) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
    if copied {
        Ok(())
    } else {
        Err(refused.to_owned())
    }
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
