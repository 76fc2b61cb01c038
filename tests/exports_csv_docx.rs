//! The CSV against formula injection, with the title and right line numbers,
//! and the docx export: Word headings, tables and Spanish formats, to files
//! and pipes but never to a terminal.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common::{Tool, needs};
use std::path::Path;

use dafo::domain::{CameAction, Factor, Quadrant, Session};
use dafo::export::Format;
use dafo::export::import::{build, csv as import_csv};
use dafo::i18n::Lang;
use jiff::Timestamp;

/// The day exports are made in these tests, so that overdue marks do not drift with the clock.
const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// [`dafo::export::render`] on [`DAY`].
fn render(s: &Session, lang: Lang, format: Format) -> String {
    dafo::export::render_on(s, lang, format, DAY)
}

fn plan() -> Session {
    dafo::storage::load(Path::new("tests/fixtures/plan.ron")).unwrap()
}

/// A session whose texts start the way spreadsheet formulas do.
fn formulas() -> Session {
    let mut s = Session::new("=Plan \"2026\"", Timestamp::UNIX_EPOCH);
    let texts = [
        "=HYPERLINK(\"http://x\";\"pulsa\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "'=ya escapada",
        "'normal",
        "a=b",
    ];
    for (i, t) in texts.iter().enumerate() {
        s.strengths.push(Factor::new(format!("F{}", i + 1), *t));
    }
    let mut a = CameAction::new("M1", "Formar", vec!["F1".into()]);
    a.owner = Some("=Equipo".into());
    a.indicator = Some("-10 % de espera".into());
    s.maintain.push(a);
    s
}

#[test]
fn csv_neutralises_formulas_and_import_gives_the_exact_text_back() {
    let s = formulas();
    let text = render(&s, Lang::Es, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for record in reader.records().map(Result::unwrap) {
        for cell in &record {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula {cell:?} in\n{text}");
        }
    }
    let cells: Vec<String> =
        csv::Reader::from_reader(text.as_bytes()).records().map(|r| r.unwrap()[3].to_owned()).collect();
    assert_eq!(cells[1], "'=HYPERLINK(\"http://x\";\"pulsa\")");
    assert_eq!((cells[5].as_str(), cells[6].as_str(), cells[7].as_str()), ("''=ya escapada", "'normal", "a=b"));
    let back = import_csv(&text, Path::new("x.csv")).unwrap();
    assert_eq!(back.title.as_deref(), Some(s.meta.title.as_str()));
    let texts: Vec<&str> = back.items.iter().map(|(_, d)| d.text.as_str()).collect();
    let want: Vec<&str> = s.factors(Quadrant::Strengths).iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, want);
    let (_, action) = &back.actions[0];
    assert_eq!((action.owner.as_deref(), action.indicator.as_deref()), (Some("=Equipo"), Some("-10 % de espera")));
}

#[test]
fn csv_import_restores_the_title() {
    let s = plan();
    let back = import_csv(&render(&s, Lang::Es, Format::Csv), Path::new("x.csv")).unwrap();
    assert_eq!(back.title.as_deref(), Some(s.meta.title.as_str()));
    let session = build(back, "otro", Timestamp::UNIX_EPOCH);
    assert_eq!(session.meta.title, "otro", "an explicit title still wins in build");
}

#[test]
fn csv_errors_name_the_right_line_with_crlf_ends() {
    for end in ["\n", "\r\n"] {
        let text = ["quadrant,text", "Fortalezas,ok", "Fortalezas,\"dos", "líneas\"", "Nada,mal", ""].join(end);
        let err = import_csv(&text, Path::new("x.csv")).unwrap_err();
        assert_eq!(err.to_string(), "x.csv:5: unknown quadrant \"Nada\"", "line ends {end:?}");
    }
}

/// The `word/document.xml` of a docx export.
fn docx_xml(s: &Session, lang: Lang) -> String {
    let bytes = dafo::export::bytes_on(s, lang, Format::Docx, DAY);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    xml
}

#[test]
fn docx_has_word_headings_tables_and_spanish_formats() {
    let xml = docx_xml(&plan(), Lang::Es);
    for style in ["Title", "Heading1", "Heading2"] {
        assert!(xml.contains(&format!("<w:pStyle w:val=\"{style}\" />")), "no {style} paragraph");
    }
    assert!(xml.matches("<w:tbl>").count() >= 8, "grid, four lists, actions, strategies, EFI/EFE as tables");
    assert!(xml.contains("30/06/2027") && !xml.contains("2027-06-30"), "Spanish dates");
    assert!(
        xml.contains("0,30") && xml.contains("Plan de acción CAME") && xml.contains("Matriz EFI (factores internos)")
    );
    assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script"), "user text is escaped");
    let en = docx_xml(&plan(), Lang::En);
    assert!(en.contains("2027-06-30") && en.contains("0.30") && en.contains("SWOT action plan"));
}

#[test]
fn docx_goes_to_files_and_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("acta.docx");
    let bin = env!("CARGO_BIN_EXE_dafo");
    let o =
        std::process::Command::new(bin).args(["export", "tests/fixtures/plan.ron", "-o"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
    let o = std::process::Command::new(bin).args(["show", "tests/fixtures/plan.ron", "-f", "docx"]).output().unwrap();
    assert!(o.status.success() && o.stdout.starts_with(b"PK\x03\x04"), "a zip to a pipe too");
}

#[test]
fn show_refuses_docx_on_a_terminal() {
    if !needs(Tool::Script) {
        return;
    }
    // `script` gives the command a pseudo-terminal as stdout.
    let cmd = format!("{} show tests/fixtures/plan.ron -f docx", env!("CARGO_BIN_EXE_dafo"));
    let o = std::process::Command::new("script").args(["-qec", &cmd, "/dev/null"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("docx es un formato binario") && out.contains("export"), "{out}");
    assert!(!out.contains("PK\u{3}\u{4}"), "no zip bytes on the terminal");
}
