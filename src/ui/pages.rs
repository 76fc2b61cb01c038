//! Pages for presentation mode: whole items split into screenfuls, the page of the selection showing.

use ratatui::text::Line;

use crate::i18n::Lang;

/// The page that shows: items `first..end` of `count` pages, the `page`-th.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub first: usize,
    pub end: usize,
    pub page: usize,
    pub count: usize,
}

impl Page {
    /// " página 2/3 " when there is more than one page, else nothing.
    pub fn label(&self, lang: Lang) -> Option<String> {
        (self.count > 1).then(|| format!(" {} {}/{} ", lang.text().meeting.page, self.page + 1, self.count))
    }
}

/// Splits items of `heights` lines into pages of `rows` lines, whole items
/// each (one taller than a page gets a page of its own), and gives the page
/// holding item `sel`: every item is on some page, and moving the selection
/// reaches them all.
pub fn page_of(heights: &[usize], rows: usize, sel: usize) -> Page {
    let mut starts = vec![0];
    let mut used = 0;
    for (i, &h) in heights.iter().enumerate() {
        let h = h.max(1);
        if used > 0 && used + h > rows {
            starts.push(i);
            used = h;
        } else {
            used += h;
        }
    }
    let page = starts.iter().rposition(|&s| s <= sel).unwrap_or(0);
    let end = starts.get(page + 1).copied().unwrap_or(heights.len());
    Page { first: starts[page], end, page, count: starts.len() }
}

/// The lines of items `page.first..page.end` of `items`, at most `rows` of
/// them: an item taller than the page shows its first lines, the last ending in `…`.
pub fn page_lines(items: &[Vec<Line<'static>>], page: Page, rows: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = items[page.first..page.end].iter().flatten().cloned().collect();
    if lines.len() > rows && rows > 0 {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            last.spans.push(ratatui::text::Span::raw(" …"));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_on_exactly_one_page_and_the_selection_is_on_its_own() {
        let heights = [2, 3, 1, 5, 9, 1, 1, 2];
        let rows = 5;
        let mut seen = vec![0; heights.len()];
        let mut pages = std::collections::BTreeSet::new();
        for sel in 0..heights.len() {
            let p = page_of(&heights, rows, sel);
            assert!(p.first <= sel && sel < p.end, "{sel}: {p:?}");
            let used: usize = heights[p.first..p.end].iter().sum();
            assert!(used <= rows || p.end - p.first == 1, "{p:?} overflows with more than one item");
            if pages.insert(p.first) {
                (p.first..p.end).for_each(|i| seen[i] += 1);
            }
        }
        assert_eq!(seen, vec![1; heights.len()]);
        assert_eq!(page_of(&heights, rows, 0).count, pages.len());
    }

    #[test]
    fn one_page_has_no_label() {
        let p = page_of(&[1, 1], 5, 1);
        assert_eq!((p.first, p.end, p.count), (0, 2, 1));
        assert_eq!(p.label(Lang::Es), None);
        assert_eq!(page_of(&[3, 3], 5, 1).label(Lang::En).as_deref(), Some(" page 2/2 "));
    }
}
