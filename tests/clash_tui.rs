//! The plan's and the follow-up's git merge clashes in the TUI (issue 22): the
//! list `R` opens, keeping one version, the other, both texts joined or a text
//! written by hand; each a named undo step, autosaved, until `dafo check` passes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use crate::common;
use common::styles::styled;
use common::{Held, held};
use dafo::app::keymap::Context;
use dafo::app::{Action, App, Screen};
use dafo::domain::clash::{Clash, Key, Version};
use dafo::domain::{ActionReview, Came, Degree, Session, Status};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const OURS: &str = "Cuidar a quien cuida, cerca de casa";
const THEIRS: &str = "Acompañar a las familias cuidadoras";

/// The sample session as a git merge leaves it: the misión changed on both
/// branches, a review of C-action 2025 recorded differently on each, and the
/// visión deleted on the other branch.
fn merged() -> Session {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.mission = Some(OURS.into());
    let action = s.actions(Came::Correct)[0].id.clone();
    let review = |degree, status, note: Option<&str>| ActionReview {
        action: action.clone(),
        year: 2025,
        degree: Degree::new(degree).unwrap(),
        status,
        note: note.map(str::to_owned),
        committed: None,
        paid: None,
    };
    s.reviews = vec![review(90, Status::Done, None)];
    s.clashes = vec![
        Clash::Other(Version::Mission(THEIRS.into())),
        Clash::Other(Version::Review(review(60, Status::InProgress, Some("segunda nota")))),
        Clash::Deleted(Key::Vision),
    ];
    s
}

fn key(app: &mut App, c: char) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = app.action_for(&ev).unwrap_or_else(|| panic!("{c} does nothing in {:?}", app.context()));
    app.handle(action);
}

fn notice(app: &App) -> String {
    app.notice().map(|n| n.text.clone()).unwrap_or_default()
}

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

/// Time passes (fake, 300 ms a tick) until the autosave has written what is pending.
fn autosave(app: &mut App) {
    let mut now = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(10);
    let dirty = |app: &App| match &app.screen {
        Screen::Editor(e) => e.autosave().is_dirty(),
        Screen::Browser(_) => false,
    };
    // The first ticks notice the change (the autosave learns of it on a tick).
    for step in 0.. {
        if (step >= 7 && !dirty(app) && !app.busy()) || Instant::now() > deadline {
            break;
        }
        now += Duration::from_millis(300);
        app.tick(now);
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn r_lists_the_clashes_and_each_key_resolves_one_as_a_named_undo_step() {
    let mut h = held(merged(), Lang::Es);
    assert_eq!(notice(&h), "⚠ 3 conflictos de fusión en el plan o el seguimiento: R los muestra");
    key(&mut h, 'R');
    assert_eq!(h.context(), Context::Clashes);
    // 2: the other branch's misión.
    key(&mut h, '2');
    assert_eq!(session(&h).mission.as_deref(), Some(THEIRS));
    assert_eq!(session(&h).clashes.len(), 2);
    assert_eq!(notice(&h), "Conflicto resuelto: Misión. Quedan 2");
    // Undone with its name, from the view: the clash is back.
    key(&mut h, 'q');
    assert_eq!(h.context(), Context::Grid);
    key(&mut h, 'u');
    assert_eq!(notice(&h), "deshecho: resolver el conflicto de Misión");
    assert_eq!(session(&h).mission.as_deref(), Some(OURS));
    assert_eq!(session(&h).clashes.len(), 3);
    // 3: both texts joined, this branch's first.
    key(&mut h, 'R');
    key(&mut h, '3');
    assert_eq!(session(&h).mission.as_deref(), Some(format!("{OURS} / {THEIRS}").as_str()));
    // A review is no free text: 3 is refused and nothing changes.
    key(&mut h, '3');
    assert_eq!(notice(&h), "Solo la misión y la visión se unen o se escriben aquí: elige una de las dos versiones");
    assert_eq!(session(&h).clashes.len(), 2);
    // 2: the other branch's review, the action's status following it.
    key(&mut h, '2');
    let r = &session(&h).reviews[0];
    assert_eq!((r.degree.get(), r.note.as_deref()), (60, Some("segunda nota")));
    assert_eq!(session(&h).actions(Came::Correct)[0].status, Status::InProgress);
    // 1 on the visión deleted elsewhere: this branch keeps it. None is left.
    let vision = session(&h).vision.clone();
    key(&mut h, '1');
    assert_eq!(session(&h).vision, vision);
    assert!(session(&h).clashes.is_empty());
    assert_eq!(h.context(), Context::Grid, "the list closes with the last clash");
    assert_eq!(notice(&h), "Conflicto resuelto: Visión. No queda ninguno: dafo check lo da por correcto");
    // Autosaved: the file on disk has no clash left and keeps every choice.
    autosave(&mut h);
    let disk = dafo::storage::load(&h.path).unwrap();
    assert!(disk.conflicts().is_empty(), "{:?}", disk.clashes);
    assert_eq!(disk.mission.as_deref(), Some(format!("{OURS} / {THEIRS}").as_str()));
    assert_eq!(disk.reviews[0].degree.get(), 60);
}

#[test]
fn e_writes_the_mision_by_hand_starting_from_both_versions() {
    let mut h = held(merged(), Lang::Es);
    key(&mut h, 'R');
    key(&mut h, 'e');
    assert_eq!(h.context(), Context::Input);
    for c in " y más".chars() {
        h.handle(Action::TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    // Esc goes back to the list, nothing changed, the words kept as a draft…
    h.handle(Action::Cancel);
    assert_eq!(h.context(), Context::Clashes);
    assert_eq!(session(&h).clashes.len(), 3);
    assert!(notice(&h).starts_with("borrador guardado"), "{}", notice(&h));
    // … that e on the same clash gives back.
    key(&mut h, 'e');
    h.handle(Action::Submit);
    assert_eq!(session(&h).mission.as_deref(), Some(format!("{OURS} / {THEIRS} y más").as_str()));
    assert_eq!(session(&h).clashes.len(), 2);
    assert_eq!(h.context(), Context::Clashes, "back on the list for the next clash");
    // The review cannot be written by hand.
    key(&mut h, 'e');
    assert_eq!(h.context(), Context::Clashes);
    assert!(notice(&h).starts_with("Solo la misión y la visión"), "{}", notice(&h));
}

#[test]
fn r_opens_the_list_from_the_plan_and_the_follow_up_views_and_says_when_there_is_none() {
    let mut h = held(merged(), Lang::En);
    key(&mut h, 'P');
    key(&mut h, 'R');
    assert_eq!(h.context(), Context::Clashes);
    key(&mut h, 'q');
    key(&mut h, 'S');
    key(&mut h, 'R');
    assert_eq!(h.context(), Context::Clashes);
    for _ in 0..3 {
        key(&mut h, '1');
    }
    assert_eq!(notice(&h), "Conflict resolved: Vision. None left: dafo check finds it correct");
    key(&mut h, 'R');
    assert_ne!(h.context(), Context::Clashes);
    assert_eq!(notice(&h), "This item has no conflict ⚠");
}

fn screen(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().clone()
}

fn list_open(lang: Lang) -> Held {
    let mut h = held(merged(), lang);
    key(&mut h, 'R');
    h
}

#[test]
fn the_clash_list_80x24_and_120x40_in_every_language() {
    for (lang, name) in [(Lang::Es, "es"), (Lang::En, "en"), (Lang::Ca, "ca")] {
        let h = list_open(lang);
        for (w, ht) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("clashes_{name}_{w}x{ht}"), styled(&screen(&h, w, ht)));
        }
    }
}

#[test]
fn the_second_clash_selected_shows_whole_and_hostile_text_stays_harmless() {
    let mut s = merged();
    s.clashes[0] = Clash::Other(Version::Mission("Otra\x1b[2J misión\x07 con escape".into()));
    let mut h = held(s, Lang::Es);
    key(&mut h, 'R');
    key(&mut h, 'j');
    let shown = screen(&h, 80, 24);
    let text = format!("{shown}");
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text}");
    insta::assert_snapshot!(styled(&shown));
}

#[test]
fn words_written_for_a_clash_resolved_elsewhere_meanwhile_still_become_the_mision() {
    let mut h = held(merged(), Lang::Es);
    key(&mut h, 'R');
    key(&mut h, 'e');
    for c in " y más".chars() {
        h.handle(Action::TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    // Another program resolves the clashes in the file while the line is open.
    let mut other = dafo::storage::load(&h.path).unwrap();
    other.clashes.clear();
    std::thread::sleep(Duration::from_millis(20));
    dafo::storage::save(&h.path, &other).unwrap();
    assert!(h.tick(Instant::now()), "the reload is drawn");
    assert!(session(&h).clashes.is_empty());
    h.handle(Action::Submit);
    assert_eq!(session(&h).mission.as_deref(), Some(format!("{OURS} / {THEIRS} y más").as_str()));
}

/// Keeping one version of a factor a merge left twice, then `u`: the undo was
/// named "join D3 into D1" (the step has a join's shape); it resolves a clash.
#[test]
fn undoing_a_kept_factor_version_is_named_as_the_clash_it_resolved() {
    use dafo::domain::{Conflict, Factor};
    let mut s = Session::new("Fusión", jiff::Timestamp::UNIX_EPOCH);
    let mut mine = Factor::new("D1", "Listas de espera de un año");
    mine.conflict = Some(Conflict::OtherVersion("D3".into()));
    let mut theirs = Factor::new("D3", "Listas de espera de seis meses");
    theirs.conflict = Some(Conflict::OtherVersion("D1".into()));
    s.weaknesses = vec![mine, theirs];
    // An action answers the other version: keeping D1 moves the link with it.
    let e = s.add_action(Came::Correct, "Reducir las listas", vec!["D3".into()]).unwrap();
    s.apply(e).unwrap();
    let mut h = held(s, Lang::Es);
    key(&mut h, '2');
    key(&mut h, 'R');
    assert_eq!(session(&h).weaknesses.len(), 1, "{}", notice(&h));
    key(&mut h, 'u');
    assert_eq!(session(&h).weaknesses.len(), 2);
    let said = notice(&h);
    assert!(said.starts_with("deshecho: resolver el conflicto de D"), "{said}");
    assert!(!said.contains("unir"), "{said}");
}
