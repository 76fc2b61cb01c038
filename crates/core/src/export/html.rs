//! HTML backend of the [`Document`]: a self-contained page (inline CSS, prints
//! on A4) and a fragment of plain tables with inline styles to paste into Word
//! or LibreOffice. Every piece of user text is escaped; no scripts are ever written.

use std::fmt::Write as _;

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;
use jiff::civil::Date;

use super::doc::{Block, Column, Document, Grid, Items, Table};
use super::safe;

/// Style sheet of the full page. Colours are light so the page prints well in
/// black and white too.
const PAGE_CSS: &str = "\
@page { size: A4; margin: 18mm 15mm; }
body { font-family: \"Liberation Sans\", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; max-width: 180mm; margin: 1em auto; }
h1 { font-size: 18pt; margin: 0 0 .4em; }
h2 { font-size: 13pt; margin: 1.2em 0 .4em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1em 0 .3em; break-after: avoid; page-break-after: avoid; }
p.lead { break-after: avoid; page-break-after: avoid; }
table { break-inside: auto; }
thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
th, td { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
footer { margin-top: 2em; font-size: 8pt; color: #666; }
@media print { body { margin: 0; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
";

const TABLE: &str = "border-collapse:collapse;width:100%;margin:0 0 1em 0";

/// Width of the text on an A4 page, in millimetres, for column widths.
const PAGE_MM: f64 = 180.0;
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
    html_escape::encode_text(&super::units_together(&safe(text))).into_owned()
}

/// Escapes user text for a double-quoted attribute value.
fn escape_attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(&safe(text)).into_owned()
}

/// A complete HTML document.
pub fn page(session: &Session, lang: Lang, today: Date) -> String {
    page_of(&super::build::document(session, lang, today))
}

/// Tables and headings only, with inline styles, for pasting into documents.
pub fn fragment(session: &Session, lang: Lang, today: Date) -> String {
    fragment_of(&super::build::document(session, lang, today))
}

/// A document as a complete HTML page.
pub fn page_of(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", escape_attr(&doc.language));
    let _ = writeln!(out, "<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&doc.title));
    let _ = writeln!(out, "<style>\n{PAGE_CSS}{}</style>\n</head>\n<body>", super::html_apparatus::print_css(doc));
    super::html_apparatus::cover(&mut out, doc);
    super::html_apparatus::contents(&mut out, doc);
    blocks(&mut out, doc, true);
    let _ = writeln!(out, "<footer>{}</footer>", escape(&doc.footer));
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// A document as an HTML fragment.
pub fn fragment_of(doc: &Document) -> String {
    let mut out = String::new();
    // A one-cell table around the title: LibreOffice's HTML import otherwise
    // puts a document's first line on a blank page of its own and loses it.
    let _ = writeln!(
        out,
        "<table role=\"presentation\" style=\"border-collapse:collapse;width:100%\"><tr><td style=\"padding:0\"><h1>{}</h1></td></tr></table>",
        escape(&doc.title)
    );
    blocks(&mut out, doc, false);
    out
}

/// The blocks of a document; `anchored`, each heading with the anchor its
/// contents entry links to (the page; a fragment to paste has no contents).
fn blocks(out: &mut String, doc: &Document, anchored: bool) {
    let mut anchors = doc.contents().into_iter().map(|(_, _, anchor)| anchor).filter(|_| anchored);
    // A main part's heading starts a page in print (`class="part"`).
    let parts = &doc.apparatus.parts;
    let mut id = || {
        anchors
            .next()
            .map(|a| {
                let class = if parts.contains(&a) { " class=\"part\"" } else { "" };
                format!(" id=\"{a}\"{class}")
            })
            .unwrap_or_default()
    };
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                let lines: Vec<String> = fields
                    .iter()
                    .map(|(l, v)| format!("<strong>{}:</strong> {}", escape(l), escape(&v.joined())))
                    .collect();
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "<h{0}{2}>{1}</h{0}>", h.level, escape(&h.text), id());
            }
            Block::Para(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
            }
            Block::Lead(text) => {
                let _ = writeln!(out, "<p class=\"lead\"><em>{}.</em></p>", escape(text));
            }
            Block::Grid(g) => grid(out, g, &id()),
            Block::Items(items) => item_table(out, items, doc.lang),
            Block::Table(t) => table(out, t, doc.lang),
            Block::Chart(c) => chart(out, c, doc.lang),
        }
    }
}

fn grid(out: &mut String, g: &Grid, id: &str) {
    let label = super::doc::fit_width("", g.rows.iter().map(|r| r.label.as_str()), PAGE_MM).max(12) + 2;
    let half = (100 - label) / 2;
    let _ = writeln!(out, "<h2{id}>{}</h2>", escape(&g.title));
    let _ = writeln!(out, "<table style=\"{TABLE}\">");
    let _ = writeln!(
        out,
        "<thead><tr><th style=\"{CELL};width:{label}%\" width=\"{label}%\"></th><th style=\"{CELL};width:{half}%\" width=\"{half}%\">{}</th><th style=\"{CELL};width:{half}%\" width=\"{half}%\">{}</th></tr></thead>",
        escape(&g.columns[0]),
        escape(&g.columns[1])
    );
    for row in &g.rows {
        let _ = write!(out, "<tr><th style=\"{CELL}\">{}</th>", escape(&row.label));
        for c in &row.cells {
            let _ = write!(
                out,
                "<td style=\"{CELL};background:{}\"><strong>{}</strong>",
                tint(c.quadrant),
                escape(&c.title)
            );
            if !c.items.is_empty() {
                out.push_str("<ul style=\"margin:.3em 0 0 1.2em;padding:0\">");
                for e in &c.items {
                    let _ = write!(out, "<li>{} {}</li>", escape(&e.id), escape(&e.text));
                }
                out.push_str("</ul>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    let _ = writeln!(out, "</table>");
}

/// A header row of `th` cells, repeated on every page a table spans.
fn head_row(out: &mut String, columns: &[&Column], widths: &[u8]) {
    out.push_str("<thead><tr>");
    for (c, w) in columns.iter().zip(widths) {
        let align = if c.numeric { ";text-align:right" } else { "" };
        let _ = write!(out, "<th style=\"{CELL};width:{w}%{align}\" width=\"{w}%\">{}</th>", escape(&c.label));
    }
    out.push_str("</tr></thead>\n");
}

/// A row of `td` cells whose contents are already escaped.
fn row(out: &mut String, cells: &[String], columns: &[&Column]) {
    out.push_str("<tr>");
    for (text, c) in cells.iter().zip(columns) {
        let align = if c.numeric { ";text-align:right" } else { "" };
        let _ = write!(out, "<td style=\"{CELL}{align}\">{text}</td>");
    }
    out.push_str("</tr>\n");
}

fn item_table(out: &mut String, items: &Items, lang: Lang) {
    let id = Column::new("ID", Some(items.id_width));
    let text = Column::new(items.text_label.clone(), None);
    let columns: Vec<&Column> = [&id, &text].into_iter().chain(&items.columns).collect();
    let _ = writeln!(out, "<table style=\"{TABLE}\">");
    head_row(out, &columns, &items.widths(PAGE_MM, lang));
    for item in &items.rows {
        let mut main = escape(&item.text);
        let details: Vec<String> =
            item.details.iter().filter(|d| d.column.is_none()).map(|d| escape(&d.text)).collect();
        if !details.is_empty() {
            let _ = write!(main, "<br><em>{}</em>", details.join(" · "));
        }
        let mut cells = vec![escape(&item.id), main];
        cells.extend(item.cells.iter().map(|c| escape(&c.show(lang))));
        row(out, &cells, &columns);
    }
    let _ = writeln!(out, "</table>");
}

/// A chart: its SVG inline in a figure, then its figures as a table.
fn chart(out: &mut String, c: &super::chart::Chart, lang: Lang) {
    let _ = writeln!(
        out,
        "<figure style=\"margin:1em 0 .3em;break-inside:avoid;page-break-inside:avoid\">\n{}<figcaption>{}</figcaption>\n</figure>",
        c.svg().replace("<svg ", "<svg style=\"max-width:100%;height:auto\" "),
        escape(if c.figures_above { lang.chart_words().note_above } else { lang.chart_words().note })
    );
    if !c.figures_above {
        table(out, &c.table, lang);
    }
}

fn table(out: &mut String, t: &Table, lang: Lang) {
    let columns: Vec<&Column> = t.columns.iter().collect();
    let _ = writeln!(out, "<table style=\"{TABLE}\">");
    head_row(out, &columns, &t.widths(PAGE_MM, lang));
    for r in &t.rows {
        row(out, &r.iter().map(|c| escape(&c.show(lang))).collect::<Vec<_>>(), &columns);
    }
    if t.has_total() {
        let strong = |v: &str| if v.is_empty() { String::new() } else { format!("<strong>{}</strong>", escape(v)) };
        let mut totals = vec![strong(&t.total_label), String::new()];
        totals.extend(t.totals.iter().map(|v| strong(&v.show(lang))));
        row(out, &totals, &columns);
    }
    let _ = writeln!(out, "</table>");
}
