//! The one component that paints on a canvas: sizes its backing store by the device pixel
//! ratio, paints the Families plan with plotters, and maps the pointer through the hit map.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::chart::families::{draw, draw_highlight, FamiliesPlot};
use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{ChartError, Paint};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::browser::{mark, pixel_ratio, use_element_size, use_prefers_dark, CHART_DRAWN_MARK};
use crate::components::tooltip::Tooltip;

/// Pointer distance, in CSS pixels, within which a point counts as hovered.
const HOVER_RADIUS: f64 = 14.0;

/// Props of [`FamiliesChart`].
#[derive(Properties, PartialEq)]
pub struct FamiliesChartProps {
    /// The catalog the plan's indices point into.
    pub catalog: Rc<Catalog>,
    /// What to draw.
    pub plot: Rc<FamiliesPlot>,
}

/// The hovered dot: the instance types drawn on it (nearest first), its line, and where it
/// is in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
struct Hover {
    instances: Vec<usize>,
    line: usize,
    x: f64,
    y: f64,
}

/// The Families chart: a canvas that follows its frame's size, with a tooltip on hover.
#[component]
pub fn FamiliesChart(props: &FamiliesChartProps) -> Html {
    let frame = use_node_ref();
    let canvas = use_node_ref();
    let overlay = use_node_ref();
    let (width, height) = use_element_size(frame.clone());
    let dark = use_prefers_dark();
    let hits = use_mut_ref(HitMap::default);
    let hover = use_state(|| None::<Hover>);
    let failure = use_state(|| None::<String>);

    {
        let (canvas, hits, failure, hover) =
            (canvas.clone(), hits.clone(), failure.clone(), hover.clone());
        let painted = use_mut_ref(|| None::<(Rc<FamiliesPlot>, (f64, f64), bool)>);
        use_effect_with(
            (props.plot.clone(), width, height, dark),
            move |(plot, width, height, dark)| {
                let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
                    return;
                };
                // Before the size observer has reported, measure once here, so the first
                // chart needs no extra render; skip the repaint when its report agrees.
                let size = if *width > 0.0 && *height > 0.0 {
                    (*width, *height)
                } else {
                    let rect = canvas.get_bounding_client_rect();
                    (rect.width(), rect.height())
                };
                let key = (plot.clone(), size, *dark);
                if size.0 <= 0.0 || size.1 <= 0.0 || painted.borrow().as_ref() == Some(&key) {
                    return;
                }
                let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
                match paint(&canvas, plot, theme, size) {
                    Ok(map) => {
                        *hits.borrow_mut() = map;
                        *painted.borrow_mut() = Some(key);
                        failure.set(None);
                        mark(CHART_DRAWN_MARK);
                    }
                    Err(error) => failure.set(Some(error.to_string())),
                }
                hover.set(None);
            },
        );
    }

    {
        let (overlay, hits) = (overlay.clone(), hits.clone());
        let line = hover.as_ref().map(|h| h.line);
        use_effect_with(
            (props.plot.clone(), line, width, height, dark),
            move |(plot, line, width, height, dark)| {
                let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
                if let Some(overlay) = overlay.cast::<HtmlCanvasElement>() {
                    // Resizing the backing store also clears it.
                    let result =
                        size_canvas(&overlay, (*width, *height)).and_then(
                            |pixel_ratio| match line {
                                Some(line) => {
                                    let area = backend(&overlay)?.into_drawing_area();
                                    draw_highlight(
                                        &area,
                                        plot,
                                        &hits.borrow(),
                                        *line,
                                        &Paint { theme, pixel_ratio },
                                    )
                                }
                                None => Ok(()),
                            },
                        );
                    // A failed highlight only loses the emphasis; the chart and tooltip stay.
                    drop(result);
                }
            },
        );
    }

    let on_move = {
        let (hits, hover) = (hits.clone(), hover.clone());
        Callback::from(move |event: PointerEvent| {
            let ratio = pixel_ratio();
            let (x, y) = (
                f64::from(event.offset_x()) * ratio,
                f64::from(event.offset_y()) * ratio,
            );
            let stack = hits.borrow().stack_at(x, y, HOVER_RADIUS * ratio);
            let found = stack.first().map(|p| Hover {
                instances: stack.iter().map(|s| s.instance).collect(),
                line: p.line,
                x: f64::from(p.x) / ratio,
                y: f64::from(p.y) / ratio,
            });
            if *hover != found {
                hover.set(found);
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };

    let plot = &props.plot;
    let label = format!(
        "Families chart: {} family lines through {} instance types, {} against {}",
        plot.series_count(),
        plot.point_count(),
        plot.spec.y.label(),
        plot.spec.x.label()
    );
    let tooltip = hover.as_ref().and_then(|h| {
        let instance = props.catalog.types.get(*h.instances.first()?)?.clone();
        let same_spot: Vec<String> = h.instances[1..]
            .iter()
            .filter_map(|&i| props.catalog.types.get(i).map(|t| t.name.clone()))
            .collect();
        let sizes = plot.lines.get(h.line).map_or(0, |l| l.points.len());
        Some(html! { <Tooltip {instance} {same_spot} {sizes} x={h.x} y={h.y} frame_width={width} /> })
    });
    html! {
        <figure class="chart" data-testid="families-chart"
            data-series={plot.series_count().to_string()}
            data-points={plot.point_count().to_string()}>
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} class="chart-canvas" role="img" aria-label={label}
                    onpointermove={on_move.clone()} onpointerdown={on_move} onpointerout={on_leave} />
                <canvas ref={overlay} class="chart-highlight" aria-hidden="true" />
                // The overlay is always there, so the canvas before it is never re-created.
                <div class="chart-overlay">
                    { for tooltip }
                    if plot.point_count() == 0 {
                        <p class="chart-empty">{ "No instance type matches the filters." }</p>
                    }
                </div>
            </div>
            if let Some(message) = (*failure).clone() {
                <p class="error" role="alert" data-testid="error">{ message }</p>
            }
        </figure>
    }
}

/// Sizes the canvas backing store for the device pixel ratio and paints the plan.
fn paint(
    canvas: &HtmlCanvasElement,
    plot: &FamiliesPlot,
    theme: Theme,
    css_size: (f64, f64),
) -> Result<HitMap, ChartError> {
    let pixel_ratio = size_canvas(canvas, css_size)?;
    draw(
        &backend(canvas)?.into_drawing_area(),
        plot,
        &Paint { theme, pixel_ratio },
    )
}

/// Gives a canvas a backing store of its CSS size times the device pixel ratio (which
/// clears it) and returns that ratio.
fn size_canvas(canvas: &HtmlCanvasElement, css_size: (f64, f64)) -> Result<f64, ChartError> {
    let pixel_ratio = pixel_ratio();
    canvas.set_width((css_size.0 * pixel_ratio).round() as u32);
    canvas.set_height((css_size.1 * pixel_ratio).round() as u32);
    Ok(pixel_ratio)
}

fn backend(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, ChartError> {
    CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError::Backend("the browser gave no 2D canvas context".into()))
}
