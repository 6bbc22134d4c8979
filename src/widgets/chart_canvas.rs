//! The one component that paints on a canvas. It sizes the backing store by the device
//! pixel ratio, paints any chart [`Plan`] with plotters, maps the pointer through the hit
//! map the plan returned, emphasises the hovered line on an overlay canvas, and asks its
//! parent for the tooltip.

use std::rc::Rc;

use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{ChartError, Paint, Plan};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::browser::{mark, pixel_ratio, use_element_size, use_prefers_dark, CHART_DRAWN_MARK};

/// Pointer distance, in CSS pixels, within which a point counts as hovered.
const HOVER_RADIUS: f64 = 14.0;

/// The hovered point: the items drawn on it (nearest first), its line, and where it is in
/// CSS pixels within the chart frame, with the frame's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// Items (catalog indices for instance charts) on the hovered point, nearest first.
    pub items: Vec<usize>,
    /// The line (series) the nearest point belongs to.
    pub line: usize,
    /// Horizontal position in CSS pixels.
    pub x: f64,
    /// Vertical position in CSS pixels.
    pub y: f64,
    /// The frame's width in CSS pixels, so a tooltip can open towards the free side.
    pub frame_width: f64,
}

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps<P: Plan + PartialEq + 'static> {
    /// What to draw.
    pub plan: Rc<P>,
    /// The accessible description of the picture.
    pub label: AttrValue,
    /// Builds the tooltip for a hovered point.
    pub tooltip: Callback<Hover, Html>,
    /// Called with the nearest item when a point is clicked (for example to pin it).
    #[prop_or_default]
    pub on_pick: Option<Callback<usize>>,
    /// Shown over the chart when it has nothing to draw.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
}

/// A canvas that follows its frame's size and paints `plan`.
#[component]
pub fn ChartCanvas<P: Plan + PartialEq + 'static>(props: &ChartCanvasProps<P>) -> Html {
    let frame = use_node_ref();
    let canvas = use_node_ref();
    let overlay = use_node_ref();
    let (width, height) = use_element_size(frame.clone());
    let dark = use_prefers_dark();
    let hits = use_mut_ref(HitMap::default);
    let hover = use_state(|| None::<Hover>);
    let failure = use_state(|| None::<String>);
    let painted = use_mut_ref(|| None::<(Rc<P>, (f64, f64), bool)>);

    {
        let (canvas, hits, failure, hover) =
            (canvas.clone(), hits.clone(), failure.clone(), hover.clone());
        use_effect_with(
            (props.plan.clone(), width, height, dark),
            move |(plan, width, height, dark)| {
                let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
                    return;
                };
                // Before the size observer has reported, measure once here, so the first chart
                // needs no extra render; skip the repaint when its report agrees.
                let size = if *width > 0.0 && *height > 0.0 {
                    (*width, *height)
                } else {
                    let rect = canvas.get_bounding_client_rect();
                    (rect.width(), rect.height())
                };
                let key = (plan.clone(), size, *dark);
                if size.0 <= 0.0 || size.1 <= 0.0 || painted.borrow().as_ref() == Some(&key) {
                    return;
                }
                match paint(&canvas, plan.as_ref(), theme(*dark), size) {
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
            (props.plan.clone(), line, width, height, dark),
            move |(plan, line, width, height, dark)| {
                if let Some(overlay) = overlay.cast::<HtmlCanvasElement>() {
                    // Resizing the backing store also clears it.
                    let result =
                        size_canvas(&overlay, (*width, *height)).and_then(
                            |pixel_ratio| match line {
                                Some(line) => {
                                    let area = backend(&overlay)?.into_drawing_area();
                                    plan.draw_highlight(
                                        &area,
                                        &hits.borrow(),
                                        *line,
                                        &Paint {
                                            theme: theme(*dark),
                                            pixel_ratio,
                                        },
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

    let locate = {
        let hits = hits.clone();
        move |event: &MouseEvent| {
            let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
            let hit = hits
                .borrow()
                .hit_at_css(x, y, pixel_ratio(), HOVER_RADIUS)?;
            Some(Hover {
                items: hit.items,
                line: hit.line,
                x: hit.x,
                y: hit.y,
                frame_width: width,
            })
        }
    };
    let on_move = {
        let (hover, locate) = (hover.clone(), locate.clone());
        Callback::from(move |event: PointerEvent| {
            let found = locate(&event);
            if *hover != found {
                hover.set(found);
            }
        })
    };
    let on_click = props.on_pick.clone().map(|pick| {
        Callback::from(move |event: MouseEvent| {
            if let Some(item) = locate(&event).and_then(|h| h.items.first().copied()) {
                pick.emit(item);
            }
        })
    });
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };

    let tooltip = hover.as_ref().map(|h| props.tooltip.emit(h.clone()));
    html! {
        <>
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} class="chart-canvas" role="img" aria-label={props.label.clone()}
                    onpointermove={on_move.clone()} onpointerdown={on_move} onpointerout={on_leave}
                    onclick={on_click} />
                <canvas ref={overlay} class="chart-highlight" aria-hidden="true" />
                // The overlay is always there, so the canvases before it are never re-created.
                <div class="chart-overlay">
                    { for tooltip }
                    if let Some(empty) = props.empty.clone() {
                        <p class="chart-empty">{ empty }</p>
                    }
                </div>
            </div>
            if let Some(message) = (*failure).clone() {
                <p class="error" role="alert" data-testid="error">{ message }</p>
            }
        </>
    }
}

fn theme(dark: bool) -> Theme {
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Sizes the canvas backing store for the device pixel ratio and paints the plan.
fn paint<P: Plan>(
    canvas: &HtmlCanvasElement,
    plan: &P,
    theme: Theme,
    css_size: (f64, f64),
) -> Result<HitMap, ChartError> {
    let pixel_ratio = size_canvas(canvas, css_size)?;
    plan.draw(
        &backend(canvas)?.into_drawing_area(),
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
