//! Writes an owner's sheets: a real `.xlsx` (instructions, actions and
//! indicators, read-only columns locked and the sheet protected, the degree and
//! status checked by the spreadsheet itself, the fingerprint column hidden) or
//! CSV (one file for the actions, one for the indicators), in the session's
//! language and number style.

use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook, Worksheet, XlsxError};

use super::{Cell, Col, Kind, OwnerSheets, Table};
use crate::domain::Status;
use crate::i18n::Lang;
use crate::i18n::plan_words::PlanWords;

/// The language's status words, as the drop-down offers them.
pub fn status_words(lang: Lang) -> Vec<&'static str> {
    let words = PlanWords::for_lang(lang);
    Status::ALL.iter().map(|&s| words.status(s)).collect()
}

/// The `.xlsx` of one owner's sheets.
pub fn xlsx(sheets: &OwnerSheets, title: &str, year: i16, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let w = lang.text().sheets;
    let mut book = Workbook::new();
    // The tables first: a spreadsheet program converting the file to CSV takes the first sheet.
    let name = |k| if k == Kind::Actions { w.actions } else { w.indicators };
    for table in [&sheets.actions, &sheets.indicators] {
        if table.kind == Kind::Indicators && table.rows.is_empty() {
            continue;
        }
        let ws = book.add_worksheet();
        ws.set_name(name(table.kind))?;
        table_sheet(ws, table, year, lang)?;
    }
    let guide = book.add_worksheet();
    guide.set_name(w.instructions)?;
    guide.set_column_width(0, 100)?;
    let bold = Format::new().set_bold();
    for (i, line) in (w.guide)(&crate::export::safe(title), year).iter().enumerate() {
        if i == 0 {
            guide.write_string_with_format(0, 0, line, &bold)?;
        } else {
            guide.write_string(i as u32 + 1, 0, line)?;
        }
    }
    guide.protect();
    book.save_to_buffer()
}

fn table_sheet(ws: &mut Worksheet, table: &Table, year: i16, lang: Lang) -> Result<(), XlsxError> {
    let w = lang.text().sheets;
    let header = Format::new().set_bold().set_text_wrap();
    let locked = Format::new().set_text_wrap().set_background_color(0x00EE_EEEE);
    let open = Format::new().set_unlocked().set_text_wrap();
    let last = table.rows.len().max(1) as u32;
    for (c, col) in table.columns.iter().enumerate() {
        let c16 = c as u16;
        ws.write_string_with_format(0, c16, col.header(w, year), &header)?;
        let width = match col {
            Col::Text | Col::Feeds | Col::Note | Col::PrevNote => 40.0,
            Col::Name | Col::Line => 28.0,
            Col::Id => 8.0,
            _ => 14.0,
        };
        ws.set_column_width(c16, width)?;
        if col.fill() {
            ws.set_column_format(c16, &open)?;
        }
        match col {
            Col::Degree => {
                let rule = DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 100));
                ws.add_data_validation(1, c16, last, c16, &rule)?;
            }
            Col::Status => {
                let rule = DataValidation::new().allow_list_strings(&status_words(lang))?;
                ws.add_data_validation(1, c16, last, c16, &rule)?;
            }
            // Money: a number of euros, not negative.
            Col::Committed | Col::Paid => {
                let rule = DataValidation::new().allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0));
                ws.add_data_validation(1, c16, last, c16, &rule)?;
            }
            Col::Fingerprint => {
                ws.set_column_hidden(c16)?;
            }
            _ => {}
        }
        for (r, row) in table.rows.iter().enumerate() {
            let format = if col.fill() { &open } else { &locked };
            let r32 = r as u32 + 1;
            match row.get(c) {
                Some(Cell::Text(t)) => ws.write_string_with_format(r32, c16, t, format)?,
                Some(Cell::Number(x)) => ws.write_number_with_format(r32, c16, *x, format)?,
                // Only read from a sheet, never built: as they read.
                Some(cell @ (Cell::Percent(_) | Cell::Date(_))) => {
                    ws.write_string_with_format(r32, c16, cell.shown(lang), format)?
                }
                Some(Cell::Empty) | None => ws.write_blank(r32, c16, format)?,
            };
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.protect();
    Ok(())
}

/// The CSV of one table: `;` between cells where the language writes a decimal
/// comma, `,` elsewhere; numbers as the language writes them; cells a
/// spreadsheet would run as formulas behind a `'` (as every CSV export does).
pub fn csv(table: &Table, year: i16, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let w = lang.text().sheets;
    let locale = lang.locale();
    let sep = if locale.decimal == ',' { b';' } else { b',' };
    let mut out = csv::WriterBuilder::new().delimiter(sep).from_writer(Vec::new());
    out.write_record(table.columns.iter().map(|c| c.header(w, year)))?;
    for row in &table.rows {
        out.write_record(row.iter().map(|cell| match cell {
            Cell::Empty => String::new(),
            Cell::Text(t) => crate::export::csv::neutralise(t.clone()),
            Cell::Number(x) => locale.exact(*x),
            Cell::Percent(_) | Cell::Date(_) => crate::export::csv::neutralise(cell.shown(lang)),
        }))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
