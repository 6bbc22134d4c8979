//! Axis controls: the metric on each axis, linear or log, and the colouring (above the
//! chart); each axis's typed range and the buttons back to the full range and to the
//! view's defaults (right under it, where a box is dragged).

use atlas_model::screen::families::{range_text, range_unit, read_range_end};
use atlas_model::settings::Axis;
use atlas_model::settings::ColourBy;
use atlas_model::settings::FamiliesSpec;
use atlas_model::settings::{AxisRange, Metric, Scale};
use atlas_model::state::{Action, View};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

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
                    { format!("{} axis ", name.to_uppercase()) }
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

/// A from/to range per axis (or drag a box on the chart), Reset zoom and Reset view.
#[component]
pub fn RangeControls(props: &AxisControlsProps) -> Html {
    let spec = props.spec;
    let refused = use_state(|| None::<String>);
    let range_of = |axis: Axis, metric: Metric, range: AxisRange| {
        let name = match axis {
            Axis::X => "x",
            Axis::Y => "y",
        };
        let end_box = |is_min: bool| {
            let (dispatch, refused) = (props.dispatch.clone(), refused.clone());
            let onchange = Callback::from(move |event: Event| {
                let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                    return;
                };
                match read_range_end(&input.value()) {
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
            let (word, end) = if is_min {
                ("from", range.min)
            } else {
                ("to", range.max)
            };
            html! {
                <label class="range-end">
                    { word }
                    <input type="text" inputmode="decimal" size="6" value={range_text(end)}
                        data-testid={format!("axis-{name}-{}", if is_min { "min" } else { "max" })}
                        aria-label={format!("{} axis {word} ({})", name.to_uppercase(), range_unit(metric))}
                        placeholder="auto" {onchange} />
                </label>
            }
        };
        html! {
            <span class="axis-range">
                { format!("{} ", name.to_uppercase()) }
                { end_box(true) }
                { end_box(false) }
                <span class="range-unit">{ range_unit(metric) }</span>
            </span>
        }
    };
    let zoomed = spec.x_range.is_set() || spec.y_range.is_set();
    let on_reset_zoom = props.dispatch.reform(|_: MouseEvent| Action::ResetZoom);
    let on_reset_view = {
        let refused = refused.clone();
        props.dispatch.reform(move |_: MouseEvent| {
            refused.set(None);
            Action::ResetView(View::Families)
        })
    };
    html! {
        <div class="range-controls">
            { range_of(Axis::X, spec.x, spec.x_range) }
            { range_of(Axis::Y, spec.y, spec.y_range) }
            <button type="button" data-testid="reset-zoom" disabled={!zoomed} onclick={on_reset_zoom}
                title="Back to the full range (or double-click the chart)">{ "Reset zoom" }</button>
            <button type="button" data-testid="reset-view" onclick={on_reset_view}
                title="Axes, scales, colours, ranges and filters back to their defaults">{ "Reset view" }</button>
            if let Some(message) = (*refused).clone() {
                <p class="error" role="alert" data-testid="range-error">{ message }</p>
            }
        </div>
    }
}
