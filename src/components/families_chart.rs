//! The Families chart element: the test contract's attributes around a [`ChartCanvas`],
//! with the instance-type tooltip and click-to-pin.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::chart::families::FamiliesPlot;
use yew::prelude::*;

use crate::components::chart_canvas::{ChartCanvas, Hover};
use crate::components::tooltip::Tooltip;

/// Props of [`FamiliesChart`].
#[derive(Properties, PartialEq)]
pub struct FamiliesChartProps {
    /// The catalog the plan's indices point into.
    pub catalog: Rc<Catalog>,
    /// What to draw.
    pub plot: Rc<FamiliesPlot>,
    /// Called with an instance type's name when its dot is clicked.
    pub on_pin: Callback<String>,
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
        let (catalog, plot) = (props.catalog.clone(), plot.clone());
        Callback::from(move |hover: Hover| {
            let Some(instance) = hover
                .items
                .first()
                .and_then(|&i| catalog.types.get(i))
                .cloned()
            else {
                return Html::default();
            };
            let same_spot: Vec<String> = hover.items[1..]
                .iter()
                .filter_map(|&i| catalog.types.get(i).map(|t| t.name.clone()))
                .collect();
            let sizes = plot.lines.get(hover.line).map_or(0, |l| l.points.len());
            html! { <Tooltip {instance} {same_spot} {sizes} x={hover.x} y={hover.y} frame_width={hover.frame_width} /> }
        })
    };
    let on_pick = {
        let (catalog, on_pin) = (props.catalog.clone(), props.on_pin.clone());
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
