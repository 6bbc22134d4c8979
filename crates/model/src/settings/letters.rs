//! What a person chose for the Letter prices view: the chart's ratio range, and the table's
//! pairs and their order.

use super::axis::AxisRange;

/// A table column the pairs can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PairSort {
    /// By base family, then variant (names in natural order: `m5` before `m6i`).
    Pair,
    /// By median ratio.
    #[default]
    Median,
}

/// The Letter prices view's choices: its table's, and the chart's ratio range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterTableSpec {
    /// Every letter's pairs, not only the chosen letter's.
    pub every_letter: bool,
    /// The sort column.
    pub sort: PairSort,
    /// Whether the sort runs downwards.
    pub descending: bool,
    /// The ratio range the chart is held to (variant / base; open by default).
    pub ratio_range: AxisRange,
}
