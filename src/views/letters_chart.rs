//! The Letter prices chart: the test contract's attributes around a [`ChartCanvas`] drawing
//! a [`LettersPlot`], a height that follows the number of pairs, a key, and a tooltip per dot
//! with both prices and the ratio.

use std::rc::Rc;

use atlas_model::chart::image::specs_source_line;
use atlas_model::chart::letters::{format_ratio, letter_name, LettersPlot};
use atlas_model::chart::words::{letters_dot, letters_words};
use yew::prelude::*;

use crate::browser::use_beside_point;

use crate::views::axis_controls::{ChartZoom, ShownTable};
use crate::widgets::chart_canvas::{ChartCanvas, Hover};
use crate::widgets::chart_table::ChartTable;

/// Props of [`LettersChart`].
#[derive(Properties, PartialEq)]
pub struct LettersChartProps {
    /// What to draw.
    pub plot: Rc<LettersPlot>,
    /// Where and when the prices come from, for a saved picture (the region and system).
    #[prop_or_default]
    pub source: Option<AttrValue>,
    /// The chart's zoom: a dragged box, a double-click, the range boxes (none: no zoom).
    #[prop_or_default]
    pub zoom: Option<ChartZoom>,
    /// Whether the table alternative is shown, and how to change it.
    #[prop_or_default]
    pub table: ShownTable,
}

/// One row per pair, a dot per size at its price ratio; hover a dot for its prices.
#[component]
pub fn LettersChart(props: &LettersChartProps) -> Html {
    let plot = &props.plot;
    let zoom = props.zoom.clone();
    let figure = use_node_ref();
    {
        // The frame grows with the number of pairs; set through the CSS object model, as a
        // strict Content-Security-Policy forbids style attributes.
        let figure = figure.clone();
        use_effect_with(plot.rows.len(), move |rows| {
            if let Some(style) = figure.cast::<web_sys::HtmlElement>().map(|e| e.style()) {
                let _ = style.set_property("--letters-rows", &rows.max(&1).to_string());
            }
        });
    }
    let caption = format!(
        "{} ({}): price with the letter ÷ price without, per shared size",
        plot.letter,
        letter_name(&plot.letter)
    );
    let label = {
        let rows: Vec<String> = plot
            .rows
            .iter()
            .map(|r| format!("{} median {}", r.label(), format_ratio(r.median)))
            .collect();
        format!("{caption}: {}", rows.join(", "))
    };
    let tooltip = {
        let plot = plot.clone();
        Callback::from(move |hover: Hover| html! { <DotTooltip plot={plot.clone()} {hover} /> })
    };
    let words = use_memo(
        (plot.clone(), caption.clone(), props.source.clone()),
        |(plot, caption, source)| {
            let mut words = letters_words(plot, caption);
            words.caption.source = source
                .as_ref()
                .map_or_else(specs_source_line, |s| s.to_string());
            words
        },
    );
    let describe = {
        let plot = plot.clone();
        Callback::from(move |item: usize| letters_dot(&plot, item))
    };
    let empty = plot.rows.is_empty().then_some(AttrValue::from(
        "No pair of this letter has prices in this region.",
    ));
    html! {
        <figure class="chart letters-panel letters-chart" data-testid="letters-chart" ref={figure}
            data-letter={plot.letter.clone()} data-zoomed={plot.range.is_set().to_string()}
            data-series={plot.series_count().to_string()}
            data-points={plot.point_count().to_string()}>
            <figcaption>{ caption.clone() }</figcaption>
            <ChartCanvas plan={plot.clone()} {label} {tooltip} {empty}
                describe={Some(describe)} summary={Some(AttrValue::from(words.summary.clone()))}
                caption={Some(words.caption.clone())} file_name={format!("letter-prices-{}", plot.letter)}
                on_zoom={zoom.as_ref().map(|z| z.on_zoom.clone())}
                on_reset_zoom={zoom.as_ref().map(|z| z.on_reset_zoom.clone())}
                tools={zoom.map(|z| z.tools).unwrap_or_default()} />
            <ul class="legend letters-key" aria-label="Key">
                <li><span class="letters-dot cheaper" aria-hidden="true"></span>{ "one size, cheaper with the letter" }</li>
                <li><span class="letters-dot dearer" aria-hidden="true"></span>{ "one size, dearer" }</li>
                <li><span class="letters-median-bar" aria-hidden="true"></span>{ "median of the pair" }</li>
            </ul>
            <ChartTable caption={AttrValue::from(caption.clone())} headings={Rc::new(words.headings.clone())}
                rows={Rc::new(words.rows.clone())} shown={props.table.shown} on_toggle={props.table.on_toggle.clone()} />
        </figure>
    }
}

/// Props of [`DotTooltip`].
#[derive(Properties, PartialEq)]
struct DotTooltipProps {
    plot: Rc<LettersPlot>,
    hover: Hover,
}

/// The card beside a hovered dot: pair and size, both prices, the ratio, and any other sizes
/// drawn on the same spot.
#[component]
fn DotTooltip(props: &DotTooltipProps) -> Html {
    let card = use_node_ref();
    use_beside_point(
        card.clone(),
        props.hover.x,
        props.hover.y,
        props.hover.frame_width,
        12.0,
        12.0,
    );
    let items = &props.hover.items;
    let Some(text) = items.first().and_then(|&dot| props.plot.describe(dot)) else {
        return Html::default();
    };
    let also: Vec<String> = items
        .iter()
        .skip(1)
        .filter_map(|&dot| props.plot.dots.get(dot).map(|d| d.size.clone()))
        .collect();
    html! {
        <div class="tooltip letters-tooltip" role="tooltip" data-testid="tooltip" ref={card}>
            <strong>{ text.title }</strong>
            <dl>
                { for text.rows.into_iter().map(|(term, value)| html! { <><dt>{ term }</dt><dd>{ value }</dd></> }) }
            </dl>
            if !also.is_empty() {
                <p class="tooltip-also">{ format!("Same ratio: {}", also.join(", ")) }</p>
            }
        </div>
    }
}
