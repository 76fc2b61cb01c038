//! Reads returned sheets into cells: every worksheet of an `.xlsx` (through
//! calamine, noting which cells hold formulas) and a CSV in either separator,
//! `,` or `;` (told from its header line). Folders give their `.xlsx` and `.csv`
//! files in name order. What the cells mean is `answers`' business.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use std::collections::HashMap;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};

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

/// The most an `.xlsx`'s parts may take unpacked, all together: 64 MB, as much
/// as the largest sheet file read. An owner's sheet unpacks to far less (the
/// 3,000 actions of the `thousands_of_rows` test to under 2 MB); a zip bomb
/// (a 1.5 MB file whose shared strings unpack to 1.5 GB) would otherwise be
/// unpacked whole into memory by calamine, which holds the shared strings.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

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

/// Whether an `.xlsx` unpacks to at most [`MAX_UNPACKED`], by the sizes its zip
/// directory declares for its parts (`Ok(false)`: more), or why it is no zip.
/// A declared size cannot lie: calamine's zip reader (zip 9) fails a part that
/// unpacks to more than its declared size as soon as it passes it.
fn unpacks_within_bound(bytes: &[u8]) -> Result<bool, zip::result::ZipError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_raw(i)?.size());
        if total > MAX_UNPACKED {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether a number format shows `x` as a percentage: the format's section for
/// `x` (positive; negative; zero, split at `;`) has a `%` that is not quoted,
/// escaped nor inside brackets. Conditional sections (`[>100]`) are taken by
/// the sign alone.
fn percent_format(code: &str, x: f64) -> bool {
    // Whether each section has such a `%`.
    let mut sections = vec![false];
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for ch in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match ch {
            '"' if !bracket => quoted = !quoted,
            _ if quoted => {}
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            '\\' => escaped = true,
            ';' => sections.push(false),
            '%' => {
                if let Some(last) = sections.last_mut() {
                    *last = true;
                }
            }
            _ => {}
        }
    }
    let section = match x.partial_cmp(&0.0) {
        Some(std::cmp::Ordering::Less) if sections.len() > 1 => 1,
        Some(std::cmp::Ordering::Equal) if sections.len() > 2 => 2,
        _ => 0,
    };
    sections[section]
}

/// `x` times 100 as its digits say it (0.62 is 62, not 62.00000000000001): the
/// number a cell holding `x` shows as a percentage.
fn hundred_times(x: f64) -> f64 {
    let text = format!("{x:e}");
    let shifted = text
        .split_once('e')
        .and_then(|(digits, exp)| Some(format!("{digits}e{}", exp.parse::<i32>().ok()? + 2)))
        .and_then(|t| t.parse().ok());
    shifted.unwrap_or(x * 100.0)
}

/// A date or time cell as `lang` writes it: `31/03/2025`, `31/03/2025 12:30`,
/// a time alone (`12:30`), a duration in hours (`36:00:00`).
fn date_text(d: &ExcelDateTime, lang: Lang) -> String {
    let (y, m, day, h, min, sec, _) = d.to_ymd_hms_milli();
    let time = if sec == 0 { format!("{h:02}:{min:02}") } else { format!("{h:02}:{min:02}:{sec:02}") };
    if d.is_duration() {
        let secs = (d.as_f64() * 86_400.0).round() as i64;
        let (sign, secs) = if secs < 0 { ("-", -secs) } else { ("", secs) };
        return format!("{sign}{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    }
    // A time alone is kept on day 0 (1899-12-31 for calamine).
    if (0.0..1.0).contains(&d.as_f64()) {
        return time;
    }
    // Excel's 29 February 1900, a day that never was: its digits as they are.
    let date = match jiff::civil::Date::new(y as i16, m as i8, day as i8) {
        Ok(date) => lang.locale().date(date),
        Err(_) => format!("{y:04}-{m:02}-{day:02}"),
    };
    if (h, min, sec) == (0, 0, 0) { date } else { format!("{date} {time}") }
}

/// A worksheet's value as a cell.
fn cell_of(value: Data, lang: Lang) -> Cell {
    match value {
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Float(x) => Cell::Number(x),
        Data::Int(i) => Cell::Number(i as f64),
        // As a spreadsheet in the session's language shows it (`VERDADERO`; it read `true`).
        Data::Bool(b) => Cell::Text(lang.text().sheets.booleans[usize::from(b)].to_owned()),
        Data::DateTime(d) => Cell::Date(date_text(&d, lang)),
        // As the spreadsheet shows it (`#DIV/0!`; it read `#Div0`).
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

/// Every worksheet of an `.xlsx`, or why it cannot be read in `lang`'s words
/// (a damaged file: the library's own words after them). Its cells are read one
/// by one and only the used area is built (calamine's own ranges are built
/// whole, however far apart the cells). A file that would unpack to more than
/// [`MAX_UNPACKED`] is refused before anything in it is unpacked.
fn xlsx(path: &Path, bytes: Vec<u8>, lang: Lang) -> Result<Vec<Grid>, String> {
    let w = lang.text().sheets;
    let unreadable = |e: &dyn std::fmt::Display| format!("{}: {e}", w.unreadable);
    match unpacks_within_bound(&bytes) {
        Ok(true) => {}
        Ok(false) => return Err((w.unpacked_too_big)(MAX_UNPACKED >> 20)),
        Err(e) => return Err(unreadable(&e)),
    }
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: XlsxError| unreadable(&e))?;
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
            Err(e) => return Err(unreadable(&e)),
        };
        // The cells that hold something, and whether by a formula: their bounds
        // are the used area, as calamine's ranges have it.
        let mut values = Vec::new();
        let (mut rows, mut cols) = ((usize::MAX, 0), (usize::MAX, 0));
        // Shared formulas are told apart without expanding them (calamine keeps the
        // expanded ones in a vector as long as their index, whatever the file says).
        while let Some(c) = reader.next_cell_with_formula_metadata().map_err(|e| unreadable(&e))? {
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
            values.push(((r, col), cell_of(c.value.into(), lang), formula));
            if values.len() > MAX_CELLS {
                return Err(too_many_cells(&grid.sheet, rows, cols, lang));
            }
        }
        drop(reader);
        if values.is_empty() {
            out.push(grid);
            continue;
        }
        let (height, width) = (rows.1 - rows.0 + 1, cols.1 - cols.0 + 1);
        if height.saturating_mul(width) > MAX_CELLS {
            return Err(too_many_cells(&grid.sheet, rows, cols, lang));
        }
        percentages(&mut book, &grid.sheet, &mut values).map_err(|e| unreadable(&e))?;
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

/// Turns the number cells of `values` that the sheet shows as percentages
/// into [`Cell::Percent`], the number the owner sees: a second pass over the
/// worksheet for the cells' styles (calamine gives a cell's formula or its
/// style in one pass, not both), keeping only those of the number cells read.
fn percentages<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    values: &mut [((usize, usize), Cell, bool)],
) -> Result<(), XlsxError> {
    let numbers: HashMap<(usize, usize), usize> = values
        .iter()
        .enumerate()
        .filter(|(_, (_, cell, _))| matches!(cell, Cell::Number(_)))
        .map(|(i, (at, _, _))| (*at, i))
        .collect();
    if numbers.is_empty() {
        return Ok(());
    }
    let mut reader = book.worksheet_cells_reader(sheet)?;
    // Each style's number format, looked at once.
    let mut percent_styles: HashMap<usize, String> = HashMap::new();
    while let Some((c, style)) = reader.next_cell_with_style_id()? {
        let (r, col) = c.get_position();
        let Some(&i) = numbers.get(&(r as usize, col as usize)) else { continue };
        if style == 0 {
            continue;
        }
        let code = match percent_styles.get(&style) {
            Some(code) => code,
            None => {
                let code = reader
                    .styles()
                    .get(style)
                    .and_then(|s| s.number_format.as_ref())
                    .map_or(String::new(), |f| f.format_code.clone());
                percent_styles.entry(style).or_insert(code)
            }
        };
        if let Cell::Number(x) = values[i].1
            && percent_format(code, x)
        {
            values[i].1 = Cell::Percent(hundred_times(x));
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::{hundred_times, percent_format};

    /// An error cell was named `#Div0` in messages; the spreadsheet shows `#DIV/0!`.
    #[test]
    fn an_error_cell_reads_as_the_spreadsheet_shows_it() {
        let cell = super::cell_of(calamine::Data::Error(calamine::CellErrorType::Div0), crate::i18n::Lang::Es);
        assert_eq!(cell, super::Cell::Text("#DIV/0!".into()));
        // A true/false cell in the session's language (a Spanish note read `true`).
        for (lang, shown) in
            [(crate::i18n::Lang::Es, "VERDADERO"), (crate::i18n::Lang::En, "TRUE"), (crate::i18n::Lang::Ca, "VERTADER")]
        {
            assert_eq!(super::cell_of(calamine::Data::Bool(true), lang), super::Cell::Text(shown.into()));
        }
    }

    #[test]
    fn percent_formats_and_the_number_shown() {
        for (code, x, shown) in [
            ("0%", 0.62, true),
            ("0.00%", -0.5, true),
            ("General", 0.62, false),
            ("0.00", 1.0, false),
            // Quoted, escaped, in brackets: a literal sign, no percentage.
            ("0\"%\"", 5.0, false),
            ("0\\%", 5.0, false),
            ("[$%-C0A]0", 5.0, false),
            // The section for the number's sign.
            ("0;0%", -1.0, true),
            ("0;0%", 1.0, false),
            ("0%;0;\"-\"", 0.0, false),
        ] {
            assert_eq!(percent_format(code, x), shown, "{code} {x}");
        }
        assert_eq!([0.62, 1.0, 0.07, 0.625, 0.001, -0.5].map(hundred_times), [62.0, 100.0, 7.0, 62.5, 0.1, -50.0]);
    }
}
