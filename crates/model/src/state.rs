//! The app's state and the one reducer that changes it.
//!
//! Only what a person chose lives here; everything shown (families, filtered rows,
//! chart plans) is derived from it and the catalog.

use crate::sorted::SortedSet;

use crate::capabilities::Feature;
use crate::filter::Filter;
use crate::instance::Category;
use crate::prices::Os;
use crate::regions::DEFAULT_REGION;
use crate::settings::{
    Axis, AxisRange, CellMetric, ChartAxis, ColourBy, FamiliesSpec, LetterTableSpec, Metric,
    PairSort, Scale, SizesSpec, TableSpec, ZoomChart,
};
use crate::table::{clear_all_filters, Column, QueryInput, SelectOption, SortDirection};

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
    /// Compare shows only the rows where the pinned types differ.
    pub differences_only: bool,
    /// The Letter prices view's choices (its table, its chart's range).
    pub letter_table: LetterTableSpec,
    /// The views whose charts show their "Show as table" alternative.
    pub chart_tables: SortedSet<View>,
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
            differences_only: false,
            letter_table: LetterTableSpec::default(),
            chart_tables: SortedSet::new(),
        }
    }
}

/// The views of the atlas, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
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
    /// Clear every shared filter (categories, series, generation, offered in the region,
    /// capability).
    ShowEveryType,
    /// Choose an axis's metric.
    SetMetric(Axis, Metric),
    /// Choose an axis's scale.
    SetScale(Axis, Scale),
    /// Choose what the Families chart is coloured by.
    SetColour(ColourBy),
    /// Set a chart axis's typed range (its base unit; either end open).
    SetRange(ChartAxis, AxisRange),
    /// Zoom a chart to a dragged box: the ranges of its axes in one step.
    Zoom(Vec<(ChartAxis, AxisRange)>),
    /// Drop every range of a chart: its axes follow the data again.
    ResetZoom(ZoomChart),
    /// Show a view's charts as tables (their "Show as table" alternative), or hide them.
    ShowChartTable(View, bool),
    /// Return every setting of a view to its default (Families: axes, scales, colour,
    /// ranges and the shared filters its sidebar shows).
    ResetView(View),
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
    /// Choose a selector option in the Table (a vendor, architecture, storage kind,
    /// letter or generation), or un-choose it.
    ToggleTableOption(SelectOption),
    /// The Table's category chips: choose a category. With none chosen (every category
    /// shown) it shows that one alone; a chosen one is un-chosen (the last one un-chosen
    /// shows every category again); an unchosen one joins the chosen. Writes the shared
    /// category filter, so every view follows.
    PickCategory(Category),
    /// Clear every filter: the shared ones, the Table's search, boxes and chips.
    ClearAllFilters,
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
    /// Keep only families with this capability, in every view (`None`: all); a shared
    /// filter, chosen from a Capabilities column.
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
        Action::HideAllCategories => {
            filter.hidden_categories = crate::sorted::SortedSet::from_iter(Category::ALL)
        }
        Action::OnlyCategory(category) => {
            filter.hidden_categories = crate::sorted::SortedSet::from_iter(
                Category::ALL.into_iter().filter(|c| *c != category),
            );
        }
        Action::ToggleSeries(series) => toggle(&mut filter.hidden_series, series),
        Action::ShowAllSeries => filter.hidden_series.clear(),
        Action::HideSeries(series) => filter.hidden_series.extend(series),
        Action::SetCurrentOnly(on) => filter.current_only = on,
        Action::ShowEveryType => *filter = Filter::default(),
        // A range in one metric's unit means nothing in another's.
        Action::SetMetric(Axis::X, metric) if metric != next.families.x => {
            next.families.x = metric;
            next.families.x_range = AxisRange::OPEN;
        }
        Action::SetMetric(Axis::Y, metric) if metric != next.families.y => {
            next.families.y = metric;
            next.families.y_range = AxisRange::OPEN;
        }
        Action::SetMetric(..) => {}
        Action::SetScale(Axis::X, scale) => next.families.x_scale = scale,
        Action::SetScale(Axis::Y, scale) => next.families.y_scale = scale,
        Action::SetColour(colour) => next.families.colour = colour,
        Action::SetRange(axis, range) => *next.range_mut(axis) = held(axis, range),
        Action::Zoom(ranges) => {
            for (axis, range) in ranges {
                *next.range_mut(axis) = held(axis, range);
            }
        }
        Action::ResetZoom(chart) => {
            for &axis in chart.axes() {
                *next.range_mut(axis) = AxisRange::OPEN;
            }
        }
        Action::ShowChartTable(view, true) => {
            next.chart_tables.insert(view);
        }
        Action::ShowChartTable(view, false) => {
            next.chart_tables.remove(&view);
        }
        Action::ResetView(view) => reset_view(&mut next, view),
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
        Action::ToggleTableOption(option) => next.table.select.toggle(option),
        Action::PickCategory(category) => pick_category(filter, category),
        Action::ClearAllFilters => return clear_all_filters(state),
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
        Action::SetFeature(feature) => next.filter.feature = feature,
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

/// [`Action::PickCategory`] on the shared filter's hidden categories.
fn pick_category(filter: &mut Filter, category: Category) {
    let hidden = &mut filter.hidden_categories;
    if hidden.is_empty() {
        *hidden = crate::sorted::SortedSet::from_iter(
            Category::ALL.into_iter().filter(|c| *c != category),
        );
    } else if hidden.contains(&category) {
        hidden.remove(&category);
    } else {
        hidden.insert(category);
        if hidden.len() == Category::ALL.len() {
            hidden.clear();
        }
    }
}

impl State {
    /// The range a chart axis is held to.
    pub fn range(&self, axis: ChartAxis) -> AxisRange {
        match axis {
            ChartAxis::Families(Axis::X) => self.families.x_range,
            ChartAxis::Families(Axis::Y) => self.families.y_range,
            ChartAxis::LadderSize => self.sizes.ladder_ranges.size,
            ChartAxis::LadderVcpu => self.sizes.ladder_ranges.vcpu,
            ChartAxis::LadderMemory => self.sizes.ladder_ranges.memory,
            ChartAxis::LetterRatio => self.letter_table.ratio_range,
        }
    }

    /// The range a chart axis is held to, to change it.
    fn range_mut(&mut self, axis: ChartAxis) -> &mut AxisRange {
        match axis {
            ChartAxis::Families(Axis::X) => &mut self.families.x_range,
            ChartAxis::Families(Axis::Y) => &mut self.families.y_range,
            ChartAxis::LadderSize => &mut self.sizes.ladder_ranges.size,
            ChartAxis::LadderVcpu => &mut self.sizes.ladder_ranges.vcpu,
            ChartAxis::LadderMemory => &mut self.sizes.ladder_ranges.memory,
            ChartAxis::LetterRatio => &mut self.letter_table.ratio_range,
        }
    }

    /// Whether any axis of `chart` is held to a range.
    pub fn zoomed(&self, chart: ZoomChart) -> bool {
        chart.axes().iter().any(|&axis| self.range(axis).is_set())
    }
}

/// The most steps from xlarge a size range reaches either way (1/1024 to 1024 xlarge).
pub const MAX_SIZE_STEPS: f64 = 10.0;

/// A range as the axis keeps it: sizes in whole steps from xlarge, within
/// [`MAX_SIZE_STEPS`]; every other axis as given.
fn held(axis: ChartAxis, range: AxisRange) -> AxisRange {
    if axis != ChartAxis::LadderSize {
        return range;
    }
    let step = |end: Option<f64>| {
        end.filter(|v| v.is_finite())
            .map(|v| v.round().clamp(-MAX_SIZE_STEPS, MAX_SIZE_STEPS) + 0.0)
    };
    AxisRange {
        min: step(range.min),
        max: step(range.max),
    }
}

/// Puts every setting `view` owns back to its default; pins, region and the other views'
/// settings stay.
fn reset_view(state: &mut State, view: View) {
    let defaults = State::default();
    state.chart_tables.remove(&view);
    match view {
        View::Families => {
            state.families = defaults.families;
            state.filter = defaults.filter;
        }
        View::Sizes => {
            state.sizes = defaults.sizes;
            state.filter = defaults.filter;
        }
        View::Capabilities => state.filter = defaults.filter,
        View::Table => state.table = defaults.table,
        View::Decoder => state.decoder = defaults.decoder,
        View::Compare => state.differences_only = defaults.differences_only,
        View::Letters => {
            state.letter = defaults.letter;
            state.letter_table = defaults.letter_table;
        }
    }
}

fn pin(pinned: &mut Vec<String>, name: String) {
    if !pinned.contains(&name) && pinned.len() < MAX_PINNED {
        pinned.push(name);
    }
}

fn toggle<T: Ord>(set: &mut SortedSet<T>, item: T) {
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
        let titles: crate::sorted::SortedSet<String> =
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
    fn category_chips_choose_categories_and_the_last_one_off_shows_all() {
        let s = reduce(&State::default(), Action::PickCategory(Category::Compute));
        assert!(s.filter.shows_category(Category::Compute));
        assert_eq!(s.filter.hidden_categories.len(), Category::ALL.len() - 1);
        let s = reduce(&s, Action::PickCategory(Category::Memory));
        assert!(s.filter.shows_category(Category::Memory));
        assert!(!s.filter.shows_category(Category::Storage));
        let s = reduce(&s, Action::PickCategory(Category::Compute));
        let s = reduce(&s, Action::PickCategory(Category::Memory));
        assert_eq!(s.filter, Filter::default(), "none chosen: every category");
    }

    #[test]
    fn clear_all_filters_is_one_action() {
        let mut s = reduce(&State::default(), Action::PickCategory(Category::Compute));
        s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=8".into()));
        s = reduce(&s, Action::SetColumnFilter(Column::Vcpu, ">=8x".into()));
        s = reduce(&s, Action::ToggleTableOption(SelectOption::Generation(7)));
        s = reduce(&s, Action::SetSearch("m".into()));
        let cleared = reduce(&s, Action::ClearAllFilters);
        assert_eq!(cleared.filter, Filter::default());
        assert_eq!(cleared.table, TableSpec::default());
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

    #[test]
    fn a_zoom_sets_both_ranges_and_reset_view_returns_every_families_setting() {
        let range = |min: f64, max: f64| AxisRange {
            min: Some(min),
            max: Some(max),
        };
        let s = reduce(&State::default(), Action::SetScale(Axis::X, Scale::Linear));
        let x = ChartAxis::Families(Axis::X);
        let y = ChartAxis::Families(Axis::Y);
        let s = reduce(
            &s,
            Action::Zoom(vec![(x, range(0.0, 800.0)), (y, range(1.0, 64.0))]),
        );
        assert_eq!(s.families.x_range, range(0.0, 800.0));
        assert_eq!(s.families.y_range, range(1.0, 64.0));
        let s = reduce(&s, Action::SetMetric(Axis::Y, Metric::Vcpu));
        assert_eq!(s.families.y_range, range(1.0, 64.0), "same metric: kept");
        let s = reduce(&s, Action::SetMetric(Axis::Y, Metric::Clock));
        assert!(
            !s.families.y_range.is_set(),
            "another metric's unit: dropped"
        );
        let zoomed_out = reduce(&s, Action::ResetZoom(ZoomChart::Families));
        assert!(!zoomed_out.families.x_range.is_set());
        assert_eq!(zoomed_out.families.x_scale, Scale::Linear);

        let s = reduce(&s, Action::ToggleCategory(Category::Compute));
        let s = reduce(&s, Action::Pin("m5.large".into()));
        let s = reduce(&s, Action::SetRange(x, range(2.0, 4.0)));
        let reset = reduce(&s, Action::ResetView(View::Families));
        assert_eq!(reset.families, FamiliesSpec::default());
        assert_eq!(reset.filter, Filter::default());
        assert_eq!(reset.pinned, ["m5.large"], "pins are not the view's");
    }

    #[test]
    fn the_ladder_and_letter_prices_zoom_alone_and_reset_alone() {
        let range = |min: f64, max: f64| AxisRange {
            min: Some(min),
            max: Some(max),
        };
        let s = reduce(
            &State::default(),
            Action::Zoom(vec![
                (ChartAxis::LadderSize, range(-1.4, 3.6)),
                (ChartAxis::LadderVcpu, range(2.0, 64.0)),
            ]),
        );
        assert_eq!(
            s.sizes.ladder_ranges.size,
            range(-1.0, 4.0),
            "sizes in whole steps"
        );
        assert_eq!(s.sizes.ladder_ranges.vcpu, range(2.0, 64.0));
        assert!(s.zoomed(ZoomChart::Ladder) && !s.zoomed(ZoomChart::Families));
        let s = reduce(
            &s,
            Action::SetRange(ChartAxis::LetterRatio, range(0.8, 1.2)),
        );
        assert_eq!(s.letter_table.ratio_range, range(0.8, 1.2));
        let ladder_out = reduce(&s, Action::ResetZoom(ZoomChart::Ladder));
        assert!(!ladder_out.zoomed(ZoomChart::Ladder));
        assert!(
            ladder_out.zoomed(ZoomChart::Letters),
            "the other chart keeps its zoom"
        );
        let letters_reset = reduce(&s, Action::ResetView(View::Letters));
        assert!(!letters_reset.zoomed(ZoomChart::Letters));
        assert!(letters_reset.zoomed(ZoomChart::Ladder));
    }

    #[test]
    fn show_as_table_is_per_view_and_reset_view_hides_it() {
        let s = reduce(&State::default(), Action::ShowChartTable(View::Sizes, true));
        let s = reduce(&s, Action::ShowChartTable(View::Letters, true));
        assert_eq!(
            s.chart_tables.iter().copied().collect::<Vec<_>>(),
            [View::Sizes, View::Letters]
        );
        let s = reduce(&s, Action::ResetView(View::Sizes));
        assert!(!s.chart_tables.contains(&View::Sizes));
        let s = reduce(&s, Action::ShowChartTable(View::Letters, false));
        assert!(s.chart_tables.is_empty());
    }
}
