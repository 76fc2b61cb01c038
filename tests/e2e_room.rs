//! Layer 3 for issue 6: a short workshop in a real terminal (tmux) with the time-box running, zoom and presentation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Quadrant;
use dafo::storage;

#[test]
fn a_short_workshop_with_timer_zoom_and_presentation() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!(
        "{} --theme light --dir {} new 'Taller en la sala'",
        dafo_bin(),
        sh_quote(&dir.path().to_string_lossy())
    );
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    // An empty session greets with the hint; the first key closes it and still acts.
    t.wait_for("Cómo empezar");
    t.press("T");
    t.wait_for("⏱ 10:00");
    // The clock runs by itself: the loop wakes up to redraw it.
    t.wait_for("⏱ 09:5");
    let items = [
        ("1", "Equipo con experiencia"),
        ("2", "Listas de espera"),
        ("3", "Fondos europeos"),
        ("4", "Despoblación rural"),
    ];
    for (key, text) in items {
        t.press(key);
        t.press("a");
        // Capital T inside the text is text, not the timer.
        t.type_text(text);
        t.type_text(" T");
        t.press("Enter");
        t.press("Escape");
    }
    let screen = t.wait_for("Despoblación rural T");
    assert!(screen.contains("⏱ 09:"), "the timer kept running while typing:\n{screen}");
    // Zoom the threats, then present the whole grid, then come back.
    t.press("z");
    let screen = t.wait_for("A1 Despoblación rural T");
    assert!(!screen.contains("Fortalezas (1)"), "zoom shows one quadrant:\n{screen}");
    t.press("z");
    t.press("p");
    let screen = t.wait_for("FORTALEZAS");
    assert!(screen.contains("F1 Equipo con experiencia T") && !screen.contains("q salir"), "{screen}");
    assert!(screen.contains("⏱ 09:"), "the timer shows while presenting:\n{screen}");
    t.press("V");
    t.wait_for("votos ocultos");
    t.press("p");
    let screen = t.wait_for("q salir");
    assert!(screen.contains("A1 Despoblación rural T"), "back in the grid, same place:\n{screen}");
    t.press("t");
    t.wait_for("Tema: monocromo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    // One session file (beside it only the backups folder).
    let files: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let session = storage::load(&files[0]).unwrap();
    assert_eq!(session.meta.title, "Taller en la sala");
    for ((_, text), q) in items.iter().zip(Quadrant::ALL) {
        let got: Vec<_> = session.factors(q).iter().map(|f| f.text.clone()).collect();
        assert_eq!(got, [format!("{text} T")], "{q:?}");
    }
}

#[test]
fn a_bad_theme_name_is_refused() {
    let out =
        std::process::Command::new(dafo_bin()).args(["--theme", "sepia", "list", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: dark, light, mono"));
}

#[test]
fn no_color_wins_over_the_theme_flag() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!(
        "env NO_COLOR=1 {} --theme light --dir {} new Mono",
        dafo_bin(),
        sh_quote(&dir.path().to_string_lossy())
    );
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    t.wait_for("Cómo empezar");
    t.press("t");
    t.wait_for("NO_COLOR está activo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
