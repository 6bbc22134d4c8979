//! The card that describes the hovered instance type.

use atlas_model::catalog::Catalog;
use atlas_model::instance::InstanceType;
use atlas_model::text::{instance_card, InstanceCard};
use yew::prelude::*;

use crate::browser::use_beside_point;
use crate::widgets::chart_canvas::Hover;

/// Props of [`Tooltip`].
#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    /// What the card says.
    pub card: InstanceCard,
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
    let card = &props.card;
    let node = use_node_ref();
    use_beside_point(
        node.clone(),
        props.x,
        props.y,
        props.frame_width,
        10.0,
        10.0,
    );
    html! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" ref={node}>
            <strong>{ &card.title }</strong>
            <span class="tooltip-family">{ &card.family_line }</span>
            <dl>
                { for card.rows.iter().map(|(term, value)| html! { <><dt>{ *term }</dt><dd>{ value }</dd></> }) }
            </dl>
            if let Some(same) = &card.same_spot {
                <p class="tooltip-also">{ same }</p>
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
    let card = instance_card(&instance, sizes, &price(&instance), &same_spot);
    html! { <Tooltip {card} x={hover.x} y={hover.y} frame_width={hover.frame_width} /> }
}
