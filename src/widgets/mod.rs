//! Reusable widgets the views and the page share: the one canvas component
//! (`chart_canvas`, painting through `surface`: the `canvas_backend`, or the SVG picture for
//! Save SVG / PNG), the shared filters, tooltip, region picker, tabs, pinned strip,
//! embedding, loading your own data, skip links and Escape for panels. Each gets plain data and `Callback`s.

pub mod canvas_backend;
pub mod canvas_plan;
pub mod chart_canvas;
pub mod chart_save;
pub mod chart_table;
pub mod data_source;
pub mod embed;
pub mod escape;
pub mod filters;
pub mod load_data;
pub mod pinned;
pub mod region_select;
pub mod skip_link;
pub mod surface;
pub mod tabs;
pub mod tooltip;
