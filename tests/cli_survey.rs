//! End-to-end tests of `dafo import --survey` on hand-made CSV files in the shapes
//! LimeSurvey, Google Forms and Microsoft Forms export (tests/fixtures/survey/).

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Output;

use dafo::domain::{Quadrant, Session};

const DIR: &str = "tests/fixtures/survey";

fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn load(p: &Path) -> Session {
    dafo::storage::load(p).unwrap()
}

/// Imports `file` of the fixtures with `args`; the session and what was said.
fn import(file: &str, args: &[&str]) -> (Session, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.ron");
    let input = format!("{DIR}/{file}");
    let mut all = vec!["import", input.as_str(), "--survey", "-o", out.to_str().unwrap()];
    all.extend(args);
    let o = dafo(&all);
    assert!(o.status.success(), "{}", err(&o));
    (load(&out), err(&o))
}

fn texts(s: &Session, q: Quadrant) -> Vec<(String, u32)> {
    s.factors(q).iter().map(|f| (f.text.clone(), f.votes)).collect()
}

const FOUR_MAPS: [&str; 8] = [
    "--map",
    "fortalezas=fortalezas",
    "--map",
    "debilidades=debilidades",
    "--map",
    "oportunidades=oportunidades",
    "--map",
    "amenazas=amenazas",
];

#[test]
fn limesurvey_columns_by_part_of_the_question_join_and_count_what_people_repeat() {
    let (s, said) = import("limesurvey.csv", &FOUR_MAPS);
    // Three people said it: the longest wording stays (as `dafo merge` does), every wording is an origin.
    assert_eq!(texts(&s, Quadrant::Strengths)[0], ("El paisaje y el patrimonio natural".to_owned(), 3));
    let f1 = &s.strengths[0];
    assert_eq!(f1.sources, ["cuestionario"]);
    let wordings: Vec<&str> = f1.origins.iter().map(|o| o.text.as_str()).collect();
    assert!(wordings.contains(&"El paisaje y el patrimonio natural"), "{wordings:?}");
    // A quoted answer over two lines is one factor, on one line.
    assert!(
        texts(&s, Quadrant::Weaknesses).contains(&("Pocas plazas de residencia y centros de día lejos".to_owned(), 1)),
        "{:?}",
        texts(&s, Quadrant::Weaknesses)
    );
    assert_eq!(texts(&s, Quadrant::Threats)[0], ("La despoblación".to_owned(), 2));
    assert!(said.contains("4 personas, 14 respuestas → 10 factores"), "{said}");
    // The row that answered nothing, with its line.
    assert!(said.contains("1 respuesta sin colocar:"), "{said}");
    assert!(said.contains("limesurvey.csv:6: respuesta vacía"), "{said}");
}

#[test]
fn google_forms_quadrant_column_places_choices_and_says_what_it_could_not() {
    let (s, said) = import("google-forms.csv", &["--quadrant-column", "señalar"]);
    assert_eq!(texts(&s, Quadrant::Weaknesses), [("Falta de vivienda en alquiler para gente joven".to_owned(), 2)]);
    // CRLF inside a quoted answer is a space; the comma in it stays.
    assert_eq!(s.threats[0].text, "El cierre de la oficina bancaria, el último cajero está a 20 km");
    // A formula stays the text it was.
    assert!(
        s.opportunities.iter().any(|f| f.text == r#"=HIPERVINCULO("http://ejemplo.invalid";"Turismo de embalses")"#)
    );
    // Escape sequences never reach the file or the terminal.
    assert!(
        s.opportunities.iter().any(|f| f.text == "Turismo de embalses y deportes de agua"),
        "{:?}",
        s.opportunities
    );
    assert!(texts(&s, Quadrant::Strengths).contains(&("Buen clima".to_owned(), 1)));
    assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'), "{said:?}");
    assert!(said.contains("google-forms.csv:7: «Otro» no es un cuadrante"), "{said}");
    assert!(said.contains("google-forms.csv:8: respuesta vacía en «Explíquelo con sus palabras»"), "{said}");
    let ron = std::fs::read_to_string(format!("{DIR}/google-forms.csv")).unwrap();
    assert!(ron.contains('\u{1b}'), "the fixture does hold escape sequences");
}

#[test]
fn microsoft_forms_from_a_spanish_spreadsheet_reads_bom_semicolons_and_crlf() {
    let maps = ["--map", "Fortalezas=F", "--map", "Debilidades=D", "--map", "Oportunidades=O", "--map", "Amenazas=A"];
    let (s, said) = import("microsoft-forms.csv", &maps);
    assert_eq!(texts(&s, Quadrant::Strengths)[0], ("Buena calidad de vida y tranquilidad".to_owned(), 2));
    // "; sobre todo" was inside quotes: one answer, joined with its twin.
    assert_eq!(
        texts(&s, Quadrant::Weaknesses),
        [("Pocas frecuencias de autobús, sobre todo en fin de semana".to_owned(), 2)]
    );
    assert_eq!(texts(&s, Quadrant::Threats), [("Envejecimiento de la población".to_owned(), 2)]);
    assert!(s.strengths.iter().any(|f| f.text == "Producto local de calidad: - aceite - miel - queso"));
    assert!(said.contains("3 personas, 10 respuestas → 6 factores"), "{said}");
    assert!(said.contains("microsoft-forms.csv:8: respuesta vacía"), "{said}");
}

#[test]
fn the_source_is_said_in_the_session_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.ron");
    let input = format!("{DIR}/microsoft-forms.csv");
    let o = dafo(&[
        "--lang",
        "ca",
        "import",
        &input,
        "--survey",
        "--map",
        "Fortalezas=fortaleses",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(load(&out).strengths[0].sources, ["qüestionari"]);
    assert!(err(&o).contains("3 persones"), "{}", err(&o));
}

#[test]
fn a_bad_mapping_is_refused_with_what_to_write_and_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.ron");
    let input = format!("{DIR}/limesurvey.csv");
    let run = |extra: &[&str]| {
        let mut all = vec!["import", input.as_str(), "--survey", "-o", out.to_str().unwrap()];
        all.extend(extra);
        let o = dafo(&all);
        assert_eq!(o.status.code(), Some(1), "{extra:?}: {}", err(&o));
        err(&o)
    };
    assert!(run(&[]).contains("--survey necesita --quadrant-column"));
    let e = run(&["--map", "edad=fortalezas"]);
    assert!(e.contains("limesurvey.csv:1: no hay ninguna columna «edad»"), "{e}");
    let e = run(&["--map", "qué=fortalezas"]);
    assert!(e.contains("coincide con varias columnas"), "{e}");
    assert!(run(&["--map", "fortalezas"]).contains("--map se escribe"));
    assert!(run(&["--map", "fortalezas=lunes"]).contains("«lunes» no es un cuadrante"));
    assert!(!out.exists());
}

#[test]
fn an_answer_over_the_text_limit_is_refused_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("big.csv");
    let long = "palabra ".repeat(dafo::domain::limits::ITEM_TEXT_MAX / 8 + 10);
    std::fs::write(&csv, format!("Fortalezas;Debilidades\r\nBuen clima;Poco empleo\r\n\"{long}\";x\r\n")).unwrap();
    let out = tmp.path().join("out.ron");
    let o = dafo(&["import", csv.to_str().unwrap(), "--survey", "--map", "fortalezas=F", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("big.csv:3:"), "{}", err(&o));
    assert!(!out.exists());
}

#[test]
fn a_file_over_the_session_limit_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("huge.csv");
    let f = std::fs::File::create(&csv).unwrap();
    f.set_len(dafo::storage::SESSION_FILE_LIMIT + 1).unwrap();
    let out = tmp.path().join("out.ron");
    let o = dafo(&["import", csv.to_str().unwrap(), "--survey", "--map", "a=F", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("huge.csv"), "{}", err(&o));
    assert!(!out.exists());
}
