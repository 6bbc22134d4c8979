//! What a person chose for the Sizes view: the cell metric, the ladder's families and the
//! ladder's ranges.

use super::axis::AxisRange;

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
    /// The ladder chart's ranges (open by default).
    pub ladder_ranges: LadderRanges,
}

/// The ranges the ladder chart is held to: sizes in steps from xlarge (whole steps), the
/// vCPU panel in vCPU and the memory panel in GiB; each open by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LadderRanges {
    /// The sizes shown, in steps from xlarge (large -1, 2xlarge 1).
    pub size: AxisRange,
    /// The vCPU panel's range.
    pub vcpu: AxisRange,
    /// The memory panel's range, in GiB.
    pub memory: AxisRange,
}

impl LadderRanges {
    /// Whether any range is set.
    pub fn is_set(&self) -> bool {
        self.size.is_set() || self.vcpu.is_set() || self.memory.is_set()
    }
}
