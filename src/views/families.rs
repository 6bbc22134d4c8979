//! The Families view: filters, axis controls, the chart and its legend, all rendered from
//! the one Families screen the model derives (the chart first, the rest once the page is
//! complete).

use std::rc::Rc;

use atlas_model::chart::image::source_line;
use atlas_model::screen::families::families_screen;
use atlas_model::screen::ranges::range_boxes;
use atlas_model::settings::ZoomChart;
use atlas_model::state::{Action, View};
use yew::prelude::*;

use crate::views::axis_controls::{AxisControls, RangeControls};
use crate::views::families_chart::FamiliesChart;
use crate::views::legend::Legend;
use crate::views::ViewProps;
use crate::widgets::chart_table::{ChartTable, LazyRows};
use crate::widgets::filters::FilterSidebar;
use crate::{use_page_complete, EMBED_PAGE};

/// vCPU against memory (or any two metrics), one line per family, coloured by category.
#[component]
pub fn FamiliesView(props: &ViewProps) -> Html {
    let state = &props.state;
    // Keyed on the whole state, so whatever the screen function reads is in its key; the
    // canvas repaints only when the plan it gets differs. The table alternative's rows are
    // formatted only when a person opens it.
    let derived = use_memo((props.atlas.clone(), state.clone()), |(atlas, state)| {
        let mut screen = families_screen(atlas, state);
        screen.caption.source = source_line(atlas.catalog.types.len(), &state.region, state.os);
        let screen = Rc::new(screen);
        let rows = {
            let screen = screen.clone();
            LazyRows::new(move || {
                Rc::new(
                    screen
                        .rows()
                        .iter()
                        .map(|r| vec![r.family.clone(), r.name.clone(), r.x.clone(), r.y.clone()])
                        .collect(),
                )
            })
        };
        (screen, rows)
    });
    let (screen, table_rows) = (derived.0.clone(), derived.1.clone());
    let headings = Rc::new(screen.headings.to_vec());
    // The first render builds the chart alone; the filters, ranges, legend and table follow
    // in the next task (`PageComplete`), the filters' column held by a placeholder meanwhile.
    let complete = use_page_complete();
    let tools = match EMBED_PAGE || !complete {
        true => html! {},
        false => {
            html! { <RangeControls chart={ZoomChart::Families} view={View::Families}
            boxes={range_boxes(state, ZoomChart::Families)} dispatch={props.dispatch.clone()} /> }
        }
    };
    html! {
        <section class="view families" aria-label="Families">
            // Embed mode hides the filters, axis controls, ranges and table alternative; the
            // embed page leaves them out altogether.
            if !EMBED_PAGE && complete {
                <FilterSidebar families={props.atlas.families.clone()} filter={props.state.filter.clone()}
                    dispatch={props.dispatch.clone()} />
            } else if !EMBED_PAGE {
                <div class="sidebar skeleton-sidebar" aria-hidden="true"></div>
            }
            <div class="main">
                if !EMBED_PAGE {
                    <AxisControls spec={props.state.families} dispatch={props.dispatch.clone()} />
                }
                <FamiliesChart atlas={props.atlas.clone()} screen={screen.clone()}
                    dispatch={props.dispatch.clone()} pinned={state.pinned.clone()}
                    region={state.region.clone()} os={state.os}
                    {tools} />
                if let Some(hint) = screen.hint.clone().filter(|_| complete) {
                    <p class="notice chart-hint" data-testid="families-hint">{ hint }</p>
                }
                if complete {
                    <Legend filter={props.state.filter.clone()} dispatch={props.dispatch.clone()}
                        colour={state.families.colour} price_span={screen.plot.price_span} />
                }
                if !EMBED_PAGE && complete {
                    <ChartTable caption={AttrValue::from(screen.caption.title.clone())} {headings} lazy_rows={Some(table_rows)}
                        shown={state.chart_tables.contains(&View::Families)}
                        on_toggle={props.dispatch.reform(|on| Action::ShowChartTable(View::Families, on))} />
                }
            </div>
        </section>
    }
}
