//! The browser entry point: parses the built-in dataset and the address, then mounts the app
//! in place of the frame that index.html painted.

use std::rc::Rc;

use instance_atlas::{browser, dataset, App, AppProps};

fn main() {
    browser::mark(browser::START_MARK);
    let builtin = dataset::builtin();
    let start = Rc::new(atlas_model::url_state::decode(&browser::location_query()));
    let props = AppProps { builtin, start };
    // index.html paints the page's frame inside #atlas; mounting there replaces it.
    match gloo::utils::document().get_element_by_id("atlas") {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
