//! Plain text export that fits 80 columns: long items wrap under their text.

use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;

use super::{Labels, day, priority, safe};

/// Width every line of the text export fits in.
pub const WIDTH: usize = 80;

/// IDs wider than this (only in hand-edited files) are cut.
const MAX_ID_WIDTH: usize = 12;

/// The whole session as plain text.
pub fn render(session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, session, lang);
    lists(&mut out, session, lang);
    out
}

fn header(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let m = &session.meta;
    let title = wrap(&safe(&m.title), WIDTH);
    let rule = title.iter().map(|t| t.width()).max().unwrap_or(0).max(1);
    for line in &title {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", "=".repeat(rule));
    field(out, l.date, &day(m.created));
    if let Some(place) = m.place.as_deref().filter(|p| !p.trim().is_empty()) {
        field(out, l.place, &safe(place));
    }
    if let Some(who) = m.participants.as_deref().filter(|p| !p.trim().is_empty()) {
        field(out, l.participants, &safe(who));
    }
    let counts: Vec<String> =
        Quadrant::ALL.iter().map(|&q| format!("{} {}", lang.quadrant(q), session.factors(q).len())).collect();
    field(out, l.factors, &counts.join(" · "));
}

/// `Label: value`, continuation lines indented by two spaces.
fn field(out: &mut String, label: &str, value: &str) {
    for (i, line) in wrap(&format!("{label}: {value}"), WIDTH - 2).iter().enumerate() {
        let indent = if i == 0 { "" } else { "  " };
        let _ = writeln!(out, "{indent}{line}");
    }
}

fn lists(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let id_width = Quadrant::ALL
        .iter()
        .flat_map(|&q| session.factors(q))
        .map(|f| safe(&f.id).width())
        .max()
        .unwrap_or(2)
        .clamp(2, MAX_ID_WIDTH);
    let indent = 2 + id_width + 2;
    for q in Quadrant::ALL {
        let heading = format!("{} ({})", lang.quadrant(q).to_uppercase(), lang.origin(q));
        let _ = writeln!(out, "\n{heading}\n{}", "-".repeat(heading.width()));
        let factors = session.factors(q);
        if factors.is_empty() {
            let _ = writeln!(out, "  {}", l.none);
            continue;
        }
        for f in factors {
            let p = priority(lang, f.votes, f.impact);
            let body = if p.is_empty() { safe(&f.text).into_owned() } else { format!("{} ({p})", safe(&f.text)) };
            let id = clip(&safe(&f.id), id_width);
            let pad = " ".repeat(id_width.saturating_sub(id.width()));
            for (i, line) in wrap(&body, WIDTH - indent).iter().enumerate() {
                if i == 0 {
                    let _ = writeln!(out, "  {id}{pad}  {line}");
                } else {
                    let _ = writeln!(out, "{}{line}", " ".repeat(indent));
                }
            }
        }
    }
}

/// Splits `text` into lines no wider than `width` columns, breaking at spaces,
/// and inside words only when a word alone is wider than a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts `text` to `width` columns, ending with `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let lines = wrap("uno dos tres cuatro cinco", 9);
        assert_eq!(lines, ["uno dos", "tres", "cuatro", "cinco"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(clip("Diagnóstico", 6), "Diagn…");
        assert_eq!(clip("corto", 6), "corto");
    }
}
