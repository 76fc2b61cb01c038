//! HTML export: a self-contained page (inline CSS, prints on A4) and a fragment
//! of plain tables with inline styles to paste into Word or LibreOffice.
//! Every piece of user text is escaped; no scripts are ever written. After the
//! quadrants come the CAME actions, the crossed strategies and the EFI/EFE
//! tables when the session has them.

use std::fmt::Write as _;

use crate::domain::{Came, Crossed, Quadrant, Session};
use crate::i18n::Lang;

use super::plan::{self, Words};
use super::{Labels, day, safe};

/// Style sheet of the full page. Colours are light so the page prints well in
/// black and white too.
const PAGE_CSS: &str = "\
@page { size: A4; margin: 18mm 15mm; }
body { font-family: \"Liberation Sans\", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; max-width: 180mm; margin: 1em auto; }
h1 { font-size: 18pt; margin: 0 0 .4em; }
h2 { font-size: 13pt; margin: 1.2em 0 .4em; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1em 0 .3em; break-after: avoid; }
table { break-inside: auto; }
tr, li { break-inside: avoid; }
footer { margin-top: 2em; font-size: 8pt; color: #666; }
@media print { body { margin: 0; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
";

const TABLE: &str = "border-collapse:collapse;width:100%;margin:0 0 1em 0";
const CELL: &str = "border:1px solid #888;padding:4px 6px;vertical-align:top;text-align:left";

/// Background of each quadrant's cell in the grid.
fn tint(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "#e6f4ea",
        Quadrant::Weaknesses => "#fdecea",
        Quadrant::Opportunities => "#e8f0fe",
        Quadrant::Threats => "#fff4e5",
    }
}

/// Escapes user text for element content.
pub fn escape(text: &str) -> String {
    html_escape::encode_text(&safe(text)).into_owned()
}

/// Escapes user text for a double-quoted attribute value.
fn escape_attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(&safe(text)).into_owned()
}

/// A complete HTML document.
pub fn page(session: &Session, lang: Lang) -> String {
    let l = Labels::new(lang);
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", escape_attr(&session.meta.language));
    let _ = writeln!(out, "<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&session.meta.title));
    let _ = writeln!(out, "<style>\n{PAGE_CSS}</style>\n</head>\n<body>");
    out.push_str(&fragment(session, lang));
    let _ = writeln!(out, "<footer>{} · {}</footer>", l.generated, day(session.meta.modified));
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// Tables and headings only, with inline styles, for pasting into documents.
pub fn fragment(session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, session, lang);
    grid(&mut out, session, lang);
    lists(&mut out, session, lang);
    actions(&mut out, session, lang);
    strategies(&mut out, session, lang);
    evaluation(&mut out, session, lang);
    out
}

fn header(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let m = &session.meta;
    let _ = writeln!(out, "<h1>{}</h1>", escape(&m.title));
    let mut lines = vec![format!("<strong>{}:</strong> {}", l.date, day(m.created))];
    if let Some(place) = m.place.as_deref().filter(|p| !p.trim().is_empty()) {
        lines.push(format!("<strong>{}:</strong> {}", l.place, escape(place)));
    }
    if let Some(who) = m.participants.as_deref().filter(|p| !p.trim().is_empty()) {
        lines.push(format!("<strong>{}:</strong> {}", l.participants, escape(who)));
    }
    let counts: Vec<String> =
        Quadrant::ALL.iter().map(|&q| format!("{} {}", lang.quadrant(q), session.factors(q).len())).collect();
    lines.push(format!("<strong>{}:</strong> {}", l.factors, counts.join(" · ")));
    let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
}

fn grid(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let _ = writeln!(out, "<h2>{}</h2>", l.grid);
    let _ = writeln!(out, "<table style=\"{TABLE}\">");
    let _ = writeln!(
        out,
        "<tr><th style=\"{CELL};width:12%\"></th><th style=\"{CELL};width:44%\">{}</th><th style=\"{CELL};width:44%\">{}</th></tr>",
        l.positive, l.negative
    );
    for (row, left, right) in [
        (l.internal, Quadrant::Strengths, Quadrant::Weaknesses),
        (l.external, Quadrant::Opportunities, Quadrant::Threats),
    ] {
        let _ = writeln!(
            out,
            "<tr><th style=\"{CELL}\">{row}</th>{}{}</tr>",
            cell(session, lang, left),
            cell(session, lang, right)
        );
    }
    let _ = writeln!(out, "</table>");
}

fn cell(session: &Session, lang: Lang, q: Quadrant) -> String {
    let mut out = format!("<td style=\"{CELL};background:{}\"><strong>{}</strong>", tint(q), lang.quadrant(q));
    let factors = session.factors(q);
    if !factors.is_empty() {
        out.push_str("<ul style=\"margin:.3em 0 0 1.2em;padding:0\">");
        for f in factors {
            let _ = write!(out, "<li>{} {}</li>", escape(&f.id), escape(&super::factor_text(session, f, lang)));
        }
        out.push_str("</ul>");
    }
    out.push_str("</td>");
    out
}

fn lists(out: &mut String, session: &Session, lang: Lang) {
    let l = Labels::new(lang);
    for q in Quadrant::ALL {
        let _ = writeln!(out, "<h2>{}</h2>", lang.quadrant(q));
        let factors = session.factors(q);
        if factors.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", l.none);
            continue;
        }
        let _ = writeln!(out, "<table style=\"{TABLE}\">");
        let _ = writeln!(
            out,
            "<tr><th style=\"{CELL};width:8%\">{}</th><th style=\"{CELL}\">{}</th><th style=\"{CELL};width:10%\">{}</th><th style=\"{CELL};width:10%\">{}</th></tr>",
            l.id,
            l.factor,
            capitalise(l.votes),
            capitalise(l.impact)
        );
        for f in factors {
            let votes = if f.votes > 0 { f.votes.to_string() } else { String::new() };
            let impact =
                f.impact.map(|i| i.to_string()).or_else(|| crate::domain::sources::impact_text(f)).unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td style=\"{CELL}\">{}</td><td style=\"{CELL}\">{}</td><td style=\"{CELL}\">{votes}</td><td style=\"{CELL}\">{impact}</td></tr>",
                escape(&f.id),
                escape(&super::factor_text(session, f, lang))
            );
        }
        let _ = writeln!(out, "</table>");
        if let Some(line) = super::sources_line(session, q, lang) {
            let _ = writeln!(out, "<p><small>{}</small></p>", escape(&line));
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A header row of `th` cells; `widths` in percent, empty for automatic.
fn head_row(out: &mut String, cells: &[(&str, &str)]) {
    out.push_str("<tr>");
    for (text, width) in cells {
        let width = if width.is_empty() { String::new() } else { format!(";width:{width}") };
        let _ = write!(out, "<th style=\"{CELL}{width}\">{text}</th>");
    }
    out.push_str("</tr>\n");
}

/// A row of `td` cells whose contents are already escaped.
fn row(out: &mut String, cells: &[String], right_from: usize) {
    out.push_str("<tr>");
    for (i, text) in cells.iter().enumerate() {
        let align = if i >= right_from { ";text-align:right" } else { "" };
        let _ = write!(out, "<td style=\"{CELL}{align}\">{text}</td>");
    }
    out.push_str("</tr>\n");
}

fn actions(out: &mut String, s: &Session, lang: Lang) {
    if !plan::has_actions(s) {
        return;
    }
    let w = Words::new(lang);
    let _ = writeln!(out, "<h2>{}</h2>", w.came);
    for c in Came::ALL {
        let _ = writeln!(out, "<h3>{}</h3>", plan::came_heading(s, lang, c));
        let _ = writeln!(out, "<p><em>{}.</em></p>", plan::coverage(s, lang, c.source()));
        let list = s.actions(c);
        if list.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", w.no_actions);
            continue;
        }
        let _ = writeln!(out, "<table style=\"{TABLE}\">");
        head_row(
            out,
            &[
                ("ID", "7%"),
                (w.action, ""),
                (w.answers, "11%"),
                (w.owner, "15%"),
                (w.due, "11%"),
                (w.indicator, "15%"),
                (w.status, "10%"),
                (&capitalise(w.votes), "7%"),
            ],
        );
        for a in list {
            let mut text = escape(&a.text);
            if a.carried {
                let _ = write!(text, " <em>({})</em>", w.carried);
            }
            row(
                out,
                &[
                    escape(&a.id),
                    text,
                    escape(&plan::links(s, &a.links, ", ")),
                    a.owner.as_deref().map(escape).unwrap_or_default(),
                    a.due.map(|d| d.to_string()).unwrap_or_default(),
                    a.indicator.as_deref().map(escape).unwrap_or_default(),
                    crate::labels::status(lang, a.status).to_owned(),
                    if a.votes > 0 { a.votes.to_string() } else { String::new() },
                ],
                7,
            );
        }
        let _ = writeln!(out, "</table>");
    }
}

fn strategies(out: &mut String, s: &Session, lang: Lang) {
    if s.strategies.is_empty() {
        return;
    }
    let w = Words::new(lang);
    let _ = writeln!(out, "<h2>{}</h2>", w.strategies);
    for k in Crossed::ALL {
        if s.strategies_of(k).next().is_none() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>", plan::crossed_heading(s, lang, k));
        let _ = writeln!(out, "<table style=\"{TABLE}\">");
        head_row(out, &[("ID", "8%"), (w.strategy, ""), (w.factors, "14%"), (&capitalise(w.votes), "8%")]);
        for (_, st) in s.strategies_of(k) {
            let votes = if st.votes > 0 { st.votes.to_string() } else { String::new() };
            let cells = [escape(&st.id), escape(&st.text), escape(&plan::links(s, &st.factors, " × ")), votes];
            row(out, &cells, 3);
        }
        let _ = writeln!(out, "</table>");
    }
}

fn evaluation(out: &mut String, s: &Session, lang: Lang) {
    let w = Words::new(lang);
    for t in plan::tables(s) {
        let _ = writeln!(out, "<h2>{}</h2>", plan::matrix_heading(lang, t.matrix));
        let _ = writeln!(out, "<table style=\"{TABLE}\">");
        head_row(out, &[("ID", "8%"), ("Factor", ""), (w.weight, "10%"), (w.rating, "12%"), (w.weighted, "12%")]);
        for f in &t.rows {
            let cells = [
                escape(&f.id),
                escape(&f.text),
                f.weight.map(|x| plan::num(lang, x, 2)).unwrap_or_default(),
                f.rating.map(|r| r.to_string()).unwrap_or_default(),
                plan::weighted(f).map(|x| plan::num(lang, x, 2)).unwrap_or_default(),
            ];
            row(out, &cells, 2);
        }
        let totals = [
            format!("<strong>{}</strong>", w.total),
            String::new(),
            format!("<strong>{}</strong>", plan::num(lang, t.eval.weight_sum, 2)),
            String::new(),
            format!("<strong>{}</strong>", plan::num(lang, t.eval.total, 2)),
        ];
        row(out, &totals, 2);
        let _ = writeln!(out, "</table>");
        let _ = writeln!(out, "<p>{}</p>", plan::notes(lang, &t.eval).join("<br>\n"));
    }
}
