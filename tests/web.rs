//! Browser tests: the app mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see the Makefile).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app in a fresh, sized element and gives it time to render and paint.
async fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    root.set_attribute("style", "width: 1000px").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = instance_atlas::AppProps {
        builtin: instance_atlas::dataset::builtin(),
        start: std::rc::Rc::new(atlas_model::url_state::decode("")),
    };
    yew::Renderer::<instance_atlas::App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(300)).await;
}

fn number(root: &Element, selector: &str, attribute: &str) -> usize {
    let element = root
        .query_selector(selector)
        .unwrap()
        .expect("element present");
    element
        .get_attribute(attribute)
        .expect("attribute present")
        .parse()
        .expect("a number")
}

fn click(root: &Element, selector: &str) {
    let element = root
        .query_selector(selector)
        .unwrap()
        .expect("element present");
    element.dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn app_mounts_and_draws_every_family_of_the_embedded_dataset() {
    let root = mount().await;
    let chart = "[data-testid=families-chart]";
    let series = number(&root, chart, "data-series");
    let points = number(&root, chart, "data-points");
    let catalog =
        atlas_model::catalog::Catalog::from_csv(include_str!("../assets/data/instance-types.csv"))
            .unwrap();
    let families: std::collections::BTreeSet<&str> =
        catalog.types.iter().map(|t| t.family.as_str()).collect();
    assert_eq!(series, families.len(), "family lines drawn: {series}");
    assert_eq!(
        points,
        catalog.types.len(),
        "instance types drawn: {points}"
    );
    assert!(points >= 1395, "instance types drawn: {points}");
    let canvas = root
        .query_selector(&format!("{chart} canvas"))
        .unwrap()
        .unwrap();
    let canvas: web_sys::HtmlCanvasElement = canvas.dyn_into().unwrap();
    assert!(
        canvas.width() >= 600,
        "the canvas follows its frame: {}",
        canvas.width()
    );
    assert!(
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_none(),
        "no error shown"
    );
    let marks = web_sys::window()
        .unwrap()
        .performance()
        .unwrap()
        .get_entries_by_name("atlas:chart-drawn");
    assert!(marks.length() >= 1, "a paint sets the chart-drawn mark");
}

#[wasm_bindgen_test]
async fn unticking_a_category_removes_its_families_and_ticking_restores_them() {
    let root = mount().await;
    let chart = "[data-testid=families-chart]";
    let before = number(&root, chart, "data-series");
    click(&root, "[data-testid=filter-category-compute]");
    settle().await;
    let after = number(&root, chart, "data-series");
    assert!(
        after < before && after > 0,
        "compute families hidden: {before} -> {after}"
    );
    click(&root, "[data-testid=filter-category-compute]");
    settle().await;
    assert_eq!(number(&root, chart, "data-series"), before);
}
