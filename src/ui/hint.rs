//! The "cómo empezar" card shown on an empty session until any key is pressed; its keys come from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::keymap::{self, Context};
use crate::app::room::RoomAction;
use crate::app::{Action, Editor};
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// The actions the card teaches, in the order of a workshop.
const STEPS: [Action; 8] = [
    Action::Focus(Quadrant::Strengths),
    Action::StartAdd,
    Action::StartEdit,
    Action::Undo,
    Action::Room(RoomAction::CycleTimer),
    Action::Room(RoomAction::TogglePresent),
    Action::Room(RoomAction::CycleTheme),
    Action::ToggleHelp,
];

/// The card's lines: a key column and what it does.
pub fn lines(theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(lang.text().ui.start_lead, theme.text), Line::default()];
    for step in STEPS {
        let Some(b) = keymap::of_context(Context::Grid).find(|b| b.action == step) else { continue };
        let (keys, text) = match step {
            Action::Focus(_) => (format!("1-4 / {}", lang.text().keys.tab), lang.text().ui.start_quadrants),
            Action::StartAdd => (b.keys_label(lang), lang.text().ui.start_type),
            _ => (b.keys_label(lang), b.describe(lang)),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<11}"), theme.key),
            Span::styled(text.to_owned(), theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(lang.text().ui.start_any_key, theme.dim));
    lines
}

/// Draws the card centred over `area`.
pub fn render(_editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, lang);
    let rows = lines.len() as u16 + 2;
    let [popup] = Layout::horizontal([Constraint::Max(64)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(rows.min(popup.height))]).flex(Flex::Center).areas(popup);
    Clear.render(popup, buf);
    buf.set_style(popup, theme.base);
    let title = lang.text().ui.start_title;
    let block = Block::bordered().border_type(BorderType::Double).border_style(theme.focus_border).title(title);
    Paragraph::new(lines).wrap(Wrap { trim: false }).block(block).render(popup, buf);
}
