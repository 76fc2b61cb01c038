//! LibreOffice reads the exports whole: the HTML page and the docx of the
//! bundled sample (with EFI/EFE weights added) are converted to PDF by
//! headless LibreOffice, with a throwaway profile, and read back with
//! `pdftotext`: the full title, whole words and numbers in narrow columns,
//! every section heading of the informe final (the sample has a plan), a
//! sample of the plan's content, and no blank page. Without soffice or pdftotext the
//! test is ignored (`build.rs`); with `CI` set it runs and fails.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common::{Tool, needs};
use std::path::Path;
use std::process::Command;

use dafo::domain::Session;
use dafo::export::doc::Block;
use dafo::export::{Format, bytes_on, document};
use dafo::i18n::Lang;

/// The day the exports are made: C1 (due 2027-01-31, pending) and E1 (due
/// 2027-02-15, in progress) are overdue then.
const DAY: jiff::civil::Date = jiff::civil::date(2027, 3, 1);

/// The sample with weights, and its first strength carried over and not confirmed.
fn sample() -> Session {
    let mut s = dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap();
    s.strengths[0].carried = true;
    for (f, (w, r)) in s.strengths.iter_mut().zip([(0.12, 4), (0.2, 3), (0.08, 4)]) {
        (f.weight, f.rating) = (Some(w), Some(r));
    }
    for (f, (w, r)) in s.opportunities.iter_mut().zip([(0.25, 3), (0.15, 2)]) {
        (f.weight, f.rating) = (Some(w), Some(r));
    }
    s
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words of a text, with runs of white space as one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks one converted PDF; `what` names it in messages.
fn check(pdf: &Path, s: &Session, what: &str) {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    for page in 1..=pages {
        let text =
            run(Command::new("pdftotext").args(["-f", &page.to_string(), "-l", &page.to_string()]).arg(pdf).arg("-"));
        assert!(!text.trim().is_empty(), "{what}: page {page} of {pages} is blank");
    }
    let text = words(&run(Command::new("pdftotext").arg(pdf).arg("-")));
    assert!(text.contains(&words(&s.meta.title)), "{what}: the full title {:?} is missing:\n{text}", s.meta.title);
    let tokens: Vec<&str> = text.split(' ').map(|t| t.trim_matches(|c: char| ",.;:()".contains(c))).collect();
    for word in ["Votos", "Impacto", "pendiente", "Externos", "Responde", "FO1", "0,12", "0,48"] {
        assert!(tokens.contains(&word), "{what}: {word:?} is not whole:\n{text}");
    }
    // A sample of the plan's content: horizon, valores, a reto's sources,
    // numbered líneas, Spanish amounts and dates, an indicator, the coverage.
    for sample in [
        "Horizonte",
        "2027-2030",
        &s.values[0],
        &s.challenges[0].text,
        "D1, D7",
        "1.1 Coordinación",
        "18.000 €",
        "01/12/2026",
        &s.indicators[0].name,
        "Líneas sin acciones",
    ] {
        assert!(text.contains(&words(sample)), "{what}: {sample:?} is missing:\n{text}");
    }
    // The review meeting's marks and their legend survive the conversion.
    for mark in ["↻", "⚠", "viene del año pasado, sin confirmar", "fecha pasada y sin hacer"] {
        assert!(text.contains(mark), "{what}: mark {mark:?} is missing:\n{text}");
    }
    let doc = document(s, Lang::Es, DAY);
    for block in &doc.blocks {
        let heading = match block {
            Block::Heading(h) => &h.text,
            Block::Grid(g) => &g.title,
            _ => continue,
        };
        assert!(text.contains(&words(heading)), "{what}: heading {heading:?} is missing");
    }
}

#[test]
fn libreoffice_shows_html_and_docx_whole() {
    if !needs(Tool::Office) {
        return;
    }
    let s = sample();
    let dir = tempfile::tempdir().unwrap();
    let (html, docx) = (dir.path().join("acta-html.html"), dir.path().join("acta-docx.docx"));
    std::fs::write(&html, bytes_on(&s, Lang::Es, Format::Html, DAY)).unwrap();
    std::fs::write(&docx, bytes_on(&s, Lang::Es, Format::Docx, DAY)).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    run(Command::new("soffice")
        .env("HOME", dir.path())
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&html)
        .arg(&docx));
    check(&dir.path().join("acta-html.pdf"), &s, "HTML");
    check(&dir.path().join("acta-docx.pdf"), &s, "docx");
}

/// U+FFFE and U+FFFF (XML 1.0 forbids them; import and paste bring them in)
/// in the title, a factor, an action's fields, a valor, a reto and an
/// indicator: the docx is still well-formed, so LibreOffice makes a PDF of
/// it, and the words around them are there.
#[test]
fn libreoffice_converts_a_docx_whose_texts_hold_characters_xml_forbids() {
    if !needs(Tool::Office) {
        return;
    }
    let mut s = sample();
    let bad = |word: &str| format!("{word}\u{fffe}x\u{ffff}");
    s.meta.title = bad("Titulo");
    s.meta.place = Some(bad("Lugar"));
    s.strengths[0].text = bad("Fortaleza");
    s.values[0] = bad("Valor");
    s.challenges[0].text = bad("Reto");
    s.indicators[0].name = bad("Indicador");
    let a = &mut s.correct[0];
    (a.text, a.owner, a.resources) = (bad("Accion"), Some(bad("Responsable")), Some(bad("Recursos")));
    a.partners = vec![bad("Socio")];
    let bytes = bytes_on(&s, Lang::Es, Format::Docx, DAY);
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("raro.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    run(Command::new("soffice")
        .env("HOME", dir.path())
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx));
    let pdf = dir.path().join("raro.pdf");
    assert!(pdf.exists(), "LibreOffice made no PDF of a docx holding U+FFFE/U+FFFF");
    let text = words(&run(Command::new("pdftotext").arg(&pdf).arg("-")));
    for word in ["Titulo", "Lugar", "Fortaleza", "Valor", "Reto", "Indicador", "Accion", "Responsable", "Socio"] {
        assert!(text.contains(word), "{word} is missing from the PDF:\n{text}");
    }
}
