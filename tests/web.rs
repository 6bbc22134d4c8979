//! Browser tests: single components mounted in headless Chromium by wasm-bindgen-test,
//! each asserting an exact outcome a person would see. Nothing sleeps for a fixed time:
//! [`wait_for`] polls until the page shows what is expected, and fails with what it saw.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see the Makefile).
#![cfg(target_arch = "wasm32")]
#![allow(missing_docs)]

/// Everything lives in a `#[cfg(test)]` module so the unwraps of test code pass clippy.
#[cfg(test)]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Duration;

    use atlas_model::atlas::Atlas;
    use atlas_model::capabilities::counts_by_feature;
    use atlas_model::chart::bars::BarsPlot;
    use atlas_model::filter::Filter;
    use atlas_model::instance::Category;
    use atlas_model::shown::shown_types;
    use atlas_model::state::{reduce, Action, State, View};
    use atlas_model::table::{rows, Column, RowPrices};
    use instance_atlas::browser::CHART_DRAWN_MARK;
    use instance_atlas::views::table::TableView;
    use instance_atlas::views::ViewProps;
    use instance_atlas::widgets::canvas_plan::AnyPlan;
    use instance_atlas::widgets::chart_canvas::{ChartCanvas, ChartCanvasProps};
    use instance_atlas::widgets::filters::{Filters, FiltersProps};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web_sys::{Element, HtmlElement};
    use yew::prelude::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }

    /// A fresh element `width` CSS pixels wide at the end of the page, to mount one component in.
    fn root(width: u32) -> Element {
        let root = document().create_element("div").unwrap();
        root.set_attribute("style", &format!("width: {width}px"))
            .unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        root
    }

    /// The built-in data, as the app builds it.
    fn atlas() -> Atlas {
        let builtin = instance_atlas::dataset::builtin();
        let Ok(catalog) = builtin.as_ref() else {
            panic!("the built-in dataset parses");
        };
        Atlas::new(
            catalog.clone(),
            instance_atlas::dataset::builtin_prices(Some(catalog.clone())),
        )
    }

    /// Polls (a few milliseconds at a time, at most five seconds) until `ready` answers
    /// `Some`, and returns it; fails naming `what` otherwise.
    async fn wait_for<T>(what: &str, ready: impl Fn() -> Option<T>) -> T {
        for _ in 0..1000 {
            if let Some(value) = ready() {
                return value;
            }
            yew::platform::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("waited five seconds for {what}");
    }

    fn count(root: &Element, selector: &str) -> usize {
        root.query_selector_all(selector).unwrap().length() as usize
    }

    fn click(root: &Element, selector: &str) {
        let Some(element) = root.query_selector(selector).unwrap() else {
            panic!("{selector} is on the page");
        };
        element.dyn_into::<HtmlElement>().unwrap().click();
    }

    fn chart_marks() -> u32 {
        let performance = web_sys::window().unwrap().performance().unwrap();
        performance.get_entries_by_name(CHART_DRAWN_MARK).length()
    }

    #[wasm_bindgen_test]
    async fn the_chart_canvas_paints_at_the_device_pixel_ratio_and_sets_its_mark() {
        let performance = web_sys::window().unwrap().performance().unwrap();
        performance.clear_marks_with_mark_name(CHART_DRAWN_MARK);
        assert_eq!(chart_marks(), 0);
        let atlas = atlas();
        let shown = shown_types(&atlas.catalog, &atlas.families, &Filter::default(), None);
        let plan = Rc::new(BarsPlot::by_feature(&counts_by_feature(
            &atlas.catalog,
            &shown,
        )));
        let root = root(600);
        let props = ChartCanvasProps {
            plan: AnyPlan::new(plan),
            label: "Instance types per capability".into(),
            tooltip: Callback::from(|_| Html::default()),
            on_pick: None,
            empty: None,
            describe: None,
            summary: None,
            on_zoom: None,
            on_reset_zoom: None,
            caption: None,
            file_name: "capabilities".into(),
            tools: Html::default(),
        };
        yew::Renderer::<ChartCanvas>::with_root_and_props(root.clone(), props).render();
        wait_for("the chart-drawn mark", || {
            (chart_marks() >= 1).then_some(())
        })
        .await;

        let canvas: web_sys::HtmlCanvasElement = root
            .query_selector(".chart-canvas")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        let frame = root.query_selector(".chart-frame").unwrap().unwrap();
        let ratio = web_sys::window().unwrap().device_pixel_ratio();
        let frame_width = frame.get_bounding_client_rect().width();
        assert_eq!(frame_width, 600.0, "the frame fills the 600 px root");
        // The backing store follows the frame (the size observer repaints once it reports).
        let expected = (frame_width * ratio).round();
        wait_for(
            &format!(
                "a backing store {expected} px wide (the frame's CSS width times the pixel ratio)"
            ),
            || (f64::from(canvas.width()) == expected).then_some(()),
        )
        .await;
        let labelled = root
            .query_selector("[aria-label='Instance types per capability']")
            .unwrap();
        assert!(
            labelled.is_some(),
            "the picture is described for screen readers"
        );
    }

    #[wasm_bindgen_test]
    async fn the_filters_dispatch_exactly_the_action_each_box_means() {
        let atlas = atlas();
        let actions = Rc::new(RefCell::new(Vec::<Action>::new()));
        let dispatch = {
            let actions = actions.clone();
            Callback::from(move |action| actions.borrow_mut().push(action))
        };
        let root = root(300);
        let props = FiltersProps {
            families: atlas.families.clone(),
            filter: Filter::default(),
            dispatch,
        };
        yew::Renderer::<Filters>::with_root_and_props(root.clone(), props).render();
        wait_for("the category boxes", || {
            (count(&root, "[data-testid^=filter-category-]") == 6).then_some(())
        })
        .await;

        click(&root, "[data-testid=filter-category-compute]");
        click(&root, "[data-testid=filter-category-all]");
        click(&root, "[data-testid=filter-series-m]");
        assert_eq!(
            *actions.borrow(),
            [
                Action::ToggleCategory(Category::Compute),
                Action::HideAllCategories,
                Action::ToggleSeries("m".into()),
            ]
        );
    }

    #[wasm_bindgen_test]
    async fn the_table_shows_the_rows_its_address_describes() {
        let atlas = atlas();
        let state = reduce(&State::default(), Action::SetView(View::Table));
        let state = reduce(&state, Action::SetColumnFilter(Column::Vcpu, ">=96".into()));
        let state = reduce(
            &state,
            Action::SetColumnFilter(Column::Vcpu, ">=96x".into()),
        );
        // Opened fresh from the address the live state wrote.
        let state = atlas_model::url_state::decode(&atlas_model::url_state::encode(&state)).state;
        let (query, _) = state.table.query();
        let shown = atlas.shown(&state.filter, &state.region);
        let expected = rows(
            &atlas.catalog,
            &atlas.families,
            &shown,
            &query,
            None,
            &RowPrices::default(),
        )
        .len();
        assert!(
            expected > 50 && expected < atlas.catalog.types.len(),
            "{expected}"
        );
        let atlas_types = atlas.catalog.types.len();
        let root = root(1000);
        let props = ViewProps {
            atlas,
            state,
            dispatch: Callback::from(|_| ()),
        };
        yew::Renderer::<TableView>::with_root_and_props(root.clone(), props).render();
        // The body builds only the rows in view; the count line speaks for all of them.
        let count_line = wait_for("the table rows", || {
            (count(&root, "[data-testid=instance-row]") > 0)
                .then(|| {
                    root.query_selector("[data-testid=row-count]")
                        .ok()
                        .flatten()
                })
                .flatten()
                .and_then(|line| line.text_content())
        })
        .await;
        assert_eq!(
            count_line,
            format!("{expected} of {} instance types", atlas_types),
            "the last good condition, >=96 vCPU, still narrows"
        );
        assert_eq!(
            count(&root, "[data-testid=filter-error]"),
            1,
            "and the box says why"
        );
    }
}
