//! Halves and the screen's rows (title, body, status, footer), as arithmetic:
//! the grid's four quadrants and the weights view's two matrices. ratatui's
//! `Layout` solves these with its constraint solver, which on the first frame
//! (empty layout cache) costs more than the rest of the grid's layout; the
//! results here are the same rectangles, checked against `Layout` for every
//! size a terminal can have.

use ratatui::layout::Rect;

/// Two halves of `len` cells: the first gets the odd cell, as `Layout` with two
/// `Fill(1)` gives it.
fn halves(len: u16) -> (u16, u16) {
    let second = len / 2;
    (len - second, second)
}

/// `area` cut into a top and a bottom half.
pub fn rows(area: Rect) -> [Rect; 2] {
    let (top, bottom) = halves(area.height);
    [Rect { height: top, ..area }, Rect { y: area.y + top, height: bottom, ..area }]
}

/// `area` cut into a left and a right half.
pub fn columns(area: Rect) -> [Rect; 2] {
    let (left, right) = halves(area.width);
    [Rect { width: left, ..area }, Rect { x: area.x + left, width: right, ..area }]
}

/// The screen's title row, body, status row and footer row. `None` below
/// three rows, where each row cannot have its line.
pub fn screen(area: Rect) -> Option<[Rect; 4]> {
    let body = area.height.checked_sub(3)?;
    let row = |y| Rect { y, height: 1, ..area };
    Some([row(area.y), Rect { y: area.y + 1, height: body, ..area }, row(area.y + 1 + body), row(area.y + 2 + body)])
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    /// Every width and height a terminal can show (and some it cannot), at an
    /// offset: the same rectangles as the solver's.
    #[test]
    fn the_splits_are_the_layouts_at_every_size() {
        for len in 0..=1000u16 {
            let area = Rect::new(3, 5, len, len);
            let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(area);
            assert_eq!(rows(area), [top, bottom], "rows of {area:?}");
            let [left, right] = Layout::horizontal([Constraint::Fill(1); 2]).areas(area);
            assert_eq!(columns(area), [left, right], "columns of {area:?}");
            let whole = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(area);
            match screen(area) {
                Some(split) => assert_eq!(split, whole, "screen of {area:?}"),
                None => assert!(len < 3),
            }
        }
    }
}
