//! Layer 3 for the room's trial (issue 12): the real binary, presenting the
//! CAME view and keeping a draft through `Esc`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Quadrant;
use dafo::storage;

#[test]
fn present_came_then_a_draft_survives_esc() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!("{} --dir {} new 'Taller'", dafo_bin(), sh_quote(&dir.path().to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("a");
    t.type_text("Equipo con experiencia");
    t.press("Enter");
    t.press("Escape");
    // CAME presented: its quadrants fill the screen, no footer of keys.
    t.press("c");
    t.wait_for("Mantener");
    t.press("p");
    let screen = t.wait_for("Equipo con experiencia");
    assert!(screen.contains("Mantener") && !screen.contains("? ayuda"), "{screen}");
    t.press("Escape");
    t.wait_for("? ayuda");
    t.press("Escape");
    // A half-typed item closed with Esc comes back with the next `a`.
    t.press("2");
    t.press("a");
    t.type_text("Poca difusión");
    t.press("Escape");
    t.wait_for("borrador guardado");
    t.press("a");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("D1");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let file =
        std::fs::read_dir(dir.path()).unwrap().flatten().find(|e| e.path().extension().is_some_and(|x| x == "ron"));
    let session = storage::load(&file.unwrap().path()).unwrap();
    assert_eq!(session.factors(Quadrant::Weaknesses)[0].text, "Poca difusión");
}
