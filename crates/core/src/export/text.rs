//! Plain-text backend of the [`Document`], fitting 80 columns: headings in
//! capitals underlined, items with their text hanging beside the ID column,
//! number tables in fixed columns. The DAFO grid is left out: the four lists
//! that follow say the same in a width a terminal shows.

use std::collections::HashMap;
use std::fmt::Write as _;

use textwrap::{Options, WordSplitter, WrapAlgorithm};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::Session;
use crate::i18n::Lang;
use jiff::civil::Date;

use super::cell::shown;
use super::doc::{Block, Document, Heading, Items, Shape, Table};
use super::plan_report::MARK;
use super::safe;

/// Width every line of the text export fits in.
pub const WIDTH: usize = 80;

/// IDs wider than this (only in hand-edited files) are cut.
const MAX_ID_WIDTH: usize = 12;

/// The narrowest a table's label column gets beside the numbers; with less
/// room, labels go on lines of their own.
const MIN_TABLE_TEXT: usize = 12;

/// Details at most this wide are never split across lines.
const GLUED_WIDTH: usize = 24;

/// The whole session as plain text.
pub fn render(session: &Session, lang: Lang, today: Date) -> String {
    document(&super::build::document(session, lang, today))
}

/// A document as plain text.
pub fn document(doc: &Document) -> String {
    let mut out = String::new();
    let title = wrap(&safe(&doc.title), WIDTH);
    let rule = title.iter().map(|t| t.width()).max().unwrap_or(0).max(1);
    for line in &title {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", "=".repeat(rule));
    let widths = id_widths(doc);
    let mut after_section_heading = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let after_sub_heading =
            matches!(i.checked_sub(1).and_then(|p| doc.blocks.get(p)), Some(Block::Heading(h)) if h.level > 2);
        match block {
            Block::Fields(fields) => {
                for (label, value) in fields {
                    hang(&mut out, "", "  ", &format!("{label}: {}", safe(&value.joined())), WIDTH - 2);
                }
            }
            Block::Heading(h) if h.level <= 2 => heading(&mut out, h),
            Block::Heading(h) => {
                if !after_section_heading {
                    out.push('\n');
                }
                let line = match doc.blocks.get(i + 1) {
                    Some(Block::Lead(lead)) => format!("{}: {}", safe(&h.text), safe(lead)),
                    _ => safe(&h.text).into_owned(),
                };
                for line in wrap(&line, WIDTH) {
                    let _ = writeln!(out, "{line}");
                }
            }
            Block::Para(lines) => {
                for line in lines {
                    hang(&mut out, "  ", "  ", &safe(line), WIDTH - 2);
                }
            }
            // A lead after a sub-heading went on the heading's line; any other is a line of its own.
            Block::Lead(lead) if !after_sub_heading => {
                hang(&mut out, "  ", "  ", &format!("{}.", safe(lead)), WIDTH - 2);
            }
            Block::Lead(_) | Block::Grid(_) => {}
            Block::Items(items) => {
                let width = widths.get(items.group).copied().unwrap_or(2);
                item_lines(&mut out, items, width, doc.lang);
            }
            Block::Table(t) => table(&mut out, t, doc.lang),
            // Plain text has no drawing: the chart's title and its figures.
            Block::Chart(c) if c.figures_above => {}
            Block::Chart(c) => {
                out.push('\n');
                hang(&mut out, "  ", "  ", &safe(&c.title), WIDTH - 2);
                table(&mut out, &c.table, doc.lang);
            }
        }
        after_section_heading = matches!(block, Block::Heading(h) if h.level <= 2);
    }
    out
}

/// Stands for a space that [`wrap`] must not break at, until the text is wrapped.
const GLUE: char = '\u{a0}';

fn glue(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// An upper-case heading underlined with dashes, after a blank line.
fn heading(out: &mut String, h: &Heading) {
    let mut title = safe(&h.text).to_uppercase();
    if let Some(aside) = &h.aside {
        let _ = write!(title, " ({})", safe(aside));
    }
    for line in wrap(&title, WIDTH) {
        let _ = writeln!(out, "\n{line}\n{}", "-".repeat(line.width()));
    }
}

/// `first` then `text` wrapped to `width`, continuation lines after `rest`.
fn hang(out: &mut String, first: &str, rest: &str, text: &str, width: usize) {
    for (i, line) in wrap(text, width).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { first } else { rest });
    }
}

/// The ID column's width of each group of item lists.
fn id_widths(doc: &Document) -> HashMap<&'static str, usize> {
    let mut out = HashMap::new();
    for block in &doc.blocks {
        if let Block::Items(items) = block {
            let widest = items.rows.iter().map(|r| safe(&r.id).width()).max().unwrap_or(2);
            let entry = out.entry(items.group).or_insert(2);
            *entry = widest.clamp(2, MAX_ID_WIDTH).max(*entry);
        }
    }
    out
}

/// `  ID  first line`, then continuation lines under the text.
fn entry(out: &mut String, id: &str, id_width: usize, body: &str) {
    let indent = 2 + id_width + 2;
    let id = clip(&safe(id), id_width);
    let pad = " ".repeat(id_width.saturating_sub(id.width()));
    hang(out, &format!("  {id}{pad}  "), &" ".repeat(indent), body, WIDTH - indent);
}

/// Lists: `ID  text (links, notes)`. Tables: `ID  text`, then a line with the
/// compact columns (the first one, the links, after an arrow) and the details;
/// of columns of marks, the labels of those marked (`→ 1.1 · 2024, 2026`).
fn item_lines(out: &mut String, items: &Items, width: usize, lang: Lang) {
    // Where some cell is a mark (■), the columns holding only marks and empty
    // cells (the cronograma's years): only their label tells which year.
    let mark = |c: Option<&super::cell::Cell>| c.map(|c| c.show(lang));
    let any_mark = items.rows.iter().any(|r| r.cells.iter().any(|c| c.show(lang) == MARK));
    let marks: Vec<bool> = (0..items.columns.len())
        .map(|i| any_mark && items.rows.iter().all(|r| mark(r.cells.get(i)).is_none_or(|t| t.is_empty() || t == MARK)))
        .collect();
    for item in &items.rows {
        match items.shape {
            Shape::List => {
                let extra: Vec<String> = item.pair.iter().chain(&item.note).map(|e| safe(e).into_owned()).collect();
                let body = if extra.is_empty() {
                    safe(&item.text).into_owned()
                } else {
                    format!("{} ({})", safe(&item.text), extra.join(", "))
                };
                entry(out, &item.id, width, &body);
            }
            Shape::Table => {
                entry(out, &item.id, width, &safe(&item.text));
                let shown = |i: usize| safe(&item.cells.get(i).map(|c| c.show(lang)).unwrap_or_default()).into_owned();
                let mut compact = (0..items.columns.len()).filter(|&i| items.columns[i].compact);
                let mut parts = vec![format!("→ {}", compact.next().map(shown).unwrap_or_default())];
                // Mark columns (the cronograma's years) say nothing alone: the
                // labels of those marked, together where the first one is.
                let (mut cells, mut marked, mut marks_at) = (Vec::new(), Vec::new(), None);
                for i in compact {
                    if !marks[i] {
                        cells.push(shown(i));
                    } else if shown(i) == MARK {
                        marks_at.get_or_insert(cells.len());
                        marked.push(safe(&items.columns[i].label).into_owned());
                    }
                }
                if let Some(at) = marks_at {
                    cells.insert(at, marked.join(", "));
                }
                let short = |d: String| if d.width() <= GLUED_WIDTH { glue(&d) } else { d };
                parts.extend(
                    cells.into_iter().chain(item.details.iter().map(|d| safe(&d.text).into_owned())).map(short),
                );
                let mut body = String::new();
                entry(&mut body, "", width, &parts.join(" · "));
                out.push_str(&body.replace(GLUE, " "));
            }
        }
    }
}

/// Number table: ID, text cut to the room left, numbers right-aligned, total.
/// When the numbers leave less than [`MIN_TABLE_TEXT`] columns, each row's
/// ID and text go on a line of their own, its numbers on the next.
fn table(out: &mut String, t: &Table, lang: Lang) {
    let rows: Vec<Vec<String>> = t.rows.iter().map(|r| shown(r, lang)).collect();
    let totals = shown(&t.totals, lang);
    let width = rows.iter().map(|r| safe(r.first().map_or("", String::as_str)).width()).max().unwrap_or(2);
    let width = width.clamp(2, MAX_ID_WIDTH);
    let cols: Vec<usize> = (2..t.columns.len())
        .map(|i| {
            let cells = rows.iter().filter_map(|r| r.get(i)).chain(totals.get(i - 2)).map(|c| c.width());
            cells.max().unwrap_or(0).max(t.columns[i].label.width()).max(t.columns[i].min_chars)
        })
        .collect();
    let numbers_width: usize = cols.iter().map(|c| c + 2).sum();
    let room = WIDTH.saturating_sub(2 + width + 2 + numbers_width);
    // Too little room beside the numbers: each label goes whole on a line of
    // its own, its numbers on the next, from the left margin.
    let stacked = room < MIN_TABLE_TEXT;
    let text_width = if stacked { 0 } else { room };
    let row = |out: &mut String, id: &str, text: &str, nums: &[String]| {
        if stacked {
            if !id.is_empty() || !text.is_empty() {
                entry(out, id, width, &safe(text));
            }
        } else {
            let id = clip(&safe(id), width);
            let text = clip(&safe(text), text_width);
            let _ = write!(
                out,
                "  {id}{}  {text}{}",
                " ".repeat(width.saturating_sub(id.width())),
                " ".repeat(text_width.saturating_sub(text.width()))
            );
        }
        for (n, c) in nums.iter().zip(&cols) {
            let _ = write!(out, "  {}{n}", " ".repeat(c.saturating_sub(n.width())));
        }
        out.truncate(out.trim_end_matches(' ').len());
        out.push('\n');
    };
    let labels: Vec<String> = t.columns.iter().map(|c| c.label.clone()).collect();
    let (head, nums) = labels.split_at(2.min(labels.len()));
    row(out, head.first().map_or("", String::as_str), head.get(1).map_or("", String::as_str), nums);
    for r in &rows {
        let (head, nums) = r.split_at(2.min(r.len()));
        row(out, head.first().map_or("", String::as_str), head.get(1).map_or("", String::as_str), nums);
    }
    if t.has_total() {
        row(out, "", &t.total_label, &totals);
    }
}

/// Splits `text` into lines no wider than `width` columns, breaking at spaces
/// (never at a `GLUE` space or a hyphen), and inside words only when a word
/// alone is wider than a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let options =
        Options::new(width.max(1)).word_splitter(WordSplitter::NoHyphenation).wrap_algorithm(WrapAlgorithm::FirstFit);
    textwrap::wrap(&text, options).into_iter().map(|line| line.into_owned()).collect()
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
        assert_eq!(wrap("fondos 2026-2027 ya", 12), ["fondos", "2026-2027 ya"]);
        assert_eq!(wrap(&glue("en curso"), 4), [glue("en c"), glue("urso")]);
        assert_eq!(wrap(&format!("a {}", glue("en curso")), 9), ["a".to_owned(), glue("en curso")]);
        assert_eq!(clip("Diagnóstico", 6), "Diagn…");
        assert_eq!(clip("corto", 6), "corto");
    }

    #[test]
    fn a_table_whose_numbers_fill_the_line_keeps_every_label_on_its_own_line() {
        use crate::export::doc::{Cell, Column};
        let big = Cell::Amount(99_999_999_999);
        let mut columns = vec![Column::new("", Some(7)), Column::new("Eje / línea", None)];
        columns.extend((2026..=2030).map(|y| Column::new(y.to_string(), Some(7)).numeric(9)));
        let t = Table {
            columns,
            rows: vec![
                [vec!["1".into(), "Total 1. Atención social de proximidad".into()], vec![big.clone(); 5]].concat(),
                [vec!["—".into(), "Sin línea".into()], vec![big.clone(); 5]].concat(),
            ],
            total_label: "Total".to_owned(),
            totals: vec![big; 5],
        };
        let mut out = String::new();
        table(&mut out, &t, Lang::Es);
        for label in ["Eje / línea", "Total 1. Atención social de proximidad", "Sin línea", "Total"] {
            assert!(
                out.lines().any(|l| l.trim_start().trim_start_matches(['1', '—']).trim() == label),
                "{label}:\n{out}"
            );
        }
        // Each label's numbers on the next line, aligned with the years.
        let lines: Vec<&str> = out.lines().collect();
        let at = lines.iter().position(|l| l.contains("Sin línea")).unwrap();
        assert_eq!(lines[at + 1].matches("999.999.999,99 €").count(), 5, "{out}");
        assert!(lines[1].ends_with("2030"), "{out}");
    }

    #[test]
    fn the_cronograma_names_the_years_each_action_runs_in() {
        use crate::export::doc::{Cell, Column, Item};
        use crate::export::plan_report::MARK;
        let row = |id: &str, line: &str, on: [bool; 5]| Item {
            id: id.to_owned(),
            text: format!("Acción {id}"),
            pair: None,
            note: None,
            details: Vec::new(),
            cells: std::iter::once(Cell::Text(line.to_owned()))
                .chain(on.map(|on| if on { MARK.into() } else { Cell::empty() }))
                .collect(),
            marks: 0,
        };
        let mut columns = vec![Column::new("Línea", Some(7)).compact()];
        // 2028 marked in no row, as a year no action runs in yet.
        columns.extend((2024..=2028).map(|y| Column::new(y.to_string(), Some(9)).compact()));
        let items = Items {
            id_width: 7,
            text_label: "Acción".to_owned(),
            columns,
            rows: vec![
                row("C1", "1.1", [true, false, true, false, false]),
                row("C2", "1.2", [false, true, true, true, false]),
                row("C3", "1.3", [false, true, false, false, false]),
            ],
            shape: Shape::Table,
            group: "schedule",
        };
        let mut out = String::new();
        item_lines(&mut out, &items, 2, Lang::Es);
        let arrows: Vec<&str> = out.lines().filter(|l| l.contains('→')).map(str::trim).collect();
        assert_eq!(arrows, ["→ 1.1 · 2024, 2026", "→ 1.2 · 2025, 2026, 2027", "→ 1.3 · 2025"], "{out}");
    }
}
