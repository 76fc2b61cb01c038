//! The `M` form's fields of the session's own meeting (technique, attendees by
//! sex and age band), kept through `dafo merge` with the header's date and place.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common;
use common::held;
use common::keys::{press, typ};
use dafo::app::{App, Screen};
use dafo::domain::Session;
use dafo::domain::meetings::Count;
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn retype(app: &mut App, text: &str) {
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
    typ(app, text);
}

/// Opens `M` and tabs to field `n`.
fn to_field(app: &mut App, n: usize) {
    typ(app, "M");
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

fn tecnicos() -> Session {
    dafo::storage::load(std::path::Path::new("sessions/grupos/tecnicos.ron")).unwrap()
}

#[test]
fn the_meta_form_records_the_session_s_own_meeting_and_merge_keeps_it() {
    let mut h = held(tecnicos(), Lang::Es);
    let app = &mut h.app;
    to_field(app, 6);
    retype(app, "grupo focal");
    press(app, KeyCode::Tab);
    retype(app, "doce");
    press(app, KeyCode::Tab);
    retype(app, "mujeres 7, hombres 5");
    press(app, KeyCode::Tab);
    retype(app, "30-44 8; 45-64 4");
    press(app, KeyCode::Enter);
    assert!(
        matches!(&app.screen, Screen::Editor(e) if e.form().is_some_and(|f| f.active == 7)),
        "a bad count keeps the form open on it"
    );
    press(app, KeyCode::Tab);
    press(app, KeyCode::BackTab);
    retype(app, "12");
    press(app, KeyCode::Enter);
    let s = session(app).clone();
    assert_eq!(s.meta.meetings.len(), 1);
    let m = &s.meta.meetings[0];
    assert_eq!((m.group.as_str(), m.technique.as_deref(), m.attendees), ("técnicos", Some("grupo focal"), Some(12)));
    let c = |label: &str, count| Count { label: label.into(), count };
    assert_eq!(m.by_sex, [c("mujeres", 7), c("hombres", 5)]);
    assert_eq!(m.by_age, [c("30-44", 8), c("45-64", 4)]);
    // Opened again, the form shows what it stored, and an untouched submit changes nothing.
    typ(app, "M");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).meta.meetings, s.meta.meetings);
    // Merged, the meeting keeps what the form said and takes date and place from the header.
    let inputs = [dafo::merge::Input::new(s.clone(), "x")];
    let opts = dafo::merge::Options {
        title: "D".into(),
        now: jiff::Timestamp::UNIX_EPOCH,
        accept_similar: false,
        joined: vec![],
        prefer: Default::default(),
        wordings: vec![],
    };
    let out = dafo::merge::merge(&inputs, &opts).session;
    let got = &out.meta.meetings[0];
    assert_eq!((got.technique.as_deref(), got.attendees), (Some("grupo focal"), Some(12)));
    assert_eq!(got.place, s.meta.place);
    assert_eq!(got.date, Some(s.meta.created.to_zoned(jiff::tz::TimeZone::UTC).date()));
    // Undo takes the whole form back in one step.
    typ(app, "u");
    assert!(session(app).meta.meetings.is_empty());
}

#[test]
fn meta_form_with_the_meeting_80x24() {
    let mut s = tecnicos();
    let mut m = dafo::domain::meetings::Meeting::of("técnicos");
    m.technique = Some("grupo focal".into());
    m.attendees = Some(12);
    m.by_sex = vec![Count { label: "mujeres".into(), count: 7 }, Count { label: "hombres".into(), count: 5 }];
    s.meta.meetings = vec![m];
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "M");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(&h.app, &Theme::dark(), f)).unwrap();
    insta::assert_snapshot!(terminal.backend().clone());
}

/// At 80x24 the form puts each label beside its value, the label in 40 % of
/// the row: "Horizonte (p. ej. 2023-2026)" was cut without a mark and ran into
/// its value, and a horizon of 2027-2030 read "2023-2027-2030".
#[test]
fn a_label_cut_beside_its_value_is_marked_and_kept_apart_from_it() {
    let mut s = tecnicos();
    s.meta.horizon = Some(dafo::domain::Horizon::new(2027, 2030).unwrap());
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "M");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(&h.app, &Theme::dark(), f)).unwrap();
    let screen = format!("{}", terminal.backend());
    let row = screen.lines().find(|l| l.contains("2027-2030")).unwrap_or_else(|| panic!("{screen}"));
    assert!(!row.contains("2023-2027-2030"), "{row}");
    assert!(row.contains("Horizonte") && row.contains("… 2027-2030"), "{row}");
}
