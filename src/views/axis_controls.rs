//! Axis controls: the metric on each axis and whether it is linear or log.

use atlas_model::chart::axis::{Metric, Scale};
use atlas_model::chart::colour::ColourBy;
use atlas_model::chart::families::FamiliesSpec;
use atlas_model::state::{Action, Axis};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`AxisControls`].
#[derive(Properties, PartialEq)]
pub struct AxisControlsProps {
    /// The current axes.
    pub spec: FamiliesSpec,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// A metric menu and a log/linear switch per axis.
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
