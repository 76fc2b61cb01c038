//! Word backend of the [`Document`]: a `.docx` with real headings (the
//! built-in Title, Heading 1 and Heading 2 styles, so Word's navigation pane
//! and tables of contents find the sections), real tables whose rows never
//! split across pages, and numbers and dates as the document's language writes them (the document
//! model already holds them so: nothing is rewritten here).

use std::io::{self, Cursor, Write};

use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType, Table as DocxTable, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;
use jiff::civil::Date;

use super::doc::{Block, Column, Document, Grid, Items, Table};
use super::docx_stream::{CELL, ROW, TABLE, close, open, whole};
use super::safe;

/// Width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const PAGE_WIDTH: usize = 9638;

/// The same in millimetres, for column widths.
const PAGE_MM: f64 = 170.0;

/// The session as a `.docx` file.
pub fn render(session: &Session, lang: Lang, today: Date) -> Vec<u8> {
    document(&super::build::document(session, lang, today))
}

/// A document as a `.docx` file. Characters XML 1.0 forbids (U+FFFE, U+FFFF,
/// which import and paste can bring in) are replaced first, so the file is
/// always well-formed. The package comes from `docx-rs` with an empty body; the
/// body is written into it element by element (see [`super::docx_stream`]), so
/// memory stays near the size of the output, not of the document's model.
pub fn document(doc: &Document) -> Vec<u8> {
    let doc = &doc.xml_safe();
    let mut skeleton = Cursor::new(Vec::new());
    // Packing into memory can only fail on a bug in the zip writer; an empty file then says so.
    if styles(Docx::new()).build().pack(&mut skeleton).is_err() {
        return Vec::new();
    }
    super::docx_zip::deflated_with_body(&skeleton.into_inner(), |w| body(doc, w)).unwrap_or_default()
}

/// The children of `<w:body>`, in order.
fn body(doc: &Document, w: &mut dyn Write) -> io::Result<()> {
    whole(w, &para(&doc.title, false).style("Title"))?;
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                for (label, value) in fields {
                    whole(
                        w,
                        &Paragraph::new()
                            .add_run(Run::new().add_text(format!("{}: ", safe(label))).bold())
                            .add_run(Run::new().add_text(safe(value))),
                    )?;
                }
            }
            Block::Heading(h) => whole(w, &heading(h.level, &h.text))?,
            Block::Para(lines) => {
                for l in lines {
                    whole(w, &para(l, false))?;
                }
            }
            Block::Lead(text) => whole(
                w,
                &Paragraph::new().add_run(Run::new().add_text(format!("{}.", safe(text))).italic()).keep_next(true),
            )?,
            Block::Grid(g) => grid(w, g)?,
            Block::Items(items) => item_table(w, items)?,
            Block::Table(t) => number_table(w, t)?,
        }
    }
    whole(w, &Paragraph::new().add_run(Run::new().add_text(safe(&doc.footer)).size(16).color("666666")))
}

/// The built-in styles Word and LibreOffice know by name (`Title`, `heading 1`,
/// `heading 2`), with outline levels so navigation and tables of contents work.
fn styles(docx: Docx) -> Docx {
    let fonts = RunFonts::new().ascii("Liberation Sans").hi_ansi("Liberation Sans").cs("Liberation Sans");
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .outline_lvl(level)
    };
    docx.default_fonts(fonts)
        .default_size(21)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").based_on("Normal").size(36).bold())
        .add_style(heading("Heading1", "heading 1", 28, 0))
        .add_style(heading("Heading2", "heading 2", 24, 1))
}

fn heading(level: u8, text: &str) -> Paragraph {
    let style = if level <= 2 { "Heading1" } else { "Heading2" };
    para(text, false).style(style).keep_next(true)
}

fn para(text: &str, bold: bool) -> Paragraph {
    let run = Run::new().add_text(safe(text));
    Paragraph::new().add_run(if bold { run.bold() } else { run })
}

fn cell(paragraphs: Vec<Paragraph>, width_pct: usize) -> TableCell {
    let cell = paragraphs.into_iter().fold(TableCell::new(), TableCell::add_paragraph);
    cell.width(width_pct * PAGE_WIDTH / 100, WidthType::Dxa)
}

fn table(header: Vec<TableRow>, rows: Vec<TableRow>, widths: &[usize]) -> DocxTable {
    let grid = widths.iter().map(|w| w * PAGE_WIDTH / 100).collect();
    DocxTable::new(header.into_iter().chain(rows).collect())
        .set_grid(grid)
        .width(PAGE_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn head(columns: &[&Column], widths: &[usize]) -> TableRow {
    let cells = columns
        .iter()
        .zip(widths)
        .map(|(c, &w)| {
            let p = para(&c.label, true).keep_next(true);
            let p = if c.numeric { p.align(AlignmentType::Right) } else { p };
            cell(vec![p], w).shading(Shading::new().shd_type(ShdType::Clear).fill("EEEEEE"))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn body_row(columns: &[&Column], widths: &[usize], values: Vec<Vec<Paragraph>>) -> TableRow {
    let cells = values
        .into_iter()
        .zip(columns.iter().zip(widths))
        .map(|(ps, (c, &w))| {
            let ps = ps.into_iter().map(|p| if c.numeric { p.align(AlignmentType::Right) } else { p }).collect();
            cell(ps, w)
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn tint(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "E6F4EA",
        Quadrant::Weaknesses => "FDECEA",
        Quadrant::Opportunities => "E8F0FE",
        Quadrant::Threats => "FFF4E5",
    }
}

/// The grid: each quadrant's cell is written factor by factor.
fn grid(w: &mut dyn Write, g: &Grid) -> io::Result<()> {
    let label = super::doc::fit_width("", g.rows.iter().map(|r| r.label.as_str()), PAGE_MM).max(12) + 2;
    let half = (100 - usize::from(label)) / 2;
    let widths = [usize::from(label), half, half];
    let header = TableRow::new(vec![
        cell(vec![Paragraph::new()], widths[0]),
        cell(vec![para(&g.columns[0], true)], widths[1]),
        cell(vec![para(&g.columns[1], true)], widths[2]),
    ]);
    whole(w, &heading(2, &g.title))?;
    open(w, &table(vec![header], Vec::new(), &widths), TABLE)?;
    for r in &g.rows {
        open(w, &TableRow::new(vec![cell(vec![para(&r.label, true)], widths[0])]), ROW)?;
        for (c, &width) in r.cells.iter().zip(&widths[1..]) {
            let shading = Shading::new().shd_type(ShdType::Clear).fill(tint(c.quadrant));
            open(w, &cell(vec![para(&c.title, true)], width).shading(shading), CELL)?;
            for e in &c.items {
                let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                whole(w, &para(&format!("{} {}{note}", e.id, e.text), false))?;
            }
            close(w, CELL)?;
        }
        close(w, ROW)?;
    }
    close(w, TABLE)
}

/// A table of items, row by row.
fn item_table(w: &mut dyn Write, items: &Items) -> io::Result<()> {
    let id = Column::new("ID", Some(items.id_width));
    let text = Column::new(items.text_label.clone(), None);
    let columns: Vec<&Column> = [&id, &text].into_iter().chain(&items.columns).collect();
    let widths: Vec<usize> = items.widths(PAGE_MM).into_iter().map(usize::from).collect();
    open(w, &table(vec![head(&columns, &widths)], Vec::new(), &widths), TABLE)?;
    for item in &items.rows {
        let mut main = vec![para(&item.text, false)];
        let details: Vec<String> =
            item.details.iter().filter(|d| d.column.is_none()).map(|d| safe(&d.text).into_owned()).collect();
        if !details.is_empty() {
            main.push(Paragraph::new().add_run(Run::new().add_text(details.join(" · ")).italic().size(18)));
        }
        let mut values = vec![vec![para(&item.id, true)], main];
        values.extend(item.cells.iter().map(|c| vec![para(c, false)]));
        whole(w, &body_row(&columns, &widths, values))?;
    }
    close(w, TABLE)
}

/// A table of numbers, row by row, with its totals.
fn number_table(w: &mut dyn Write, t: &Table) -> io::Result<()> {
    let columns: Vec<&Column> = t.columns.iter().collect();
    let widths: Vec<usize> = t.widths(PAGE_MM).into_iter().map(usize::from).collect();
    open(w, &table(vec![head(&columns, &widths)], Vec::new(), &widths), TABLE)?;
    for r in &t.rows {
        whole(w, &body_row(&columns, &widths, r.iter().map(|c| vec![para(c, false)]).collect()))?;
    }
    if t.has_total() {
        let mut totals = vec![vec![para(&t.total_label, true)], vec![Paragraph::new()]];
        totals.extend(t.totals.iter().map(|v| vec![para(v, true)]));
        whole(w, &body_row(&columns, &widths, totals))?;
    }
    close(w, TABLE)
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
