//! Layer 1 for the room's trial and the review meeting (issues 12 and 16):
//! sorted views, drafts, undo messages, CAME keys, carried-over items, overdue
//! actions, driven through `App::update` as a facilitator types.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use common::keys::{ed, notice, press, typ};
use dafo::app::editor::{InputTarget, Pane};
use dafo::app::{App, Mode, Screen};
use dafo::domain::{Came, Quadrant, Session, Status};
use dafo::i18n::Lang;
use dafo::storage;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A session with three strengths (F2 voted), one weakness and one action answering F1.
fn session() -> Session {
    let mut s = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    for t in ["Red vecinal activa", "Local propio", "Voluntariado joven"] {
        let e = s.add_factor(Quadrant::Strengths, t).unwrap();
        s.apply(e).unwrap();
    }
    let e = s.add_factor(Quadrant::Weaknesses, "Poca difusión").unwrap();
    s.apply(e).unwrap();
    factor(&mut s, Quadrant::Strengths, 1, |f| f.votes = 3);
    let e = s.add_action(Came::Maintain, "Cuidar la red", vec!["F1".to_owned()]).unwrap();
    s.apply(e).unwrap();
    s
}

fn factor(s: &mut Session, q: Quadrant, i: usize, change: impl FnOnce(&mut dafo::domain::Factor)) {
    let e = s.change_factor(q, i, change).unwrap();
    s.apply(e).unwrap();
}

fn action(s: &mut Session, c: Came, i: usize, change: impl FnOnce(&mut dafo::domain::CameAction)) {
    let e = s.change_action(c, i, change).unwrap();
    s.apply(e).unwrap();
}

fn open(s: &Session) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, s).unwrap();
    (App::open(&path, Lang::Es).unwrap(), dir)
}

fn texts(app: &App, q: Quadrant) -> Vec<String> {
    ed(app).session().factors(q).iter().map(|f| f.text.clone()).collect()
}

#[test]
fn shift_in_a_sorted_view_is_refused_and_says_how_to_move() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "o");
    assert_eq!(ed(&app).sort_name(), Some("por votos"));
    typ(&mut app, "gK");
    assert_eq!(notice(&app), "orden por votos: vuelve a tu orden con o para mover");
    assert_eq!(texts(&app, Quadrant::Strengths), ["Red vecinal activa", "Local propio", "Voluntariado joven"]);
    // Back to the facilitator's own order, the move works.
    typ(&mut app, "ooGK");
    assert_eq!(ed(&app).sort_name(), None);
    assert_eq!(texts(&app, Quadrant::Strengths), ["Red vecinal activa", "Voluntariado joven", "Local propio"]);
}

#[test]
fn esc_keeps_the_draft_and_a_or_u_brings_it_back() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "2aFalta de sede");
    press(&mut app, KeyCode::Esc);
    assert!(ed(&app).mode().is_grid());
    assert_eq!(notice(&app), "borrador guardado: u lo recupera");
    typ(&mut app, "a");
    assert_eq!(ed(&app).mode().input().map(|i| i.value()), Some("Falta de sede".to_owned()));
    press(&mut app, KeyCode::Esc);
    // `u` restores it even from another quadrant, where it was typed.
    typ(&mut app, "1u");
    assert_eq!(ed(&app).focus(), Quadrant::Weaknesses);
    let input = ed(&app).mode().input().unwrap();
    assert_eq!((input.target.clone(), input.value()), (InputTarget::Add, "Falta de sede".to_owned()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(texts(&app, Quadrant::Weaknesses), ["Poca difusión", "Falta de sede"]);
    // Accepted, the draft is gone: the next line opens empty.
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "a");
    assert_eq!(ed(&app).mode().input().map(|i| i.value()), Some(String::new()));
}

#[test]
fn u_undoes_the_last_edit_and_a_draft_from_another_view_stays_there() {
    let (mut app, _d) = open(&session());
    // A weight typed in `W` and left with Esc: a draft of that view.
    typ(&mut app, "Ww0,3");
    press(&mut app, KeyCode::Esc);
    // In the plan view, a new eje, then `u`: the eje goes, no weight line opens.
    typ(&mut app, "PAEje de difusión");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(ed(&app).session().axes.len(), 1);
    typ(&mut app, "u");
    assert!(ed(&app).mode().input().is_none(), "{:?}", ed(&app).mode());
    assert_eq!(ed(&app).view(), dafo::app::editor::View::Plan);
    assert!(ed(&app).session().axes.is_empty(), "u undid the eje");
    // The draft still waits on its own line, in its own view.
    typ(&mut app, "Ww");
    assert_eq!(ed(&app).mode().input().map(|i| i.value()), Some("0,3".to_owned()));
}

#[test]
fn undo_and_redo_say_what_they_did() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "2aFalta de locales para reuniones vecinales del barrio");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "u");
    assert_eq!(notice(&app), "deshecho: añadir D2 Falta de locales para reuniones…");
    press(&mut app, KeyCode::Char('r'));
    if let Some(a) = app.action_for(&Event::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL))) {
        app.handle(a);
    }
    assert_eq!(notice(&app), "rehecho: añadir D2 Falta de locales para reuniones…");
    typ(&mut app, "x");
    typ(&mut app, "u");
    assert_eq!(notice(&app), "deshecho: borrar D2 Falta de locales para reuniones…");
}

#[test]
fn deleting_a_factor_with_actions_says_how_many_lose_their_link() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "1gx");
    assert_eq!(notice(&app), "Borrado F1: 1 acción pierde su vínculo (u para deshacer)");
    assert!(ed(&app).notice().unwrap().error);
    typ(&mut app, "u");
    assert_eq!(texts(&app, Quadrant::Strengths)[0], "Red vecinal activa");
}

#[test]
fn came_h_and_l_stay_inside_the_quadrant() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "c1");
    assert_eq!(ed(&app).views().came.pane, Pane::Factors);
    typ(&mut app, "h");
    assert_eq!((ed(&app).focus(), ed(&app).views().came.pane), (Quadrant::Strengths, Pane::Factors));
    typ(&mut app, "l");
    assert_eq!((ed(&app).focus(), ed(&app).views().came.pane), (Quadrant::Strengths, Pane::Actions));
    typ(&mut app, "l");
    assert_eq!((ed(&app).focus(), ed(&app).views().came.pane), (Quadrant::Strengths, Pane::Actions));
    typ(&mut app, "h");
    assert_eq!(ed(&app).views().came.pane, Pane::Factors);
    press(&mut app, KeyCode::Tab);
    assert_eq!(ed(&app).focus(), Quadrant::Weaknesses);
}

#[test]
fn came_a_links_to_the_factor_under_the_cursor() {
    let (mut app, _d) = open(&session());
    // Entering CAME puts the cursor on F2, the first factor without an action; F3 is chosen by hand.
    typ(&mut app, "c1ja");
    assert!(matches!(&ed(&app).mode(), Mode::Input(i) if i.target == InputTarget::AddAction(vec!["F3".to_owned()])));
    press(&mut app, KeyCode::Esc);
    // From the action list: the first factor no action answers.
    typ(&mut app, "l");
    // (the Esc above kept no draft: nothing was typed)
    typ(&mut app, "a");
    assert!(matches!(&ed(&app).mode(), Mode::Input(i) if i.target == InputTarget::AddAction(vec!["F2".to_owned()])));
}

#[test]
fn carried_items_are_announced_counted_and_s_confirms_an_action() {
    let mut s = session();
    factor(&mut s, Quadrant::Strengths, 0, |f| f.carried = true);
    factor(&mut s, Quadrant::Weaknesses, 0, |f| f.carried = true);
    action(&mut s, Came::Maintain, 0, |a| a.carried = true);
    let (mut app, _d) = open(&s);
    assert_eq!(notice(&app), "↻ De la sesión anterior: 2 factores y 1 acción abierta, por confirmar");
    assert_eq!(ed(&app).unconfirmed(), (2, 1));
    typ(&mut app, "c1ls");
    let a = &ed(&app).session().actions(Came::Maintain)[0];
    assert_eq!((a.status, a.carried), (Status::InProgress, false));
    assert!(notice(&app).contains("confirmada"), "{}", notice(&app));
    assert_eq!(ed(&app).unconfirmed(), (2, 0));
}

#[test]
fn overdue_actions_are_counted() {
    let mut s = session();
    action(&mut s, Came::Maintain, 0, |a| a.due = Some(jiff::civil::date(2025, 6, 30)));
    let (mut app, _d) = open(&s);
    let Screen::Editor(e) = &mut app.screen else { panic!("no editor") };
    e.set_today(jiff::civil::date(2026, 3, 1));
    assert_eq!(ed(&app).overdue_count(), 1);
    // Done, it is not overdue any more.
    typ(&mut app, "c1lss");
    assert_eq!(ed(&app).session().actions(Came::Maintain)[0].status, Status::Done);
    assert_eq!(ed(&app).overdue_count(), 0);
}

#[test]
fn browser_n_makes_next_years_session_from_the_selected_one() {
    let dir = tempfile::tempdir().unwrap();
    storage::save(&dir.path().join("taller-2025.ron"), &session()).unwrap();
    let mut app = App::browser(dir.path(), Lang::Es);
    typ(&mut app, "N");
    let Screen::Browser(b) = &app.screen else { panic!("browser") };
    assert_eq!(b.naming.as_ref().map(|t| t.lines().join("")), Some("Taller".to_owned()));
    typ(&mut app, " 2026");
    press(&mut app, KeyCode::Enter);
    let e = ed(&app);
    assert_eq!(e.session().meta.title, "Taller 2026");
    // Every factor and the open action came over, to confirm.
    assert_eq!(e.unconfirmed(), (4, 1));
    assert!(
        notice(&app) == "↻ De la sesión anterior: 4 factores y 1 acción abierta, por confirmar",
        "{}",
        notice(&app)
    );
    assert!(e.path().exists() && e.path() != dir.path().join("taller-2025.ron"));
}

#[test]
fn esc_on_an_unchanged_edit_keeps_no_draft() {
    let (mut app, _d) = open(&session());
    typ(&mut app, "1ge");
    press(&mut app, KeyCode::Esc);
    assert_eq!(notice(&app), "");
    // Changed, it is kept, and `e` on the same factor brings it back.
    typ(&mut app, "e!");
    press(&mut app, KeyCode::Esc);
    assert_eq!(notice(&app), "borrador guardado: u lo recupera");
    typ(&mut app, "e");
    assert_eq!(ed(&app).mode().input().map(|i| i.value()), Some("Red vecinal activa!".to_owned()));
}
