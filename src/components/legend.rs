//! The chart legend: one entry per category, each a toggle.

use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::state::Action;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The current filters (which categories are on).
    pub filter: Filter,
    /// Where toggles go.
    pub dispatch: Callback<Action>,
}

/// Category colours; clicking an entry toggles that category, double-clicking shows it alone.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let entry = |category: Category| {
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::ToggleCategory(category));
        let ondblclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::OnlyCategory(category));
        let shown = props.filter.shows_category(category);
        html! {
            <li>
                <button type="button" class={classes!("legend-entry", format!("cat-{}", category.slug()), (!shown).then_some("off"))}
                    aria-pressed={shown.to_string()} data-testid={format!("legend-{}", category.slug())}
                    title="Click to toggle, double-click to show only this category"
                    {onclick} {ondblclick}>
                    <span class="swatch" aria-hidden="true"></span>
                    { category.label() }
                </button>
            </li>
        }
    };
    html! {
        <ul class="legend" aria-label="Categories">
            { for Category::ALL.into_iter().map(entry) }
        </ul>
    }
}
