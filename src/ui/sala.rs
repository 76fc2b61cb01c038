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
    let words = &lang.text().sala;
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
    let mut settings = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", words.names), theme.dim),
            Span::styled(words.names_choice[names], theme.text),
        ]),
        Line::styled((words.budget)(state.budget, state.per_item), theme.text),
    ];
    if !state.joining {
        settings.push(Line::styled(words.joining_closed, theme.warn));
    }
    // Too short for all (80x24): the settings go under the inbox instead of being cut off.
    let below = rows(&lines, inner.width) + rows(&settings, inner.width) > usize::from(inner.height);
    if !below {
        lines.append(&mut settings);
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
    let inner = if below {
        let height = u16::try_from(rows(&settings, inner.width) + 1).unwrap_or(u16::MAX).min(inner.height / 2);
        let [rest, under] = Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(inner);
        let mut under_lines = vec![Line::styled("─".repeat(usize::from(inner.width)), theme.border)];
        under_lines.extend(settings);
        Paragraph::new(under_lines).wrap(Wrap { trim: false }).render(under, buf);
        rest
    } else {
        inner
    };
    if list.is_empty() {
        Paragraph::new(Line::styled(words.inbox_empty, theme.dim)).render(inner, buf);
        return;
    }
    let selected = selected.min(list.len() - 1);
    let width = usize::from(inner.width);
    let quadrants = lang.text().domain.quadrants;
    // When each arrived, in the room's zone (as the browser and the lock say times).
    let zone = crate::clock::local_zone();
    let line_of = |i: usize, item: &crate::sala::state::Pending, alike: bool| {
        let on = i == selected;
        let time = item.at.to_zoned(zone.clone()).strftime("%H:%M").to_string();
        let who = match (&item.name, state.names) {
            (Some(name), Names::Room | Names::Facilitator) => display_safe(name).into_owned(),
            _ if item.who == crate::sala::state::NOBODY => words.earlier_room.to_owned(),
            _ => format!("{} {}", words.participant, item.who),
        };
        let mark = if on { "▶ " } else { "  " };
        let alike = if alike { format!("{} ", words.alike) } else { String::new() };
        let style = if on { theme.selected } else { theme.text };
        Line::from(vec![
            Span::styled(format!("{mark}{alike}"), style),
            Span::styled(format!("[{}] ", quadrants[item.quadrant.index()]), theme.id),
            Span::styled(format!("{time} {who}: "), theme.dim),
            Span::styled(display_safe(&item.text).into_owned(), style),
        ])
    };
    // The selected item whole, below the list, when its line is cut: the
    // facilitator reads every word before accepting it, at 80 columns too.
    let (item, alike) = &list[selected];
    let cut = line_of(selected, item, *alike).width() > width;
    let detail = if cut { detail_rows(&display_safe(&item.text), width, inner.height / 2) } else { Vec::new() };
    let detail_height = if detail.is_empty() { 0 } else { detail.len() as u16 + 1 };
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_height)]).areas(inner);
    let height = list_area.height as usize;
    let first = selected.saturating_sub(height.saturating_sub(1));
    let rows: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, (item, alike))| super::list::fit_line(line_of(i, item, *alike), width))
        .collect();
    Paragraph::new(rows).render(list_area, buf);
    if !detail.is_empty() {
        let mut lines = vec![Line::styled("─".repeat(width), theme.border)];
        lines.extend(detail.into_iter().map(|row| Line::styled(row, theme.text)));
        Paragraph::new(lines).render(detail_area, buf);
    }
}

/// About how many rows `lines` take wrapped to `width` (a long word may take one more).
fn rows(lines: &[Line], width: u16) -> usize {
    lines.iter().map(|l| l.width().div_ceil(usize::from(width.max(1))).max(1)).sum()
}

/// `text` wrapped to `width` in at most `most` rows (at least one), the last
/// ending in `…` when more was left.
fn detail_rows(text: &str, width: usize, most: u16) -> Vec<String> {
    let most = usize::from(most.max(1));
    let mut rows: Vec<String> = textwrap::wrap(text, width.max(1)).into_iter().map(|r| r.into_owned()).collect();
    if rows.len() > most {
        rows.truncate(most);
        if let Some(last) = rows.last_mut() {
            let kept = super::list::clip_end(last, width.saturating_sub(1));
            *last = if kept.ends_with('…') { kept } else { format!("{kept}…") };
        }
    }
    rows
}
