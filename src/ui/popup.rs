//! Pop-ups over the grid: the factor picker and the forms.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use ratatui_textarea::TextArea;

use super::list::Window;
use super::theme::Theme;
use crate::app::form::Form;
use crate::app::picker::Picker;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

/// A centred box of at most `w` x `h`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let [r] = Layout::horizontal([Constraint::Max(w)]).flex(Flex::Center).areas(area);
    let [r] = Layout::vertical([Constraint::Max(h)]).flex(Flex::Center).areas(r);
    r
}

pub(super) fn frame(title: String, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    framed(title, None, theme, area, buf)
}

/// A pop-up's box: its title on top, cut with `…` rather than at the border;
/// the keys that close it, if any, on the bottom border.
pub(super) fn framed(title: String, keys: Option<String>, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    framed_scrolled(title, keys, [None, None], theme, area, buf)
}

/// [`framed`], with what is out of sight said on the borders: `more[0]`
/// (" ↑ 2 más ") on the right of the top one, the title cut to leave it room;
/// `more[1]` (" ↓ 3 más ") on the left of the bottom one, the keys left out
/// when both do not fit (the status line names them too).
fn framed_scrolled(
    title: String,
    keys: Option<String>,
    more: [Option<String>; 2],
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    use unicode_width::UnicodeWidthStr;
    Clear.render(area, buf);
    let room = usize::from(area.width.saturating_sub(2));
    let [up, down] = more.map(|m| m.filter(|m| m.width() < room));
    let mut block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(super::list::clip_end(&title, room - up.as_deref().map_or(0, str::width)));
    if let Some(up) = up {
        block = block.title_top(Line::styled(up, theme.key).right_aligned());
    }
    let keys_room = room - down.as_deref().map_or(0, str::width);
    if let Some(keys) = keys.filter(|k| k.width() <= keys_room) {
        block = block.title_bottom(Line::styled(keys, theme.key).right_aligned());
    }
    if let Some(down) = down {
        block = block.title_bottom(Line::styled(down, theme.key).left_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

pub fn picker(p: &Picker, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let popup = centred(area, 72, 20);
    let inner = frame(format!(" {} ", p.title(lang)), theme, popup, buf);
    picker_footer(theme, lang, popup, buf);
    if inner.height < 2 {
        return;
    }
    let [search, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    Paragraph::new(Span::styled(lang.text().ui.search, theme.key)).render(search, buf);
    let field = Rect { x: search.x + 8, width: search.width.saturating_sub(8), ..search };
    let mut filter = p.filter.clone();
    filter.set_cursor_style(theme.cursor);
    filter.set_cursor_line_style(theme.input);
    (&filter).render(field, buf);
    let visible = p.visible();
    let cursor = p.cursor.min(visible.len().saturating_sub(1));
    let width = list.width as usize;
    let window = Window::of(visible.len(), Some(cursor), width, list.height as usize, |pos| {
        let (id, text) = &p.options[visible[pos]];
        let check = match (p.multi(), p.checked.contains(id)) {
            (false, _) => "",
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
        };
        let style = if pos == cursor { theme.selected } else { theme.text };
        let line = format!("{check}{} {}", display_safe(&lang.show_id(id)), display_safe(text));
        let mut l: String = line.chars().take(width).collect();
        if pos == cursor {
            let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(l.as_str()));
            l.push_str(&" ".repeat(pad));
        }
        vec![Line::styled(l, style)]
    });
    if let Some(name) = p.new_name() {
        let add = (lang.text().keymap.themes.add_new)(&display_safe(&name));
        Paragraph::new(Line::styled(add, theme.key)).render(list, buf);
    } else if visible.is_empty() {
        Paragraph::new(Line::styled(lang.text().ui.nothing_matches, theme.dim)).render(list, buf);
    } else {
        Paragraph::new(window.lines).render(list, buf);
    }
}

/// The picker's keys on its bottom border, from the keymap: what moves the
/// list, and that letters (`j` and `k` too) search.
fn picker_footer(theme: &Theme, lang: Lang, popup: Rect, buf: &mut Buffer) {
    use crate::app::keymap::{self, Context};
    let keys = |a: crate::app::Action| {
        keymap::of_context(Context::Picker).find(|b| b.action == a).map(|b| b.keys_label(lang)).unwrap_or_default()
    };
    let (down, up) = (keys(crate::app::Action::Down), keys(crate::app::Action::Up));
    let q = lang.text().quick;
    let text = format!(" {down} · {up} {} · {} ", q.picker_move, q.picker_search);
    let width = usize::from(popup.width.saturating_sub(2));
    if popup.height < 3 || width == 0 {
        return;
    }
    let text: String = if unicode_width::UnicodeWidthStr::width(text.as_str()) > width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        text
    };
    let row = Rect { x: popup.x + 1, y: popup.bottom() - 1, width: popup.width - 2, height: 1 };
    Paragraph::new(Line::styled(text, theme.dim)).render(row, buf);
}

pub fn form(f: &Form, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let n = f.fields.len();
    let popup = centred(area, 64, 2 + 2 * n as u16);
    // The title names what is edited; the keys go on the bottom border, so neither is cut.
    let title = format!(" {} ", display_safe(&f.title(lang)));
    fields(title, Fields { labels: &f.labels(lang), values: &f.fields, active: f.active }, theme, lang, popup, buf);
}

/// A form's fields: their labels, what they hold and the one being typed into.
pub(super) struct Fields<'a> {
    pub labels: &'a [String],
    pub values: &'a [TextArea<'static>],
    pub active: usize,
}

/// A form in `popup`: the keys that save and close it on the bottom border;
/// each field a label over its value when all fit, else a row each (label and
/// value side by side). Short of a row for each, the fields shown are a page
/// of them that holds the active one, each whole, with how many are out of
/// sight (`↑ 2 más`, `↓ 3 más`) on the borders: what is typed is always seen.
pub(super) fn fields(title: String, f: Fields, theme: &Theme, lang: Lang, popup: Rect, buf: &mut Buffer) {
    let n = f.values.len();
    let (ui, keys) = (&lang.text().ui, &lang.text().keys);
    let keys = format!(" {} {} · {} {} ", keys.enter, ui.form_saves, keys.esc, ui.form_closes);
    let height = usize::from(popup.height.saturating_sub(2));
    // Short of room, each field keeps one row: its label and value side by side.
    let tall = height >= 2 * n;
    let shown = if tall { n } else { n.min(height) };
    let active = f.active.min(n.saturating_sub(1));
    // A page at a time (the last one ends with the last field), so the fields
    // stay put while Tab moves within the page.
    let first = active.checked_div(shown).map_or(0, |page| (page * shown).min(n - shown));
    let (above, below) = (first, n - first - shown);
    let more = [
        (above > 0).then(|| super::list::more_label(above, "↑", lang)),
        (below > 0 && shown > 0).then(|| super::list::more_label(below, "↓", lang)),
    ];
    let inner = framed_scrolled(title, Some(keys), more, theme, popup, buf);
    let rows = Layout::vertical(vec![Constraint::Length(if tall { 2 } else { 1 }); shown]).split(inner);
    for (k, row) in rows.iter().enumerate() {
        let i = first + k;
        let (style, mark) = if i == active { (theme.key, "› ") } else { (theme.dim, "  ") };
        let [l, v] = if tall {
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(*row)
        } else {
            Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(*row)
        };
        // Side by side, a long label is cut with `…` and a column is left
        // before the value: "Horizonte (p. ej. 2023-2026)" ran into the value
        // "2027-2030" and read as "2023-2027-2030".
        let label = format!("{mark}{}", f.labels.get(i).map_or("", String::as_str));
        let label = if tall { label } else { super::list::clip_end(&label, usize::from(l.width.saturating_sub(1))) };
        Paragraph::new(Line::styled(label, style)).render(l, buf);
        let mut field = f.values[i].clone();
        field.set_cursor_style(if i == active { theme.cursor } else { theme.input });
        field.set_cursor_line_style(theme.input);
        (&field).render(v, buf);
    }
}

/// The file changed on disk while edits were unsaved: say so and offer the choice.
pub fn conflict(editor: &crate::app::Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let popup = centred(area, 70, 8);
    let title = format!(" {} ", lang.text().ui.conflict_title);
    let inner = frame(title, theme, popup, buf);
    let path = display_safe(&editor.path().display().to_string()).into_owned();
    let lines = vec![
        Line::styled(path, theme.dim),
        Line::styled(lang.text().ui.conflict_text, theme.text),
        Line::default(),
        Line::from(vec![Span::styled(" r ", theme.key), Span::styled(lang.text().ui.conflict_reload, theme.text)]),
        Line::from(vec![Span::styled(" o ", theme.key), Span::styled(lang.text().ui.conflict_keep, theme.text)]),
    ];
    Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }).render(inner, buf);
}
