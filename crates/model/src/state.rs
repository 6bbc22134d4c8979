//! The app's state and the one reducer that changes it.
//!
//! Only what a person chose lives here; everything shown (families, filtered rows,
//! chart plans) is derived from it and the catalog.

use crate::chart::axis::{Metric, Scale};
use crate::chart::families::FamiliesSpec;
use crate::filter::Filter;
use crate::instance::Category;

/// Everything a person has chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The shared filters.
    pub filter: Filter,
    /// The Families chart's axes.
    pub families: FamiliesSpec,
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
    /// Choose an axis's metric.
    SetMetric(Axis, Metric),
    /// Choose an axis's scale.
    SetScale(Axis, Scale),
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
        Action::SetMetric(Axis::X, metric) => next.families.x = metric,
        Action::SetMetric(Axis::Y, metric) => next.families.y = metric,
        Action::SetScale(Axis::X, scale) => next.families.x_scale = scale,
        Action::SetScale(Axis::Y, scale) => next.families.y_scale = scale,
    }
    next
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
