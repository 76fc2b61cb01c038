//! The room pane (issue 28): on the left the QR code (dark on light, whatever
//! the theme), the address, the join code and the room's settings; on the
//! right the inbox of waiting items, near-duplicates together. Drawn only on
//! the session screen, never in presentation mode: the projector shows no
//! unmoderated text. Every participant's text is made terminal-safe first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::Editor;
use crate::domain::text::display_safe;
use crate::i18n::Lang;
use crate::sala::state::Names;

/// Draws the pane over `area` (the body of the screen).
pub fn render(editor: &Editor, selected: usize, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let Some(live) = editor.sala() else { return };
    let words = lang.text().sala;
    // Nothing of the view below shows through.
    Clear.render(area, buf);
    buf.set_style(area, theme.base);
    let qr_width = live.qr.first().map_or(0, |l| l.chars().count()) as u16;
    let [left, right] = Layout::horizontal([Constraint::Length(qr_width.max(30) + 2), Constraint::Fill(1)]).areas(area);
    let block =
        Block::default().borders(Borders::ALL).border_style(theme.border).title(format!(" {} ", words.pane_title));
    let inner = block.inner(left);
    block.render(left, buf);
    // Dark modules on a light ground, set explicitly: the inverted code does not scan.
    let paper = Style::default().fg(Color::Black).bg(Color::White);
    let mut lines: Vec<Line> = live.qr.iter().map(|l| Line::styled(l.clone(), paper)).collect();
    let state = &live.state;
    let phase = state.phase as usize;
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", words.address), theme.dim),
        Span::styled(live.url.clone(), theme.text),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", words.code), theme.dim),
        Span::styled(live.code_shown(), theme.text.add_modifier(Modifier::BOLD)),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", words.phase), theme.dim),
        Span::styled(words.phases[phase], theme.text),
    ]));
    let names = match state.names {
        Names::Room => 0,
        Names::Facilitator => 1,
        Names::NoOne => 2,
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", words.names), theme.dim),
        Span::styled(words.names_choice[names], theme.text),
    ]));
    lines.push(Line::styled((words.budget)(state.budget, state.per_item), theme.text));
    if !state.joining {
        lines.push(Line::styled(words.joining_closed, theme.warn));
    }
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);

    let list = editor.sala_list();
    let block = Block::default().borders(Borders::ALL).border_style(theme.focus_border).title(format!(
        " {} ({}) ",
        words.inbox,
        list.len()
    ));
    let inner = block.inner(right);
    block.render(right, buf);
    if list.is_empty() {
        Paragraph::new(Line::styled(words.inbox_empty, theme.dim)).render(inner, buf);
        return;
    }
    let selected = selected.min(list.len() - 1);
    let height = inner.height as usize;
    let first = selected.saturating_sub(height.saturating_sub(1));
    let quadrants = lang.text().domain.quadrants;
    let rows: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, (item, alike))| {
            let on = i == selected;
            let time = item.at.to_zoned(jiff::tz::TimeZone::system()).strftime("%H:%M").to_string();
            let who = match (&item.name, state.names) {
                (Some(name), Names::Room | Names::Facilitator) => display_safe(name).into_owned(),
                _ => format!("{} {}", words.participant, item.who),
            };
            let mark = if on { "▶ " } else { "  " };
            let alike = if *alike { format!("{} ", words.alike) } else { String::new() };
            let style = if on { theme.selected } else { theme.text };
            Line::from(vec![
                Span::styled(format!("{mark}{alike}"), style),
                Span::styled(format!("[{}] ", quadrants[item.quadrant.index()]), theme.id),
                Span::styled(format!("{time} {who}: "), theme.dim),
                Span::styled(display_safe(&item.text).into_owned(), style),
            ])
        })
        .collect();
    Paragraph::new(rows).render(inner, buf);
}
