//! A bar chart of the Capabilities view: the test contract's attributes around a
//! [`ChartCanvas`] drawing a [`BarsPlot`], a one-line tooltip per segment, and a vendor legend.

use std::rc::Rc;

use atlas_model::chart::bars::{BarColour, BarsPlot, VENDORS};
use atlas_model::chart::image::specs_source_line;
use atlas_model::chart::words::bars_words;
use yew::prelude::*;

use crate::browser::use_beside_point;

use crate::views::axis_controls::ShownTable;
use crate::widgets::chart_canvas::{ChartCanvas, Hover};
use crate::widgets::chart_table::ChartTable;

/// Props of [`BarsChart`].
#[derive(Properties, PartialEq)]
pub struct BarsChartProps {
    /// What to draw.
    pub plot: Rc<BarsPlot>,
    /// The figure's `data-testid`, such as `"vendor-chart"`.
    pub testid: AttrValue,
    /// The caption above the chart.
    pub caption: AttrValue,
    /// Whether to show the vendor legend with each vendor's total.
    pub legend: bool,
    /// Whether the table alternative is shown, and how to change it.
    #[prop_or_default]
    pub table: ShownTable,
}

/// Horizontal bars of instance-type counts; hover a segment for its count.
#[component]
pub fn BarsChart(props: &BarsChartProps) -> Html {
    let plot = &props.plot;
    let label = {
        let bars: Vec<String> = (0..plot.rows.len())
            .map(|r| format!("{} {}", plot.rows[r].label, plot.row_total(r)))
            .collect();
        format!("{}: {}", props.caption, bars.join(", "))
    };
    let tooltip = {
        let plot = plot.clone();
        Callback::from(move |hover: Hover| {
            let Some(text) = hover.items.first().and_then(|&i| plot.describe(i)) else {
                return Html::default();
            };
            html! { <BarTooltip {text} x={hover.x} y={hover.y} frame_width={hover.frame_width} /> }
        })
    };
    let words = use_memo(
        (plot.clone(), props.caption.clone(), props.legend),
        |(plot, caption, legend)| {
            let mut words = bars_words(plot, caption, *legend);
            words.caption.source = specs_source_line();
            words
        },
    );
    let describe = {
        let plot = plot.clone();
        Callback::from(move |item: usize| plot.describe(item).unwrap_or_default())
    };
    let empty =
        (plot.total() == 0).then_some(AttrValue::from("No instance type matches the filters."));
    let class = classes!(
        "chart",
        "caps-panel",
        "caps-chart",
        props.testid.to_string()
    );
    html! {
        <figure {class} data-testid={props.testid.clone()}
            data-series={plot.series_count().to_string()}
            data-points={plot.point_count().to_string()}
            data-total={plot.total().to_string()}>
            <figcaption>{ props.caption.clone() }</figcaption>
            <ChartCanvas plan={plot.clone()} {label} {tooltip} {empty}
                describe={Some(describe)} summary={Some(AttrValue::from(words.summary.clone()))}
                caption={Some(words.caption.clone())} file_name={props.testid.clone()} />
            if props.legend {
                { vendor_legend(plot) }
            }
            <ChartTable caption={props.caption.clone()} headings={Rc::new(words.headings.clone())}
                rows={Rc::new(words.rows.clone())} shown={props.table.shown} on_toggle={props.table.on_toggle.clone()} />
        </figure>
    }
}

/// Props of [`BarTooltip`].
#[derive(Properties, PartialEq)]
pub struct BarTooltipProps {
    /// What the hovered segment counts, such as `"Compute optimised · AMD: 37 types"`.
    pub text: String,
    /// The hovered point's position in CSS pixels within the chart frame.
    pub x: f64,
    /// The hovered point's position in CSS pixels within the chart frame.
    pub y: f64,
    /// The frame's width, so the card opens towards the free side.
    pub frame_width: f64,
}

/// A one-line card above the hovered segment.
#[component]
pub fn BarTooltip(props: &BarTooltipProps) -> Html {
    let card = use_node_ref();
    use_beside_point(
        card.clone(),
        props.x,
        props.y,
        props.frame_width,
        10.0,
        34.0,
    );
    html! {
        <div class="tooltip caps-tooltip" role="tooltip" data-testid="tooltip" ref={card}>{ &props.text }</div>
    }
}

/// Each vendor present with its total, in the bars' colours.
fn vendor_legend(plot: &BarsPlot) -> Html {
    let entries = VENDORS.into_iter().filter_map(|vendor| {
        let colour = BarColour::Vendor(vendor);
        let count: usize = plot
            .segments
            .iter()
            .filter(|s| s.colour == colour)
            .map(|s| s.count)
            .sum();
        (count > 0).then(|| {
            html! {
                <li class={classes!("caps-legend-entry", colour.slug())} data-testid={format!("legend-{}", colour.slug())}>
                    <span class="swatch" aria-hidden="true"></span>
                    { vendor.label() }
                    <span class="count">{ count }</span>
                </li>
            }
        })
    });
    html! { <ul class="legend caps-legend" aria-label="Processor vendors">{ for entries }</ul> }
}
