//! Seguimiento through the built binary: `dafo review` records a year or
//! changes nothing, under the file lock; `dafo report` writes the evaluation
//! report of the bundled sample (golden md, txt, json, csv and html) and joins
//! several files, listing their discrepancies.

#![allow(clippy::unwrap_used)]

use crate::common;
use crate::common::{Tool, needs};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::dafo_bin;
use dafo::domain::Degree;

const SAMPLE: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// The day the sample's reports are judged on: after its horizon (2023-2026),
/// so what was late stays late whatever the machine's date.
const AFTER_THE_PLAN: &str = "2027-06-30";

fn dafo(args: &[&str]) -> Output {
    dafo_on(AFTER_THE_PLAN, args)
}

fn dafo_on(today: &str, args: &[&str]) -> Output {
    Command::new(dafo_bin()).args(args).env_remove("DAFO_DIR").env("DAFO_TODAY", today).output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}

#[test]
fn review_records_a_year_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let out = dafo(&[
        "review",
        p,
        "--year",
        "2025",
        "C3=100:hecha",
        "C4=60",
        "M3=80:in-progress",
        "--note",
        "C4=Citas compartidas",
        "--value",
        "I1=95",
        "--value",
        "I2=1.200",
        "--problem",
        "Falta de presupuesto",
    ]);
    assert!(stdout(&out).contains("2025: 7 cambios guardados"), "{}", stdout(&out));
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.action_review("C3", 2025).map(|r| r.degree), Degree::new(100));
    assert_eq!(s.action_review("C4", 2025).and_then(|r| r.note.clone()).as_deref(), Some("Citas compartidas"));
    assert_eq!(s.indicator_value("I1", 2025), Some(95.0));
    // As the indicator form reads it: `1.200` is twelve hundred, not 1.2.
    assert_eq!(s.indicator_value("I2", 2025), Some(1200.0));
    assert_eq!(s.year_review(2025).map(|r| r.problems.len()), Some(1));
    assert_eq!(s.correct[2].status, dafo::domain::Status::Done);
    assert!(!dafo::storage::lock::lock_path(&path).exists(), "the lock is let go");
}

/// A note alone for a year without a review of the action stored 0 % and
/// pendiente, and set the action back from en curso, while saying "1 change
/// saved": now it starts where the action stood, as the TUI's note does.
#[test]
fn a_note_alone_keeps_the_degree_and_status_the_action_had() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = dafo::storage::load(&path).unwrap();
    assert_eq!(before.action_review("C2", 2024).map(|r| r.degree), Degree::new(75));
    let out = dafo(&["review", path.to_str().unwrap(), "--year", "2025", "--note", "C2=Sigue el circuito"]);
    assert!(stdout(&out).contains("2025: 1 cambio guardado"), "{}", stdout(&out));
    let s = dafo::storage::load(&path).unwrap();
    let r = s.action_review("C2", 2025).unwrap();
    assert_eq!((r.degree, r.status), (Degree::new(75).unwrap(), dafo::domain::Status::InProgress));
    assert_eq!(r.note.as_deref(), Some("Sigue el circuito"));
    assert_eq!(s.correct[1].status, dafo::domain::Status::InProgress);
    let report = stdout(&dafo(&["report", path.to_str().unwrap(), "--year", "2025"]));
    assert!(!report.contains("pasa a pendiente"), "{report}");
}

/// One rule with the `S` view: a degree without a status brings the status it
/// suggests when the status only followed the old degree, in a year already
/// reviewed too; one set by hand stays; a given one wins.
#[test]
fn a_degree_without_a_status_brings_its_status_as_the_view_does() {
    use dafo::domain::Status;
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    // 2025 begins with notes: E2 and C4 stand there at 40 and 30 en curso.
    stdout(&dafo(&["review", p, "--year", "2025", "--note", "E2=Nueve empresas", "--note", "C4=Citas"]));
    stdout(&dafo(&["review", p, "--year", "2025", "E2=100", "C4=0", "M2=50", "E1=100:en-curso"]));
    let s = dafo::storage::load(&path).unwrap();
    let at = |id: &str| s.action_review(id, 2025).map(|r| (r.degree.get(), r.status));
    assert_eq!(at("E2"), Some((100, Status::Done)), "100 is hecha, as `4` in the view");
    assert_eq!(at("C4"), Some((0, Status::Pending)));
    assert_eq!(at("M2"), Some((50, Status::Dropped)), "dropped in 2024 by hand: it stays");
    assert_eq!(at("E1"), Some((100, Status::InProgress)), "a given status wins");
}

#[test]
fn bad_reviews_are_clear_errors_that_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    // The sample is a Spanish session: its refusals speak Spanish, and English with --lang en.
    for (args, says, en) in [
        (vec!["--year", "2025", "C1=50", "C99=10"], "ninguna acción tiene el ID C99", "no action has the ID C99"),
        (vec!["--year", "2025", "C1=101"], "no es un grado de implementación", "not a degree of implementation"),
        (
            vec!["--year", "2027", "C1=50"],
            "2027 queda fuera del horizonte del plan (2023-2026)",
            "2027 is outside the plan's horizon (2023-2026)",
        ),
        (vec!["--year", "2025", "C1=50:quizás"], "no es un estado", "not a status"),
        (vec!["--year", "2025", "--value", "I1=mucho"], "I1: \"mucho\" no es un número", "is not a number"),
        (vec!["--year", "2025", "C1"], "\"C1\" no tiene la forma `ID=DEGREE", "\"C1\" is not `ID=DEGREE"),
        (vec!["--year", "2025", "--note", "C1"], "no tiene la forma `ID=TEXT`", "is not `ID=TEXT`"),
        (vec!["--year", "2025", "--value", "I1"], "no tiene la forma `ID=NUMBER`", "is not `ID=NUMBER`"),
        (
            vec!["--year", "2025", "--value", "I1=99999999999999999999"],
            "I1: «99999999999999999999» tiene más cifras de las que se pueden guardar tal cual",
            "has more digits than can be kept as written",
        ),
    ] {
        let out = dafo(&[&["review", p][..], &args].concat());
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(p) && err.contains(says) && err.contains("no se ha cambiado nada"), "{err}");
        let out = dafo(&[&["--lang", "en", "review", p][..], &args].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(en) && err.contains("nothing was changed"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    // The file lock, as the TUI takes it.
    let lock = dafo::storage::SessionLock::acquire(&path).unwrap();
    let out = dafo(&["--lang", "en", "review", p, "--year", "2025", "C1=50"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in another dafo"), "{out:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(lock);
    assert!(dafo(&["review", p, "--year", "2025", "C1=50"]).status.success());
}

/// `--value I1=-0` was stored `actual: -0.0` and exported to CSV as `'-0`.
#[test]
fn a_negative_zero_is_recorded_and_exported_as_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let out = dafo(&["review", p, "--year", "2025", "--value", "I1=-0"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let x = dafo::storage::load(&path).unwrap().indicator_value("I1", 2025).unwrap();
    assert!(x == 0.0 && x.is_sign_positive(), "{x:?}");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("-0.0"));
    let csv = dir.path().join("x.csv");
    assert!(dafo(&["export", p, "-o", csv.to_str().unwrap()]).status.success());
    assert!(!std::fs::read_to_string(&csv).unwrap().contains("'-0"));
}

#[test]
fn review_values_read_as_the_language_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let out = dafo(&["--lang", "en", "review", p, "--year", "2025", "--value", "I1=1,500", "--value", "I2=1,620.5"]);
    assert!(stdout(&out).contains("2025: 2 changes saved"), "{}", stdout(&out));
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.indicator_value("I1", 2025), Some(1500.0), "1,500 in English is fifteen hundred");
    assert_eq!(s.indicator_value("I2", 2025), Some(1620.5));
    let out = dafo(&["--lang", "es", "review", p, "--year", "2025", "--value", "I1=1.620,5"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(dafo::storage::load(&path).unwrap().indicator_value("I1", 2025), Some(1620.5));
    // `1,620` in Spanish is 1,62 by the rule and 1620 as English writes it: refused, both shown.
    let before = std::fs::read(&path).unwrap();
    let out = dafo(&["--lang", "es", "review", p, "--year", "2025", "--value", "I1=1,620"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("1,62 o 1.620") && err.contains("no se ha cambiado nada"), "{err}");
    let out = dafo(&["--lang", "en", "review", p, "--year", "2025", "--value", "I1=1.620"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("write 1.62 or 1,620"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn golden_reports_of_the_sample() {
    for (format, args) in [
        ("md", vec!["--year", "2024"]),
        ("txt", vec!["--year", "2024"]),
        ("json", vec!["--year", "2024"]),
        ("csv", vec!["--year", "2024"]),
        ("md_all", vec!["--all"]),
        ("txt_en", vec!["--all", "--lang", "en"]),
    ] {
        let f = format.split('_').next().unwrap();
        let out = dafo(&[&["report", SAMPLE, "--format", f][..], &args].concat());
        insta::assert_snapshot!(format!("report_{format}"), stdout(&out));
    }
    let html = stdout(&dafo(&["report", SAMPLE, "--format", "html"]));
    for needle in ["\">Grado de implementación por eje y línea</h2>", "text-align:right\">71,3\u{a0}%</td>", "</html>"]
    {
        assert!(html.contains(needle), "{needle}");
    }
}

#[test]
fn the_report_defaults_to_the_last_year_and_writes_out_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("informe.md");
    let o = out_path.to_str().unwrap();
    let first = dafo(&["report", SAMPLE, "--format", "md", "-o", o]);
    assert!(first.status.success());
    // Said as `dafo export -o` says it, not silently.
    assert!(String::from_utf8_lossy(&first.stderr).contains("informe.md: escrito"), "{first:?}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.starts_with("# Informe de seguimiento 2024:"), "{text}");
    let again = dafo(&["report", SAMPLE, "--format", "md", "-o", o]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("ya existe; usa --force"), "Spanish by default");
    let again = dafo(&["report", SAMPLE, "--format", "md", "-o", o, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), text, "not overwritten");
    assert!(dafo(&["report", SAMPLE, "--format", "txt", "-o", o, "--force"]).status.success());
    assert!(std::fs::read_to_string(&out_path).unwrap().starts_with("Informe de seguimiento 2024:"));
    let none = dafo(&["report", "sessions/palencia-ciudad-de-los-cuidados.ron"]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("aún no se ha revisado ningún año"), "Spanish session");
    let none = dafo(&["report", "sessions/palencia-ciudad-de-los-cuidados.ron", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("no year has been reviewed yet"));
}

#[test]
fn without_format_the_report_takes_it_from_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    for name in ["informe.docx", "informe.html", "informe.md", "informe.txt"] {
        let out = dafo(&["report", SAMPLE, "-o", at(name).to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(std::fs::read(at("informe.docx")).unwrap().starts_with(b"PK\x03\x04"), "a Word document");
    assert!(std::fs::read_to_string(at("informe.html")).unwrap().contains("<h1>"));
    assert!(std::fs::read_to_string(at("informe.md")).unwrap().starts_with("# Informe de seguimiento 2024:"));
    let text = std::fs::read_to_string(at("informe.txt")).unwrap();
    assert!(text.starts_with("Informe de seguimiento 2024:"), "{text}");
    // An extension dafo does not write is refused, the formats named, nothing written.
    for name in ["informe.pdf", "informe.notes"] {
        let out = dafo(&["report", SAMPLE, "-o", at(name).to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(name) && err.contains("docx") && err.contains("--format"), "{err}");
        assert!(!at(name).exists(), "{name} written");
    }
}

/// The text of a docx report's `word/document.xml`, tags left out.
pub(crate) fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let mut text = String::new();
    for part in xml.split('<') {
        if let Some((tag, rest)) = part.split_once('>') {
            text.push_str(rest);
            if tag == "/w:p" || tag == "/w:tc" {
                text.push('\n');
            }
        }
    }
    text
}

#[test]
fn the_docx_report_has_every_section_and_the_roll_ups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("informe.docx");
    let out = dafo(&["report", SAMPLE, "--all", "--format", "docx", "-o", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
    // A number and its unit are bound (a no-break space): never split at a cell's edge.
    let bound = docx_text(&bytes);
    assert!(bound.contains("130 (66,7\u{a0}%)") && !bound.contains("66,7 %"), "{bound}");
    let text = bound.replace('\u{a0}', " ");
    // The cover: the plan's title, then the kind of document and its years.
    for needle in [
        "Plan de servicios sociales de Almendral del Río 2023-2026",
        "Informe de seguimiento 2023-2024",
        "Estado de las acciones",
        "Grado de implementación por eje y línea",
        "1. Atención social de proximidad",
        "71,3 %",
        "72,9 %",
        "Acciones por año",
        "75 ◐!",
        "(100 ●)",
        "Indicadores",
        "130 (66,7 %)",
        "Acciones en retraso",
        "30/06/2024",
        "Límites y problemas emergentes",
        "Rotación del personal técnico de valoración",
        "Qué ha cambiado",
        "2023 → 2024",
        "+30 · pasa a en curso",
    ] {
        assert!(text.contains(needle), "{needle} missing from the docx:\n{text}");
    }
    let en = dafo(&["report", SAMPLE, "--format", "docx", "--lang", "en"]);
    assert!(en.status.success() && en.stdout.starts_with(b"PK\x03\x04"), "a zip to a pipe too");
    assert!(docx_text(&en.stdout).contains("71.3%"), "English numbers");
}

#[test]
fn several_files_join_by_id_and_the_newer_wins() {
    let dir = tempfile::tempdir().unwrap();
    let old = dafo::storage::load(Path::new(SAMPLE)).unwrap();
    // Next year's file made with `new --from`: the done actions with reviews
    // come along; then someone corrects 2024 in it and reviews 2025.
    let mut new =
        dafo::commands::carry_over(&old, "Revisión 2025", jiff::Timestamp::from_second(1_765_000_000).unwrap());
    for (id, year, degree) in [("C3", 2024, 85), ("C3", 2025, 100), ("C4", 2025, 70)] {
        let e = new.review_action(id, year, Degree::new(degree), None, None).unwrap().unwrap();
        new.apply(e).unwrap();
    }
    new.meta.modified = new.meta.created;
    let new_path = dir.path().join("revision-2025.ron");
    dafo::storage::save(&new_path, &new).unwrap();
    let out = dafo(&["report", new_path.to_str().unwrap(), SAMPLE, "--all", "--format", "md"]);
    let text = stdout(&out);
    assert!(text.contains("## Discrepancias"), "{text}");
    let clash = "| **C3** | almendral-plan-servicios-sociales-2023-2026.ron dice 80 en curso «El plan de choque se alarga por \
                 la rotación de personal»; revision-2025.ron dice 85 en curso «El plan de choque se alarga por la \
                 rotación de personal» | 2024 |";
    assert!(text.contains(clash), "{text}");
    assert!(text.contains("### 2024 → 2025"), "{text}");
    assert!(
        text.contains("**Archivos:** almendral-plan-servicios-sociales-2023-2026.ron, revision-2025.ron"),
        "{text}"
    );
    let json = stdout(&dafo(&["report", SAMPLE, new_path.to_str().unwrap(), "--year", "2024", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["discrepancies"][0]["id"], "C3");
    assert_eq!(v["discrepancies"][0]["newer"], "revision-2025.ron");
}

#[test]
fn the_reviews_example_in_the_format_docs_reads() {
    let doc = std::fs::read_to_string("docs/format.md").unwrap();
    let snippet = doc.split("```ron\n").nth(2).and_then(|r| r.split("```").next()).unwrap();
    let mut s = dafo::domain::Session::new("x", jiff::Timestamp::UNIX_EPOCH);
    s.meta.horizon = "2023-2026".parse().ok();
    let text = dafo::storage::to_ron(&s);
    let text = format!("{}{snippet})\n", text.trim_end().trim_end_matches(')'));
    let s = dafo::storage::parse(&text, Path::new("docs/format.md")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(s.reviews.len(), 2);
    assert_eq!(s.year_review(2023).map(|r| r.problems.len()), Some(2));
    assert_eq!(s.indicator_value("I1", 2023), Some(35.0));
}

/// LibreOffice turns the HTML and the docx report into PDFs whose text has
/// every section and the roll-ups, on pages that are never blank. Ignored
/// (`build.rs`) where soffice or pdftotext is missing, unless `CI` is set.
#[test]
fn libreoffice_prints_the_html_and_docx_reports() {
    if !needs(Tool::Office) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (html, docx) = (dir.path().join("informe-html.html"), dir.path().join("informe-docx.docx"));
    for (format, path) in [("html", &html), ("docx", &docx)] {
        assert!(dafo(&["report", SAMPLE, "--all", "--format", format, "-o", path.to_str().unwrap()]).status.success());
    }
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let out = Command::new("soffice")
        .env("HOME", dir.path())
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&html)
        .arg(&docx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for name in ["informe-html.pdf", "informe-docx.pdf"] {
        check_pdf(&dir.path().join(name), name);
    }
}

/// The text of a report's PDF: every section, the title whole, no blank page.
fn check_pdf(pdf: &Path, what: &str) {
    let text = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().unwrap().stdout;
    let text = String::from_utf8_lossy(&text);
    // Without white space: a line may break after a hyphen.
    let bare = |t: &str| t.split_whitespace().collect::<String>();
    // The cover: the plan's title whole, then the kind of document and its years.
    let cover = bare("Plan de servicios sociales de Almendral del Río 2023-2026 Informe de seguimiento 2023-2024");
    assert!(bare(&text).contains(&cover), "{what}: the title is not whole:\n{text}");
    for needle in [
        "Estado de las acciones",
        "Grado de implementación por eje y línea",
        "71,3 %",
        "Acciones por año",
        "Indicadores",
        "Acciones en retraso",
        "Límites y problemas emergentes",
        "Rotación del personal técnico",
        "Qué ha cambiado",
    ] {
        assert!(text.contains(needle), "{what}: {needle} missing from the PDF:\n{text}");
    }
    for page in text.split('\u{c}').filter(|p| !p.is_empty()) {
        assert!(!page.trim().is_empty(), "{what}: a blank page");
    }
}

#[test]
fn text_reports_fit_80_columns() {
    use unicode_width::UnicodeWidthStr;
    for args in [vec!["--year", "2023"], vec!["--all"], vec!["--all", "--lang", "en"]] {
        let text = stdout(&dafo(&[&["report", SAMPLE, "--format", "txt"][..], &args].concat()));
        for line in text.lines() {
            assert!(line.width() <= 80, "{} columns: {line}", line.width());
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_output_raw() {
    use dafo::domain::{Came, Session};
    use dafo::export::report::{ReportFormat, render};
    use dafo::export::report_join::join;
    use dafo::i18n::Lang;
    let mut s = Session::new("Plan <script>", jiff::Timestamp::UNIX_EPOCH);
    s.meta.horizon = "2024".parse().ok();
    let e = s.add_action(Came::Correct, "a | b *c* <b>", vec![]).unwrap();
    s.apply(e).unwrap();
    // A hand-edited file can hold anything: an escape sequence in a note.
    let e = s.review_action("C1", 2024, Degree::new(40), None, Some("nota")).unwrap().unwrap();
    s.apply(e).unwrap();
    s.reviews[0].note = Some("=HYPERLINK(\"x\") \u{1b}]52;c;bWFs\u{7}|\u{1b}[31m".into());
    let joined = join(vec![("p.ron".into(), s)], Lang::Es).unwrap();
    for format in [ReportFormat::Md, ReportFormat::Txt, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json] {
        let out = String::from_utf8(render(&joined, &[2024], format, Lang::Es)).unwrap();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{format:?}: {out}");
    }
    let md = String::from_utf8(render(&joined, &[2024], ReportFormat::Md, Lang::Es)).unwrap();
    assert!(md.contains("a \\| b \\*c\\* \\<b\\>"), "{md}");
    let html = String::from_utf8(render(&joined, &[2024], ReportFormat::Html, Lang::Es)).unwrap();
    assert!(html.contains("Plan &lt;script&gt;") && !html.contains("<script>"), "{html}");
    let csv = String::from_utf8(render(&joined, &[2024], ReportFormat::Csv, Lang::Es)).unwrap();
    assert!(csv.contains("'=HYPERLINK"), "a formula is neutralised: {csv}");
}

#[test]
fn one_change_is_said_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let out = dafo(&["review", path.to_str().unwrap(), "--year", "2025", "C1=55"]);
    assert!(stdout(&out).ends_with("2025: 1 cambio guardado\n"), "{}", stdout(&out));
    let out = dafo(&["--lang", "en", "review", path.to_str().unwrap(), "--year", "2025", "C1=60"]);
    assert!(stdout(&out).ends_with("2025: 1 change saved\n"), "{}", stdout(&out));
}

/// The status table of a report in `format`: each row's label and its counts, one per year.
fn status_table(format: &str, bytes: &[u8], years: usize) -> Vec<(String, Vec<usize>)> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    // Each row as its cells' texts, tags and emphasis left out.
    let strip = |cell: &str| {
        let mut out = String::new();
        for part in cell.split('<') {
            out.push_str(part.split_once('>').map_or(part, |(_, rest)| rest));
        }
        out.trim().trim_matches('*').trim().to_owned()
    };
    let rows: Vec<Vec<String>> = match format {
        "md" => {
            let section = text.split("## Estado de las acciones").nth(1).unwrap().split("\n\n").nth(1).unwrap();
            section.lines().skip(2).map(|l| l.split('|').map(strip).collect::<Vec<_>>()).collect()
        }
        "txt" => {
            let section = text.split("ESTADO DE LAS ACCIONES").nth(1).unwrap().split("De ellas").next().unwrap();
            section
                .lines()
                .skip(3)
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect())
                .collect()
        }
        "html" => {
            let section = text.split("Estado de las acciones</h2>").nth(1).unwrap().split("</table>").next().unwrap();
            section
                .split("</tr>")
                .skip(1)
                .filter(|r| r.contains("<td"))
                .map(|r| r.split("</td>").map(strip).collect())
                .collect()
        }
        _ => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
            // The heading, not the table of contents: its paragraph is followed by the table.
            let heading = |p: &&str| p.split_once("</w:p>").is_some_and(|(_, after)| after.starts_with("<w:tbl>"));
            let section = xml.split("Estado de las acciones").skip(1).find(heading).unwrap();
            let section = section.split("</w:tbl>").next().unwrap();
            section
                .split("</w:tr>")
                .skip(1)
                .filter(|r| r.contains("<w:tc"))
                .map(|r| r.split("</w:tc>").map(strip).collect())
                .collect()
        }
    };
    rows.into_iter()
        .map(|cells| {
            let cells: Vec<String> = cells.into_iter().filter(|c| !c.is_empty()).collect();
            let label = cells.iter().rfind(|c| c.parse::<usize>().is_err()).cloned().unwrap_or_default();
            let counts: Vec<usize> = cells[cells.len() - years..].iter().map(|c| c.parse().unwrap()).collect();
            (label, counts)
        })
        .collect()
}

#[test]
fn the_status_table_adds_up_to_its_total_and_says_late_apart() {
    let out = dafo(&["report", SAMPLE, "--format", "md"]);
    let md = stdout(&out);
    let section = md.split("## Estado de las acciones").nth(1).unwrap();
    let late = section.lines().find(|l| l.starts_with("De ellas, en retraso")).unwrap_or_default();
    assert!(late.ends_with(": 2"), "the late flag, apart: {section}");
    // Every year and format: each action in one row, so the rows add up to
    // the Total. An action with no review yet (`—` in the actions × years
    // table) is sin revisar, not pendiente too: in 2023, C4, E2 and M2.
    let dir = tempfile::tempdir().unwrap();
    for (years, n) in [(&["--year", "2023"][..], 1), (&["--year", "2024"][..], 1), (&["--all"][..], 2)] {
        for format in ["md", "txt", "html", "docx"] {
            let at = dir.path().join(format!("informe{}.{format}", years.join("")));
            let mut args = vec!["report", SAMPLE, "--format", format, "-o", at.to_str().unwrap()];
            args.extend(years);
            stdout(&dafo(&args));
            let table = status_table(format, &std::fs::read(&at).unwrap(), n);
            let Some((total, rows)) = table.split_last() else { panic!("{format} {years:?}: no table") };
            assert!(total.0.contains("Total") && rows.len() == 5, "{format} {years:?}: {table:?}");
            for y in 0..n {
                let sum: usize = rows.iter().map(|r| r.1[y]).sum();
                assert_eq!(sum, total.1[y], "{format} {years:?}: {table:?}");
            }
            if years.contains(&"2023") || n == 2 {
                let counts: Vec<(&str, usize)> = rows.iter().map(|r| (r.0.as_str(), r.1[0])).collect();
                assert_eq!(
                    counts,
                    [("pendiente", 0), ("en curso", 5), ("hecha", 3), ("descartada", 0), ("sin revisar", 3)],
                    "{format} {years:?}"
                );
            }
        }
        // The JSON's counts and unreviewed add up to the year's rows.
        let mut args = vec!["report", SAMPLE, "--format", "json"];
        args.extend(years);
        let v: serde_json::Value = serde_json::from_str(&stdout(&dafo(&args))).unwrap();
        for year in v["years"].as_array().unwrap() {
            let y = year["year"].as_i64().unwrap();
            let counts = &year["counts"];
            let sum: u64 =
                ["pending", "in_progress", "done", "dropped"].iter().map(|k| counts[k].as_u64().unwrap()).sum();
            let rows = v["rows"].as_array().unwrap().iter().filter(|r| r["year"].as_i64() == Some(y)).count();
            assert_eq!(sum + year["unreviewed"].as_u64().unwrap(), rows as u64, "json {y}: {year}");
        }
    }
}

#[test]
fn a_year_not_over_lists_as_late_only_what_was_due_before_today() {
    let late = |today: &str, format: &str| {
        let out = stdout(&dafo_on(today, &["report", SAMPLE, "--year", "2026", "--format", format]));
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            v["years"][0]["late"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect::<Vec<_>>()
        } else {
            let section = out.split("## Acciones en retraso").nth(1).unwrap().split("\n## ").next().unwrap().to_owned();
            section.lines().filter_map(|l| l.strip_prefix("| **")?.split("**").next().map(str::to_owned)).collect()
        }
    };
    // In June 2026, E1 and M3 (due 31/12/2026) still have half a year: not late.
    assert_eq!(late("2026-06-01", "md"), ["C2", "C3", "C4", "E2", "AF1"]);
    assert_eq!(late("2026-06-01", "json"), ["C2", "C3", "C4", "E2", "AF1"]);
    // Once the year is over, they are.
    assert_eq!(late("2027-01-15", "md"), ["C2", "C3", "C4", "E1", "E2", "AF1", "M3"]);
    // Before 2026 began, nothing due in 2026 could be late either.
    let early = late("2025-02-01", "md");
    assert!(!early.iter().any(|id| ["E1", "M3", "C4", "E2", "AF1"].contains(&id.as_str())), "{early:?}");
    let csv = stdout(&dafo_on("2026-06-01", &["report", SAMPLE, "--year", "2026", "--format", "csv"]));
    let e1 = csv.lines().find(|l| l.contains(";E1;") || l.contains(",E1,")).unwrap();
    assert!(e1.contains("false"), "{e1}");
}

#[test]
fn a_degree_before_the_action_starts_is_recorded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    // C4 starts in 2024.
    let out = dafo(&["review", path.to_str().unwrap(), "--year", "2023", "C4=50", "C1=75"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("C4 empieza en 2024") && err.contains("2023"), "{err}");
    assert!(!err.contains("C1 empieza"), "{err}");
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.action_review("C4", 2023).map(|r| r.degree.get()), Some(50));
}

#[test]
fn review_records_money_committed_and_paid_in_the_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let out = dafo(&["review", p, "--year", "2025", "--committed", "C3=1.500", "--paid", "C3=1.200,50"]);
    stdout(&out);
    let s = dafo::storage::load(&path).unwrap();
    let r = s.action_review("C3", 2025).unwrap();
    assert_eq!((r.committed.map(|e| e.cents), r.paid.map(|e| e.cents)), (Some(150_000), Some(120_050)));
    // Never another number: negative, not a number, or an English-looking amount that reads two ways.
    for bad in ["C3=-5", "C3=mucho", "C3=1,620"] {
        let out = dafo(&["review", p, "--year", "2025", "--paid", bad]);
        assert!(!out.status.success(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("C3") && err.contains("no se ha cambiado nada"), "{bad}: {err}");
    }
    let s2 = dafo::storage::load(&path).unwrap();
    assert_eq!(s2.action_review("C3", 2025), s.action_review("C3", 2025));
    // An empty amount clears it.
    stdout(&dafo(&["review", p, "--year", "2025", "--paid", "C3="]));
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.action_review("C3", 2025).and_then(|r| r.paid), None);
}

#[test]
fn review_refuses_a_fraction_of_a_cent_instead_of_rounding_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    for bad in ["C3=0,001", "C3=1.000,005"] {
        let out = dafo(&["review", p, "--year", "2025", "--committed", bad]);
        assert!(!out.status.success(), "{bad} was taken");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no es un importe en euros") && err.contains("céntimos") && err.contains("1.000.000.000"),
            "{bad}: {err}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file changed");
    // Whole cents still read.
    stdout(&dafo(&["review", p, "--year", "2025", "--committed", "C3=1.000,05"]));
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.action_review("C3", 2025).and_then(|r| r.committed).map(|e| e.cents), Some(100_005));
}

#[test]
fn check_refuses_money_outside_the_horizon_and_unknown_funding_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut s = dafo::storage::load(&path).unwrap();
    let euros = dafo::domain::Euros { cents: 100_000 };
    s.correct[0].budget = vec![dafo::domain::YearAmount { year: 2030, amount: euros }];
    s.correct[1].funding = Some("Lotería".into());
    std::fs::write(&path, dafo::storage::to_ron(&s)).unwrap();
    let out = dafo(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    let c1 = &s.correct[0].id;
    assert!(said.contains(&format!("{c1}: un importe para 2030, fuera del horizonte del plan (2023-2026)")), "{said}");
    assert!(said.contains("«Lotería» no es una fuente de financiación de la sesión"), "{said}");
    let out = dafo(&["check", path.to_str().unwrap(), "--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("outside the plan's horizon"));
}
