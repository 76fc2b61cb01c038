//! The CAME view: each quadrant's factors beside the actions that answer them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use super::grid::{quadrant_areas, render_input};
use super::list::{Mark, Window, action_item, answers, factor_item};
use super::theme::{Theme, symbol};
use crate::app::editor::{Editor, Mode, Pane};
use crate::domain::{Came, Quadrant};
use crate::i18n::Lang;
use crate::labels;

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
            let h = 2.min(inner.height);
            inner.height -= h;
            render_input(target, theme, lang, Rect { y: inner.y + inner.height, height: h, ..inner }, buf);
        }
        // Side by side when there is room, else factors above actions.
        let [factors_area, actions_area] = if inner.width >= 64 {
            Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).spacing(1).areas(inner)
        } else {
            Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(inner)
        };
        let active = focused && matches!(editor.mode(), Mode::Grid | Mode::ImpactPick);
        self.factors(q, active && editor.views().came.pane == Pane::Factors, factors_area, buf);
        self.actions(q, active && editor.views().came.pane == Pane::Actions, actions_area, buf);
    }

    /// A list with a one-line heading (the heading underlined when it has focus).
    fn pane(&self, heading: String, has_focus: bool, area: Rect, window: Window, buf: &mut Buffer) {
        let theme = self.theme;
        let style = if has_focus { theme.title_bar } else { theme.dim };
        let block = window.titles(Block::new().borders(Borders::TOP).border_style(theme.border), theme, self.lang);
        let block = block.title(Line::styled(heading, style));
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(window.lines).render(inner, buf);
    }

    fn factors(&self, q: Quadrant, has_focus: bool, area: Rect, buf: &mut Buffer) {
        let (editor, theme) = (self.editor, self.theme);
        let session = editor.session();
        let c = Came::of(q);
        let factors = session.factors(q);
        let order = editor.order(q);
        let sel = editor.selection(q).and_then(|s| order.iter().position(|&i| i == s));
        let chosen_action = (editor.focus() == q && editor.views().came.pane == Pane::Actions)
            .then(|| editor.action_selection(c))
            .flatten();
        let width = area.width as usize;
        let window = Window::of(order.len(), sel, width, area.height.saturating_sub(1) as usize, |pos| {
            let f = &factors[order[pos]];
            let mark = if has_focus && Some(pos) == sel {
                Mark::Selected
            } else if chosen_action.is_some_and(|i| answers(session, c, i, &f.id)) {
                Mark::Linked
            } else {
                Mark::Plain
            };
            factor_item(f, session, true, !editor.room().votes_hidden, mark, theme).lines(width, theme)
        });
        self.pane(format!("{} ", self.lang.quadrant(q)), has_focus, area, window, buf);
    }

    fn actions(&self, q: Quadrant, has_focus: bool, area: Rect, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let c = Came::of(q);
        let actions = session.actions(c);
        let sel = editor.action_selection(c);
        // With a factor chosen, its actions light up.
        let chosen_factor = (editor.focus() == q && editor.views().came.pane == Pane::Factors)
            .then(|| editor.selection(q).map(|i| session.factors(q)[i].id.clone()))
            .flatten();
        let width = area.width as usize;
        let window = Window::of(actions.len(), sel, width, area.height.saturating_sub(1) as usize, |i| {
            let a = &actions[i];
            let mark = if has_focus && Some(i) == sel {
                Mark::Selected
            } else if chosen_factor.as_ref().is_some_and(|id| a.links.contains(id)) {
                Mark::Linked
            } else {
                Mark::Plain
            };
            action_item(a, session, lang, mark).lines(width, theme)
        });
        let heading = format!("{} ", lang.text().ui.came_actions);
        if actions.is_empty() {
            let a = crate::app::keymap::key_for(editor.view_context(), &crate::app::Action::StartAdd, lang);
            let hint = format!("({a}: {})", lang.text().keymap.add_action);
            let window = Window { lines: vec![Line::styled(hint, theme.dim)], above: 0, below: 0, heights: vec![1] };
            self.pane(heading, has_focus, area, window, buf);
        } else {
            self.pane(heading, has_focus, area, window, buf);
        }
    }
}
