//! Tests of the owners' sheets: built from a plan, written as xlsx and CSV, read
//! back, checked against the session and recorded through `dafo review`'s path.

use std::path::Path;

use super::answers::{parse, review_args, sort};
use super::read::{Grid, read};
use super::*;
use crate::commands::review::edits;
use crate::domain::{Came, Horizon, Status};

fn plan() -> Session {
    let mut s = Session::new("Plan", jiff::Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2023, 2026).ok();
    for (c, t, owner) in [
        (Came::Correct, "Contratar", Some("Ana Pérez")),
        (Came::Correct, "Cita previa", Some("Ana Pérez")),
        (Came::Confront, "Vivienda", Some("Luis")),
        (Came::Maintain, "Consejo", None),
    ] {
        let e = s.add_action(c, t, vec![]).unwrap();
        s.apply(e).unwrap();
        let a = s.actions(c).len() - 1;
        match c {
            Came::Correct => s.correct[a].owner = owner.map(str::to_owned),
            Came::Confront => s.confront[a].owner = owner.map(str::to_owned),
            _ => s.maintain[a].owner = owner.map(str::to_owned),
        }
    }
    let e = s.add_indicator("Casos").unwrap();
    s.apply(e).unwrap();
    s.correct[0].indicators = vec!["I1".into()];
    let e = s.review_action("C1", 2023, Degree::new(50), None, Some("Una contratada")).unwrap().unwrap();
    s.apply(e).unwrap();
    let e = s.set_indicator_value("I1", 2023, Some(35.0)).unwrap().unwrap();
    s.apply(e).unwrap();
    s
}

use crate::domain::Degree;

/// The column of `col` in `table`.
fn at(table: &Table, col: Col) -> usize {
    table.columns.iter().position(|c| *c == col).unwrap()
}

/// Sets the fill cell `col` of the row of `id` (as shown).
fn fill(table: &mut Table, id: &str, col: Col, cell: Cell) {
    let (i, c) = (at(table, Col::Id), at(table, col));
    let row = table.rows.iter_mut().find(|r| r[i] == Cell::Text(id.into())).unwrap();
    row[c] = cell;
}

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

/// Writes `files` into a temp dir and reads every grid back.
fn grids(files: &[(String, Vec<u8>)]) -> (tempfile::TempDir, Vec<Grid>) {
    grids_in(crate::i18n::Lang::Es, files)
}

/// [`grids`] read in a session of `lang`.
fn grids_in(lang: Lang, files: &[(String, Vec<u8>)]) -> (tempfile::TempDir, Vec<Grid>) {
    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    for (name, bytes) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        out.extend(read(&p, lang).unwrap());
    }
    (dir, out)
}

/// Imports `grids` into `s` as `dafo review --from-sheets --yes` does.
fn import(s: &Session, grids: &[Grid], lang: Lang, force: bool) -> (Session, answers::Sorted, Vec<String>) {
    let parsed = parse(grids, s, 2024, lang);
    let sorted = sort(s, 2024, parsed.answers.clone(), force);
    let mut after = s.clone();
    if let Some(e) = edits(s, Path::new("p.ron"), &review_args(2024, &sorted.changes, lang), lang).unwrap() {
        after.apply(e).unwrap();
    }
    (after, sorted, parsed.refused)
}

#[test]
fn one_sheet_per_owner_and_one_without() {
    let s = plan();
    let sheets = build(&s, 2024, Lang::En);
    let owners: Vec<_> = sheets.iter().map(|o| o.owner.clone()).collect();
    assert_eq!(owners, [Some("Ana Pérez".to_owned()), Some("Luis".to_owned()), None]);
    let ana = &sheets[0].actions;
    assert_eq!(ana.rows.len(), 2);
    // IDs as the screen shows them in English; the confront action is CF1.
    assert_eq!(sheets[1].actions.rows[0][at(&sheets[1].actions, Col::Id)], text("CF1"));
    let c1 = &ana.rows[0];
    assert_eq!(c1[at(ana, Col::PrevDegree)], Cell::Number(50.0));
    assert_eq!(c1[at(ana, Col::PrevStatus)], text("in progress"));
    assert_eq!(c1[at(ana, Col::PrevNote)], text("Una contratada"));
    assert_eq!(c1[at(ana, Col::Feeds)], text("I1 Casos: 35 (2023)"));
    assert_eq!(c1[at(ana, Col::Degree)], Cell::Empty);
    assert!(!ana.columns.contains(&Col::Budget), "no money in this plan");
    assert_eq!(sheets[0].indicators.rows.len(), 1);
    assert!(sheets[1].indicators.rows.is_empty());
    let names: Vec<_> = crate::commands::sheets::files(&s, 2024, crate::commands::sheets::SheetFormat::Csv, Lang::Es)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        ["ana-perez-2024.csv", "ana-perez-2024-indicadores.csv", "luis-2024.csv", "sin-responsable-2024.csv"]
    );
}

#[test]
fn xlsx_round_trip_records_the_answers() {
    let s = plan();
    let mut sheets = build(&s, 2024, Lang::Es);
    // Written untouched, read back: nothing to change.
    let files: Vec<_> =
        sheets.iter().map(|o| ("x.xlsx".to_owned(), write::xlsx(o, "Plan", 2024, Lang::Es).unwrap())).collect();
    let (_d, g) = grids(&files[..1]);
    let (_, sorted, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty() && sorted.changes.is_empty(), "{refused:?}");
    // Filled in the way an owner does.
    let ana = &mut sheets[0];
    fill(&mut ana.actions, "C1", Col::Degree, Cell::Number(75.0));
    fill(&mut ana.actions, "C1", Col::Status, text("en curso"));
    fill(&mut ana.actions, "C1", Col::Note, text("Dos contratadas"));
    fill(&mut ana.actions, "C2", Col::Status, text("hecha"));
    fill(&mut ana.indicators, "I1", Col::Value, Cell::Number(41.5));
    let bytes = write::xlsx(ana, "Plan", 2024, Lang::Es).unwrap();
    let (_d, g) = grids(&[("ana.xlsx".to_owned(), bytes)]);
    assert_eq!(g.iter().map(|g| g.sheet.as_str()).collect::<Vec<_>>(), ["Acciones", "Indicadores", "Instrucciones"]);
    let (after, sorted, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty(), "{refused:?}");
    assert_eq!(sorted.changes.len(), 3);
    let r = after.action_review("C1", 2024).unwrap();
    assert_eq!((r.degree.get(), r.status, r.note.as_deref()), (75, Status::InProgress, Some("Dos contratadas")));
    // A status alone keeps where the action stood (no earlier review: 0).
    assert_eq!(after.action_review("C2", 2024).map(|r| (r.degree.get(), r.status)), Some((0, Status::Done)));
    assert_eq!(after.indicator_value("I1", 2024), Some(41.5));
    // Twice: the same answers again change nothing.
    let (again, sorted, _) = import(&after, &g, Lang::Es, false);
    assert_eq!((sorted.changes.len(), sorted.conflicts.len(), sorted.already), (0, 0, 3));
    assert_eq!(again, after);
}

#[test]
fn csv_round_trip_in_either_separator() {
    let s = plan();
    let files = crate::commands::sheets::files(&s, 2024, crate::commands::sheets::SheetFormat::Csv, Lang::Es).unwrap();
    let actions = String::from_utf8(files[0].1.clone()).unwrap();
    let indicators = String::from_utf8(files[1].1.clone()).unwrap();
    assert!(actions.starts_with("ID;Acción;Línea;Responsable;Grado 2023;"), "{actions}");
    // Fill C1 with 80 / hecha and I1 with 1.620,5 (Spanish thousands and decimals).
    let filled: String = actions
        .lines()
        .map(|l| if l.starts_with("C1;") { l.replacen(";;;", ";80;hecha;", 1) } else { l.to_owned() })
        .collect::<Vec<_>>()
        .join("\n");
    let value = indicators.lines().map(|l| l.replacen("I1;Casos;;35 (2023);", "I1;Casos;;35 (2023);1.620,5", 1));
    let value: String = value.collect::<Vec<_>>().join("\n");
    // The same answers with `,` between cells, as an English spreadsheet writes them.
    let commas = filled.replace(';', ",");
    for actions in [filled, commas] {
        let (_d, g) = grids(&[("a.csv".into(), actions.into_bytes()), ("i.csv".into(), value.clone().into_bytes())]);
        let (after, sorted, refused) = import(&s, &g, Lang::Es, false);
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(sorted.changes.len(), 2);
        assert_eq!(after.action_review("C1", 2024).map(|r| (r.degree.get(), r.status)), Some((80, Status::Done)));
        assert_eq!(after.indicator_value("I1", 2024), Some(1620.5));
    }
}

/// The refusals of one filled actions sheet, in `lang`.
fn refusals(lang: Lang, edit: impl Fn(&mut Table)) -> Vec<String> {
    let s = plan();
    let mut sheets = build(&s, 2024, lang);
    edit(&mut sheets[0].actions);
    let (_d, g) = grids(&[("ana.xlsx".into(), write::xlsx(&sheets[0], "Plan", 2024, lang).unwrap())]);
    parse(&g, &s, 2024, lang).refused
}

#[test]
fn bad_cells_are_refused_with_file_sheet_row_and_column() {
    let cases: [(&str, Col, Cell, &str); 6] = [
        (
            "C1",
            Col::Degree,
            Cell::Number(101.0),
            "hoja Acciones, fila 2, columna I (Grado 2024): \"101\" no es un grado",
        ),
        ("C1", Col::Degree, Cell::Number(-5.0), "columna I (Grado 2024): \"-5\" no es un grado"),
        ("C1", Col::Degree, Cell::Number(7.5), "\"7,5\" no es un grado"),
        ("C2", Col::Degree, text("mucho"), "fila 3, columna I (Grado 2024): \"mucho\" no es un grado"),
        // An English word in a Spanish session.
        (
            "C1",
            Col::Status,
            text("done"),
            "columna J (Estado 2024): \"done\" no es un estado (pendiente, en curso, hecha, descartada)",
        ),
        ("C2", Col::Status, text("feta"), "\"feta\" no es un estado"),
    ];
    for (id, col, cell, says) in cases {
        let refused = refusals(Lang::Es, |t| fill(t, id, col, cell.clone()));
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(refused[0].contains("ana.xlsx: ") && refused[0].contains(says), "{refused:?} / {says}");
    }
    // An ID no action has, typed over the locked one.
    let refused = refusals(Lang::En, |t| {
        let c = at(t, Col::Id);
        t.rows[0][c] = text("CF9");
        fill(t, "CF9", Col::Degree, Cell::Number(10.0));
    });
    assert!(refused[0].contains("sheet Actions, row 2, column A (ID): no action has the ID CF9"), "{refused:?}");
}

#[test]
fn numbers_read_in_the_sessions_language_only() {
    let s = plan();
    // Two readings are refused, one reading is taken (`1,5` in English can only be 1.5).
    for (lang, typed, ok) in [
        (Lang::Es, "1,620", None),
        (Lang::En, "1.620", None),
        (Lang::En, "1,620", Some(1620.0)),
        (Lang::Es, "1.620", Some(1620.0)),
        (Lang::En, "1,620.5", Some(1620.5)),
        (Lang::Es, "12,5", Some(12.5)),
        (Lang::En, "1,5", Some(1.5)),
        (Lang::Es, "doce", None),
    ] {
        let mut sheets = build(&s, 2024, lang);
        fill(&mut sheets[0].indicators, "I1", Col::Value, text(typed));
        let bytes = write::csv(&sheets[0].indicators, 2024, lang).unwrap();
        let (_d, g) = grids(&[("i.csv".into(), bytes)]);
        let (after, _, refused) = import(&s, &g, lang, false);
        match ok {
            Some(v) => assert_eq!((after.indicator_value("I1", 2024), refused.len()), (Some(v), 0), "{typed}"),
            None => {
                assert_eq!(after.indicator_value("I1", 2024), None);
                let place =
                    if lang == Lang::Es { "fila 2, columna E (Valor 2024)" } else { "row 2, column E (Value 2024)" };
                assert!(refused[0].contains(place), "{typed}: {refused:?}");
            }
        }
    }
}

#[test]
fn an_answer_for_an_action_changed_since_is_a_conflict() {
    let s = plan();
    let mut sheets = build(&s, 2024, Lang::Es);
    fill(&mut sheets[0].actions, "C1", Col::Degree, Cell::Number(60.0));
    fill(&mut sheets[0].actions, "C2", Col::Degree, Cell::Number(20.0));
    let (_d, g) = grids(&[("ana.xlsx".into(), write::xlsx(&sheets[0], "Plan", 2024, Lang::Es).unwrap())]);
    // Meanwhile the committee recorded C1 in the room.
    let mut now = s.clone();
    let e = now.review_action("C1", 2024, Degree::new(90), None, None).unwrap().unwrap();
    now.apply(e).unwrap();
    let (after, sorted, _) = import(&now, &g, Lang::Es, false);
    assert_eq!(sorted.conflicts.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["C1"]);
    assert_eq!(after.action_review("C1", 2024).map(|r| r.degree.get()), Some(90));
    assert_eq!(after.action_review("C2", 2024).map(|r| r.degree.get()), Some(20));
    // --force-stale takes the sheet's word.
    let (forced, sorted, _) = import(&now, &g, Lang::Es, true);
    assert!(sorted.conflicts.is_empty());
    assert_eq!(forced.action_review("C1", 2024).map(|r| r.degree.get()), Some(60));
    // A sheet that agrees with the change made meanwhile is no conflict.
    let mut agree = sheets[0].clone();
    fill(&mut agree.actions, "C1", Col::Degree, Cell::Number(90.0));
    let (_d, g) = grids(&[("ana.xlsx".into(), write::xlsx(&agree, "Plan", 2024, Lang::Es).unwrap())]);
    let (_, sorted, _) = import(&now, &g, Lang::Es, false);
    assert_eq!((sorted.conflicts.len(), sorted.already), (0, 1));
}

#[test]
fn two_different_answers_for_one_action_are_both_refused() {
    let s = plan();
    let mut a = build(&s, 2024, Lang::Es).remove(0);
    let mut b = a.clone();
    fill(&mut a.actions, "C1", Col::Degree, Cell::Number(60.0));
    fill(&mut a.actions, "C2", Col::Degree, Cell::Number(10.0));
    fill(&mut b.actions, "C1", Col::Degree, Cell::Number(70.0));
    fill(&mut b.actions, "C2", Col::Degree, Cell::Number(10.0));
    let files = [
        ("a.xlsx".to_owned(), write::xlsx(&a, "Plan", 2024, Lang::Es).unwrap()),
        ("b.xlsx".to_owned(), write::xlsx(&b, "Plan", 2024, Lang::Es).unwrap()),
    ];
    let (_d, g) = grids(&files);
    let parsed = parse(&g, &s, 2024, Lang::Es);
    assert_eq!(parsed.refused.len(), 2, "{:?}", parsed.refused);
    assert!(
        parsed.refused[0].contains("b.xlsx: hoja Acciones, fila 2: C1 ya tiene otra respuesta"),
        "{:?}",
        parsed.refused
    );
    // The identical C2 answers are one.
    assert_eq!(parsed.answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["C2"]);
}

#[test]
fn formulas_and_hostile_text() {
    let s = plan();
    // A formula typed into the degree cell is refused, not evaluated.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Acciones").unwrap();
    for (c, h) in ["ID", "Grado 2024", "huella"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "C1").unwrap();
    ws.write_formula(1, 1, "=50+25").unwrap();
    ws.write_string(1, 2, action_fingerprint(&s, "C1", 2024)).unwrap();
    let (_d, g) = grids(&[("f.xlsx".into(), book.save_to_buffer().unwrap())]);
    let refused = parse(&g, &s, 2024, Lang::Es).refused;
    assert!(refused[0].contains("columna B (Grado 2024): una fórmula"), "{refused:?}");
    // A note that a spreadsheet would run is written behind a ' in CSV and stored as typed.
    let hostile = "=cmd|' /C calc'!A0";
    let mut sheets = build(&s, 2024, Lang::Es);
    fill(&mut sheets[0].actions, "C1", Col::Note, text(hostile));
    let bytes = write::csv(&sheets[0].actions, 2024, Lang::Es).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains(";'=cmd|"));
    let (_d, g) = grids(&[("a.csv".into(), bytes)]);
    let (after, _, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty());
    assert_eq!(after.action_review("C1", 2024).and_then(|r| r.note.as_deref()), Some(hostile));
}

#[test]
fn only_the_used_area_is_built_and_a_cell_far_from_the_table_is_refused() {
    let s = plan();
    // A sheet whose table starts at C4, with a degree that does not read; and
    // the same with a cell typed far off, or that cell alone.
    let sheet = |table: bool, far: bool| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        ws.set_name("Acciones").unwrap();
        if table {
            for (c, h) in ["ID", "Grado 2024", "huella"].iter().enumerate() {
                ws.write_string(3, 2 + c as u16, *h).unwrap();
            }
            ws.write_string(4, 2, "C1").unwrap();
            ws.write_number(4, 3, 101).unwrap();
            ws.write_string(4, 4, action_fingerprint(&s, "C1", 2024)).unwrap();
        }
        if far {
            ws.write_string(1_048_575, 16_383, "x").unwrap();
        }
        book.save_to_buffer().unwrap()
    };
    // Rows and columns keep the sheet's names.
    let (_d, g) = grids(&[("a.xlsx".into(), sheet(true, false))]);
    assert_eq!((g[0].cells.len(), g[0].cells[0].len()), (2, 3));
    let refused = parse(&g, &s, 2024, Lang::Es).refused;
    assert!(refused[0].contains("hoja Acciones, fila 5, columna D (Grado 2024): \"101\" no es"), "{refused:?}");
    // The far cell alone: a grid of one cell, where it is.
    let (_d, g) = grids(&[("b.xlsx".into(), sheet(false, true))]);
    assert_eq!(g[0].cells, [[text("x")]]);
    let refused = parse(&g, &s, 2024, Lang::Es).refused;
    assert!(refused[0].contains("b.xlsx: hoja Acciones, fila 1048576: no es una hoja"), "{refused:?}");
    // Beside the table: a small file whose used area spans billions of cells.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.xlsx");
    let bytes = sheet(true, true);
    assert!(bytes.len() < 16 * 1024, "{}", bytes.len());
    std::fs::write(&path, bytes).unwrap();
    for (lang, says) in [
        (Lang::Es, "hoja Acciones: sus celdas ocupan C4:XFD1048576, más de las 1.048.576 celdas"),
        (Lang::En, "sheet Acciones: its cells span C4:XFD1048576, more than the 1,048,576 cells"),
        (Lang::Ca, "full Acciones: les seues cel·les ocupen C4:XFD1048576, més de les 1.048.576 cel·les"),
    ] {
        let err = read(&path, lang).unwrap_err();
        assert!(err.starts_with(says), "{err}");
    }
}

#[test]
fn a_csv_of_too_many_cells_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.csv");
    std::fs::write(&path, ";".repeat(super::read::MAX_CELLS)).unwrap();
    let err = read(&path, Lang::En).unwrap_err();
    assert!(err.starts_with("its cells span A1:"), "{err}");
}

#[test]
fn a_sheet_dafo_did_not_write_is_refused_whole() {
    let s = plan();
    let (_d, g) = grids(&[("x.csv".into(), b"nombre;apellido\nAna;P\n".to_vec())]);
    let refused = parse(&g, &s, 2024, Lang::Es).refused;
    assert_eq!(refused.len(), 1);
    assert!(refused[0].contains("x.csv: fila 1: no es una hoja de seguimiento de 2024"), "{refused:?}");
    // A sheet of another year does not pass for this one.
    let files = crate::commands::sheets::files(&s, 2025, crate::commands::sheets::SheetFormat::Csv, Lang::Es).unwrap();
    let (_d, g) = grids(&files[..1]);
    assert!(!parse(&g, &s, 2024, Lang::Es).refused.is_empty());
}

#[test]
fn thousands_of_rows() {
    let mut s = Session::new("Plan", jiff::Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2023, 2026).ok();
    for i in 0..3000 {
        let e = s.add_action(Came::Exploit, &format!("Acción {i}"), vec![]).unwrap();
        s.apply(e).unwrap();
    }
    let mut sheets = build(&s, 2024, Lang::Es);
    let t = &mut sheets[0].actions;
    let c = at(t, Col::Degree);
    for (i, row) in t.rows.iter_mut().enumerate() {
        row[c] = Cell::Number((i % 101) as f64);
    }
    let bytes = write::xlsx(&sheets[0], "Plan", 2024, Lang::Es).unwrap();
    // Far under what an xlsx may unpack to (`read::MAX_UNPACKED` says so).
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let unpacked: u64 = (0..zip.len()).map(|i| zip.by_index_raw(i).unwrap().size()).sum();
    assert!(unpacked < 2 << 20, "{unpacked}");
    let (_d, g) = grids(&[("big.xlsx".into(), bytes)]);
    let (after, sorted, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty());
    assert_eq!(sorted.changes.len(), 3000);
    assert_eq!(after.action_review("E2999", 2024).map(|r| r.degree.get()), Some((2998 % 101) as u8));
}

#[test]
fn column_letters() {
    assert_eq!([0, 25, 26, 27, 701, 702].map(column_letter), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
}

/// One part of an xlsx, as text.
fn part(xlsx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn xlsx_locks_what_is_not_the_owners_and_checks_degree_and_status() {
    let s = plan();
    for (lang, words) in
        [(Lang::Es, "pendiente,en curso,hecha,descartada"), (Lang::Ca, "pendent,en curs,feta,descartada")]
    {
        let bytes = write::xlsx(&build(&s, 2024, lang)[0], "Plan", 2024, lang).unwrap();
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<sheetProtection sheet=\"1\""), "{sheet}");
        assert!(sheet.contains("<dataValidation type=\"whole\"") && sheet.contains("<formula2>100</formula2>"));
        assert!(sheet.contains(&format!("<formula1>\"{words}\"</formula1>")), "{sheet}");
        // The fingerprint (column L, the 12th) is hidden.
        assert!(sheet.contains("<col min=\"12\" max=\"12\"") && sheet.contains("hidden=\"1\""));
        // Which style is unlocked, and which cells use it: the degree, status and note only.
        let styles = part(&bytes, "xl/styles.xml");
        let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
        let open = xfs.split("<xf ").skip(1).position(|xf| xf.contains("<protection locked=\"0\"/>")).unwrap();
        for col in "ABCDEFGHIJKL".chars() {
            let cell = format!("<c r=\"{col}2\" s=\"{open}\"");
            assert_eq!(sheet.contains(&cell), "IJK".contains(col), "{col}2 in {sheet}");
        }
        let book = part(&bytes, "xl/workbook.xml");
        let w = lang.text().sheets;
        for name in [w.actions, w.indicators, w.instructions] {
            assert!(book.contains(&format!("<sheet name=\"{name}\"")), "{book}");
        }
    }
}

#[test]
fn file_names_are_safe_and_never_the_same() {
    let mut s = plan();
    s.correct[0].owner = Some("../../etc/X".into());
    s.correct[1].owner = Some("etc x".into());
    s.confront[0].owner = Some("¡¿!?".into());
    let names: Vec<_> = crate::commands::sheets::files(&s, 2024, crate::commands::sheets::SheetFormat::Xlsx, Lang::En)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["etc-x-2024.xlsx", "etc-x-2-2024.xlsx", "owner-3-2024.xlsx", "no-owner-2024.xlsx"]);
}

#[test]
fn escape_sequences_in_a_note_are_not_kept_nor_shown() {
    let s = plan();
    let mut sheets = build(&s, 2024, Lang::Es);
    fill(&mut sheets[0].actions, "C1", Col::Note, text("Hecho\u{1b}[2J\u{7} ya"));
    let (_d, g) = grids(&[("a.xlsx".into(), write::xlsx(&sheets[0], "Plan\u{1b}]0;x\u{7}", 2024, Lang::Es).unwrap())]);
    let (after, sorted, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty());
    let note = after.action_review("C1", 2024).and_then(|r| r.note.clone()).unwrap();
    assert!(!note.contains('\u{1b}') && !note.contains('\u{7}') && note.starts_with("Hecho"), "{note:?}");
    let args = review_args(2024, &sorted.changes, Lang::Es);
    let edit = edits(&s, Path::new("p.ron"), &args, Lang::Es).unwrap().unwrap();
    let shown = crate::commands::sheets::diff(&s, 2024, &sorted.changes, &edit, Lang::Es);
    assert!(
        !shown.contains('\u{1b}')
            && shown.contains("C1: Grado 2024 — → 50; Estado 2024 — → en curso; Nota 2024 — → «Hecho"),
        "{shown:?}"
    );
}

#[test]
fn csv_saved_by_a_windows_spreadsheet_in_spanish_reads() {
    let s = plan();
    let files = crate::commands::sheets::files(&s, 2024, crate::commands::sheets::SheetFormat::Csv, Lang::Es).unwrap();
    let text = String::from_utf8(files[0].1.clone()).unwrap();
    let filled = text.replacen("35 (2023);;;;", "35 (2023);40;en curso;Atención en curso;", 1);
    assert_ne!(filled, text);
    let (latin, _, lossy) = encoding_rs::WINDOWS_1252.encode(&filled);
    assert!(!lossy && std::str::from_utf8(&latin).is_err());
    let mut bom16 = vec![0xff, 0xfe];
    bom16.extend(filled.encode_utf16().flat_map(u16::to_le_bytes));
    for bytes in [latin.into_owned(), bom16] {
        let (_d, g) = grids(&[("a.csv".into(), bytes)]);
        let (after, _, refused) = import(&s, &g, Lang::Es, false);
        assert!(refused.is_empty(), "{refused:?}");
        let r = after.action_review("C1", 2024).unwrap();
        assert_eq!((r.degree.get(), r.note.as_deref()), (40, Some("Atención en curso")));
    }
}

#[test]
fn with_money_the_sheet_asks_committed_and_paid_as_non_negative_numbers() {
    let mut s = plan();
    let amount = crate::domain::Euros { cents: 300_000 };
    s.correct[0].budget = vec![crate::domain::YearAmount { year: 2024, amount }];
    let sheets = build(&s, 2024, Lang::Es);
    let cols = &sheets[0].actions.columns;
    let at = |k: Col| cols.iter().position(|c| *c == k);
    assert_eq!((at(Col::Budget), at(Col::Committed), at(Col::Paid)), (Some(8), Some(12), Some(13)));
    assert_eq!(sheets[0].actions.rows[0][8], Cell::Text("3.000 €".into()), "that year's amount");
    let bytes = write::xlsx(&sheets[0], "Plan", 2024, Lang::Es).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\""), "{sheet}");
    assert!(sheet.contains("sqref=\"M2:M3\"") && sheet.contains("sqref=\"N2:N3\""), "{sheet}");
    // Read back: a number cell, a Spanish text; a negative or English-looking amount is refused with its place.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ana.xlsx");
    std::fs::write(&file, &bytes).unwrap();
    let mut grid = read(&file, crate::i18n::Lang::Es).unwrap();
    grid[0].cells[1][12] = Cell::Number(1500.5);
    grid[0].cells[1][13] = Cell::Text("1.200,50".into());
    grid[0].cells[2][12] = Cell::Text("-5".into());
    grid[0].cells[2][13] = Cell::Text("1,620".into());
    let parsed = parse(&grid, &s, 2024, Lang::Es);
    let id = |a: &answers::Answer| a.id.clone();
    assert_eq!(parsed.answers.iter().map(id).collect::<Vec<_>>(), ["C1"]);
    let euros = |c| Some(crate::domain::Euros { cents: c });
    assert!(
        matches!(&parsed.answers[0].what, answers::What::Action { committed, paid, .. } if *committed == euros(150_050) && *paid == euros(120_050))
    );
    assert_eq!(parsed.refused.len(), 2, "{:?}", parsed.refused);
    assert!(parsed.refused[0].contains("columna M (Comprometido 2024 (€)): \"-5\""), "{:?}", parsed.refused);
    assert!(parsed.refused[1].contains("columna N (Pagado 2024 (€))"), "{:?}", parsed.refused);
}

/// A number typed, with its number format.
type Typed<'a> = Option<(f64, &'a str)>;

/// A workbook as a spreadsheet program saves what an owner typed: an actions
/// sheet (ID, degree, note, money committed, fingerprint) and an indicators
/// sheet (ID, value, fingerprint), each cell a number with its number format
/// (`""`: none), as Calc and Excel turn a typed `100%` into 1 shown as `0%`
/// and a typed date into its serial number shown as `dd/mm/yyyy`.
fn typed_book(s: &Session, lang: Lang, actions: &[(&str, [Typed<'_>; 3])], value: Typed<'_>) -> Vec<u8> {
    let w = lang.text().sheets;
    let mut book = rust_xlsxwriter::Workbook::new();
    let number = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, (x, format): (f64, &str)| {
        if format.is_empty() {
            ws.write_number(r, c, x).unwrap();
        } else {
            ws.write_number_with_format(r, c, x, &rust_xlsxwriter::Format::new().set_num_format(format)).unwrap();
        }
    };
    let ws = book.add_worksheet();
    ws.set_name(w.actions).unwrap();
    for (c, col) in [Col::Id, Col::Degree, Col::Note, Col::Committed, Col::Fingerprint].iter().enumerate() {
        ws.write_string(0, c as u16, col.header(w, 2024)).unwrap();
    }
    for (r, (id, cells)) in actions.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        for (c, cell) in cells.iter().enumerate() {
            if let Some(cell) = cell {
                number(ws, r, c as u16 + 1, *cell);
            }
        }
        ws.write_string(r, 4, action_fingerprint(s, id, 2024)).unwrap();
    }
    let ws = book.add_worksheet();
    ws.set_name(w.indicators).unwrap();
    for (c, col) in [Col::Id, Col::Value, Col::Fingerprint].iter().enumerate() {
        ws.write_string(0, c as u16, col.header(w, 2024)).unwrap();
    }
    ws.write_string(1, 0, "I1").unwrap();
    if let Some(cell) = value {
        number(ws, 1, 1, cell);
    }
    ws.write_string(1, 2, indicator_fingerprint(s, "I1", 2024)).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_percentage_reads_as_shown_and_a_date_never_as_its_serial_number() {
    let s = plan();
    // 100% typed as C1's degree, a date typed as its note; 62,5% typed as C2's
    // note; 62% typed as I1's value.
    let book = typed_book(
        &s,
        Lang::Es,
        &[
            ("C1", [Some((1.0, "0%")), Some((45747.0, "dd/mm/yyyy")), None]),
            ("C2", [Some((0.07, "0%")), Some((0.625, "0.0%")), None]),
        ],
        Some((0.62, "0%")),
    );
    let (_d, g) = grids(&[("a.xlsx".into(), book)]);
    let (after, _, refused) = import(&s, &g, Lang::Es, false);
    assert!(refused.is_empty(), "{refused:?}");
    let c1 = after.action_review("C1", 2024).unwrap();
    assert_eq!((c1.degree.get(), c1.note.as_deref()), (100, Some("31/03/2025")));
    let c2 = after.action_review("C2", 2024).unwrap();
    assert_eq!((c2.degree.get(), c2.note.as_deref()), (7, Some("62,5 %")));
    assert_eq!(after.indicator_value("I1", 2024), Some(62.0));
    // In English the date is written the English way.
    let book = typed_book(&s, Lang::En, &[("C1", [None, Some((45747.0, "dd/mm/yyyy")), None])], None);
    let (_d, g) = grids_in(Lang::En, &[("a.xlsx".into(), book)]);
    let (after, _, refused) = import(&s, &g, Lang::En, false);
    assert!(refused.is_empty(), "{refused:?}");
    let note = after.action_review("C1", 2024).and_then(|r| r.note.clone());
    assert_eq!(note.as_deref(), Some(lang_date(Lang::En, 2025, 3, 31).as_str()));
    // A date where a number is asked, and a percentage where euros are: refused, never stored.
    let book = typed_book(
        &s,
        Lang::Es,
        &[
            ("C1", [Some((45747.0, "dd/mm/yyyy")), None, None]),
            ("C2", [None, None, Some((0.5, "0%"))]),
            ("CF1", [None, None, Some((45747.0, "dd/mm/yyyy"))]),
        ],
        Some((45747.0, "dd/mm/yyyy")),
    );
    let (_d, g) = grids(&[("a.xlsx".into(), book)]);
    let parsed = parse(&g, &s, 2024, Lang::Es);
    assert!(parsed.answers.is_empty(), "{:?}", parsed.answers);
    let refused = parsed.refused;
    assert_eq!(refused.len(), 4, "{refused:?}");
    for (i, says) in [
        "hoja Acciones, fila 2, columna B (Grado 2024): \"31/03/2025\" no es un grado de implementación (un número entero de 0 a 100); la celda tiene formato de fecha",
        "hoja Acciones, fila 3, columna D (Comprometido 2024 (€)): \"50 %\" no es un importe en euros (de 0 a 1.000.000.000, en céntimos enteros); la celda tiene formato de porcentaje",
        "hoja Acciones, fila 4, columna D (Comprometido 2024 (€)): \"31/03/2025\" no es un importe en euros (de 0 a 1.000.000.000, en céntimos enteros); la celda tiene formato de fecha",
        "hoja Indicadores, fila 2, columna B (Valor 2024): \"31/03/2025\" no es un número; la celda tiene formato de fecha",
    ]
    .iter()
    .enumerate()
    {
        assert!(refused[i].contains(says), "{i}: {refused:?}");
    }
    // In Catalan, the same refusal in Catalan words.
    let book = typed_book(&s, Lang::Ca, &[("C2", [None, None, Some((0.5, "0%"))])], None);
    let (_d, g) = grids_in(Lang::Ca, &[("a.xlsx".into(), book)]);
    let refused = parse(&g, &s, 2024, Lang::Ca).refused;
    assert!(refused[0].contains("\"50 %\" no és un import en euros"), "{refused:?}");
    assert!(refused[0].contains("; la cel·la té format de percentatge"), "{refused:?}");
}

/// A date as `lang` writes it.
fn lang_date(lang: Lang, y: i16, m: i8, d: i8) -> String {
    lang.locale().date(jiff::civil::date(y, m, d))
}

// The zip bomb the memory test of the real binary uses too.
#[path = "../../tests/common/zip_bomb.rs"]
mod zip_bomb;
use zip_bomb::grow_shared_strings as zip_bomb;

#[test]
fn an_xlsx_that_unpacks_to_far_more_than_any_sheet_is_refused_unread() {
    let s = plan();
    let sheet = write::xlsx(&build(&s, 2024, Lang::Es)[0], "Plan", 2024, Lang::Es).unwrap();
    let bomb = zip_bomb(&sheet, 80);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomba.xlsx");
    std::fs::write(&path, bomb).unwrap();
    for (lang, says) in [
        (Lang::Es, "esta hoja no se puede leer: descomprimida ocuparía más de 64 MB"),
        (Lang::En, "this spreadsheet cannot be read: unpacked it would take more than 64 MB"),
        (Lang::Ca, "aquest full no es pot llegir: descomprimit ocuparia més de 64 MB"),
    ] {
        let err = read(&path, lang).unwrap_err();
        assert!(err.starts_with(says), "{err}");
    }
    // A sheet well under the bound reads as before.
    std::fs::write(&path, zip_bomb(&sheet, 2)).unwrap();
    assert_eq!(read(&path, Lang::Es).unwrap().len(), 3);
}

#[test]
fn a_broken_xlsx_is_refused_in_the_sessions_language() {
    let s = plan();
    let sheet = write::xlsx(&build(&s, 2024, Lang::Es)[0], "Plan", 2024, Lang::Es).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rota.xlsx");
    // Not a zip at all, and a zip cut short.
    for bytes in [b"no soy un zip".to_vec(), sheet[..sheet.len() / 2].to_vec()] {
        std::fs::write(&path, &bytes).unwrap();
        for (lang, says) in [
            (Lang::Es, "esta hoja no se puede leer (no es un .xlsx o está dañada): "),
            (Lang::Ca, "aquest full no es pot llegir (no és un .xlsx o està malmès): "),
            (Lang::En, "this spreadsheet cannot be read (not an .xlsx, or damaged): "),
        ] {
            let err = read(&path, lang).unwrap_err();
            assert!(err.starts_with(says), "{err}");
        }
    }
}

#[test]
fn a_sheet_written_from_another_plan_is_refused() {
    let s = plan();
    // Another plan with the same actions: another title, or the same title created another day.
    let mut renamed = s.clone();
    renamed.meta.title = "Plan de Villaotra".into();
    let mut later = s.clone();
    later.meta.created = jiff::Timestamp::from_second(86_400).unwrap();
    for (other, lang, says) in [
        (&renamed, Lang::Es, "hoja Acciones, fila 1: esta hoja se escribió desde otra sesión, no desde la de «Plan»"),
        (
            &later,
            Lang::En,
            "sheet Actions, row 1: this sheet was written from another session, not from the session of “Plan”",
        ),
        (
            &later,
            Lang::Ca,
            "full Accions, fila 1: aquest full es va escriure des d'una altra sessió, no des de la de «Plan»",
        ),
    ] {
        let mut sheets = build(other, 2024, lang);
        fill(&mut sheets[0].actions, &lang.show_id("C1"), Col::Degree, Cell::Number(60.0));
        let (_d, g) =
            grids_in(lang, &[("otra.xlsx".into(), write::xlsx(&sheets[0], &other.meta.title, 2024, lang).unwrap())]);
        let parsed = parse(&g, &s, 2024, lang);
        assert!(parsed.answers.is_empty(), "{:?}", parsed.answers);
        // Each of its worksheets, actions and indicators, once.
        assert_eq!(parsed.refused.len(), 2, "{:?}", parsed.refused);
        assert!(parsed.refused[0].contains(says), "{:?}", parsed.refused);
        // Its CSV too.
        let (_d, g) = grids_in(lang, &[("otra.csv".into(), write::csv(&sheets[0].actions, 2024, lang).unwrap())]);
        assert!(parse(&g, &s, 2024, lang).answers.is_empty());
    }
    // The same session file, changed since (another action's review), still takes its own sheets.
    let mut sheets = build(&s, 2024, Lang::Es);
    fill(&mut sheets[0].actions, "C1", Col::Degree, Cell::Number(60.0));
    let (_d, g) = grids(&[("ana.xlsx".into(), write::xlsx(&sheets[0], "Plan", 2024, Lang::Es).unwrap())]);
    let mut now = s.clone();
    let e = now.review_action("C2", 2024, Degree::new(10), None, None).unwrap().unwrap();
    now.apply(e).unwrap();
    let (after, _, refused) = import(&now, &g, Lang::Es, false);
    assert!(refused.is_empty(), "{refused:?}");
    assert_eq!(after.action_review("C1", 2024).map(|r| r.degree.get()), Some(60));
}
