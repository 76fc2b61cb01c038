//! HTML export: a self-contained page (inline CSS, prints on A4) and a fragment
//! of plain tables with inline styles to paste into Word or LibreOffice.
//! Every piece of user text is escaped; no scripts are ever written.

use std::fmt::Write as _;

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;

use super::{Labels, day, safe};

/// Style sheet of the full page. Colours are light so the page prints well in
/// black and white too.
const PAGE_CSS: &str = "\
@page { size: A4; margin: 18mm 15mm; }
body { font-family: \"Liberation Sans\", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; max-width: 180mm; margin: 1em auto; }
h1 { font-size: 18pt; margin: 0 0 .4em; }
h2 { font-size: 13pt; margin: 1.2em 0 .4em; break-after: avoid; }
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
            let _ = write!(out, "<li>{} {}</li>", escape(&f.id), escape(&f.text));
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
            let impact = f.impact.map(|i| i.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td style=\"{CELL}\">{}</td><td style=\"{CELL}\">{}</td><td style=\"{CELL}\">{votes}</td><td style=\"{CELL}\">{impact}</td></tr>",
                escape(&f.id),
                escape(&f.text)
            );
        }
        let _ = writeln!(out, "</table>");
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
