//! The Families chart element: the test contract's attributes around a [`ChartCanvas`],
//! with the instance-type tooltip, click (or Enter) to pin, pin buttons on a tap, a box
//! to zoom and a double-click back, and Save SVG / PNG.

use std::rc::Rc;

use atlas_model::atlas::Atlas;
use atlas_model::prices::Os;
use atlas_model::screen::families::FamiliesScreen;
use atlas_model::settings::ZoomChart;
use atlas_model::state::Action;
use atlas_model::text::price_sentence;
use yew::prelude::*;

use crate::views::axis_controls::{reset_zoom, zoom_to_box};
use crate::widgets::chart_canvas::{ChartCanvas, Hover};
use crate::widgets::tooltip::instance_tooltip;

/// Props of [`FamiliesChart`].
#[derive(Properties, PartialEq)]
pub struct FamiliesChartProps {
    /// The data the plan's indices point into, and the prices the tooltip quotes.
    pub atlas: Atlas,
    /// What the view draws.
    pub screen: Rc<FamiliesScreen>,
    /// Where pins and zooms go.
    pub dispatch: Callback<Action>,
    /// The pinned types (the tooltip's buttons say Pin or Unpin).
    pub pinned: Vec<String>,
    /// The region and system the tooltip quotes a price for.
    pub region: String,
    /// The operating system the tooltip quotes a price for.
    pub os: Os,
    /// Controls shown right under the chart (the ranges and resets).
    #[prop_or_default]
    pub tools: Html,
}

/// One line per family through its sizes; hover for specs, click to pin, drag to zoom.
#[component]
pub fn FamiliesChart(props: &FamiliesChartProps) -> Html {
    let screen = &props.screen;
    let plot = &screen.plot;
    let on_pin = props.dispatch.reform(Action::TogglePin);
    let tooltip = {
        let (atlas, plot) = (props.atlas.clone(), plot.clone());
        let (region, os) = (props.region.clone(), props.os);
        let (pinned, on_pin) = (props.pinned.clone(), on_pin.clone());
        Callback::from(move |hover: Hover| {
            let sizes = plot.lines.get(hover.line).map_or(0, |l| l.points.len());
            instance_tooltip(
                &atlas.catalog,
                &hover,
                sizes,
                |t| price_sentence(atlas.prices.table(), &t.name, &region, os),
                Some((pinned.as_slice(), &on_pin)),
            )
        })
    };
    let on_pick = {
        let (catalog, on_pin) = (props.atlas.catalog.clone(), on_pin.clone());
        Callback::from(move |index: usize| {
            if let Some(instance) = catalog.types.get(index) {
                on_pin.emit(instance.name.clone());
            }
        })
    };
    let on_zoom = zoom_to_box(ZoomChart::Families, plot.spec, props.dispatch.clone());
    let on_reset_zoom = reset_zoom(ZoomChart::Families, &props.dispatch);
    let describe = {
        let screen = screen.clone();
        Callback::from(move |item: usize| screen.describe(item))
    };
    let empty = (plot.point_count() == 0)
        .then_some(AttrValue::from("No instance type matches the filters."));
    html! {
        <figure class="chart" data-testid="families-chart"
            data-series={plot.series_count().to_string()}
            data-points={plot.point_count().to_string()}
            data-zoomed={screen.zoomed.to_string()}>
            <ChartCanvas plan={plot.clone()} label={screen.label.clone()} {tooltip}
                on_pick={Some(on_pick)} {empty} describe={Some(describe)}
                summary={Some(AttrValue::from(screen.summary.clone()))}
                on_zoom={Some(on_zoom)} on_reset_zoom={Some(on_reset_zoom)}
                caption={Some(screen.caption.clone())} file_name="families" tools={props.tools.clone()} />
        </figure>
    }
}
