//! The catalogue's record holders as cards: the most memory, the most vCPUs, the highest
//! clock and so on, each naming its type (opens it in the Decoder) with a pin toggle.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::extremes::Extreme;
use atlas_model::state::Action;
use yew::prelude::*;

/// Props of [`Extremes`].
#[derive(Properties, PartialEq)]
pub struct ExtremesProps {
    /// The catalog the records' indices point into.
    pub catalog: Rc<Catalog>,
    /// The records, in display order.
    pub records: Rc<Vec<Extreme>>,
    /// The pinned type names, so each card shows whether its type is pinned.
    pub pinned: Vec<String>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// One card per record over the whole catalogue (the filters do not apply to records).
#[component]
pub fn Extremes(props: &ExtremesProps) -> Html {
    let card = |record: &Extreme| {
        let Some(holder) = props.catalog.types.get(record.instance) else {
            return Html::default();
        };
        let name = holder.name.clone();
        let open = props.dispatch.reform({
            let name = name.clone();
            move |_: MouseEvent| Action::OpenInDecoder(name.clone())
        });
        let pinned = props.pinned.contains(&name);
        let toggle = props.dispatch.reform({
            let name = name.clone();
            move |_: MouseEvent| Action::TogglePin(name.clone())
        });
        let ties = (record.ties > 0).then(|| {
            let others = if record.ties == 1 { "type shares" } else { "types share" };
            html! {
                <span class="caps-ties" title={format!("{} other {others} this value", record.ties)}>
                    { format!("and {} more", record.ties) }
                </span>
            }
        });
        html! {
            <li class="caps-extreme" data-testid={format!("extreme-{}", record.slug)}>
                <h3>{ record.title }</h3>
                <button type="button" class="caps-extreme-name" data-testid="extreme-name"
                    title={format!("Open {name} in the Decoder")} onclick={open}>
                    { &name }
                </button>
                <p class="caps-extreme-value">
                    <span data-testid="extreme-value">{ &record.value }</span>
                    { for ties }
                </p>
                <button type="button" class="caps-extreme-pin" aria-pressed={pinned.to_string()}
                    data-testid="extreme-pin" aria-label={format!("{} {name}", if pinned { "Unpin" } else { "Pin" })}
                    onclick={toggle}>
                    { if pinned { "Pinned" } else { "Pin" } }
                </button>
            </li>
        }
    };
    html! {
        <section class="caps-panel caps-extremes" aria-labelledby="caps-extremes-title">
            <h2 id="caps-extremes-title">{ "Extremes" }</h2>
            <p class="hint">{ format!("Record holders among all {} instance types.", props.catalog.types.len()) }</p>
            <ul class="caps-extreme-list">{ for props.records.iter().map(card) }</ul>
        </section>
    }
}
