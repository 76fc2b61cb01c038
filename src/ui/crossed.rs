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
use unicode_width::UnicodeWidthStr;

pub struct CrossedGrid<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for CrossedGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Cell `n` sits where quadrant `n` does, so `1`-`4` and zoom work alike.
        let cells = quadrant_areas(self.editor, area);
        // One way of naming for every cell, so the titles read alike and none is cut.
        let width = cells.iter().map(|(_, r)| r.width).min().unwrap_or(0);
        let style = TitleStyle::ALL.into_iter().find(|&t| self.fits(t, width)).unwrap_or(TitleStyle::Short);
        for (q, cell) in cells {
            self.cell(Crossed::ALL[q.index()], cell, style, buf);
        }
    }
}

/// How the cells' titles name their strategies, longest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleStyle {
    /// Full name and the two quadrants crossed.
    FullPair,
    Full,
    /// Short name and the two quadrants crossed.
    ShortPair,
    Short,
}

impl TitleStyle {
    const ALL: [TitleStyle; 4] = [TitleStyle::FullPair, TitleStyle::Full, TitleStyle::ShortPair, TitleStyle::Short];
}

impl CrossedGrid<'_> {
    /// The title's parts in `style`: number, code and name, count, quadrant pair.
    fn title_parts(&self, kind: Crossed, style: TitleStyle) -> [String; 4] {
        let (session, lang) = (self.editor.session(), self.lang);
        let [qi, qe] = kind.quadrants();
        let name = match style {
            TitleStyle::FullPair | TitleStyle::Full => labels::crossed(lang, session.meta.labels, kind),
            TitleStyle::ShortPair | TitleStyle::Short => labels::crossed_short(lang, session.meta.labels, kind),
        };
        let pair = match style {
            TitleStyle::FullPair | TitleStyle::ShortPair => format!(" {} × {} ", lang.quadrant(qi), lang.quadrant(qe)),
            TitleStyle::Full | TitleStyle::Short => String::new(),
        };
        [
            format!(" {} ", kind.index() + 1),
            format!("{} · {name} ", labels::crossed_code(lang, kind)),
            format!("({}) ", session.strategies_of(kind).count()),
            pair,
        ]
    }

    /// Whether every cell's title fits `width` columns (corners and a space included).
    fn fits(&self, style: TitleStyle, width: u16) -> bool {
        Crossed::ALL.iter().all(|&k| {
            let used: usize = self.title_parts(k, style).iter().map(|p| p.width()).sum();
            used + 3 <= width as usize
        })
    }

    fn cell(&self, kind: Crossed, area: Rect, style: TitleStyle, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let focused = editor.crossed_focus() == kind;
        let [qi, _] = kind.quadrants();
        let items: Vec<_> = session.strategies_of(kind).map(|(_, s)| s).collect();
        let [number, name, count, pair] = self.title_parts(kind, style);
        let title = Line::from(vec![
            Span::styled(number, theme.key),
            Span::styled(name, theme.quadrant(qi)),
            Span::styled(count, theme.dim),
        ]);
        let block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(title)
            .title_top(Line::styled(pair, theme.dim).right_aligned());
        let mut inner = block.inner(area);
        if focused && let Mode::Input(target) = &editor.mode() {
            let h = super::grid::input_height(target, inner.width).min(inner.height);
            inner.height -= h;
            render_input(target, theme, lang, Rect { y: inner.y + inner.height, height: h, ..inner }, buf);
        }
        let sel = editor.views().crossed.strategies[kind.index()].min(items.len().saturating_sub(1));
        let highlight = focused && editor.mode().is_grid() && !editor.covered();
        let width = inner.width as usize;
        let window = Window::of(items.len(), Some(sel), width, inner.height as usize, |i| {
            let mark = if highlight && i == sel { Mark::Selected } else { Mark::Plain };
            strategy_item(items[i], session, lang, mark).lines(width, theme)
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
