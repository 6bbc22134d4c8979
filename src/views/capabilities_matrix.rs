//! The capability matrix: shown families (rows, grouped by category) against features
//! (columns), a mark where the family has the feature. A column header narrows the rows to
//! the families that have it; the family column and the header row stay in view.

use std::rc::Rc;

use crate::widgets::skip_link::{SkipLink, SkipTarget};
use atlas_model::capabilities::Feature;
use atlas_model::chart::bars::short_label;
use atlas_model::instance::Category;
use atlas_model::screen::capabilities::{column_title, group_heading, matrix_note, MatrixRow};
use yew::prelude::*;

/// Props of [`CapabilityMatrix`].
#[derive(Properties, PartialEq)]
pub struct CapabilityMatrixProps {
    /// The rows to show.
    pub rows: Rc<Vec<MatrixRow>>,
    /// The feature whose families alone are shown, if any (kept in the state and address).
    pub only: Option<Feature>,
    /// Where a change of that feature goes.
    pub on_only: Callback<Option<Feature>>,
}

/// Families against features; click a column header to keep only families that have it.
#[component]
pub fn CapabilityMatrix(props: &CapabilityMatrixProps) -> Html {
    let only = props.only;
    let having = |f: Feature| {
        props
            .rows
            .iter()
            .filter(|r| r.features.contains(&f))
            .count()
    };
    let header = |feature: Feature| {
        let (code, source) = feature.code();
        let pressed = only == Some(feature);
        let onclick = props
            .on_only
            .reform(move |_: MouseEvent| (!pressed).then_some(feature));
        let title = column_title(feature, source, having(feature), pressed);
        html! {
            <th scope="col" class="caps-col">
                <button type="button" class="caps-col-button" aria-pressed={pressed.to_string()}
                    data-testid={format!("capability-column-{}", feature.slug())} {title} {onclick}>
                    <span class="caps-code">{ if code.is_empty() { "·" } else { code } }</span>
                    <span class="caps-name">{ short_label(feature) }</span>
                </button>
            </th>
        }
    };
    // The rows already follow every shared filter, the chosen feature included.
    let shown: Vec<&MatrixRow> = props.rows.iter().collect();
    let row = |r: &MatrixRow| {
        let cells = Feature::ALL.into_iter().map(|feature| {
            let has = r.features.contains(&feature);
            html! {
                <td class={classes!(has.then_some("has"))}>
                    if has {
                        <span class="caps-mark" data-feature={feature.slug()} role="img"
                            aria-label={feature.label()} title={format!("{}: {}", r.family, feature.label())}>{ "●" }</span>
                    }
                </td>
            }
        });
        html! {
            <tr key={r.family.clone()} data-testid="capability-row" data-family={r.family.clone()}>
                <th scope="row" class="caps-family">
                    <span class={classes!("swatch", format!("cat-{}", r.category.slug()))} aria-hidden="true"></span>
                    { &r.family }
                    <span class="caps-types" title={format!("{} instance types shown", r.types)}>{ r.types }</span>
                </th>
                { for cells }
            </tr>
        }
    };
    let group = |category: Category| {
        let members: Vec<&&MatrixRow> = shown.iter().filter(|r| r.category == category).collect();
        if members.is_empty() {
            return None;
        }
        Some(html! {
            <tbody key={category.slug()} data-category={category.slug()}>
                <tr class="caps-group">
                    <th scope="colgroup" colspan="15">
                        <span class="caps-group-label">
                            <span class={classes!("swatch", format!("cat-{}", category.slug()))} aria-hidden="true"></span>
                            { group_heading(category, members.len()) }
                        </span>
                    </th>
                </tr>
                { for members.into_iter().map(|r| row(r)) }
            </tbody>
        })
    };
    let clear = props.on_only.reform(|_: MouseEvent| None);
    html! {
        <section class="caps-panel caps-matrix-panel" aria-labelledby="caps-matrix-title">
            <h2 id="caps-matrix-title">{ "Families and their capabilities" }</h2>
            <p class="hint" data-testid="capability-matrix-note">
                { matrix_note(shown.len(), only) }
                if only.is_some() {
                    <button type="button" class="link" onclick={clear}>{ "Show all" }</button>
                }
            </p>
            <SkipLink to="after-capability-matrix" label="Skip past the matrix" />
            <div class="caps-matrix-scroll" data-testid="capability-matrix" role="region"
                aria-label="Capability grid, scrolls sideways" tabindex="0">
                <table class="caps-matrix">
                    <thead>
                        <tr>
                            <th scope="col" class="caps-family caps-corner">{ "Family" }</th>
                            { for Feature::ALL.into_iter().map(header) }
                        </tr>
                    </thead>
                    { for Category::ALL.into_iter().filter_map(group) }
                </table>
            </div>
            <SkipTarget id="after-capability-matrix" />
        </section>
    }
}
