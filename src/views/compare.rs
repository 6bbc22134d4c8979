//! The Compare view: the pinned instance types side by side as [`compare_screen`] lays
//! them out (differences highlighted, ratios against the first, prices in the chosen
//! region with suspect ones marked, no line that is empty for every pinned type).

use atlas_model::screen::compare::{compare_screen, CompareCell, CompareLine};
use atlas_model::state::{Action, MAX_PINNED};
use atlas_model::suggest::suggest;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::views::ViewProps;

/// The pinned types side by side.
#[component]
pub fn CompareView(props: &ViewProps) -> Html {
    let state = &props.state;
    let screen = use_memo(
        (
            props.atlas.clone(),
            state.pinned.clone(),
            state.region.clone(),
            state.os,
            state.include_suspect,
            state.differences_only,
        ),
        {
            let state = state.clone();
            move |(atlas, ..)| compare_screen(atlas, &state)
        },
    );
    let dispatch = &props.dispatch;

    let only_differences = state.differences_only;
    let toggle_differences =
        dispatch.reform(move |_: Event| Action::SetDifferencesOnly(!only_differences));
    let heading = |column: &atlas_model::screen::compare::CompareColumn| {
        let name = column.name.clone();
        let unpin = dispatch.reform({
            let name = name.clone();
            move |_: MouseEvent| Action::Unpin(name.clone())
        });
        html! {
            <th scope="col" data-testid="compare-column" class={classes!(column.missing.then_some("missing"))}>
                <span class="compare-name">{ &name }</span>
                if column.missing { <span class="notice">{ "not in the data shown" }</span> }
                if column.filtered {
                    <span class="notice" data-testid="compare-filtered">{ "hidden elsewhere by the shared filters" }</span>
                }
                <button type="button" class="unpin" aria-label={format!("Unpin {name}")} onclick={unpin}>{ "×" }</button>
            </th>
        }
    };
    let cell = |cell: &CompareCell| {
        let flagged = cell.suspect.is_some();
        html! {
            <td class={classes!(flagged.then_some("flagged"))} title={cell.suspect.clone()}>
                if cell.folded.is_empty() {
                    { cell.text.clone() }
                } else {
                    <details class="compare-fold" data-testid="compare-fold">
                        <summary>{ cell.text.clone() }</summary>
                        <ul class="compare-fold-list">{ for cell.folded.iter().map(|item| html! { <li>{ item }</li> }) }</ul>
                    </details>
                }
                if flagged { <span class="flag" aria-label="price flagged">{ " ⚠" }</span> }
                if let Some(r) = &cell.ratio { <span class="ratio">{ r }</span> }
            </td>
        }
    };
    let line = |line: &CompareLine| {
        html! {
            <tr class={classes!(line.differs.then_some("differs"), line.price.then_some("price-row"))}
                data-testid={if line.price { "compare-price" } else { "compare-spec" }}>
                <th scope="row">{ line.label }</th>
                { for line.cells.iter().map(cell) }
            </tr>
        }
    };

    html! {
        <section class="view compare" aria-label="Compare">
            <AddPin catalog={props.atlas.catalog.clone()} pinned={props.state.pinned.len()} dispatch={dispatch.clone()} />
            if screen.columns.is_empty() {
                <p class="hint">
                    { format!("Pin up to {MAX_PINNED} instance types to compare them here: click a dot in Families, \
                               a cell in Sizes, the pin in Table or in the Decoder, or add one by name above.") }
                </p>
            } else {
                <label class="check">
                    <input type="checkbox" checked={only_differences} onchange={toggle_differences}
                        data-testid="compare-differences" />
                    { "Only rows that differ" }
                </label>
                <div class="table-scroll">
                    // The class tells the phone layout how many columns of values a line has.
                    <table class={classes!("compare-table", format!("types-{}", screen.columns.len()))} data-testid="compare-table">
                        <thead><tr><th scope="col">{ "Spec" }</th>
                            { for screen.columns.iter().map(heading) }
                        </tr></thead>
                        <tbody>
                            { for screen.lines.iter().map(line) }
                            if let Some(error) = &screen.price_error {
                                <tr><th scope="row">{ "Price" }</th><td class="error">{ error }</td></tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// Props of [`AddPin`].
#[derive(Properties, PartialEq)]
struct AddPinProps {
    catalog: std::rc::Rc<atlas_model::catalog::Catalog>,
    pinned: usize,
    dispatch: Callback<Action>,
}

/// Pins a type by name; an unknown name gets suggestions.
#[component]
fn AddPin(props: &AddPinProps) -> Html {
    let text = use_state(String::new);
    let message = use_state(|| None::<Html>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(
                e.target_dyn_into::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
            )
        })
    };
    let onsubmit = {
        let (text, message, catalog, dispatch) = (
            text.clone(),
            message.clone(),
            props.catalog.clone(),
            props.dispatch.clone(),
        );
        let full = props.pinned >= MAX_PINNED;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = text.trim().to_ascii_lowercase();
            if full {
                message.set(Some(html! { { format!("{MAX_PINNED} types are pinned already; unpin one first.") } }));
            } else if catalog.get(&name).is_some() {
                dispatch.emit(Action::Pin(name));
                text.set(String::new());
                message.set(None);
            } else {
                let close = suggest(&name, catalog.types.iter().map(|t| t.name.as_str()), 3);
                let pick = |s: &String| {
                    let name = s.clone();
                    let onclick = dispatch.reform(move |_: MouseEvent| Action::Pin(name.clone()));
                    html! { <button type="button" class="name-link" {onclick}>{ s }</button> }
                };
                message.set(Some(html! {
                    <>
                        { format!("No instance type called \"{name}\" in the data. ") }
                        if !close.is_empty() { { "Did you mean " }{ for close.iter().map(pick) }{ "?" } }
                    </>
                }));
            }
        })
    };
    html! {
        <form class="add-pin" {onsubmit}>
            <label>
                { "Add by name " }
                <input type="text" value={(*text).clone()} {oninput} placeholder="m7g.large" data-testid="compare-add"
                    autocomplete="off" spellcheck="false" maxlength="80" />
            </label>
            <button type="submit">{ "Pin" }</button>
            if let Some(m) = (*message).clone() { <p class="notice" role="status">{ m }</p> }
        </form>
    }
}
