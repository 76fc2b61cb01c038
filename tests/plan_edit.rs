//! Editing the plan in the plan view (`P`), key by key through `update()`:
//! misión, visión and valores; retos and their sources; eje and línea texts,
//! moving a línea; indicators and their links; the action form's plan fields;
//! the metadata form (`M`); presentation and zoom. Undo, hostile text, IDs
//! never reused and links to deleted items shown as missing, on the way.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common;
use common::keys::{press, typ};

use common::{Held, held};
use dafo::app::keymap::Context;
use dafo::app::{Action, App, Mode, Screen};
use dafo::domain::{Direction, Session, Source};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// The sample with no misión and no valores, in the plan view.
fn plan_app() -> Held {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.mission = None;
    s.values.clear();
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "P");
    h
}

/// Clears the input line or form field and types `text`.
fn retype(app: &mut App, text: &str) {
    for _ in 0..400 {
        press(app, KeyCode::Backspace);
    }
    typ(app, text);
}

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn form(app: &App) -> Option<&dafo::app::form::Form> {
    match &app.screen {
        Screen::Editor(e) => e.form(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn mode(app: &App) -> &Mode {
    match &app.screen {
        Screen::Editor(e) => e.mode(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn screen(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().clone()
}

fn text_of(app: &App, w: u16, h: u16) -> String {
    format!("{}", screen(app, w, h))
}

/// Tab until the pane with `ctx` has the keys.
fn to_pane(app: &mut App, ctx: Context) {
    for _ in 0..6 {
        if app.context() == ctx {
            return;
        }
        press(app, KeyCode::Tab);
    }
    assert_eq!(app.context(), ctx);
}

#[test]
fn mision_vision_and_valores() {
    let mut h = plan_app();
    let app = &mut h.app;
    press(app, KeyCode::BackTab);
    assert_eq!(app.context(), Context::PlanBand);
    // Misión: hostile text is cleaned.
    typ(app, "e");
    app.handle(Action::Paste("Cuidar \u{1b}[2Jbien\u{202e}".to_owned()));
    press(app, KeyCode::Enter);
    assert_eq!(session(app).mission.as_deref(), Some("Cuidar bien"));
    // Visión: its old text is in the line to correct.
    typ(app, "je");
    assert!(matches!(mode(app), Mode::Input(i) if i.value() == session(app).vision.clone().unwrap()));
    retype(app, "Nadie sin apoyo");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).vision.as_deref(), Some("Nadie sin apoyo"));
    // Valores: added one per Enter, the line stays open.
    typ(app, "a");
    typ(app, "Equidad");
    press(app, KeyCode::Enter);
    typ(app, "Participación");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    assert_eq!(session(app).values, ["Equidad", "Participación"]);
    // The last one is selected: up, then delete; undo.
    typ(app, "K");
    assert_eq!(session(app).values, ["Participación", "Equidad"]);
    typ(app, "x");
    assert_eq!(session(app).values, ["Equidad"]);
    typ(app, "u");
    assert_eq!(session(app).values, ["Participación", "Equidad"]);
    // Rewording a valor, then clearing the misión with x.
    typ(app, "e");
    retype(app, "Participación real");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).values[0], "Participación real");
    typ(app, "gx");
    assert_eq!(session(app).mission, None);
    typ(app, "u");
    assert_eq!(session(app).mission.as_deref(), Some("Cuidar bien"));
}

/// A valor's draft (`Esc` with words typed) belongs to that valor, not to its
/// place in the list: after a valor above it is deleted, `e` on the one now in
/// its place opens that one's words; `e` on the draft's valor opens the draft.
#[test]
fn a_valor_draft_follows_its_valor_not_its_place() {
    let mut h = plan_app();
    let app = &mut h.app;
    press(app, KeyCode::BackTab);
    typ(app, "a");
    for v in ["Proximidad", "Equidad", "Transparencia"] {
        typ(app, v);
        press(app, KeyCode::Enter);
    }
    press(app, KeyCode::Esc);
    // 0 misión, 1 visión, 2 Proximidad, 3 Equidad, 4 Transparencia.
    typ(app, "k");
    typ(app, "e");
    typ(app, " social");
    press(app, KeyCode::Esc);
    assert!(matches!(mode(app), Mode::Grid));
    typ(app, "k");
    typ(app, "x");
    assert_eq!(session(app).values, ["Equidad", "Transparencia"]);
    typ(app, "j");
    typ(app, "e");
    assert!(
        matches!(mode(app), Mode::Input(i) if i.value() == "Transparencia"),
        "{:?}",
        mode(app).input().map(|i| i.value())
    );
    press(app, KeyCode::Esc);
    typ(app, "k");
    typ(app, "e");
    assert!(matches!(mode(app), Mode::Input(i) if i.value() == "Equidad social"));
    press(app, KeyCode::Enter);
    assert_eq!(session(app).values, ["Equidad social", "Transparencia"]);
}

#[test]
fn retos_with_sources_reordered_and_missing_links() {
    let mut h = plan_app();
    let app = &mut h.app;
    to_pane(app, Context::PlanChallenges);
    let before = session(app).challenges.len();
    typ(app, "a");
    typ(app, "Reducir la soledad no deseada");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    let s = session(app);
    assert_eq!(s.challenges.len(), before + 1);
    let new = s.challenges.last().unwrap().clone();
    assert_eq!(new.text, "Reducir la soledad no deseada");
    assert!(s.challenges[..before].iter().all(|c| c.id != new.id), "a fresh ID");
    // Link it to a factor found by its words in the picker.
    let d2 = session(app).weaknesses[1].clone();
    typ(app, "v");
    assert_eq!(app.context(), Context::Picker);
    typ(app, &d2.text.chars().take(20).collect::<String>());
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Enter);
    let from = session(app).challenges.last().unwrap().from.clone();
    assert_eq!(from, [Source::Factor(d2.id.clone())]);
    // Reorder, reword.
    typ(app, "K");
    assert_eq!(session(app).challenges[before - 1].id, new.id);
    typ(app, "e");
    retype(app, "Menos soledad");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).challenges[before - 1].text, "Menos soledad");
    // Deleting the factor leaves the link, shown as missing, until undo.
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Grid);
    typ(app, "2jx");
    assert!(session(app).find_factor(&d2.id).is_none());
    typ(app, "P");
    assert!(text_of(app, 120, 40).contains(&format!("{}?", d2.id)), "{}", text_of(app, 120, 40));
    // Deleting the reto, and undo; a deleted reto's ID is not given again.
    to_pane(app, Context::PlanChallenges);
    typ(app, "x");
    assert!(session(app).find_challenge(&new.id).is_none());
    typ(app, "a");
    typ(app, "Otro reto");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    assert!(session(app).challenges.iter().all(|c| c.id != new.id));
}

#[test]
fn eje_and_linea_texts_and_moving_a_linea() {
    let mut h = plan_app();
    let app = &mut h.app;
    assert_eq!(app.context(), Context::PlanTree);
    // The eje's text.
    typ(app, "e");
    retype(app, "Atención integrada");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).axes[0].text, "Atención integrada");
    // Línea 1.1 (L1) moves to eje 2: its number follows, its ID stays.
    typ(app, "j");
    typ(app, "e");
    retype(app, "Coordinación");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).lines[session(app).find_line("L1").unwrap()].text, "Coordinación");
    let axis2 = session(app).axes[1].id.clone();
    typ(app, "m");
    assert_eq!(app.context(), Context::Picker);
    press(app, KeyCode::Enter);
    let s = session(app);
    let l1 = &s.lines[s.find_line("L1").unwrap()];
    assert_eq!(l1.axis, axis2);
    assert_eq!(s.line_label("L1"), "2.3");
    // The action placed in it goes with it.
    assert!(s.all_actions().any(|(_, a)| a.line.as_deref() == Some("L1")));
    typ(app, "u");
    assert_eq!(session(app).line_label("L1"), "1.1");
    // Undoing a move names a change, not an addition ("deshecho: añadir L1").
    let said = crate::common::keys::notice(app);
    assert!(said.starts_with("deshecho:") && !said.contains("añadir") && said.contains("L1"), "{said}");
}

#[test]
fn deleting_a_linea_with_actions_asks_puts_them_in_the_tray_and_undo_names_it() {
    let mut h = plan_app();
    let app = &mut h.app;
    let held: Vec<String> = session(app)
        .all_actions()
        .filter(|(_, a)| a.line.as_deref() == Some("L1"))
        .map(|(_, a)| a.id.clone())
        .collect();
    assert!(!held.is_empty(), "the sample's L1 holds actions");
    let n = held.len();
    let first_word =
        session(app).lines[session(app).find_line("L1").unwrap()].text.split(' ').next().unwrap().to_owned();
    // First `x`: asks, deletes nothing.
    typ(app, "jx");
    assert!(session(app).find_line("L1").is_some());
    let asked = common::keys::notice(app);
    assert!(asked.contains("L1") && asked.contains(&n.to_string()) && asked.contains("bandeja"), "{asked}");
    // Any other key forgets the question; `x` asks again.
    typ(app, "kjx");
    assert!(session(app).find_line("L1").is_some());
    // `x` again confirms: the línea goes, its actions are back in the tray.
    typ(app, "x");
    let s = session(app);
    assert!(s.find_line("L1").is_none());
    for id in &held {
        let (c, i) = s.find_action(id).unwrap();
        assert_eq!(s.actions(c)[i].line, None, "{id} back in the tray");
    }
    let said = common::keys::notice(app);
    assert!(said.contains("L1") && said.contains("bandeja"), "{said}");
    // Undo names what it takes back, and brings all back.
    typ(app, "u");
    let said = common::keys::notice(app);
    assert!(said.starts_with(&format!("deshecho: borrar L1 {first_word}")), "{said}");
    let s = session(app);
    assert!(
        held.iter().all(|id| s.find_action(id).is_some_and(|(c, i)| s.actions(c)[i].line.as_deref() == Some("L1")))
    );
    // A change of the session's details is named too, not "cambiar" alone.
    typ(app, "M");
    press(app, KeyCode::End);
    typ(app, " bis");
    press(app, KeyCode::Enter);
    typ(app, "u");
    assert_eq!(common::keys::notice(app), "deshecho: cambiar datos de la sesión");
}

#[test]
fn an_empty_linea_goes_at_once() {
    let mut h = plan_app();
    let app = &mut h.app;
    typ(app, "aLínea vacía");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
    let id = session(app).lines.iter().find(|l| l.text == "Línea vacía").map(|l| l.id.clone()).unwrap();
    let row = session(app).lines_of("EJ1").count();
    typ(app, "g");
    for _ in 0..row {
        typ(app, "j");
    }
    typ(app, "x");
    assert!(session(app).find_line(&id).is_none(), "no question for an empty línea");
}

#[test]
fn indicator_numbers_read_the_sessions_way_and_survive_an_untouched_edit() {
    let mut h = plan_app();
    let app = &mut h.app;
    to_pane(app, Context::PlanIndicators);
    typ(app, "a");
    typ(app, "Horas de formación");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    typ(app, "1,6250");
    press(app, KeyCode::Tab);
    typ(app, "12,500");
    press(app, KeyCode::Enter);
    // `12,500` in Spanish reads two ways: refused on the target, both readings shown.
    assert!(form(app).is_some_and(|f| f.active == 3));
    let notice = app.notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("12,5 o 12.500"), "{notice}");
    retype(app, "12.500");
    press(app, KeyCode::Enter);
    let ind = session(app).indicators.last().unwrap().clone();
    assert_eq!((ind.baseline, ind.target), (Some(1.625), Some(12500.0)));
    // Opened and confirmed untouched: nothing changes (the form once showed 1,63).
    typ(app, "e");
    press(app, KeyCode::Enter);
    let again = session(app).indicators.last().unwrap().clone();
    assert_eq!((again.baseline, again.target), (Some(1.625), Some(12500.0)));
}

/// The name is the one field an indicator needs: a new one filled in without
/// it is refused with a message, the form stays open on the name with what was
/// typed; and a name emptied on an edit is refused the same way.
#[test]
fn an_indicator_without_a_name_is_refused_and_the_form_keeps_what_was_typed() {
    for lang in Lang::ALL.iter().copied() {
        let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
        s.values.clear();
        let mut h = held(s, lang);
        let app = &mut h.app;
        typ(app, "P");
        to_pane(app, Context::PlanIndicators);
        let before = session(app).indicators.clone();
        typ(app, "a");
        for text in ["plazas", "120", "300"] {
            press(app, KeyCode::Tab);
            typ(app, text);
        }
        press(app, KeyCode::Enter);
        let f = form(app).unwrap_or_else(|| panic!("{lang:?}: the form closed and its values were dropped"));
        assert_eq!((f.active, f.value(1), f.value(2), f.value(3)), (0, "plazas".into(), "120".into(), "300".into()));
        let said = app.notice().map(|n| n.text.clone()).unwrap_or_default();
        assert_eq!(said, lang.plan_ui().empty_indicator_name, "{lang:?}");
        typ(app, "Plazas de respiro");
        press(app, KeyCode::Enter);
        assert!(form(app).is_none());
        assert_eq!(
            session(app).indicators.last().map(|i| (i.name.as_str(), i.target)),
            Some(("Plazas de respiro", Some(300.0)))
        );
        // Editing: the name emptied is refused too.
        typ(app, "e");
        retype(app, "");
        press(app, KeyCode::Enter);
        assert!(form(app).is_some_and(|f| f.active == 0), "{lang:?}");
        press(app, KeyCode::Esc);
        assert_eq!(session(app).indicators.len(), before.len() + 1);
    }
}

#[test]
fn indicators_added_edited_linked_and_deleted() {
    let mut h = plan_app();
    let app = &mut h.app;
    to_pane(app, Context::PlanIndicators);
    let before = session(app).indicators.len();
    typ(app, "a");
    assert_eq!(app.context(), Context::Form);
    typ(app, "Tiempo de espera");
    press(app, KeyCode::Tab);
    typ(app, "días");
    press(app, KeyCode::Tab);
    typ(app, "mucho");
    press(app, KeyCode::Tab);
    typ(app, "30");
    press(app, KeyCode::Tab);
    retype(app, "baja");
    press(app, KeyCode::Enter);
    // A baseline that is not a number keeps the form open on it.
    assert!(form(app).is_some_and(|f| f.active == 2));
    retype(app, "45,5");
    press(app, KeyCode::Enter);
    let s = session(app);
    assert_eq!(s.indicators.len(), before + 1);
    let ind = s.indicators.last().unwrap().clone();
    assert_eq!((ind.name.as_str(), ind.unit.as_deref()), ("Tiempo de espera", Some("días")));
    assert_eq!((ind.baseline, ind.target, ind.direction), (Some(45.5), Some(30.0), Direction::Down));
    // Edit: the target.
    typ(app, "e");
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    retype(app, "20");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicators.last().unwrap().target, Some(20.0));
    // Link it to línea 1.1 from the tree (the picker lists every indicator).
    to_pane(app, Context::PlanTree);
    typ(app, "j");
    typ(app, "v");
    assert_eq!(app.context(), Context::Picker);
    typ(app, "espera");
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Enter);
    let l1 = |s: &Session| s.lines[s.find_line("L1").unwrap()].indicators.clone();
    assert!(l1(session(app)).contains(&ind.id));
    // And to the action placed in 1.1 from the actions pane.
    press(app, KeyCode::Tab);
    typ(app, "v");
    typ(app, "espera");
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Enter);
    assert!(session(app).correct[0].indicators.contains(&ind.id));
    assert!(text_of(app, 120, 40).contains(&format!("mide 1.1, {}", session(app).correct[0].id)));
    // Deleted, the links stay and show it missing; undo brings it back.
    to_pane(app, Context::PlanIndicators);
    typ(app, "G");
    typ(app, "x");
    assert!(session(app).find_indicator(&ind.id).is_none());
    assert!(l1(session(app)).contains(&ind.id));
    assert!(text_of(app, 120, 40).contains(&format!("{}?", ind.id)));
    typ(app, "u");
    assert!(session(app).find_indicator(&ind.id).is_some());
    // Reordering: K moves it up one.
    typ(app, "GK");
    assert_eq!(session(app).indicators[before - 1].id, ind.id);
}

#[test]
fn action_plan_fields_and_text_from_the_plan_view() {
    let mut h = plan_app();
    let app = &mut h.app;
    // Línea 1.1's action (C1): its form, then its text.
    typ(app, "j");
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::PlanActions);
    typ(app, "f");
    assert_eq!(app.context(), Context::Form);
    for _ in 0..5 {
        press(app, KeyCode::Tab);
    }
    retype(app, "Cruz Roja; Cáritas");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).correct[0].partners, ["Cruz Roja", "Cáritas"]);
    typ(app, "e");
    retype(app, "Mesa de coordinación");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).correct[0].text, "Mesa de coordinación");
    typ(app, "u");
    typ(app, "u");
    assert!(session(app).correct[0].partners != ["Cruz Roja", "Cáritas"]);
    // The tray holds the strategy FA1: a strategy has no sheet, and says so.
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::PlanTray);
    typ(app, "f");
    assert_eq!(app.context(), Context::PlanTray);
    match &app.screen {
        Screen::Editor(e) => assert!(e.notice().is_some_and(|n| n.error), "{:?}", e.notice()),
        Screen::Browser(_) => unreachable!(),
    }
}

#[test]
fn a_crossed_strategy_is_not_placed_in_a_linea_and_the_status_line_says_why() {
    let mut h = plan_app();
    let app = &mut h.app;
    let strategy = |app: &App| {
        session(app).strategies.iter().position(|x| x.line.is_none()).map(|i| session(app).strategies[i].id.clone())
    };
    let id = strategy(app).unwrap();
    // Línea 1.1 selected, then the tray: down to the strategy, Enter.
    typ(app, "j");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::PlanTray);
    let tray = dafo::app::plan::tray(session(app));
    let at = tray.iter().position(|it| matches!(it, dafo::app::plan::PlanItem::Strategy(_))).unwrap();
    for _ in 0..at {
        typ(app, "j");
    }
    press(app, KeyCode::Enter);
    let s = session(app);
    assert!(s.strategies.iter().any(|x| x.id == id && x.line.is_none()), "{id} stays out of the línea");
    assert_eq!(dafo::app::plan::tray(s), tray, "the tray is as it was");
    let said = common::keys::notice(app);
    assert!(said.contains("estrategias cruzadas no van en líneas"), "{said}");
}

#[test]
fn metadata_form_checks_the_horizon_and_undoes_in_one_step() {
    let mut h = plan_app();
    let app = &mut h.app;
    press(app, KeyCode::Esc);
    typ(app, "M");
    assert_eq!(app.context(), Context::Form);
    let old = session(app).meta.clone();
    press(app, KeyCode::Tab);
    retype(app, "2026-03-14");
    press(app, KeyCode::Tab);
    retype(app, "Centro cívico");
    press(app, KeyCode::Tab);
    retype(app, "22 personas de 9 entidades");
    press(app, KeyCode::Tab);
    retype(app, "técnicos");
    press(app, KeyCode::Tab);
    retype(app, "2026-2023");
    press(app, KeyCode::Enter);
    assert!(form(app).is_some_and(|f| f.active == 5), "a bad horizon keeps the form open on it");
    match &app.screen {
        Screen::Editor(e) => assert!(e.notice().is_some_and(|n| n.error && n.text.contains("2023-2026"))),
        Screen::Browser(_) => unreachable!(),
    }
    retype(app, "2026-2029");
    press(app, KeyCode::Enter);
    let m = &session(app).meta;
    assert_eq!(m.place.as_deref(), Some("Centro cívico"));
    assert_eq!(m.participants.as_deref(), Some("22 personas de 9 entidades"));
    assert_eq!(m.group.as_deref(), Some("técnicos"));
    assert_eq!(m.horizon.map(|h| h.to_string()).as_deref(), Some("2026-2029"));
    assert_eq!(dafo::export::day(m.created), "2026-03-14");
    // An empty title is refused.
    typ(app, "M");
    retype(app, "");
    press(app, KeyCode::Enter);
    assert!(form(app).is_some_and(|f| f.active == 0));
    press(app, KeyCode::Esc);
    typ(app, "u");
    let m = &session(app).meta;
    assert_eq!((m.place.clone(), m.horizon, m.created), (old.place, old.horizon, old.created));
}

#[test]
fn present_and_zoom_in_the_plan_view() {
    let mut h = plan_app();
    let app = &mut h.app;
    to_pane(app, Context::PlanIndicators);
    typ(app, "z");
    let zoomed = text_of(app, 80, 24);
    assert!(zoomed.contains("Indicadores (3)") && !zoomed.contains("Sin línea"), "{zoomed}");
    typ(app, "z");
    typ(app, "p");
    assert_eq!(app.context(), Context::Present);
    let shown = text_of(app, 80, 24);
    assert!(shown.contains("Ejes y líneas") && !shown.contains("? ayuda"), "{shown}");
    typ(app, "p");
    assert_eq!(app.context(), Context::PlanIndicators);
}

#[test]
fn plan_view_band_focused_80x24() {
    let mut h = plan_app();
    press(&mut h.app, KeyCode::BackTab);
    typ(&mut h.app, "j");
    insta::assert_snapshot!(screen(&h.app, 80, 24));
}

#[test]
fn plan_view_indicator_form_80x24() {
    let mut h = plan_app();
    to_pane(&mut h.app, Context::PlanIndicators);
    typ(&mut h.app, "e");
    insta::assert_snapshot!(screen(&h.app, 80, 24));
}

#[test]
fn plan_view_retos_zoomed_120x40() {
    let mut h = plan_app();
    to_pane(&mut h.app, Context::PlanChallenges);
    typ(&mut h.app, "jz");
    insta::assert_snapshot!(screen(&h.app, 120, 40));
}

#[test]
fn plan_help_120x40() {
    let mut h = plan_app();
    typ(&mut h.app, "?");
    insta::assert_snapshot!(screen(&h.app, 120, 40));
}

/// Keys longer than the help's key column ran into their words
/// (`Ctrl-p/Ctrl-nlista`, `Ctrl-nllista` in Catalan): they stand on a line of
/// their own, their words below, in every language.
#[test]
fn no_key_runs_into_its_words_in_the_help() {
    for lang in [Lang::Es, Lang::En, Lang::Ca] {
        let s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
        let mut h = held(s, lang);
        typ(&mut h.app, "P?");
        for (w, ht) in [(80, 24), (120, 40), (200, 60)] {
            let text = text_of(&h.app, w, ht);
            assert!(text.contains("Ctrl-p/Ctrl-n "), "{lang:?} {w}x{ht}:\n{text}");
            assert!(!text.contains("Ctrl-p/Ctrl-nl"), "{lang:?} {w}x{ht}:\n{text}");
        }
    }
}

#[test]
fn plan_presented_80x24() {
    let mut h = plan_app();
    typ(&mut h.app, "p");
    insta::assert_snapshot!(screen(&h.app, 80, 24));
}

#[test]
fn plan_indicators_zoomed_80x24() {
    let mut h = plan_app();
    to_pane(&mut h.app, Context::PlanIndicators);
    typ(&mut h.app, "Gz");
    insta::assert_snapshot!(screen(&h.app, 80, 24));
}

#[test]
fn english_keys_and_labels() {
    let s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    let mut h = held(s, Lang::En);
    typ(&mut h.app, "P");
    press(&mut h.app, KeyCode::BackTab);
    let text = text_of(&h.app, 100, 30);
    assert!(text.contains("a value") && text.contains("e edit"), "{text}");
    to_pane(&mut h.app, Context::PlanIndicators);
    typ(&mut h.app, "a");
    let text = text_of(&h.app, 100, 30);
    assert!(text.contains("New indicator") && text.contains("Direction (up / down / keep)"), "{text}");
}

/// Random keys in the plan view (a fixed pseudo-random sequence, so a failure
/// repeats): nothing panics, every screen draws, and the file still loads.
#[test]
fn random_keys_in_the_plan_view_never_panic() {
    let keys: Vec<KeyCode> = "aAeEmvxfKJjkgGtuzpMP?\u{20}1D"
        .chars()
        .map(KeyCode::Char)
        .chain([KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Delete])
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..60 {
        let mut h = plan_app();
        for _ in 0..60 {
            let code = keys[(next() % keys.len() as u64) as usize];
            press(&mut h.app, code);
            let (w, hgt) = if next() % 2 == 0 { (80, 24) } else { (120, 40) };
            screen(&h.app, w, hgt);
        }
        if let Screen::Editor(e) = &mut h.app.screen {
            e.flush();
        }
        dafo::storage::load(&h.path).unwrap();
    }
}

/// Issue 24, bug 1 (part): presenting, an empty pane takes no room: with
/// every action in a línea and no retos, the tray and the retos are not drawn
/// and the línea's actions and the indicators take their space.
#[test]
fn plan_presented_gives_empty_panes_no_room_80x24() {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.challenges.clear();
    let line = s.lines[0].id.clone();
    for a in s.maintain.iter_mut().chain(s.correct.iter_mut()).chain(s.exploit.iter_mut()).chain(s.confront.iter_mut())
    {
        a.line.get_or_insert_with(|| line.clone());
    }
    s.strategies.clear();
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "P");
    let tray_title = format!("{} (0)", Lang::Es.text().plan_report.no_line);
    let before = format!("{:?}", screen(&h.app, 80, 24));
    assert!(
        before.contains(&tray_title) && before.contains("Retos (0)"),
        "not presenting, every pane shows:\n{before}"
    );
    typ(&mut h.app, "p");
    let shown = screen(&h.app, 80, 24);
    let text = format!("{shown:?}");
    assert!(!text.contains(&tray_title) && !text.contains("Retos (0)"), "{text}");
    assert!(text.contains("Indicadores (3)"), "{text}");
    insta::assert_snapshot!(shown);
}

/// A misión at its limit (100,000 characters): the edit line still shows what
/// is typed at its end (issue 22: a 10 MB misión hid every key typed).
#[test]
fn a_mision_at_its_limit_still_shows_what_is_typed() {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    let words = "cuidar cerca ".repeat(dafo::domain::limits::STATEMENT_TEXT_MAX / 13 - 1);
    s.mission = Some(words.trim_end().to_owned());
    let mut h = held(s, Lang::Es);
    typ(&mut h.app, "P");
    let app = &mut h.app;
    press(app, KeyCode::BackTab);
    assert_eq!(app.context(), Context::PlanBand);
    typ(app, "e");
    typ(app, " ZQXW");
    for (w, ht) in [(80, 24), (120, 40)] {
        let shown = text_of(app, w, ht);
        assert!(shown.contains("ZQXW"), "the typed word is on screen at {w}x{ht}:\n{shown}");
    }
    press(app, KeyCode::Enter);
    assert!(session(app).mission.as_deref().is_some_and(|m| m.ends_with("cerca ZQXW")));
}

const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// Enter on the form just opened: it closes, and the session is exactly as it was.
fn saved_untouched(app: &mut App, what: &str, bad: &mut Vec<String>) {
    let before = session(app).clone();
    let shown: Vec<String> = form(app).map(|f| (0..f.fields.len()).map(|i| f.value(i)).collect()).unwrap_or_default();
    press(app, KeyCode::Enter);
    let said = common::keys::notice(app);
    if form(app).is_some() || common::keys::ed(app).overlays().record().is_some() {
        bad.push(format!("{what}: the form stays open ({said})"));
        press(app, KeyCode::Esc);
    } else if *session(app) != before {
        bad.push(format!("{what}: changed; the form showed {shown:?}"));
    }
}

/// Every form opened on every item and saved without a change gives back the
/// session exactly as it was, in the three languages: each action's form (an
/// action with a single amount beside its amounts per year keeps both; a
/// partner whose name holds a comma stays one partner), each indicator's, the
/// session's details (`M`) and each year's review record; on the two samples,
/// the plan fixture and the Almendral plan with those two cases.
#[test]
fn every_form_saved_untouched_gives_back_the_same_session() {
    use dafo::domain::{Came, Euros, Quadrant};
    let load = |p: &str| dafo::storage::load(std::path::Path::new(p)).unwrap();
    let mut crafted = load(ALMENDRAL);
    crafted.correct[0].amount = Some(Euros { cents: 7_600_000 });
    crafted.correct[2].partners = vec!["Ayuntamiento, Área social".into(), "Cruz Roja".into()];
    let sessions = [
        ("palencia", load(common::SAMPLE)),
        ("almendral", load(ALMENDRAL)),
        ("plan.ron", load("tests/fixtures/plan.ron")),
        ("crafted", crafted),
    ];
    let mut bad = Vec::new();
    for &lang in Lang::ALL {
        for (name, s) in &sessions {
            let mut h = held(s.clone(), lang);
            let app = &mut h.app;
            let mut forms = 0;
            for q in Quadrant::ALL {
                let actions = s.actions(Came::of(q)).to_vec();
                for (i, a) in actions.iter().enumerate() {
                    press(app, KeyCode::Esc);
                    typ(app, &format!("c{}", q.index() + 1));
                    press(app, KeyCode::Right);
                    (0..actions.len()).for_each(|_| press(app, KeyCode::Up));
                    (0..i).for_each(|_| press(app, KeyCode::Down));
                    typ(app, "f");
                    let opened = form(app).map(|f| f.kind.clone());
                    assert!(
                        matches!(&opened, Some(dafo::app::form::FormKind::Action { id, .. }) if *id == a.id),
                        "{name} {lang:?}: {opened:?} for {}",
                        a.id
                    );
                    saved_untouched(app, &format!("{name} {lang:?} {}", a.id), &mut bad);
                    forms += 1;
                    // One field changed: that field is written, and nothing else.
                    typ(app, "f");
                    typ(app, " (2)");
                    let owner = form(app).map(|f| f.value(0));
                    press(app, KeyCode::Enter);
                    let now = session(app).find_action(&a.id).map(|(c, i)| session(app).actions(c)[i].clone());
                    let expected = dafo::domain::CameAction { owner: owner.clone(), ..a.clone() };
                    if now.as_ref() != Some(&expected) {
                        bad.push(format!("{name} {lang:?} {}: owner {owner:?} gives {now:?}", a.id));
                    }
                    typ(app, "u");
                }
            }
            press(app, KeyCode::Esc);
            typ(app, "P");
            to_pane(app, Context::PlanIndicators);
            for (i, ind) in s.indicators.iter().enumerate() {
                (0..s.indicators.len()).for_each(|_| press(app, KeyCode::Up));
                (0..i).for_each(|_| press(app, KeyCode::Down));
                press(app, KeyCode::Enter);
                let opened = form(app).map(|f| f.kind.clone());
                assert_eq!(opened, Some(dafo::app::form::FormKind::Indicator(Some(ind.id.clone()))), "{name} {lang:?}");
                saved_untouched(app, &format!("{name} {lang:?} {}", ind.id), &mut bad);
                forms += 1;
            }
            typ(app, "M");
            saved_untouched(app, &format!("{name} {lang:?} M"), &mut bad);
            typ(app, "S");
            if let Some(h) = s.meta.horizon {
                (h.start..=h.end).for_each(|_| press(app, KeyCode::Left));
                for year in h.start..=h.end {
                    typ(app, "r");
                    let opened = common::keys::ed(app).overlays().record().map(|r| r.year);
                    assert_eq!(opened, Some(year), "{name} {lang:?}");
                    saved_untouched(app, &format!("{name} {lang:?} record {year}"), &mut bad);
                    press(app, KeyCode::Right);
                    forms += 1;
                }
            }
            assert!(forms >= 5, "{name} {lang:?}: {forms} forms");
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Esc on a form with words typed in it keeps them as a draft and says so: `u`
/// brings the form back with them, and so does opening the same form again;
/// closed again unchanged, the draft is dropped, and that is said. A form left
/// as it opened closes with nothing said, and keeps nothing. The form's bottom
/// line says what Esc does. So for the action form and a year's review record.
#[test]
fn esc_on_a_form_keeps_what_was_typed_as_a_draft() {
    let load = |p: &str| dafo::storage::load(std::path::Path::new(p)).unwrap();
    let mut h = held(load(ALMENDRAL), Lang::Es);
    let app = &mut h.app;
    let stored = session(app).clone();
    typ(app, "c2");
    press(app, KeyCode::Right);
    typ(app, "f");
    assert!(text_of(app, 80, 24).contains("Esc cierra y deja borrador"), "{}", text_of(app, 80, 24));
    press(app, KeyCode::Esc);
    assert!(form(app).is_none());
    assert_eq!(common::keys::notice(app), "", "an untouched form says nothing");
    typ(app, "u");
    assert!(form(app).is_none(), "an untouched form keeps no draft");

    typ(app, "f");
    typ(app, " y Cáritas");
    press(app, KeyCode::Esc);
    assert!(form(app).is_none());
    assert_eq!(*session(app), stored);
    let said = common::keys::notice(app);
    assert!(said.contains("borrador") && said.contains('u'), "{said}");
    typ(app, "u");
    assert_eq!(form(app).map(|f| f.value(0)).as_deref(), Some("Recursos Humanos y Cáritas"), "u brings it back");
    // Brought back and closed again unchanged: dropped, and said.
    press(app, KeyCode::Esc);
    assert_eq!(common::keys::notice(app), "borrador descartado");
    typ(app, "f");
    assert_eq!(form(app).map(|f| f.value(0)).as_deref(), Some("Recursos Humanos"));
    typ(app, " y Cáritas");
    press(app, KeyCode::Esc);
    typ(app, "f");
    assert_eq!(
        form(app).map(|f| f.value(0)).as_deref(),
        Some("Recursos Humanos y Cáritas"),
        "opening it again brings it back"
    );
    press(app, KeyCode::Enter);
    assert_eq!(session(app).correct[0].owner.as_deref(), Some("Recursos Humanos y Cáritas"));

    typ(app, "S");
    typ(app, "r");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    typ(app, " Resumen del año.");
    let typed = common::keys::ed(app).overlays().record().map(|r| r.fields[2].lines().join(" "));
    press(app, KeyCode::Esc);
    assert!(common::keys::notice(app).contains("borrador"), "{}", common::keys::notice(app));
    typ(app, "u");
    let back = common::keys::ed(app).overlays().record().map(|r| r.fields[2].lines().join(" "));
    assert_eq!(back, typed);
}
