//! The one component that paints on a canvas. It sizes the backing store by the device
//! pixel ratio, paints any chart [`Plan`] with plotters, maps the pointer through the hit
//! map the plan returned, emphasises the hovered line on an overlay canvas, and asks its
//! parent for the tooltip. The chart takes the keyboard focus (arrow keys move between
//! points, Enter pins), a tap shows the tooltip, and a dragged box asks to zoom; on a touch
//! screen the "Zoom" button turns the next drag into that box (otherwise a drag scrolls).

use atlas_model::chart::focus::Step;
use atlas_model::chart::hitmap::{HitMap, HitPoint};
use atlas_model::chart::image::ImageCaption;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::zoom::{DragBox, PlotFrame};
use atlas_model::chart::{ChartError, Paint};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::browser::{
    mark, pixel_ratio, place_box, use_element_size, use_prefers_dark, CHART_DRAWN_MARK,
};
use crate::widgets::canvas_backend::CanvasBackend;
use crate::widgets::canvas_plan::AnyPlan;
use crate::widgets::chart_save::ChartSave;
use crate::widgets::surface::{self, Surface};

/// Pointer distance, in CSS pixels, within which a point counts as hovered.
const HOVER_RADIUS: f64 = 14.0;
/// A finger is wider than a mouse pointer.
const TAP_RADIUS: f64 = 24.0;

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
    /// Opened by a tap or the keyboard: it stays when the pointer leaves, and offers its
    /// pin buttons.
    pub sticky: bool,
}

/// A box dragged over a chart: the frame the chart was drawn in, the box in CSS pixels,
/// and the pixel ratio it was drawn at, for the model to map back to data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoomRequest {
    /// The panel the box was dragged in (0 on charts of one panel).
    pub panel: usize,
    /// The plotting frame of that panel, as the chart reported it.
    pub frame: PlotFrame,
    /// The box, corner to corner, in CSS pixels.
    pub drag: DragBox,
    /// Device pixels per CSS pixel when the chart was drawn.
    pub pixel_ratio: f64,
}

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// What to draw: any chart's plan (a view passes its `Rc<FamiliesPlot>`, ...).
    pub plan: AnyPlan,
    /// The accessible name of the chart.
    pub label: AttrValue,
    /// Builds the tooltip for a hovered point.
    pub tooltip: Callback<Hover, Html>,
    /// Called with the nearest item when a point is clicked or Enter is pressed on it
    /// (for example to pin it).
    #[prop_or_default]
    pub on_pick: Option<Callback<usize>>,
    /// Shown over the chart when it has nothing to draw.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
    /// What a screen reader hears when the keyboard focuses an item.
    #[prop_or_default]
    pub describe: Option<Callback<usize, String>>,
    /// The chart in words, shown under it and read as its description.
    #[prop_or_default]
    pub summary: Option<AttrValue>,
    /// Called with a box dragged over the chart (charts that zoom).
    #[prop_or_default]
    pub on_zoom: Option<Callback<ZoomRequest>>,
    /// Called on a double-click (charts that zoom: back to the full range).
    #[prop_or_default]
    pub on_reset_zoom: Option<Callback<()>>,
    /// The title, legend and source of a saved picture; with it come Save SVG and PNG.
    #[prop_or_default]
    pub caption: Option<ImageCaption>,
    /// The name saved pictures are filed under (`families`).
    #[prop_or_default]
    pub file_name: AttrValue,
    /// Controls shown right under the chart (a zoomable chart's ranges).
    #[prop_or_default]
    pub tools: Html,
}

/// A canvas that follows its frame's size and paints `plan`.
#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let frame = use_node_ref();
    let canvas = use_node_ref();
    let overlay = use_node_ref();
    let zoom_box = use_node_ref();
    let ring = use_node_ref();
    let (width, height) = use_element_size(frame.clone());
    let dark = use_prefers_dark();
    let hits = use_mut_ref(HitMap::default);
    let hover = use_state(|| None::<Hover>);
    let focus = use_state(|| None::<usize>);
    let drag = use_state(|| None::<DragBox>);
    let touched = use_mut_ref(|| false);
    // A touch drag scrolls the page; with this on, the next one draws a zoom box instead.
    let zoom_mode = use_state(|| false);
    let dragged = use_mut_ref(|| false);
    let failure = use_state(|| None::<String>);
    let painted = use_mut_ref(|| None::<(AnyPlan, (f64, f64), bool)>);
    let summary_id = use_memo((), |_| format!("chart-summary-{}", next_chart_id()));

    {
        let (canvas, hits, failure, hover, focus) = (
            canvas.clone(),
            hits.clone(),
            failure.clone(),
            hover.clone(),
            focus.clone(),
        );
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
                match paint(&canvas, plan, theme(*dark), size) {
                    Ok(map) => {
                        *hits.borrow_mut() = map;
                        *painted.borrow_mut() = Some(key);
                        failure.set(None);
                        mark(CHART_DRAWN_MARK);
                    }
                    Err(error) => failure.set(Some(error.to_string())),
                }
                hover.set(None);
                focus.set(None);
            },
        );
    }

    {
        let (overlay, hits) = (overlay.clone(), hits.clone());
        let line = hover.as_ref().map(|h| h.line);
        // Whether the overlay holds a highlight: a redraw with nothing hovered leaves an empty
        // overlay of the same size alone.
        let highlighted = use_mut_ref(|| false);
        use_effect_with(
            (props.plan.clone(), line, width, height, dark),
            move |(plan, line, width, height, dark)| {
                if let Some(overlay) = overlay.cast::<HtmlCanvasElement>() {
                    let result = size_canvas(&overlay, (*width, *height)).and_then(|sized| {
                        if !sized.resized && (line.is_some() || *highlighted.borrow()) {
                            clear(&overlay)?;
                        }
                        *highlighted.borrow_mut() = line.is_some();
                        match line {
                            Some(line) => {
                                let area = backend(&overlay)?.into_drawing_area();
                                plan.highlight(
                                    &area,
                                    &hits.borrow(),
                                    *line,
                                    &Paint {
                                        theme: theme(*dark),
                                        pixel_ratio: sized.pixel_ratio,
                                    },
                                )
                            }
                            None => Ok(()),
                        }
                    });
                    // A failed highlight only loses the emphasis; the chart and tooltip stay.
                    drop(result);
                }
            },
        );
    }

    {
        let zoom_box = zoom_box.clone();
        use_effect_with(*drag, move |drag| {
            if let Some((left, top, w, h)) = drag.map(|d| d.rect()) {
                place_box(&zoom_box, left, top, w, h);
            }
        });
    }
    {
        let ring = ring.clone();
        let at = focus
            .is_some()
            .then(|| hover.as_ref().map(|h| (h.x, h.y)))
            .flatten();
        use_effect_with(at.map(|(x, y)| (x.to_bits(), y.to_bits())), move |_| {
            if let Some((x, y)) = at {
                place_box(&ring, x - 9.0, y - 9.0, 18.0, 18.0);
            }
        });
    }

    // The hover for a drawn point: the items on its pixel, nearest first.
    let hover_at = {
        let hits = hits.clone();
        move |point: HitPoint, sticky: bool| {
            let ratio = pixel_ratio();
            let map = hits.borrow();
            let stack = map.stack_at(f64::from(point.x), f64::from(point.y), 0.5);
            Hover {
                items: stack.iter().map(|p| p.item).collect(),
                line: point.line,
                x: f64::from(point.x) / ratio,
                y: f64::from(point.y) / ratio,
                frame_width: width,
                sticky,
            }
        }
    };
    let locate = {
        let hits = hits.clone();
        move |event: &MouseEvent, radius: f64, sticky: bool| {
            let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
            let hit = hits.borrow().hit_at_css(x, y, pixel_ratio(), radius)?;
            Some(Hover {
                items: hit.items,
                line: hit.line,
                x: hit.x,
                y: hit.y,
                frame_width: width,
                sticky,
            })
        }
    };
    let css_point = |event: &MouseEvent| (f64::from(event.offset_x()), f64::from(event.offset_y()));
    let zooms = props.on_zoom.is_some();

    let on_down = {
        let (hover, focus, drag, touched, locate) = (
            hover.clone(),
            focus.clone(),
            drag.clone(),
            touched.clone(),
            locate.clone(),
        );
        let zoom_mode = *zoom_mode;
        Callback::from(move |event: PointerEvent| {
            let touch = event.pointer_type() != "mouse";
            *touched.borrow_mut() = touch;
            focus.set(None);
            if touch && !(zooms && zoom_mode) {
                // A tap shows the tooltip (with its pin buttons); it never pins.
                hover.set(locate(&event, TAP_RADIUS, true));
            } else if zooms && event.button() == 0 {
                hover.set(None);
                let at = css_point(&event);
                drag.set(Some(DragBox { from: at, to: at }));
                if let Some(target) = event.target_dyn_into::<web_sys::Element>() {
                    let _ = target.set_pointer_capture(event.pointer_id());
                }
            }
        })
    };
    let on_move = {
        let (hover, drag, locate) = (hover.clone(), drag.clone(), locate.clone());
        Callback::from(move |event: PointerEvent| {
            if let Some(started) = *drag {
                drag.set(Some(DragBox {
                    from: started.from,
                    to: css_point(&event),
                }));
                return;
            }
            if event.pointer_type() != "mouse" {
                return;
            }
            let found = locate(&event, HOVER_RADIUS, false);
            let keep = found.is_none() && hover.as_ref().is_some_and(|h| h.sticky);
            if *hover != found && !keep {
                hover.set(found);
            }
        })
    };
    let on_up = {
        let (drag, dragged, hits) = (drag.clone(), dragged.clone(), hits.clone());
        let (on_zoom, zoom_mode) = (props.on_zoom.clone(), zoom_mode.clone());
        Callback::from(move |event: PointerEvent| {
            let Some(started) = *drag else {
                return;
            };
            drag.set(None);
            if event.pointer_type() != "mouse" {
                // One box per press of the button: the next drag scrolls again.
                zoom_mode.set(false);
            }
            let done = DragBox {
                from: started.from,
                to: css_point(&event),
            };
            let ratio = pixel_ratio();
            // The panel the box started in (or, failing that, ended in).
            let panel = {
                let map = hits.borrow();
                let (ax, ay) = (done.from.0 * ratio, done.from.1 * ratio);
                let (bx, by) = (done.to.0 * ratio, done.to.1 * ratio);
                map.frame_at(ax, ay).or_else(|| map.frame_at(bx, by))
            };
            if let (Some(on_zoom), Some((panel, frame)), true) = (&on_zoom, panel, done.is_zoom()) {
                *dragged.borrow_mut() = true;
                on_zoom.emit(ZoomRequest {
                    panel,
                    frame,
                    drag: done,
                    pixel_ratio: ratio,
                });
            }
        })
    };
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let on_zoom_mode = {
        let (zoom_mode, hover) = (zoom_mode.clone(), hover.clone());
        Callback::from(move |_: MouseEvent| {
            hover.set(None);
            zoom_mode.set(!*zoom_mode);
        })
    };
    let on_click = {
        let (touched, dragged, pick) = (touched.clone(), dragged.clone(), props.on_pick.clone());
        Callback::from(move |event: MouseEvent| {
            let was_drag = std::mem::take(&mut *dragged.borrow_mut());
            if was_drag || *touched.borrow() {
                return;
            }
            let item = locate(&event, HOVER_RADIUS, false).and_then(|h| h.items.first().copied());
            if let (Some(pick), Some(item)) = (&pick, item) {
                pick.emit(item);
            }
        })
    };
    let on_double = props.on_reset_zoom.clone().map(|reset| {
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            reset.emit(());
        })
    });
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| {
            if hover.as_ref().is_some_and(|h| !h.sticky) {
                hover.set(None);
            }
        })
    };
    let on_key = {
        let (hover, focus, hits) = (hover.clone(), focus.clone(), hits.clone());
        let pick = props.on_pick.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if let Some(step) = Step::from_key(&key) {
                event.prevent_default();
                let next = hits.borrow().step(*focus, step);
                let point = next.and_then(|i| hits.borrow().points.get(i).copied());
                if let (Some(index), Some(point)) = (next, point) {
                    focus.set(Some(index));
                    hover.set(Some(hover_at(point, true)));
                }
            } else if key == "Enter" || key == " " {
                let item = hover.as_ref().and_then(|h| h.items.first().copied());
                if let (Some(pick), Some(item), true) = (&pick, item, focus.is_some()) {
                    event.prevent_default();
                    pick.emit(item);
                }
            } else if key == "Escape" {
                focus.set(None);
                hover.set(None);
            }
        })
    };
    let on_focus_out = {
        let (hover, focus, frame) = (hover.clone(), focus.clone(), frame.clone());
        Callback::from(move |event: FocusEvent| {
            // Moving into the tooltip (its pin buttons) keeps it open.
            let inside = event
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(frame.cast::<web_sys::Node>())
                .is_some_and(|(to, frame)| frame.contains(Some(&to)));
            if !inside {
                focus.set(None);
                if hover.as_ref().is_some_and(|h| h.sticky) {
                    hover.set(None);
                }
            }
        })
    };

    let tooltip = hover.as_ref().map(|h| props.tooltip.emit(h.clone()));
    let announced = focus
        .is_some()
        .then(|| hover.as_ref().and_then(|h| h.items.first().copied()))
        .flatten()
        .zip(props.describe.as_ref())
        .map(|(item, describe)| describe.emit(item))
        .unwrap_or_default();
    let described = props.summary.is_some().then(|| summary_id.to_string());
    html! {
        <>
            <div class="chart-frame" ref={frame} onfocusout={on_focus_out}>
                <canvas ref={canvas} class={classes!("chart-canvas", (zooms && *zoom_mode).then_some("zoom-mode"))}
                    role="application" tabindex="0"
                    aria-roledescription="chart"
                    aria-label={props.label.clone()} aria-describedby={described}
                    data-testid="chart-canvas"
                    onpointermove={on_move} onpointerdown={on_down} onpointerup={on_up}
                    onpointerout={on_leave} onpointercancel={on_cancel} onclick={on_click} ondblclick={on_double}
                    onkeydown={on_key} />
                <canvas ref={overlay} class="chart-highlight" aria-hidden="true" />
                // The overlay is always there, so the canvases before it are never re-created.
                <div class="chart-overlay">
                    if drag.is_some_and(|d| d.is_zoom()) {
                        <div class="chart-zoom-box" ref={zoom_box} data-testid="zoom-box"></div>
                    }
                    if focus.is_some() {
                        <div class="chart-focus-ring" ref={ring} aria-hidden="true"></div>
                    }
                    { for tooltip }
                    if let Some(empty) = props.empty.clone() {
                        <p class="chart-empty">{ empty }</p>
                    }
                </div>
                <p class="visually-hidden" aria-live="polite" data-testid="chart-focus">{ announced }</p>
            </div>
            if zooms {
                <div class="chart-zoom-mode">
                    <button type="button" data-testid="zoom-mode" aria-pressed={zoom_mode.to_string()}
                        onclick={on_zoom_mode}
                        title="On a touch screen: the next drag over the chart draws a box to zoom to">
                        { "Zoom" }
                    </button>
                    if *zoom_mode {
                        <span class="chart-zoom-hint" role="status">{ "Drag a box over the chart to zoom to it." }</span>
                    }
                </div>
            }
            { props.tools.clone() }
            if let Some(summary) = props.summary.clone() {
                <p class="chart-summary" id={summary_id.to_string()} data-testid="chart-summary">{ summary }</p>
            }
            // Embed mode hides Save SVG / PNG; the embed page leaves out picture export.
            if let Some(caption) = props.caption.clone().filter(|_| !crate::EMBED_PAGE) {
                <ChartSave plan={props.plan.clone()} {caption} {dark} file_name={props.file_name.clone()} />
            }
            if let Some(message) = (*failure).clone() {
                <p class="error" role="alert" data-testid="error">{ message }</p>
            }
        </>
    }
}

/// A number unique to each chart on the page, for the ids that tie a chart to its summary.
fn next_chart_id() -> u32 {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// The colours for a light or dark page.
pub fn theme(dark: bool) -> Theme {
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Sizes the canvas backing store for the device pixel ratio and paints the plan.
fn paint(
    canvas: &HtmlCanvasElement,
    plan: &AnyPlan,
    theme: Theme,
    css_size: (f64, f64),
) -> Result<HitMap, ChartError> {
    // Every plan fills its whole area first, so a canvas of the right size needs no clearing.
    let sized = size_canvas(canvas, css_size)?;
    plan.paint(
        &backend(canvas)?.into_drawing_area(),
        &Paint {
            theme,
            pixel_ratio: sized.pixel_ratio,
        },
    )
}

/// What [`size_canvas`] did.
struct Sized {
    /// Device pixels per CSS pixel.
    pixel_ratio: f64,
    /// Whether the backing store was made anew (which also clears it).
    resized: bool,
}

/// Gives a canvas a backing store of its CSS size times the device pixel ratio, only when
/// it has another size: a new backing store costs the browser an allocation per redraw.
fn size_canvas(canvas: &HtmlCanvasElement, css_size: (f64, f64)) -> Result<Sized, ChartError> {
    let pixel_ratio = pixel_ratio();
    let width = (css_size.0 * pixel_ratio).round() as u32;
    let height = (css_size.1 * pixel_ratio).round() as u32;
    let resized = canvas.width() != width || canvas.height() != height;
    if resized {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    Ok(Sized {
        pixel_ratio,
        resized,
    })
}

/// Clears a canvas that keeps its size.
fn clear(canvas: &HtmlCanvasElement) -> Result<(), ChartError> {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(|| ChartError::Backend("the browser gave no 2D canvas context".into()))?;
    context.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    Ok(())
}

fn backend(canvas: &HtmlCanvasElement) -> Result<Surface<'static>, ChartError> {
    CanvasBackend::new(canvas)
        .map(surface::canvas)
        .ok_or_else(|| ChartError::Backend("the browser gave no 2D canvas context".into()))
}
