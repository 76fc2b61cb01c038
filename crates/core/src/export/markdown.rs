//! Markdown backend of the [`Document`]: title and metadata, the DAFO as a
//! 2x2 table, factor lists with IDs, votes and impact, the CAME actions as
//! narrow tables, the crossed strategies and the EFI/EFE tables.
//! `import::markdown` reads the factors back. Typed cells (dates, amounts,
//! percentages) are written the document language's way (`31/01/2027`,
//! `1.500,50 €`), which `plan_import` reads back in that language.

use std::fmt::Write as _;

use crate::domain::Session;
use crate::i18n::Lang;
use jiff::civil::Date;

use super::doc::{Block, Detail, Document, FieldValue, Grid, Items, Shape, Table};
use super::safe;

/// The whole session as Markdown.
pub fn render(session: &Session, lang: Lang, today: Date) -> String {
    document(&super::build::document(session, lang, today))
}

/// A document as Markdown.
pub fn document(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    if !doc.apparatus.subtitle.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape(&doc.apparatus.subtitle));
    }
    // The contents follow the title block (the header's fields).
    let mut contents_due = true;
    if !matches!(doc.blocks.first(), Some(Block::Fields(_))) {
        contents(&mut out, doc);
        contents_due = false;
    }
    blocks(&mut out, &doc.blocks, contents_due.then_some(doc), doc.lang);
    out
}

/// Blocks as Markdown, appended to `out`; `doc`'s contents after the first
/// fields block, when given; typed cells as `lang` writes them.
pub(crate) fn blocks(out: &mut String, blocks: &[Block], mut contents_of: Option<&Document>, lang: Lang) {
    for block in blocks {
        match block {
            Block::Fields(fields) => {
                for (label, value) in fields {
                    let value = match value {
                        FieldValue::Text(t) => escape(t),
                        // A name's own `;` escaped: the importer splits the list at the others.
                        FieldValue::List(items) => {
                            items.iter().map(|i| escape(i).replace(';', "\\;")).collect::<Vec<_>>().join("; ")
                        }
                    };
                    let _ = writeln!(out, "- **{}:** {value}", escape(label));
                }
                out.push('\n');
                if let Some(doc) = contents_of.take() {
                    contents(out, doc);
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(h.level)), escape(&h.text));
            }
            Block::Para(lines) => {
                for line in lines {
                    let _ = writeln!(out, "{}\n", escape(line));
                }
            }
            Block::Lead(text) => {
                let _ = writeln!(out, "*{}.*\n", escape(text));
            }
            Block::Grid(g) => grid(out, g),
            Block::Items(items) => match items.shape {
                Shape::List => list(out, items),
                Shape::Table => table_items(out, items, lang),
            },
            Block::Table(t) => table(out, t, lang),
            // Markdown has no drawing: the chart's title and its figures.
            Block::Chart(c) if c.figures_above => {}
            Block::Chart(c) => {
                let _ = writeln!(out, "**{}**\n", escape(&c.title));
                table(out, &c.table, lang);
            }
        }
    }
}

/// The contents: a list of links to the headings (levels 2 and 3), each to
/// the anchor GitHub and most renderers give a heading ([`slug`]).
fn contents(out: &mut String, doc: &Document) {
    let entries = doc.contents();
    if entries.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", escape(doc.lang.text().apparatus.contents));
    let mut seen = std::collections::HashMap::new();
    for (level, text, _) in entries {
        let base = slug(&safe(text));
        let n = seen.entry(base.clone()).or_insert(0usize);
        let anchor = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
        *n += 1;
        let indent = if level > 2 { "  " } else { "" };
        let _ = writeln!(out, "{indent}- [{}](#{anchor})", escape(text));
    }
    out.push('\n');
}

/// A heading's anchor as GitHub makes it: lower case, letters, digits, `-`
/// and `_` kept, spaces as `-`, anything else dropped.
fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Escapes text so that Markdown shows it literally: no emphasis, links, raw
/// HTML, entities, code or table breaks can come from user text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let safe = safe(text);
    // A text that begins like a list item (`- 0`, `+ 1`) would read as one.
    if safe.starts_with("- ") || safe.starts_with("+ ") {
        out.push('\\');
    }
    for c in safe.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A detail under an item's text, in the form `plan_import` reads back: the
/// export's words escaped as usual, the user's words with the separators the
/// importer splits at (`, ; ( )`) backslash-escaped too; a `·` anywhere and a
/// user's `€` become character references (`&#183;`, `&#8364;`), which
/// Markdown shows as the character. So an owner `A · Inicio: 01/01/2020` is
/// never read as a start date, a partner `A, B` as two, resources `(5 €)` as
/// an amount.
fn detail(d: &Detail) -> String {
    let ours = |t: &str| escape(t).replace('·', "&#183;");
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in &d.user {
        let (Some(before), Some(theirs)) = (d.text.get(at..start), d.text.get(start..end)) else { continue };
        out.push_str(&ours(before));
        for c in escape(theirs).chars() {
            match c {
                ',' | ';' | '(' | ')' => {
                    out.push('\\');
                    out.push(c);
                }
                '·' => out.push_str("&#183;"),
                '€' => out.push_str("&#8364;"),
                c => out.push(c),
            }
        }
        at = end;
    }
    out.push_str(&ours(d.text.get(at..).unwrap_or_default()));
    out
}

fn grid(out: &mut String, g: &Grid) {
    let _ = writeln!(out, "## {}\n", escape(&g.title));
    let _ = writeln!(out, "| | {} | {} |", escape(&g.columns[0]), escape(&g.columns[1]));
    out.push_str("|---|---|---|\n");
    for row in &g.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                let mut parts = vec![format!("**{}**", escape(&c.title))];
                for e in &c.items {
                    let note = if e.note.is_empty() { String::new() } else { format!(" ({})", escape(&e.note)) };
                    parts.push(format!("{} {}{note}", escape(&e.id), escape(&e.text)));
                }
                parts.join("<br>")
            })
            .collect();
        let _ = writeln!(out, "| **{}** | {} |", escape(&row.label), cells.join(" | "));
    }
    out.push('\n');
}

/// `- **F1** Text (F1 × O1) *(5 votos)*` per item.
fn list(out: &mut String, items: &Items) {
    for item in &items.rows {
        // A text that ends in `)` has its brackets escaped, so its own last
        // brackets are never read as the IDs that may follow it (`(D1, F2)`).
        let (own, marks) = item.text.split_at(item.text.len().saturating_sub(item.marks));
        let text = escape(own);
        // The importer cleans what it reads (spaces at the end, invisible
        // marks): how the text ends is judged as it will be read back.
        let ends = crate::domain::text::clean_text(own);
        let mut text = if ends.ends_with(')') { text.replace('(', "\\(") } else { text };
        // A factor whose text itself ends like a mark (`↻`, `[T·P]`) ends with
        // an empty comment, which the importer takes for the end of the words.
        if items.group == "factors" && ends.ends_with(['↻', ']']) {
            text.push_str("<!-- -->");
        }
        text.push_str(&escape(marks));
        let _ = write!(out, "- **{}** {text}", escape(&item.id));
        if let Some(pair) = &item.pair {
            let _ = write!(out, " ({})", escape(pair));
        }
        if let Some(note) = &item.note {
            let _ = write!(out, " *({})*", escape(note));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// A table of the compact columns; the other details go under the text.
fn table_items(out: &mut String, items: &Items, lang: Lang) {
    let compact: Vec<usize> = (0..items.columns.len()).filter(|&i| items.columns[i].compact).collect();
    let _ = write!(out, "| ID | {} |", escape(&items.text_label));
    for &i in &compact {
        let _ = write!(out, " {} |", escape(&items.columns[i].label));
    }
    let _ = writeln!(out, "\n|---|---|{}", "---|".repeat(compact.len()));
    for item in &items.rows {
        let text = if item.details.is_empty() {
            escape(&item.text)
        } else {
            let details: Vec<String> = item.details.iter().map(detail).collect();
            format!("{}<br>*{}*", escape(&item.text), details.join(" · "))
        };
        let _ = write!(out, "| **{}** | {text} |", escape(&item.id));
        for &i in &compact {
            let _ = write!(out, " {} |", escape(&item.cells.get(i).map(|c| c.show(lang)).unwrap_or_default()));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn table(out: &mut String, t: &Table, lang: Lang) {
    let labels: Vec<String> = t.columns.iter().map(|c| escape(&c.label)).collect();
    let _ = writeln!(out, "| {} |", labels.join(" | "));
    let rule: Vec<&str> = t.columns.iter().map(|c| if c.numeric { "--:" } else { "---" }).collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| escape(&c.show(lang))).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if !t.has_total() {
        out.push('\n');
        return;
    }
    let bold = |v: &str| if v.is_empty() { String::new() } else { format!("**{}**", escape(v)) };
    let mut totals = vec![bold(&t.total_label), String::new()];
    totals.extend(t.totals.iter().map(|v| bold(&v.show(lang))));
    out.push('|');
    for cell in totals {
        let _ = if cell.is_empty() { write!(out, " |") } else { write!(out, " {cell} |") };
    }
    out.push_str("\n\n");
}

/// One factor as a Markdown list item: `- **D1** Text *(3 votos · impacto 4)*`,
/// the form the plan importer reads back.
pub(crate) fn item(f: &crate::domain::Factor, lang: Lang) -> String {
    let p = super::priority(lang, f.votes, f.impact);
    let p = if p.is_empty() { p } else { format!(" *({p})*") };
    format!("- **{}** {}{p}", escape(&f.id), escape(&f.text))
}

#[cfg(test)]
mod list_like_tests {
    use super::escape;

    #[test]
    fn a_text_that_begins_like_a_list_item_is_escaped() {
        assert_eq!(escape("- 0"), "\\- 0");
        assert_eq!(escape("+ 1"), "\\+ 1");
        assert_eq!(escape("-5 grados"), "-5 grados", "a negative number stays as it is");
        assert_eq!(crate::import::plan::unescape(&escape("- 0")), "- 0");
    }
}
