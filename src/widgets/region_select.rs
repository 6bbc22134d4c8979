//! The region and operating system prices are shown for, and "offered here only".

use atlas_model::prices::Os;
use atlas_model::regions::REGIONS;
use atlas_model::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`RegionSelect`].
#[derive(Properties, PartialEq)]
pub struct RegionSelectProps {
    /// The chosen region code.
    pub region: String,
    /// The chosen operating system.
    pub os: Os,
    /// Whether types without a price in the region are hidden.
    pub offered_only: bool,
    /// Where changes go.
    pub dispatch: Callback<Action>,
}

/// Region menu (names and codes), Linux/Windows, and the "offered here only" box.
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
    let mut regions: Vec<(&str, &str)> = REGIONS.iter().map(|r| (r.code, r.name)).collect();
    regions.sort_by(|a, b| a.1.cmp(b.1));
    html! {
        <div class="region-select">
            <label>
                { "Prices in " }
                <select data-testid="region-select" onchange={on_region} aria-label="Region">
                    { for regions.into_iter().map(|(code, name)| html! {
                        <option value={code.to_owned()} selected={code == props.region}>{ format!("{name} · {code}") }</option>
                    }) }
                </select>
            </label>
            <select data-testid="os-select" onchange={on_os} aria-label="Operating system">
                { for Os::ALL.into_iter().map(|os| html! {
                    <option value={os.slug()} selected={os == props.os}>{ os.label() }</option>
                }) }
            </select>
            <label class="check">
                <input type="checkbox" data-testid="filter-offered" checked={offered_only} onchange={on_offered} />
                { "Offered there only" }
            </label>
        </div>
    }
}
