//! The typed range boxes under a zoomable chart: one "from … to …" pair per numeric axis,
//! with its name, unit and the text each box shows, and the reading of what a person types
//! (a number, or a size name on the ladder's size axis).

use super::families::{range_text, range_unit, read_range_end};
use crate::chart::ladder::{size_name, size_step};
use crate::settings::{Axis, AxisRange, ChartAxis, Metric, ZoomChart};
use crate::state::{State, MAX_SIZE_STEPS};

/// One axis's pair of range boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeBoxes {
    /// The axis the boxes set.
    pub axis: ChartAxis,
    /// The range it is held to now.
    pub range: AxisRange,
    /// Its short name before the boxes: `X`, `Size`, `vCPU`, `Ratio`.
    pub name: &'static str,
    /// The unit after the boxes: `GiB`, `×`; empty for sizes.
    pub unit: &'static str,
    /// What the "from" box shows (empty when open).
    pub min: String,
    /// What the "to" box shows (empty when open).
    pub max: String,
}

/// The boxes of every numeric axis of `chart`, as `state` holds them.
pub fn range_boxes(state: &State, chart: ZoomChart) -> Vec<RangeBoxes> {
    chart
        .axes()
        .iter()
        .map(|&axis| {
            let range = state.range(axis);
            let text = |end: Option<f64>| match axis {
                ChartAxis::LadderSize => end.map_or_else(String::new, |v| size_name(v as i32)),
                _ => range_text(end),
            };
            let (name, unit) = match axis {
                ChartAxis::Families(Axis::X) => ("X", range_unit(state.families.x)),
                ChartAxis::Families(Axis::Y) => ("Y", range_unit(state.families.y)),
                ChartAxis::LadderSize => ("Size", ""),
                ChartAxis::LadderVcpu => ("vCPU", range_unit(Metric::Vcpu)),
                ChartAxis::LadderMemory => ("Memory", range_unit(Metric::Memory)),
                ChartAxis::LetterRatio => ("Ratio", "×"),
            };
            RangeBoxes {
                axis,
                range,
                name,
                unit,
                min: text(range.min),
                max: text(range.max),
            }
        })
        .collect()
}

/// Reads a range box of `axis`: empty is open; a number (a size name such as `large` or
/// `8xlarge` on the ladder's size axis) is an end; anything else is refused with a message
/// a person can act on.
pub fn read_range_box(axis: ChartAxis, text: &str) -> Result<Option<f64>, String> {
    if axis != ChartAxis::LadderSize {
        return read_range_end(text);
    }
    let name = text.trim().to_ascii_lowercase();
    if name.is_empty() {
        return Ok(None);
    }
    size_step(&name)
        .filter(|step| f64::from(step.abs()) <= MAX_SIZE_STEPS)
        .map(|step| Some(f64::from(step)))
        .ok_or_else(|| {
            format!(
                "\"{}\" is not a size: type one such as large, xlarge or 8xlarge, or leave the box empty",
                text.trim()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{reduce, Action};

    #[test]
    fn the_ladder_boxes_show_size_names_and_read_them_back() {
        let state = reduce(
            &State::default(),
            Action::SetRange(
                ChartAxis::LadderSize,
                AxisRange {
                    min: Some(-1.0),
                    max: Some(3.0),
                },
            ),
        );
        let boxes = range_boxes(&state, ZoomChart::Ladder);
        let names: Vec<&str> = boxes.iter().map(|b| b.name).collect();
        assert_eq!(names, ["Size", "vCPU", "Memory"]);
        assert_eq!(
            (boxes[0].min.as_str(), boxes[0].max.as_str()),
            ("large", "8xlarge")
        );
        assert_eq!(boxes[2].unit, "GiB");
        assert_eq!(
            read_range_box(ChartAxis::LadderSize, " 8XLarge "),
            Ok(Some(3.0))
        );
        assert_eq!(read_range_box(ChartAxis::LadderSize, ""), Ok(None));
        let refused = read_range_box(ChartAxis::LadderSize, "3xlarge");
        assert!(refused.is_err_and(|m| m.contains("not a size")));
        assert_eq!(read_range_box(ChartAxis::LetterRatio, "0.9"), Ok(Some(0.9)));
        let letters = range_boxes(&State::default(), ZoomChart::Letters);
        assert_eq!((letters[0].name, letters[0].unit), ("Ratio", "×"));
    }
}
