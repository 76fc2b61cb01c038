//! The session browser screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use super::list::clip_end;
use super::theme::Theme;
use crate::app::Browser;
use crate::domain::text::display_safe;
use crate::i18n::Lang;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn render(browser: &Browser, theme: &Theme, lang: Lang, top: Rect, body: Rect, buf: &mut Buffer) {
    let heading = format!("{} {}", lang.text().ui.browser_heading, browser.dir.display());
    Paragraph::new(Line::styled(display_safe(&heading).into_owned(), theme.title_bar)).render(top, buf);

    let mut table_area = body;
    if let Some(input) = &browser.naming {
        let [rest, ask] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(body);
        table_area = rest;
        let from = browser.from.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
        // Within the border: a long file name is cut (with `…`) so that the
        // closing quote and the keys stay in sight; anything else ends in `…`.
        let room = usize::from(ask.width.saturating_sub(2));
        let title = match from {
            Some(name) => {
                use unicode_width::UnicodeWidthStr as _;
                let said = |n: &str| (lang.text().meeting.browser_from_title)(n);
                let name = display_safe(&name).into_owned();
                let over = said(&name).width().saturating_sub(room);
                let name = if over > 0 {
                    super::list::clip_end(&name, name.width().saturating_sub(over).max(4))
                } else {
                    name
                };
                said(&name)
            }
            None => lang.text().ui.browser_new_title.to_owned(),
        };
        let title = super::list::clip_end(&title, room);
        let block = Block::bordered().border_style(theme.focus_border).title(title);
        let inner = block.inner(ask);
        block.render(ask, buf);
        let mut input = input.clone();
        input.set_cursor_style(theme.cursor);
        input.set_cursor_line_style(theme.input);
        (&input).render(inner, buf);
    }

    if browser.entries.is_empty() {
        let hint = lang.text().ui.browser_empty;
        Paragraph::new(Line::styled(hint, theme.dim))
            .block(Block::bordered().border_style(theme.border))
            .render(table_area, buf);
        return;
    }
    let ui = &lang.text().ui;
    let counts = ui.browser_counts.join("  ");
    let header = Row::new(
        [ui.browser_columns[0], counts.as_str(), ui.browser_columns[1], ui.browser_columns[2], ui.browser_columns[3]]
            .map(|h| Cell::from(Span::styled(h.to_owned(), theme.title_bar))),
    );
    // On a narrow screen the creation date goes; the file name stays, cut at its
    // start, so two sessions of similar titles can still be told apart.
    let wide = table_area.width >= 100;
    let created_w: u16 = if wide { 10 } else { 0 };
    // Borders, the highlight symbol, the fixed columns and the spaces between columns.
    let free = table_area.width.saturating_sub(2 + 2 + 11 + created_w + 16 + 4);
    let file_w = if wide { free / 4 } else { (free / 3).min(20) };
    let title_w = free - file_w;
    // When it was last saved, where the room is (files keep UTC): a session
    // saved at 00:30 in Madrid was saved on that day, not the one before. The
    // created date is the session's own, the day its documents give.
    let zone = &browser.zone;
    let local_day = |t: jiff::Timestamp| lang.locale().date(t.to_zoned(zone.clone()).date());
    let rows = browser.entries.iter().map(|e| {
        let file = e.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file = clip_start(&display_safe(&file), file_w as usize);
        match &e.summary {
            Ok(s) => {
                let [f, d, o, a] = s.counts;
                Row::new(vec![
                    Cell::from(clip_end(&display_safe(&s.title), title_w as usize)),
                    Cell::from(format!("{f:<2} {d:<2} {o:<2} {a:<2}")),
                    Cell::from(crate::export::day_in(lang, s.created)),
                    Cell::from(format!(
                        "{} {}",
                        local_day(s.modified),
                        s.modified.to_zoned(zone.clone()).strftime("%H:%M")
                    )),
                    Cell::from(file),
                ])
            }
            Err(err) => Row::new(vec![
                Cell::from(Span::styled(format!("✗ {}", display_safe(&err.message(lang))), theme.error)),
                Cell::from(""),
                Cell::from(""),
                Cell::from(""),
                Cell::from(file),
            ]),
        }
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(title_w),
            Constraint::Length(11),
            Constraint::Length(created_w),
            Constraint::Length(16),
            Constraint::Length(file_w),
        ],
    )
    .header(header)
    .row_highlight_style(theme.selected)
    .highlight_symbol("› ")
    .block(Block::bordered().border_style(theme.border));
    let mut state = TableState::default().with_selected(Some(browser.selected));
    StatefulWidget::render(table, table_area, buf, &mut state);
}

/// `text` in `width` columns, cut at the start with `…` (the end of a file
/// name tells similar ones apart).
fn clip_start(text: &str, width: usize) -> String {
    if text.width() <= width || width == 0 {
        return if width == 0 { String::new() } else { text.to_owned() };
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}
