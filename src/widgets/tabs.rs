//! The tab bar that switches between views, as WAI-ARIA tabs: one tab in the Tab order
//! (the selected one), arrow keys, Home and End move between tabs and show that view; the
//! strip scrolls sideways on a phone with the selected tab kept in view.

use atlas_model::state::{Action, View};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The id of the element that holds the shown view (the tab panel).
pub const PANEL_ID: &str = "view-panel";

/// The id of a view's tab, which labels the panel while that view is shown.
pub fn tab_id(view: View) -> String {
    format!("tab-{}", view.slug())
}

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The view shown.
    pub current: View,
    /// How many types are pinned (shown on the Compare tab).
    pub pinned: usize,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The view a key moves to from `current`: arrows wrap around, Home and End go to the ends.
fn view_for_key(current: View, key: &str) -> Option<View> {
    let views = View::ALL;
    let at = views.iter().position(|v| *v == current)?;
    let last = views.len() - 1;
    let to = match key {
        "ArrowRight" | "ArrowDown" => (at + 1) % views.len(),
        "ArrowLeft" | "ArrowUp" => (at + last) % views.len(),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(views[to])
}

/// Focuses a view's tab and scrolls the strip (not the page) so that the tab is in view.
fn focus_tab(view: View) {
    let Some(tab) = gloo::utils::document()
        .get_element_by_id(&tab_id(view))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let _ = tab.focus();
    scroll_into_strip(&tab);
}

/// Scrolls the tab's strip sideways just enough to show the whole tab.
fn scroll_into_strip(tab: &HtmlElement) {
    let Some(strip) = tab.parent_element() else {
        return;
    };
    let (left, width) = (tab.offset_left(), tab.offset_width());
    let (scroll, visible) = (strip.scroll_left(), strip.client_width());
    // A little room either side, so the fade at the edge does not cover the tab.
    let margin = 24;
    if left - margin < scroll {
        strip.set_scroll_left((left - margin).max(0));
    } else if left + width + margin > scroll + visible {
        strip.set_scroll_left(left + width + margin - visible);
    }
}

/// One tab per view.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let strip = use_node_ref();
    // The selected tab is scrolled into the strip's view when the view changes (a shared
    // address may open on the last tab, which a phone would otherwise hide).
    {
        let strip = strip.clone();
        use_effect_with(props.current, move |current| {
            let selected = strip
                .cast::<web_sys::Element>()
                .and_then(|s| {
                    s.query_selector(&format!("#{}", tab_id(*current)))
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = selected {
                scroll_into_strip(&tab);
            }
        });
    }
    let current = props.current;
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(view) = view_for_key(current, &event.key()) {
                event.prevent_default();
                dispatch.emit(Action::SetView(view));
                focus_tab(view);
            }
        })
    };
    let tab = |view: View| {
        let selected = view == props.current;
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::SetView(view));
        let label = match view {
            View::Compare if props.pinned > 0 => format!("{} ({})", view.label(), props.pinned),
            _ => view.label().to_owned(),
        };
        html! {
            <button type="button" role="tab" id={tab_id(view)} class={classes!("tab", selected.then_some("selected"))}
                aria-selected={selected.to_string()} aria-controls={PANEL_ID}
                tabindex={if selected { "0" } else { "-1" }}
                data-testid={format!("tab-{}", view.slug())} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="tabs-bar" aria-label="Views">
            <div class="tabs" role="tablist" aria-label="Views" ref={strip} {onkeydown}>
                { for View::ALL.into_iter().map(tab) }
            </div>
        </nav>
    }
}
