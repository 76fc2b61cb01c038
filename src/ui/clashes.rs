//! The list of the plan's and the follow-up's git merge clashes (`R`): each
//! entry with this branch's version (`1`) and the other's (`2`), labelled as
//! `dafo check` and the merge driver label them, each led by the fields it
//! differs in from the other. The selected one shows its texts over several
//! rows; the others one row each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::popup::{centred, frame};
use super::theme::Theme;
use crate::app::Editor;
use crate::app::clashes::ClashList;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

/// Rows a selected clash's text may take.
const SELECTED_ROWS: usize = 4;

pub fn render(editor: &Editor, list: &ClashList, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let s = editor.session();
    let popup = centred(area, 110, area.height);
    let inner = frame(format!(" ⚠ {} ", (lang.clashes().title)(s.clashes.len())), theme, popup, buf);
    if inner.height == 0 || inner.width < 8 {
        return;
    }
    let width = inner.width as usize;
    let merge = lang.text().merge;
    let selected = list.selected.min(s.clashes.len().saturating_sub(1));
    let entries: Vec<Vec<Line>> = s
        .clashes
        .iter()
        .enumerate()
        .map(|(i, clash)| {
            let key = clash.key();
            let on = i == selected;
            let mark = if on { "▶ " } else { "  " };
            let head = pad(format!("{mark}⚠ {}", editor.clash_label(&key)), width, on);
            let mut lines = vec![Line::styled(head, if on { theme.selected } else { theme.text })];
            // Each version led by the fields it differs in, so a cut row keeps them.
            let in_place = s.version_at(&key);
            let shown = in_place.as_ref().map(|v| v.shown_beside(clash.other(), lang)).unwrap_or_default();
            // The version in place is this branch's, unless this branch deleted the entry.
            let ((here_label, here), (other_label, other)) = match clash.other() {
                _ if clash.deleted_here() => ((merge.deleted_here, String::new()), (merge.other_version, shown)),
                Some(v) => {
                    ((lang.clashes().here, shown), (merge.other_version, v.shown_beside(in_place.as_ref(), lang)))
                }
                None => ((lang.clashes().here, shown), (merge.deleted_elsewhere, String::new())),
            };
            let rows = if on { SELECTED_ROWS } else { 1 };
            lines.extend(version("1", here_label, &here, rows, width, theme));
            lines.extend(version("2", other_label, &other, rows, width, theme));
            lines
        })
        .collect();
    // The first entry shown: as late as needed for the selected one to fit whole.
    let height = inner.height as usize;
    let mut first = 0;
    while first < selected && entries[first..=selected].iter().map(Vec::len).sum::<usize>() > height {
        first += 1;
    }
    let lines: Vec<Line> = entries.into_iter().skip(first).flatten().take(height).collect();
    Paragraph::new(lines).render(inner, buf);
}

/// One version: its key, its label, then its text wrapped to at most `rows`
/// rows (the last one ends in `…` when the text goes on).
fn version<'a>(key: &'a str, label: &'a str, text: &str, rows: usize, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let lead = format!("    {key} {label} ");
    let room = width.saturating_sub(lead.width()).max(1);
    let safe = display_safe(text);
    let mut wrapped: Vec<String> = textwrap::wrap(&safe, room).into_iter().map(|c| c.into_owned()).collect();
    if wrapped.is_empty() {
        wrapped.push(String::new());
    }
    let more = wrapped.len() > rows;
    wrapped.truncate(rows);
    if more && let Some(last) = wrapped.last_mut() {
        while last.width() + 1 > room && last.pop().is_some() {}
        last.push('…');
    }
    let indent = " ".repeat(lead.width());
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            if i == 0 {
                Line::from(vec![
                    Span::styled(format!("    {key} "), theme.key),
                    Span::styled(format!("{label} "), theme.dim),
                    Span::styled(row, theme.text),
                ])
            } else {
                Line::from(vec![Span::raw(indent.clone()), Span::styled(row, theme.text)])
            }
        })
        .collect()
}

/// `text` cut or padded to `width` columns (padded when selected, so the bar
/// runs across).
fn pad(text: String, width: usize, selected: bool) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
            break;
        }
        out.push(c);
    }
    if selected {
        let fill = width.saturating_sub(out.width());
        out.push_str(&" ".repeat(fill));
    }
    out
}
