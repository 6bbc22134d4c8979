//! Where each drawn point landed on the canvas, so a pointer position maps back to data.

use super::zoom::PlotFrame;

/// One drawn point: its pixel position and the item type it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitPoint {
    /// Horizontal pixel position in the drawing's own pixels.
    pub x: i32,
    /// Vertical pixel position in the drawing's own pixels.
    pub y: i32,
    /// What the point stands for, as the chart that drew it says: a catalog index on the
    /// Families and ladder charts, a bar segment's index on the bar charts, a family pair's
    /// index on the Letter prices chart.
    pub item: usize,
    /// Which line (series) of the chart the point belongs to.
    pub line: usize,
}

/// What a pointer is over: the items on the nearest point (nearest first), its line, and
/// where the point is in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct PointerHit {
    /// The [`HitPoint::item`]s drawn on the point, the nearest first.
    pub items: Vec<usize>,
    /// The line (series) of the nearest point.
    pub line: usize,
    /// The point's horizontal position in CSS pixels.
    pub x: f64,
    /// The point's vertical position in CSS pixels.
    pub y: f64,
}

/// Every point a chart drew, found again by position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitMap {
    /// The points, in drawing order.
    pub points: Vec<HitPoint>,
    /// The plotting areas and what their edges stand for, on charts a box can zoom (one
    /// per panel: the ladder has two).
    pub frames: Vec<PlotFrame>,
}

impl HitMap {
    /// The panel a device pixel falls in, with its frame.
    pub fn frame_at(&self, px: f64, py: f64) -> Option<(usize, PlotFrame)> {
        self.frames
            .iter()
            .copied()
            .enumerate()
            .find(|(_, f)| f.contains(px, py))
    }

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
                .filter(|p| (p.x, p.y) == (nearest.x, nearest.y) && p.item != nearest.item),
        );
        stack
    }

    /// Maps a pointer at (`css_x`, `css_y`) CSS pixels over a chart drawn at `pixel_ratio`
    /// device pixels per CSS pixel: the nearest point within `radius` CSS pixels and every
    /// point on its pixel, with its position back in CSS pixels.
    pub fn hit_at_css(
        &self,
        css_x: f64,
        css_y: f64,
        pixel_ratio: f64,
        radius: f64,
    ) -> Option<PointerHit> {
        let stack = self.stack_at(
            css_x * pixel_ratio,
            css_y * pixel_ratio,
            radius * pixel_ratio,
        );
        let nearest = stack.first()?;
        Some(PointerHit {
            items: stack.iter().map(|p| p.item).collect(),
            line: nearest.line,
            x: f64::from(nearest.x) / pixel_ratio,
            y: f64::from(nearest.y) / pixel_ratio,
        })
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
                    item: 0,
                    line: 0,
                },
                HitPoint {
                    x: 20,
                    y: 10,
                    item: 1,
                    line: 1,
                },
            ],
            ..HitMap::default()
        };
        assert_eq!(map.nearest(17.0, 11.0, 8.0).map(|p| p.item), Some(1));
        assert_eq!(map.nearest(12.0, 9.0, 8.0).map(|p| p.item), Some(0));
        assert_eq!(map.nearest(60.0, 60.0, 8.0), None);
    }

    #[test]
    fn a_stack_lists_every_point_on_the_same_pixel_nearest_first() {
        let map = HitMap {
            points: vec![
                HitPoint {
                    x: 10,
                    y: 10,
                    item: 4,
                    line: 0,
                },
                HitPoint {
                    x: 30,
                    y: 10,
                    item: 5,
                    line: 1,
                },
                HitPoint {
                    x: 10,
                    y: 10,
                    item: 6,
                    line: 1,
                },
            ],
            ..HitMap::default()
        };
        let stack: Vec<usize> = map
            .stack_at(11.0, 10.0, 8.0)
            .iter()
            .map(|p| p.item)
            .collect();
        assert_eq!(stack, [4, 6]);
        assert!(map.stack_at(50.0, 50.0, 8.0).is_empty());
        assert_eq!(map.line(1).count(), 2);
    }

    #[test]
    fn a_pointer_in_css_pixels_finds_the_point_drawn_in_device_pixels() {
        let map = HitMap {
            points: vec![
                HitPoint {
                    x: 40,
                    y: 20,
                    item: 7,
                    line: 2,
                },
                HitPoint {
                    x: 40,
                    y: 20,
                    item: 8,
                    line: 2,
                },
                HitPoint {
                    x: 100,
                    y: 100,
                    item: 9,
                    line: 3,
                },
            ],
            ..HitMap::default()
        };
        let Some(hit) = map.hit_at_css(21.0, 11.0, 2.0, 4.0) else {
            panic!("the pointer is within 4 CSS pixels of (20, 10)");
        };
        assert_eq!(hit.items, [7, 8]);
        assert_eq!((hit.line, hit.x, hit.y), (2, 20.0, 10.0));
        assert_eq!(
            map.hit_at_css(30.0, 10.0, 2.0, 4.0),
            None,
            "10 CSS pixels away"
        );
        assert_eq!(
            map.hit_at_css(50.0, 50.0, 2.0, 4.0).map(|h| h.items),
            Some(vec![9])
        );
    }
}
