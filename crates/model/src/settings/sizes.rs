//! What a person chose for the Sizes view: the cell metric and the ladder's families.

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
