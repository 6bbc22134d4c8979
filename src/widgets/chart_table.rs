//! The table that stands in for a chart: every thing the chart plots, one row each, shown
//! on request ("Show as table"), so nothing on a chart is reachable only by sight. Whether
//! it is shown is the view's state (and so in the address): a shared link opens with it.

use std::rc::Rc;

use yew::prelude::*;

/// Rows made only when the table is opened: a chart of many points then costs nothing
/// per redraw for a table nobody has asked for. Equal when they are the same maker.
#[derive(Clone)]
pub struct LazyRows(Rc<dyn Fn() -> Rc<Vec<Vec<String>>>>);

impl LazyRows {
    /// Rows that `make` builds, once per opening.
    pub fn new(make: impl Fn() -> Rc<Vec<Vec<String>>> + 'static) -> Self {
        LazyRows(Rc::new(make))
    }
}

impl PartialEq for LazyRows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`ChartTable`].
#[derive(Properties, PartialEq)]
pub struct ChartTableProps {
    /// The table's caption (what the chart shows).
    pub caption: AttrValue,
    /// The column headings.
    pub headings: Rc<Vec<String>>,
    /// The rows, one cell per heading.
    #[prop_or_default]
    pub rows: Rc<Vec<Vec<String>>>,
    /// Rows built only while the table is open (instead of `rows`).
    #[prop_or_default]
    pub lazy_rows: Option<LazyRows>,
    /// Whether the table is shown.
    pub shown: bool,
    /// Called with `true` to show the table, `false` to hide it.
    pub on_toggle: Callback<bool>,
}

/// A "Show as table" toggle and, when open, the table.
#[component]
pub fn ChartTable(props: &ChartTableProps) -> Html {
    let open = props.shown;
    let toggle = props.on_toggle.reform(move |_: MouseEvent| !open);
    let rows = match (&props.lazy_rows, open) {
        (Some(lazy), true) => (lazy.0)(),
        _ => props.rows.clone(),
    };
    html! {
        <div class="chart-table">
            <button type="button" aria-expanded={open.to_string()} data-testid="show-as-table" onclick={toggle}>
                { if open { "Hide the table" } else { "Show as table" } }
            </button>
            if open {
                <div class="chart-table-scroll">
                    <table data-testid="chart-table">
                        <caption>{ props.caption.clone() }</caption>
                        <thead><tr>{ for props.headings.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|cell| html! { <td>{ cell }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
