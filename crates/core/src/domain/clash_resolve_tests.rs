//! Tests of resolving the plan's and the follow-up's clashes.

use super::*;
use crate::domain::clash::{Clash, Key, Version};
use crate::domain::{ActionReview, Came, CameAction, Degree, Status};

fn with_mission_clash() -> Session {
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    s.mission = Some("Cuidar a quien cuida".into());
    s.clashes = vec![Clash::Other(Version::Mission("Acompañar a las familias".into()))];
    s
}

fn resolved(mut s: Session, choice: Choice) -> Session {
    let e = s.resolve_clash(0, &choice).expect("resolves");
    let before = s.clone();
    let undo = s.apply(e).expect("applies");
    assert!(s.conflicts().is_empty(), "no clash left: {:?}", s.clashes);
    let mut back = s.clone();
    back.apply(undo).expect("undoes");
    assert_eq!(back, before, "one undo brings the clash back");
    s
}

#[test]
fn each_choice_sets_the_mission_and_removes_the_clash() {
    assert_eq!(resolved(with_mission_clash(), Choice::Here).mission.as_deref(), Some("Cuidar a quien cuida"));
    assert_eq!(resolved(with_mission_clash(), Choice::Other).mission.as_deref(), Some("Acompañar a las familias"));
    assert_eq!(
        resolved(with_mission_clash(), Choice::Both).mission.as_deref(),
        Some("Cuidar a quien cuida / Acompañar a las familias")
    );
    let typed = Choice::Text("Cuidar y acompañar".into());
    assert_eq!(resolved(with_mission_clash(), typed).mission.as_deref(), Some("Cuidar y acompañar"));
}

#[test]
fn joining_is_only_for_free_text_and_within_its_limit() {
    let mut s = with_mission_clash();
    let review = ActionReview {
        action: "C1".into(),
        year: 2025,
        degree: Degree::new(60).unwrap(),
        status: Status::InProgress,
        note: None,
        committed: None,
        paid: None,
    };
    s.clashes.push(Clash::Other(Version::Review(review)));
    assert_eq!(s.resolve_clash(1, &Choice::Both), Err(Refusal::NotText));
    assert_eq!(s.resolve_clash(1, &Choice::Text("x".into())), Err(Refusal::NotText));
    assert_eq!(s.resolve_clash(2, &Choice::Here), Err(Refusal::Gone));
    s.mission = Some("m".repeat(STATEMENT_TEXT_MAX - 2));
    assert_eq!(s.resolve_clash(0, &Choice::Both), Err(Refusal::TooLong(STATEMENT_TEXT_MAX)));
}

#[test]
fn taking_the_other_review_follows_with_the_actions_status() {
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    s.correct.push(CameAction::new("C1", "Ventanilla", vec![]));
    let ours = ActionReview {
        action: "C1".into(),
        year: 2025,
        degree: Degree::new(90).unwrap(),
        status: Status::Done,
        note: None,
        committed: None,
        paid: None,
    };
    let theirs = ActionReview {
        degree: Degree::new(60).unwrap(),
        status: Status::InProgress,
        note: Some("segunda nota".into()),
        ..ours.clone()
    };
    s.reviews.push(ours);
    s.correct[0].status = Status::Done;
    s.clashes = vec![Clash::Other(Version::Review(theirs.clone()))];
    let s = resolved(s, Choice::Other);
    assert_eq!(s.reviews, [theirs]);
    assert_eq!(s.actions(Came::Correct)[0].status, Status::InProgress);
}

#[test]
fn taking_the_other_side_of_a_delete_removes_the_entry() {
    let mut s = with_mission_clash();
    s.clashes = vec![Clash::Deleted(Key::Mission)];
    assert_eq!(resolved(s.clone(), Choice::Other).mission, None);
    assert_eq!(resolved(s, Choice::Here).mission.as_deref(), Some("Cuidar a quien cuida"));
}

#[test]
fn a_metadata_field_takes_the_other_text_or_json() {
    let mut s = Session::new("Taller de marzo", jiff::Timestamp::UNIX_EPOCH);
    s.clashes = vec![Clash::Other(Version::Meta("title".into(), "Taller de abril".into()))];
    assert_eq!(resolved(s.clone(), Choice::Other).meta.title, "Taller de abril");
    let horizon = "2024-2027";
    s.clashes = vec![Clash::Other(Version::Meta("horizon".into(), horizon.into()))];
    let h = resolved(s, Choice::Other).meta.horizon.expect("a horizon");
    assert_eq!((h.start, h.end), (2024, 2027));
}
