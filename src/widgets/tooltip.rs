//! The card that describes the hovered instance type, with a pin button per type on its
//! dot when it was opened by a tap or the keyboard.

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
    /// The types on the dot with whether each is pinned, when the card offers pin buttons.
    #[prop_or_default]
    pub pins: Vec<(String, bool)>,
    /// Called with a type's name when its pin button is pressed.
    #[prop_or_default]
    pub on_pin: Option<Callback<String>>,
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
    let buttons = props.on_pin.as_ref().filter(|_| !props.pins.is_empty()).map(|on_pin| {
        let button = |(name, pinned): &(String, bool)| {
            let onclick = {
                let name = name.clone();
                on_pin.reform(move |_: MouseEvent| name.clone())
            };
            let words = if *pinned { "Unpin" } else { "Pin" };
            html! {
                <button type="button" class="tooltip-pin" data-testid="tooltip-pin" data-name={name.clone()}
                    aria-pressed={pinned.to_string()} {onclick}>{ format!("{words} {name}") }</button>
            }
        };
        html! { <div class="tooltip-pins">{ for props.pins.iter().map(button) }</div> }
    });
    let interactive = buttons.is_some();
    html! {
        <div class={classes!("tooltip", interactive.then_some("tooltip-sticky"))}
            role={if interactive { "group" } else { "tooltip" }}
            aria-label={interactive.then(|| card.title.clone())}
            data-testid="tooltip" ref={node}>
            <strong>{ &card.title }</strong>
            <span class="tooltip-family">{ &card.family_line }</span>
            <dl>
                { for card.rows.iter().map(|(term, value)| html! { <><dt>{ *term }</dt><dd>{ value }</dd></> }) }
            </dl>
            if let Some(same) = &card.same_spot {
                <p class="tooltip-also">{ same }</p>
            }
            { for buttons }
        </div>
    }
}

/// The tooltip for a hovered point of an instance-type chart: the nearest type, the others
/// on the same dot, how many sizes its line draws, and (when given) its price in words.
/// Opened by a tap or the keyboard, it offers a pin button for each type on the dot.
pub fn instance_tooltip(
    catalog: &Catalog,
    hover: &Hover,
    sizes: usize,
    price: impl Fn(&InstanceType) -> String,
    pinning: Option<(&[String], &Callback<String>)>,
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
    let (pins, on_pin) = match pinning.filter(|_| hover.sticky) {
        Some((pinned, on_pin)) => (
            hover
                .items
                .iter()
                .filter_map(|&i| catalog.types.get(i))
                .map(|t| (t.name.clone(), pinned.contains(&t.name)))
                .collect(),
            Some(on_pin.clone()),
        ),
        None => (Vec::new(), None),
    };
    html! { <Tooltip {card} x={hover.x} y={hover.y} frame_width={hover.frame_width} {pins} {on_pin} /> }
}
