//! The browser entry point: installs the panic page, parses the built-in dataset and the
//! address, then mounts the app in place of the frame that index.html painted.

use std::rc::Rc;

use instance_atlas::{browser, dataset, panic_page, App, AppProps, EMBED_PAGE};

fn main() {
    panic_page::install();
    browser::mark(browser::START_MARK);
    if !EMBED_PAGE {
        // Only the Table searches by `/regex/`; the embed page has no Table.
        browser::install_browser_regex();
    }
    let builtin = dataset::builtin();
    let prices = dataset::builtin_prices(builtin.as_ref().as_ref().ok().cloned());
    let query = browser::location_query();
    let start = Rc::new(atlas_model::url_state::decode(&query));
    let props = AppProps {
        builtin,
        prices: prices.clone(),
        start,
    };
    // index.html paints the page's frame inside #atlas; mounting there replaces it.
    match gloo::utils::document().get_element_by_id("atlas") {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
    panic_page::panic_if_asked(&query);
    // The first chart needs no prices; reading and judging them takes a while (the Table,
    // the Decoder, a price metric need them), so it is done in small steps once the page is
    // idle, and whatever asks first before then finishes it itself.
    dataset::read_prices_when_idle(prices);
}
