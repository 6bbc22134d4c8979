//! The chart legend: one toggle per category, or the key of the other colourings
//! (vendor swatches, the generation ramp, the price ramp with its range).

use atlas_model::filter::Filter;
use atlas_model::instance::Category;
use atlas_model::instance::Vendor;
use atlas_model::settings::ColourBy;
use atlas_model::state::Action;
use atlas_model::text::format_usd;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The current filters (which categories are on).
    pub filter: Filter,
    /// Where toggles go.
    pub dispatch: Callback<Action>,
    /// What the chart is coloured by.
    pub colour: ColourBy,
    /// The cheapest and dearest price on the chart, when coloured by a price.
    pub price_span: Option<(f64, f64)>,
}

/// Category colours; clicking an entry toggles that category, double-clicking shows it alone.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    match props.colour {
        ColourBy::Category => {}
        ColourBy::Vendor => return vendor_key(),
        ColourBy::Generation => return ramp_key("generation 1", "generation 8+", "Generation"),
        ColourBy::Price(_) => {
            return match props.price_span {
                Some((low, high)) => {
                    ramp_key(&format_usd(low), &format_usd(high), "Price, log scale")
                }
                None => {
                    html! { <p class="legend-note" data-testid="legend-price">{ "No prices known for the types shown here." }</p> }
                }
            };
        }
    }
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

/// Vendor swatches.
fn vendor_key() -> Html {
    let entry = |(vendor, class): (Vendor, &str)| {
        html! {
            <li class={classes!("legend-key", class.to_owned())}><span class="swatch" aria-hidden="true"></span>{ vendor.label() }</li>
        }
    };
    let vendors = [
        (Vendor::Intel, "vendor-intel"),
        (Vendor::Amd, "vendor-amd"),
        (Vendor::Graviton, "vendor-graviton"),
        (Vendor::Other, "vendor-other"),
    ];
    html! { <ul class="legend" aria-label="Processor vendors" data-testid="legend-vendor">{ for vendors.into_iter().map(entry) }</ul> }
}

/// A colour ramp from `low` to `high`.
fn ramp_key(low: &str, high: &str, title: &str) -> Html {
    html! {
        <p class="legend ramp-key" data-testid="legend-ramp">
            <span class="legend-title">{ title }</span>
            <span>{ low }</span><span class="ramp" aria-hidden="true"></span><span>{ high }</span>
        </p>
    }
}
