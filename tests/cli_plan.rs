//! The plan through the built binary: `dafo import plan.md`, its refusals with
//! file:line:column, the plan in `export --format json`, and `new --horizon`.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::{Tmux, dafo_bin, sh_quote};

fn dafo(dir: &Path, args: &[&str]) -> Output {
    Command::new(dafo_bin()).current_dir(dir).args(args).env_remove("DAFO_DIR").output().unwrap()
}

/// The issue's example plan (shared with the importer's unit tests).
const PLAN_MD: &str = include_str!("fixtures/plan.md");

#[test]
fn a_markdown_plan_imports_and_exports_as_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.md"), PLAN_MD).unwrap();
    let out = dafo(dir.path(), &["import", "plan.md", "-o", "plan.ron"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 ejes, 3 líneas, 1 reto"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = dafo::storage::load(&dir.path().join("plan.ron")).unwrap();
    assert_eq!(s.meta.title, "Plan de servicios sociales 2023-2026");
    assert_eq!(s.line_label(s.correct[0].line.as_deref().unwrap()), "1.1");
    let out = dafo(dir.path(), &["show", "plan.ron", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["plan"]["horizon"], "2023-2026");
    assert_eq!(v["plan"]["axes"][1]["lines"][0]["number"], "2.1");
    assert_eq!(v["plan"]["action_plan"][0]["start"], "2023-09-01");
    assert_eq!(v["plan"]["coverage"]["lines_without_actions"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_broken_plan_is_refused_with_its_position_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = PLAN_MD.replace("| 1.1 | Contratar", "| 4.1 | Contratar");
    std::fs::write(dir.path().join("plan.md"), bad).unwrap();
    // Refusals speak the language in force (here English, by --lang).
    let out = dafo(dir.path(), &["import", "plan.md", "-o", "plan.ron", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("plan.md:33:3: there is no línea 4.1"), "{err}");
    assert!(!dir.path().join("plan.ron").exists());
}

#[test]
fn plan_less_markdown_imports_as_before() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("l.md"), "# Taller\n\n## Fortalezas\n- Equipo\n\n## Otra cosa\n- no\n").unwrap();
    let out = dafo(dir.path(), &["import", "l.md", "-o", "l.ron"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = dafo::storage::load(&dir.path().join("l.ron")).unwrap();
    assert_eq!((s.strengths.len(), s.has_plan()), (1, false));
}

#[test]
fn a_bad_horizon_is_refused_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let out = dafo(dir.path(), &["--dir", ".", "new", "Plan", "--horizon", "2026-2023", "--lang", "en"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ends (2023) before it starts (2026)"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn new_with_a_horizon_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let cmd =
        format!("{} --dir {} new 'Plan 2023' --horizon 2023-2026", dafo_bin(), sh_quote(&dir.path().to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let s = dafo::storage::load(&file).unwrap();
    assert_eq!(s.meta.horizon.map(|h| h.to_string()).as_deref(), Some("2023-2026"));
}

#[test]
fn the_sample_carries_a_whole_plan_that_round_trips_through_markdown() {
    use dafo::export::plan_md::plan_document;
    let s = dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap();
    assert!(s.mission.is_some() && s.vision.is_some());
    assert_eq!((s.values.len(), s.challenges.len(), s.axes.len(), s.indicators.len()), (4, 3, 3, 3));
    for axis in &s.axes {
        assert!((2..=3).contains(&s.lines_of(&axis.id).count()), "{}", axis.id);
    }
    assert!(s.actions_without_line().is_empty(), "every action is placed in a línea");
    assert!(s.lines_without_actions().is_empty());
    assert!(s.challenges.iter().flat_map(|c| &c.from).all(|src| src.exists(&s)));
    assert_eq!(s.meta.horizon.map(|h| h.to_string()).as_deref(), Some("2027-2030"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.md"), plan_document(&s, dafo::i18n::Lang::Es)).unwrap();
    let out = dafo(dir.path(), &["import", "p.md", "-o", "p.ron"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let back = dafo::storage::load(&dir.path().join("p.ron")).unwrap();
    assert_eq!(
        (back.challenges, back.axes, back.lines, back.indicators),
        (s.challenges, s.axes, s.lines, s.indicators)
    );
    assert_eq!(
        back.correct,
        s.correct.iter().map(|a| dafo::domain::CameAction { votes: 0, ..a.clone() }).collect::<Vec<_>>()
    );
}

#[test]
fn the_plan_example_in_the_exports_docs_imports() {
    let doc = std::fs::read_to_string("docs/exports.md").unwrap();
    let block = doc.split("  ```markdown\n").nth(1).and_then(|b| b.split("  ```").next()).unwrap();
    let text: String = block.lines().map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l))).collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.md"), text).unwrap();
    let out = dafo(dir.path(), &["import", "plan.md", "-o", "plan.ron"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = dafo::storage::load(&dir.path().join("plan.ron")).unwrap();
    let a = &s.correct[0];
    assert_eq!(
        (a.indicators.as_slice(), a.indicator.as_deref()),
        (&["I1".to_owned()][..], Some("Profesionales contratados"))
    );
    assert_eq!(a.partners, ["Cruz Roja", "Cáritas"]);
    assert_eq!(s.challenges[0].from.len(), 3);
    assert_eq!(s.indicators[0].direction, dafo::domain::Direction::Down);
}
