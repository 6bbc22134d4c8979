//! The Decoder view: any instance type name taken apart and explained, as
//! [`decoder_screen`] says: its specs, its price in the chosen region and system (with why
//! it is suspect), where it is offered, its neighbouring sizes, sibling families and "did
//! you mean".

use atlas_model::decoder::Explanation;
use atlas_model::screen::decoder::{decoder_screen, KnownType};
use atlas_model::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::views::ViewProps;

/// Names offered when the input is empty.
const EXAMPLES: [&str; 6] = [
    "p3dn.24xlarge",
    "c7gn.16xlarge",
    "m7i-flex.large",
    "u7in-32tb.224xlarge",
    "x2iedn.32xlarge",
    "is4gen.xlarge",
];

/// Type a name, read what each part means.
#[component]
pub fn DecoderView(props: &ViewProps) -> Html {
    let state = &props.state;
    let input = state.decoder.clone();
    let screen = use_memo(
        (
            props.atlas.clone(),
            input.clone(),
            state.region.clone(),
            state.os,
            state.pinned.clone(),
        ),
        {
            let state = state.clone();
            move |(atlas, ..)| decoder_screen(atlas, &state)
        },
    );
    let explanation = &screen.explanation;
    let dispatch = &props.dispatch;
    let oninput = dispatch.reform(|event: InputEvent| {
        let value = event
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        Action::SetDecoderInput(value)
    });
    let open = |name: &str| {
        let name = name.to_owned();
        dispatch.reform(move |_: MouseEvent| Action::SetDecoderInput(name.clone()))
    };
    let link = |name: &str| html! { <button type="button" class="name-link" onclick={open(name)}>{ name }</button> };

    let output = if screen.empty {
        html! {
            <p class="hint">
                { "Type any instance type name, for example " }
                { for EXAMPLES.iter().map(|n| html! { <>{ link(n) }{ " " }</> }) }
            </p>
        }
    } else {
        html! {
            <>
                { parts(explanation) }
                { suggestions(explanation, &link) }
                if let Some(known) = &screen.known {
                    { specs(known, dispatch.reform({
                        let name = known.name.clone();
                        move |_: MouseEvent| Action::TogglePin(name.clone())
                    })) }
                } else if let Some(notice) = screen.notice {
                    <p class="notice">{ notice }</p>
                }
                { related(explanation, &input, &link) }
            </>
        }
    };
    html! {
        <section class="view decoder" aria-label="Decoder">
            <label class="decoder-label">
                { "Instance type name" }
                <input type="text" data-testid="decoder-input" value={input} {oninput} placeholder="p3dn.24xlarge"
                    autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="80" />
            </label>
            <div class="decoder-output" data-testid="decoder-output" aria-live="polite">{ output }</div>
        </section>
    }
}

/// The parts of the name with their meanings, or what could not be read.
fn parts(explanation: &Explanation) -> Html {
    match &explanation.decoded {
        Ok(decoded) => html! {
            <ol class="name-parts" data-testid="decoder-parts">
                { for decoded.explain().into_iter().map(|(part, meaning)| html! {
                    <li><code>{ part }</code><span>{ meaning }</span></li>
                }) }
            </ol>
        },
        Err(error) => {
            html! { <p class="error" data-testid="decoder-error">{ error.to_string() }</p> }
        }
    }
}

/// "Did you mean" links.
fn suggestions(explanation: &Explanation, link: &dyn Fn(&str) -> Html) -> Html {
    if explanation.suggestions.is_empty() {
        return html! {};
    }
    html! {
        <p class="suggestions" data-testid="decoder-suggestions">
            { "Did you mean " }
            { for explanation.suggestions.iter().map(|s| html! { <>{ link(s) }{ " " }</> }) }
        </p>
    }
}

/// The specs of a type the data knows, with a pin toggle, its price here and where it is
/// offered.
fn specs(known: &KnownType, on_pin: Callback<MouseEvent>) -> Html {
    let price = &known.price;
    let offered = &known.offered;
    html! {
        <div class="decoder-specs">
            <h2 class="decoder-heading">
                { known.heading.clone() }
                <button type="button" class="pin" aria-pressed={known.pinned.to_string()} data-testid="decoder-pin" onclick={on_pin}>
                    { if known.pinned { "Unpin" } else { "Pin to compare" } }
                </button>
            </h2>
            <dl class="spec-list">
                { for known.specs.iter().map(|(label, text, title)| html! {
                    <><dt>{ *label }</dt><dd title={title.clone()}>{ text }</dd></>
                }) }
            </dl>
            <p class={classes!("decoder-price", price.suspect.is_some().then_some("flagged"))} data-testid="decoder-price">
                <strong>{ "Price: " }</strong>{ price.text.clone() }
                if let Some(why) = &price.suspect {
                    <span class="flag" aria-hidden="true">{ " ⚠" }</span>
                    <span class="decoder-suspect">{ format!(" Suspect price: {why}") }</span>
                }
            </p>
            <div class="offered" data-testid="decoder-offered">
                <p><strong>{ offered.here.clone() }</strong>{ format!("; {}", offered.summary) }</p>
                if !offered.regions.is_empty() {
                    <ul class="chip-list region-list" aria-label="Regions offering it">
                        { for offered.regions.iter().map(|r| html! { <li><code>{ *r }</code></li> }) }
                    </ul>
                }
            </div>
        </div>
    }
}

/// The family's sizes (with neighbours) and sibling families, as links.
fn related(explanation: &Explanation, input: &str, link: &dyn Fn(&str) -> Html) -> Html {
    let current = input.trim().to_ascii_lowercase();
    let (smaller, larger) = &explanation.neighbours;
    html! {
        <>
            if !explanation.family_sizes.is_empty() {
                <div class="related" data-testid="decoder-sizes">
                    <h2>{ "Sizes of this family" }</h2>
                    <p class="neighbours">
                        if let Some(s) = smaller { { "← " }{ link(s) } }
                        if let Some(l) = larger { { link(l) }{ " →" } }
                    </p>
                    <ul class="chip-list">
                        { for explanation.family_sizes.iter().map(|n| html! {
                            <li class={classes!((*n == current).then_some("current"))}>{ link(n) }</li>
                        }) }
                    </ul>
                </div>
            }
            if !explanation.siblings.is_empty() {
                <div class="related" data-testid="decoder-siblings">
                    <h2>{ "Sibling families (same series and generation, other letters)" }</h2>
                    <ul class="chip-list">
                        { for explanation.siblings.iter().map(|(_, target)| html! { <li>{ link(target) }</li> }) }
                    </ul>
                </div>
            }
        </>
    }
}
