//! The informe and the follow-up report as their readers see them (issue 27):
//! LibreOffice converts the docx to PDF and Chromium prints the HTML page to
//! PDF, and `pdftotext` reads the pages back: the cover is page 1 (without a
//! footer), the contents page lists the headings, every other page says
//! "página N de M", no page starts with a lonely total line or with a table
//! row whose header did not repeat. python-docx, an independent reader, opens
//! the docx and finds its headings, tables and logo.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::{Path, PathBuf};
use std::process::Command;

use dafo::export::{Format, bytes_on, document};
use dafo::i18n::Lang;

use crate::apparatus::{ALMENDRAL, check_package};
use crate::common::{self, Tool, needs};

const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of each page of `pdf`, in order.
fn pages(pdf: &Path) -> Vec<String> {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let n: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    (1..=n)
        .map(|p| run(Command::new("pdftotext").args(["-f", &p.to_string(), "-l", &p.to_string()]).arg(pdf).arg("-")))
        .collect()
}

/// The words of a text, runs of white space as one space, without hyphens
/// (pdftotext joins a word hyphenated at a line's end: `2023-2026` → `20232026`).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('-', "")
}

/// The first line of a page's text that is not its running footer.
fn first_line(page: &str) -> &str {
    page.lines().map(str::trim).find(|l| !l.is_empty() && !l.contains(" · página ")).unwrap_or_default()
}

/// Whether `token` is an item ID (`F5`, `AF1`, `FO2`): a table row, not a heading.
fn is_id(token: &str) -> bool {
    let letters = token.trim_end_matches(|c: char| c.is_ascii_digit());
    letters.len() < token.len() && (1..=2).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// Checks the pages of one document; `headings` are those its contents list.
fn check_pages(what: &str, pages: &[String], d: &Doc) {
    let (title, subtitle, headings) = (&d.title, &d.subtitle, &d.headings);
    for part in &d.parts {
        assert!(pages.iter().any(|p| first_line(p) == part), "{what}: {part:?} starts no page");
    }
    let n = pages.len();
    assert!(n >= 3, "{what}: {n} pages");
    let cover = words(&pages[0]);
    assert!(
        cover.contains(&words(title)) && cover.contains(&words(subtitle)),
        "{what}: page 1 is not the cover:\n{cover}"
    );
    assert!(!cover.contains("página"), "{what}: the cover has no footer:\n{cover}");
    // The contents run from page 2 to the page before the header's fields.
    let end = pages.iter().position(|p| p.contains("Fecha:") || p.contains("Plan:")).unwrap_or(2).max(2);
    let contents = words(&pages[1..end].join("\n"));
    assert!(contents.starts_with("Índice"), "{what}: page 2 is not the contents:\n{contents}");
    for h in headings {
        assert!(contents.contains(&words(h)), "{what}: {h:?} not in the contents:\n{contents}");
    }
    for (i, page) in pages.iter().enumerate().skip(1) {
        let footer = format!("página {} de {n}", i + 1);
        assert!(words(page).contains(&footer), "{what}: page {} has no \"{footer}\":\n{page}", i + 1);
        let first = first_line(page);
        assert!(!first.starts_with("Total"), "{what}: page {} starts with the lonely line {first:?}", i + 1);
        let token = first.split_whitespace().next().unwrap_or_default();
        assert!(!is_id(token), "{what}: page {} starts with a row ({first:?}) without its header", i + 1);
    }
}

/// The Palencia sample with `k` × 2 sentences more in its participants: the
/// EFI table's end moves down the page. With k = 10, 11 the docx before this
/// change began a page with the table's total row alone (no header), and with
/// 30, 31 (total row kept with the sentence after it) with "Total ponderado".
fn padded(k: usize) -> dafo::domain::Session {
    let mut s = dafo::storage::load(Path::new(common::SAMPLE)).unwrap();
    let pad: Vec<String> =
        (0..k * 2).map(|i| format!("relleno de prueba número {i} para desplazar la tabla")).collect();
    s.meta.participants = Some(format!("{} {}", pad.join(" "), s.meta.participants.unwrap_or_default()));
    s
}

/// One document of these checks, in both files.
struct Doc {
    stem: String,
    title: String,
    subtitle: String,
    /// The headings its contents list.
    headings: Vec<String>,
    /// The headings that open a main part, each at the top of a page.
    parts: Vec<String>,
    docx: Vec<u8>,
    html: String,
}

/// The informe at several paddings and the follow-up report of the Almendral sample.
fn documents() -> Vec<Doc> {
    let mut out = Vec::new();
    for k in [0, 10, 11, 30, 31] {
        let s = padded(k);
        let doc = document(&s, Lang::Es, DAY);
        let headings = doc.contents().into_iter().map(|(_, t, _)| t.to_owned()).collect();
        let parts = doc
            .contents()
            .into_iter()
            .filter(|(_, _, a)| doc.apparatus.parts.contains(a))
            .map(|(_, t, _)| t.to_owned())
            .collect();
        let html = dafo::export::render_on(&s, Lang::Es, Format::Html, DAY);
        out.push(Doc {
            stem: format!("informe-{k}"),
            title: s.meta.title.clone(),
            subtitle: doc.apparatus.subtitle.clone(),
            headings,
            parts,
            docx: bytes_on(&s, Lang::Es, Format::Docx, DAY),
            html,
        });
    }
    let s = dafo::storage::load(Path::new(ALMENDRAL)).unwrap();
    let joined = dafo::export::report_join::join(vec![("a.ron".into(), s.clone())], Lang::Es).unwrap();
    let years = s.reviewed_years();
    let doc = dafo::export::report_build::document(&joined, &years, Lang::Es, DAY);
    let headings = doc.contents().into_iter().map(|(_, t, _)| t.to_owned()).collect();
    let render = |f| dafo::export::report::render_on(&joined, &years, f, Lang::Es, DAY);
    let html = String::from_utf8(render(dafo::export::report::ReportFormat::Html)).unwrap();
    out.push(Doc {
        stem: "seguimiento".into(),
        title: s.meta.title.clone(),
        subtitle: doc.apparatus.subtitle.clone(),
        headings,
        parts: Vec::new(),
        docx: render(dafo::export::report::ReportFormat::Docx),
        html,
    });
    out
}

#[test]
fn libreoffice_shows_cover_contents_page_numbers_and_no_lonely_lines() {
    if !needs(Tool::Office) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docs = documents();
    let files: Vec<PathBuf> = docs
        .iter()
        .map(|d| {
            let path = dir.path().join(format!("{}.docx", d.stem));
            std::fs::write(&path, &d.docx).unwrap();
            path
        })
        .collect();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    run(Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files));
    let mut repeated = 0;
    for d in &docs {
        let pdf = dir.path().join(format!("{}.pdf", d.stem));
        assert!(pdf.exists(), "LibreOffice wrote no {}.pdf", d.stem);
        let pages = pages(&pdf);
        check_pages(&d.stem, &pages, d);
        repeated += pages.iter().filter(|p| first_line(p).split_whitespace().next() == Some("ID")).count();
    }
    assert!(repeated > 0, "no long table's header row repeated on the next page");
}

#[test]
fn chromium_prints_the_html_with_cover_contents_and_page_numbers() {
    if !needs(Tool::Chromium) || !needs(Tool::Office) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let browser = common::webdriver::Browser::start().unwrap();
    for d in documents().into_iter().filter(|d| d.stem.ends_with("-0") || d.stem == "seguimiento") {
        let page = dir.path().join(format!("{}.html", d.stem));
        std::fs::write(&page, &d.html).unwrap();
        browser.goto(&format!("file://{}", page.display()));
        let pdf = dir.path().join(format!("{}.pdf", d.stem));
        std::fs::write(&pdf, browser.print_pdf()).unwrap();
        check_pages(&format!("{} (Chromium)", d.stem), &pages(&pdf), &d);
    }
}

#[test]
fn python_docx_reads_the_headings_tables_and_logo() {
    if !needs(Tool::PythonDocx) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut s = dafo::storage::load(Path::new(common::SAMPLE)).unwrap();
    std::fs::write(dir.path().join("escudo.png"), crate::apparatus::PNG).unwrap();
    s.meta.logo = Some("escudo.png".into());
    let session = dir.path().join("plan.ron");
    std::fs::write(&session, dafo::storage::to_ron(&s)).unwrap();
    let out = dir.path().join("informe.docx");
    run(common::dafo_command(&["export", session.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .env("DAFO_TODAY", "2026-11-27"));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(check_package(&bytes), Ok(()));
    let script = r#"import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    if p.style is not None and p.style.name.lower().startswith('heading'):
        print('H', p.style.name, p.text)
print('TABLES', len(d.tables))
print('IMAGES', len(d.inline_shapes))
print('TITLE', d.core_properties.title)
print('LANG', d.core_properties.language)
print('CREATED', d.core_properties.created.date())
"#;
    let read = run(Command::new("/usr/bin/python3").args(["-c", script]).arg(&out));
    let doc = document(&s, Lang::Es, DAY);
    for (level, text, _) in doc.contents() {
        let style = if level <= 2 { "Heading 1" } else { "Heading 2" };
        assert!(read.contains(&format!("H {style} {text}\n")), "{text:?} as {style}:\n{read}");
    }
    let tables =
        String::from_utf8_lossy(&crate::apparatus::parts(&bytes)["word/document.xml"]).matches("<w:tbl>").count();
    assert!(read.contains(&format!("TABLES {tables}\n")), "{read}");
    assert!(read.contains("IMAGES 1\n"), "the logo: {read}");
    assert!(read.contains(&format!("TITLE {}\n", s.meta.title)) && read.contains("LANG es-ES\n"), "{read}");
    assert!(read.contains("CREATED 2026-11-27\n"), "{read}");
}
