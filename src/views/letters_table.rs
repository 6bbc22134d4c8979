//! The Letter prices table: one row per family pair with its kind, the sizes compared, the
//! median ratio and the range; sortable by pair or median; pairs without prices in the
//! region say so.

use std::rc::Rc;

use atlas_model::chart::letters::{change_phrase, format_ratio, PairLine};

use atlas_model::letter_cost::PairKind;
use atlas_model::settings::PairSort;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`LettersTable`].
#[derive(Properties, PartialEq)]
pub struct LettersTableProps {
    /// The rows, already sorted.
    pub rows: Rc<Vec<PairLine>>,
    /// The chosen letter (the rows are its pairs unless `every_letter`).
    pub letter: String,
    /// Whether the rows are every letter's pairs.
    pub every_letter: bool,
    /// The sort column and whether it runs downwards.
    pub sort: (PairSort, bool),
    /// Called with a column when its heading is pressed.
    pub on_sort: Callback<PairSort>,
    /// Called when "every letter" is ticked or unticked.
    pub on_every_letter: Callback<bool>,
}

/// The pairs as a table that scrolls sideways inside its own box on a phone.
#[component]
pub fn LettersTable(props: &LettersTableProps) -> Html {
    let heading = |column: PairSort, text: &str| {
        let (current, descending) = props.sort;
        let on = current == column;
        let aria = match (on, descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let arrow = match (on, descending) {
            (true, true) => "▼",
            _ => "▲",
        };
        let onclick = props.on_sort.reform(move |_: MouseEvent| column);
        let testid = match column {
            PairSort::Pair => "letters-sort-pair",
            PairSort::Median => "letters-sort-median",
        };
        let numeric = (column == PairSort::Median).then_some("numeric");
        html! {
            <th scope="col" aria-sort={aria} class={classes!(numeric)}>
                <button type="button" class="sort" data-testid={testid} {onclick}>
                    { text }<span class={classes!("sort-arrow", on.then_some("active"))} aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let on_every = props.on_every_letter.reform(|e: Event| {
        e.target_dyn_into::<HtmlInputElement>()
            .is_some_and(|i| i.checked())
    });
    let every = props.every_letter;
    let title = if every {
        "Every pair".to_owned()
    } else {
        format!("Pairs for the letter {}", props.letter)
    };
    html! {
        <div class={classes!("letters-panel", "letters-table-panel", every.then_some("every"))}>
            <div class="letters-table-head">
                <h2>{ title }</h2>
                <label class="check">
                    <input type="checkbox" data-testid="letters-every" checked={every} onchange={on_every} />
                    { "Every letter" }
                </label>
            </div>
            <div class="letters-table-scroll" tabindex="0" role="region" aria-label="Family pairs and their price ratios">
                <table class="letters-table" data-testid="letters-table">
                    <thead>
                        <tr>
                            { heading(PairSort::Pair, "Base") }
                            <th scope="col">{ "Variant" }</th>
                            if every { <th scope="col">{ "Letter" }</th> }
                            <th scope="col">{ "Kind" }</th>
                            <th scope="col" class="numeric">{ "Sizes" }</th>
                            { heading(PairSort::Median, "Median") }
                            <th scope="col" class="numeric">{ "Min – max" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().map(|row| pair_row(row, every)) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One pair's row.
fn pair_row(row: &PairLine, every: bool) -> Html {
    let (kind, kind_title) = match row.kind {
        PairKind::Added => (
            "added letter",
            format!("{} adds the letter {}", row.variant, row.letter),
        ),
        PairKind::VendorSwap => (
            "vendor swap",
            format!(
                "{} has {} where {} has Intel's i",
                row.variant, row.letter, row.base
            ),
        ),
    };
    let median = row.median.map(|m| {
        let side = if m > 1.0 { "dearer" } else { "cheaper" };
        html! {
            <td class={classes!("numeric", "letters-median", side)}>
                <strong>{ format_ratio(m) }</strong>
                <span class="letters-change">{ change_phrase(m) }</span>
            </td>
        }
    });
    let range = row.range.map(|(lo, hi)| {
        let text = if format_ratio(lo) == format_ratio(hi) {
            format_ratio(lo)
        } else {
            format!("{} – {}", format_ratio(lo), format_ratio(hi))
        };
        html! { <td class="numeric">{ text }</td> }
    });
    html! {
        <tr data-testid="letters-row" data-pair={format!("{}>{}", row.base, row.variant)}
            data-letter={row.letter.clone()}
            data-median={row.median.map(|m| atlas_model::decimal::fixed(m, 4)).unwrap_or_default()}
            class={classes!(row.median.is_none().then_some("unpriced"))}>
            <td class="letters-family">{ &row.base }</td>
            <td class="letters-family">{ &row.variant }</td>
            if every { <td class="letters-family">{ &row.letter }</td> }
            <td title={kind_title}>{ kind }</td>
            <td class="numeric">{ row.sizes }</td>
            if let (Some(median), Some(range)) = (median, range) {
                { median }{ range }
            } else {
                <td colspan="2" class="letters-unpriced" data-testid="letters-unpriced">{ "no prices here" }</td>
            }
        </tr>
    }
}
