//! The Sizes matrix: families (rows, grouped by category) against the size ladder
//! (columns); a cell per instance type, showing the chosen metric, shaded by its value.

use atlas_model::sorted::SortedSet;
use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::family::Family;
use atlas_model::instance::Category;
use atlas_model::screen::sizes::{cell_value, group_heading, Shade};
use atlas_model::settings::CellMetric;
use atlas_model::sizes::{SizeMatrix, SizeRow};
use yew::prelude::*;

use crate::views::sizes_row::SizesRow;
use crate::widgets::skip_link::{SkipLink, SkipTarget};

/// Props of [`SizesMatrix`].
#[derive(Properties, PartialEq)]
pub struct SizesMatrixProps {
    /// The catalog the matrix's indices point into.
    pub catalog: Rc<Catalog>,
    /// The families the rows' indices point into.
    pub families: Rc<Vec<Family>>,
    /// The matrix of the shown families and types.
    pub matrix: Rc<SizeMatrix>,
    /// Catalog indices of the sizes that break their family's doubling.
    pub breakers: Rc<SortedSet<usize>>,
    /// What each cell shows.
    pub metric: CellMetric,
    /// Hourly prices by catalog index, when cells show prices.
    pub hourly: HourlyPrices,
    /// Pinned instance type names.
    pub pinned: Vec<String>,
    /// The families on the ladder chart, in colour order.
    pub on_chart: Vec<String>,
    /// Called with a type name when its cell is clicked.
    pub on_pin: Callback<String>,
    /// Called with a family name when its row heading is clicked.
    pub on_ladder: Callback<String>,
}

/// Hourly prices by catalog index in the chosen region (empty unless cells show prices).
pub type HourlyPrices = Rc<Vec<Option<f64>>>;

/// The matrix in its own scrolling box: family names stay on the left, sizes on top.
#[component]
pub fn SizesMatrix(props: &SizesMatrixProps) -> Html {
    let matrix = &props.matrix;
    let catalog = &props.catalog;
    let metric = props.metric;
    let cells = || {
        matrix
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .filter_map(|&i| catalog.types.get(i).map(|t| (i, t)))
    };
    let hourly = |i: usize| props.hourly.get(i).copied().flatten();
    let shade = Shade::over(cells().map(|(i, t)| cell_value(metric, t, hourly(i))));
    let columns = matrix.columns.len();

    let row = |row: &SizeRow| {
        let Some(family) = props.families.get(row.family) else {
            return Html::default();
        };
        let pinned: Vec<String> = props
            .pinned
            .iter()
            .filter(|name| {
                row.cells
                    .iter()
                    .flatten()
                    .any(|&i| catalog.types.get(i).is_some_and(|t| t.name == **name))
            })
            .cloned()
            .collect();
        let slot = props.on_chart.iter().position(|f| *f == family.name);
        html! {
            <SizesRow key={family.name.clone()} catalog={props.catalog.clone()} family={family.clone()}
                row={row.clone()} breakers={props.breakers.clone()} {metric} hourly={props.hourly.clone()} {shade} {pinned} {slot}
                on_pin={props.on_pin.clone()} on_ladder={props.on_ladder.clone()} />
        }
    };
    let group = |category: Category| {
        let rows: Vec<&SizeRow> = matrix
            .rows
            .iter()
            .filter(|r| props.families.get(r.family).map(|f| f.category) == Some(category))
            .collect();
        if rows.is_empty() {
            return Html::default();
        }
        let heading = group_heading(category, rows.len());
        html! {
            <tbody class={classes!("sizes-group", format!("cat-{}", category.slug()))}>
                <tr class="sizes-group-heading">
                    <th scope="rowgroup" colspan={(columns + 1).to_string()}>
                        <span><span class="swatch" aria-hidden="true"></span>{ heading }</span>
                    </th>
                </tr>
                { for rows.into_iter().map(row) }
            </tbody>
        }
    };

    if matrix.rows.is_empty() {
        return html! {
            <div class="sizes-scroll" data-testid="sizes-matrix">
                <p class="sizes-empty-note">{ "No instance type matches the filters." }</p>
            </div>
        };
    }
    let key = shade.key(metric);
    html! {
        <>
        <p class="sizes-key">
            <span class="sizes-key-item">
                { "Shade (log scale): " }{ &key.least }
                <span class="sizes-ramp" aria-hidden="true"></span>{ &key.most }
            </span>
            <span class="sizes-key-item">
                <span class="sizes-key-breaks" aria-hidden="true"></span>{ "breaks its family's doubling" }
            </span>
            <span class="sizes-key-item sizes-key-hint">
                { "Click a cell to pin it, a family to draw it on the ladder chart." }
            </span>
        </p>
        <SkipLink to="after-sizes-matrix" label="Skip past the matrix" />
        <div class="sizes-scroll" tabindex="0" role="region"
            aria-label={format!("Families against sizes, cells show {}", key.shows)}>
            <table class="sizes-matrix" data-testid="sizes-matrix">
                <thead>
                    <tr>
                        <th scope="col" class="sizes-corner">{ "Family" }</th>
                        { for matrix.columns.iter().map(|size| html! {
                            <th scope="col" class="sizes-size"><span>{ size.as_str() }</span></th>
                        }) }
                    </tr>
                </thead>
                { for Category::ALL.into_iter().map(group) }
            </table>
        </div>
        <SkipTarget id="after-sizes-matrix" />
        </>
    }
}
