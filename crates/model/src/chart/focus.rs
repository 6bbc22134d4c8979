//! Moving a keyboard focus between the points a chart drew: left and right along a line
//! (a family's sizes, a bar's segments), up and down between lines (families, bars).

use super::hitmap::HitMap;

/// A key that moves the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The previous point of the same line (arrow left).
    Previous,
    /// The next point of the same line (arrow right).
    Next,
    /// The nearest point of the line above in drawing order (arrow up).
    LineBefore,
    /// The nearest point of the line below in drawing order (arrow down).
    LineAfter,
    /// The first point drawn (Home).
    First,
    /// The last point drawn (End).
    Last,
}

impl Step {
    /// The step a key (a `KeyboardEvent.key` value) asks for, if any.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Previous,
            "ArrowRight" => Step::Next,
            "ArrowUp" => Step::LineBefore,
            "ArrowDown" => Step::LineAfter,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

impl HitMap {
    /// The index (into [`HitMap::points`]) the focus moves to from `from` (`None`: nothing
    /// focused yet, so any step lands on the first point). Stays put at the ends.
    pub fn step(&self, from: Option<usize>, step: Step) -> Option<usize> {
        let last = self.points.len().checked_sub(1)?;
        let Some(at) = from.filter(|&i| i <= last) else {
            return Some(if step == Step::Last { last } else { 0 });
        };
        let here = self.points[at];
        // The next thing along the line: a bar segment hit in several places counts once.
        let in_line =
            |i: &usize| self.points[*i].line == here.line && self.points[*i].item != here.item;
        Some(match step {
            Step::First => 0,
            Step::Last => last,
            Step::Previous => (0..at).rev().find(in_line).unwrap_or(at),
            Step::Next => (at + 1..=last).find(in_line).unwrap_or(at),
            Step::LineBefore | Step::LineAfter => {
                let target = if step == Step::LineBefore {
                    self.points[..at].iter().rev().find(|p| p.line != here.line)
                } else {
                    self.points[at..].iter().find(|p| p.line != here.line)
                };
                let Some(line) = target.map(|p| p.line) else {
                    return Some(at);
                };
                // The point of that line nearest to this one on screen.
                let distance = |i: &usize| {
                    let p = self.points[*i];
                    let (dx, dy) = (i64::from(p.x - here.x), i64::from(p.y - here.y));
                    dx * dx + dy * dy
                };
                (0..=last)
                    .filter(|&i| self.points[i].line == line)
                    .min_by_key(distance)
                    .unwrap_or(at)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::hitmap::HitPoint;

    /// Two lines: line 0 along y = 10 (x 0, 10, 20), line 1 along y = 40 (x 5, 25).
    fn map() -> HitMap {
        let point = |x, y, line, item| HitPoint { x, y, item, line };
        HitMap {
            points: vec![
                point(0, 10, 0, 0),
                point(10, 10, 0, 1),
                point(20, 10, 0, 2),
                point(5, 40, 1, 3),
                point(25, 40, 1, 4),
            ],
            ..HitMap::default()
        }
    }

    #[test]
    fn left_and_right_walk_a_line_and_stop_at_its_ends() {
        let map = map();
        assert_eq!(
            map.step(None, Step::Next),
            Some(0),
            "the first key lands on the first point"
        );
        assert_eq!(map.step(Some(0), Step::Next), Some(1));
        assert_eq!(
            map.step(Some(2), Step::Next),
            Some(2),
            "the line ends there"
        );
        assert_eq!(map.step(Some(3), Step::Previous), Some(3));
        assert_eq!(map.step(Some(4), Step::Previous), Some(3));
    }

    #[test]
    fn a_segment_hit_in_several_places_is_one_step() {
        let point = |x, item| HitPoint {
            x,
            y: 10,
            item,
            line: 0,
        };
        let map = HitMap {
            points: vec![point(0, 7), point(10, 7), point(20, 7), point(30, 8)],
            ..HitMap::default()
        };
        assert_eq!(map.step(Some(0), Step::Next), Some(3));
        assert_eq!(map.step(Some(3), Step::Previous), Some(2));
    }

    #[test]
    fn up_and_down_jump_to_the_nearest_point_of_the_next_line() {
        let map = map();
        assert_eq!(
            map.step(Some(2), Step::LineAfter),
            Some(4),
            "x 20 is nearest x 25"
        );
        assert_eq!(map.step(Some(0), Step::LineAfter), Some(3));
        assert_eq!(map.step(Some(3), Step::LineBefore), Some(0));
        assert_eq!(
            map.step(Some(3), Step::LineAfter),
            Some(3),
            "no line after the last"
        );
        assert_eq!(map.step(Some(1), Step::Last), Some(4));
        assert_eq!(HitMap::default().step(None, Step::Next), None);
        assert_eq!(Step::from_key("ArrowDown"), Some(Step::LineAfter));
        assert_eq!(Step::from_key("a"), None);
    }
}
