//! Markdown pipe tables of a plan file, read line by line so that a row with the
//! wrong number of cells or an unknown column is refused with its line and column.

use std::collections::HashMap;
use std::path::Path;

use super::unescape;
use crate::i18n::plan_words::{Pick, all, fold};
use crate::import::ImportError;
use crate::import::problem::Problem;

/// Column headers earlier versions wrote and dafo still reads (key, header):
/// Catalan's indicator column was «Mesura» before it became «Què mesura».
const FORMER: &[(&str, &str)] = &[("measures", "Mesura")];

/// One cell: its 1-based column in the line, its text (unescaped, trimmed, a
/// `**bold**` cell unwrapped), and what follows a `<br>` in it (the details an
/// informe puts under an action's text, still escaped: their separators are
/// told from the user's by the escapes), if anything.
type Cell = (usize, String, Option<String>);

/// Reads a raw cell: bold markup and `<br>*details*` are taken off before unescaping.
fn cell(col: usize, raw: &str) -> Cell {
    let raw = raw.trim();
    let (text, extra) = match find_unescaped(raw, "<br>") {
        Some(at) => {
            let details = raw[at + 4..].trim();
            // One `*` each side is the emphasis; an escaped `\*` inside is the user's.
            let details = details.strip_prefix('*').and_then(|d| d.strip_suffix('*')).unwrap_or(details);
            (raw[..at].trim(), Some(details.to_owned()))
        }
        None => (raw, None),
    };
    let text = match text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        Some(inner) if !inner.is_empty() && !inner.ends_with('\\') => inner,
        _ => text,
    };
    (col, unescape(text), extra)
}

/// Where `needle` starts in `text` outside a backslash escape.
fn find_unescaped(text: &str, needle: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if text[i..].starts_with(needle) {
            return Some(i);
        }
    }
    None
}

/// A header row, a separator row, and the body rows.
#[derive(Debug)]
pub(super) struct Table {
    line: usize,
    header: Vec<Cell>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub(super) struct Row {
    line: usize,
    cells: Vec<Cell>,
}

/// Which key each column of a table holds, by index.
pub(super) struct Columns(HashMap<&'static str, usize>);

/// Splits `| a | b\| c |` into cells at unescaped pipes.
fn split(line: &str) -> Vec<Cell> {
    let start = line.len() - line.trim_start().len();
    let body = &line[start..];
    let mut cells = Vec::new();
    let mut from = None;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '|' => {
                if let Some(f) = from {
                    let raw: &str = &body[f..i];
                    let col = start + f + (raw.len() - raw.trim_start().len()) + 1;
                    cells.push(cell(col, raw));
                }
                from = Some(i + 1);
            }
            _ => {}
        }
    }
    if let Some(f) = from.filter(|&f| !body[f..].trim().is_empty()) {
        let raw = &body[f..];
        cells.push(cell(start + f + (raw.len() - raw.trim_start().len()) + 1, raw));
    }
    cells
}

impl Table {
    /// Reads the lines of one table; errors are (line, column, message).
    pub fn read(lines: &[(usize, &str)]) -> Result<Table, (usize, usize, Problem)> {
        let Some(&(line, first)) = lines.first() else {
            return Err((0, 1, Problem::Detail("empty table".to_owned())));
        };
        let header = split(first);
        let sep = lines.get(1).map(|(_, l)| split(l)).unwrap_or_default();
        let is_sep = |c: &Cell| !c.1.is_empty() && c.1.chars().all(|ch| matches!(ch, '-' | ':'));
        if sep.len() != header.len() || !sep.iter().all(is_sep) {
            let at = lines.get(1).map_or(line, |l| l.0);
            return Err((at, 1, Problem::Separator(header.len())));
        }
        let mut rows = Vec::new();
        for &(n, text) in lines.get(2..).unwrap_or_default() {
            let cells = split(text);
            if cells.len() != header.len() {
                let col = cells.get(header.len()).map_or(text.trim_end().len() + 1, |c| c.0);
                return Err((n, col, Problem::Cells { row: cells.len(), header: header.len() }));
            }
            rows.push(Row { line: n, cells });
        }
        Ok(Table { line, header, rows })
    }

    /// Matches the header against the known columns (`key`, word in any
    /// language); an unknown column or a missing `required` one is an error,
    /// which names the known ones as `lang` (the file's) writes them.
    pub fn columns(
        &self,
        path: &Path,
        known: &[(&'static str, Pick)],
        required: &'static str,
        lang: crate::i18n::Lang,
    ) -> Result<Columns, ImportError> {
        let mut map = HashMap::new();
        for (i, (col, name, _)) in self.header.iter().enumerate() {
            let found = known.iter().find(|(key, pick)| {
                all().any(|w| fold(pick(w)) == fold(name))
                    || FORMER.iter().any(|(k, old)| k == key && fold(old) == fold(name))
            });
            let Some((key, _)) = found else {
                let names: Vec<&str> = known.iter().map(|(_, pick)| pick(lang.text().plan_report)).collect();
                return Err(ImportError::At {
                    path: path.to_owned(),
                    line: self.line,
                    column: *col,
                    problem: Problem::Column { name: name.clone(), known: names.join(", ") },
                });
            };
            map.entry(*key).or_insert(i);
        }
        if !map.contains_key(required) {
            return Err(ImportError::At {
                path: path.to_owned(),
                line: self.line,
                column: 1,
                problem: Problem::NeedsColumn(required.to_owned()),
            });
        }
        Ok(Columns(map))
    }
}

impl Table {
    /// The header's texts, in order.
    pub fn header_texts(&self) -> impl Iterator<Item = &str> {
        self.header.iter().map(|c| c.1.as_str())
    }

    /// The line of the header.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl Row {
    /// Each cell's column and text, in order.
    pub fn cells(&self) -> impl Iterator<Item = (usize, &str)> {
        self.cells.iter().map(|c| (c.0, c.1.as_str()))
    }

    /// The row's line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The text of column `key`, empty when the table has no such column.
    pub fn get(&self, cols: &Columns, key: &str) -> &str {
        cols.0.get(key).and_then(|&i| self.cells.get(i)).map_or("", |c| c.1.as_str())
    }

    /// What follows a `<br>` in the cell of column `key`.
    pub fn extra(&self, cols: &Columns, key: &str) -> Option<&str> {
        cols.0.get(key).and_then(|&i| self.cells.get(i)).and_then(|c| c.2.as_deref())
    }

    /// Whether the table has column `key`.
    pub fn has(&self, cols: &Columns, key: &str) -> bool {
        cols.0.contains_key(key)
    }

    /// An error about the cell of column `key`.
    pub fn error(&self, path: &Path, cols: &Columns, key: &str, problem: impl Into<Problem>) -> ImportError {
        let column = cols.0.get(key).and_then(|&i| self.cells.get(i)).map_or(1, |c| c.0);
        ImportError::At { path: path.to_owned(), line: self.line, column, problem: problem.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_unescaped_pipes_with_columns() {
        let cells = split("| a | b\\|c |  |");
        let texts: Vec<(usize, &str)> = cells.iter().map(|c| (c.0, c.1.as_str())).collect();
        assert_eq!(texts, [(3, "a"), (7, "b|c"), (15, "")]);
        let cells = split("| **C1** | Hacer \\*esto\\*<br>*Inicio: 01/02/2024* | \\*\\*x\\*\\* |");
        assert_eq!((cells[0].1.as_str(), cells[1].1.as_str()), ("C1", "Hacer *esto*"));
        assert_eq!(cells[1].2.as_deref(), Some("Inicio: 01/02/2024"));
        assert_eq!(cells[2].1, "**x**", "escaped stars are text");
        assert_eq!(split("a | b").len(), 1, "a line must start with a pipe to have a first cell");
    }

    #[test]
    fn wrong_cell_counts_are_refused_with_position() {
        let lines = [(3, "| A | B |"), (4, "|---|---|"), (5, "| 1 | 2 | 3 |")];
        let err = Table::read(&lines).unwrap_err();
        assert_eq!((err.0, err.1), (5, 11));
        let lines = [(3, "| A | B |"), (4, "| x | y |")];
        assert_eq!(Table::read(&lines).unwrap_err().0, 4);
        // A lone `|` has no cells and no separator to compare them with: an empty table.
        let table = Table::read(&[(3, "|")]).unwrap();
        assert!(table.header.is_empty() && table.rows.is_empty());
    }
}
