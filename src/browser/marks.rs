//! Performance marks: when the module starts, the data is parsed, a chart is drawn and
//! the Table is updated; the tests and the benchmark wait for them.

/// The mark set when the WebAssembly module starts running (loaded, compiled, instantiated).
pub const START_MARK: &str = "atlas:start";

/// The mark set when the built-in dataset has been parsed.
pub const DATA_PARSED_MARK: &str = "atlas:data-parsed";

/// The mark the app sets after every chart paint; test harnesses and the benchmark wait for it.
pub const CHART_DRAWN_MARK: &str = "atlas:chart-drawn";

/// The mark set once the whole page is built, in the task after the frame that showed the
/// first chart (see `instance_atlas::PageComplete`).
pub const PAGE_COMPLETE_MARK: &str = "atlas:page-complete";

/// The mark set once the built-in prices are read and judged (in idle steps after the first
/// chart, or at once by whatever needed a price first).
pub const PRICES_READY_MARK: &str = "atlas:prices-ready";

/// Records a `performance.mark` (ignored where the API is missing).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The mark the Table view sets after its rows are on the page; the benchmark waits for it.
pub const TABLE_UPDATED_MARK: &str = "atlas:table-updated";
