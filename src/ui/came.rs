//! The CAME view: each quadrant's factors beside the actions that answer them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use super::grid::{quadrant_areas, render_input};
use super::list::{Mark, Window, action_item, answers, clip_end as clip, factor_item};
use super::pages::{Page, page_lines, page_of};
use super::theme::{Theme, symbol};
use crate::app::editor::{Editor, Mode, Pane};
use crate::domain::text::display_safe;
use crate::domain::{Came, Quadrant};
use crate::i18n::Lang;
use crate::labels;
use unicode_width::UnicodeWidthStr;

/// The four CAME quadrants, each in the place of the quadrant it answers.
pub struct CameGrid<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for CameGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (q, cell) in quadrant_areas(self.editor, area) {
            self.quadrant(q, cell, buf);
        }
    }
}

impl CameGrid<'_> {
    fn quadrant(&self, q: Quadrant, area: Rect, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let c = Came::of(q);
        let focused = editor.focus() == q;
        let (open, total) = (session.unanswered(q), session.factors(q).len());
        let verb = labels::came(lang, session.meta.labels, c);
        let title = Line::from(vec![
            Span::styled(format!(" {} ", q.index() + 1), theme.key),
            Span::styled(format!("{} {verb} ", symbol(q)), theme.quadrant(q)),
            Span::styled(format!("({}) ", session.actions(c).len()), theme.dim),
        ]);
        // The count and the coverage share the top border: the coverage shortens to fit.
        let room = usize::from(area.width.saturating_sub(2)).saturating_sub(title.width() + 1);
        let coverage = [
            format!(" {} ", (lang.text().ui.came_coverage)(open, total)),
            format!(" {} ", (lang.text().ui.came_coverage_short)(open, total)),
            format!(" {open}/{total} "),
        ]
        .into_iter()
        .find(|c| c.chars().count() <= room)
        .unwrap_or_default();
        let block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(title)
            .title_top(Line::styled(coverage, if open > 0 { theme.caution } else { theme.ok }).right_aligned());
        let mut inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if focused && let Mode::Input(target) = &editor.mode() {
            let h = super::grid::input_height(target, inner.width).min(inner.height);
            inner.height -= h;
            let input_area = Rect { y: inner.y + inner.height, height: h, ..inner };
            render_input(target, theme, lang, input_area, buf);
            self.action_target(target, Rect { height: 1, ..input_area }, buf);
        }
        let active = focused && matches!(editor.mode(), Mode::Grid | Mode::ImpactPick) && !editor.covered();
        let pane = editor.views().came.pane;
        let (f_focus, a_focus) = (active && pane == Pane::Factors, active && pane == Pane::Actions);
        // Presenting, a quadrant with no actions yet gives all its room to its
        // factors, and one with no factors to its actions.
        if editor.presenting() && session.actions(c).is_empty() {
            let f_lines = self.factor_lines(q, f_focus, false, inner.width);
            self.factors(q, f_focus, &f_lines, inner, buf);
            return;
        }
        if editor.presenting() && session.factors(q).is_empty() {
            let a_lines = self.action_lines(q, a_focus, false, inner.width);
            self.actions(q, a_focus, &a_lines, inner, buf);
            return;
        }
        // Side by side when there is room, else factors above actions, sharing the rows by content.
        if inner.width >= 64 {
            let [f_area, a_area] =
                Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).spacing(1).areas(inner);
            // Presenting, every item is read whole: what does not fit goes on pages.
            let f_lines = self.factor_lines(q, f_focus, false, f_area.width);
            let a_lines = self.action_lines(q, a_focus, false, a_area.width);
            self.factors(q, f_focus, &f_lines, f_area, buf);
            self.actions(q, a_focus, &a_lines, a_area, buf);
            return;
        }
        // Too few rows for a heading and an item in each list (a 40x12
        // terminal): the list the keys act on takes them all, so what a key
        // changes is on the screen; the title counts the actions.
        if inner.height < 4 && !editor.presenting() {
            if pane == Pane::Actions {
                let a_lines = self.action_lines(q, a_focus, true, inner.width);
                self.actions(q, a_focus, &a_lines, inner, buf);
            } else {
                let f_lines = self.factor_lines(q, f_focus, true, inner.width);
                self.factors(q, f_focus, &f_lines, inner, buf);
            }
            return;
        }
        // Where rows are few, items not selected take one line each, so more of them show.
        // Presenting, every item is read whole: what does not fit goes on pages.
        let need = |lines: &[Vec<Line>]| 1 + lines.iter().map(Vec::len).sum::<usize>().max(1);
        let lines = |compact| {
            (self.factor_lines(q, f_focus, compact, inner.width), self.action_lines(q, a_focus, compact, inner.width))
        };
        let (f_lines, a_lines) = lines(inner.height < 14 && !editor.presenting());
        let mut f_height = share(inner.height as usize, need(&f_lines), need(&a_lines), !a_focus);
        if editor.presenting() {
            // Each selected item whole when both fit (the pane with the keys first when not):
            // the heading row and the item's lines.
            let order = editor.order(q);
            let f_sel = editor.selection(q).and_then(|s| order.iter().position(|&i| i == s)).unwrap_or(0);
            let a_sel = editor.action_selection(c).unwrap_or(0);
            let tall = |lines: &[Vec<Line>], at: usize| 1 + lines.get(at).map_or(1, Vec::len);
            let total = inner.height as usize;
            let (low, high) = (tall(&f_lines, f_sel), total.saturating_sub(tall(&a_lines, a_sel)));
            f_height = if low <= high {
                f_height.clamp(low, high)
            } else if a_focus {
                high
            } else {
                low.min(total)
            };
        }
        let f_height = f_height as u16;
        let [f_area, a_area] = Layout::vertical([Constraint::Length(f_height), Constraint::Fill(1)]).areas(inner);
        self.factors(q, f_focus, &f_lines, f_area, buf);
        self.actions(q, a_focus, &a_lines, a_area, buf);
    }

    /// The label of a new action's input line names the factor it answers, ID and
    /// words, highlighted: the room sees where the action goes before it is typed.
    fn action_target(&self, input: &crate::app::editor::Input, area: Rect, buf: &mut Buffer) {
        let crate::app::editor::InputTarget::AddAction(links) = &input.target else { return };
        let session = self.editor.session();
        let named: Vec<String> = links
            .iter()
            .map(|id| {
                let shown = display_safe(&self.lang.show_id(id)).into_owned();
                match session.find_factor(id) {
                    Some((q, i)) => format!("{shown} «{}»", display_safe(&session.factors(q)[i].text)),
                    None => shown,
                }
            })
            .collect();
        let target = if named.is_empty() { "—".to_owned() } else { named.join(", ") };
        let lead = format!("{} ", self.lang.text().meeting.action_for);
        let room = (area.width as usize).saturating_sub(lead.width());
        let line = Line::from(vec![
            Span::styled(lead, self.theme.dim),
            Span::styled(clip(&target, room), self.theme.selected),
        ]);
        // Drawn over the plain input label: clear it, or its end shows after a short target.
        ratatui::widgets::Clear.render(area, buf);
        buf.set_style(area, self.theme.base);
        Paragraph::new(line).render(area, buf);
    }

    /// A list with a one-line heading (the heading underlined when it has focus).
    fn pane(&self, heading: String, has_focus: bool, area: Rect, paged: (Window, Option<Page>), buf: &mut Buffer) {
        let theme = self.theme;
        let (window, page) = paged;
        let style = if has_focus { theme.title_bar } else { theme.dim };
        let block = window.titles(Block::new().borders(Borders::TOP).border_style(theme.border), theme, self.lang);
        let mut block = block.title(Line::styled(heading, style));
        // Presenting on pages: which one shows, on the heading's line.
        if let Some(label) = page.and_then(|p| p.label(self.lang)) {
            block = block.title(Line::styled(label, theme.key).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(window.lines).render(inner, buf);
    }

    /// Each factor's lines, in display order.
    fn factor_lines(&self, q: Quadrant, has_focus: bool, compact: bool, width: u16) -> Vec<Vec<Line<'static>>> {
        let (editor, theme) = (self.editor, self.theme);
        let session = editor.session();
        let c = Came::of(q);
        let factors = session.factors(q);
        let order = editor.order(q);
        let sel = editor.selection(q);
        let chosen_action = (editor.focus() == q && editor.views().came.pane == Pane::Actions)
            .then(|| editor.action_selection(c))
            .flatten();
        let width = width as usize;
        order
            .iter()
            .map(|&i| {
                let f = &factors[i];
                let mark = if has_focus && Some(i) == sel {
                    Mark::Selected
                } else if chosen_action.is_some_and(|a| answers(session, c, a, &f.id)) {
                    Mark::Linked
                } else {
                    Mark::Plain
                };
                let item = factor_item(f, (session, self.lang), true, !editor.room().votes_hidden, mark, theme);
                // The factor under the cursor of the quadrant in focus is always read whole.
                if compact && !(editor.focus() == q && Some(i) == sel) {
                    item.line(width, theme)
                } else {
                    item.lines(width, theme)
                }
            })
            .collect()
    }

    /// Each action's lines.
    fn action_lines(&self, q: Quadrant, has_focus: bool, compact: bool, width: u16) -> Vec<Vec<Line<'static>>> {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let c = Came::of(q);
        let sel = editor.action_selection(c);
        // With a factor chosen, its actions light up.
        let chosen_factor = (editor.focus() == q && editor.views().came.pane == Pane::Factors)
            .then(|| editor.selection(q).map(|i| session.factors(q)[i].id.clone()))
            .flatten();
        let width = width as usize;
        session
            .actions(c)
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mark = if has_focus && Some(i) == sel {
                    Mark::Selected
                } else if chosen_factor.as_ref().is_some_and(|id| a.links.contains(id)) {
                    Mark::Linked
                } else {
                    Mark::Plain
                };
                let item = action_item(a, session, lang, editor.is_overdue(a), mark);
                if compact && !(has_focus && Some(i) == sel) {
                    item.line(width, theme)
                } else {
                    item.lines(width, theme)
                }
            })
            .collect()
    }

    fn factors(&self, q: Quadrant, has_focus: bool, lines: &[Vec<Line<'static>>], area: Rect, buf: &mut Buffer) {
        let editor = self.editor;
        let order = editor.order(q);
        let sel = editor.selection(q).and_then(|s| order.iter().position(|&i| i == s));
        let window = self.window(lines, sel, area);
        self.pane(format!("{} ", self.lang.quadrant(q)), has_focus, area, window, buf);
    }

    fn actions(&self, q: Quadrant, has_focus: bool, lines: &[Vec<Line<'static>>], area: Rect, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let sel = editor.action_selection(Came::of(q));
        let window = self.window(lines, sel, area);
        let heading = format!("{} ", lang.text().ui.came_actions);
        if lines.is_empty() {
            let a = crate::app::keymap::key_for(editor.view_context(), &crate::app::Action::StartAdd, lang);
            // Cut with `…` where the pane is narrow (80x24), never mid-word without a mark.
            let hint = super::list::clip_end(&format!("({a}: {})", lang.text().keymap.add_action), area.width.into());
            let window = Window { lines: vec![Line::styled(hint, theme.dim)], above: 0, below: 0, heights: vec![1] };
            self.pane(heading, has_focus, area, (window, None), buf);
        } else {
            self.pane(heading, has_focus, area, window, buf);
        }
    }

    /// The items a pane shows: presenting, the page of whole items holding the
    /// selection (every item is on some page); else those around the selection that fit.
    fn window(&self, lines: &[Vec<Line<'static>>], sel: Option<usize>, area: Rect) -> (Window, Option<Page>) {
        if !self.editor.presenting() {
            return (pane_window(lines, sel, area), None);
        }
        let rows = usize::from(area.height.saturating_sub(1));
        let heights: Vec<usize> = lines.iter().map(Vec::len).collect();
        let page = page_of(&heights, rows, sel.unwrap_or(0));
        let shown = page_lines(lines, page, rows);
        let window = Window { lines: shown, above: 0, below: 0, heights: heights[page.first..page.end].to_vec() };
        (window, Some(page))
    }
}

/// The items of a pane that fit in `area` under its heading. When some are
/// hidden, the last row is left to the "↑ n más / ↓ n más" hint (the pane has no
/// bottom border to carry it), unless that would leave no row for the selection.
fn pane_window(lines: &[Vec<Line<'static>>], sel: Option<usize>, area: Rect) -> Window {
    let rows = area.height.saturating_sub(1) as usize;
    let width = area.width as usize;
    let window = Window::of(lines.len(), sel, width, rows, |i| lines[i].clone());
    if window.above + window.below == 0 {
        return window;
    }
    if rows < 2 {
        // One row: the selected item, without the hint over it.
        return Window { above: 0, below: 0, ..window };
    }
    Window::of(lines.len(), sel, width, rows - 1, |i| lines[i].clone())
}

/// Rows for the factor list out of `total`, the two lists needing `factors`
/// and `actions` rows: each gets what it needs when the other leaves room;
/// when both overflow, the list with the keys gets the larger half.
fn share(total: usize, factors: usize, actions: usize, factors_first: bool) -> usize {
    let half = total / 2;
    if factors + actions <= total {
        factors
    } else if actions <= half {
        total - actions
    } else if factors <= half {
        factors
    } else if factors_first {
        total - half
    } else {
        half
    }
}
