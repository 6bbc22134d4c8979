//! The browser entry point: parses the built-in dataset and mounts the app.

use instance_atlas::{browser, dataset, App, AppProps};

fn main() {
    browser::mark(browser::START_MARK);
    let builtin = dataset::builtin();
    yew::Renderer::<App>::with_props(AppProps { builtin }).render();
}
