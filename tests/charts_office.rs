//! The charts in the Word documents as LibreOffice shows them: the informe
//! of the sample with EFI/EFE weights (the internal-external matrix) and the
//! follow-up report of the other sample (degrees, trend, indicators) are
//! converted to PDF by headless LibreOffice; `pdfimages -list` finds every
//! chart's picture on a page, at the PNG's size, and `pdftotext` the chart's
//! title beside it.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Command;

use dafo::export::doc::Block;
use dafo::export::report::{ReportFormat, render_on};
use dafo::export::report_join::join;
use dafo::i18n::Lang;

use crate::common::{Tool, needs};

const DAY: jiff::civil::Date = jiff::civil::date(2025, 3, 1);
const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
const PALENCIA: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The chart titles of a document, in order.
fn titles(doc: &dafo::export::doc::Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.title.clone()),
            _ => None,
        })
        .collect()
}

/// Converts `docx` to PDF in `dir` and returns each image's (page, width, height).
fn images(dir: &Path, name: &str, docx: &[u8]) -> (Vec<(usize, u32, u32)>, String) {
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, docx).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    run(Command::new("soffice")
        .env("HOME", dir)
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&file));
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(pdf.exists(), "LibreOffice made no PDF of {name}");
    let list = run(Command::new("pdfimages").arg("-list").arg(&pdf));
    // page num type width height ...; two header lines; the PNG's alpha is a soft mask of its own.
    let found = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<&str>>())
        .filter(|f| f[2] == "image")
        .map(|f| (f[0].parse().unwrap(), f[3].parse().unwrap(), f[4].parse().unwrap()))
        .collect();
    let text = run(Command::new("pdftotext").arg(&pdf).arg("-"));
    (found, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn libreoffice_shows_every_chart_of_the_informe_and_the_report() {
    if !needs(Tool::Office) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let palencia = dafo::storage::load(Path::new(PALENCIA)).unwrap();
    let informe = dafo::export::document(&palencia, Lang::Es, DAY);
    let almendral = dafo::storage::load(Path::new(ALMENDRAL)).unwrap();
    let years = almendral.reviewed_years();
    let joined = join(vec![(ALMENDRAL.to_owned(), almendral)], Lang::Es).unwrap();
    let report = dafo::export::report_build::document(&joined, &years, Lang::Es, DAY);
    let cases = [
        ("informe", titles(&informe), dafo::export::docx::document(&informe)),
        ("informe-seguimiento", titles(&report), render_on(&joined, &years, ReportFormat::Docx, Lang::Es, DAY)),
    ];
    for (name, titles, docx) in cases {
        assert!(!titles.is_empty(), "{name} has charts");
        let (found, text) = images(dir.path(), name, &docx);
        assert_eq!(found.len(), titles.len(), "{name}: one picture a chart: {found:?}");
        for (page, width, height) in &found {
            assert!(*page >= 1, "{name}: on a page");
            // The PNG whole: 2 pixels a unit of the 680-unit drawing.
            assert_eq!(*width, 1360, "{name}: {found:?}");
            assert!(*height > 300, "{name}: {found:?}");
        }
        // The picture draws its title (and its alt text says it): no line of
        // text repeats it above the picture (a trial saw every title twice).
        for title in &titles {
            assert!(!text.contains(title.as_str()), "{name}: the title {title:?} is written twice");
        }
    }
}
