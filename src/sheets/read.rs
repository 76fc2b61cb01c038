//! Reads returned sheets into cells: every worksheet of an `.xlsx` (through
//! calamine, noting which cells hold formulas) and a CSV in either separator,
//! `,` or `;` (told from its header line). Folders give their `.xlsx` and `.csv`
//! files in name order. What the cells mean is `answers`' business.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use super::Cell;

/// Largest sheet file read (a sheet of thousands of actions is well under it).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One worksheet or CSV file as cells, row by row from the first row.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub file: PathBuf,
    /// The worksheet's name; empty for a CSV file.
    pub sheet: String,
    pub cells: Vec<Vec<Cell>>,
    /// Cells (row, column) that hold a formula.
    pub formulas: HashSet<(usize, usize)>,
}

/// The sheet files named: files as given, folders' `.xlsx` and `.csv` files
/// (not hidden ones nor the lock files spreadsheet programs leave).
pub fn inputs(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.is_file() && is_sheet(f))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn is_sheet(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    !name.starts_with('.') && !name.starts_with("~$") && (ext == "xlsx" || ext == "csv")
}

/// The grids of one file, or why it cannot be read (the reason only, in `lang`;
/// the caller names the file). A FIFO, a device or a file over [`MAX_BYTES`] is
/// refused without hanging or reading it, as a session is.
pub fn read(path: &Path, lang: crate::i18n::Lang) -> Result<Vec<Grid>, String> {
    let bytes = crate::storage::bounded::read_regular(path, MAX_BYTES).map_err(|e| e.reason(lang))?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if ext == "csv" { Ok(vec![csv(path, &bytes)?]) } else { xlsx(path, bytes) }
}

fn xlsx(path: &Path, bytes: Vec<u8>) -> Result<Vec<Grid>, String> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| e.to_string())?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let mut cells: Vec<Vec<Cell>> = Vec::new();
        if let (Some(start), Some(end)) = (range.start(), range.end()) {
            for r in 0..=end.0 {
                let row = (0..=end.1)
                    .map(|c| {
                        if r < start.0 || c < start.1 {
                            return Cell::Empty;
                        }
                        match range.get_value((r, c)) {
                            Some(Data::String(s)) if s.is_empty() => Cell::Empty,
                            Some(Data::String(s)) => Cell::Text(s.clone()),
                            Some(Data::Float(x)) => Cell::Number(*x),
                            Some(Data::Int(i)) => Cell::Number(*i as f64),
                            Some(Data::Bool(b)) => Cell::Text(b.to_string()),
                            Some(Data::DateTimeIso(s) | Data::DurationIso(s)) => Cell::Text(s.clone()),
                            Some(Data::DateTime(d)) => Cell::Text(d.to_string()),
                            Some(Data::Error(e)) => Cell::Text(format!("#{e:?}")),
                            Some(Data::Empty) | None => Cell::Empty,
                        }
                    })
                    .collect();
                cells.push(row);
            }
        }
        let mut formulas = HashSet::new();
        if let Ok(f) = book.worksheet_formula(&name)
            && let Some(start) = f.start()
        {
            for (r, row) in f.rows().enumerate() {
                for (c, text) in row.iter().enumerate() {
                    if !text.is_empty() {
                        formulas.insert((r + start.0 as usize, c + start.1 as usize));
                    }
                }
            }
        }
        out.push(Grid { file: path.to_owned(), sheet: name, cells, formulas });
    }
    Ok(out)
}

/// A CSV file's text: the encoding its BOM names (UTF-8, UTF-16), else UTF-8,
/// else Windows-1252, what a spreadsheet program on Windows in Spanish or
/// Catalan writes as "CSV" (every byte is a character there, so nothing is lost).
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// A CSV file (see [`decode`]): `;` or `,` between cells, whichever the header
/// line has more of outside quotes.
fn csv(path: &Path, bytes: &[u8]) -> Result<Grid, String> {
    let text = decode(bytes);
    let header = text.lines().next().unwrap_or("");
    let (mut quoted, mut semi, mut comma) = (false, 0, 0);
    for ch in header.chars() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    let sep = if semi > comma { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        cells.push(
            record
                .iter()
                .map(|c| {
                    let c = crate::export::csv::restore(c.to_owned());
                    if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c) }
                })
                .collect(),
        );
    }
    Ok(Grid { file: path.to_owned(), sheet: String::new(), cells, formulas: HashSet::new() })
}
