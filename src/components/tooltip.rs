//! The card that describes the hovered instance type.

use atlas_model::instance::InstanceType;
use yew::prelude::*;

/// Props of [`Tooltip`].
#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    /// The instance type described.
    pub instance: InstanceType,
    /// Other instance types drawn on the same dot.
    pub same_spot: Vec<String>,
    /// How many sizes of its family the chart draws.
    pub sizes: usize,
    /// Its dot's position in CSS pixels within the chart frame.
    pub x: f64,
    /// Its dot's position in CSS pixels within the chart frame.
    pub y: f64,
    /// The frame's width, so the card opens towards the free side.
    pub frame_width: f64,
}

/// A small card beside the hovered dot.
#[component]
pub fn Tooltip(props: &TooltipProps) -> Html {
    let i = &props.instance;
    let horizontal = if props.x > props.frame_width / 2.0 {
        format!("right: {:.0}px", props.frame_width - props.x + 10.0)
    } else {
        format!("left: {:.0}px", props.x + 10.0)
    };
    let style = format!("{horizontal}; top: {:.0}px", (props.y - 10.0).max(0.0));
    let clock = i
        .clock
        .as_ref()
        .map_or_else(|| "not published".to_owned(), |c| c.label.clone());
    let rows = [
        ("vCPU", i.vcpu.to_string()),
        ("Memory", i.memory_label.clone()),
        ("Category", i.category.label().to_owned()),
        ("Processor", i.processor.clone()),
        ("Clock", clock),
        ("Network", i.network.label.clone()),
    ];
    html! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" {style}>
            <strong>{ &i.name }</strong>
            <span class="tooltip-family">
                { format!("{} family, {} size{} drawn", i.family, props.sizes, if props.sizes == 1 { "" } else { "s" }) }
            </span>
            <dl>
                { for rows.into_iter().map(|(term, value)| html! { <><dt>{ term }</dt><dd>{ value }</dd></> }) }
            </dl>
            if !props.same_spot.is_empty() {
                <p class="tooltip-also">{ format!("Same spot on the chart: {}", props.same_spot.join(", ")) }</p>
            }
        </div>
    }
}
