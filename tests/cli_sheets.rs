//! Owners' sheets through the built binary, on the bundled Almendral plan:
//! `dafo review --sheets` writes one per owner and never overwrites without
//! `--force`; the sheets come back filled (written by the test as an owner's
//! spreadsheet would, and re-saved by LibreOffice Calc as xlsx and as Spanish
//! CSV) and `--from-sheets` shows the change, asks, records it with `--yes`,
//! refuses bad rows with their place, and changes nothing the second time.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{Tmux, Tool, dafo_bin, dafo_command, needs, sh_quote};
use dafo::domain::{Session, Status};
use dafo::i18n::Lang;
use dafo::sheets::{Cell, Col, OwnerSheets, build, write};

pub const SAMPLE: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}

fn dafo(args: &[&str]) -> Output {
    dafo_command(args).env("DAFO_TODAY", "2026-02-01").output().unwrap()
}

fn out(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// Sets the cell `col` of the row of `id` in the actions (or indicators) table.
fn fill(sheets: &mut OwnerSheets, id: &str, col: Col, cell: Cell) {
    let table = if col == Col::Value { &mut sheets.indicators } else { &mut sheets.actions };
    let (i, c) = (
        table.columns.iter().position(|x| *x == Col::Id).unwrap(),
        table.columns.iter().position(|x| *x == col).unwrap(),
    );
    let row = table.rows.iter_mut().find(|r| r[i] == Cell::Text(id.into())).unwrap();
    row[c] = cell;
}

/// The Jefatura's 2025 sheet filled in: C3 done, C4 at 60 with a note, I1 = 95,5.
fn jefatura_filled(s: &Session) -> OwnerSheets {
    let mut sheets = build(s, 2025, Lang::Es);
    let mut j = sheets
        .remove(sheets.iter().position(|o| o.owner.as_deref() == Some("Jefatura de Servicios Sociales")).unwrap());
    fill(&mut j, "C3", Col::Degree, Cell::Number(100.0));
    fill(&mut j, "C3", Col::Status, Cell::Text("hecha".into()));
    fill(&mut j, "C4", Col::Degree, Cell::Number(60.0));
    fill(&mut j, "C4", Col::Note, Cell::Text("Citas compartidas; «sistema» en pruebas".into()));
    fill(&mut j, "I1", Col::Value, Cell::Number(95.5));
    // Money: a number cell, and a Spanish amount typed as text.
    fill(&mut j, "C3", Col::Committed, Cell::Number(1500.5));
    fill(&mut j, "C4", Col::Paid, Cell::Text("1.200,50".into()));
    j
}

fn check_recorded(path: &Path, with_value: bool) {
    let s = dafo::storage::load(path).unwrap();
    let c3 = s.action_review("C3", 2025).unwrap();
    assert_eq!((c3.degree.get(), c3.status), (100, Status::Done));
    let c4 = s.action_review("C4", 2025).unwrap();
    assert_eq!((c4.degree.get(), c4.note.as_deref()), (60, Some("Citas compartidas; «sistema» en pruebas")));
    assert_eq!((c3.committed.map(|e| e.cents), c4.paid.map(|e| e.cents)), (Some(150_050), Some(120_050)));
    if with_value {
        assert_eq!(s.indicator_value("I1", 2025), Some(95.5));
    }
}

#[test]
fn sheets_for_every_owner_filled_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let sheets = dir.path().join("hojas");
    let o = dafo(&["review", p, "--year", "2025", "--sheets", sheets.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out(&o));
    let session = dafo::storage::load(&path).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&sheets).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    // Seven owners in the plan, every action has one.
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(names.iter().any(|n| n == "jefatura-de-servicios-sociales-2025.xlsx"));
    // Never over what is there without --force; nothing written then.
    let before = std::fs::read(sheets.join("area-de-inclusion-2025.xlsx")).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--sheets", sheets.to_str().unwrap()]);
    assert!(!o.status.success() && out(&o).contains("ya existe"), "{}", out(&o));
    assert_eq!(std::fs::read(sheets.join("area-de-inclusion-2025.xlsx")).unwrap(), before);
    let o = dafo(&["review", p, "--year", "2025", "--sheets", sheets.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", out(&o));

    // The Jefatura sends its sheet back filled.
    let back = dir.path().join("vuelta");
    std::fs::create_dir(&back).unwrap();
    let filled = write::xlsx(&jefatura_filled(&session), &session.meta.title, 2025, Lang::Es).unwrap();
    std::fs::write(back.join("jefatura.xlsx"), filled).unwrap();
    let b = back.to_str().unwrap();
    // No terminal and no --yes: the diff is shown, nothing recorded.
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", b]);
    let said = out(&o);
    assert!(o.status.success(), "{said}");
    assert!(said.contains("C3: Grado 2025 — → 100; Estado 2025 — → hecha"), "{said}");
    assert!(said.contains("I1: Valor 2025 — → 95,5"), "{said}");
    assert!(said.contains("Comprometido 2025 (€) — → 1.500,50 €"), "{said}");
    assert!(said.contains("«sistema» en pruebas»; Pagado 2025 (€) — → 1.200,50 €"), "{said}");
    // The same "tú" as every other Spanish message ("usa --force").
    assert!(said.contains("no se ha aplicado nada: usa --yes para aplicarlo"), "{said}");
    assert_eq!(dafo::storage::load(&path).unwrap(), session);
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", b, "--yes"]);
    assert!(o.status.success() && out(&o).contains("cambios guardados"), "{}", out(&o));
    check_recorded(&path, true);
    // The informe of 2025 shows the note.
    let o = dafo(&["report", p, "--year", "2025", "--format", "md"]);
    assert!(out(&o).contains("Citas compartidas"), "{}", out(&o));
    // Twice: nothing changes, and it says so.
    let saved = std::fs::read(&path).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", b, "--yes"]);
    assert!(out(&o).contains("todas las respuestas ya están en la sesión"), "{}", out(&o));
    assert_eq!(std::fs::read(&path).unwrap(), saved);
}

#[test]
fn refused_rows_change_nothing_unless_partial() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let session = dafo::storage::load(&path).unwrap();
    let mut j = jefatura_filled(&session);
    fill(&mut j, "M3", Col::Degree, Cell::Number(140.0));
    fill(&mut j, "M3", Col::Status, Cell::Text("done".into()));
    fill(&mut j, "M3", Col::Paid, Cell::Text("-5".into()));
    // A percentage typed in a column of euros (it was stored as 50 €).
    fill(&mut j, "M3", Col::Committed, Cell::Text("50 %".into()));
    let file = dir.path().join("j.xlsx");
    std::fs::write(&file, write::xlsx(&j, &session.meta.title, 2025, Lang::Es).unwrap()).unwrap();
    let f = file.to_str().unwrap();
    let saved = std::fs::read(&path).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", f, "--yes"]);
    let said = out(&o);
    assert!(!o.status.success(), "{said}");
    assert!(said.contains("j.xlsx: hoja Acciones, fila 2, columna J (Grado 2025): \"140\" no es un grado"), "{said}");
    assert!(said.contains("fila 2, columna K (Estado 2025): \"done\" no es un estado"), "{said}");
    assert!(said.contains("fila 2, columna N (Pagado 2025 (€)): \"-5\" no es un importe en euros"), "{said}");
    assert!(said.contains("(Comprometido 2025 (€)): \"50 %\" no es un importe en euros"), "{said}");
    assert!(said.contains("1 fila rechazada; no se ha cambiado nada"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), saved);
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", f, "--yes", "--partial"]);
    let said = out(&o);
    assert!(o.status.success() && said.contains("Omitidas (1)"), "{said}");
    check_recorded(&path, true);
    assert_eq!(dafo::storage::load(&path).unwrap().action_review("M3", 2025), None);
    // A file given that is not there is no row: counted as a file, beside the rows.
    let missing = dir.path().join("nodir");
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", f, missing.to_str().unwrap(), "--yes"]);
    let said = out(&o);
    assert!(said.contains("1 fila rechazada y 1 archivo sin leer; no se ha cambiado nada"), "{said}");
}

/// `--from-sheets nodir` said "no existe", then "1 fila rechazada": no row was there.
#[test]
fn a_sheet_file_that_is_not_there_is_no_refused_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let saved = std::fs::read(&path).unwrap();
    let missing = dir.path().join("nodir");
    for (lang, file, row) in [
        ("es", "1 archivo sin leer; no se ha cambiado nada", "fila"),
        ("ca", "1 fitxer sense llegir; no s'ha canviat res", "fila"),
        ("en", "1 file not read; nothing was changed", "row"),
    ] {
        let o = dafo(&["--lang", lang, "review", p, "--year", "2025", "--from-sheets", missing.to_str().unwrap()]);
        let said = out(&o);
        assert_eq!(o.status.code(), Some(1), "{lang}: {said}");
        assert!(said.contains(file) && !said.contains(row), "{lang}: {said}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), saved);
}

#[test]
fn an_answer_late_for_a_change_made_since_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let session = dafo::storage::load(&path).unwrap();
    let file = dir.path().join("j.xlsx");
    std::fs::write(&file, write::xlsx(&jefatura_filled(&session), &session.meta.title, 2025, Lang::Es).unwrap())
        .unwrap();
    // The committee records C4 in the room before the sheet comes back.
    assert!(dafo(&["review", p, "--year", "2025", "C4=45"]).status.success());
    let f = file.to_str().unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", f, "--yes"]);
    let said = out(&o);
    assert!(said.contains("En conflicto (1), no aplicados") && said.contains("C4: cambiado en la sesión"), "{said}");
    // The rest is recorded; the status says that something waits (it said success).
    assert_eq!(o.status.code(), Some(1), "{said}");
    let s = dafo::storage::load(&path).unwrap();
    assert_eq!(s.action_review("C4", 2025).map(|r| r.degree.get()), Some(45));
    assert_eq!(s.action_review("C3", 2025).map(|r| r.degree.get()), Some(100));
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", f, "--yes", "--force-stale"]);
    assert!(o.status.success(), "{}", out(&o));
    check_recorded(&path, true);
}

/// A status cell left as the sheet was written is no status given: it follows
/// the degree typed, as in the `S` view and `dafo review ID=DEGREE`; a status
/// typed wins.
#[test]
fn a_degree_typed_with_the_status_cell_left_brings_the_status_it_suggests() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    // 2025 begins with notes: C4 and M3 stand at 30 and 75 en curso, and the sheet says so.
    assert!(dafo(&["review", p, "--year", "2025", "--note", "C4=Citas", "--note", "M3=Memoria"]).status.success());
    let session = dafo::storage::load(&path).unwrap();
    let mut sheets = build(&session, 2025, Lang::Es);
    let mut j = sheets
        .remove(sheets.iter().position(|o| o.owner.as_deref() == Some("Jefatura de Servicios Sociales")).unwrap());
    fill(&mut j, "C4", Col::Degree, Cell::Number(100.0));
    fill(&mut j, "M3", Col::Degree, Cell::Number(0.0));
    fill(&mut j, "C3", Col::Degree, Cell::Number(100.0));
    fill(&mut j, "C3", Col::Status, Cell::Text("en curso".into()));
    let file = dir.path().join("j.csv");
    std::fs::write(&file, write::csv(&j.actions, 2025, Lang::Es).unwrap()).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", file.to_str().unwrap(), "--yes"]);
    let said = out(&o);
    assert!(o.status.success() && said.contains("Estado 2025 en curso → hecha"), "{said}");
    let s = dafo::storage::load(&path).unwrap();
    let at = |id: &str| s.action_review(id, 2025).map(|r| (r.degree.get(), r.status));
    assert_eq!(at("C4"), Some((100, Status::Done)));
    assert_eq!(at("M3"), Some((0, Status::Pending)));
    assert_eq!(at("C3"), Some((100, Status::InProgress)), "a status typed wins");
}

/// The sample copied into `dir` and its 2025 sheets written there as CSV (`dir/csv`).
fn sample_with_csv_sheets(dir: &Path) -> (PathBuf, PathBuf) {
    let path = copy_sample(dir);
    let sheets = dir.join("csv");
    let o = dafo(&[
        "review",
        path.to_str().unwrap(),
        "--year",
        "2025",
        "--sheets",
        sheets.to_str().unwrap(),
        "--sheets-format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", out(&o));
    (path, sheets)
}

#[test]
fn csv_sheets_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (path, sheets) = sample_with_csv_sheets(dir.path());
    let p = path.to_str().unwrap();
    // A year outside the plan's horizon writes nothing.
    let o = dafo(&["review", p, "--year", "2031", "--sheets", dir.path().join("no").to_str().unwrap()]);
    assert!(
        !o.status.success() && out(&o).contains("2031 queda fuera del horizonte del plan (2023-2026)"),
        "{}",
        out(&o)
    );
    assert!(!dir.path().join("no").exists());
    let file = sheets.join("jefatura-de-servicios-sociales-2025.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    // C3's row: fill degree, status, note and the money committed (the cells before paid and the fingerprint).
    let filled: Vec<String> = text
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.rsplitn(7, ';').collect();
            match cells.as_slice() {
                [print, paid, "", "", "", "", rest] if l.starts_with("C3;") => {
                    format!("{rest};100;hecha;\"Hecho; con =SUMA(A1)\";1.500,50;{paid};{print}")
                }
                _ => l.to_owned(),
            }
        })
        .collect();
    assert_ne!(filled.join("\n"), text.trim_end());
    std::fs::write(&file, filled.join("\n")).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", file.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", out(&o));
    let s = dafo::storage::load(&path).unwrap();
    let c3 = s.action_review("C3", 2025).unwrap();
    assert_eq!((c3.degree.get(), c3.note.as_deref()), (100, Some("Hecho; con =SUMA(A1)")));
    assert_eq!(c3.committed.map(|e| e.cents), Some(150_050), "a Spanish amount in a `;` CSV");
}

/// Runs headless LibreOffice with a profile of its own; the output must exist.
fn soffice(profile: &Path, to: &str, input: &Path, outdir: &Path) {
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(input)
        .env("LC_ALL", "es_ES.UTF-8")
        .env("HOME", profile)
        .output()
        .unwrap();
    assert!(o.status.success(), "soffice: {}", out(&o));
}

#[test]
fn sheets_resaved_by_libreoffice_calc_read_back() {
    if !needs(Tool::Calc) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let session = dafo::storage::load(Path::new(SAMPLE)).unwrap();
    let filled = dir.path().join("jefatura.xlsx");
    std::fs::write(&filled, write::xlsx(&jefatura_filled(&session), &session.meta.title, 2025, Lang::Es).unwrap())
        .unwrap();
    // xlsx → xlsx, as an owner who opens the sheet in Calc and saves it.
    let xlsx = dir.path().join("xlsx");
    soffice(&profile, "xlsx", &filled, &xlsx);
    let resaved = xlsx.join("jefatura.xlsx");
    assert!(resaved.is_file(), "Calc wrote no xlsx");
    let path = copy_sample(dir.path());
    let o = dafo(&[
        "review",
        path.to_str().unwrap(),
        "--year",
        "2025",
        "--from-sheets",
        resaved.to_str().unwrap(),
        "--yes",
    ]);
    assert!(o.status.success(), "{}", out(&o));
    check_recorded(&path, true);
    // xlsx → CSV with `;` in a Spanish locale, every sheet (Calc names them jefatura-Acciones.csv…).
    let csv = dir.path().join("csv");
    soffice(&profile, "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1", &filled, &csv);
    let made: Vec<_> = std::fs::read_dir(&csv).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(made.len() >= 2, "{made:?}");
    let path = dir.path().join("again.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let o =
        dafo(&["review", path.to_str().unwrap(), "--year", "2025", "--from-sheets", csv.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", out(&o));
    check_recorded(&path, true);
}

#[test]
fn on_a_terminal_it_asks_before_recording() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let session = dafo::storage::load(&path).unwrap();
    let file = dir.path().join("j.xlsx");
    std::fs::write(&file, write::xlsx(&jefatura_filled(&session), &session.meta.title, 2025, Lang::Es).unwrap())
        .unwrap();
    let cmd = format!(
        "{} review {} --year 2025 --from-sheets {}",
        dafo_bin(),
        sh_quote(&path.to_string_lossy()),
        sh_quote(&file.to_string_lossy())
    );
    // Answered no: nothing recorded.
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 30) else { return };
    t.wait_for("¿Aplicar estos cambios? [s/N]");
    t.type_text("n");
    t.press("Enter");
    assert_eq!(t.wait_exit(), 0);
    assert!(t.screen().contains("no se ha aplicado nada"));
    assert_eq!(dafo::storage::load(&path).unwrap(), session);
    drop(t);
    // Answered sí: recorded.
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 30) else { return };
    t.wait_for("C4: Grado 2025 — → 60");
    t.wait_for("¿Aplicar estos cambios? [s/N]");
    t.type_text("sí");
    t.press("Enter");
    assert_eq!(t.wait_exit(), 0);
    check_recorded(&path, true);
}

/// Sheets written in English (`--lang en`) are read back by a Spanish session:
/// their headers, status words and numbers (`1,500.50`, `12.5`) are the
/// sheet's language. Files refused on their header are counted as files, not rows.
#[test]
fn sheets_written_in_another_language_read_back_and_refused_files_count_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let sheets = dir.path().join("hen");
    let s = sheets.to_str().unwrap();
    let o = dafo(&["--lang", "en", "review", p, "--year", "2025", "--sheets", s, "--sheets-format", "csv"]);
    assert!(o.status.success(), "{}", out(&o));
    let edit = |name: &str, f: &dyn Fn(&str) -> Option<String>| {
        let file = sheets.join(name);
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<String> = text.lines().map(|l| f(l).unwrap_or_else(|| l.to_owned())).collect();
        assert_ne!(lines.join("\n"), text.trim_end(), "{name} filled");
        std::fs::write(&file, lines.join("\n")).unwrap();
    };
    edit("jefatura-de-servicios-sociales-2025.csv", &|l| {
        let cells: Vec<&str> = l.rsplitn(7, ',').collect();
        match cells.as_slice() {
            [print, paid, "", "", "", "", rest] if l.starts_with("C3,") => {
                Some(format!("{rest},100,done,Finished,\"1,500.50\",{paid},{print}"))
            }
            _ => None,
        }
    });
    edit("jefatura-de-servicios-sociales-2025-indicators.csv", &|l| {
        let cells: Vec<&str> = l.rsplitn(3, ',').collect();
        match cells.as_slice() {
            [print, "", rest] if l.starts_with("I1,") => Some(format!("{rest},12.5,{print}")),
            _ => None,
        }
    });
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", s, "--yes"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(!out(&o).contains("no es una hoja"), "{}", out(&o));
    let session = dafo::storage::load(&path).unwrap();
    let c3 = session.action_review("C3", 2025).unwrap();
    assert_eq!((c3.degree.get(), c3.status, c3.note.as_deref()), (100, Status::Done, Some("Finished")));
    assert_eq!(c3.committed.map(|e| e.cents), Some(150_050), "an English amount in an English sheet");
    assert_eq!(session.indicator_value("I1", 2025), Some(12.5), "an English decimal point");
    // Two files that are no sheet of dafo's: two files refused, no rows.
    std::fs::write(sheets.join("x.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(sheets.join("y.csv"), "a,b\n1,2\n").unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", s]);
    let said = out(&o);
    assert!(!o.status.success(), "{said}");
    assert!(said.contains("2 archivos sin leer") && !said.contains("filas rechazadas"), "{said}");
}

/// The cells of the row of `id` in a `;` CSV sheet, by header.
fn csv_row(text: &str, id: &str) -> Vec<(String, String)> {
    let mut r = ::csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let row = r.records().map(Result::unwrap).find(|row| &row[0] == id).unwrap();
    headers.into_iter().zip(row.iter().map(str::to_owned)).collect()
}

#[test]
fn the_previous_years_columns_say_where_an_action_stood_and_read_back_as_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let p = path.to_str().unwrap();
    let saved = std::fs::read(&path).unwrap();
    for format in ["csv", "xlsx"] {
        let sheets = dir.path().join(format!("hojas-{format}"));
        let o = dafo(&["review", p, "--year", "2025", "--sheets", sheets.to_str().unwrap(), "--sheets-format", format]);
        assert!(o.status.success(), "{}", out(&o));
        if format == "csv" {
            let read = |name: &str| std::fs::read_to_string(sheets.join(name)).unwrap();
            let prev = |name: &str, id: &str| {
                let row = csv_row(&read(name), id);
                let cell = |h: &str| row.iter().find(|(k, _)| k == h).map(|(_, v)| v.clone()).unwrap();
                (cell("Grado 2024"), cell("Estado 2024"))
            };
            // C1, M1 and AF2 were done in 2023 and not reviewed in 2024: where they
            // stood, with the year of that review (the S view's `(100 ● 2023)`).
            let done_2023 = ("100 (2023)".to_owned(), "hecha (2023)".to_owned());
            assert_eq!(prev("recursos-humanos-2025.csv", "C1"), done_2023);
            assert_eq!(prev("concejalia-de-servicios-sociales-2025.csv", "M1"), done_2023);
            assert_eq!(prev("equipo-de-atencion-primaria-2025.csv", "AF2"), done_2023);
            // A review of 2024 itself, as it is.
            assert_eq!(prev("jefatura-de-servicios-sociales-2025.csv", "C3"), ("80".to_owned(), "en curso".to_owned()));
        }
        // Sent back untouched: nothing to change, nothing recorded.
        let o = dafo(&["review", p, "--year", "2025", "--from-sheets", sheets.to_str().unwrap(), "--yes"]);
        assert!(o.status.success() && out(&o).contains("nada que cambiar"), "{format}: {}", out(&o));
        assert_eq!(std::fs::read(&path).unwrap(), saved, "{format}");
    }
    // In the xlsx too, as text beside the numbers of a 2024 review.
    let s = dafo::storage::load(&path).unwrap();
    let sheets = build(&s, 2025, Lang::Es);
    let row = |id: &str| {
        let t =
            sheets.iter().map(|o| &o.actions).find(|t| t.rows.iter().any(|r| r[0] == Cell::Text(id.into()))).unwrap();
        let at = |c: Col| t.columns.iter().position(|x| *x == c).unwrap();
        let r = t.rows.iter().find(|r| r[0] == Cell::Text(id.into())).unwrap();
        (r[at(Col::PrevDegree)].clone(), r[at(Col::PrevStatus)].clone())
    };
    assert_eq!(row("C1"), (Cell::Text("100 (2023)".into()), Cell::Text("hecha (2023)".into())));
    assert_eq!(row("C3"), (Cell::Number(80.0), Cell::Text("en curso".into())));
    // Before any review, nothing: E2 began in 2024, C4 too, and neither was reviewed in 2023.
    let first = build(&s, 2024, Lang::Es);
    let t = first.iter().map(|o| &o.actions).find(|t| t.rows.iter().any(|r| r[0] == Cell::Text("C4".into()))).unwrap();
    let at = t.columns.iter().position(|x| *x == Col::PrevDegree).unwrap();
    assert_eq!(t.rows.iter().find(|r| r[0] == Cell::Text("C4".into())).unwrap()[at], Cell::Empty);
}

/// A sheet with a column twice (`Grado 2025` copied beside itself): the last
/// answer read was recorded and the owner's other one dropped without a word.
#[test]
fn a_sheet_with_a_column_twice_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, sheets) = sample_with_csv_sheets(dir.path());
    let p = path.to_str().unwrap();
    let file = sheets.join("jefatura-de-servicios-sociales-2025.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let header = text.lines().next().unwrap();
    let degree = header.split(';').position(|h| h == "Grado 2025").unwrap();
    // C3 answers 50 in the sheet's column and 80 in the copy at the end.
    let doubled: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut cells: Vec<String> = l.split(';').map(str::to_owned).collect();
            let extra = match i {
                0 => "Grado 2025",
                _ if l.starts_with("C3;") => {
                    cells[degree] = "50".into();
                    "80"
                }
                _ => "",
            };
            cells.push(extra.into());
            cells.join(";")
        })
        .collect();
    std::fs::write(&file, doubled.join("\n")).unwrap();
    let saved = std::fs::read(&path).unwrap();
    let o = dafo(&["review", p, "--year", "2025", "--from-sheets", file.to_str().unwrap(), "--yes"]);
    let said = out(&o);
    assert!(!o.status.success(), "{said}");
    assert!(said.contains("la columna «Grado 2025» está dos veces"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), saved, "nothing recorded");
}
