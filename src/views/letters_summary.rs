//! The Letter prices summary: one chip per capability letter with its median ratio and the
//! number of pairs behind it; pressing a chip shows that letter's pairs.

use std::rc::Rc;

use atlas_model::chart::letters::{change_phrase, format_ratio, letter_name};
use atlas_model::letter_cost::LetterCost;
use yew::prelude::*;

/// Props of [`LetterChips`].
#[derive(Properties, PartialEq)]
pub struct LetterChipsProps {
    /// One entry per letter priced in the region, in chip order.
    pub summary: Rc<Vec<LetterCost>>,
    /// The letter shown in the chart and table.
    pub chosen: String,
    /// Called with a chip's letter when it is pressed.
    pub on_choose: Callback<String>,
}

/// A row of toggle buttons, one per letter: `a AMD 0.90× 13 pairs`.
#[component]
pub fn LetterChips(props: &LetterChipsProps) -> Html {
    let chips = props.summary.iter().map(|cost| {
        let letter = cost.letter.clone();
        let pressed = letter == props.chosen;
        let onclick = props.on_choose.reform({
            let letter = letter.clone();
            move |_: MouseEvent| letter.clone()
        });
        let side = if cost.median > 1.0 { "dearer" } else { "cheaper" };
        let pairs = if cost.pairs == 1 { "1 pair".to_owned() } else { format!("{} pairs", cost.pairs) };
        let title = format!("{}: {}", letter_name(&letter), change_phrase(cost.median));
        html! {
            <li>
                <button type="button" class={classes!("letter-chip", side, pressed.then_some("chosen"))}
                    aria-pressed={pressed.to_string()} data-testid={format!("letter-{letter}")}
                    data-letter={letter.clone()} data-median={atlas_model::decimal::fixed(cost.median, 4)} {title} {onclick}>
                    <code class="letter-code">{ &letter }</code>
                    <span class="letter-name">{ letter_name(&letter) }</span>
                    <span class="letter-ratio" data-testid="letter-ratio">{ format_ratio(cost.median) }</span>
                    <span class="letter-pairs">{ pairs }</span>
                </button>
            </li>
        }
    });
    html! {
        <ul class="letters-chips" data-testid="letters-summary" aria-label="What each letter costs: the median price ratio over its pairs">
            { for chips }
        </ul>
    }
}
