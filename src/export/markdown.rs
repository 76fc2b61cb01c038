//! Markdown export: title and metadata, the DAFO as a 2x2 table, then the four
//! lists with IDs, votes and impact. `import::markdown` reads it back.

use std::fmt::Write as _;

use crate::domain::{Factor, Quadrant, Session};
use crate::i18n::Lang;

use super::{Labels, day, priority, safe};

/// The whole session as Markdown.
pub fn render(session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, session, lang);
    grid(&mut out, session, lang);
    lists(&mut out, session, lang);
    out
}

/// Escapes text so that Markdown shows it literally: no emphasis, links, raw
/// HTML, entities, code or table breaks can come from user text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in safe(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn header(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let m = &session.meta;
    let _ = writeln!(out, "# {}\n", escape(&m.title));
    let _ = writeln!(out, "- **{}:** {}", l.date, day(m.created));
    if let Some(place) = m.place.as_deref().filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "- **{}:** {}", l.place, escape(place));
    }
    if let Some(who) = m.participants.as_deref().filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "- **{}:** {}", l.participants, escape(who));
    }
    let counts: Vec<String> =
        Quadrant::ALL.iter().map(|&q| format!("{} {}", lang.quadrant(q), session.factors(q).len())).collect();
    let _ = writeln!(out, "- **{}:** {}", l.factors, counts.join(" · "));
    out.push('\n');
}

fn grid(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let _ = writeln!(out, "## {}\n", l.grid);
    let _ = writeln!(out, "| | {} | {} |", l.positive, l.negative);
    out.push_str("|---|---|---|\n");
    for (row, left, right) in [
        (l.internal, Quadrant::Strengths, Quadrant::Weaknesses),
        (l.external, Quadrant::Opportunities, Quadrant::Threats),
    ] {
        let _ = writeln!(out, "| **{row}** | {} | {} |", cell(session, lang, left), cell(session, lang, right));
    }
    out.push('\n');
}

fn cell(session: &Session, lang: Lang, q: Quadrant) -> String {
    let mut parts = vec![format!("**{}**", lang.quadrant(q))];
    for f in session.factors(q) {
        let p = priority(lang, f.votes, f.impact);
        let p = if p.is_empty() { p } else { format!(" ({p})") };
        parts.push(format!("{} {}{p}", escape(&f.id), escape(&f.text)));
    }
    parts.join("<br>")
}

fn lists(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    for q in Quadrant::ALL {
        let _ = writeln!(out, "## {}\n", lang.quadrant(q));
        let factors = session.factors(q);
        if factors.is_empty() {
            let _ = writeln!(out, "{}\n", l.none);
            continue;
        }
        for f in factors {
            out.push_str(&item(f, lang));
            out.push('\n');
        }
        out.push('\n');
    }
}

/// One list line: `- **F1** Text *(5 votos · impacto 4)*`.
pub(crate) fn item(f: &Factor, lang: Lang) -> String {
    let p = priority(lang, f.votes, f.impact);
    let p = if p.is_empty() { p } else { format!(" *({p})*") };
    format!("- **{}** {}{p}", escape(&f.id), escape(&f.text))
}
