//! The Capabilities view's screen: the bar charts' counts, the family × feature matrix
//! and its words, all from the shown types.

use crate::sorted::SortedSet;
use std::rc::Rc;

use crate::atlas::Atlas;
use crate::capabilities::{
    counts_by_category_and_vendor, counts_by_feature, family_features, Feature,
};
use crate::catalog::Catalog;
use crate::chart::bars::BarsPlot;
use crate::family::Family;
use crate::instance::Category;
use crate::shown::Shown;
use crate::state::State;
use crate::text::count;

/// Everything the Capabilities view shows that depends on the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct CapabilitiesScreen {
    /// Instance types per category, by processor vendor.
    pub vendor_plot: Rc<BarsPlot>,
    /// Instance types per capability.
    pub feature_plot: Rc<BarsPlot>,
    /// The matrix rows: families with at least one shown type.
    pub rows: Rc<Vec<MatrixRow>>,
    /// "12 of 140 families" (shown in bold).
    pub families_line: String,
    /// ", 300 instance types", then " (filtered). " or ". ".
    pub types_line: String,
}

/// The Capabilities screen of `state`: every shared filter applies.
pub fn capabilities_screen(atlas: &Atlas, state: &State) -> CapabilitiesScreen {
    let shown = atlas.shown(&state.filter, &state.region);
    let types: Vec<usize> = shown.types().collect();
    let vendor_plot =
        BarsPlot::by_category_and_vendor(&counts_by_category_and_vendor(&atlas.catalog, &types));
    let feature_plot = BarsPlot::by_feature(&counts_by_feature(&atlas.catalog, &shown));
    let rows = matrix_rows(&atlas.catalog, &atlas.families, &shown);
    let families_line = format!("{} of {} families", rows.len(), atlas.families.len());
    let types_line = format!(
        ", {}{}",
        count(types.len(), "instance type", "instance types"),
        if state.filter.set_count() > 0 {
            " (filtered). "
        } else {
            ". "
        }
    );
    CapabilitiesScreen {
        vendor_plot: Rc::new(vendor_plot),
        feature_plot: Rc::new(feature_plot),
        rows: Rc::new(rows),
        families_line,
        types_line,
    }
}

/// One family's row of the capability matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// The family name, such as `m5ad`.
    pub family: String,
    /// Its category, which groups the rows.
    pub category: Category,
    /// How many of its types are shown.
    pub types: usize,
    /// What it has.
    pub features: SortedSet<Feature>,
}

/// The families with at least one shown type, in the families' order.
pub fn matrix_rows(catalog: &Catalog, families: &[Family], shown: &Shown) -> Vec<MatrixRow> {
    shown
        .families
        .iter()
        .filter_map(|s| {
            let family = families.get(s.family)?;
            Some(MatrixRow {
                family: family.name.clone(),
                category: family.category,
                types: s.types.len(),
                features: family_features(family, catalog),
            })
        })
        .collect()
}

/// A column header's tooltip: the feature, where it comes from, how many shown families
/// have it, and what a click does.
pub fn column_title(feature: Feature, source: &str, having: usize, pressed: bool) -> String {
    format!(
        "{}: {source}. {having} of the families shown. Click to {} only these families.",
        feature.label(),
        if pressed { "stop showing" } else { "show" }
    )
}

/// The line above the matrix: which families it shows, and what a click on a column does.
pub fn matrix_note(families: usize, feature: Option<Feature>) -> String {
    match feature {
        Some(feature) => format!(
            "Only the {} with {}. ",
            count(families, "family", "families"),
            feature.label()
        ),
        None => format!(
            "{}. Letters are as written in names; click a column to keep only families that have it.",
            count(families, "family", "families")
        ),
    }
}

/// A category's heading in the matrix: "Memory optimized · 1 family".
pub fn group_heading(category: Category, families: usize) -> String {
    format!(
        "{} · {}",
        category.label(),
        count(families, "family", "families")
    )
}
