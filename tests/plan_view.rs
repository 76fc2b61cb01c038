//! The plan view (`P`): update() scripts for its keys (panes, placing an
//! action from the tray, taking it out, undo and redo, the cronograma) and
//! snapshots at 80x24 and 120x40.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common;
use common::keys::{press, typ};

use common::{Held, held};
use dafo::app::keymap::Context;
use dafo::app::{App, Screen};
use dafo::domain::Session;
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The sample with two actions and a strategy taken out of their líneas, so the tray has something.
fn plan_app() -> Held {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.maintain[1].line = None;
    s.confront[1].line = None;
    s.strategies[0].line = None;
    held(s, Lang::Es)
}

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn line_of<'a>(s: &'a Session, id: &str) -> Option<&'a str> {
    s.all_actions().find(|(_, a)| a.id == id).and_then(|(_, a)| a.line.as_deref())
}

fn screen(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().clone()
}

#[test]
fn panes_place_take_out_undo_and_redo() {
    let mut h = plan_app();
    let app = &mut h.app;
    typ(app, "P");
    assert_eq!(app.context(), Context::PlanTree);
    // The first row is eje 1; its first línea (1.1, L1) is the one selected.
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::PlanActions);
    assert_eq!(line_of(session(app), "C1"), Some("L1"));
    typ(app, "x");
    assert_eq!(line_of(session(app), "C1"), None, "taken out, back to the tray");
    typ(app, "u");
    assert_eq!(line_of(session(app), "C1"), Some("L1"), "undo puts it back");
    let redo = Event::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    let a = app.action_for(&redo).unwrap();
    app.handle(a);
    assert_eq!(line_of(session(app), "C1"), None, "redo takes it out again");
    // The tray: the second Mantener action, C1, the second Afrontar one, FO1
    // (in CAME order); Enter places the first in 1.1.
    let first = session(app).maintain[1].id.clone();
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::PlanTray);
    press(app, KeyCode::Enter);
    assert_eq!(line_of(session(app), &first), Some("L1"));
    // Back to the tree (tray, actions, tree), down to 1.2 (eje 1, 1.1, 1.2),
    // then place the next tray item there.
    press(app, KeyCode::BackTab);
    press(app, KeyCode::BackTab);
    assert_eq!(app.context(), Context::PlanTree);
    typ(app, "jj");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Enter);
    assert_eq!(line_of(session(app), "C1"), Some("L2"));
    typ(app, "t");
    match &app.screen {
        Screen::Editor(e) => assert!(e.views().plan.schedule, "t shows the cronograma"),
        Screen::Browser(_) => unreachable!(),
    }
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Grid);
}

#[test]
fn add_ejes_and_lineas_delete_reorder_and_undo() {
    let mut h = plan_app();
    let app = &mut h.app;
    typ(app, "P");
    typ(app, "A");
    assert_eq!(app.context(), Context::Input);
    typ(app, "Gobernanza");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    let s = session(app);
    assert_eq!((s.axes.len(), s.axes[3].id.as_str(), s.axes[3].text.as_str()), (4, "EJ4", "Gobernanza"));
    // To the new eje (the last row), then a línea in it: numbered 4.1.
    typ(app, "G");
    typ(app, "a");
    typ(app, "Mesa de seguimiento");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    let s = session(app);
    let l = s.lines.iter().find(|l| l.text == "Mesa de seguimiento").unwrap();
    assert_eq!((l.id.as_str(), l.axis.as_str(), s.line_label(&l.id).as_str()), ("L8", "EJ4", "4.1"));
    // The selection stayed on the línea just added; one row up is eje 4.
    // Eje 4 up above eje 3: its línea becomes 3.1; undo puts it back.
    typ(app, "kK");
    assert_eq!(session(app).line_label("L8"), "3.1");
    typ(app, "u");
    assert_eq!(session(app).line_label("L8"), "4.1");
    // Deleting línea 1.1, which holds C1: asked first, then C1 goes back to the tray, until undo.
    typ(app, "gjx");
    assert!(session(app).find_line("L1").is_some(), "asked first");
    typ(app, "x");
    assert!(session(app).find_line("L1").is_none());
    assert_eq!(line_of(session(app), "C1"), None, "back in the tray");
    typ(app, "u");
    assert!(session(app).find_line("L1").is_some());
    assert_eq!(line_of(session(app), "C1"), Some("L1"));
    // A deleted línea is never given again: the next one is L9.
    typ(app, "xx");
    typ(app, "a");
    typ(app, "Otra");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    assert!(session(app).lines.iter().any(|l| l.id == "L9" && l.text == "Otra"));
}

#[test]
fn plan_view_80x24() {
    let mut h = plan_app();
    typ(&mut h.app, "P");
    insta::assert_snapshot!(screen(&h.app, 80, 24));
}

#[test]
fn plan_view_120x40() {
    let mut h = plan_app();
    typ(&mut h.app, "P");
    press(&mut h.app, KeyCode::Tab);
    press(&mut h.app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&h.app, 120, 40));
}

#[test]
fn plan_view_cronograma_120x40() {
    let mut h = plan_app();
    typ(&mut h.app, "Pt");
    insta::assert_snapshot!(screen(&h.app, 120, 40));
}

/// Every list of the plan view that scrolls counts what is above and below
/// ("↑ 2 más", "↓ 3 más"), and the valores line ends with "…" when cut (80x24).
#[test]
fn plan_view_scrolling_panes_say_how_many_more_80x24() {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    for a in s.maintain.iter_mut().chain(s.correct.iter_mut()) {
        a.line = None;
    }
    for n in 4..=7 {
        let text = format!("Reto añadido número {n}");
        s.challenges.push(dafo::domain::Challenge { id: format!("R{n}"), text, from: Vec::new() });
    }
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "P");
    // To the tray (six actions, four rows), four rows down: one hidden above, one below.
    press(&mut h.app, KeyCode::Tab);
    press(&mut h.app, KeyCode::Tab);
    assert_eq!(h.app.context(), Context::PlanTray);
    typ(&mut h.app, "jjjj");
    let shown = screen(&h.app, 80, 24);
    let row =
        |n: usize| shown.buffer().content().chunks(80).nth(n).unwrap().iter().map(|c| c.symbol()).collect::<String>();
    assert!(row(16).contains("┗ ↑ 1 más ━") && row(16).ends_with(" ↓ 1 más ┛"), "tray: {}", row(16));
    assert!(row(20).starts_with("╰─") && row(20).contains(" ↓ 5 más ╯╰"), "retos: {}", row(20));
    let valores = row(3);
    assert!(valores.starts_with("Valores:") && valores.trim_end().ends_with('…'), "{valores}");
    insta::assert_snapshot!(shown);
}

/// The cronograma at 80x24 (the Almendral plan, 11 actions) scrolls to the
/// selected action: what does not fit is counted on the border ("↓ 1 más"),
/// and `G` brings the last action (M3) into sight, "↑ 1 más" then.
#[test]
fn cronograma_scrolls_to_the_selection_and_counts_the_hidden_rows_80x24() {
    let s =
        dafo::storage::load(std::path::Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "Pt");
    // The cronograma is the left half.
    let left = |app: &App| -> String {
        let rows = common::screen_rows(app, 80, 24);
        rows.iter().map(|r| r.chars().take(40).collect::<String>()).collect::<Vec<_>>().join("\n")
    };
    let all = left(&h.app);
    assert!(!all.contains("M3 "), "M3 is below the fold at first:\n{all}");
    assert!(all.contains("↓ 1 más"), "what is below is counted:\n{all}");
    typ(&mut h.app, "G");
    let all = left(&h.app);
    assert!(all.contains("M3 "), "G shows the last action:\n{all}");
    assert!(all.contains("↑ 1 más"), "what is above is counted:\n{all}");
    typ(&mut h.app, "g");
    let all = left(&h.app);
    assert!(!all.contains("M3 ") && all.contains("↓ 1 más"), "g goes back to the first:\n{all}");
    // The tree's keys would act on an eje or línea that is not on the screen:
    // in the cronograma they change nothing, and say so.
    let before = common::keys::ed(&h.app).session().clone();
    typ(&mut h.app, "x");
    assert_eq!(common::keys::ed(&h.app).session(), &before, "x in the cronograma deleted a row of the hidden tree");
    let all = common::screen_rows(&h.app, 80, 24).join("\n");
    assert!(all.contains("x no hace nada aquí"), "{all}");
}
