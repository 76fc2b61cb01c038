//! Minimal Markdown, 80-column text and HTML drawing of a [`ReportDoc`], for
//! the evaluation report until the branch `doc`'s backends (`markdown`,
//! `text`, `html`, `docx` over its `Document`) take over: the blocks are the
//! same, so only this file goes when the branches meet.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::plan_doc::{Block, Column, Heading, Items, Shape, Table};
use super::report_build::ReportDoc;
use super::safe;

/// Width of the text backend.
const WIDTH: usize = 80;

// ---- Markdown ----

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in safe(text).chars() {
        if matches!(c, '\\' | '*' | '_' | '|' | '<' | '>' | '[' | ']' | '`' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn md_head(out: &mut String, labels: Vec<String>, numeric: Vec<bool>) {
    md_row(out, labels);
    md_row(out, numeric.into_iter().map(|n| if n { "---:".to_owned() } else { "---".to_owned() }));
}

/// The report as Markdown.
pub fn markdown(doc: &ReportDoc) -> String {
    let mut out = format!("# {}\n\n", md_escape(&doc.title));
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                for (k, v) in fields {
                    let _ = writeln!(out, "- **{}:** {}", md_escape(k), md_escape(v));
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "{} {}", "#".repeat(usize::from(h.level)), md_escape(&h.text));
            }
            Block::Para(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| md_escape(l)).collect();
                out.push_str(&lines.join("  \n"));
                out.push('\n');
            }
            Block::Lead(text) => {
                let _ = writeln!(out, "*{}*", md_escape(text));
            }
            Block::Items(items) if items.shape == Shape::List => {
                for r in &items.rows {
                    let cells: Vec<String> = r.cells.iter().filter(|c| !c.is_empty()).map(|c| md_escape(c)).collect();
                    let tail = if cells.is_empty() { String::new() } else { format!(" — {}", cells.join(" · ")) };
                    let _ = writeln!(out, "- **{}** {}{tail}", md_escape(&r.id), md_escape(&r.text));
                }
            }
            Block::Items(items) => {
                let mut labels = vec!["ID".to_owned(), md_escape(&items.text_label)];
                labels.extend(items.columns.iter().map(|c| md_escape(&c.label)));
                let mut numeric = vec![false, false];
                numeric.extend(items.columns.iter().map(|c| c.numeric));
                md_head(&mut out, labels, numeric);
                for r in &items.rows {
                    let mut cells = vec![md_escape(&r.id), md_escape(&r.text)];
                    cells.extend(r.cells.iter().map(|c| md_escape(c)));
                    md_row(&mut out, cells);
                }
            }
            Block::Table(t) => {
                md_head(&mut out, t.columns.iter().map(|c| md_escape(&c.label)).collect(), numeric_of(t));
                for row in &t.rows {
                    md_row(&mut out, row.iter().map(|c| md_escape(c)));
                }
                if !t.totals.is_empty() {
                    let mut cells = vec![String::new(), format!("**{}**", md_escape(&t.total_label))];
                    cells.extend(t.totals.iter().map(|c| format!("**{}**", md_escape(c))));
                    md_row(&mut out, cells);
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "---\n{}", md_escape(&doc.footer));
    out
}

fn numeric_of(t: &Table) -> Vec<bool> {
    t.columns.iter().map(|c| c.numeric).collect()
}

// ---- Plain text, 80 columns ----

fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<String> = textwrap::wrap(&safe(text), width.max(8)).into_iter().map(|l| l.into_owned()).collect();
    if lines.is_empty() { vec![String::new()] } else { lines }
}

fn pad(text: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(text)));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

fn text_heading(out: &mut String, h: &Heading) {
    let text = safe(&h.text);
    if h.level <= 2 {
        let upper = text.to_uppercase();
        let _ = writeln!(out, "{upper}\n{}", "=".repeat(width(&upper).min(WIDTH)));
    } else {
        let _ = writeln!(out, "{text}\n{}", "-".repeat(width(&text).min(WIDTH)));
    }
}

/// Rows of cells drawn as columns; the column `flex` (the text) takes the
/// width left and wraps.
fn text_grid(out: &mut String, columns: &[Column], rows: &[Vec<String>], flex: usize) {
    let n = columns.len();
    let mut widths: Vec<usize> = columns.iter().map(|c| width(&c.label).max(c.min_chars)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(&safe(cell)));
        }
    }
    let others: usize = widths.iter().enumerate().filter(|(i, _)| *i != flex).map(|(_, w)| w + 2).sum();
    if flex < n {
        widths[flex] = widths[flex].min(WIDTH.saturating_sub(others).max(16));
    }
    let draw = |out: &mut String, cells: &[String]| {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|i| {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                if i == flex { wrap(cell, widths[i]) } else { vec![safe(cell).into_owned()] }
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let parts: Vec<String> = (0..n)
                .map(|i| {
                    let text = wrapped[i].get(line).map(String::as_str).unwrap_or("");
                    pad(text, widths[i], columns[i].numeric)
                })
                .collect();
            let _ = writeln!(out, "{}", parts.join("  ").trim_end());
        }
    };
    draw(out, &columns.iter().map(|c| c.label.clone()).collect::<Vec<_>>());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let _ = writeln!(out, "{}", rule.join("  "));
    for row in rows {
        draw(out, row);
    }
}

fn text_items(out: &mut String, items: &Items) {
    if items.shape == Shape::List {
        for r in &items.rows {
            let id = safe(&r.id);
            let cells: Vec<&str> = r.cells.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
            let tail = if cells.is_empty() { String::new() } else { format!(" — {}", cells.join(" · ")) };
            let indent = width(&id) + 2;
            for (i, line) in wrap(&format!("{}{tail}", r.text), WIDTH - indent).into_iter().enumerate() {
                let lead = if i == 0 { format!("{id}  ") } else { " ".repeat(indent) };
                let _ = writeln!(out, "{lead}{line}");
            }
        }
        return;
    }
    let mut columns = vec![Column::new("ID", None), Column::new(items.text_label.clone(), None)];
    columns.extend(items.columns.iter().cloned());
    let rows: Vec<Vec<String>> = items
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.id.clone(), r.text.clone()];
            row.extend(r.cells.iter().cloned());
            row
        })
        .collect();
    text_grid(out, &columns, &rows, 1);
}

/// The report as plain text, 80 columns wide where the tables allow.
pub fn text(doc: &ReportDoc) -> String {
    let title = safe(&doc.title).to_uppercase();
    let mut out = String::new();
    for line in wrap(&title, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}\n", "=".repeat(width(&title).min(WIDTH)));
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                for (k, v) in fields {
                    for line in wrap(&format!("{k}: {v}"), WIDTH) {
                        let _ = writeln!(out, "{line}");
                    }
                }
            }
            Block::Heading(h) => text_heading(&mut out, h),
            Block::Para(lines) => {
                for line in lines.iter().flat_map(|l| wrap(l, WIDTH)) {
                    let _ = writeln!(out, "{line}");
                }
            }
            Block::Lead(text) => {
                for line in wrap(text, WIDTH) {
                    let _ = writeln!(out, "{line}");
                }
            }
            Block::Items(items) => text_items(&mut out, items),
            Block::Table(t) => {
                let mut rows = t.rows.clone();
                if !t.totals.is_empty() {
                    let mut total = vec![String::new(), t.total_label.clone()];
                    total.extend(t.totals.iter().cloned());
                    rows.push(total);
                }
                text_grid(&mut out, &t.columns, &rows, 1);
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", safe(&doc.footer));
    out
}

// ---- HTML ----

fn h(text: &str) -> String {
    html_escape::encode_text(&safe(text)).into_owned()
}

fn html_table(out: &mut String, columns: &[Column], rows: &[Vec<String>], totals: Option<Vec<String>>) {
    out.push_str("<table>\n<thead><tr>");
    for c in columns {
        let _ = write!(out, "<th>{}</th>", h(&c.label));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let row = |out: &mut String, cells: &[String], tag: &str| {
        out.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            let num = columns.get(i).is_some_and(|c| c.numeric);
            let class = if num { " class=\"n\"" } else { "" };
            let _ = write!(out, "<{tag}{class}>{}</{tag}>", h(cell));
        }
        out.push_str("</tr>\n");
    };
    for r in rows {
        row(out, r, "td");
    }
    if let Some(t) = totals {
        row(out, &t, "th");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The report as a self-contained HTML page that prints on A4. The title sits
/// in a borderless one-cell table: LibreOffice's HTML import loses a page's
/// first line otherwise (the branch `doc`'s backend does the same).
pub fn html(doc: &ReportDoc) -> String {
    let mut out = String::new();
    let lang = h(&doc.language);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
         @page {{ size: A4; margin: 2cm; }}\nbody {{ font-family: sans-serif; font-size: 11pt; color: #000; }}\n\
         table {{ border-collapse: collapse; margin: 0.5em 0; }}\nth, td {{ border: 1px solid #888; padding: 2px 6px; \
         text-align: left; vertical-align: top; }}\ntd.n, th.n {{ text-align: right; }}\ntable.title td {{ border: 0; padding: 0; }}\n\
         </style>\n</head>\n<body>\n<table class=\"title\" role=\"presentation\"><tr><td><h1>{}</h1></td></tr></table>\n",
        h(&doc.title),
        h(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                out.push_str("<ul class=\"fields\">\n");
                for (k, v) in fields {
                    let _ = writeln!(out, "<li><strong>{}:</strong> {}</li>", h(k), h(v));
                }
                out.push_str("</ul>\n");
            }
            Block::Heading(hd) => {
                let _ = writeln!(out, "<h{0}>{1}</h{0}>", hd.level.clamp(2, 3), h(&hd.text));
            }
            Block::Para(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| h(l)).collect();
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
            }
            Block::Lead(text) => {
                let _ = writeln!(out, "<p><em>{}</em></p>", h(text));
            }
            Block::Items(items) => {
                let mut columns = vec![Column::new("ID", None), Column::new(items.text_label.clone(), None)];
                columns.extend(items.columns.iter().cloned());
                let rows: Vec<Vec<String>> =
                    items.rows.iter().map(|r| [vec![r.id.clone(), r.text.clone()], r.cells.clone()].concat()).collect();
                html_table(&mut out, &columns, &rows, None);
            }
            Block::Table(t) => {
                let totals = (!t.totals.is_empty())
                    .then(|| [vec![String::new(), t.total_label.clone()], t.totals.clone()].concat());
                html_table(&mut out, &t.columns, &t.rows, totals);
            }
        }
    }
    let _ = write!(out, "<footer>{}</footer>\n</body>\n</html>\n", h(&doc.footer));
    out
}
