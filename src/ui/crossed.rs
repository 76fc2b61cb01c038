//! The crossed matrix: FO | DO over FA | DA, each cell a list of strategies.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::grid::{quadrant_areas, render_input};
use super::list::{Mark, Window, strategy_item};
use super::theme::Theme;
use crate::app::editor::{Editor, Mode};
use crate::domain::Crossed;
use crate::i18n::Lang;
use crate::labels;

pub struct CrossedGrid<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for CrossedGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Cell `n` sits where quadrant `n` does, so `1`-`4` and zoom work alike.
        for (q, cell) in quadrant_areas(self.editor, area) {
            self.cell(Crossed::ALL[q.index()], cell, buf);
        }
    }
}

impl CrossedGrid<'_> {
    fn cell(&self, kind: Crossed, area: Rect, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let focused = editor.crossed_focus() == kind;
        let [qi, qe] = kind.quadrants();
        let items: Vec<_> = session.strategies_of(kind).map(|(_, s)| s).collect();
        // A narrow cell gets the short name and no quadrant pair, so the count always shows.
        let wide = area.width >= 60;
        let name = if wide {
            labels::crossed(lang, session.meta.labels, kind)
        } else {
            labels::crossed_short(lang, session.meta.labels, kind)
        };
        let title = Line::from(vec![
            Span::styled(format!(" {} ", kind.index() + 1), theme.key),
            Span::styled(format!("{} · {name} ", labels::crossed_code(lang, kind)), theme.quadrant(qi)),
            Span::styled(format!("({}) ", items.len()), theme.dim),
        ]);
        let pair = if wide { format!(" {} × {} ", lang.quadrant(qi), lang.quadrant(qe)) } else { String::new() };
        let block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(title)
            .title_top(Line::styled(pair, theme.dim).right_aligned());
        let mut inner = block.inner(area);
        if focused && let Mode::Input(target) = &editor.mode() {
            let h = 2.min(inner.height);
            inner.height -= h;
            render_input(target, theme, lang, Rect { y: inner.y + inner.height, height: h, ..inner }, buf);
        }
        let sel = editor.views().crossed.strategies[kind.index()].min(items.len().saturating_sub(1));
        let highlight = focused && editor.mode().is_grid();
        let width = inner.width as usize;
        let window = Window::of(items.len(), Some(sel), width, inner.height as usize, |i| {
            let mark = if highlight && i == sel { Mark::Selected } else { Mark::Plain };
            strategy_item(items[i], session, mark).lines(width, theme)
        });
        window.titles(block, theme, lang).render(area, buf);
        if items.is_empty() {
            let hint = lang.text().ui.crossed_empty;
            Paragraph::new(Line::styled(hint, theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(inner, buf);
        } else {
            Paragraph::new(window.lines).render(inner, buf);
        }
    }
}
