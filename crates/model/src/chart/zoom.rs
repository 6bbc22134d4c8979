//! From pointer pixels back to data: the plotting frame a chart drew its axes in, and the
//! ranges a dragged box asks for.

use super::axis::AxisLayout;
use crate::settings::{Axis, AxisRange, ChartAxis, FamiliesSpec, Scale, ZoomChart};
use crate::state::Action;

/// Where a chart's plotting area landed, in the drawing's own (device) pixels, and the
/// internal coordinates its edges stand for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotFrame {
    /// The left edge in device pixels.
    pub left: f64,
    /// The right edge in device pixels.
    pub right: f64,
    /// The top edge in device pixels.
    pub top: f64,
    /// The bottom edge in device pixels.
    pub bottom: f64,
    /// The internal horizontal coordinates at the left and right edges.
    pub x: (f64, f64),
    /// The internal vertical coordinates at the bottom and top edges.
    pub y: (f64, f64),
}

impl PlotFrame {
    /// The frame of a plotting area drawn over `pixels` (plotters' `get_pixel_range`) with
    /// axes `x` and `y`.
    pub fn of(
        (xs, ys): (std::ops::Range<i32>, std::ops::Range<i32>),
        x: &AxisLayout,
        y: &AxisLayout,
    ) -> Self {
        PlotFrame {
            left: f64::from(xs.start),
            right: f64::from(xs.end),
            top: f64::from(ys.start),
            bottom: f64::from(ys.end),
            x: (x.start, x.end),
            y: (y.start, y.end),
        }
    }

    /// The internal coordinates under a device pixel, held to the frame.
    pub fn coord_at(&self, px: f64, py: f64) -> (f64, f64) {
        let along = |p: f64, from: f64, to: f64| {
            if to == from {
                0.0
            } else {
                ((p - from) / (to - from)).clamp(0.0, 1.0)
            }
        };
        let tx = along(px, self.left, self.right);
        let ty = along(py, self.bottom, self.top);
        (
            self.x.0 + tx * (self.x.1 - self.x.0),
            self.y.0 + ty * (self.y.1 - self.y.0),
        )
    }

    /// Whether a device pixel lies inside the frame.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        (self.left..=self.right).contains(&px) && (self.top..=self.bottom).contains(&py)
    }
}

/// A box a person dragged over a chart, corner to corner, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DragBox {
    /// Where the drag started, in CSS pixels.
    pub from: (f64, f64),
    /// Where it ended, in CSS pixels.
    pub to: (f64, f64),
}

/// A box narrower or shorter than this many CSS pixels is a click, not a zoom.
pub const MIN_DRAG_PX: f64 = 8.0;

impl DragBox {
    /// Whether the box is big enough to zoom to.
    pub fn is_zoom(&self) -> bool {
        (self.to.0 - self.from.0).abs() >= MIN_DRAG_PX
            && (self.to.1 - self.from.1).abs() >= MIN_DRAG_PX
    }

    /// The box as (left, top, width, height) in CSS pixels, for drawing it.
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        let left = self.from.0.min(self.to.0);
        let top = self.from.1.min(self.to.1);
        (
            left,
            top,
            (self.to.0 - self.from.0).abs(),
            (self.to.1 - self.from.1).abs(),
        )
    }
}

/// The axis ranges (in the axes' base units) that show what `drag` covers on a chart
/// drawn in `frame` at `pixel_ratio` with horizontal and vertical `scales`, rounded to three
/// significant digits so the typed boxes and the address read well. `None` when the box is
/// too small or outside the frame. Every zoomable chart maps its box through this.
pub fn zoom_ranges(
    (x_scale, y_scale): (Scale, Scale),
    frame: &PlotFrame,
    drag: DragBox,
    pixel_ratio: f64,
) -> Option<(AxisRange, AxisRange)> {
    if !drag.is_zoom() {
        return None;
    }
    let device = |(x, y): (f64, f64)| (x * pixel_ratio, y * pixel_ratio);
    let (ax, ay) = device(drag.from);
    let (bx, by) = device(drag.to);
    if !frame.contains(ax, ay) && !frame.contains(bx, by) {
        return None;
    }
    let (x0, y0) = frame.coord_at(ax, ay);
    let (x1, y1) = frame.coord_at(bx, by);
    let range = |a: f64, b: f64, scale: Scale| {
        let (lo, hi) = (scale.from_coord(a.min(b)), scale.from_coord(a.max(b)));
        let (lo, hi) = (round_down(lo), round_up(hi));
        (lo < hi).then_some(AxisRange {
            min: Some(lo),
            max: Some(hi),
        })
    };
    Some((range(x0, x1, x_scale)?, range(y0, y1, y_scale)?))
}

/// The action a box dragged over `chart` asks for: the ranges of the axes it covers on the
/// panel it was dragged in (`panel` 0 is the ladder's vCPU panel, 1 its memory panel; the
/// other charts have one), mapped through [`zoom_ranges`] (the Families chart on the scales
/// of `families`). `None` when the box is too small or outside the frame.
pub fn zoom_action(
    chart: ZoomChart,
    families: &FamiliesSpec,
    panel: usize,
    frame: &PlotFrame,
    drag: DragBox,
    pixel_ratio: f64,
) -> Option<Action> {
    let ranges = |scales| zoom_ranges(scales, frame, drag, pixel_ratio);
    let axes = match chart {
        ZoomChart::Families => {
            let (x, y) = ranges((families.x_scale, families.y_scale))?;
            vec![
                (ChartAxis::Families(Axis::X), x),
                (ChartAxis::Families(Axis::Y), y),
            ]
        }
        ZoomChart::Ladder => {
            let values = if panel == 0 {
                ChartAxis::LadderVcpu
            } else {
                ChartAxis::LadderMemory
            };
            let scales = (ChartAxis::LadderSize.fixed_scale(), values.fixed_scale());
            let (x, y) = ranges(scales)?;
            vec![(ChartAxis::LadderSize, x), (values, y)]
        }
        ZoomChart::Letters => {
            let (x, _) = ranges((ChartAxis::LetterRatio.fixed_scale(), Scale::Linear))?;
            vec![(ChartAxis::LetterRatio, x)]
        }
    };
    Some(Action::Zoom(axes))
}

/// The step three significant digits give `value`.
fn step_of(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return 1.0;
    }
    10f64.powi(value.abs().log10().floor() as i32 - 2)
}

/// `value` rounded down to three significant digits (never below zero for a positive value).
fn round_down(value: f64) -> f64 {
    let step = step_of(value);
    clean((value / step).floor() * step)
}

/// `value` rounded up to three significant digits.
fn round_up(value: f64) -> f64 {
    let step = step_of(value);
    clean((value / step).ceil() * step)
}

/// Drops the float noise a multiplication leaves (`0.30000000000000004` -> `0.3`).
fn clean(value: f64) -> f64 {
    crate::decimal::round_significant(value, 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> PlotFrame {
        PlotFrame {
            left: 100.0,
            right: 900.0,
            top: 20.0,
            bottom: 420.0,
            x: (0.0, 800.0),
            y: (0.0, 400.0),
        }
    }

    #[test]
    fn a_pixel_maps_back_to_the_coordinates_the_axes_stand_for() {
        let f = frame();
        assert_eq!(f.coord_at(100.0, 420.0), (0.0, 0.0));
        assert_eq!(f.coord_at(900.0, 20.0), (800.0, 400.0));
        assert_eq!(f.coord_at(500.0, 220.0), (400.0, 200.0));
        assert_eq!(f.coord_at(0.0, 999.0), (0.0, 0.0), "held to the frame");
    }

    #[test]
    fn a_dragged_box_becomes_round_ranges_in_base_units() {
        let linear = (Scale::Linear, Scale::Linear);
        // At pixel ratio 2, CSS (50, 210)..(250, 110) is device (100, 420)..(500, 220).
        let drag = DragBox {
            from: (50.0, 210.0),
            to: (250.3, 110.0),
        };
        let Some((x, y)) = zoom_ranges(linear, &frame(), drag, 2.0) else {
            panic!("a box this big zooms");
        };
        assert_eq!((x.min, x.max), (Some(0.0), Some(401.0)));
        assert_eq!((y.min, y.max), (Some(0.0), Some(200.0)));
        let click = DragBox {
            from: (50.0, 50.0),
            to: (53.0, 52.0),
        };
        assert_eq!(zoom_ranges(linear, &frame(), click, 2.0), None);
    }

    #[test]
    fn on_log_axes_the_box_reads_powers_back_as_values() {
        // Internal log2 coordinates 0..10 across the frame: 1 GiB to 1024 GiB.
        let f = PlotFrame {
            x: (0.0, 10.0),
            y: (0.0, 10.0),
            ..frame()
        };
        let drag = DragBox {
            from: (180.0, 420.0),
            to: (820.0, 100.0),
        };
        let Some((x, y)) = zoom_ranges((Scale::Log, Scale::Log), &f, drag, 1.0) else {
            panic!("a box this big zooms");
        };
        assert_eq!((x.min, x.max), (Some(2.0), Some(512.0)));
        assert_eq!((y.min, y.max), (Some(1.0), Some(256.0)));
    }

    #[test]
    fn rounding_keeps_three_digits_and_no_float_noise() {
        assert_eq!(round_down(0.30000000000000004), 0.3);
        assert_eq!(round_up(12_345.0), 12_400.0);
        assert_eq!(round_down(0.012_345), 0.0123);
        assert_eq!(round_down(0.0), 0.0);
    }
}
