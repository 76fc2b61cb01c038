//! Layer 3: a workshop's second half in the real binary — from factors to linked CAME actions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::{Came, Quadrant};
use dafo::storage;

#[test]
fn factors_then_linked_actions_in_every_came_quadrant() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!("{} --dir {} new 'Taller CAME'", dafo_bin(), sh_quote(&dir.path().to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    for (key, texts) in [
        ("1", ["Equipo con experiencia", "Red de centros"]),
        ("2", ["Listas de espera", "Poca coordinación"]),
        ("3", ["Fondos europeos", "Teleasistencia"]),
        ("4", ["Envejecimiento", "Precariedad laboral"]),
    ] {
        t.press(key);
        t.press("a");
        for text in texts {
            t.type_text(text);
            t.press("Enter");
        }
        t.press("Escape");
    }
    t.wait_for("Precariedad laboral");
    // The CAME view: every quadrant starts with all its factors open.
    t.press("c");
    let screen = t.wait_for("Corregir");
    assert!(screen.contains("2 de 2 sin acción"), "{screen}");
    // One action per quadrant, each linked to the first factor without one.
    for (key, text) in
        [("1", "Mantener la red"), ("2", "Ventanilla única"), ("3", "Proyecto europeo"), ("4", "Plan de empleo")]
    {
        t.press(key);
        t.press("a");
        t.type_text(text);
        t.press("Enter");
        t.press("Escape");
    }
    let screen = t.wait_for("Plan de empleo");
    assert_eq!(screen.matches("1 de 2 sin acción").count(), 4, "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let path = dir.path().join("taller-came.ron");
    let s = storage::load(&path).unwrap();
    let expected = [
        (Came::Maintain, "M1", "F1"),
        (Came::Correct, "C1", "D1"),
        (Came::Exploit, "E1", "O1"),
        (Came::Confront, "AF1", "A1"),
    ];
    for (c, id, link) in expected {
        let actions = s.actions(c);
        assert_eq!(actions.len(), 1, "{c:?}");
        assert_eq!(actions[0].id, id);
        assert_eq!(actions[0].links, [link]);
    }
    for q in Quadrant::ALL {
        assert_eq!(s.unanswered(q), 1, "{q:?}");
    }
    // The shell agrees on the coverage.
    let out = std::process::Command::new(dafo_bin()).args(["show"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).is_empty());
}
