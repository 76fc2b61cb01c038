//! Markdown export: title and metadata, the DAFO as a 2x2 table, then the four
//! lists with IDs, votes and impact; then the CAME actions (a table per CAME
//! quadrant, with the coverage line), the crossed strategies and the EFI/EFE
//! tables when present. `import::markdown` reads the factors back.

use std::fmt::Write as _;

use crate::domain::{Came, Crossed, Factor, Quadrant, Session};
use crate::i18n::Lang;

use super::plan::{self, Words};
use super::{Labels, day, safe};

/// The whole session as Markdown.
pub fn render(session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, session, lang);
    grid(&mut out, session, lang);
    lists(&mut out, session, lang);
    actions(&mut out, session, lang);
    strategies(&mut out, session, lang);
    evaluation(&mut out, session, lang);
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
        let p = super::factor_priority(lang, f);
        let p = if p.is_empty() { p } else { format!(" ({p})") };
        parts.push(format!("{} {}{p}", escape(&f.id), escape(&super::factor_text(session, f, lang))));
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
            out.push_str(&item(&super::factor_text(session, f, lang), f, lang));
            out.push('\n');
        }
        if let Some(line) = super::sources_line(session, q, lang) {
            let _ = writeln!(out, "\n*{}*", escape(&line));
        }
        out.push('\n');
    }
}

/// One list line: `- **F1** Text *(5 votos · impacto 4)*`.
pub(crate) fn item(text: &str, f: &Factor, lang: Lang) -> String {
    let p = super::factor_priority(lang, f);
    let p = if p.is_empty() { p } else { format!(" *({p})*") };
    format!("- **{}** {}{p}", escape(&f.id), escape(text))
}

fn actions(out: &mut String, s: &Session, lang: Lang) {
    if !plan::has_actions(s) {
        return;
    }
    let w = Words::new(lang);
    let _ = writeln!(out, "## {}\n", w.came);
    for c in Came::ALL {
        let _ = writeln!(out, "### {}\n", plan::came_heading(s, lang, c));
        let _ = writeln!(out, "*{}.*\n", plan::coverage(s, lang, c.source()));
        let list = s.actions(c);
        if list.is_empty() {
            let _ = writeln!(out, "{}\n", w.no_actions);
            continue;
        }
        let _ = writeln!(out, "| ID | {} | {} | {} |", w.action, w.answers, w.status);
        out.push_str("|---|---|---|---|\n");
        for a in list {
            let mut details = plan::details(lang, a);
            let status = details.remove(0);
            let text = if details.is_empty() {
                escape(&a.text)
            } else {
                format!("{}<br>*{}*", escape(&a.text), escape(&details.join(" · ")))
            };
            let _ = writeln!(
                out,
                "| **{}** | {text} | {} | {} |",
                escape(&a.id),
                escape(&plan::links(s, &a.links, ", ")),
                escape(&status)
            );
        }
        out.push('\n');
    }
}

fn strategies(out: &mut String, s: &Session, lang: Lang) {
    if s.strategies.is_empty() {
        return;
    }
    let w = Words::new(lang);
    let _ = writeln!(out, "## {}\n", w.strategies);
    for k in Crossed::ALL {
        if s.strategies_of(k).next().is_none() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", plan::crossed_heading(s, lang, k));
        for (_, st) in s.strategies_of(k) {
            let votes = w.vote_count(st.votes);
            let votes = if votes.is_empty() { votes } else { format!(" *({votes})*") };
            let pair = escape(&plan::links(s, &st.factors, " × "));
            let _ = writeln!(out, "- **{}** {} ({pair}){votes}", escape(&st.id), escape(&st.text));
        }
        out.push('\n');
    }
}

fn evaluation(out: &mut String, s: &Session, lang: Lang) {
    let w = Words::new(lang);
    for t in plan::tables(s) {
        let _ = writeln!(out, "## {}\n", plan::matrix_heading(lang, t.matrix));
        let _ = writeln!(out, "| ID | Factor | {} | {} | {} |", w.weight, w.rating, w.weighted);
        out.push_str("|---|---|--:|--:|--:|\n");
        for f in &t.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&f.id),
                escape(&f.text),
                f.weight.map(|x| plan::num(lang, x, 2)).unwrap_or_default(),
                f.rating.map(|r| r.to_string()).unwrap_or_default(),
                plan::weighted(f).map(|x| plan::num(lang, x, 2)).unwrap_or_default()
            );
        }
        let _ = writeln!(
            out,
            "| **{}** | | **{}** | | **{}** |\n",
            w.total,
            plan::num(lang, t.eval.weight_sum, 2),
            plan::num(lang, t.eval.total, 2)
        );
        for note in plan::notes(lang, &t.eval) {
            let _ = writeln!(out, "{note}\n");
        }
    }
}
