//! The Families chart element: the test contract's attributes around a [`ChartCanvas`],
//! with the instance-type tooltip and click-to-pin.

use std::rc::Rc;

use atlas_model::atlas::Atlas;
use atlas_model::chart::families::FamiliesPlot;
use atlas_model::prices::Os;
use atlas_model::text::price_sentence;
use yew::prelude::*;

use crate::widgets::chart_canvas::{ChartCanvas, Hover};
use crate::widgets::tooltip::instance_tooltip;

/// Props of [`FamiliesChart`].
#[derive(Properties, PartialEq)]
pub struct FamiliesChartProps {
    /// The data the plan's indices point into, and the prices the tooltip quotes.
    pub atlas: Atlas,
    /// What to draw.
    pub plot: Rc<FamiliesPlot>,
    /// Called with an instance type's name when its dot is clicked.
    pub on_pin: Callback<String>,
    /// The region and system the tooltip quotes a price for.
    pub region: String,
    /// The operating system the tooltip quotes a price for.
    pub os: Os,
}

/// One line per family through its sizes; hover for specs, click to pin.
#[component]
pub fn FamiliesChart(props: &FamiliesChartProps) -> Html {
    let plot = &props.plot;
    let label = format!(
        "Families chart: {} family lines through {} instance types, {} against {}",
        plot.series_count(),
        plot.point_count(),
        plot.spec.y.label(),
        plot.spec.x.label()
    );
    let tooltip = {
        let (atlas, plot) = (props.atlas.clone(), plot.clone());
        let (region, os) = (props.region.clone(), props.os);
        Callback::from(move |hover: Hover| {
            let sizes = plot.lines.get(hover.line).map_or(0, |l| l.points.len());
            instance_tooltip(&atlas.catalog, &hover, sizes, |t| {
                price_sentence(atlas.prices.table(), &t.name, &region, os)
            })
        })
    };
    let on_pick = {
        let (catalog, on_pin) = (props.atlas.catalog.clone(), props.on_pin.clone());
        Callback::from(move |index: usize| {
            if let Some(instance) = catalog.types.get(index) {
                on_pin.emit(instance.name.clone());
            }
        })
    };
    let empty = (plot.point_count() == 0)
        .then_some(AttrValue::from("No instance type matches the filters."));
    html! {
        <figure class="chart" data-testid="families-chart"
            data-series={plot.series_count().to_string()}
            data-points={plot.point_count().to_string()}>
            <ChartCanvas<FamiliesPlot> plan={plot.clone()} label={label} {tooltip} on_pick={Some(on_pick)} {empty} />
        </figure>
    }
}
