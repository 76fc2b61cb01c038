//! Plain text export that fits 80 columns: long items wrap under their text.
//! After the four quadrants come the CAME actions, the crossed strategies and
//! the EFI/EFE tables when the session has them.

use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::{Came, Crossed, Quadrant, Session};
use crate::i18n::Lang;

use super::plan::{self, Words};
use super::{Labels, day, safe};

/// Width every line of the text export fits in.
pub const WIDTH: usize = 80;

/// IDs wider than this (only in hand-edited files) are cut.
const MAX_ID_WIDTH: usize = 12;

/// The whole session as plain text.
pub fn render(session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, session, lang);
    lists(&mut out, session, lang);
    actions(&mut out, session, lang);
    strategies(&mut out, session, lang);
    evaluation(&mut out, session, lang);
    out
}

/// Stands for a space that [`wrap`] must not break at, until the text is wrapped.
const GLUE: char = '\u{a0}';

fn glue(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// An upper-case heading underlined with dashes, after a blank line.
fn heading(out: &mut String, title: &str) {
    for line in wrap(&title.to_uppercase(), WIDTH) {
        let _ = writeln!(out, "\n{line}\n{}", "-".repeat(line.width()));
    }
}

/// `  ID  first line`, then continuation lines under the text.
fn entry(out: &mut String, id: &str, id_width: usize, body: &str) {
    let indent = 2 + id_width + 2;
    let id = clip(&safe(id), id_width);
    let pad = " ".repeat(id_width.saturating_sub(id.width()));
    for (i, line) in wrap(body, WIDTH - indent).iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "  {id}{pad}  {line}");
        } else {
            let _ = writeln!(out, "{}{line}", " ".repeat(indent));
        }
    }
}

fn id_width<'a>(ids: impl Iterator<Item = &'a str>) -> usize {
    ids.map(|id| safe(id).width()).max().unwrap_or(2).clamp(2, MAX_ID_WIDTH)
}

fn actions(out: &mut String, s: &Session, lang: Lang) {
    if !plan::has_actions(s) {
        return;
    }
    let w = Words::new(lang);
    heading(out, w.came);
    let width = id_width(s.all_actions().map(|(_, a)| a.id.as_str()));
    for (i, c) in Came::ALL.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let title = format!("{}: {}", plan::came_heading(s, lang, c), plan::coverage(s, lang, c.source()));
        for line in wrap(&title, WIDTH) {
            let _ = writeln!(out, "{line}");
        }
        let list = s.actions(c);
        if list.is_empty() {
            let _ = writeln!(out, "  {}", w.no_actions);
        }
        for a in list {
            entry(out, &a.id, width, &safe(&a.text));
            let mut details = vec![format!("→ {}", plan::links(s, &a.links, ", "))];
            // Short details (status, due date, votes) are never split across lines.
            details.extend(plan::details(lang, a).into_iter().map(|d| if d.width() <= 24 { glue(&d) } else { d }));
            let mut body = String::new();
            entry(&mut body, "", width, &details.join(" · "));
            out.push_str(&body.replace(GLUE, " "));
        }
    }
}

fn strategies(out: &mut String, s: &Session, lang: Lang) {
    if s.strategies.is_empty() {
        return;
    }
    let w = Words::new(lang);
    heading(out, w.strategies);
    let width = id_width(s.strategies.iter().map(|st| st.id.as_str()));
    let mut first = true;
    for k in Crossed::ALL {
        if s.strategies_of(k).next().is_none() {
            continue;
        }
        if !first {
            out.push('\n');
        }
        first = false;
        for line in wrap(&plan::crossed_heading(s, lang, k), WIDTH) {
            let _ = writeln!(out, "{line}");
        }
        for (_, st) in s.strategies_of(k) {
            let mut extra = vec![plan::links(s, &st.factors, " × ")];
            extra.push(w.vote_count(st.votes));
            extra.retain(|e| !e.is_empty());
            entry(out, &st.id, width, &format!("{} ({})", safe(&st.text), extra.join(", ")));
        }
    }
}

fn evaluation(out: &mut String, s: &Session, lang: Lang) {
    let w = Words::new(lang);
    for t in plan::tables(s) {
        heading(out, plan::matrix_heading(lang, t.matrix));
        let width = id_width(t.rows.iter().map(|f| f.id.as_str()));
        // Number columns: weight, rating, weighted; the factor text gets the rest.
        let cols = [w.weight.width().max(5), w.rating.width().max(2), w.weighted.width().max(5)];
        let numbers_width: usize = cols.iter().map(|c| c + 2).sum();
        let text_width = WIDTH - (2 + width + 2) - numbers_width;
        let row = |out: &mut String, id: &str, text: &str, nums: [String; 3]| {
            let id = clip(&safe(id), width);
            let text = clip(text, text_width);
            let _ = write!(
                out,
                "  {id}{}  {text}{}",
                " ".repeat(width - id.width()),
                " ".repeat(text_width - text.width())
            );
            for (n, c) in nums.iter().zip(cols) {
                let _ = write!(out, "  {}{n}", " ".repeat(c.saturating_sub(n.width())));
            }
            out.push('\n');
        };
        row(out, "ID", "Factor", [w.weight.to_owned(), w.rating.to_owned(), w.weighted.to_owned()]);
        for f in &t.rows {
            let nums = [
                f.weight.map(|x| plan::num(lang, x, 2)).unwrap_or_default(),
                f.rating.map(|r| r.to_string()).unwrap_or_default(),
                plan::weighted(f).map(|x| plan::num(lang, x, 2)).unwrap_or_default(),
            ];
            row(out, &f.id, &safe(&f.text), nums);
        }
        let totals = [plan::num(lang, t.eval.weight_sum, 2), String::new(), plan::num(lang, t.eval.total, 2)];
        row(out, "", w.total, totals);
        for note in plan::notes(lang, &t.eval) {
            for line in wrap(&note, WIDTH - 2) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
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
            let p = super::factor_priority(lang, f);
            let text = super::factor_text(session, f, lang);
            let body = if p.is_empty() { text } else { format!("{text} ({p})") };
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
        if let Some(line) = super::sources_line(session, q, lang) {
            for l in wrap(&line, WIDTH - 2) {
                let _ = writeln!(out, "  {l}");
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
