//! Item IDs: no two things share one (in the file, on screen, in exports), English
//! exports show English initials, and every importer reads both the stored and the
//! shown form back, including the IDs of exports made before format version 4.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::collections::HashSet;
use std::path::Path;

use dafo::domain::{Came, Session};
use dafo::export::import::{build, csv as import_csv, markdown as import_md};
use dafo::export::{Format, render};
use dafo::i18n::Lang;
use jiff::Timestamp;

fn palencia() -> Session {
    dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap()
}

fn all_ids(s: &Session) -> Vec<String> {
    let factors = s.strengths.iter().chain(&s.weaknesses).chain(&s.opportunities).chain(&s.threats).map(|f| &f.id);
    let actions = s.all_actions().map(|(_, a)| &a.id);
    let plan =
        s.challenges.iter().map(|c| &c.id).chain(s.axes.iter().map(|a| &a.id)).chain(s.lines.iter().map(|l| &l.id));
    factors.chain(actions).chain(s.strategies.iter().map(|st| &st.id)).chain(plan).cloned().collect()
}

#[test]
fn the_sample_has_no_id_twice_in_the_file_or_the_csv() {
    let s = palencia();
    let ids = all_ids(&s);
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "{ids:?}");
    assert!(s.confront.iter().all(|a| a.id.starts_with("AF")), "Afrontar actions are AF");
    for lang in Lang::ALL.iter().copied() {
        let csv = render(&s, lang, Format::Csv);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).filter(|id| !id.is_empty()).collect();
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{lang:?}: an ID twice in {ids:?}");
        let plan = s.challenges.len() + s.axes.len() + s.lines.len() + s.indicators.len();
        assert_eq!(ids.len(), s.total() + s.all_actions().count() + s.strategies.len() + plan);
    }
}

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

#[test]
fn english_exports_show_english_initials() {
    let s = palencia();
    for format in [Format::Md, Format::Txt, Format::Html] {
        let en = words(&render(&s, Lang::En, format));
        for shown in ["S1", "W1", "O1", "T1", "CF1", "SO1"] {
            assert!(en.contains(shown), "{format:?}: no {shown}");
        }
        // The Spanish initials of strengths, weaknesses and threats are not shown.
        for stored in ["F1", "D1", "A1", "FO1", "AF1"] {
            assert!(!en.contains(stored), "{format:?}: {stored} in English");
        }
        let es = words(&render(&s, Lang::Es, format));
        assert!(es.contains("F1") && es.contains("AF1") && !es.contains("CF1"), "{format:?}: Spanish as stored");
    }
    let csv = render(&s, Lang::En, Format::Csv);
    assert!(csv.contains("\r\nT1,factor,Threats,") && csv.contains("\r\nCF1,action,"), "{csv}");
    assert!(csv.contains(",T2;T4,"), "links as shown: {csv}");
}

/// The evaluation report (informe de seguimiento) wrote the stored `AF1`
/// in English, where every other document shows `CF1`.
#[test]
fn the_english_report_shows_the_english_initials() {
    use dafo::export::report::{ReportFormat, render_on};
    let s = dafo::storage::load(Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let mut newer = s.clone();
    newer.correct[0].text.push_str(" (revisada)");
    let files = vec![("2025.ron".to_owned(), s.clone()), ("2026.ron".to_owned(), newer)];
    let joined = dafo::export::report_join::join(files, Lang::En).unwrap();
    let years = s.reviewed_years();
    for format in [ReportFormat::Md, ReportFormat::Txt, ReportFormat::Html] {
        let out =
            String::from_utf8(render_on(&joined, &years, format, Lang::En, jiff::civil::date(2026, 12, 6))).unwrap();
        let en = words(&out);
        assert!(en.contains("CF1"), "{format:?}: no CF1");
        for stored in ["AF1", "AF2", "FA1", "DA1"] {
            assert!(!en.contains(stored), "{format:?}: {stored} in English:\n{out}");
        }
    }
}

#[test]
fn an_english_export_imports_back_with_the_stored_ids() {
    let s = palencia();
    for (format, what) in [(Format::Csv, "csv"), (Format::Md, "md")] {
        let text = render(&s, Lang::En, format);
        let imported = match format {
            Format::Csv => import_csv(&text, Path::new("x.csv")).unwrap(),
            _ => import_md(&text),
        };
        let back = build(imported, "x", Timestamp::UNIX_EPOCH);
        for q in dafo::domain::Quadrant::ALL {
            let ids = |s: &Session| s.factors(q).iter().map(|f| f.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&back), ids(&s), "{what} {q:?}");
        }
        if format == Format::Csv {
            for c in Came::ALL {
                let ids =
                    |s: &Session| s.actions(c).iter().map(|a| (a.id.clone(), a.links.clone())).collect::<Vec<_>>();
                assert_eq!(ids(&back), ids(&s), "{what} {c:?}");
            }
            let strategies = |s: &Session| {
                s.strategies.iter().map(|st| (st.id.clone(), st.kind, st.factors.clone())).collect::<Vec<_>>()
            };
            assert_eq!(strategies(&back), strategies(&s));
        }
    }
}

#[test]
fn a_csv_written_before_format_4_reads_its_afrontar_actions_as_af() {
    let old = "id,kind,quadrant,text,links\n\
        A1,factor,Amenazas,Despoblación,\n\
        A1,action,Afrontar,Mesa con el Ayuntamiento,A1\n\
        A2,action,,Red de farmacias,A1\n";
    let s = build(import_csv(old, Path::new("old.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
    assert_eq!(s.threats[0].id, "A1");
    let ids: Vec<(&str, &[String])> = s.confront.iter().map(|a| (a.id.as_str(), a.links.as_slice())).collect();
    assert_eq!(ids, [("AF1", &["A1".to_owned()][..]), ("AF2", &["A1".to_owned()][..])]);
}

// ---- The status line and the input labels of an English session ----

/// The words of `text` that are stored IDs English shows otherwise (`F1`,
/// `AF2`, `FO1`): none may be on an English screen.
fn stored_in_english(text: &str) -> Vec<String> {
    let mut found: Vec<String> = words(text).into_iter().filter(|w| Lang::En.show_id(w) != *w).collect();
    found.sort();
    found
}

/// The status line now, checked to hold no stored ID.
fn said(h: &crate::common::Held) -> String {
    let text = crate::common::keys::notice(h);
    assert_eq!(stored_in_english(&text), Vec::<String>::new(), "stored IDs in {text:?}");
    text
}

fn ctrl(h: &mut crate::common::Held, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    crate::common::keys::key(h, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn english_undo_delete_and_move_messages_in_the_grid_show_english_ids() {
    use crate::common::keys::typ;
    let mut h = crate::common::held_sample(Lang::En);
    typ(&mut h, "4+u");
    assert!(said(&h).starts_with("undone: change T1 "), "{}", said(&h));
    ctrl(&mut h, 'r');
    assert!(said(&h).starts_with("redone: change T1 "), "{}", said(&h));
    typ(&mut h, "1x");
    assert!(said(&h).starts_with("Deleted S1"), "{}", said(&h));
    typ(&mut h, "u");
    assert!(said(&h).starts_with("undone: delete S1 "), "{}", said(&h));
    typ(&mut h, "m2");
    let moved = Lang::En.show_id(&crate::common::keys::ed(&h).session().weaknesses.last().unwrap().id);
    assert!(moved.starts_with('W'), "{moved}");
    assert_eq!(said(&h), format!("S1 → {moved} (Weaknesses)"));
}

#[test]
fn english_undo_in_the_weights_and_the_crossed_matrix_shows_english_ids() {
    use crate::common::keys::typ;
    let mut h = crate::common::held_sample(Lang::En);
    typ(&mut h, "W3u");
    assert!(said(&h).starts_with("undone: change S"), "{}", said(&h));
    ctrl(&mut h, 'r');
    assert!(said(&h).starts_with("redone: change S"), "{}", said(&h));
    typ(&mut h, "X+");
    assert!(said(&h).ends_with(" SO1"), "{}", said(&h));
    typ(&mut h, "u");
    assert!(said(&h).starts_with("undone: change SO1 "), "{}", said(&h));
    // Deleting a strategy is said, as deleting a factor or an action is (it said nothing).
    typ(&mut h, "x");
    assert_eq!(said(&h), "Deleted SO1 (u to undo)");
    typ(&mut h, "u");
    assert!(said(&h).starts_with("undone: delete SO1 "), "{}", said(&h));
}

#[test]
fn english_came_action_messages_show_english_ids() {
    use crate::common::keys::{press, typ};
    use ratatui::crossterm::event::KeyCode;
    let mut h = crate::common::held_sample(Lang::En);
    typ(&mut h, "c4");
    press(&mut h, KeyCode::Right);
    typ(&mut h, "s");
    assert!(said(&h).starts_with("CF1: "), "{}", said(&h));
    typ(&mut h, "u");
    assert!(said(&h).starts_with("undone: change CF1 "), "{}", said(&h));
    let n = crate::common::keys::ed(&h).session().confront.len() + 1;
    typ(&mut h, "aNew action");
    press(&mut h, KeyCode::Enter);
    press(&mut h, KeyCode::Esc);
    typ(&mut h, "u");
    assert_eq!(said(&h), format!("undone: add CF{n} New action"));
    let e = crate::common::keys::ed(&h);
    let selected = Lang::En.show_id(&e.session().confront[e.action_selection(Came::Confront).unwrap()].id);
    assert!(selected.starts_with("CF"), "{selected}");
    typ(&mut h, "x");
    assert_eq!(said(&h), format!("Deleted {selected} (u to undo)"));
}

/// The cronograma's line of undated actions wrote the stored `AF2` under rows
/// that show `CF1`: every document and the plan view show the English IDs.
#[test]
fn the_english_schedule_names_its_undated_actions_with_english_ids() {
    let s = palencia();
    let undated = s.schedule().unwrap().undated;
    assert!(undated.iter().any(|id| Lang::En.show_id(id) != *id), "the sample has an undated action: {undated:?}");
    let line = format!("Undated: {}", Lang::En.show_ids(&undated, ", "));
    let today = jiff::civil::date(2026, 12, 6);
    for format in [Format::Md, Format::Txt, Format::Html] {
        let out = dafo::export::render_on(&s, Lang::En, format, today);
        assert!(out.contains(&line), "{format:?}: no {line:?}");
        // The page's style names its paper (`size: A4`): the words after it.
        let body = out.split_once("</style>").map_or(out.as_str(), |(_, body)| body);
        assert_eq!(stored_in_english(body), Vec::<String>::new(), "{format:?}");
    }
    let docx = crate::cli_review::docx_text(&dafo::export::bytes_on(&s, Lang::En, Format::Docx, today));
    assert!(docx.contains(&line), "docx: no {line:?}");
    let mut h = crate::common::held_sample(Lang::En);
    crate::common::keys::typ(&mut h, "Pt");
    let screen = crate::common::screen_rows(&h, 120, 40).join("\n");
    assert!(screen.contains(&line), "plan view: no {line:?} in\n{screen}");
}

/// The input line's label names its item as the grid shows it: `Edit S1`, a
/// new action `for S2 «…»`, a new strategy `SO S1 × O1`.
#[test]
fn english_input_labels_show_english_ids() {
    use crate::common::keys::{press, typ};
    use ratatui::crossterm::event::KeyCode;
    let screen = |h: &crate::common::Held| {
        let text = crate::common::screen_rows(h, 120, 40).join("\n");
        assert_eq!(stored_in_english(&text), Vec::<String>::new(), "stored IDs on screen:\n{text}");
        text
    };
    let mut h = crate::common::held_sample(Lang::En);
    typ(&mut h, "1e");
    let text = screen(&h);
    assert!(text.contains("Edit S1 ("), "{text}");
    press(&mut h, KeyCode::Esc);
    typ(&mut h, "c1a");
    let text = screen(&h);
    assert!(text.contains("New action for S2 «"), "the first strength no action answers: {text}");
    press(&mut h, KeyCode::Esc);
    typ(&mut h, "Xa");
    press(&mut h, KeyCode::Enter);
    press(&mut h, KeyCode::Enter);
    let text = screen(&h);
    assert!(crate::common::keys::ed(&h).mode().input().is_some(), "{text}");
    assert!(text.contains("SO S1 × O1 ("), "{text}");
}

/// The IDs of the action rows of `csv` in its `id` column, in order, each once.
fn csv_action_ids(csv: &str, kind: Option<&str>) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let head = reader.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name);
    let (id, kinds) = (col("id").unwrap(), kind.map(|_| col("kind").unwrap()));
    let mut ids: Vec<String> = Vec::new();
    for r in reader.records().map(Result::unwrap) {
        if kinds.is_none_or(|k| Some(&r[k]) == kind) && !ids.contains(&r[id].to_owned()) {
            ids.push(r[id].to_owned());
        }
    }
    ids
}

/// `dafo report --format csv` and the published site's `plan.csv` wrote the
/// stored `AF1` in English, where `dafo export --format csv` writes `CF1`.
#[test]
fn the_english_report_csv_and_plan_csv_show_the_ids_of_the_export_csv() {
    use dafo::export::report::{ReportFormat, render_on};
    let s = dafo::storage::load(Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let today = jiff::civil::date(2026, 12, 6);
    let mut exported = csv_action_ids(&render(&s, Lang::En, Format::Csv), Some("action"));
    assert!(exported.contains(&"CF1".to_owned()), "{exported:?}");
    exported.sort();
    let joined = dafo::export::report_join::join(vec![("a.ron".to_owned(), s.clone())], Lang::En).unwrap();
    let report = render_on(&joined, &s.reviewed_years(), ReportFormat::Csv, Lang::En, today);
    let mut reported = csv_action_ids(&String::from_utf8(report).unwrap(), None);
    reported.sort();
    assert_eq!(reported, exported, "report --all --format csv");
    let site = dafo::export::publish::site(&s, Lang::En, today, false);
    let plan = site.iter().find(|f| f.name == "plan.csv").unwrap();
    let mut published = csv_action_ids(std::str::from_utf8(&plan.bytes).unwrap(), None);
    published.sort();
    assert_eq!(published, exported, "publish's plan.csv");
    // In Spanish all three keep the stored IDs.
    let es = dafo::export::report_join::join(vec![("a.ron".to_owned(), s.clone())], Lang::Es).unwrap();
    let report = render_on(&es, &s.reviewed_years(), ReportFormat::Csv, Lang::Es, today);
    assert!(csv_action_ids(&String::from_utf8(report).unwrap(), None).contains(&"AF1".to_owned()));
}
