//! Save a chart as a picture: the same plan the canvas paints, drawn on plotters' SVG
//! backend under its title, legend and source, saved as SVG or as a PNG at twice the size.

use atlas_model::chart::image::{image_file_name, ImageCaption, IMAGE_SIZE};
use yew::prelude::*;

use crate::browser::{download_text, save_svg_as_png};
use crate::widgets::canvas_plan::AnyPlan;
use crate::widgets::chart_canvas::theme;

/// Props of [`ChartSave`].
#[derive(Properties, PartialEq)]
pub struct ChartSaveProps {
    /// What the chart draws.
    pub plan: AnyPlan,
    /// Its title, legend and source.
    pub caption: ImageCaption,
    /// Whether the page is dark (the picture keeps the colours on screen).
    pub dark: bool,
    /// The name the files are saved under (`families`).
    pub file_name: AttrValue,
}

/// "Save SVG" and "Save PNG", and what became of the last save.
#[component]
pub fn ChartSave(props: &ChartSaveProps) -> Html {
    let status = use_state(|| None::<Result<String, String>>);
    let svg = {
        let (plan, caption, dark) = (props.plan.clone(), props.caption.clone(), props.dark);
        move || {
            plan.picture(&caption, theme(dark))
                .map_err(|e| e.to_string())
        }
    };
    let name = |extension: &str| image_file_name(&props.file_name, extension);
    let on_svg = {
        let (status, svg, file) = (status.clone(), svg.clone(), name("svg"));
        Callback::from(move |_: MouseEvent| {
            let outcome = svg().and_then(|text| download_text(&file, "image/svg+xml", &text));
            status.set(Some(outcome.map(|_| format!("Saved {file}"))));
        })
    };
    let on_png = {
        let (status, file) = (status.clone(), name("png"));
        Callback::from(move |_: MouseEvent| match svg() {
            Ok(text) => {
                let (status, shown) = (status.clone(), file.clone());
                save_svg_as_png(&text, IMAGE_SIZE, 2.0, file.clone(), move |outcome| {
                    status.set(Some(outcome.map(|_| format!("Saved {shown}"))));
                });
            }
            Err(error) => status.set(Some(Err(error))),
        })
    };
    html! {
        <div class="chart-save">
            <button type="button" data-testid="save-svg" onclick={on_svg}>{ "Save SVG" }</button>
            <button type="button" data-testid="save-png" onclick={on_png}>{ "Save PNG" }</button>
            <span role="status" data-testid="save-status">
                { match (*status).clone() {
                    Some(Ok(done)) => html! { { done } },
                    Some(Err(error)) => html! { <span class="error">{ format!("Could not save the picture: {error}") }</span> },
                    None => Html::default(),
                } }
            </span>
        </div>
    }
}
