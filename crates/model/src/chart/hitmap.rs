//! Where each drawn point landed on the canvas, so a pointer position maps back to data.

/// One drawn point: its pixel position and the instance type it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitPoint {
    /// Horizontal pixel position in the drawing's own pixels.
    pub x: i32,
    /// Vertical pixel position in the drawing's own pixels.
    pub y: i32,
    /// Index into the catalog's instance types.
    pub instance: usize,
    /// Which line (series) of the chart the point belongs to.
    pub line: usize,
}

/// Every point a chart drew, found again by position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitMap {
    /// The points, in drawing order.
    pub points: Vec<HitPoint>,
}

impl HitMap {
    /// The point nearest to `(x, y)` within `radius` pixels, if any.
    pub fn nearest(&self, x: f64, y: f64, radius: f64) -> Option<HitPoint> {
        self.points
            .iter()
            .map(|p| {
                let (dx, dy) = (f64::from(p.x) - x, f64::from(p.y) - y);
                (dx * dx + dy * dy, p)
            })
            .filter(|(d2, _)| *d2 <= radius * radius)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, p)| *p)
    }

    /// The nearest point within `radius`, followed by every other point drawn on the very
    /// same pixel (types with equal specs hide behind each other otherwise).
    pub fn stack_at(&self, x: f64, y: f64, radius: f64) -> Vec<HitPoint> {
        let Some(nearest) = self.nearest(x, y, radius) else {
            return Vec::new();
        };
        let mut stack = vec![nearest];
        stack.extend(
            self.points
                .iter()
                .filter(|p| (p.x, p.y) == (nearest.x, nearest.y) && p.instance != nearest.instance),
        );
        stack
    }

    /// The points of one line, in drawing order.
    pub fn line(&self, line: usize) -> impl Iterator<Item = &HitPoint> {
        self.points.iter().filter(move |p| p.line == line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_picks_the_closest_point_within_the_radius() {
        let map = HitMap {
            points: vec![
                HitPoint {
                    x: 10,
                    y: 10,
                    instance: 0,
                    line: 0,
                },
                HitPoint {
                    x: 20,
                    y: 10,
                    instance: 1,
                    line: 1,
                },
            ],
        };
        assert_eq!(map.nearest(17.0, 11.0, 8.0).map(|p| p.instance), Some(1));
        assert_eq!(map.nearest(12.0, 9.0, 8.0).map(|p| p.instance), Some(0));
        assert_eq!(map.nearest(60.0, 60.0, 8.0), None);
    }

    #[test]
    fn a_stack_lists_every_point_on_the_same_pixel_nearest_first() {
        let map = HitMap {
            points: vec![
                HitPoint {
                    x: 10,
                    y: 10,
                    instance: 4,
                    line: 0,
                },
                HitPoint {
                    x: 30,
                    y: 10,
                    instance: 5,
                    line: 1,
                },
                HitPoint {
                    x: 10,
                    y: 10,
                    instance: 6,
                    line: 1,
                },
            ],
        };
        let stack: Vec<usize> = map
            .stack_at(11.0, 10.0, 8.0)
            .iter()
            .map(|p| p.instance)
            .collect();
        assert_eq!(stack, [4, 6]);
        assert!(map.stack_at(50.0, 50.0, 8.0).is_empty());
        assert_eq!(map.line(1).count(), 2);
    }
}
