//! The card that describes the hovered instance type.

use atlas_model::catalog::Catalog;
use atlas_model::instance::InstanceType;
use yew::prelude::*;

use crate::browser::use_beside_point;
use crate::components::chart_canvas::Hover;

/// Props of [`Tooltip`].
#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    /// The instance type described.
    pub instance: InstanceType,
    /// Other instance types drawn on the same dot.
    pub same_spot: Vec<String>,
    /// How many sizes of its family the chart draws.
    pub sizes: usize,
    /// Its price in the chosen region, in words (the row is left out when empty).
    #[prop_or_default]
    pub price: String,
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
    let card = use_node_ref();
    use_beside_point(
        card.clone(),
        props.x,
        props.y,
        props.frame_width,
        10.0,
        10.0,
    );
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
        ("Price", props.price.clone()),
    ];
    let rows = rows.into_iter().filter(|(_, value)| !value.is_empty());
    html! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" ref={card}>
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

/// The tooltip for a hovered point of an instance-type chart: the nearest type, the others
/// on the same dot, how many sizes its line draws, and (when given) its price in words.
pub fn instance_tooltip(
    catalog: &Catalog,
    hover: &Hover,
    sizes: usize,
    price: impl Fn(&InstanceType) -> String,
) -> Html {
    let Some(instance) = hover
        .items
        .first()
        .and_then(|&i| catalog.types.get(i))
        .cloned()
    else {
        return Html::default();
    };
    let same_spot: Vec<String> = hover
        .items
        .iter()
        .skip(1)
        .filter_map(|&i| catalog.types.get(i).map(|t| t.name.clone()))
        .collect();
    let price = price(&instance);
    html! { <Tooltip {instance} {same_spot} {sizes} {price} x={hover.x} y={hover.y} frame_width={hover.frame_width} /> }
}
