//! The instance-type table itself: sortable headings, a filter box under each numeric
//! heading, and the rows (`table_row`); one click handler on the body serves every row's
//! pin and decode buttons. Only the rows in the scroll box's view (and a few either side)
//! are built: spacer rows above and below stand in for the rest, so the scrollbar is true.

use std::cell::Cell;
use std::rc::Rc;

use atlas_model::screen::table::Heading;
use atlas_model::screen::table_window::{row_window, scrolled_rows};
use atlas_model::state::{Action, MAX_PINNED};
use atlas_model::table::Column;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::views::table::TableData;
use crate::views::table_row::InstanceRow;
use crate::widgets::skip_link::{SkipLink, SkipTarget};

/// Props of [`InstanceTable`].
#[derive(Properties, PartialEq)]
pub struct InstanceTableProps {
    /// The data shown.
    pub data: TableData,
    /// Catalog indices of the rows the filters let through, in display order.
    pub rows: Rc<Vec<usize>>,
    /// The columns shown, in order.
    pub columns: Vec<Column>,
    /// The headings as the screen describes them (sort state, filter box text and error).
    pub headings: Vec<Heading>,
    /// The pinned instance type names.
    pub pinned: Vec<String>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// The height of every body row in CSS pixels; `assets/style.css` sets the same
/// (`.instance-table tbody tr`).
pub const ROW_HEIGHT: f64 = 32.0;

/// Rows built beyond each end of the view, so a short scroll or a keyboard step shows rows
/// at once.
const OVERSCAN: usize = 8;

/// How many whole rows the element behind `node` is scrolled down, following its `scroll`
/// events (a passive listener: scrolling never waits for this), and the last scroll offset
/// in pixels those events saw.
#[hook]
fn use_scrolled_rows(node: NodeRef) -> (usize, Rc<Cell<i32>>) {
    let rows = use_state_eq(|| 0usize);
    let last_top = use_memo((), |_| Cell::new(0));
    {
        let (rows, last_top) = (rows.clone(), last_top.clone());
        use_effect_with(node, move |node| {
            let listener = node.cast::<web_sys::Element>().map(|element| {
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Bubble,
                    passive: true,
                };
                let target = element.clone();
                EventListener::new_with_options(&element, "scroll", options, move |_| {
                    let top = target.scroll_top();
                    last_top.set(top);
                    rows.set(scrolled_rows(f64::from(top), ROW_HEIGHT));
                })
            });
            move || drop(listener)
        });
    }
    (*rows, last_top)
}

/// The table of instance types (`data-testid="instance-table"`).
#[component]
pub fn InstanceTable(props: &InstanceTableProps) -> Html {
    use_effect_with(props.rows.clone(), |_| {
        browser::mark(browser::TABLE_UPDATED_MARK)
    });
    let scroller = use_node_ref();
    let (scrolled, last_top) = use_scrolled_rows(scroller.clone());
    let (_, viewport_height) = browser::use_element_size(scroller.clone());
    let window = row_window(
        scrolled as f64 * ROW_HEIGHT,
        viewport_height,
        ROW_HEIGHT,
        props.rows.len(),
        OVERSCAN,
    );
    let (space_before, space_after) = (use_node_ref(), use_node_ref());
    {
        let (before, after) = (space_before.clone(), space_after.clone());
        let scroller = scroller.clone();
        use_effect_with(
            (window.space_before.to_bits(), window.space_after.to_bits()),
            move |_| {
                browser::set_height(&before, window.space_before);
                browser::set_height(&after, window.space_after);
                // Between the new rows and the new spacer heights the body can be briefly
                // shorter, and the browser pulls the scroll offset up: put it back.
                if let Some(element) = scroller.cast::<web_sys::Element>() {
                    if element.scroll_top() != last_top.get() {
                        element.set_scroll_top(last_top.get());
                    }
                }
            },
        );
    }
    let heading = |h: &Heading| heading(h, &props.dispatch);
    let filter_cell = |h: &Heading| filter_cell(h, &props.dispatch);
    let can_pin = props.pinned.len() < MAX_PINNED;
    let columns: Rc<[Column]> = props.columns.as_slice().into();
    let types = &props.data.atlas.catalog.types;
    let row = |&index: &usize| {
        let name = types
            .get(index)
            .map(|t| t.name.as_str())
            .unwrap_or_default();
        let pinned = props.pinned.iter().any(|p| p == name);
        html! {
            <InstanceRow key={name} data={props.data.clone()} {index}
                columns={columns.clone()} {pinned} can_pin={can_pin || pinned} />
        }
    };
    let span = (columns.len() + 1).to_string();
    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, name)) = browser::clicked_action(&e) else {
                return;
            };
            match action.as_str() {
                "pin" => dispatch.emit(Action::TogglePin(name)),
                "decode" => dispatch.emit(Action::OpenInDecoder(name)),
                _ => {}
            }
        })
    };
    html! {
        <>
        <SkipLink to="after-instance-table" label="Skip past the table" />
        <div class="instance-table-scroll" tabindex="0" role="region" aria-label="Instance types"
            ref={scroller}>
            <table class="instance-table" data-testid="instance-table">
                <thead>
                    <tr>
                        <th class="pin-cell" scope="col"><span class="table-sr-only">{ "Pin" }</span></th>
                        { for props.headings.iter().map(heading) }
                    </tr>
                    <tr class="filter-row">
                        <td class="pin-cell"></td>
                        { for props.headings.iter().map(filter_cell) }
                    </tr>
                </thead>
                <tbody {onclick}>
                    <tr class="row-spacer" aria-hidden="true" ref={space_before}><td colspan={span.clone()}></td></tr>
                    { for props.rows.get(window.rows.clone()).unwrap_or_default().iter().map(row) }
                    <tr class="row-spacer" aria-hidden="true" ref={space_after}><td colspan={span.clone()}></td></tr>
                    if props.rows.is_empty() {
                        <tr>
                            <td class="table-empty" colspan={span}>
                                { "No instance type matches these filters." }
                            </td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
        <SkipTarget id="after-instance-table" />
        </>
    }
}

/// A column heading: a button that sorts (ascending, then descending), with an arrow.
fn heading(h: &Heading, dispatch: &Callback<Action>) -> Html {
    let column = h.column;
    let onclick = dispatch.reform(move |_: MouseEvent| Action::SortBy(column));
    html! {
        <th scope="col" aria-sort={h.aria_sort} data-column={column.slug()} data-testid={format!("col-{}", column.slug())}
            class={classes!(column.is_numeric().then_some("numeric"))}>
            <button type="button" class="sort" data-testid={format!("sort-{}", column.slug())}
                title={format!("Sort by {}", column.label())} {onclick}>
                { column.label() }
                <span class={classes!("sort-arrow", h.sorted.then_some("active"))}
                    aria-hidden="true">{ h.arrow }</span>
            </button>
        </th>
    }
}

/// The filter box under a numeric heading (an empty cell for text columns).
fn filter_cell(h: &Heading, dispatch: &Callback<Action>) -> Html {
    let column = h.column;
    let Some(text) = h.filter.clone() else {
        return html! { <td data-column={column.slug()}></td> };
    };
    let invalid = h.error.is_some();
    let oninput = dispatch.reform(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        Action::SetColumnFilter(column, value)
    });
    html! {
        <td class="numeric" data-column={column.slug()}>
            <input type="text" class="column-filter" data-testid={format!("table-filter-{}", column.slug())}
                value={text} {oninput} placeholder=">=8" spellcheck="false" autocomplete="off"
                aria-label={format!("Filter {}: like >=8, <2, 16..64 or !=0", column.label())}
                aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| format!("table-error-{}", column.slug()))} />
        </td>
    }
}
