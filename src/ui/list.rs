//! Wrapped, scrolled item lists: the building block of every quadrant.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::domain::text::display_safe;
use crate::domain::{Came, CameAction, Factor, Session, Strategy};
use crate::i18n::Lang;
use crate::labels;

/// How an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// The selection, in the list that has focus.
    Selected,
    /// Linked to the selection in the other list.
    Linked,
}

/// One item ready to wrap: `ID text tail`, with an optional one-cell gutter.
pub struct Item {
    pub gutter: Option<(&'static str, Style)>,
    pub id: String,
    pub text: String,
    /// The marks after the text (votes, impact, `↻`, sources): a row cut to
    /// one line cuts the text and keeps these whole.
    pub tail: String,
    /// Past due: a row cut before its `⚠date` starts with `⚠` instead.
    pub warn: bool,
    pub mark: Mark,
}

impl Item {
    /// One line, the text cut with `…` when it does not fit (narrow screens,
    /// for the items that are not selected); the marks are never what is cut.
    pub fn line(&self, width: usize, theme: &Theme) -> Vec<Line<'static>> {
        let gutter = self.gutter.map_or(0, |(g, _)| g.width());
        let body = width.saturating_sub(gutter + self.id.width() + 1).max(1);
        if self.text.width() + self.tail.width() <= body {
            return self.lines(width, theme);
        }
        let lead = if self.warn { "⚠ " } else { "" };
        let room = body.saturating_sub(self.tail.width() + lead.width()).max(2);
        let mut text = String::from(lead);
        text.push_str(&clip_end(&self.text, room));
        // The warning kept in the text: no second one in front.
        if self.warn && text[lead.len()..].contains('⚠') {
            text.replace_range(..lead.len(), "");
        }
        let cut = Item {
            gutter: self.gutter,
            id: self.id.clone(),
            text,
            tail: self.tail.clone(),
            warn: false,
            mark: self.mark,
        };
        cut.lines(width, theme).into_iter().take(1).collect()
    }

    /// Wrapped lines: the ID on the first, continuation lines indented.
    pub fn lines(&self, width: usize, theme: &Theme) -> Vec<Line<'static>> {
        let gutter = self.gutter.map_or(0, |(g, _)| g.width());
        let id = format!("{} ", self.id);
        let indent = gutter + id.width();
        let body_width = width.saturating_sub(indent).max(1);
        let (base, id_style) = match self.mark {
            Mark::Plain => (theme.text, theme.id),
            Mark::Selected => (theme.selected, theme.selected),
            Mark::Linked => (theme.linked, theme.linked),
        };
        let whole = format!("{}{}", self.text, self.tail);
        textwrap::wrap(&whole, body_width)
            .into_iter()
            .enumerate()
            .map(|(n, chunk)| {
                let mut spans = Vec::with_capacity(3);
                if n == 0 {
                    if let Some((g, style)) = self.gutter {
                        spans.push(Span::styled(g, style));
                    }
                    spans.push(Span::styled(id.clone(), id_style));
                } else {
                    spans.push(Span::styled(" ".repeat(indent), base));
                }
                let pad = if self.mark == Mark::Plain { 0 } else { width.saturating_sub(indent + chunk.width()) };
                spans.push(Span::styled(format!("{chunk}{}", " ".repeat(pad)), base));
                Line::from(spans)
            })
            .collect()
    }
}

/// A factor as an item: votes and impact after the text; with `coverage`, a
/// `○` gutter on factors no action answers yet.
pub fn factor_item(f: &Factor, s: (&Session, Lang), coverage: bool, votes: bool, mark: Mark, theme: &Theme) -> Item {
    let (session, lang) = s;
    let mut text = display_safe(&f.text).into_owned();
    let mut tail = String::new();
    if votes && f.votes > 0 {
        tail.push_str(&format!(" ●{}", f.votes));
    }
    if let Some(i) = f.impact {
        tail.push_str(&format!(" ★{i}"));
    }
    if f.carried {
        tail.push_str(" ↻");
    }
    let marks = crate::domain::sources::suffix(session, f);
    if !marks.is_empty() {
        tail.push(' ');
        tail.push_str(&marks);
    }
    if f.conflict.is_some() {
        text.insert_str(0, "⚠ ");
    }
    let gutter = coverage.then(|| if session.is_answered(&f.id) { (" ", theme.text) } else { ("○", theme.caution) });
    Item { gutter, id: display_safe(&lang.show_id(&f.id)).into_owned(), text, tail, warn: false, mark }
}

/// An action as an item: its text, the factors it answers (`D9?` when that
/// factor no longer exists), owner, due date and status.
pub fn action_item(a: &CameAction, session: &Session, lang: Lang, overdue: bool, mark: Mark) -> Item {
    let mut text = display_safe(&a.text).into_owned();
    let links: Vec<String> = a
        .links
        .iter()
        .map(|l| {
            let shown = display_safe(&lang.show_id(l)).into_owned();
            if session.find_factor(l).is_some() { shown } else { format!("{shown}?") }
        })
        .collect();
    text.push_str(&format!(" → {}", if links.is_empty() { "—".to_owned() } else { links.join(", ") }));
    if let Some(o) = &a.owner {
        text.push_str(&format!(" · {}", display_safe(o)));
    }
    if let Some(d) = a.due.map(|d| lang.locale().date(d)) {
        // Past due and not done: a symbol, so it shows without colour too.
        text.push_str(&if overdue { format!(" · ⚠{d}") } else { format!(" · {d}") });
    }
    if let Some(ind) = crate::export::indicators_with_note(lang, a) {
        let name = lang.text().ui.form_fields[2].to_lowercase();
        text.push_str(&format!(" · {name}: {}", display_safe(&ind)));
    }
    if a.status != crate::domain::Status::Pending {
        text.push_str(&format!(" · {}", labels::status(lang, a.status)));
    }
    let mut tail = String::new();
    if a.votes > 0 {
        tail.push_str(&format!(" ●{}", a.votes));
    }
    if a.carried {
        tail.push_str(" ↻");
    }
    if a.conflict.is_some() {
        text.insert_str(0, "⚠ ");
    }
    let warn = overdue && a.due.is_some();
    Item { gutter: None, id: display_safe(&lang.show_id(&a.id)).into_owned(), text, tail, warn, mark }
}

/// A crossed strategy as an item: `FO1 [F2 × O1] text`.
pub fn strategy_item(s: &Strategy, session: &Session, lang: Lang, mark: Mark) -> Item {
    let name = |id: &str| {
        let shown = display_safe(&lang.show_id(id)).into_owned();
        if session.find_factor(id).is_some() { shown } else { format!("{shown}?") }
    };
    let mut text = format!("[{} × {}] {}", name(&s.factors[0]), name(&s.factors[1]), display_safe(&s.text));
    let tail = if s.votes > 0 { format!(" ●{}", s.votes) } else { String::new() };
    if s.conflict.is_some() {
        text.insert_str(0, "⚠ ");
    }
    Item { gutter: None, id: display_safe(&lang.show_id(&s.id)).into_owned(), text, tail, warn: false, mark }
}

/// Whether an action of `c` answers the factor `id`.
pub fn answers(session: &Session, c: Came, i: usize, id: &str) -> bool {
    session.actions(c).get(i).is_some_and(|a| a.links.iter().any(|l| l == id))
}

/// The items that fit `height` rows, keeping the selection visible.
pub struct Window {
    pub lines: Vec<Line<'static>>,
    /// Items hidden above and below.
    pub above: usize,
    pub below: usize,
    /// Lines taken by each visible item, from the first (for mouse hits).
    pub heights: Vec<usize>,
}

impl Window {
    /// Lays out only the items around the selection (a display position):
    /// the cost does not grow with the length of the list.
    pub fn of(
        len: usize,
        selected: Option<usize>,
        width: usize,
        height: usize,
        mut lines_of: impl FnMut(usize) -> Vec<Line<'static>>,
    ) -> Window {
        if len == 0 || height == 0 || width == 0 {
            return Window { lines: Vec::new(), above: 0, below: len, heights: Vec::new() };
        }
        let sel = selected.unwrap_or(0).min(len - 1);
        // Walk back from the selection to find the first visible item.
        let mut start = sel;
        let mut used = 0;
        let mut items: Vec<Vec<Line>> = Vec::new();
        loop {
            let l = lines_of(start);
            if used + l.len() > height && start != sel {
                start += 1;
                break;
            }
            used += l.len();
            items.push(l);
            if start == 0 {
                break;
            }
            start -= 1;
        }
        items.reverse();
        // Then fill the rest of the space with the items after it.
        let mut end = sel + 1;
        while end < len && used < height {
            let l = lines_of(end);
            used += l.len();
            items.push(l);
            end += 1;
        }
        // An item cut off at the bottom counts as hidden.
        let clipped = usize::from(used > height && end > sel + 1);
        let heights = items.iter().map(Vec::len).collect();
        Window { lines: items.into_iter().flatten().collect(), above: start, below: len - end + clipped, heights }
    }

    /// Adds "↑ n más" / "↓ n más" to the bottom border of `block`.
    pub fn titles<'b>(&self, block: Block<'b>, theme: &Theme, lang: Lang) -> Block<'b> {
        more_titles(block, self.above, self.below, theme, lang)
    }
}

/// Adds "↑ `above` más" / "↓ `below` más" (those not zero) to the bottom border of `block`.
pub fn more_titles<'b>(block: Block<'b>, above: usize, below: usize, theme: &Theme, lang: Lang) -> Block<'b> {
    let more = |n: usize, arrow: &str| more_label(n, arrow, lang);
    let mut block = block;
    if above > 0 {
        block = block.title_bottom(Line::styled(more(above, "↑"), theme.key).left_aligned());
    }
    if below > 0 {
        block = block.title_bottom(Line::styled(more(below, "↓"), theme.key).right_aligned());
    }
    block
}

/// " ↓ 3 más ": `n` more rows past `arrow`, as a border title.
pub fn more_label(n: usize, arrow: &str, lang: Lang) -> String {
    format!(" {arrow} {n} {} ", lang.text().ui.more)
}

/// `text` in `width` columns, cut at the end with `…` when it does not fit.
pub fn clip_end(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `line` in `width` columns: when it is too long, its widest span (the text,
/// not the ID or a count) is cut with `…`, so the row shows it was cut.
pub fn fit_line(mut line: Line<'static>, width: usize) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    let total: usize = line.spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return line;
    }
    let widest = (0..line.spans.len()).max_by_key(|&i| line.spans[i].content.width());
    if let Some(i) = widest {
        let span = &mut line.spans[i];
        let room = span.content.width().saturating_sub(total - width);
        // Cutting the widest span is enough: the rest of the line stays whole.
        if room >= 1 {
            span.content = clip_end(&span.content, room).into();
            return line;
        }
    }
    // Many spans (the valores, one each): cut the line itself at the end.
    let mut left = width;
    let mut spans = Vec::new();
    for span in line.spans.drain(..) {
        let w = span.content.width();
        if w < left {
            left -= w;
            spans.push(span);
        } else {
            // Something follows this span (the line is too long), so it ends in
            // `…` even when it would fill the room exactly: a span that just fits
            // and the rest dropped would not show the line was cut.
            let cut = clip_end(&format!("{}…", span.content), left);
            spans.push(Span::styled(cut, span.style));
            break;
        }
    }
    line.spans = spans;
    line
}
