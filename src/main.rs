//! The browser entry point: installs the panic page, parses the built-in dataset and the
//! address, then mounts the app in place of the frame that index.html painted.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use atlas_model::atlas::PriceSource;
use atlas_model::catalog::Catalog;
use atlas_model::url_state::Decoded;
use atlas_model::wire::WireError;
use instance_atlas::{browser, dataset, panic_page, App, AppProps, EMBED_PAGE};

/// How long the embed page waits for its prices before it mounts without them.
const PRICES_WAIT_MS: u32 = 5_000;

fn main() {
    panic_page::install();
    browser::mark(browser::START_MARK);
    let query = browser::location_query();
    let start = Rc::new(atlas_model::url_state::decode(&query));
    if EMBED_PAGE {
        // The embed page carries no price table: it asks for the one file of its region and
        // system first, reads the catalogue while that comes, and mounts once it is here (or
        // known missing, or late: a host that never answers must not keep the chart from
        // working). Its region and system cannot change: embed mode has no menu.
        let state = &start.state;
        let fetched = browser::fetch_text(&dataset::region_prices_path(&state.region, state.os));
        let builtin = dataset::builtin();
        let catalog = builtin.as_ref().as_ref().ok().cloned();
        let pending = Rc::new(RefCell::new(Some((builtin, start, query))));
        let mount_with = Rc::new(move |text: Result<String, String>| {
            if let Some((builtin, start, query)) = pending.borrow_mut().take() {
                let prices = dataset::fetched_prices(text, catalog.clone());
                mount(builtin, prices, start, &query);
            }
        });
        let late = mount_with.clone();
        Timeout::new(PRICES_WAIT_MS, move || {
            late(Err(format!(
                "they did not come within {} s",
                PRICES_WAIT_MS / 1000
            )))
        })
        .forget();
        wasm_bindgen_futures::spawn_local(async move { mount_with(fetched.await) });
    } else {
        // Only the Table searches by `/regex/`; the embed page has no Table.
        browser::install_browser_regex();
        let builtin = dataset::builtin();
        let prices = dataset::builtin_prices(builtin.as_ref().as_ref().ok().cloned());
        mount(builtin, prices, start, &query);
    }
}

/// Mounts the app over the dataset and prices, then reads the prices while the page idles.
fn mount(
    builtin: Rc<Result<Rc<Catalog>, WireError>>,
    prices: Rc<PriceSource>,
    start: Rc<Decoded>,
    query: &str,
) {
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
    panic_page::panic_if_asked(query);
    // The first chart needs no prices; reading and judging them takes a while (the Table,
    // the Decoder, a price metric need them), so it is done in small steps once the page is
    // idle, and whatever asks first before then finishes it itself.
    dataset::read_prices_when_idle(prices);
}
