//! The `?` overlay, generated from the keymap and grouped by what you want to do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::keymap::{self, Context, Group};
use crate::app::{App, Screen};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let contexts: &[Context] = match app.screen {
        Screen::Editor(_) => &[Context::Grid, Context::Input, Context::MovePick],
        Screen::Browser(_) => &[Context::Browser, Context::Input],
    };
    let mut lines = Vec::new();
    for group in Group::ALL {
        let rows: Vec<_> = contexts.iter().flat_map(|&c| keymap::of_context(c)).filter(|b| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(group.label(lang), theme.title_bar));
        for b in rows {
            let prefix = match b.ctx {
                Context::Input => lang.pick("escribiendo: ", "typing: "),
                Context::MovePick => lang.pick("tras m: ", "after m: "),
                _ => "",
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<14}", b.keys_label()), theme.key),
                Span::styled(format!("{prefix}{}", b.describe(lang)), theme.text),
            ]));
        }
    }
    let [popup] = Layout::horizontal([Constraint::Max(64)]).flex(Flex::Center).areas(area);
    let height = (lines.len() as u16 + 2).min(popup.height);
    let [popup] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(popup);
    Clear.render(popup, buf);
    let title = lang.pick(" Ayuda · ? o Esc para cerrar ", " Help · ? or Esc to close ");
    let block = Block::bordered().border_type(BorderType::Double).border_style(theme.focus_border).title(title);
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(popup, buf);
}
