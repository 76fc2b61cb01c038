//! The streamed body against the whole document model `docx-rs` used to
//! build: same parts, same bytes, paragraph IDs apart.

use std::collections::HashSet;
use std::io::{Cursor, Read as _};

use docx_rs::{Docx, Shading, ShdType, Table as DocxTable, TableRow};

use super::*;
use crate::export::doc::{Block, Document};

/// The document as one `docx-rs` model, packed stored: how it was written
/// before the body was streamed.
fn whole_model(doc: &Document) -> Vec<u8> {
    let doc = &doc.xml_safe();
    let mut docx = styles(Docx::new()).add_paragraph(para(&doc.title, false).style("Title"));
    for block in &doc.blocks {
        docx = match block {
            Block::Fields(fields) => fields.iter().fold(docx, |d, (label, value)| {
                d.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(format!("{}: ", safe(label))).bold())
                        .add_run(Run::new().add_text(safe(value))),
                )
            }),
            Block::Heading(h) => docx.add_paragraph(heading(h.level, &h.text)),
            Block::Para(lines) => lines.iter().fold(docx, |d, l| d.add_paragraph(para(l, false))),
            Block::Lead(text) => docx.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(format!("{}.", safe(text))).italic()).keep_next(true),
            ),
            Block::Grid(g) => whole_grid(docx, g),
            Block::Items(items) => docx.add_table(whole_items(items)),
            Block::Table(t) => docx.add_table(whole_numbers(t)),
        };
    }
    let footer = Paragraph::new().add_run(Run::new().add_text(safe(&doc.footer)).size(16).color("666666"));
    let mut out = Cursor::new(Vec::new());
    docx.add_paragraph(footer).build().pack(&mut out).unwrap();
    out.into_inner()
}

fn whole_grid(docx: Docx, g: &Grid) -> Docx {
    let label = super::super::doc::fit_width("", g.rows.iter().map(|r| r.label.as_str()), PAGE_MM).max(12) + 2;
    let half = (100 - usize::from(label)) / 2;
    let widths = [usize::from(label), half, half];
    let header = TableRow::new(vec![
        cell(vec![Paragraph::new()], widths[0]),
        cell(vec![para(&g.columns[0], true)], widths[1]),
        cell(vec![para(&g.columns[1], true)], widths[2]),
    ]);
    let rows = g
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![cell(vec![para(&r.label, true)], widths[0])];
            for (c, &w) in r.cells.iter().zip(&widths[1..]) {
                let mut ps = vec![para(&c.title, true)];
                for e in &c.items {
                    let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                    ps.push(para(&format!("{} {}{note}", e.id, e.text), false));
                }
                cells.push(cell(ps, w).shading(Shading::new().shd_type(ShdType::Clear).fill(tint(c.quadrant))));
            }
            TableRow::new(cells)
        })
        .collect();
    docx.add_paragraph(heading(2, &g.title)).add_table(table(vec![header], rows, &widths))
}

fn whole_items(items: &Items) -> DocxTable {
    let id = Column::new("ID", Some(items.id_width));
    let text = Column::new(items.text_label.clone(), None);
    let columns: Vec<&Column> = [&id, &text].into_iter().chain(&items.columns).collect();
    let widths: Vec<usize> = items.widths(PAGE_MM).into_iter().map(usize::from).collect();
    let rows = items
        .rows
        .iter()
        .map(|item| {
            let mut main = vec![para(&item.text, false)];
            let details: Vec<String> =
                item.details.iter().filter(|d| d.column.is_none()).map(|d| safe(&d.text).into_owned()).collect();
            if !details.is_empty() {
                main.push(Paragraph::new().add_run(Run::new().add_text(details.join(" · ")).italic().size(18)));
            }
            let mut values = vec![vec![para(&item.id, true)], main];
            values.extend(item.cells.iter().map(|c| vec![para(c, false)]));
            body_row(&columns, &widths, values)
        })
        .collect();
    table(vec![head(&columns, &widths)], rows, &widths)
}

fn whole_numbers(t: &Table) -> DocxTable {
    let columns: Vec<&Column> = t.columns.iter().collect();
    let widths: Vec<usize> = t.widths(PAGE_MM).into_iter().map(usize::from).collect();
    let mut rows: Vec<TableRow> =
        t.rows.iter().map(|r| body_row(&columns, &widths, r.iter().map(|c| vec![para(c, false)]).collect())).collect();
    if t.has_total() {
        let mut totals = vec![vec![para(&t.total_label, true)], vec![Paragraph::new()]];
        totals.extend(t.totals.iter().map(|v| vec![para(v, true)]));
        rows.push(body_row(&columns, &widths, totals));
    }
    table(vec![head(&columns, &widths)], rows, &widths)
}

/// Every part of a package: name and bytes, in order.
fn parts(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().to_owned(), bytes)
        })
        .collect()
}

/// The paragraph IDs of `xml`, and `xml` with each of them blanked.
fn without_para_ids(xml: &[u8]) -> (Vec<String>, String) {
    let xml = std::str::from_utf8(xml).unwrap();
    let mut ids = Vec::new();
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    const KEY: &str = "w14:paraId=\"";
    while let Some(at) = rest.find(KEY) {
        out.push_str(&rest[..at + KEY.len()]);
        rest = &rest[at + KEY.len()..];
        let end = rest.find('"').unwrap();
        ids.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    out.push_str(rest);
    (ids, out)
}

/// A session with every kind of text the export must carry: notes,
/// characters XML forbids, markup, long texts; `n` factors.
fn generated(n: usize) -> crate::domain::Session {
    use crate::domain::Quadrant;
    let mut s = crate::storage::load(std::path::Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap();
    for q in Quadrant::ALL {
        let texts: Vec<String> = (0..n / 4)
            .map(|i| format!("Factor {i} <b>&amp;</b> «{}» \u{fffe} {}", q.index(), "listas de espera ".repeat(i % 7)))
            .collect();
        if let Some(e) = s.add_factors(q, texts.iter().map(String::as_str)) {
            s.apply(e).unwrap();
        }
    }
    s
}

fn assert_same(label: &str, doc: &Document) {
    let before = parts(&whole_model(doc));
    let after = parts(&document(doc));
    let names = |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after), "{label}: the parts and their order");
    for ((name, old), (_, new)) in before.iter().zip(&after) {
        if name == "word/document.xml" {
            let (old_ids, old_xml) = without_para_ids(old);
            let (new_ids, new_xml) = without_para_ids(new);
            assert!(old_xml == new_xml, "{label}: document.xml differs beyond paragraph IDs");
            assert_eq!(old_ids.len(), new_ids.len(), "{label}");
            let unique: HashSet<&String> = new_ids.iter().collect();
            assert_eq!(unique.len(), new_ids.len(), "{label}: paragraph IDs repeat");
            assert!(
                new_ids.iter().all(|id| id.len() == 8 && u32::from_str_radix(id, 16).is_ok_and(|v| v < 0x8000_0000))
            );
        } else {
            assert!(old == new, "{label}: {name} differs");
        }
    }
}

fn kind(block: &Block) -> &'static str {
    match block {
        Block::Fields(_) => "fields",
        Block::Heading(_) => "heading",
        Block::Para(_) => "para",
        Block::Lead(_) => "lead",
        Block::Grid(_) => "grid",
        Block::Items(_) => "items",
        Block::Table(t) if t.has_total() => "table with totals",
        Block::Table(_) => "table",
    }
}

#[test]
fn the_streamed_body_is_the_document_docx_rs_builds_whole() {
    let day = jiff::civil::date(2026, 11, 27);
    let mut kinds = HashSet::new();
    for sample in
        ["sessions/palencia-ciudad-de-los-cuidados.ron", "sessions/almendral-plan-servicios-sociales-2023-2026.ron"]
    {
        let session = crate::storage::load(std::path::Path::new(sample)).unwrap();
        for lang in [Lang::Es, Lang::En, Lang::Ca] {
            let doc = super::super::build::document(&session, lang, day);
            kinds.extend(doc.blocks.iter().map(kind));
            assert_same(&format!("{sample} {lang:?}"), &doc);
        }
    }
    let mut doc = super::super::build::document(&generated(2_000), Lang::Es, day);
    // What the samples do not lead with: a lead-in, with a character XML forbids.
    doc.blocks.insert(2, Block::Lead("Cruce de «F» y <O> \u{ffff}".to_owned()));
    kinds.extend(doc.blocks.iter().map(kind));
    assert_same("2,000 generated factors", &doc);
    // The plan's yearly report: tables of numbers, with and without totals.
    let almendral = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
    let session = crate::storage::load(std::path::Path::new(almendral)).unwrap();
    let joined = super::super::report_join::join(vec![(almendral.to_owned(), session)], Lang::Es).unwrap();
    let years = super::super::report_rows::row_years(&joined.session);
    let doc = super::super::report_build::document(&joined, &years, Lang::Es, day);
    kinds.extend(doc.blocks.iter().map(kind));
    assert_same("the plan's report", &doc);
    assert_eq!(kinds.len(), 8, "every kind of block is compared: {kinds:?}");
}
