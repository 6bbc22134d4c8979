//! The Sizes view's ladder chart: a family picker (chips that double as the legend, and a
//! menu to add one) around a [`ChartCanvas`] of vCPU and memory against the size step.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::chart::image::specs_source_line;
use atlas_model::chart::ladder::LadderPlot;
use atlas_model::chart::words::{ladder_point, ladder_words};
use atlas_model::family::Family;
use atlas_model::instance::Category;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::views::axis_controls::{ChartZoom, ShownTable};
use crate::widgets::chart_canvas::{ChartCanvas, Hover};
use crate::widgets::chart_table::ChartTable;
use crate::widgets::tooltip::instance_tooltip;

/// Props of [`SizesLadder`].
#[derive(Properties, PartialEq)]
pub struct SizesLadderProps {
    /// The catalog the plan's indices point into.
    pub catalog: Rc<Catalog>,
    /// Every family of the data, for the menu.
    pub families: Rc<Vec<Family>>,
    /// What to draw.
    pub plot: Rc<LadderPlot>,
    /// True when the person chose no family and the chart shows the defaults.
    pub defaults: bool,
    /// Called with a family name to add it to the chart or remove it.
    pub on_toggle: Callback<String>,
    /// Called with an instance type's name when its dot is clicked.
    pub on_pin: Callback<String>,
    /// The pinned types (the tooltip's buttons say Pin or Unpin).
    #[prop_or_default]
    pub pinned: Vec<String>,
    /// The chart's zoom: a dragged box, a double-click, the range boxes (none: no zoom).
    #[prop_or_default]
    pub zoom: Option<ChartZoom>,
    /// Whether the table alternative is shown, and how to change it.
    #[prop_or_default]
    pub table: ShownTable,
}

/// How vCPU and memory double along the ladder for a few families.
#[component]
pub fn SizesLadder(props: &SizesLadderProps) -> Html {
    let plot = &props.plot;
    let zoom = props.zoom.clone();
    let drawn: Vec<&str> = plot.lines.iter().map(|l| l.family.as_str()).collect();
    let label = format!(
        "Ladder chart: vCPU and memory against size, log2 axes, for {}",
        drawn.join(", ")
    );
    let tooltip = {
        let (catalog, plot) = (props.catalog.clone(), plot.clone());
        let (pinned, on_pin) = (props.pinned.clone(), props.on_pin.clone());
        Callback::from(move |hover: Hover| {
            let sizes = plot.lines.get(hover.line).map_or(0, |l| l.points.len());
            instance_tooltip(
                &catalog,
                &hover,
                sizes,
                |_| String::new(),
                Some((pinned.as_slice(), &on_pin)),
            )
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
    let words = use_memo(
        (props.plot.clone(), props.catalog.clone()),
        |(plot, catalog)| {
            let mut words = ladder_words(plot, catalog);
            words.caption.source = specs_source_line();
            words
        },
    );
    let describe = {
        let catalog = props.catalog.clone();
        Callback::from(move |item: usize| ladder_point(&catalog, item))
    };
    let on_add = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let name = select.value();
                select.set_value("");
                if !name.is_empty() {
                    on_toggle.emit(name);
                }
            }
        })
    };

    let chip = |(slot, name): (usize, &&str)| {
        let name = (*name).to_owned();
        let breaks = plot
            .lines
            .get(slot)
            .is_some_and(|l| !l.vcpu_breakers.is_empty() || !l.memory_breakers.is_empty());
        let remove = {
            let name = name.clone();
            props.on_toggle.reform(move |_: MouseEvent| name.clone())
        };
        html! {
            <li class="ladder-chip" data-testid="ladder-chip" data-family={name.clone()}>
                <span class={classes!("ladder-swatch", format!("ladder-colour-{}", slot % 10))} aria-hidden="true"></span>
                { &name }
                if breaks {
                    <span class="ladder-breaks" title="Some sizes break the doubling">{ "breaks" }</span>
                }
                <button type="button" class="unpin" aria-label={format!("Remove {name} from the chart")}
                    onclick={remove}>{ "×" }</button>
            </li>
        }
    };
    let group = |category: Category| {
        let options: Vec<&Family> = props
            .families
            .iter()
            .filter(|f| f.category == category && !drawn.contains(&f.name.as_str()))
            .collect();
        if options.is_empty() {
            return Html::default();
        }
        html! {
            <optgroup label={category.label()}>
                { for options.into_iter().map(|f| html! {
                    <option value={f.name.clone()}>{ format!("{} ({} sizes)", f.name, f.members.len()) }</option>
                }) }
            </optgroup>
        }
    };
    let empty = drawn
        .is_empty()
        .then_some(AttrValue::from("Choose a family to draw."));
    html! {
        <section class="sizes-ladder" aria-labelledby="sizes-ladder-title">
            <h2 id="sizes-ladder-title">{ "How sizes double" }</h2>
            <p class="sizes-note">
                { "Each step along the ladder doubles the size. On these log2 axes a family that doubles \
                   its vCPU and memory with each step rises as a straight line; hollow rings mark sizes \
                   that break the pattern." }
                if props.defaults { { " Showing a few examples: add or remove families." } }
            </p>
            <div class="ladder-picker">
                <ul class="ladder-chips" aria-label="Families on the chart">
                    { for drawn.iter().enumerate().map(chip) }
                </ul>
                <label class="ladder-add">
                    <span class="visually-hidden">{ "Add a family" }</span>
                    <select data-testid="ladder-add" onchange={on_add}>
                        <option value="" selected=true>{ "Add a family…" }</option>
                        { for Category::ALL.into_iter().map(group) }
                    </select>
                </label>
            </div>
            <figure class="chart ladder-chart" data-testid="ladder-chart" data-zoomed={plot.ranges.is_set().to_string()}
                data-series={plot.series_count().to_string()}
                data-points={plot.point_count().to_string()}>
                <ChartCanvas plan={plot.clone()} {label} {tooltip} on_pick={Some(on_pick)} {empty}
                    describe={Some(describe)} summary={Some(AttrValue::from(words.summary.clone()))}
                    caption={Some(words.caption.clone())} file_name="sizes-ladder"
                    on_zoom={zoom.as_ref().map(|z| z.on_zoom.clone())}
                    on_reset_zoom={zoom.as_ref().map(|z| z.on_reset_zoom.clone())}
                    tools={zoom.map(|z| z.tools).unwrap_or_default()} />
            </figure>
            <ChartTable caption="How sizes double" headings={Rc::new(words.headings.clone())}
                rows={Rc::new(words.rows.clone())} shown={props.table.shown} on_toggle={props.table.on_toggle.clone()} />
            if !plot.skipped.is_empty() {
                <p class="notice" data-testid="ladder-skipped">
                    { format!("Not drawn (not in the data, or no size on the ladder): {}", plot.skipped.join(", ")) }
                </p>
            }
        </section>
    }
}
