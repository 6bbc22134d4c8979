//! Axis controls: the Families chart's metric on each axis, linear or log, and the colouring
//! (above the chart); under every zoomable chart, each numeric axis's typed range and the
//! buttons back to the full range and to the view's defaults (where a box is dragged).

use atlas_model::chart::zoom::zoom_action;
use atlas_model::screen::ranges::{range_boxes, read_range_box, RangeBoxes};
use atlas_model::settings::Axis;
use atlas_model::settings::ColourBy;
use atlas_model::settings::FamiliesSpec;
use atlas_model::settings::{AxisRange, ChartAxis, Metric, Scale, ZoomChart};
use atlas_model::state::{Action, State, View};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::widgets::chart_canvas::ZoomRequest;

/// Props of [`AxisControls`].
#[derive(Properties, PartialEq)]
pub struct AxisControlsProps {
    /// The current axes.
    pub spec: FamiliesSpec,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// A metric menu and a log/linear switch per axis, and the colour menu.
#[component]
pub fn AxisControls(props: &AxisControlsProps) -> Html {
    let spec = props.spec;
    let control = |axis: Axis, metric: Metric, scale: Scale| {
        let name = match axis {
            Axis::X => "x",
            Axis::Y => "y",
        };
        let on_metric = props.dispatch.reform(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| Metric::from_slug(&select.value()))
                .unwrap_or(metric);
            Action::SetMetric(axis, chosen)
        });
        let log = scale == Scale::Log;
        let on_scale = props.dispatch.reform(move |_: Event| {
            Action::SetScale(axis, if log { Scale::Linear } else { Scale::Log })
        });
        html! {
            <div class="axis-control">
                <label>
                    { format!("{} axis ", name.to_ascii_uppercase()) }
                    <select data-testid={format!("axis-{name}-metric")} onchange={on_metric}>
                        { for Metric::ALL.into_iter().map(|m| html! {
                            <option value={m.slug()} selected={m == metric}>{ m.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid={format!("axis-{name}-log")} checked={log} onchange={on_scale} />
                    { "log" }
                </label>
            </div>
        }
    };
    let current = spec.colour;
    let on_colour = props.dispatch.reform(move |event: Event| {
        let chosen = event
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|select| ColourBy::from_slug(&select.value()))
            .unwrap_or(current);
        Action::SetColour(chosen)
    });
    html! {
        <div class="axis-controls">
            { control(Axis::X, spec.x, spec.x_scale) }
            { control(Axis::Y, spec.y, spec.y_scale) }
            <div class="axis-control">
                <label>
                    { "Colour " }
                    <select data-testid="colour-by" onchange={on_colour}>
                        { for ColourBy::ALL.into_iter().map(|c| html! {
                            <option value={c.slug()} selected={c == current}>{ c.label() }</option>
                        }) }
                    </select>
                </label>
            </div>
        </div>
    }
}

/// Props of [`RangeControls`].
#[derive(Properties, PartialEq)]
pub struct RangeControlsProps {
    /// The chart the boxes and Reset zoom belong to.
    pub chart: ZoomChart,
    /// One pair of boxes per numeric axis (the model's [`range_boxes`]).
    pub boxes: Vec<RangeBoxes>,
    /// The view Reset view returns to its defaults.
    pub view: View,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// A from/to range per numeric axis of a chart (or drag a box on it), Reset zoom and
/// Reset view: the same controls under every chart that zooms.
#[component]
pub fn RangeControls(props: &RangeControlsProps) -> Html {
    let refused = use_state(|| None::<String>);
    let range_of = |boxes: &RangeBoxes| {
        let (axis, range) = (boxes.axis, boxes.range);
        let slug = axis.slug();
        let end_box = |is_min: bool| {
            let (dispatch, refused) = (props.dispatch.clone(), refused.clone());
            let onchange = Callback::from(move |event: Event| {
                let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                    return;
                };
                match read_range_box(axis, &input.value()) {
                    Ok(end) => {
                        refused.set(None);
                        let next = if is_min {
                            AxisRange { min: end, ..range }
                        } else {
                            AxisRange { max: end, ..range }
                        };
                        dispatch.emit(Action::SetRange(axis, next));
                    }
                    Err(message) => refused.set(Some(message)),
                }
            });
            let (word, text) = if is_min {
                ("from", boxes.min.clone())
            } else {
                ("to", boxes.max.clone())
            };
            let unit = if boxes.unit.is_empty() {
                String::new()
            } else {
                format!(" ({})", boxes.unit)
            };
            html! {
                <label class="range-end">
                    { word }
                    <input type="text" inputmode={if axis == ChartAxis::LadderSize { "text" } else { "decimal" }}
                        size="6" value={text}
                        data-testid={format!("axis-{slug}-{}", if is_min { "min" } else { "max" })}
                        aria-label={format!("{} axis {word}{unit}", boxes.name)}
                        placeholder="auto" {onchange} />
                </label>
            }
        };
        html! {
            <span class="axis-range">
                { format!("{} ", boxes.name) }
                { end_box(true) }
                { end_box(false) }
                if !boxes.unit.is_empty() {
                    <span class="range-unit">{ boxes.unit }</span>
                }
            </span>
        }
    };
    let zoomed = props.boxes.iter().any(|b| b.range.is_set());
    let chart = props.chart;
    let on_reset_zoom = props
        .dispatch
        .reform(move |_: MouseEvent| Action::ResetZoom(chart));
    let on_reset_view = {
        let (refused, view) = (refused.clone(), props.view);
        props.dispatch.reform(move |_: MouseEvent| {
            refused.set(None);
            Action::ResetView(view)
        })
    };
    html! {
        <div class="range-controls">
            { for props.boxes.iter().map(range_of) }
            <button type="button" data-testid="reset-zoom" disabled={!zoomed} onclick={on_reset_zoom}
                title="Back to the full range (or double-click the chart)">{ "Reset zoom" }</button>
            <button type="button" data-testid="reset-view" onclick={on_reset_view}
                title="Every setting of this view back to its default">{ "Reset view" }</button>
            if let Some(message) = (*refused).clone() {
                <p class="error" role="alert" data-testid="range-error">{ message }</p>
            }
        </div>
    }
}

/// What a zoomable chart (other than Families, which lays out its own) gets from its view:
/// what a dragged box and a double-click do, and the range boxes under it.
#[derive(Clone, PartialEq)]
pub struct ChartZoom {
    /// Called with a box dragged over the chart.
    pub on_zoom: Callback<ZoomRequest>,
    /// Called on a double-click: back to the full range.
    pub on_reset_zoom: Callback<()>,
    /// The range boxes, Reset zoom and Reset view, shown under the chart.
    pub tools: Html,
}

impl ChartZoom {
    /// The zoom of `chart` in `view`, as `state` holds it.
    pub fn new(chart: ZoomChart, view: View, state: &State, dispatch: &Callback<Action>) -> Self {
        ChartZoom {
            on_zoom: zoom_to_box(chart, state.families, dispatch.clone()),
            on_reset_zoom: reset_zoom(chart, dispatch),
            tools: html! {
                <RangeControls {chart} {view} boxes={range_boxes(state, chart)} dispatch={dispatch.clone()} />
            },
        }
    }
}

/// Whether a view's charts show their table alternative, and how to change it.
#[derive(Clone, PartialEq, Default)]
pub struct ShownTable {
    /// Whether the table is shown.
    pub shown: bool,
    /// Called with `true` to show it, `false` to hide it.
    pub on_toggle: Callback<bool>,
}

impl ShownTable {
    /// The table alternative of `view`'s charts, as `state` holds it.
    pub fn new(view: View, state: &State, dispatch: &Callback<Action>) -> Self {
        ShownTable {
            shown: state.chart_tables.contains(&view),
            on_toggle: dispatch.reform(move |on| Action::ShowChartTable(view, on)),
        }
    }
}

/// What a zoomable chart does with a dragged box: the model maps it to ranges
/// (`chart::zoom::zoom_action`) and the action goes to `dispatch`.
pub fn zoom_to_box(
    chart: ZoomChart,
    families: FamiliesSpec,
    dispatch: Callback<Action>,
) -> Callback<ZoomRequest> {
    Callback::from(move |zoom: ZoomRequest| {
        let action = zoom_action(
            chart,
            &families,
            zoom.panel,
            &zoom.frame,
            zoom.drag,
            zoom.pixel_ratio,
        );
        if let Some(action) = action {
            dispatch.emit(action);
        }
    })
}

/// What a zoomable chart does on a double-click: back to its full range.
pub fn reset_zoom(chart: ZoomChart, dispatch: &Callback<Action>) -> Callback<()> {
    dispatch.reform(move |_: ()| Action::ResetZoom(chart))
}
