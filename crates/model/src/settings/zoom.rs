//! Which chart axes a person can hold to a range (typed or dragged), chart by chart: one
//! name for every zoomable axis, so one set of actions, one reset and one address scheme
//! serve the Families, Sizes ladder and Letter prices charts alike.

use super::axis::{Axis, Scale};

/// A chart that zooms: a box dragged over it, or ends typed under it, hold its numeric
/// axes to a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZoomChart {
    /// The Families chart (both axes).
    Families,
    /// The Sizes view's ladder chart (the size step, and the vCPU and memory panels).
    Ladder,
    /// The Letter prices chart (the price ratio).
    Letters,
}

impl ZoomChart {
    /// Every zoomable chart.
    pub const ALL: [ZoomChart; 3] = [ZoomChart::Families, ZoomChart::Ladder, ZoomChart::Letters];

    /// The chart's numeric axes, in the order their boxes are shown.
    pub fn axes(self) -> &'static [ChartAxis] {
        match self {
            ZoomChart::Families => &[ChartAxis::Families(Axis::X), ChartAxis::Families(Axis::Y)],
            ZoomChart::Ladder => &[
                ChartAxis::LadderSize,
                ChartAxis::LadderVcpu,
                ChartAxis::LadderMemory,
            ],
            ZoomChart::Letters => &[ChartAxis::LetterRatio],
        }
    }
}

/// One numeric axis of a zoomable chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartAxis {
    /// An axis of the Families chart, in its metric's base unit.
    Families(Axis),
    /// The ladder's size axis, in steps from xlarge (large -1, 2xlarge 1), whole steps.
    LadderSize,
    /// The ladder's vCPU panel, in vCPU.
    LadderVcpu,
    /// The ladder's memory panel, in GiB.
    LadderMemory,
    /// The Letter prices ratio (variant price / base price).
    LetterRatio,
}

impl ChartAxis {
    /// The chart the axis belongs to.
    pub fn chart(self) -> ZoomChart {
        match self {
            ChartAxis::Families(_) => ZoomChart::Families,
            ChartAxis::LadderSize | ChartAxis::LadderVcpu | ChartAxis::LadderMemory => {
                ZoomChart::Ladder
            }
            ChartAxis::LetterRatio => ZoomChart::Letters,
        }
    }

    /// A short stable identifier for test ids and the address (`lvcpu` gives `lvcpu-min`).
    pub fn slug(self) -> &'static str {
        match self {
            ChartAxis::Families(Axis::X) => "x",
            ChartAxis::Families(Axis::Y) => "y",
            ChartAxis::LadderSize => "lsize",
            ChartAxis::LadderVcpu => "lvcpu",
            ChartAxis::LadderMemory => "lmem",
            ChartAxis::LetterRatio => "ratio",
        }
    }

    /// The scale a fixed-scale axis is drawn on (the Families axes follow their own
    /// setting instead): steps are linear, the rest doubles per step.
    pub fn fixed_scale(self) -> Scale {
        match self {
            ChartAxis::LadderSize => Scale::Linear,
            _ => Scale::Log,
        }
    }
}
