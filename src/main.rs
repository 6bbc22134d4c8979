//! The browser entry point: parses the built-in dataset and the address, then mounts the app.

use std::rc::Rc;

use instance_atlas::{browser, dataset, App, AppProps};

fn main() {
    browser::mark(browser::START_MARK);
    let builtin = dataset::builtin();
    let prices = dataset::builtin_prices();
    let start = Rc::new(atlas_model::url_state::decode(&browser::location_query()));
    yew::Renderer::<App>::with_props(AppProps {
        builtin,
        prices,
        start,
    })
    .render();
}
