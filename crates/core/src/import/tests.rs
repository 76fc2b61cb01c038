//! Tests of the Markdown and CSV importers.

use super::*;

#[test]
fn headings_match_leniently() {
    assert_eq!(quadrant_from_label("## 1. FORTALEZAS (internas)"), Some(Quadrant::Strengths));
    assert_eq!(quadrant_from_label("Amenazas:"), Some(Quadrant::Threats));
    assert_eq!(quadrant_from_label("Weakness"), Some(Quadrant::Weaknesses));
    assert_eq!(quadrant_from_label("Opórtunidades"), Some(Quadrant::Opportunities));
    assert_eq!(quadrant_from_label("Acciones para corregir debilidades"), None);
    assert_eq!(quadrant_from_label("O"), Some(Quadrant::Opportunities));
}

/// A second paragraph inside a list item and a `<br>` were glued to the words
/// before them: "Primera ideacon un segundo párrafo", "Otra líneapartida".
#[test]
fn paragraphs_and_line_breaks_inside_an_item_part_its_words() {
    let out = markdown(
        "## Fortalezas\n\n- Primera idea\n\n  con un segundo párrafo\n\n- Otra línea<br>partida\n- Una<BR/>más\n",
    );
    let texts: Vec<&str> = out.items.iter().map(|(_, d)| d.text.as_str()).collect();
    assert_eq!(texts, ["Primera idea con un segundo párrafo", "Otra línea partida", "Una más"]);
    // A loose list keeps the export's votes at the item's end.
    let out = markdown("## Fortalezas\n\n- Texto *(3 votos)*\n\n- Otro\n");
    assert_eq!((out.items[0].1.text.as_str(), out.items[0].1.votes), ("Texto", 3));
}

/// Words of the room's own in brackets were read as votes or impact, and lost.
#[test]
fn brackets_that_are_not_an_export_s_priority_stay_words() {
    let out = markdown(
        "## Fortalezas\n\n- Comercio *(2 votaciones)*\n- Paro *(impacto en 3 barrios)*\n- Clima *(3 votos · impacto 4)*\n- Río *(1 vote)*\n- Sol *(impacte 2–4)*\n",
    );
    let got: Vec<(&str, u32, Option<u8>)> =
        out.items.iter().map(|(_, d)| (d.text.as_str(), d.votes, d.impact)).collect();
    assert_eq!(
        got,
        [
            ("Comercio (2 votaciones)", 0, None),
            ("Paro (impacto en 3 barrios)", 0, None),
            ("Clima", 3, Some(4)),
            ("Río", 1, None),
            ("Sol", 0, None)
        ]
    );
}

#[test]
fn plain_markdown_lists_import() {
    let md = "# Taller\n\n## Fortalezas\n\n- Equipo *muy* implicado\n- **F7** Red de centros *(2 votos)*\n\n## Otra cosa\n\n- no\n\n### threats\n\n* Paro\n";
    let imported = markdown(md);
    assert_eq!(imported.title.as_deref(), Some("Taller"));
    let s = build(imported, "Taller", Timestamp::UNIX_EPOCH);
    let f: Vec<_> = s.strengths.iter().map(|f| (f.id.as_str(), f.text.as_str(), f.votes)).collect();
    assert_eq!(f, [("F8", "Equipo muy implicado", 0), ("F7", "Red de centros", 2)]);
    assert_eq!(s.threats[0].id, "A1");
    assert!(s.weaknesses.is_empty());
}

#[test]
fn the_marks_an_export_adds_are_not_read_as_words() {
    let md = "## Fortalezas\n\n- **F1** Red de centros de día [A·P·TÉ] *(10 votos · impacto 4–5)*\n\
              - **F2** Intervención familiar ↻\n- **F3** Plan [borrador] de la Junta [P]\n- **F4** Sala [B] ↻ [T·P]\n";
    let s = build(markdown(md), "t", Timestamp::UNIX_EPOCH);
    let got: Vec<_> = s.strengths.iter().map(|f| (f.text.as_str(), f.votes, f.impact)).collect();
    assert_eq!(
        got,
        [
            ("Red de centros de día", 10, None),
            ("Intervención familiar", 0, None),
            ("Plan [borrador] de la Junta", 0, None),
            ("Sala [B]", 0, None),
        ]
    );
}

#[test]
fn ids_of_the_wrong_quadrant_or_repeated_are_replaced() {
    let md = "## Amenazas\n- **D3** uno\n- **A2** dos\n- **A2** tres\n";
    let s = build(markdown(md), "t", Timestamp::UNIX_EPOCH);
    let ids: Vec<_> = s.threats.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["A3", "A2", "A4"]);
}

#[test]
fn csv_errors_name_the_line() {
    let err = csv("quadrant,text\nFortalezas,ok\nNada,mal\n", Path::new("x.csv")).unwrap_err();
    assert_eq!(err.to_string(), "x.csv:3: unknown quadrant \"Nada\"");
}

/// An action's `start` was read with no range check: `1800-01-01` was
/// imported, and the session written then failed to open ("la fecha debe ser
/// de 1900-01-01 a 2200-12-31"). Now it is refused at its line, as `due` is.
#[test]
fn a_csv_start_date_a_session_cannot_hold_is_refused_at_its_line() {
    let mut s =
        crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    s.correct[0].start = Some(jiff::civil::date(2024, 2, 29));
    let text =
        crate::export::render_on(&s, crate::i18n::Lang::Es, crate::export::Format::Csv, jiff::civil::date(2026, 12, 6));
    assert!(text.contains("2024-02-29"));
    for bad in ["1800-01-01", "2201-01-01"] {
        let err = csv(&text.replace("2024-02-29", bad), Path::new("x.csv")).unwrap_err().to_string();
        assert!(err.starts_with("x.csv:") && err.contains(bad), "{err}");
    }
    let back = build(csv(&text, Path::new("x.csv")).unwrap(), "x", jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(back.correct[0].start, s.correct[0].start);
}

/// The sample's CSV with one more review row: the first review row, with its
/// year replaced when `year` is given.
fn with_review_row(text: &str, year: Option<&str>) -> (String, u64) {
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let (kind, at) = ["kind", "year"].map(|h| headers.iter().position(|x| x == h).unwrap()).into();
    let first = reader.records().map(Result::unwrap).find(|r| &r[kind] == "review").unwrap();
    let row: ::csv::StringRecord =
        first.iter().enumerate().map(|(i, v)| if i == at { year.unwrap_or(v) } else { v }).collect();
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(&row).unwrap();
    let mut out = text.to_owned();
    out.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
    let line = out.lines().count() as u64;
    (out, line)
}

/// Review rows were taken as they came: a year the plan's horizon does not
/// hold (9999 in a 2023-2026 plan, which `dafo review --year 9999` refuses),
/// or a second row for one action and year, which reports then mixed
/// (`action_review` takes the first, `latest_review` the last).
#[test]
fn csv_review_rows_outside_the_horizon_or_repeated_are_refused_at_their_line() {
    let s =
        crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let text = crate::export::render_on(&s, Lang::Es, crate::export::Format::Csv, jiff::civil::date(2026, 12, 6));
    assert!(csv(&text, Path::new("x.csv")).is_ok());
    let (twice, line) = with_review_row(&text, None);
    let e = csv(&twice, Path::new("x.csv")).unwrap_err();
    // The session row said Spanish before the row: the error is in Spanish.
    assert_eq!(e.language(), Some(Lang::Es));
    let twice = matches!(e.without_language(), ImportError::Csv { line: l, problem: Problem::ReviewTwice { .. }, .. } if *l == line);
    assert!(twice, "{e:?}");
    assert!(e.message(Lang::Es).contains("una segunda revisión"), "{}", e.message(Lang::Es));
    for year in ["9999", "2022", "2027"] {
        let (outside, line) = with_review_row(&text, Some(year));
        let e = csv(&outside, Path::new("x.csv")).unwrap_err();
        assert!(
            matches!(e.without_language(), ImportError::Csv { line: l, problem: Problem::Review(_), .. } if *l == line),
            "{year}: {e:?}"
        );
        assert!(e.message(Lang::Ca).starts_with(&format!("x.csv:{line}: ")), "{}", e.message(Lang::Ca));
    }
    // A year inside the horizon is not refused for its year.
    let (inside, _) = with_review_row(&text, Some("2026"));
    let r = csv(&inside, Path::new("x.csv"));
    let refused = r.as_ref().err().map(ImportError::without_language);
    assert!(!matches!(refused, Some(ImportError::Csv { problem: Problem::Review(_), .. })), "{r:?}");
}

/// A Windows-1252 "CSV" was refused with the system's English words and no
/// place ("invalid utf-8 sequence of 1 bytes from index 17").
#[test]
fn bytes_that_are_not_utf8_are_refused_at_their_line_and_column_in_the_users_language() {
    let e = text_of(b"a;b\nFortaleza;Caf\xe9\n".to_vec(), Path::new("lat.csv")).unwrap_err();
    assert_eq!(e.message(Lang::Es), "lat.csv:2:14: no es texto UTF-8: guárdalo como `CSV UTF-8`");
    assert!(e.message(Lang::Ca).starts_with("lat.csv:2:14: no és text UTF-8"), "{}", e.message(Lang::Ca));
    assert_eq!(text_of("a;b\nCafé\n".into(), Path::new("x.csv")).unwrap(), "a;b\nCafé\n");
}
