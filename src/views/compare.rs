//! The Compare view: the pinned instance types side by side, differences highlighted,
//! ratios of vCPU and memory against the first.

use atlas_model::chart::axis::format_usd;
use atlas_model::compare::{compare, hidden_by_filters, price_rows, CompareRow, PriceRow};
use atlas_model::prices::{flags, Pricing};
use atlas_model::regions::region_name;
use atlas_model::state::{Action, MAX_PINNED};
use atlas_model::suggest::suggest;
use atlas_model::table::Column;
use atlas_model::text::ratio_text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::views::ViewProps;

/// Columns that show a ratio against the first pinned type.
const RATIO_COLUMNS: [Column; 3] = [Column::Vcpu, Column::Memory, Column::Gpus];

/// The pinned types side by side.
#[component]
pub fn CompareView(props: &ViewProps) -> Html {
    let comparison = use_memo(
        (props.atlas.clone(), props.state.pinned.clone()),
        |(atlas, pinned)| compare(&atlas.catalog, pinned),
    );
    let state = &props.state;
    let hidden = use_memo(
        (
            props.atlas.clone(),
            comparison.clone(),
            state.filter.clone(),
            state.region.clone(),
        ),
        |(atlas, comparison, filter, region)| {
            hidden_by_filters(comparison, &atlas.shown(filter, region))
        },
    );
    // Prices, and the anomalies to flag, for the pinned types in the chosen region.
    let priced = use_memo(
        (
            props.atlas.clone(),
            comparison.clone(),
            state.region.clone(),
            state.os,
            state.include_suspect,
        ),
        |(atlas, comparison, region, os, include_suspect)| {
            let catalog = &atlas.catalog;
            let table = atlas.prices.table().map_err(|e| e.to_string())?;
            let pricing = Pricing::new(table, region, *os).including_suspect(*include_suspect);
            let anomalies = flags(table, catalog, region, *os);
            let notes: Vec<Vec<String>> = comparison
                .found
                .iter()
                .map(|i| {
                    i.and_then(|i| anomalies.get(&i))
                        .map(|why| vec![why.describe()])
                        .unwrap_or_default()
                })
                .collect();
            Ok::<_, String>((price_rows(catalog, comparison, &pricing), notes))
        },
    );
    let dispatch = &props.dispatch;

    let only_differences = state.differences_only;
    let toggle_differences =
        dispatch.reform(move |_: Event| Action::SetDifferencesOnly(!only_differences));
    let heading = |index: usize, name: &String| {
        let unpin = dispatch.reform({
            let name = name.clone();
            move |_: MouseEvent| Action::Unpin(name.clone())
        });
        let missing = comparison.found.get(index).is_some_and(Option::is_none);
        let filtered = hidden.get(index).copied().unwrap_or(false);
        html! {
            <th scope="col" data-testid="compare-column" class={classes!(missing.then_some("missing"))}>
                <span class="compare-name">{ name }</span>
                if missing { <span class="notice">{ "not in the data shown" }</span> }
                if filtered {
                    <span class="notice" data-testid="compare-filtered">{ "hidden elsewhere by the shared filters" }</span>
                }
                <button type="button" class="unpin" aria-label={format!("Unpin {name}")} onclick={unpin}>{ "×" }</button>
            </th>
        }
    };
    let row = |row: &CompareRow| {
        if only_differences && !row.differs {
            return html! {};
        }
        let ratio = |i: usize| -> Html {
            if i == 0 || !RATIO_COLUMNS.contains(&row.column) {
                return html! {};
            }
            match row.ratios.get(i).copied().flatten() {
                Some(r) => html! { <span class="ratio">{ ratio_text(r) }</span> },
                None => html! {},
            }
        };
        html! {
            <tr class={classes!(row.differs.then_some("differs"))}>
                <th scope="row">{ row.column.label() }</th>
                { for row.cells.iter().enumerate().map(|(i, cell)| html! { <td>{ cell }{ ratio(i) }</td> }) }
            </tr>
        }
    };

    html! {
        <section class="view compare" aria-label="Compare">
            <AddPin catalog={props.atlas.catalog.clone()} pinned={props.state.pinned.len()} dispatch={dispatch.clone()} />
            if comparison.names.is_empty() {
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
                    <table class="compare-table" data-testid="compare-table">
                        <thead><tr><th scope="col">{ "Spec" }</th>
                            { for comparison.names.iter().enumerate().map(|(i, n)| heading(i, n)) }
                        </tr></thead>
                        <tbody>
                            { for comparison.rows.iter().map(row) }
                            { prices_html(&priced, &state.region, only_differences) }
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

/// The price rows, with flagged prices marked; or why there are none.
fn prices_html(
    priced: &Result<(Vec<PriceRow>, Vec<Vec<String>>), String>,
    region: &str,
    only_differences: bool,
) -> Html {
    let (rows, notes) = match priced {
        Ok(priced) => priced,
        Err(error) => {
            return html! { <tr><th scope="row">{ "Price" }</th><td class="error">{ error }</td></tr> }
        }
    };
    let place = region_name(region).unwrap_or(region);
    let row = |row: &PriceRow| {
        let differs = row.values.windows(2).any(|pair| pair[0] != pair[1]);
        if only_differences && !differs {
            return html! {};
        }
        let cell = |(i, value): (usize, &Option<f64>)| {
            let flagged = notes.get(i).filter(|n| !n.is_empty());
            let ratio = row.ratios.get(i).copied().flatten().filter(|_| i > 0);
            html! {
                <td class={classes!(flagged.is_some().then_some("flagged"))}
                    title={flagged.map(|n| format!("Suspect price: {}", n.join("; ")))}>
                    { match (value, flagged) {
                        (Some(usd), _) => format_usd(*usd),
                        (None, Some(_)) => "suspect price".to_owned(),
                        (None, None) => format!("no price in {place}"),
                    } }
                    if flagged.is_some() { <span class="flag" aria-label="price flagged">{ " ⚠" }</span> }
                    if let Some(r) = ratio { <span class="ratio">{ ratio_text(r) }</span> }
                </td>
            }
        };
        html! {
            <tr class={classes!("price-row", differs.then_some("differs"))} data-testid="compare-price">
                <th scope="row">{ row.metric.label() }</th>
                { for row.values.iter().enumerate().map(cell) }
            </tr>
        }
    };
    html! { <>{ for rows.iter().map(row) }</> }
}
