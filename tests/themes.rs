//! Áreas temáticas and cross-cutting impacts (issue 27): `dafo check` refuses
//! names outside the session's lists, the TUI tags factors and actions through
//! the picker and filters the grid by theme, and the exports carry them.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Output;

use dafo::domain::{CameAction, Factor, Session};

fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

/// A small session: two factors, one action; themes and impacts on some.
fn tagged() -> Session {
    let mut s = Session::new("Comarca", jiff::Timestamp::UNIX_EPOCH);
    let mut f1 = Factor::new("F1", "Tejido asociativo joven");
    f1.themes = vec!["juventud".into(), "empleo".into()];
    s.strengths.push(f1);
    s.weaknesses.push(Factor::new("D1", "Paro de larga duración"));
    let mut c1 = CameAction::new("C1", "Lanzadera de empleo", vec!["D1".into()]);
    c1.themes = vec!["empleo".into()];
    c1.impacts = vec!["género".into(), "juventud".into()];
    s.correct.push(c1);
    s.normalise_ids();
    s
}

fn save(dir: &Path, name: &str, s: &Session) -> String {
    let path = dir.join(name);
    dafo::storage::save(&path, s).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn check_accepts_the_default_lists_and_refuses_an_unknown_theme_or_impact() {
    let tmp = tempfile::tempdir().unwrap();
    let s = tagged();
    let good = save(tmp.path(), "good.ron", &s);
    let out = dafo(&["check", &good]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    // The file keeps the names; a session without any keeps no new field.
    let text = std::fs::read_to_string(&good).unwrap();
    assert!(text.contains("themes: [\"juventud\", \"empleo\"]"), "{text}");
    let plain = save(tmp.path(), "plain.ron", &Session::new("x", jiff::Timestamp::UNIX_EPOCH));
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(!text.contains("themes") && !text.contains("impacts"), "{text}");
    let mut bad = s.clone();
    bad.weaknesses[0].themes = vec!["pesca".into()];
    bad.correct[0].impacts.push("clima".into());
    let bad = save(tmp.path(), "bad.ron", &bad);
    let out = dafo(&["--lang", "es", "check", &bad]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("D1: el área temática «pesca» no está en la lista de la sesión"), "{said}");
    assert!(said.contains("C1: el impacto «clima» no está en la lista de la sesión"), "{said}");
    // A session with its own list: a name of that list is fine.
    let mut own = s.clone();
    own.meta.themes = vec!["juventud".into(), "empleo".into(), "pesca".into()];
    own.weaknesses[0].themes = vec!["pesca".into()];
    let own = save(tmp.path(), "own.ron", &own);
    assert!(dafo(&["check", &own]).status.success());
}

mod tui {
    use super::tagged;
    use dafo::app::{App, Screen};
    use dafo::domain::Session;
    use dafo::i18n::Lang;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    fn key(app: &mut App, code: KeyCode) {
        if let Some(a) = app.action_for(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
            app.update(a);
        }
    }

    fn typed(app: &mut App, text: &str) {
        text.chars().for_each(|c| key(app, KeyCode::Char(c)));
    }

    fn session(app: &App) -> &Session {
        match &app.screen {
            Screen::Editor(e) => e.session(),
            Screen::Browser(_) => panic!("no session open"),
        }
    }

    fn screen(app: &App) -> String {
        crate::common::screen_rows(app, 120, 30).join("\n")
    }

    #[test]
    fn capital_a_tags_the_selected_factor_adds_a_typed_theme_and_undoes_in_one_step() {
        let mut h = crate::common::held(tagged(), Lang::Es);
        typed(&mut h, "A");
        let shown = screen(&h);
        assert!(shown.contains("Áreas temáticas de F1"), "{shown}");
        assert!(shown.contains("[x] juventud") && shown.contains("[ ] economía"), "{shown}");
        typed(&mut h, "pesca");
        let shown = screen(&h);
        assert!(shown.contains("+ añadir «pesca» a la lista"), "{shown}");
        key(&mut h, KeyCode::Enter);
        key(&mut h, KeyCode::Enter);
        let s = session(&h);
        assert_eq!(s.strengths[0].themes, ["empleo", "juventud", "pesca"], "in the list's order, the new one last");
        assert_eq!(s.meta.themes.last().map(String::as_str), Some("pesca"));
        assert!(s.meta.themes.contains(&"turismo".to_owned()), "the defaults became the session's own list");
        typed(&mut h, "u");
        let s = session(&h);
        assert_eq!(
            (s.strengths[0].themes.clone(), s.meta.themes.clone()),
            (tagged().strengths[0].themes.clone(), vec![])
        );
    }

    #[test]
    fn f_filters_the_grid_by_theme_and_capital_i_tags_an_action_with_impacts() {
        let mut s = tagged();
        s.weaknesses[0].themes = vec!["economía".into()];
        let mut h = crate::common::held(s, Lang::Es);
        typed(&mut h, "f");
        // The first theme in the list's order that a factor carries: economía.
        let shown = screen(&h);
        assert!(shown.contains("Área temática: economía (1)"), "{shown}");
        assert!(shown.contains("Paro de larga") && !shown.contains("Tejido asociativo"), "{shown}");
        typed(&mut h, "f");
        let shown = screen(&h);
        assert!(shown.contains("Área temática: empleo (1)") && shown.contains("Tejido asociativo"), "{shown}");
        assert!(!shown.contains("Paro de larga"), "{shown}");
        typed(&mut h, "ff");
        let shown = screen(&h);
        assert!(shown.contains("Todas las áreas temáticas"), "{shown}");
        assert!(shown.contains("Paro de larga") && shown.contains("Tejido asociativo"), "{shown}");
        // CAME view, action pane of Corregir: I opens the impacts of C1.
        typed(&mut h, "c2");
        key(&mut h, KeyCode::Right);
        typed(&mut h, "I");
        let shown = screen(&h);
        assert!(shown.contains("Impactos transversales de C1") && shown.contains("[x] género"), "{shown}");
        // Uncheck género (the first line), keep juventud, check medio ambiente y clima.
        typed(&mut h, " ");
        key(&mut h, KeyCode::Down);
        key(&mut h, KeyCode::Down);
        typed(&mut h, " ");
        key(&mut h, KeyCode::Enter);
        assert_eq!(session(&h).correct[0].impacts, ["juventud", "medio ambiente y clima"]);
    }
}
