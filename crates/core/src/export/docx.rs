//! Word backend of the [`Document`]: a `.docx` with real headings (the
//! built-in Title, Heading 1 and Heading 2 styles, so Word's navigation pane
//! and tables of contents find the sections), real tables whose rows never
//! split across pages, and numbers and dates as the document's language writes them (the document
//! model already holds them so: nothing is rewritten here).

use std::io::{self, Cursor, Write};

use docx_rs::{
    AlignmentType, BuildXML, Docx, Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType, Table as DocxTable,
    TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;
use jiff::civil::Date;

use super::doc::{Block, Column, Document, Grid, Items, Table};

/// Width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const PAGE_WIDTH: usize = 9638;

/// The same in millimetres, for column widths.
const PAGE_MM: f64 = 170.0;

/// The session as a `.docx` file.
pub fn render(session: &Session, lang: Lang, today: Date) -> Vec<u8> {
    document(&super::build::document(session, lang, today))
}

/// A document as a `.docx` file, every text through `safe`. The body is
/// written piece by piece (a paragraph, a table row, a paragraph of a grid's
/// cell at a time) into the compressed package, never held whole.
pub fn document(doc: &Document) -> Vec<u8> {
    let mut skeleton = Cursor::new(Vec::new());
    // Packing into memory can only fail on a bug in the zip writer; an empty file then says so.
    if super::docx_apparatus::page(styles(Docx::new()), doc).build().pack(&mut skeleton).is_err() {
        return Vec::new();
    }
    let media = super::docx_chart::media(doc);
    let pictures: Vec<_> = media.iter().flatten().cloned().collect();
    let mut extra = super::docx_apparatus::extra_parts(doc);
    extra.extend(super::docx_chart::extra_parts(&pictures));
    super::docx_zip::with_parts(
        &skeleton.into_inner(),
        |name, part| super::docx_chart::patch(&pictures, name, super::docx_apparatus::patch(doc, name, part)),
        extra,
        |out| write_body(doc, &media, out),
    )
}

/// The content of `<w:body>`, element after element: the cover, the
/// contents, then the blocks (a chart's picture among them).
fn write_body(doc: &Document, media: &[Option<super::docx_chart::Media>], out: &mut dyn Write) -> io::Result<()> {
    super::docx_apparatus::cover(out, doc)?;
    super::docx_apparatus::contents(out, doc)?;
    let mut anchors = doc.contents().into_iter().map(|(_, _, anchor)| anchor);
    let mut charts = media.iter().enumerate();
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        // A paragraph that leads into a table stays on the table's page.
        let leads = matches!(blocks.peek(), Some(Block::Table(_) | Block::Items(_) | Block::Grid(_) | Block::Chart(_)));
        match block {
            Block::Fields(fields) => {
                for (label, value) in fields {
                    let p = Paragraph::new()
                        .add_run(Run::new().add_text(format!("{}: ", safe(label))).bold())
                        .add_run(Run::new().add_text(safe(&value.joined())));
                    put(out, &p)?;
                }
            }
            Block::Heading(h) => {
                let anchor = anchors.next();
                let part = anchor.as_ref().is_some_and(|a| doc.apparatus.parts.contains(a));
                put(out, &marked(heading(h.level, &h.text).page_break_before(part), anchor))?
            }
            Block::Para(lines) => {
                for (i, l) in lines.iter().enumerate() {
                    let p = para(l, false);
                    put(out, &if leads && i + 1 == lines.len() { p.keep_next(true) } else { p })?;
                }
            }
            Block::Lead(text) => put(
                out,
                &Paragraph::new().add_run(Run::new().add_text(format!("{}.", safe(text))).italic()).keep_next(true),
            )?,
            Block::Grid(g) => {
                let anchor = anchors.next();
                let part = anchor.as_ref().is_some_and(|a| doc.apparatus.parts.contains(a));
                grid(out, g, anchor, part)?
            }
            Block::Items(items) => item_table(out, items, doc.lang)?,
            Block::Table(t) => number_table(out, t, doc.lang)?,
            // Its picture (which draws the title and whose alt text says it
            // and every figure), then its figures; the title as a line of its
            // own only where no picture shows it.
            Block::Chart(c) => {
                let picture = charts.next().and_then(|(i, m)| Some((i, m.as_ref()?)));
                if picture.is_none() && !c.figures_above {
                    put(out, &para(&c.title, true).keep_next(true))?;
                }
                if let Some((i, m)) = picture {
                    out.write_all(super::docx_chart::paragraph(c, m, i + 1).as_bytes())?;
                }
                if !c.figures_above {
                    number_table(out, &c.table, doc.lang)?;
                }
            }
        }
    }
    put(out, &Paragraph::new().add_run(Run::new().add_text(safe(&doc.footer)).size(16).color("666666")))
}

/// A text as the document holds it: no terminal controls, and characters XML
/// 1.0 forbids (U+FFFE, U+FFFF, which import and paste can bring in) replaced,
/// so the file is always well-formed.
pub(super) fn safe(text: &str) -> String {
    super::units_together(&super::doc::xml_text(text)).into_owned()
}

pub(super) fn put(out: &mut dyn Write, element: &impl BuildXML) -> io::Result<()> {
    out.write_all(&element.build())
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
        .add_style(
            Style::new("TOCHeading", StyleType::Paragraph).name("TOC Heading").based_on("Normal").size(28).bold(),
        )
        .add_style(Style::new("TOC1", StyleType::Paragraph).name("toc 1").based_on("Normal").next("Normal"))
        .add_style(Style::new("TOC2", StyleType::Paragraph).name("toc 2").based_on("Normal").next("Normal").indent(
            Some(400),
            None,
            None,
            None,
        ))
}

/// A heading with the bookmark its contents entry links to.
fn marked(p: Paragraph, anchor: Option<String>) -> Paragraph {
    match anchor {
        Some(anchor) => {
            let id = anchor.trim_start_matches('s').parse().unwrap_or(0) + 1000;
            p.add_bookmark_start(id, super::docx_apparatus::bookmark(&anchor)).add_bookmark_end(id)
        }
        None => p,
    }
}

fn heading(level: u8, text: &str) -> Paragraph {
    let style = if level <= 2 { "Heading1" } else { "Heading2" };
    para(text, false).style(style).keep_next(true)
}

fn para(text: &str, bold: bool) -> Paragraph {
    sized(text, bold, None)
}

/// A paragraph of one run, at `size` half-points when given.
fn sized(text: &str, bold: bool, size: Option<usize>) -> Paragraph {
    let run = Run::new().add_text(safe(text));
    let run = if bold { run.bold() } else { run };
    Paragraph::new().add_run(match size {
        Some(s) => run.size(s),
        None => run,
    })
}

fn cell(paragraphs: Vec<Paragraph>, width_pct: usize) -> TableCell {
    let cell = paragraphs.into_iter().fold(TableCell::new(), TableCell::add_paragraph);
    cell.width(width_pct * PAGE_WIDTH / 100, WidthType::Dxa)
}

/// A table: its properties and grid, the header, then each row as it is made.
fn table(
    out: &mut dyn Write,
    header: TableRow,
    rows: impl Iterator<Item = TableRow>,
    widths: &[usize],
) -> io::Result<()> {
    streamed_table(out, header, rows.map(|row| move |out: &mut dyn Write| put(out, &row)), widths)
}

/// A table whose rows write themselves.
fn streamed_table<R: FnOnce(&mut dyn Write) -> io::Result<()>>(
    out: &mut dyn Write,
    header: TableRow,
    rows: impl Iterator<Item = R>,
    widths: &[usize],
) -> io::Result<()> {
    let grid = widths.iter().map(|w| w * PAGE_WIDTH / 100).collect();
    let empty =
        DocxTable::new(Vec::new()).set_grid(grid).width(PAGE_WIDTH, WidthType::Dxa).layout(TableLayoutType::Fixed);
    let (open, close) = shell(empty.build(), TABLE_END)?;
    out.write_all(&open)?;
    out.write_all(&repeated(&header))?;
    for row in rows {
        row(out)?;
    }
    out.write_all(close)
}

/// A header row marked to repeat at the top of every page the table spans
/// (`w:tblHeader`, which `docx-rs` does not write).
fn repeated(header: &TableRow) -> Vec<u8> {
    let xml = String::from_utf8_lossy(&header.build()).into_owned();
    let marked = xml.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1);
    marked.into_bytes()
}

/// An element's XML cut before its end tag `end`, for its content to be
/// written in between.
fn shell(mut xml: Vec<u8>, end: &'static [u8]) -> io::Result<(Vec<u8>, &'static [u8])> {
    match xml.len().checked_sub(end.len()) {
        Some(at) if xml[at..] == *end => {
            xml.truncate(at);
            Ok((xml, end))
        }
        _ => Err(io::Error::other("an element without its end tag")),
    }
}

/// How a table's XML ends.
const TABLE_END: &[u8] = b"</w:tbl>";

fn head(columns: &[&Column], widths: &[usize]) -> TableRow {
    head_sized(columns, widths, None)
}

fn head_sized(columns: &[&Column], widths: &[usize], size: Option<usize>) -> TableRow {
    let cells = columns
        .iter()
        .zip(widths)
        .map(|(c, &w)| {
            let p = sized(&c.label, true, size).keep_next(true);
            let p = if c.numeric { p.align(AlignmentType::Right) } else { p };
            cell(vec![p], w).shading(Shading::new().shd_type(ShdType::Clear).fill("EEEEEE"))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn body(columns: &[&Column], widths: &[usize], values: Vec<Vec<Paragraph>>) -> TableRow {
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

fn grid(out: &mut dyn Write, g: &Grid, anchor: Option<String>, part: bool) -> io::Result<()> {
    let label = super::doc::fit_width("", g.rows.iter().map(|r| r.label.as_str()), PAGE_MM).max(12) + 2;
    let half = (100 - usize::from(label)) / 2;
    let widths = [usize::from(label), half, half];
    put(out, &marked(heading(2, &g.title).page_break_before(part), anchor))?;
    let header = TableRow::new(vec![
        cell(vec![Paragraph::new()], widths[0]),
        cell(vec![para(&g.columns[0], true)], widths[1]),
        cell(vec![para(&g.columns[1], true)], widths[2]),
    ])
    .cant_split();
    let rows = g.rows.iter().map(|r| {
        move |out: &mut dyn Write| -> io::Result<()> {
            let (open, close) = shell(TableRow::new(Vec::new()).build(), b"</w:tr>")?;
            out.write_all(&open)?;
            put(out, &cell(vec![para(&r.label, true)], widths[0]))?;
            for (c, &w) in r.cells.iter().zip(&widths[1..]) {
                let tint = Shading::new().shd_type(ShdType::Clear).fill(tint(c.quadrant));
                let (open_cell, close_cell) =
                    shell(cell(vec![para(&c.title, true)], w).shading(tint).build(), b"</w:tc>")?;
                out.write_all(&open_cell)?;
                for e in &c.items {
                    let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                    put(out, &para(&format!("{} {}{note}", e.id, e.text), false))?;
                }
                out.write_all(close_cell)?;
            }
            out.write_all(close)
        }
    });
    streamed_table(out, header, rows, &widths)
}

fn item_table(out: &mut dyn Write, items: &Items, lang: Lang) -> io::Result<()> {
    let id = Column::new("ID", Some(items.id_width));
    let text = Column::new(items.text_label.clone(), None);
    let columns: Vec<&Column> = [&id, &text].into_iter().chain(&items.columns).collect();
    let widths: Vec<usize> = items.widths(PAGE_MM, lang).into_iter().map(usize::from).collect();
    let header = head(&columns, &widths);
    let rows = items.rows.iter().map(|item| {
        let mut main = vec![para(&item.text, false)];
        let details: Vec<String> = item.details.iter().filter(|d| d.column.is_none()).map(|d| safe(&d.text)).collect();
        if !details.is_empty() {
            main.push(Paragraph::new().add_run(Run::new().add_text(details.join(" · ")).italic().size(18)));
        }
        let mut values = vec![vec![para(&item.id, true)], main];
        values.extend(item.cells.iter().map(|c| vec![para(&c.show(lang), false)]));
        body(&columns, &widths, values)
    });
    table(out, header, rows, &widths)
}

/// The narrowest share of the page, in percent, the text column of a number
/// table keeps: a plan financiero with a column per year squeezed "Eje / línea"
/// into a fifth of the page (found by a trial).
const MIN_TEXT_SHARE: u32 = 30;

/// A number table's column widths and the size of its text in half-points:
/// the body size when the text column keeps [`MIN_TEXT_SHARE`], else 8 pt
/// with every column fitted to that size.
fn number_layout(t: &Table, lang: Lang) -> (Vec<usize>, Option<usize>) {
    let fits = |w: &[u8]| {
        let text = t.columns.iter().zip(w).find(|(c, _)| c.width.is_none()).map_or(100, |(_, &w)| u32::from(w));
        text >= MIN_TEXT_SHARE && w.iter().map(|&w| u32::from(w)).sum::<u32>() <= 100
    };
    let normal = t.widths(PAGE_MM, lang);
    let (widths, size) = if fits(&normal) { (normal, None) } else { (t.widths(PAGE_MM * 11.0 / 8.0, lang), Some(16)) };
    (widths.into_iter().map(usize::from).collect(), size)
}

fn number_table(out: &mut dyn Write, t: &Table, lang: Lang) -> io::Result<()> {
    let columns: Vec<&Column> = t.columns.iter().collect();
    let (widths, size) = number_layout(t, lang);
    let header = head_sized(&columns, &widths, size);
    let cell = |text: &str, bold: bool| vec![sized(text, bold, size)];
    let rows = t.rows.iter().map(|r| body(&columns, &widths, r.iter().map(|c| cell(&c.show(lang), false)).collect()));
    let total = t.has_total().then(|| {
        let mut totals = vec![cell(&t.total_label, true), vec![Paragraph::new()]];
        totals.extend(t.totals.iter().map(|v| cell(&v.show(lang), true)));
        body(&columns, &widths, totals)
    });
    table(out, header, rows.chain(total), &widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan financiero of a plan with amounts per year: the "Eje / línea"
    /// column keeps at least 30 % of the page (the trial found it squeezed to
    /// a fifth), the figures set smaller to make room; a narrow table keeps
    /// the body size.
    #[test]
    fn the_budget_tables_leave_the_eje_and_linea_column_room() {
        let s = crate::export::plan_import::tests::full_plan();
        let mut blocks = Vec::new();
        crate::export::plan_finance::section(&mut blocks, &s, Lang::Es);
        let tables: Vec<&Table> =
            blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
        assert_eq!(tables.len(), 2);
        for t in tables {
            assert!(t.columns.len() >= 7, "a column per year: {:?}", t.columns);
            let (widths, size) = number_layout(t, Lang::Es);
            assert!(widths[1] >= 30, "{} gets {widths:?}", t.columns[1].label);
            assert!(widths.iter().sum::<usize>() <= 100, "{widths:?}");
            assert_eq!(size, Some(16));
        }
        let mut narrow = Vec::new();
        crate::export::plan_finance::section(&mut narrow, &s, Lang::Es);
        let Some(Block::Table(t)) = narrow.iter().find(|b| matches!(b, Block::Table(_))) else { panic!("a table") };
        let few = Table {
            columns: t.columns[..3].to_vec(),
            rows: Vec::new(),
            total_label: String::new(),
            totals: Vec::new(),
        };
        assert_eq!(number_layout(&few, Lang::Es).1, None, "few columns: the body size");
    }
}
