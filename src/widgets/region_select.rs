//! The region and operating system prices are shown for, and "offered here only".

use atlas_model::prices::Os;
use atlas_model::regions::{region_groups, RegionChoice};
use atlas_model::state::Action;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`RegionSelect`].
#[derive(Properties, PartialEq)]
pub struct RegionSelectProps {
    /// The chosen region code.
    pub region: String,
    /// The regions to choose from, with how many types each offers.
    pub menu: Rc<Vec<RegionChoice>>,
    /// The chosen operating system.
    pub os: Os,
    /// Whether types without a price in the region are hidden.
    pub offered_only: bool,
    /// Whether suspect prices count in medians, ratios, metrics and colour ramps.
    pub include_suspect: bool,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// Region menu (grouped by area: places, codes and how many types each offers), the operating system, and the "offered here only" box.
#[component]
pub fn RegionSelect(props: &RegionSelectProps) -> Html {
    let on_region = props.dispatch.reform(|e: Event| {
        Action::SetRegion(
            e.target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        )
    });
    let on_os = props.dispatch.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SetOs(Os::from_slug(&value).unwrap_or(Os::Linux))
    });
    let offered_only = props.offered_only;
    let on_offered = props
        .dispatch
        .reform(move |_: Event| Action::SetOfferedOnly(!offered_only));
    let include_suspect = props.include_suspect;
    let on_suspect = props
        .dispatch
        .reform(move |_: Event| Action::SetIncludeSuspect(!include_suspect));
    let chosen = props.menu.iter().find(|c| c.region.code == props.region);
    let note = match chosen {
        Some(RegionChoice {
            offered: Some(n), ..
        }) => format!("{n} types offered there"),
        _ => "offerings unknown".to_owned(),
    };
    html! {
        <div class="region-select">
            <label>
                { "Prices in " }
                <select data-testid="region-select" onchange={on_region} aria-label="Region"
                    title={chosen.map(RegionChoice::description)}>
                    { for region_groups(&props.menu).into_iter().map(|group| html! {
                        <optgroup label={group.area}>
                            { for group.choices.iter().map(|choice| html! {
                                <option value={choice.region.code} selected={choice.region.code == props.region}
                                    title={choice.description()}>{ choice.label() }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </label>
            <span class="region-offered" data-testid="region-offered">{ note }</span>
            <select data-testid="os-select" onchange={on_os} aria-label="Operating system">
                { for Os::ALL.into_iter().map(|os| html! {
                    <option value={os.slug()} selected={os == props.os}>{ os.label() }</option>
                }) }
            </select>
            <label class="check">
                <input type="checkbox" data-testid="filter-offered" checked={offered_only} onchange={on_offered} />
                { "Offered there only" }
            </label>
            <label class="check" title="Suspect prices stay marked; when included they count in medians, ratios, price metrics and colour ramps">
                <input type="checkbox" data-testid="include-suspect" checked={include_suspect} onchange={on_suspect} />
                { "Include suspect prices" }
            </label>
        </div>
    }
}
