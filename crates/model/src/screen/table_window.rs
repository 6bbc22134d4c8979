//! Which rows of a long table to build: the ones a scroll box shows, plus a few either side.

use std::ops::Range;

/// The rows a scroll box builds and the empty space that stands in for the rest, so its
/// scrollbar is as long as if every row were there.
#[derive(Debug, Clone, PartialEq)]
pub struct RowWindow {
    /// Indices (into the display order) of the rows to build.
    pub rows: Range<usize>,
    /// Pixels of empty space above the first built row.
    pub space_before: f64,
    /// Pixels of empty space below the last built row.
    pub space_after: f64,
}

/// The rows of a list of `row_count` rows, each `row_height` CSS pixels tall, that intersect
/// a box `viewport_height` pixels tall scrolled down by `scroll_top`, widened by `overscan`
/// rows at each end. Nonsense input (negative or not finite) counts as 0, and a row height
/// that is not positive builds every row, so the table never goes blank.
pub fn row_window(
    scroll_top: f64,
    viewport_height: f64,
    row_height: f64,
    row_count: usize,
    overscan: usize,
) -> RowWindow {
    let sane = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    if !(row_height.is_finite() && row_height > 0.0) {
        return RowWindow {
            rows: 0..row_count,
            space_before: 0.0,
            space_after: 0.0,
        };
    }
    let (top, height) = (sane(scroll_top), sane(viewport_height));
    // A float to usize cast saturates, so a huge scroll offset lands on the last row.
    let first_seen = ((top / row_height).floor() as usize).min(row_count);
    let last_seen = (((top + height) / row_height).ceil() as usize).min(row_count);
    let start = first_seen.saturating_sub(overscan);
    let end = last_seen.saturating_add(overscan).min(row_count);
    RowWindow {
        rows: start..end,
        space_before: start as f64 * row_height,
        space_after: (row_count - end) as f64 * row_height,
    }
}

/// `scroll_top` rounded down to a whole number of rows: the only scroll positions at which
/// [`row_window`] can differ, so a view re-renders once per row scrolled, not per pixel.
pub fn scrolled_rows(scroll_top: f64, row_height: f64) -> usize {
    if scroll_top.is_finite() && scroll_top > 0.0 && row_height.is_finite() && row_height > 0.0 {
        (scroll_top / row_height).floor() as usize
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_top_builds_the_visible_rows_and_the_overscan_below() {
        let w = row_window(0.0, 320.0, 32.0, 1424, 8);
        assert_eq!(w.rows, 0..18);
        assert_eq!(w.space_before, 0.0);
        assert_eq!(w.space_after, (1424 - 18) as f64 * 32.0);
    }

    #[test]
    fn in_the_middle_builds_overscan_on_both_sides() {
        // Scrolled 100 rows and a half: rows 100..=110 are (partly) seen.
        let w = row_window(100.5 * 32.0, 320.0, 32.0, 1424, 8);
        assert_eq!(w.rows, 92..119);
        assert_eq!(w.space_before, 92.0 * 32.0);
    }

    #[test]
    fn built_rows_and_spaces_always_add_up_to_the_full_height() {
        for top in [0.0, 17.0, 5000.0, 45_000.0, 1e9] {
            let w = row_window(top, 600.0, 30.0, 1500, 5);
            let built = w.rows.len() as f64 * 30.0;
            assert_eq!(
                w.space_before + built + w.space_after,
                1500.0 * 30.0,
                "at {top}"
            );
            assert!(w.rows.end <= 1500);
        }
    }

    #[test]
    fn scrolled_to_the_bottom_builds_the_last_row() {
        let (rows, height, row) = (10_000, 500.0, 32.0);
        let bottom = rows as f64 * row - height;
        let w = row_window(bottom, height, row, rows, 4);
        assert_eq!(w.rows.end, rows);
        assert!(w.rows.len() < 30, "{:?}", w.rows);
        assert_eq!(w.space_after, 0.0);
    }

    #[test]
    fn a_scroll_past_the_end_still_builds_the_last_rows() {
        // A list that just shrank under an old scroll position.
        let w = row_window(90_000.0, 400.0, 32.0, 40, 6);
        assert_eq!(w.rows, 34..40);
        assert_eq!(w.space_after, 0.0);
    }

    #[test]
    fn an_empty_list_builds_nothing() {
        let w = row_window(300.0, 400.0, 32.0, 0, 6);
        assert_eq!(w.rows, 0..0);
        assert_eq!((w.space_before, w.space_after), (0.0, 0.0));
    }

    #[test]
    fn nonsense_geometry_never_blanks_the_table() {
        assert_eq!(row_window(0.0, 400.0, 0.0, 50, 6).rows, 0..50);
        assert_eq!(row_window(f64::NAN, f64::NAN, 32.0, 50, 6).rows, 0..6);
        assert_eq!(row_window(-200.0, 64.0, 32.0, 50, 0).rows, 0..2);
    }

    #[test]
    fn scrolled_rows_counts_whole_rows_only() {
        assert_eq!(scrolled_rows(0.0, 32.0), 0);
        assert_eq!(scrolled_rows(31.9, 32.0), 0);
        assert_eq!(scrolled_rows(64.0, 32.0), 2);
        assert_eq!(scrolled_rows(-5.0, 32.0), 0);
        assert_eq!(scrolled_rows(100.0, 0.0), 0);
    }
}
