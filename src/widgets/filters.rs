//! The filter panel: category and series checkboxes, each with "All", current generation,
//! and the capability chosen in Capabilities (unticking it shows every family again); and the
//! Families view's sidebar that holds it, which on a phone folds into a "Filters" button above
//! the chart that opens the panel over it.

use std::rc::Rc;

use atlas_model::family::{series_of, Family};
use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::name::series_meaning;
use atlas_model::screen::sizes::filters_label;
use atlas_model::state::Action;
use yew::prelude::*;

use crate::widgets::escape::escape_closes;

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// Every family of the data, for the series list and counts.
    pub families: Rc<Vec<Family>>,
    /// The current filters.
    pub filter: Filter,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// Category and series checkboxes, as in the Tableau view, plus "current generation only".
#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let filter = &props.filter;
    let series = series_of(&props.families);
    let dispatch = &props.dispatch;

    let all_categories = filter.hidden_categories.is_empty();
    let toggle_all_categories = dispatch.reform(move |_: Event| {
        if all_categories {
            Action::HideAllCategories
        } else {
            Action::ShowAllCategories
        }
    });
    let all_series = filter.hidden_series.is_empty();
    let every_series = series.clone();
    let toggle_all_series = dispatch.reform(move |_: Event| {
        if all_series {
            Action::HideSeries(every_series.clone())
        } else {
            Action::ShowAllSeries
        }
    });
    let current_only = filter.current_only;
    let toggle_current = dispatch.reform(move |_: Event| Action::SetCurrentOnly(!current_only));

    let category_box = |category: Category| {
        let families = props
            .families
            .iter()
            .filter(|f| f.category == category)
            .count();
        let onchange = dispatch.reform(move |_: Event| Action::ToggleCategory(category));
        html! {
            <label class={classes!("check", format!("cat-{}", category.slug()))}>
                <input type="checkbox" data-testid={format!("filter-category-{}", category.slug())}
                    checked={filter.shows_category(category)} {onchange} />
                <span class="swatch" aria-hidden="true"></span>
                { category.label() }
                <span class="count">{ families }</span>
            </label>
        }
    };
    let series_box = |letters: &String| {
        let onchange = {
            let letters = letters.clone();
            dispatch.reform(move |_: Event| Action::ToggleSeries(letters.clone()))
        };
        html! {
            <label class="check chip" title={series_meaning(letters).unwrap_or("")}>
                <input type="checkbox" data-testid={format!("filter-series-{letters}")}
                    checked={filter.shows_series(letters)} {onchange} />
                { letters }
            </label>
        }
    };

    html! {
        <div class="filters">
            <fieldset>
                <legend>{ "Category" }</legend>
                <label class="check">
                    <input type="checkbox" data-testid="filter-category-all" checked={all_categories}
                        onchange={toggle_all_categories} />
                    { "All" }
                </label>
                { for Category::ALL.into_iter().map(category_box) }
            </fieldset>
            <fieldset>
                <legend>{ "Series" }</legend>
                <div class="chips">
                    <label class="check chip">
                        <input type="checkbox" data-testid="filter-series-all" checked={all_series}
                            onchange={toggle_all_series} />
                        { "All" }
                    </label>
                    { for series.iter().map(series_box) }
                </div>
            </fieldset>
            <label class="check">
                <input type="checkbox" data-testid="filter-current" checked={current_only}
                    onchange={toggle_current} />
                { "Current generation only" }
            </label>
            if let Some(feature) = filter.feature {
                <label class="check">
                    <input type="checkbox" data-testid="filter-feature" checked={true}
                        onchange={dispatch.reform(|_: Event| Action::SetFeature(None))} />
                    { format!("Only families with {}", feature.label()) }
                </label>
            }
        </div>
    }
}

/// The Families view's sidebar: the [`Filters`] in a column beside the chart on a wide
/// screen; on a phone a "Filters" button (with how many are set) above the chart, which
/// opens the panel over the chart and closes again with Escape or "Done".
#[component]
pub fn FilterSidebar(props: &FiltersProps) -> Html {
    let open = use_state(|| false);
    let opener = use_node_ref();
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let onkeydown = escape_closes(*open, close.clone(), opener.clone());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let done = {
        let opener = opener.clone();
        Callback::from(move |_: MouseEvent| {
            close.emit(());
            if let Some(button) = opener.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    html! {
        <aside class={classes!("sidebar", open.then_some("open"))} aria-label="Filters" {onkeydown}>
            <button type="button" class="filters-toggle" data-testid="filters-toggle" ref={opener}
                aria-expanded={open.to_string()} aria-controls="families-filters" onclick={toggle}>
                { filters_label(&props.filter) }
            </button>
            <div class="filters-body" id="families-filters">
                <Filters families={props.families.clone()} filter={props.filter.clone()}
                    dispatch={props.dispatch.clone()} />
                <button type="button" class="pin filters-done" onclick={done}>{ "Done" }</button>
            </div>
        </aside>
    }
}
