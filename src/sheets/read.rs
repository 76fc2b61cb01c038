//! Reads returned sheets into cells: every worksheet of an `.xlsx` (through
//! calamine, noting which cells hold formulas) and a CSV in either separator,
//! `,` or `;` (told from its header line). Folders give their `.xlsx` and `.csv`
//! files in name order. What the cells mean is `answers`' business.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};

use super::{Cell, column_letter};
use crate::i18n::Lang;

/// Largest sheet file read (a sheet of thousands of actions is well under it).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most cells a sheet's used area may span (rows by columns, from its first
/// used cell to its last). An owner's sheet has under 20 columns and a row per
/// action or indicator: a few thousand cells. A million (50,000 rows of 20
/// columns) is far more than any plan's sheet could hold, and about 32 MB as a
/// grid; a sheet with one cell typed far off (XFD1048576) beside its table spans
/// billions, and is refused instead of built.
pub const MAX_CELLS: usize = 1 << 20;

/// One worksheet or CSV file as cells, row by row over its used area: from
/// `origin` (row and column from 0: `(0, 0)` is A1) to its last used row and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub file: PathBuf,
    /// The worksheet's name; empty for a CSV file.
    pub sheet: String,
    /// Where in the sheet `cells[0][0]` is; `(0, 0)` for a CSV file.
    pub origin: (usize, usize),
    pub cells: Vec<Vec<Cell>>,
    /// Cells (row, column, counted in `cells` as it is) that hold a formula.
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
/// refused without hanging or reading it, as a session is; a sheet whose used
/// area spans more than [`MAX_CELLS`] is refused too.
pub fn read(path: &Path, lang: Lang) -> Result<Vec<Grid>, String> {
    let bytes = crate::storage::bounded::read_regular(path, MAX_BYTES).map_err(|e| e.reason(lang))?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if ext == "csv" { Ok(vec![csv(path, &bytes, lang)?]) } else { xlsx(path, bytes, lang) }
}

/// The refusal of a sheet whose used area spans rows `rows` and columns `cols`
/// (from 0, both ends in).
fn too_many_cells(sheet: &str, rows: (usize, usize), cols: (usize, usize), lang: Lang) -> String {
    let span = format!("{}{}:{}{}", column_letter(cols.0), rows.0 + 1, column_letter(cols.1), rows.1 + 1);
    (lang.text().sheets.too_many_cells)(sheet, &span, MAX_CELLS)
}

/// A worksheet's value as a cell.
fn cell_of(value: Data) -> Cell {
    match value {
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Float(x) => Cell::Number(x),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
        Data::Empty => Cell::Empty,
    }
}

/// Every worksheet of an `.xlsx`. Its cells are read one by one and only the used
/// area is built (calamine's own ranges are built whole, however far apart the cells).
fn xlsx(path: &Path, bytes: Vec<u8>, lang: Lang) -> Result<Vec<Grid>, String> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: XlsxError| e.to_string())?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let mut grid =
            Grid { file: path.to_owned(), sheet: name, origin: (0, 0), cells: Vec::new(), formulas: HashSet::new() };
        let mut reader = match book.worksheet_cells_reader(&grid.sheet) {
            Ok(reader) => reader,
            // A chart sheet: no cells.
            Err(XlsxError::NotAWorksheet(_)) => {
                out.push(grid);
                continue;
            }
            Err(e) => return Err(e.to_string()),
        };
        // The cells that hold something, and whether by a formula: their bounds
        // are the used area, as calamine's ranges have it.
        let mut values = Vec::new();
        let (mut rows, mut cols) = ((usize::MAX, 0), (usize::MAX, 0));
        // Shared formulas are told apart without expanding them (calamine keeps the
        // expanded ones in a vector as long as their index, whatever the file says).
        while let Some(c) = reader.next_cell_with_formula_metadata().map_err(|e| e.to_string())? {
            if c.value == DataRef::Empty {
                continue;
            }
            let formula = match c.formula {
                None => false,
                Some(XlsxFormulaMetadata::Normal { formula }) => !formula.is_empty(),
                Some(_) => true,
            };
            let (r, col) = (c.pos.0 as usize, c.pos.1 as usize);
            (rows, cols) = ((rows.0.min(r), rows.1.max(r)), (cols.0.min(col), cols.1.max(col)));
            values.push(((r, col), cell_of(c.value.into()), formula));
            if values.len() > MAX_CELLS {
                return Err(too_many_cells(&grid.sheet, rows, cols, lang));
            }
        }
        if values.is_empty() {
            out.push(grid);
            continue;
        }
        let (height, width) = (rows.1 - rows.0 + 1, cols.1 - cols.0 + 1);
        if height.saturating_mul(width) > MAX_CELLS {
            return Err(too_many_cells(&grid.sheet, rows, cols, lang));
        }
        grid.origin = (rows.0, cols.0);
        grid.cells = vec![vec![Cell::Empty; width]; height];
        for ((r, c), cell, formula) in values {
            let at = (r - rows.0, c - cols.0);
            grid.cells[at.0][at.1] = cell;
            if formula {
                grid.formulas.insert(at);
            }
        }
        out.push(grid);
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
fn csv(path: &Path, bytes: &[u8], lang: Lang) -> Result<Grid, String> {
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
    let (mut cells, mut count, mut widest) = (Vec::new(), 0, 0);
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        (count, widest) = (count + record.len(), widest.max(record.len()));
        if count > MAX_CELLS {
            return Err(too_many_cells("", (0, cells.len()), (0, widest.saturating_sub(1)), lang));
        }
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
    Ok(Grid { file: path.to_owned(), sheet: String::new(), origin: (0, 0), cells, formulas: HashSet::new() })
}
