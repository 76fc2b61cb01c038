//! The review meeting's marks in every export: items carried over and not
//! confirmed (`↻`) and actions past their due date and not done (`⚠`), with
//! a legend line where the format has prose, a `marks` column in the CSV and
//! `carried`/`overdue` in the JSON. Overdue is judged by the same rule and
//! the same "today" as the screen.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common;

use std::path::Path;

use dafo::app::Screen;
use dafo::domain::Session;
use dafo::export::{Format, render_on};
use dafo::i18n::Lang;
use jiff::civil::{Date, date};

/// Last year's actions reviewed on the meeting's day: C1 (2025-06-30, in
/// progress) and E1 (2026-01-31, pending) are overdue; M1 is past but done;
/// C2 is due later. F1, D1 and C1 are carried over and not confirmed.
const DAY: Date = date(2026, 3, 2);

fn review() -> Session {
    dafo::storage::load(Path::new("tests/fixtures/review.ron")).unwrap()
}

fn palencia() -> Session {
    dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap()
}

/// The `word/document.xml` of a docx export.
fn docx_xml(s: &Session, lang: Lang, today: Date) -> String {
    let bytes = dafo::export::bytes_on(s, lang, Format::Docx, today);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    xml
}

/// The prose formats: Markdown, text, the HTML page and fragment, and the docx's XML.
fn prose(s: &Session, lang: Lang, today: Date) -> Vec<(&'static str, String)> {
    vec![
        ("md", render_on(s, lang, Format::Md, today)),
        ("txt", render_on(s, lang, Format::Txt, today)),
        ("html", render_on(s, lang, Format::Html, today)),
        ("fragment", render_on(s, lang, Format::HtmlFragment, today)),
        ("docx", docx_xml(s, lang, today)),
    ]
}

#[test]
fn prose_formats_mark_carried_items_and_overdue_actions_with_a_legend() {
    let s = review();
    for (what, out) in prose(&s, Lang::En, DAY) {
        // Plain text wraps the legend at 80 columns.
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            out.contains(
                "Marks: ↻ carried over from last year, not confirmed · ⚠ overdue: past its due date, not done"
            ),
            "{what}: no legend:\n{out}"
        );
        assert!(out.contains("Loyal volunteers who come back every year ↻"), "{what}: carried factor");
        assert!(out.contains("Only one driver for the van ↻"), "{what}: carried factor");
        assert!(out.contains("Train two more van drivers ↻"), "{what}: carried action");
        assert!(!out.contains("New cold room for fresh food ↻"), "{what}: a confirmed factor is not marked");
        assert!(out.contains("⚠ 2025-06-30") && out.contains("⚠ 2026-01-31"), "{what}: overdue actions:\n{out}");
        assert!(out.contains("2025-12-15") && !out.contains("⚠ 2025-12-15"), "{what}: a done action is never overdue");
        assert!(out.contains("2026-09-30") && !out.contains("⚠ 2026-09-30"), "{what}: not due yet");
    }
    // Spanish: the same marks, the legend in Spanish, the docx's dates as Spanish dates.
    let md = render_on(&s, Lang::Es, Format::Md, DAY);
    assert!(md.contains("Marcas: ↻ viene del año pasado, sin confirmar · ⚠ vencida: fecha pasada y sin hacer"), "{md}");
    let xml = docx_xml(&s, Lang::Es, DAY);
    assert!(xml.contains("⚠ 30/06/2025") && xml.contains("15/12/2025") && !xml.contains("⚠ 15/12/2025"), "{xml}");
}

#[test]
fn overdue_is_judged_on_the_day_of_the_export() {
    let s = review();
    // Before any due date: nothing overdue, the legend explains only ↻.
    let early = render_on(&s, Lang::En, Format::Md, date(2025, 1, 1));
    assert!(early.contains("Marks: ↻ carried over from last year, not confirmed\n"), "{early}");
    assert!(!early.contains('⚠'), "{early}");
    // In October C2 is late too; the due date itself is not late yet.
    assert!(!render_on(&s, Lang::En, Format::Txt, date(2026, 9, 30)).contains("⚠ 2026-09-30"));
    assert!(render_on(&s, Lang::En, Format::Txt, date(2026, 10, 1)).contains("⚠ 2026-09-30"));
}

#[test]
fn csv_has_a_marks_column_and_json_has_carried_and_overdue() {
    let s = review();
    let csv = render_on(&s, Lang::En, Format::Csv, DAY);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    // `marks` after the plan-less columns (then the session's place and participants).
    let at = headers.iter().position(|h| h == "marks").unwrap();
    assert_eq!(at, dafo::export::csv::PLANLESS_COLUMNS, "{csv}");
    let marks: Vec<(String, String)> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[0].to_owned(), r[at].to_owned())).collect();
    let mark = |id: &str| marks.iter().find(|(i, _)| i == id).map(|(_, m)| m.as_str()).unwrap();
    assert_eq!(
        [mark("S1"), mark("S2"), mark("W1"), mark("M1"), mark("C1"), mark("C2"), mark("E1")],
        ["carried", "", "carried", "", "carried;overdue", "", "overdue"],
        "{csv}"
    );
    // The CSV still imports: the marks column is read and ignored.
    let back = dafo::export::import::csv(&csv, Path::new("x.csv")).unwrap();
    let back = dafo::export::import::build(back, "x", jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(back.counts(), s.counts());

    let json: serde_json::Value = serde_json::from_str(&render_on(&s, Lang::En, Format::Json, DAY)).unwrap();
    let flags: Vec<(&str, bool, bool)> = json["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["carried"].as_bool().unwrap(), a["overdue"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        flags,
        [("M1", false, false), ("C1", true, true), ("C2", false, false), ("E1", false, true)],
        "stored IDs, carried and overdue"
    );
    assert_eq!(json["strengths"][0]["carried"], true);
}

#[test]
fn a_session_without_marks_has_no_legend_and_no_marks_column() {
    let s = palencia();
    for (what, out) in prose(&s, Lang::Es, date(2026, 11, 27)) {
        assert!(!out.contains("Marcas:") && !out.contains('↻') && !out.contains('⚠'), "{what}");
    }
    let csv = render_on(&s, Lang::Es, Format::Csv, date(2026, 11, 27));
    assert!(!csv.lines().next().unwrap().contains("marks"), "{csv}");
}

#[test]
fn exports_and_the_screen_agree_on_what_is_overdue() {
    let s = review();
    for day in [date(2025, 1, 1), DAY, date(2026, 10, 1)] {
        let mut h = common::held(s.clone(), Lang::En);
        let Screen::Editor(e) = &mut h.app.screen else { panic!("no editor") };
        e.set_today(day);
        let txt = render_on(e.session(), Lang::En, Format::Txt, day);
        assert_eq!(txt.matches("⚠ 20").count(), e.overdue_count(), "on {day}:\n{txt}");
    }
}

#[test]
fn the_informe_final_marks_its_plan_tables_too() {
    // Palencia's C1 (due 2027-01-31) and E1 (2027-02-15) are late on 1 March 2027.
    let s = palencia();
    let md = render_on(&s, Lang::Es, Format::Md, date(2027, 3, 1));
    assert!(md.contains("Marcas: ⚠ vencida: fecha pasada y sin hacer"), "{md}");
    assert_eq!(md.matches("Plazo: ⚠ 31/01/2027").count(), 2, "the CAME list and the plan's table:\n{md}");
    assert!(md.contains("| ⚠ 31/01/2027 |"), "the plan's table:\n{md}");
    assert!(md.contains("| ⚠ 15/02/2027 |") && !md.contains("⚠ 31/03/2027"), "{md}");
    let xml = docx_xml(&s, Lang::Es, date(2027, 3, 1));
    assert!(xml.contains("⚠ 31/01/2027"), "docx");
}

/// The `YYYY-MM-DD` dates in `text`.
fn iso_dates(text: &str) -> Vec<&str> {
    let shape =
        |w: &[u8]| w.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    (0..text.len().saturating_sub(9))
        .filter(|&i| text.is_char_boundary(i) && text.is_char_boundary(i + 10) && shape(&text.as_bytes()[i..i + 10]))
        .map(|i| &text[i..i + 10])
        .collect()
}

#[test]
fn one_date_format_in_a_whole_document() {
    // The trials found `2027-01-31` beside `31/01/2027` in the Spanish Markdown and
    // HTML and three formats in one Catalan docx.
    let s = palencia();
    for lang in [Lang::Es, Lang::Ca] {
        for (what, out) in prose(&s, lang, date(2027, 3, 1)) {
            assert_eq!(iso_dates(&out), Vec::<&str>::new(), "{lang:?} {what}");
            assert!(out.contains("31/01/2027"), "{lang:?} {what}:\n{out}");
        }
    }
    for (what, out) in prose(&s, Lang::En, date(2027, 3, 1)) {
        assert!(out.contains("2027-01-31") && !out.contains("31/01/2027"), "en {what}");
    }
}

#[test]
fn golden_review_exports() {
    let s = review();
    insta::assert_snapshot!("review_md_en", render_on(&s, Lang::En, Format::Md, DAY));
    insta::assert_snapshot!("review_txt", render_on(&s, Lang::Es, Format::Txt, DAY));
    insta::assert_snapshot!("review_csv_en", render_on(&s, Lang::En, Format::Csv, DAY));
}
