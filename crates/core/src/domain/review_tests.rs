//! Tests of the yearly reviews: degrees, edits and their undo.

use super::*;
use crate::domain::{Came, Document};
use jiff::Timestamp;

fn planned() -> Session {
    let mut s = Session::new("Plan", Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2023, 2026).ok();
    for t in ["Mesa de coordinación", "Ventanilla única"] {
        let e = s.add_action(Came::Correct, t, vec![]).unwrap();
        s.apply(e).unwrap();
    }
    let e = s.add_indicator("Casos compartidos").unwrap();
    s.apply(e).unwrap();
    s
}

#[test]
fn degrees_read_and_stay_in_range() {
    assert_eq!("75".parse::<Degree>(), Ok(Degree(75)));
    assert_eq!("100%".parse::<Degree>(), Ok(Degree::FULL));
    for bad in ["101", "-5", "", "7.5", "1000", "abc"] {
        assert!(bad.parse::<Degree>().is_err(), "{bad}");
    }
    assert_eq!(Degree(95).step(10), Degree::FULL);
    assert_eq!(Degree(3).step(-5), Degree::ZERO);
    assert!(ron::from_str::<Degree>("120").is_err());
    assert_eq!(Degree(50).suggested_status(), Status::InProgress);
}

#[test]
fn a_review_is_one_undoable_step_and_the_action_follows_its_latest_year() {
    let mut doc = Document::new(planned());
    let e = doc.session.review_action("C1", 2024, Degree::new(50), None, Some("Dos reuniones")).unwrap().unwrap();
    doc.apply(e).unwrap();
    let r = doc.session.action_review("C1", 2024).unwrap();
    assert_eq!((r.degree.get(), r.status, r.note.as_deref()), (50, Status::InProgress, Some("Dos reuniones")));
    assert_eq!(doc.session.correct[0].status, Status::InProgress);
    // An earlier year inserted before, without touching the action's status.
    let e = doc.session.review_action("C1", 2023, Degree::new(100), Some(Status::Done), None).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(doc.session.reviews[0].year, 2023);
    assert_eq!(doc.session.correct[0].status, Status::InProgress);
    // Changing a past year is an edit like any other; hecha only followed 100,
    // so it follows 80 (one rule: see `a_degree_without_a_status_…`).
    let e = doc.session.review_action("C1", 2023, Degree::new(80), None, None).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(
        doc.session.action_review("C1", 2023).map(|r| (r.degree.get(), r.status)),
        Some((80, Status::InProgress))
    );
    assert!(doc.undo());
    assert_eq!(doc.session.action_review("C1", 2023).map(|r| r.degree.get()), Some(100));
    assert!(doc.undo() && doc.undo());
    assert_eq!(*doc.session, planned());
    assert!(doc.session.review_action("C1", 2024, None, None, None).unwrap().is_some());
}

#[test]
fn nothing_changes_on_bad_input() {
    let s = planned();
    assert_eq!(s.review_action("C9", 2024, None, None, None), Err(ReviewError::UnknownAction("C9".into())));
    assert!(matches!(s.review_action("C1", 2027, None, None, None), Err(ReviewError::OutsideHorizon { .. })));
    assert!(matches!(s.set_indicator_value("I7", 2024, Some(1.0)), Err(ReviewError::UnknownIndicator(_))));
    assert!(matches!(s.set_indicator_value("I1", 2024, Some(f64::NAN)), Err(ReviewError::BadValue(_))));
    let mut free = Session::new("Sin plan", Timestamp::UNIX_EPOCH);
    assert_eq!(free.check_review_year(2024), Ok(()));
    assert_eq!(free.check_review_year(3000), Err(ReviewError::BadYear(3000)));
    free.meta.horizon = Horizon::new(2024, 2024).ok();
    assert!(free.check_review_year(2025).is_err());
}

#[test]
fn year_records_and_values_are_reversible_and_kept_in_year_order() {
    let mut s = planned();
    let e = s
        .change_year_review(2025, |r| {
            r.body = Some(" Comisión \u{1b}[1mtécnica ".into());
            r.problems = vec!["Falta de personal".into(), "  ".into()];
        })
        .unwrap()
        .unwrap();
    let undo = s.apply(e).unwrap();
    let e = s.change_year_review(2023, |r| r.summary = Some("Arranque".into())).unwrap().unwrap();
    s.apply(e).unwrap();
    let years: Vec<_> = s.review_years.iter().map(|r| r.year).collect();
    assert_eq!(years, [2023, 2025]);
    let r = s.year_review(2025).unwrap();
    assert_eq!((r.body.as_deref(), r.problems.len()), (Some("Comisión técnica"), 1));
    assert!(s.change_year_review(2025, |_| {}).unwrap().is_none());
    // Emptied, the record goes.
    let e = s.change_year_review(2023, |r| r.summary = None).unwrap().unwrap();
    s.apply(e).unwrap();
    assert!(s.year_review(2023).is_none());
    s.apply(undo).unwrap();
    assert!(s.review_years.is_empty());

    let e = s.set_indicator_value("I1", 2024, Some(35.0)).unwrap().unwrap();
    s.apply(e).unwrap();
    assert_eq!(s.indicator_value("I1", 2024), Some(35.0));
    assert!(s.set_indicator_value("I1", 2024, Some(35.0)).unwrap().is_none());
    let e = s.set_indicator_value("I1", 2024, None).unwrap().unwrap();
    s.apply(e).unwrap();
    assert_eq!(s.indicator_value("I1", 2024), None);
    assert_eq!(s.reviewed_years(), Vec::<i16>::new());
}

#[test]
fn reviews_round_trip_one_line_each_and_are_left_out_when_empty() {
    let mut s = planned();
    let empty = crate::storage::to_ron(&s);
    assert!(!empty.contains("reviews") && !empty.contains("indicator_values"), "{empty}");
    for (id, y, d) in [("C1", 2023, 25), ("C2", 2023, 0), ("C1", 2024, 60)] {
        let e = s.review_action(id, y, Degree::new(d), None, Some("nota")).unwrap().unwrap();
        s.apply(e).unwrap();
    }
    let e = s.change_year_review(2023, |r| r.problems = vec!["Retrasos".into()]).unwrap().unwrap();
    s.apply(e).unwrap();
    let e = s.set_indicator_value("I1", 2023, Some(12.5)).unwrap().unwrap();
    s.apply(e).unwrap();
    let ron = crate::storage::to_ron(&s);
    assert!(ron.contains("(action: \"C1\", year: 2024, degree: 60, status: InProgress, note: \"nota\"),"), "{ron}");
    assert!(ron.contains("(indicator: \"I1\", year: 2023, actual: 12.5)"), "{ron}");
    assert_eq!(crate::storage::parse(&ron, std::path::Path::new("x")).unwrap(), s);
    let bad = ron.replace("degree: 60", "degree: 160");
    assert!(crate::storage::parse(&bad, std::path::Path::new("x")).is_err());
}

/// A note written by hand with spaces at its ends, then the same note read back
/// from an owner's unchanged sheet (trimmed, as every input is): an audit saw
/// `--from-sheets` report and save a change. The same words are no change.
#[test]
fn a_note_that_reads_the_same_once_cleaned_is_no_change() {
    let mut s = planned();
    let e = s.review_action("C1", 2024, Degree::new(50), None, Some("Dos reuniones")).unwrap().unwrap();
    s.apply(e).unwrap();
    let at = s.reviews.iter().position(|r| r.action == "C1" && r.year == 2024).unwrap();
    s.reviews[at].note = Some("  Dos reuniones ; '@x  ".into());
    let same = s.review_action("C1", 2024, Degree::new(50), None, Some("Dos reuniones ; '@x"));
    assert_eq!(same, Ok(None));
    let mut doc = Document::new(s);
    // Other words are still a change, and stored cleaned.
    let e = doc.session.review_action("C1", 2024, None, None, Some(" Tres reuniones ")).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(doc.session.action_review("C1", 2024).unwrap().note.as_deref(), Some("Tres reuniones"));
}

/// `dafo review --note C2=…` for a year without a review of C2 stored 0 % and
/// pendiente: an action at 75 % en curso fell back to pendiente, silently. A
/// first review of the year without a degree starts where the action stood.
#[test]
fn a_note_or_money_alone_starts_where_the_action_stood_and_never_sets_it_back() {
    let mut doc = Document::new(planned());
    let e = doc.session.review_action("C1", 2024, Degree::new(75), None, None).unwrap().unwrap();
    doc.apply(e).unwrap();
    let e = doc.session.review_action("C1", 2025, None, None, Some("Sigue el circuito")).unwrap().unwrap();
    doc.apply(e).unwrap();
    let r = doc.session.action_review("C1", 2025).unwrap();
    assert_eq!((r.degree.get(), r.status, r.note.as_deref()), (75, Status::InProgress, Some("Sigue el circuito")));
    assert_eq!(doc.session.correct[0].status, Status::InProgress);
    // A status alone keeps the degree where it stood.
    let e = doc.session.review_action("C1", 2026, None, Some(Status::Dropped), None).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(doc.session.action_review("C1", 2026).map(|r| (r.degree.get(), r.status)), Some((75, Status::Dropped)));
    // No review at all: the status set by hand in the CAME view stays, for a note and for money.
    let e = doc.session.change_action(Came::Correct, 1, |a| a.status = Status::InProgress).unwrap();
    doc.apply(e).unwrap();
    let e = doc.session.review_action("C2", 2024, None, None, Some("Abierta en marzo")).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(
        doc.session.action_review("C2", 2024).map(|r| (r.degree.get(), r.status)),
        Some((0, Status::InProgress))
    );
    assert_eq!(doc.session.correct[1].status, Status::InProgress);
    let money = crate::domain::plan::Euros { cents: 150_000 };
    let e = doc.session.review_money("C2", 2025, Some(Some(money)), None).unwrap().unwrap();
    doc.apply(e).unwrap();
    assert_eq!(doc.session.action_review("C2", 2025).map(|r| r.status), Some(Status::InProgress));
    // Reviewed only in a later year: pendiente before it, as the roll-up says.
    let mut s = planned();
    let e = s.review_action("C1", 2026, Degree::new(100), None, None).unwrap().unwrap();
    s.apply(e).unwrap();
    let e = s.review_action("C1", 2024, None, None, Some("Aún no")).unwrap().unwrap();
    s.apply(e).unwrap();
    assert_eq!(s.action_review("C1", 2024).map(|r| (r.degree.get(), r.status)), Some((0, Status::Pending)));
    assert_eq!(s.correct[0].status, Status::Done);
}

/// One rule wherever a degree is typed (the `S` view, `dafo review`, the
/// owners' sheets): given without a status, the status follows the degree when
/// it only followed the old one; a status set by hand stays; a given one wins.
#[test]
fn a_degree_without_a_status_brings_the_status_it_suggests_unless_one_was_set_by_hand() {
    let mut s = planned();
    let at = |s: &Session, id: &str, y| s.action_review(id, y).map(|r| (r.degree.get(), r.status));
    let put = |s: &mut Session, id: &str, y, d: u8, st: Option<Status>| {
        let e = s.review_action(id, y, Degree::new(d), st, None).unwrap().unwrap();
        s.apply(e).unwrap();
    };
    // This year's review: 40 en curso, then 100 is hecha, 0 pendiente, 60 en curso.
    put(&mut s, "C1", 2025, 40, None);
    assert_eq!(at(&s, "C1", 2025), Some((40, Status::InProgress)));
    put(&mut s, "C1", 2025, 100, None);
    assert_eq!(at(&s, "C1", 2025), Some((100, Status::Done)));
    assert_eq!(s.correct[0].status, Status::Done, "the action follows its latest review");
    put(&mut s, "C1", 2025, 0, None);
    assert_eq!(at(&s, "C1", 2025), Some((0, Status::Pending)));
    put(&mut s, "C1", 2025, 60, None);
    assert_eq!(at(&s, "C1", 2025), Some((60, Status::InProgress)));
    // A first review of a year follows where the action stood the year before.
    put(&mut s, "C1", 2026, 100, None);
    assert_eq!(at(&s, "C1", 2026), Some((100, Status::Done)));
    // A status set by hand stays: descartada, and hecha at 50.
    put(&mut s, "C2", 2025, 40, Some(Status::Dropped));
    put(&mut s, "C2", 2025, 100, None);
    assert_eq!(at(&s, "C2", 2025), Some((100, Status::Dropped)));
    put(&mut s, "C2", 2026, 0, None);
    assert_eq!(at(&s, "C2", 2026), Some((0, Status::Dropped)), "dropped last year, still dropped");
    put(&mut s, "C2", 2024, 50, Some(Status::Done));
    put(&mut s, "C2", 2024, 70, None);
    assert_eq!(at(&s, "C2", 2024), Some((70, Status::Done)));
    // A given status always wins.
    put(&mut s, "C2", 2024, 100, Some(Status::InProgress));
    assert_eq!(at(&s, "C2", 2024), Some((100, Status::InProgress)));
}
