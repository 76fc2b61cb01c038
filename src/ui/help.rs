//! The `?` overlay, generated from the keymap and grouped by what you want to do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::keymap::{self, Context, Group};
use crate::app::{Action, App, Screen};
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// Width of the key column.
const KEYS: usize = 13;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let contexts: &[Context] = match app.screen {
        Screen::Editor(_) => &[Context::Grid, Context::Input, Context::MovePick],
        Screen::Browser(_) => &[Context::Browser, Context::Input],
    };
    let sections: Vec<Vec<Line>> =
        Group::ALL.iter().map(|&g| section(g, contexts, theme, lang)).filter(|s| s.len() > 1).collect();
    // Two columns when the whole help does not fit in one.
    let total: usize = sections.iter().map(|s| s.len() + 1).sum();
    let two = total + 2 > area.height as usize && area.width >= 76 && sections.len() > 1;
    let columns: Vec<Vec<Line>> = if two {
        // Split where the two columns come out closest in height.
        let height = |s: &[Vec<Line>]| s.iter().map(|x| x.len() + 1).sum::<usize>();
        let half = (1..sections.len()).min_by_key(|&k| height(&sections[..k]).max(height(&sections[k..]))).unwrap_or(1);
        vec![join(&sections[..half]), join(&sections[half..])]
    } else {
        vec![join(&sections)]
    };
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
    let width = if two { 100 } else { 62 };
    let [popup] = Layout::horizontal([Constraint::Max(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(rows.min(popup.height))]).flex(Flex::Center).areas(popup);
    Clear.render(popup, buf);
    buf.set_style(popup, theme.base);
    let title = lang.pick(" Ayuda · ? o Esc para cerrar ", " Help · ? or Esc to close ");
    let block = Block::bordered().border_type(BorderType::Double).border_style(theme.focus_border).title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let cols = Layout::horizontal(vec![Constraint::Fill(1); columns.len()]).spacing(2).split(inner);
    for (lines, col) in columns.into_iter().zip(cols.iter()) {
        Paragraph::new(lines).render(*col, buf);
    }
}

fn join<'a>(sections: &[Vec<Line<'a>>]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for s in sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(s.iter().cloned());
    }
    out
}

/// A group heading and its bindings.
fn section(group: Group, contexts: &[Context], theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(group.label(lang), theme.title_bar)];
    for b in contexts.iter().flat_map(|&c| keymap::of_context(c)).filter(|b| b.group == group) {
        // The four quadrant keys read as one row: `1-4`.
        let (keys, text) = match b.action {
            Action::Focus(Quadrant::Strengths) => {
                ("1-4".to_owned(), lang.pick("ir a ese cuadrante", "go to that quadrant"))
            }
            Action::MoveTo(Quadrant::Strengths) => ("1-4".to_owned(), lang.pick("llevarlo allí", "move it there")),
            Action::Focus(_) | Action::MoveTo(_) => continue,
            _ => (b.keys_label(), b.describe(lang)),
        };
        let prefix = match b.ctx {
            Context::Input => "✎ ",
            Context::MovePick => lang.pick("tras m: ", "after m: "),
            _ => "",
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<KEYS$}"), theme.key),
            Span::styled(format!("{prefix}{text}"), theme.text),
        ]));
    }
    lines
}
