//! End to end in tmux: `dafo new --group`, and a merged diagnosis in the grid
//! with its source marks and the source filter.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::{Tmux, dafo_bin, sh_quote};

#[test]
fn new_with_a_group_names_the_group_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!(
        "{} --dir {} new 'Grupo técnico' --group técnicos",
        dafo_bin(),
        sh_quote(&dir.path().to_string_lossy())
    );
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("a");
    t.type_text("Equipo con experiencia");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("F1 Equipo con experiencia");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let path = dir.path().join("grupo-tecnico.ron");
    let s = dafo::storage::load(&path).unwrap_or_else(|e| panic!("{e}: {:?}", std::fs::read_dir(dir.path())));
    assert_eq!(s.meta.group.as_deref(), Some("técnicos"));
    assert_eq!(s.strengths[0].text, "Equipo con experiencia");
}

#[test]
fn a_merged_diagnosis_shows_its_sources_and_filters_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diagnostico.ron");
    let merged = std::process::Command::new(dafo_bin())
        .args(["merge", "sessions/grupos/tecnicos.ron", "sessions/grupos/politicos.ron"])
        .args(["sessions/grupos/asociaciones.ron", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&out.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 160, 40) else { return };
    t.wait_for("[T·P·A]");
    t.press("F");
    t.wait_for("Fuente: técnicos");
    t.press("F");
    let screen = t.wait_for("Fuente: políticos");
    assert!(!screen.contains("Tejido asociativo"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
