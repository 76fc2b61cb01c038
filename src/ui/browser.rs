//! The session browser screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use super::theme::Theme;
use crate::app::Browser;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

pub fn render(browser: &Browser, theme: &Theme, lang: Lang, top: Rect, body: Rect, buf: &mut Buffer) {
    let heading = format!("{} {}", lang.text().ui.browser_heading, browser.dir.display());
    Paragraph::new(Line::styled(display_safe(&heading).into_owned(), theme.title_bar)).render(top, buf);

    let mut table_area = body;
    if let Some(input) = &browser.naming {
        let [rest, ask] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(body);
        table_area = rest;
        let block = Block::bordered().border_style(theme.focus_border).title(lang.text().ui.browser_new_title);
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
    let rows = browser.entries.iter().map(|e| {
        let file = e.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file = display_safe(&file).into_owned();
        match &e.summary {
            Ok(s) => {
                let [f, d, o, a] = s.counts;
                Row::new(vec![
                    Cell::from(display_safe(&s.title).into_owned()),
                    Cell::from(format!("{f:<2} {d:<2} {o:<2} {a:<2}")),
                    Cell::from(s.created.strftime("%Y-%m-%d").to_string()),
                    Cell::from(s.modified.strftime("%Y-%m-%d %H:%M").to_string()),
                    Cell::from(file),
                ])
            }
            Err(err) => Row::new(vec![
                Cell::from(Span::styled(format!("✗ {}", display_safe(err)), theme.error)),
                Cell::from(""),
                Cell::from(""),
                Cell::from(""),
                Cell::from(file),
            ]),
        }
    });
    // On a narrow screen the title gets the room; creation date and file name go.
    let wide = table_area.width >= 100;
    let table = Table::new(
        rows,
        [
            Constraint::Fill(3),
            Constraint::Length(11),
            Constraint::Length(if wide { 10 } else { 0 }),
            Constraint::Length(16),
            if wide { Constraint::Fill(1) } else { Constraint::Length(0) },
        ],
    )
    .header(header)
    .row_highlight_style(theme.selected)
    .highlight_symbol("› ")
    .block(Block::bordered().border_style(theme.border));
    let mut state = TableState::default().with_selected(Some(browser.selected));
    StatefulWidget::render(table, table_area, buf, &mut state);
}
