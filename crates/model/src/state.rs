//! The app's state and the one reducer that changes it.
//!
//! Only what a person chose lives here; everything shown (families, filtered rows,
//! chart plans) is derived from it and the catalog.

use std::collections::BTreeMap;

use crate::capabilities::Feature;
use crate::chart::axis::{Metric, Scale};
use crate::chart::colour::ColourBy;
use crate::chart::families::FamiliesSpec;
use crate::chart::letters::PairSort;
use crate::filter::Filter;
use crate::instance::Category;
use crate::prices::Os;
use crate::regions::DEFAULT_REGION;
use crate::table::{
    read_query, Column, KeptConditions, QueryErrors, QueryInput, SortDirection, TableQuery,
};

/// The letter the Letter prices view starts with: the one the conference write-up made a
/// claim about (AMD, about 10% less).
pub const DEFAULT_LETTER: &str = "a";

/// At most this many instance types can be pinned for comparison.
pub const MAX_PINNED: usize = 8;

/// Everything a person has chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// The shared filters.
    pub filter: Filter,
    /// The Families chart's axes.
    pub families: FamiliesSpec,
    /// The Sizes view's choices.
    pub sizes: SizesSpec,
    /// The Table view's choices.
    pub table: TableSpec,
    /// What is typed in the Decoder.
    pub decoder: String,
    /// Instance type names pinned for comparison, in pinning order (at most [`MAX_PINNED`]).
    pub pinned: Vec<String>,
    /// The region prices are shown for (a code such as `us-east-1`).
    pub region: String,
    /// The operating system prices are shown for.
    pub os: Os,
    /// Whether suspect prices count in medians, ratios, price metrics and colour ramps
    /// (they stay marked wherever they are shown).
    pub include_suspect: bool,
    /// The letter the Letter prices view shows (`a`, `g`, `d`, `flex`, ...).
    pub letter: String,
    /// The feature the Capabilities matrix keeps families of, if any.
    pub feature: Option<Feature>,
    /// Compare shows only the rows where the pinned types differ.
    pub differences_only: bool,
    /// The Letter prices table's choices.
    pub letter_table: LetterTableSpec,
}

/// The Letter prices table's choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterTableSpec {
    /// Every letter's pairs, not only the chosen letter's.
    pub every_letter: bool,
    /// The sort column.
    pub sort: PairSort,
    /// Whether the sort runs downwards.
    pub descending: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            view: View::Families,
            filter: Filter::default(),
            families: FamiliesSpec::default(),
            sizes: SizesSpec::default(),
            table: TableSpec::default(),
            decoder: String::new(),
            pinned: Vec::new(),
            region: DEFAULT_REGION.to_owned(),
            os: Os::Linux,
            include_suspect: false,
            letter: DEFAULT_LETTER.to_owned(),
            feature: None,
            differences_only: false,
            letter_table: LetterTableSpec::default(),
        }
    }
}

/// The views of the atlas, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Families: one line per family through its sizes.
    #[default]
    Families,
    /// Sizes: families against the size ladder.
    Sizes,
    /// Capabilities: what each letter and feature buys, and the extremes.
    Capabilities,
    /// Table: every instance type.
    Table,
    /// Decoder: a name taken apart.
    Decoder,
    /// Compare: the pinned types side by side.
    Compare,
    /// Letters: what each capability letter costs, family pair by family pair.
    Letters,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 7] = [
        View::Families,
        View::Sizes,
        View::Capabilities,
        View::Table,
        View::Decoder,
        View::Compare,
        View::Letters,
    ];

    /// A short stable identifier for URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            View::Families => "families",
            View::Sizes => "sizes",
            View::Capabilities => "capabilities",
            View::Table => "table",
            View::Decoder => "decoder",
            View::Compare => "compare",
            View::Letters => "letters",
        }
    }

    /// The inverse of [`View::slug`].
    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The page title while the view is open: `Families - Instance Atlas`.
    pub fn page_title(self) -> String {
        format!("{} - Instance Atlas", self.label())
    }

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Families => "Families",
            View::Sizes => "Sizes",
            View::Capabilities => "Capabilities",
            View::Table => "Table",
            View::Decoder => "Decoder",
            View::Compare => "Compare",
            View::Letters => "Letter prices",
        }
    }
}

/// The metric a Sizes matrix cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CellMetric {
    /// Virtual CPUs.
    #[default]
    Vcpu,
    /// Memory in GiB.
    Memory,
    /// On-demand price per hour in the chosen region and system.
    Price,
}

/// The Sizes view's choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SizesSpec {
    /// What each matrix cell shows.
    pub metric: CellMetric,
    /// Families drawn on the ladder chart (empty: the view picks a few).
    pub ladder_families: Vec<String>,
}

/// The Table view's choices. Filter texts are kept as typed; parsing them is derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// The sort column and direction, if any (default: family, then size ladder).
    pub sort: Option<(Column, SortDirection)>,
    /// The columns shown, in order.
    pub columns: Vec<Column>,
    /// Numeric filter expressions as typed, per column (`>=8`, `16..64`).
    pub filters: BTreeMap<Column, String>,
    /// The name search as typed (a substring, or `/regex/`).
    pub search: String,
    /// For each box whose text does not parse, the last text it held that did: the table
    /// keeps narrowing by it while a person is mid-edit. Only such boxes have an entry.
    pub kept: KeptConditions,
}

impl Default for TableSpec {
    fn default() -> Self {
        TableSpec {
            sort: None,
            columns: Column::DEFAULT.to_vec(),
            filters: BTreeMap::new(),
            search: String::new(),
            kept: KeptConditions::new(),
        }
    }
}

impl TableSpec {
    /// A box's text as typed (empty when it holds none).
    pub fn text(&self, input: QueryInput) -> &str {
        match input {
            QueryInput::Search => &self.search,
            QueryInput::Column(column) => self.filters.get(&column).map_or("", String::as_str),
        }
    }

    /// Sets a box's text, keeping its last good condition when the new text does not parse.
    fn set_text(&mut self, input: QueryInput, text: String) {
        let before = self.text(input);
        let good = if input.parses(before) {
            input.narrows(before).then(|| before.to_owned())
        } else {
            self.kept.get(&input).cloned()
        };
        match input {
            QueryInput::Search => self.search = text.clone(),
            QueryInput::Column(column) if text.trim().is_empty() => {
                self.filters.remove(&column);
            }
            QueryInput::Column(column) => {
                self.filters.insert(column, text.clone());
            }
        }
        match good {
            Some(good) if !input.parses(&text) && self.has_box(input) => {
                self.kept.insert(input, good);
            }
            _ => {
                self.kept.remove(&input);
            }
        }
    }

    /// Whether the box is on screen (the search always is; a column filter while its
    /// column is shown).
    fn has_box(&self, input: QueryInput) -> bool {
        match input {
            QueryInput::Search => true,
            QueryInput::Column(column) => self.columns.contains(&column),
        }
    }

    /// Drops kept conditions that are not reachable by typing: for a box whose text
    /// parses, for a hidden or missing column, or that do not narrow themselves. Returns
    /// the boxes dropped.
    pub fn drop_unreachable_kept(&mut self) -> Vec<QueryInput> {
        let dropped: Vec<QueryInput> = self
            .kept
            .iter()
            .filter(|(input, good)| {
                let column_ok = match input {
                    QueryInput::Search => true,
                    QueryInput::Column(c) => self.has_box(**input) && self.filters.contains_key(c),
                };
                !column_ok || input.parses(self.text(**input)) || !input.narrows(good)
            })
            .map(|(input, _)| *input)
            .collect();
        for input in &dropped {
            self.kept.remove(input);
        }
        dropped
    }

    /// What the Table narrows by (every box read, kept conditions for the bad ones) and
    /// the boxes that do not parse.
    pub fn query(&self) -> (TableQuery, QueryErrors) {
        read_query(&self.search, &self.filters, &self.kept, &self.columns)
    }
}

/// A chart axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Horizontal.
    X,
    /// Vertical.
    Y,
}

/// A change a person asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show a hidden category, or hide a shown one.
    ToggleCategory(Category),
    /// Show every category.
    ShowAllCategories,
    /// Hide every category.
    HideAllCategories,
    /// Show only this category (a legend's double-click).
    OnlyCategory(Category),
    /// Show a hidden series, or hide a shown one.
    ToggleSeries(String),
    /// Show every series.
    ShowAllSeries,
    /// Hide these series (the "All" box unticked hides every series there is).
    HideSeries(Vec<String>),
    /// Show only current-generation types, or all.
    SetCurrentOnly(bool),
    /// Clear every shared filter (categories, series, generation, offered in the region).
    ShowEveryType,
    /// Choose an axis's metric.
    SetMetric(Axis, Metric),
    /// Choose an axis's scale.
    SetScale(Axis, Scale),
    /// Choose what the Families chart is coloured by.
    SetColour(ColourBy),
    /// Show a view.
    SetView(View),
    /// Pin an instance type for comparison (ignored when already pinned or when
    /// [`MAX_PINNED`] are pinned).
    Pin(String),
    /// Unpin an instance type.
    Unpin(String),
    /// Pin if unpinned, unpin if pinned.
    TogglePin(String),
    /// Unpin everything.
    ClearPins,
    /// Choose the Sizes matrix metric.
    SetCellMetric(CellMetric),
    /// Add a family to the ladder chart, or remove it. With none chosen yet the chart
    /// shows `defaults`, so the change starts from them.
    ToggleLadderFamily {
        /// The family added or removed.
        family: String,
        /// The families the chart draws while none are chosen.
        defaults: Vec<String>,
    },
    /// Sort the table by a column: a new column sorts ascending, the same column flips.
    SortBy(Column),
    /// Show a hidden column, or hide a shown one.
    ToggleColumn(Column),
    /// Set a column's filter text.
    SetColumnFilter(Column, String),
    /// Set the name search text.
    SetSearch(String),
    /// Set the Decoder's input.
    SetDecoderInput(String),
    /// Show an instance type in the Decoder (its input and the view, one history step).
    OpenInDecoder(String),
    /// Choose the region prices are shown for.
    SetRegion(String),
    /// Choose the operating system prices are shown for.
    SetOs(Os),
    /// Hide types not offered in the region, or show them.
    SetOfferedOnly(bool),
    /// Count suspect prices in medians, ratios, metrics and ramps, or leave them out.
    SetIncludeSuspect(bool),
    /// Choose the letter the Letter prices view shows.
    SetLetter(String),
    /// Keep only families with this feature in the Capabilities matrix (`None`: all).
    SetFeature(Option<Feature>),
    /// Show only the rows where the pinned types differ, or every row.
    SetDifferencesOnly(bool),
    /// Show every letter's pairs in the Letter prices table, or the chosen letter's.
    SetEveryLetter(bool),
    /// Sort the Letter prices table: a new column sorts ascending, the same column flips.
    SortLetterPairs(PairSort),
    /// Replace everything (the browser went back or forward to another URL).
    Restore(Box<State>),
}

/// Applies an action to a state, returning the new state. Pure: no side effects.
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    let filter = &mut next.filter;
    match action {
        Action::ToggleCategory(category) => toggle(&mut filter.hidden_categories, category),
        Action::ShowAllCategories => filter.hidden_categories.clear(),
        Action::HideAllCategories => filter.hidden_categories = Category::ALL.into_iter().collect(),
        Action::OnlyCategory(category) => {
            filter.hidden_categories = Category::ALL
                .into_iter()
                .filter(|c| *c != category)
                .collect();
        }
        Action::ToggleSeries(series) => toggle(&mut filter.hidden_series, series),
        Action::ShowAllSeries => filter.hidden_series.clear(),
        Action::HideSeries(series) => filter.hidden_series.extend(series),
        Action::SetCurrentOnly(on) => filter.current_only = on,
        Action::ShowEveryType => *filter = Filter::default(),
        Action::SetMetric(Axis::X, metric) => next.families.x = metric,
        Action::SetMetric(Axis::Y, metric) => next.families.y = metric,
        Action::SetScale(Axis::X, scale) => next.families.x_scale = scale,
        Action::SetScale(Axis::Y, scale) => next.families.y_scale = scale,
        Action::SetColour(colour) => next.families.colour = colour,
        Action::SetView(view) => next.view = view,
        Action::Pin(name) => pin(&mut next.pinned, name),
        Action::Unpin(name) => next.pinned.retain(|p| *p != name),
        Action::TogglePin(name) => {
            if next.pinned.contains(&name) {
                next.pinned.retain(|p| *p != name);
            } else {
                pin(&mut next.pinned, name);
            }
        }
        Action::ClearPins => next.pinned.clear(),
        Action::SetCellMetric(metric) => next.sizes.metric = metric,
        Action::ToggleLadderFamily { family, defaults } => {
            let families = &mut next.sizes.ladder_families;
            if families.is_empty() {
                *families = defaults;
            }
            if families.contains(&family) {
                families.retain(|f| *f != family);
            } else {
                families.push(family);
            }
        }
        Action::SortBy(column) => {
            next.table.sort = match next.table.sort {
                Some((current, direction)) if current == column => {
                    Some((column, direction.toggled()))
                }
                _ => Some((column, SortDirection::Ascending)),
            };
        }
        Action::ToggleColumn(column) => {
            let columns = &mut next.table.columns;
            if columns.contains(&column) {
                if columns.len() > 1 {
                    columns.retain(|c| *c != column);
                    // A hidden box forgets its last good condition.
                    next.table.kept.remove(&QueryInput::Column(column));
                }
            } else {
                // Keep the picker's order: a column comes back where it belongs.
                columns.push(column);
                crate::order::sort_by_key(columns, |c| Column::ALL.iter().position(|a| a == c));
            }
        }
        Action::SetColumnFilter(column, text) => {
            next.table.set_text(QueryInput::Column(column), text);
        }
        Action::SetSearch(text) => next.table.set_text(QueryInput::Search, text),
        Action::SetDecoderInput(text) => next.decoder = text,
        Action::OpenInDecoder(name) => {
            next.decoder = name;
            next.view = View::Decoder;
        }
        Action::SetRegion(region) => next.region = region,
        Action::SetOs(os) => next.os = os,
        Action::SetOfferedOnly(on) => next.filter.offered_only = on,
        Action::SetIncludeSuspect(on) => next.include_suspect = on,
        Action::SetLetter(letter) => next.letter = letter,
        Action::SetFeature(feature) => next.feature = feature,
        Action::SetDifferencesOnly(on) => next.differences_only = on,
        Action::SetEveryLetter(on) => next.letter_table.every_letter = on,
        Action::SortLetterPairs(column) => {
            let table = &mut next.letter_table;
            table.descending = table.sort == column && !table.descending;
            table.sort = column;
        }
        Action::Restore(state) => return *state,
    }
    next
}

fn pin(pinned: &mut Vec<String>, name: String) {
    if !pinned.contains(&name) && pinned.len() < MAX_PINNED {
        pinned.push(name);
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_view_has_its_own_page_title() {
        assert_eq!(View::Families.page_title(), "Families - Instance Atlas");
        assert_eq!(View::Letters.page_title(), "Letter prices - Instance Atlas");
        let titles: std::collections::BTreeSet<String> =
            View::ALL.into_iter().map(View::page_title).collect();
        assert_eq!(titles.len(), View::ALL.len());
    }

    #[test]
    fn pins_are_unique_ordered_and_capped_at_eight() {
        let mut s = State::default();
        for i in 0..10 {
            s = reduce(&s, Action::Pin(format!("m5.{i}xlarge")));
        }
        s = reduce(&s, Action::Pin("m5.0xlarge".into()));
        assert_eq!(s.pinned.len(), MAX_PINNED);
        assert_eq!(s.pinned[0], "m5.0xlarge");
        s = reduce(&s, Action::TogglePin("m5.0xlarge".into()));
        assert_eq!(s.pinned.len(), MAX_PINNED - 1);
        assert!(!s.pinned.contains(&"m5.0xlarge".to_owned()));
        assert!(reduce(&s, Action::ClearPins).pinned.is_empty());
    }

    #[test]
    fn sorting_flips_on_the_same_column_and_columns_keep_their_order() {
        let s = reduce(&State::default(), Action::SortBy(Column::Vcpu));
        assert_eq!(s.table.sort, Some((Column::Vcpu, SortDirection::Ascending)));
        let s = reduce(&s, Action::SortBy(Column::Vcpu));
        assert_eq!(
            s.table.sort,
            Some((Column::Vcpu, SortDirection::Descending))
        );
        let s = reduce(&s, Action::SortBy(Column::Memory));
        assert_eq!(
            s.table.sort,
            Some((Column::Memory, SortDirection::Ascending))
        );
        let hidden = reduce(&s, Action::ToggleColumn(Column::Vcpu));
        assert!(!hidden.table.columns.contains(&Column::Vcpu));
        let back = reduce(&hidden, Action::ToggleColumn(Column::Vcpu));
        assert_eq!(back.table.columns, s.table.columns);
        let s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=96".into()));
        assert_eq!(
            s.table.filters.get(&Column::Vcpu).map(String::as_str),
            Some(">=96")
        );
        assert!(
            reduce(&s, Action::SetColumnFilter(Column::Vcpu, " ".into()))
                .table
                .filters
                .is_empty()
        );
    }

    #[test]
    fn a_bad_filter_text_keeps_the_last_good_one_in_the_state() {
        let vcpu = QueryInput::Column(Column::Vcpu);
        let s = reduce(
            &State::default(),
            Action::SetColumnFilter(Column::Vcpu, ">=96".into()),
        );
        assert!(s.table.kept.is_empty());
        let s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=96x".into()));
        assert_eq!(s.table.kept.get(&vcpu).map(String::as_str), Some(">=96"));
        let s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=96xy".into()));
        assert_eq!(s.table.kept.get(&vcpu).map(String::as_str), Some(">=96"));
        let (query, errors) = s.table.query();
        assert_eq!(query.filters.len(), 1);
        assert!(errors.contains_key(&vcpu));
        let good = reduce(&s, Action::SetColumnFilter(Column::Vcpu, "<4".into()));
        assert!(good.table.kept.is_empty());
        let hidden = reduce(&s, Action::ToggleColumn(Column::Vcpu));
        assert!(hidden.table.kept.is_empty(), "a hidden box forgets");

        let s = reduce(&State::default(), Action::SetSearch("m5".into()));
        let s = reduce(&s, Action::SetSearch("/m5(/".into()));
        assert_eq!(
            s.table.kept.get(&QueryInput::Search).map(String::as_str),
            Some("m5")
        );
        let s = reduce(&State::default(), Action::SetSearch("/(/".into()));
        assert!(s.table.kept.is_empty(), "nothing good to keep");
    }

    #[test]
    fn the_first_ladder_change_starts_from_the_defaults() {
        let toggle = |family: &str| Action::ToggleLadderFamily {
            family: family.into(),
            defaults: vec!["m5".into(), "c5".into()],
        };
        let s = reduce(&State::default(), toggle("r5"));
        assert_eq!(s.sizes.ladder_families, ["m5", "c5", "r5"]);
        let s = reduce(&s, toggle("m5"));
        assert_eq!(s.sizes.ladder_families, ["c5", "r5"]);
        let s = reduce(&State::default(), toggle("m5"));
        assert_eq!(s.sizes.ladder_families, ["c5"]);
    }

    #[test]
    fn toggling_a_category_twice_restores_the_state() {
        let start = State::default();
        let hidden = reduce(&start, Action::ToggleCategory(Category::Compute));
        assert!(!hidden.filter.shows_category(Category::Compute));
        assert!(hidden.filter.shows_category(Category::Memory));
        assert_eq!(
            reduce(&hidden, Action::ToggleCategory(Category::Compute)),
            start
        );
    }

    #[test]
    fn all_and_only_set_the_whole_category_filter() {
        let none = reduce(&State::default(), Action::HideAllCategories);
        assert!(Category::ALL
            .iter()
            .all(|c| !none.filter.shows_category(*c)));
        let only = reduce(&none, Action::OnlyCategory(Category::Storage));
        assert!(only.filter.shows_category(Category::Storage));
        assert_eq!(only.filter.hidden_categories.len(), 4);
        assert_eq!(
            reduce(&only, Action::ShowAllCategories).filter,
            Filter::default()
        );
    }

    #[test]
    fn show_every_type_clears_every_shared_filter_in_one_step() {
        let mut s = reduce(&State::default(), Action::HideAllCategories);
        s = reduce(&s, Action::HideSeries(vec!["m".into()]));
        s = reduce(&s, Action::SetCurrentOnly(true));
        s = reduce(&s, Action::SetOfferedOnly(true));
        assert_eq!(s.filter.set_count(), 8);
        let wide = reduce(&s, Action::ShowEveryType);
        assert_eq!(wide.filter, Filter::default());
        assert_eq!(wide.filter.set_count(), 0);
    }

    #[test]
    fn series_and_axes_change_only_what_was_asked() {
        let s = reduce(
            &State::default(),
            Action::HideSeries(vec!["m".into(), "c".into()]),
        );
        let s = reduce(&s, Action::ToggleSeries("m".into()));
        assert!(s.filter.shows_series("m") && !s.filter.shows_series("c"));
        let s = reduce(&s, Action::SetScale(Axis::X, Scale::Linear));
        let s = reduce(&s, Action::SetMetric(Axis::Y, Metric::Clock));
        assert_eq!(s.families.x_scale, Scale::Linear);
        assert_eq!(s.families.y_scale, Scale::Log);
        assert_eq!(s.families.y, Metric::Clock);
    }
}
