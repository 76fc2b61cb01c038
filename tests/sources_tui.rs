//! The grid with sources and git conflicts: the `[T·P]` marks and the ⚠ drawn,
//! `F` filtering the grid by source, `R` keeping one version of a conflict.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use dafo::app::{App, Screen};
use dafo::domain::{CameAction, Conflict, Factor, Session};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn factor(id: &str, text: &str, sources: &[&str]) -> Factor {
    let mut f = Factor::new(id, text);
    f.sources = sources.iter().map(|s| s.to_string()).collect();
    f
}

fn fixture() -> (tempfile::TempDir, PathBuf, App) {
    fixture_in(Lang::Es)
}

fn fixture_in(lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diagnostico.ron");
    let mut s = Session::new("Diagnóstico", jiff::Timestamp::UNIX_EPOCH);
    s.strengths = vec![factor("F1", "Red de centros de día", &["técnicos", "políticos"])];
    let mut d1 = factor("D1", "Listas de espera de un año", &["técnicos"]);
    d1.conflict = Some(Conflict::OtherVersion("D3".into()));
    let mut d3 = factor("D3", "Listas de espera de seis meses", &["técnicos"]);
    d3.conflict = Some(Conflict::OtherVersion("D1".into()));
    s.weaknesses = vec![d1, factor("D2", "Poca participación", &["asociaciones"]), d3];
    s.correct.push(CameAction::new("C1", "Plan de choque", vec!["D3".into()]));
    s.normalise_ids();
    dafo::storage::save(&path, &s).unwrap();
    let app = App::open(&path, lang).unwrap();
    (dir, path, app)
}

fn press(app: &mut App, c: char) {
    if let Some(a) = app.action_for(&Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))) {
        app.update(a);
    }
}

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn marks_and_conflicts_show_in_the_grid() {
    let (_dir, _path, app) = fixture();
    let text = screen(&app);
    assert!(text.contains("Red de centros de día [T·P]"), "{text}");
    assert!(text.contains("⚠ Listas de espera de un año [T]"), "{text}");
}

#[test]
fn f_filters_the_grid_by_source_and_hidden_factors_are_safe() {
    let (_dir, _path, mut app) = fixture();
    press(&mut app, 'F'); // técnicos
    let text = screen(&app);
    assert!(text.contains("Red de centros de día") && !text.contains("Poca participación"), "{text}");
    press(&mut app, 'F'); // políticos
    press(&mut app, '2'); // weaknesses: none from políticos
    press(&mut app, 'x');
    assert_eq!(session(&app).weaknesses.len(), 3, "a hidden factor is never deleted");
    let text = screen(&app);
    assert!(!text.contains("Listas de espera"), "{text}");
    press(&mut app, 'F'); // asociaciones
    assert!(screen(&app).contains("Poca participación"));
    press(&mut app, 'F'); // all
    assert!(screen(&app).contains("Listas de espera de seis meses"));
}

#[test]
fn r_keeps_the_selected_version_of_a_conflict() {
    let (_dir, _path, mut app) = fixture();
    press(&mut app, '2');
    press(&mut app, 'j');
    press(&mut app, 'R');
    assert_eq!(session(&app).conflicts().len(), 2, "D2 has no conflict: nothing happens");
    press(&mut app, 'G');
    press(&mut app, 'R');
    let s = session(&app);
    assert!(s.conflicts().is_empty());
    let texts: Vec<&str> = s.weaknesses.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Poca participación", "Listas de espera de seis meses"]);
    press(&mut app, 'u');
    assert_eq!(session(&app).conflicts().len(), 2, "undo brings both versions back");
}

#[test]
fn r_keeps_an_action_version_in_the_came_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    s.weaknesses = vec![Factor::new("D1", "Listas de espera")];
    let mut ours = CameAction::new("C1", "Plan de choque", vec!["D1".into()]);
    ours.conflict = Some(Conflict::OtherVersion("C2".into()));
    let mut theirs = CameAction::new("C2", "Plan de choque con refuerzo", vec!["D1".into()]);
    theirs.conflict = Some(Conflict::OtherVersion("C1".into()));
    s.correct = vec![ours, theirs];
    s.normalise_ids();
    dafo::storage::save(&path, &s).unwrap();
    let mut app = App::open(&path, Lang::Es).unwrap();
    press(&mut app, 'c');
    press(&mut app, '2');
    press(&mut app, 'l');
    assert!(screen(&app).contains("⚠ Plan de choque"), "{}", screen(&app));
    press(&mut app, 'j');
    press(&mut app, 'R');
    let s = session(&app);
    assert!(s.conflicts().is_empty(), "{:?}", s.conflicts());
    assert_eq!(s.correct.len(), 1);
    assert_eq!(s.correct[0].text, "Plan de choque con refuerzo");
}

/// `R` says which version it kept as the grid shows its ID: `W1` in English
/// (it said the stored `D1`).
#[test]
fn r_names_the_kept_version_with_the_english_id() {
    let (_dir, _path, mut app) = fixture_in(Lang::En);
    press(&mut app, '2');
    press(&mut app, 'R');
    let said = match &app.screen {
        Screen::Editor(e) => e.notice().map(|n| n.text.clone()).unwrap_or_default(),
        Screen::Browser(_) => panic!("no session open"),
    };
    assert_eq!(said, "Conflict resolved: kept W1");
    assert_eq!(session(&app).weaknesses.len(), 2, "one version gone");
}
