//! The Letter prices view: what one capability letter costs. For every pair of families that
//! differ in one letter (`m5` and `m5a`, `m6i` and `m6g`), the price ratio of the sizes they
//! share in the chosen region and system: a summary per letter, a chart of the chosen
//! letter's pairs, and a table of them.

use std::rc::Rc;

use atlas_model::chart::letters::{summary_sentence, table_rows, LettersPlot};
use atlas_model::regions::region_name;
use atlas_model::screen::letters::{letter_prices, LetterPricesInput};
use atlas_model::settings::ZoomChart;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::views::axis_controls::{ChartZoom, ShownTable};
use crate::views::letters_chart::LettersChart;
use crate::views::letters_summary::LetterChips;
use crate::views::letters_table::LettersTable;
use crate::views::ViewProps;

/// Summary chips, the chosen letter's sentence, its chart and its table.
#[component]
pub fn LettersView(props: &ViewProps) -> Html {
    let state = &props.state;
    let priced = use_memo(
        (props.atlas.clone(), LetterPricesInput::of(state)),
        |(atlas, input)| letter_prices(atlas, input),
    );
    // The chosen letter lives in the state (and so in the address).
    let chosen = &state.letter;
    let choices = state.letter_table;

    // The chosen letter, or the first one priced here when it has no pair in this region.
    let letter = match priced.as_ref() {
        Ok(data) => data.shown_letter(chosen),
        Err(_) => chosen.clone(),
    };
    let plot = use_memo(
        (priced.clone(), letter.clone(), choices.ratio_range),
        |(priced, letter, range)| match priced.as_ref() {
            Ok(data) => LettersPlot::new(letter, &data.costs).zoomed(*range),
            Err(_) => LettersPlot::default(),
        },
    );
    let rows = use_memo(
        (priced.clone(), letter.clone(), choices),
        |(priced, letter, choices)| match priced.as_ref() {
            Ok(data) => table_rows(
                &data.costs,
                (!choices.every_letter).then_some(letter.as_str()),
                choices.sort,
                choices.descending,
            ),
            Err(_) => Vec::new(),
        },
    );
    let data = match priced.as_ref() {
        Ok(data) => data,
        Err(error) => {
            return html! {
                <section class="view letters" aria-label="Letter prices">
                    <p class="error" role="alert" data-testid="error">
                        { format!("The built-in prices could not be read, so letters cannot be priced: {error}") }
                    </p>
                </section>
            };
        }
    };
    let region = region_name(&state.region)
        .unwrap_or(&state.region)
        .to_owned();

    let on_choose = props.dispatch.reform(Action::SetLetter);
    let on_sort = props.dispatch.reform(Action::SortLetterPairs);
    let on_every_letter = props.dispatch.reform(Action::SetEveryLetter);
    let sentence = data
        .summary
        .iter()
        .find(|c| c.letter == letter)
        .map(|c| summary_sentence(c, &region));
    html! {
        <section class="view letters" aria-label="Letter prices">
            <p class="letters-intro">
                { "The conference write-up says the " }<code>{ "a" }</code>
                { " suffix (AMD) costs about 10% less. Here is every pair of families that differ in one letter, \
                   priced size by size: " }
                <strong data-testid="letters-region">{ format!("{region}, {}", state.os.label()) }</strong>
                { ". A ratio below 1× means the family with the letter is cheaper." }
            </p>
            if let Some(note) = &data.filtered_note {
                <p class="table-note" data-testid="shared-filter-note">
                    { format!("{note} ") }
                    <button type="button" class="link" onclick={props.dispatch.reform(|_: MouseEvent| Action::ShowEveryType)}>
                        { "Show every instance type" }
                    </button>
                </p>
            }
            if data.summary.is_empty() {
                <p class="notice" data-testid="letters-none">
                    { format!("No family pair has prices for both families in {region}.") }
                </p>
            } else {
                <LetterChips summary={Rc::new(data.summary.clone())} chosen={letter.clone()} {on_choose} />
            }
            if let Some(sentence) = sentence {
                <p class="letters-sentence" data-testid="letters-sentence" aria-live="polite">{ sentence }</p>
            }
            <div class="letters-panels">
                <LettersChart {plot} source={Some(AttrValue::from(atlas_model::chart::image::source_line(
                    props.atlas.catalog.types.len(), &state.region, state.os)))}
                    zoom={ChartZoom::new(ZoomChart::Letters, View::Letters, state, &props.dispatch)}
                    table={ShownTable::new(View::Letters, state, &props.dispatch)} />
                <LettersTable {rows} {letter} every_letter={choices.every_letter} sort={(choices.sort, choices.descending)} {on_sort} {on_every_letter} />
            </div>
        </section>
    }
}
