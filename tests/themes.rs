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
