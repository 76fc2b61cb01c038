//! The plan view's lists: the actions of the selected línea, the tray of
//! actions with none, the retos with where they come from, the indicators
//! with what they measure, and the coverage line. A link to something deleted
//! shows its ID with `?`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::pages::page_of;
use super::plan::{PlanView, safe};
use crate::app::plan::{PlanItem, placed, selected_line, tray};
use crate::app::selection::PlanPane;
use crate::domain::Session;
use crate::export::plan_md::source_labels;
use crate::i18n::plan_words::PlanWords;

/// The lines each row takes wrapped at `width`.
fn wrapped_heights(rows: &[Line<'static>], width: u16) -> Vec<u16> {
    let width = usize::from(width.max(1));
    rows.iter()
        .map(|l| {
            let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            u16::try_from(textwrap::wrap(&plain, width).len().max(1)).unwrap_or(u16::MAX)
        })
        .collect()
}

/// The first row shown (as late as needed for the selected one to fit in
/// `height` lines) and how many rows show whole from there.
pub(super) fn first_and_shown(heights: &[u16], sel: Option<usize>, height: u16) -> (usize, usize) {
    let fits = |rows: &[u16]| rows.iter().map(|&h| u32::from(h)).sum::<u32>() <= u32::from(height);
    let mut first = 0;
    if let Some(sel) = sel {
        while first < sel && !fits(&heights[first..=sel]) {
            first += 1;
        }
    }
    let shown = (first..heights.len()).take_while(|&end| fits(&heights[first..=end])).count();
    (first, shown)
}

impl PlanView<'_> {
    /// IDs of indicators, `I3?` when one is gone.
    fn indicator_ids(&self, s: &Session, ids: &[String]) -> String {
        let shown: Vec<String> = ids
            .iter()
            .map(|id| {
                let label = safe(&self.lang.show_id(id));
                if s.find_indicator(id).is_some() { label } else { format!("{label}?") }
            })
            .collect();
        shown.join(", ")
    }

    fn item_line(&self, s: &Session, item: PlanItem) -> Line<'static> {
        let (id, text) = item.show(s);
        let mut spans = vec![
            Span::styled(format!("{:<5}", safe(&self.lang.show_id(id))), self.theme.id),
            Span::styled(safe(text), self.theme.text),
        ];
        if let PlanItem::Action(c, i) = item
            && !s.actions(c)[i].indicators.is_empty()
        {
            spans.push(Span::styled(
                format!("  [{}]", self.indicator_ids(s, &s.actions(c)[i].indicators)),
                self.theme.linked,
            ));
        }
        Line::from(spans)
    }

    /// The selected row of a pane's list, when that pane has the keys.
    fn chosen(&self, pane: PlanPane, at: usize, len: usize) -> Option<usize> {
        (self.editor.views().plan.pane == pane && len > 0).then(|| at.min(len - 1))
    }

    fn boxed(&self, title: String, pane: PlanPane, rows: Vec<Line<'static>>, at: usize, area: Rect, buf: &mut Buffer) {
        let block = self.block(title, Some(pane));
        let inner = block.inner(area);
        let sel = self.chosen(pane, at, rows.len());
        if rows.is_empty() {
            block.render(area, buf);
            buf.set_line(inner.x, inner.y, &Line::styled("—", self.theme.dim), inner.width);
            return;
        }
        if self.editor.presenting() && !self.editor.room().zoom {
            let at = at.min(rows.len() - 1);
            return self.paged(block, rows, sel, at, area, buf);
        }
        let zoom = self.editor.room().zoom;
        let heights = if zoom { wrapped_heights(&rows, inner.width) } else { vec![1; rows.len()] };
        let (first, shown) = first_and_shown(&heights, sel, inner.height);
        // What does not fit is counted on the border, as in the grid and CAME.
        let below = rows.len() - first - shown;
        super::list::more_titles(block, first, below, self.theme, self.lang).render(area, buf);
        if zoom {
            self.wrapped(rows, &heights, sel, first, inner, buf);
        } else {
            self.list(rows, sel, inner, buf);
        }
    }

    /// Presenting: rows read whole, wrapped, on pages; the page holding row
    /// `at` (the pane's cursor, with the keys or not) shows and says which it is.
    pub(super) fn paged(
        &self,
        block: Block<'static>,
        rows: Vec<Line<'static>>,
        sel: Option<usize>,
        at: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let inner = block.inner(area);
        let heights = wrapped_heights(&rows, inner.width);
        let lines: Vec<usize> = heights.iter().map(|&h| usize::from(h)).collect();
        let page = page_of(&lines, usize::from(inner.height), at);
        let block = match page.label(self.lang) {
            Some(label) => block.title_bottom(Line::styled(label, self.theme.key).right_aligned()),
            None => block,
        };
        block.render(area, buf);
        let rows: Vec<Line<'static>> = rows.into_iter().take(page.end).collect();
        self.wrapped(rows, &heights, sel, page.first, inner, buf);
    }

    /// Rows read whole, each wrapped on as many lines as it needs (zoomed:
    /// the pane fills the view), from `first`.
    fn wrapped(
        &self,
        rows: Vec<Line<'static>>,
        heights: &[u16],
        sel: Option<usize>,
        first: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let mut y = area.y;
        for (n, line) in rows.into_iter().enumerate().skip(first) {
            if y >= area.bottom() {
                break;
            }
            let height = heights[n].min(area.bottom() - y);
            let line = if Some(n) == sel { line.style(self.theme.selected) } else { line };
            let cell = Rect { y, height, ..area };
            Paragraph::new(line).wrap(Wrap { trim: true }).render(cell, buf);
            // Taller than the pane: its first lines, and `…` says it goes on.
            if heights[n] > height && area.width > 0 {
                buf.set_string(area.right() - 1, cell.bottom() - 1, "…", self.theme.key);
            }
            y += height;
        }
    }

    pub(super) fn placed(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let line = selected_line(s, self.editor.views().plan.tree);
        let title = match line {
            Some(i) => {
                let l = &s.lines[i];
                let measured = if l.indicators.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", self.indicator_ids(s, &l.indicators))
                };
                format!("{} {}{measured}", s.line_label(&l.id), w.col_action)
            }
            None => w.col_action.to_owned(),
        };
        let items = line.map(|i| placed(s, &s.lines[i].id)).unwrap_or_default();
        let rows = items.iter().map(|&it| self.item_line(s, it)).collect();
        self.boxed(title, PlanPane::Actions, rows, self.editor.views().plan.actions, area, buf);
    }

    pub(super) fn tray(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let items = tray(s);
        let title = format!("{} ({})", w.no_line, items.len());
        let rows = items.iter().map(|&it| self.item_line(s, it)).collect();
        self.boxed(title, PlanPane::Tray, rows, self.editor.views().plan.tray, area, buf);
    }

    pub(super) fn challenges(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let rows = s
            .challenges
            .iter()
            .map(|c| {
                let from: Vec<String> = source_labels(c, s, w, self.lang).iter().map(|l| safe(l)).collect();
                // Where it comes from first, so a narrow pane still shows the links.
                let from = if from.is_empty() { String::new() } else { format!("({}) ", from.join(", ")) };
                Line::from(vec![
                    Span::styled(format!("{} ", safe(&self.lang.show_id(&c.id))), t.id),
                    Span::styled(from, t.linked),
                    Span::styled(safe(&c.text), t.text),
                ])
            })
            .collect();
        let title = format!("{} ({})", w.challenges, s.challenges.len());
        self.boxed(title, PlanPane::Challenges, rows, self.editor.views().plan.challenges, area, buf);
    }

    pub(super) fn indicators(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let number = |x: Option<f64>| {
            x.map_or_else(|| "—".to_owned(), |x| self.lang.number(x, if x.fract() == 0.0 { 0 } else { 2 }))
        };
        let rows = s
            .indicators
            .iter()
            .map(|ind| {
                let arrow = ind.direction.arrow();
                let unit = ind.unit.as_deref().map(|u| format!(" {}", safe(u))).unwrap_or_default();
                // What it measures: líneas (by number) and actions.
                let mut measures: Vec<String> =
                    s.lines.iter().filter(|l| l.indicators.contains(&ind.id)).map(|l| s.line_label(&l.id)).collect();
                measures.extend(
                    s.all_actions()
                        .filter(|(_, a)| a.indicators.contains(&ind.id))
                        .map(|(_, a)| self.lang.show_id(&a.id)),
                );
                let measures = if measures.is_empty() {
                    String::new()
                } else {
                    format!("  {} {}", self.lang.plan_ui().measures, safe(&measures.join(", ")))
                };
                Line::from(vec![
                    Span::styled(format!("{} ", safe(&self.lang.show_id(&ind.id))), t.id),
                    Span::styled(safe(&ind.name), t.text),
                    Span::styled(format!(": {} → {}{unit} {arrow}", number(ind.baseline), number(ind.target)), t.dim),
                    Span::styled(measures, t.linked),
                ])
            })
            .collect();
        let title = format!("{} ({})", w.indicators, s.indicators.len());
        self.boxed(title, PlanPane::Indicators, rows, self.editor.views().plan.indicators, area, buf);
    }

    pub(super) fn coverage(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let lines_without = s.lines_without_actions().len();
        let actions_without = s.actions_without_line().len();
        let coverage = Line::from(vec![
            Span::styled(
                format!("{}: {lines_without}", w.lines_without_actions),
                if lines_without > 0 { t.caution } else { t.ok },
            ),
            Span::styled(" · ", t.dim),
            Span::styled(
                format!("{}: {actions_without}", w.actions_without_line),
                if actions_without > 0 { t.caution } else { t.ok },
            ),
        ]);
        coverage.render(area, buf);
    }
}
