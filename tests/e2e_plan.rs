//! Layer 3: the plan view in the real binary. An action is taken out of its
//! línea and put back from the tray, the session is closed and reopened, and
//! the informe's Markdown shows the action under its línea.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{SAMPLE, Tmux, dafo_bin, sh_quote};
use dafo::storage;

#[test]
#[cfg_attr(not(has_tmux), ignore = "needs tmux")]
fn place_an_action_quit_reopen_and_export_the_informe() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut s = storage::load(std::path::Path::new(SAMPLE)).unwrap();
    s.correct[0].line = None;
    storage::save(&path, &s).unwrap();
    let open = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("P");
    let screen = t.wait_for("Sin línea (2)");
    assert!(screen.contains("Acciones sin línea: 1"), "{screen}");
    // The tray holds C1 and the strategy FA1. The tree starts on eje 1, so línea 1.1 is the one selected; Tab twice to the tray.
    t.press("Tab");
    t.press("Tab");
    t.press("Enter");
    let screen = t.wait_for("Sin línea (1)");
    assert!(screen.contains("C1   Mesa de coordinación"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let saved = storage::load(&path).unwrap();
    assert_eq!(saved.correct[0].line.as_deref(), Some("L1"));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("P");
    let screen = t.wait_for("Acciones sin línea: 0");
    assert!(screen.contains("1.1 Acción"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let md = dir.path().join("informe.md");
    let status = std::process::Command::new(dafo_bin())
        .args(["export", &path.to_string_lossy(), "-f", "md", "-o", &md.to_string_lossy()])
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&md).unwrap();
    let group = text.find("### 1.1 Coordinación").unwrap();
    let next = text[group + 1..].find("###").map_or(text.len(), |n| group + 1 + n);
    assert!(text[group..next].contains("**C1**"), "{}", &text[group..next]);
}
