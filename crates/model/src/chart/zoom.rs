//! From pointer pixels back to data: the plotting frame a chart drew its axes in, and the
//! ranges a dragged box asks for.

use crate::settings::FamiliesSpec;
use crate::settings::{AxisRange, Scale};

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

/// The axis ranges (in the metrics' base units) that show what `drag` covers on a chart
/// drawn in `frame` at `pixel_ratio`, rounded to three significant digits so the typed
/// boxes and the address read well. `None` when the box is too small or outside the frame.
pub fn zoom_ranges(
    spec: &FamiliesSpec,
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
    Some((range(x0, x1, spec.x_scale)?, range(y0, y1, spec.y_scale)?))
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
    format!("{value:.6e}").parse().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Metric;

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
        let spec = FamiliesSpec {
            x_scale: Scale::Linear,
            y_scale: Scale::Linear,
            ..FamiliesSpec::default()
        };
        // At pixel ratio 2, CSS (50, 210)..(250, 110) is device (100, 420)..(500, 220).
        let drag = DragBox {
            from: (50.0, 210.0),
            to: (250.3, 110.0),
        };
        let Some((x, y)) = zoom_ranges(&spec, &frame(), drag, 2.0) else {
            panic!("a box this big zooms");
        };
        assert_eq!((x.min, x.max), (Some(0.0), Some(401.0)));
        assert_eq!((y.min, y.max), (Some(0.0), Some(200.0)));
        let click = DragBox {
            from: (50.0, 50.0),
            to: (53.0, 52.0),
        };
        assert_eq!(zoom_ranges(&spec, &frame(), click, 2.0), None);
    }

    #[test]
    fn on_log_axes_the_box_reads_powers_back_as_values() {
        let spec = FamiliesSpec {
            x: Metric::Memory,
            ..FamiliesSpec::default()
        };
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
        let Some((x, y)) = zoom_ranges(&spec, &f, drag, 1.0) else {
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
