//! Layer 3: a yearly review from scripts around the real TUI — two years
//! recorded with `dafo review`, refused while the TUI holds the file, kept
//! when the TUI edits and saves the session, then reported.
#![allow(clippy::unwrap_used)]

use crate::common;
use crate::common::{Tool, needs};

use std::process::Command;

use common::{Tmux, dafo_bin, sh_quote};
use dafo::storage;

const SAMPLE: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn dafo(args: &[&str]) -> std::process::Output {
    Command::new(dafo_bin()).args(args).env_remove("DAFO_DIR").output().unwrap()
}

#[test]
fn two_years_reviewed_survive_the_tui_and_are_reported() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = storage::load(std::path::Path::new(SAMPLE)).unwrap();
    plan.reviews.clear();
    plan.review_years.clear();
    plan.indicator_values.clear();
    storage::save(&path, &plan).unwrap();
    let p = path.to_str().unwrap();
    for args in [
        vec!["--year", "2023", "C1=100:hecha", "C2=40", "C3=30", "--problem", "Bajas sin cubrir"],
        vec!["--year", "2024", "C2=75", "C3=80", "C4=30", "--note", "C3=Se alarga"],
    ] {
        let out = dafo(&[&["review", p][..], &args].concat());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    let cmd = format!("{} {}", dafo_bin(), sh_quote(p));
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    let held = dafo(&["review", p, "--year", "2025", "C2=90"]);
    assert!(!held.status.success() && String::from_utf8_lossy(&held.stderr).contains("abierta en otro dafo"));
    t.press("1");
    t.press("a");
    t.type_text("Nueva fortaleza");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("Nueva fortaleza");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let s = storage::load(&path).unwrap();
    assert!(s.strengths.iter().any(|f| f.text == "Nueva fortaleza"));
    assert_eq!(s.reviews.len(), 6, "the TUI's save keeps the reviews");
    assert_eq!(s.year_review(2023).map(|r| r.problems.clone()), Some(vec!["Bajas sin cubrir".to_owned()]));

    let out = dafo(&["report", p, "--format", "md"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // EJ1 in 2024: L1 = (C1 100 from 2023 + C2 75) / 2 = 87,5; L2 = (C3 80 + C4 30) / 2 = 55; (87,5 + 55) / 2.
    assert!(text.contains("| EJ1 | 1. Atención social de proximidad | 71,3 % |"), "{text}");
    assert!(text.contains("| C3 | Plan de choque de valoraciones de la dependencia | 30 ◐ | 80 ◐\\! |"), "{text}");
    assert!(text.contains("- **C3** Se alarga"), "{text}");
}
