//! The Decoder view: any instance type name taken apart and explained, with its specs when
//! the data knows it, its neighbouring sizes, sibling families and "did you mean".

use atlas_model::availability;
use atlas_model::decoder::{explain, Explanation};
use atlas_model::instance::InstanceType;
use atlas_model::state::Action;
use atlas_model::table::Column;
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

/// Specs listed for a known type (the API-only ones when they have a value).
const SPECS: [Column; 17] = [
    Column::Category,
    Column::Vcpu,
    Column::Memory,
    Column::Processor,
    Column::Clock,
    Column::Architecture,
    Column::Network,
    Column::Storage,
    Column::Gpus,
    Column::GpuMemory,
    Column::GpuModel,
    Column::GpuFraction,
    Column::Accelerators,
    Column::NetworkGbps,
    Column::Ebs,
    Column::EbsBaseline,
    Column::CurrentGeneration,
];

/// Type a name, read what each part means.
#[component]
pub fn DecoderView(props: &ViewProps) -> Html {
    let input = props.state.decoder.clone();
    let explanation = use_memo((props.atlas.clone(), input.clone()), |(atlas, input)| {
        explain(input, &atlas.catalog, &atlas.families)
    });
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

    let output = if input.trim().is_empty() {
        html! {
            <p class="hint">
                { "Type any instance type name, for example " }
                { for EXAMPLES.iter().map(|n| html! { <>{ link(n) }{ " " }</> }) }
            </p>
        }
    } else {
        let known = explanation
            .known
            .and_then(|i| props.atlas.catalog.types.get(i));
        let pinned = known.is_some_and(|t| props.state.pinned.contains(&t.name));
        html! {
            <>
                { parts(&explanation) }
                { suggestions(&explanation, &link) }
                if let Some(instance) = known {
                    { specs(instance, pinned, dispatch.reform({
                        let name = instance.name.clone();
                        move |_: MouseEvent| Action::TogglePin(name.clone())
                    })) }
                } else if explanation.decoded.as_ref().is_ok_and(|d| d.unknown_letters.is_empty()) {
                    <p class="notice">{ "This name reads correctly, but the data shown has no such instance type." }</p>
                } else if explanation.decoded.is_ok() {
                    <p class="notice">{ "The data shown has no such instance type." }</p>
                }
                { related(&explanation, &input, &link) }
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

/// The specs of a type the data knows, with a pin toggle.
fn specs(instance: &InstanceType, pinned: bool, on_pin: Callback<MouseEvent>) -> Html {
    html! {
        <div class="decoder-specs">
            <h2>
                { format!("{} in the data", instance.name) }
                <button type="button" class="pin" aria-pressed={pinned.to_string()} data-testid="decoder-pin" onclick={on_pin}>
                    { if pinned { "Unpin" } else { "Pin to compare" } }
                </button>
            </h2>
            <dl class="spec-list">
                { for SPECS.iter().map(|c| (c, c.text(instance))).filter(|(_, text)| !text.is_empty()).map(|(c, text)| html! {
                    <><dt>{ c.label() }</dt><dd>{ text }</dd></>
                }) }
            </dl>
            <p class="offered" data-testid="decoder-offered">
                { availability::describe(instance) }
                if !availability::regions(instance).is_empty() {
                    { ": " }{ availability::regions(instance).join(", ") }
                }
            </p>
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
