//! "Clear all filters": every filter back to its default, everything else kept.

use crate::filter::Filter;
use crate::state::State;

/// The state with every filter cleared: the shared filters (categories, series, current
/// generation, offered in the region), the name search, every column filter (with the
/// conditions kept for boxes mid-edit) and the selector's chips. The view, columns, sort,
/// pins, region and chart settings stay as they were.
pub fn clear_all_filters(state: &State) -> State {
    let mut cleared = state.clone();
    cleared.filter = Filter::default();
    cleared.table.search.clear();
    cleared.table.filters.clear();
    cleared.table.kept.clear();
    cleared.table.select = Default::default();
    cleared
}
