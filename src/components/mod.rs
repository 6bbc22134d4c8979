//! The app's components. Each gets plain data and `Callback`s; only `families_chart`
//! touches a canvas.

pub mod axis_controls;
pub mod families_chart;
pub mod families_view;
pub mod filters;
pub mod legend;
pub mod tooltip;
