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
    let mut lines = vec![
        Line::styled(
            lang.pick(
                "Los asistentes hablan, tú escribes: todo se guarda solo.",
                "The room talks, you type: all is saved as you go.",
            ),
            theme.text,
        ),
        Line::default(),
    ];
    for step in STEPS {
        let Some(b) = keymap::of_context(Context::Grid).find(|b| b.action == step) else { continue };
        let (keys, text) = match step {
            Action::Focus(_) => {
                ("1-4 / Tab".to_owned(), lang.pick("elige cuadrante: F D O A", "pick a quadrant: S W O T"))
            }
            Action::StartAdd => (
                b.keys_label(),
                lang.pick("escribe; Enter añade y sigue, Esc cierra", "type; Enter adds and goes on, Esc closes"),
            ),
            _ => (b.keys_label(), b.describe(lang)),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<11}"), theme.key),
            Span::styled(text.to_owned(), theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(lang.pick("Pulsa cualquier tecla para empezar.", "Press any key to begin."), theme.dim));
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
    let title = lang.pick(" Cómo empezar ", " How to begin ");
    let block = Block::bordered().border_type(BorderType::Double).border_style(theme.focus_border).title(title);
    Paragraph::new(lines).wrap(Wrap { trim: false }).block(block).render(popup, buf);
}
