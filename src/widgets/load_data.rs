//! "Load data": a file picker, drag-and-drop onto the page and a paste box. Files are read
//! in the browser and parsed in the importer Web Worker (`browser::start_import`), off the
//! main thread; nothing is uploaded. A failure is a message, and the data shown before stays.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::import::{fill_from, FillReport, Imported, MAX_IMPORT_BYTES};
use atlas_model::wire;
use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::{
    mark, on_file_drop, read_file, start_import, FileRead, ImportInput, ImportJob, ImportProgress,
};
use crate::widgets::escape::escape_closes;

/// The mark set when a loaded file has been parsed (the benchmark measures to it).
pub const DATA_LOADED_MARK: &str = "atlas:data-loaded";
/// The mark set when parsing a loaded file starts (the file goes to the importer worker).
pub const IMPORT_START_MARK: &str = "atlas:import-start";
/// The mark set when the importer worker's answer arrives on the main thread.
pub const IMPORT_ANSWER_MARK: &str = "atlas:import-answer";

/// Data a person loaded, with what the atlas did to it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedData {
    /// The instance types.
    pub catalog: Rc<Catalog>,
    /// The file's name, or "pasted text".
    pub source: String,
    /// The parse report (its catalog is moved into `catalog`).
    pub report: Imported,
    /// What was filled in from the built-in data by name.
    pub fill: FillReport,
}

impl LoadedData {
    fn new(mut imported: Imported, source: String, builtin: Option<&Catalog>) -> Self {
        let fill = builtin
            .map(|b| fill_from(&mut imported, b))
            .unwrap_or_default();
        let mut catalog = std::mem::take(&mut imported.catalog);
        // The skipped rows belong to the report; the catalog shown holds the types.
        imported.catalog.rejected = std::mem::take(&mut catalog.rejected);
        let catalog = Rc::new(catalog);
        LoadedData {
            catalog,
            source,
            report: imported,
            fill,
        }
    }
}

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Idle,
    Reading { read: f64, total: f64 },
    Parsing,
}

/// Props of [`LoadData`].
#[derive(Properties)]
pub struct LoadDataProps {
    /// The built-in data, to fill gaps by name.
    pub builtin: Option<Rc<Catalog>>,
    /// Called with data that loaded.
    pub on_loaded: Callback<Rc<LoadedData>>,
}

/// The same built-in data (by identity: comparing some 1,400 records on every render of the
/// page would say nothing more) and the same callback.
impl PartialEq for LoadDataProps {
    fn eq(&self, other: &Self) -> bool {
        let same_builtin = match (&self.builtin, &other.builtin) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_builtin && self.on_loaded == other.on_loaded
    }
}

/// The "Load data" button and panel; also listens for files dropped on the page.
#[component]
pub fn LoadData(props: &LoadDataProps) -> Html {
    let open = use_state(|| false);
    let phase = use_state(|| Phase::Idle);
    let error = use_state(|| None::<String>);
    let reading = use_mut_ref(|| None::<FileRead>);
    let paste = use_node_ref();
    let opener = use_node_ref();
    let onkeydown = {
        let open = open.clone();
        escape_closes(
            *open,
            Callback::from(move |()| open.set(false)),
            opener.clone(),
        )
    };

    // The running import with its number, so that an answered job stops only itself.
    let importing = use_mut_ref(|| None::<(u64, ImportJob)>);
    let imports_started = use_mut_ref(|| 0u64);

    // Hands text or bytes to the importer worker; its answer arrives as a message.
    let parse = {
        let (phase, error, open, importing) = (
            phase.clone(),
            error.clone(),
            open.clone(),
            importing.clone(),
        );
        let (builtin, on_loaded) = (props.builtin.clone(), props.on_loaded.clone());
        Rc::new(move |input: ImportInput, source: String| {
            phase.set(Phase::Parsing);
            mark(IMPORT_START_MARK);
            let number = {
                let mut started = imports_started.borrow_mut();
                *started += 1;
                *started
            };
            let (status, message, open, slot, builtin, on_loaded) = (
                phase.clone(),
                error.clone(),
                open.clone(),
                importing.clone(),
                builtin.clone(),
                on_loaded.clone(),
            );
            let label = source.clone();
            let report = move |progress: ImportProgress| {
                let outcome = match progress {
                    ImportProgress::Parsing => return status.set(Phase::Parsing),
                    ImportProgress::Catalogue(text) => {
                        mark(IMPORT_ANSWER_MARK);
                        wire::decode(&text).map_err(|e| e.to_string())
                    }
                    ImportProgress::Failed(message) => Err(message),
                };
                status.set(Phase::Idle);
                // The worker has answered: stop it once this message has been handled.
                let slot = slot.clone();
                Timeout::new(0, move || {
                    let mut running = slot.borrow_mut();
                    if running.as_ref().is_some_and(|(n, _)| *n == number) {
                        running.take();
                    }
                })
                .forget();
                match outcome {
                    Ok(imported) => {
                        let loaded = LoadedData::new(imported, label.clone(), builtin.as_deref());
                        mark(DATA_LOADED_MARK);
                        message.set(None);
                        open.set(false);
                        on_loaded.emit(Rc::new(loaded));
                    }
                    Err(problem) => message.set(Some(describe(&label, &problem))),
                }
            };
            match start_import(input, &source, report) {
                Ok(job) => *importing.borrow_mut() = Some((number, job)),
                Err(problem) => {
                    phase.set(Phase::Idle);
                    error.set(Some(describe(&source, &problem)));
                }
            }
        })
    };
    let start_file = {
        let (phase, error, reading, parse) =
            (phase.clone(), error.clone(), reading.clone(), parse.clone());
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let size = file.size();
            if size > MAX_IMPORT_BYTES as f64 {
                error.set(Some(format!(
                    "{name} is {}; files up to {} can be loaded. Nothing was changed.",
                    megabytes(size),
                    megabytes(MAX_IMPORT_BYTES as f64)
                )));
                return;
            }
            error.set(None);
            phase.set(Phase::Reading {
                read: 0.0,
                total: size,
            });
            let progress = {
                let phase = phase.clone();
                move |read: f64, total: f64| phase.set(Phase::Reading { read, total })
            };
            let done = {
                let (phase, error, parse, name) =
                    (phase.clone(), error.clone(), parse.clone(), name.clone());
                move |bytes: Result<js_sys::ArrayBuffer, String>| match bytes {
                    Ok(bytes) => parse(ImportInput::Bytes(bytes), name),
                    Err(reason) => {
                        phase.set(Phase::Idle);
                        error.set(Some(format!(
                            "{name} could not be read: {reason}. Nothing was changed."
                        )));
                    }
                }
            };
            match read_file(&file, progress, done) {
                Ok(read) => *reading.borrow_mut() = Some(read),
                Err(reason) => error.set(Some(reason)),
            }
        })
    };
    {
        let start_file = start_file.clone();
        use_effect_with((), move |_| {
            let listeners = on_file_drop(move |file| start_file.emit(file));
            move || drop(listeners)
        });
    }

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_file = Callback::from(move |event: Event| {
        let input = event.target_dyn_into::<HtmlInputElement>();
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            start_file.emit(file);
        }
        // Choosing the same file again should load it again.
        if let Some(input) = input {
            input.set_value("");
        }
    });
    let on_paste = {
        let (paste, parse) = (paste.clone(), parse.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                parse(ImportInput::Text(area.value()), "pasted text".to_owned());
            }
        })
    };

    let status = match &*phase {
        Phase::Idle => html! {},
        Phase::Reading { read, total } => html! {
            <p class="load-status" role="status">
                <progress data-testid="import-progress" max={atlas_model::decimal::shortest(*total)} value={atlas_model::decimal::shortest(*read)} />
                { format!(" {} of {} read", megabytes(*read), megabytes(*total)) }
            </p>
        },
        Phase::Parsing => {
            html! { <p class="load-status" role="status">{ "Reading the instance types…" }</p> }
        }
    };
    html! {
        <div class="load-control" {onkeydown}>
            <button type="button" class="header-button" data-testid="load-button" aria-expanded={open.to_string()}
                aria-controls="load-panel" ref={opener} onclick={toggle}>{ "Load data" }</button>
            { status.clone() }
            if let Some(message) = (*error).clone() {
                <p class="error" role="alert" data-testid="error">{ message }</p>
            }
            <div class={classes!("load-panel", (!*open).then_some("closed"))} id="load-panel" role="group" aria-label="Load your own data">
                <p>{ format!("Load the JSON that `aws ec2 describe-instance-types` prints, an ec2instances.info \
                     instances.json, or a CSV with a header row (up to {}). It is read in this browser; \
                     nothing is uploaded. You can also drop a file anywhere on the page.",
                     megabytes(MAX_IMPORT_BYTES as f64)) }</p>
                <label class="file-pick">{ "Choose a file " }
                    <input type="file" data-testid="import-file" accept=".json,.csv,.txt,application/json,text/csv"
                        onchange={on_file} />
                </label>
                <label class="paste">{ "or paste it here" }
                    <textarea ref={paste} rows="4" data-testid="import-paste" spellcheck="false"
                        placeholder="{\"InstanceTypes\": [...]}" />
                </label>
                <button type="button" class="pin" data-testid="import-paste-apply" onclick={on_paste}>
                    { "Load pasted data" }
                </button>
            </div>
        </div>
    }
}

fn describe(source: &str, problem: &str) -> String {
    format!("{source} was not loaded: {problem}. The data shown before is unchanged.")
}

fn megabytes(bytes: f64) -> String {
    if bytes < 1024.0 * 1024.0 {
        format!(
            "{} KB",
            atlas_model::decimal::fixed((bytes / 1024.0).ceil(), 0)
        )
    } else {
        format!(
            "{} MB",
            atlas_model::decimal::fixed(bytes / (1024.0 * 1024.0), 1)
        )
    }
}
