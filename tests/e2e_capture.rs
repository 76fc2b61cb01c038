//! Layer 3: the real binary in a pseudo-terminal (tmux), typed at as in a workshop.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Quadrant;
use dafo::storage;

#[test]
fn capture_in_four_quadrants_quit_and_reopen() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd =
        format!("{} --dir {} new 'Taller de prueba: año 2026'", dafo_bin(), sh_quote(&dir.path().to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    let items = [
        ("1", ["Equipo técnico con experiencia", "Red de centros de día"]),
        ("2", ["Listas de espera en dependencia", "Poca coordinación «sociosanitaria»"]),
        ("3", ["Fondos europeos Next Generation", "Teleasistencia avanzada"]),
        ("4", ["Envejecimiento y despoblación", "Precariedad laboral, 30% temporal"]),
    ];
    for (key, texts) in &items {
        t.press(key);
        t.press("a");
        for text in texts {
            t.type_text(text);
            t.press("Enter");
        }
        t.type_text("a medio escribir");
        t.press("Escape");
    }
    t.wait_for("Precariedad laboral");
    // Tidy: delete the first threat, undo it, move the last weakness to threats.
    t.press("2");
    t.press("m");
    t.press("4");
    t.wait_for("→ A3");
    // The draft left with Escape is said before quitting; a second q quits without it.
    t.press("q");
    t.wait_for("borrador se pierde");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    // One session file; beside it only the backups folder: no temp or lock file left behind.
    let files: Vec<_> = entries.iter().filter(|p| p.is_file()).cloned().collect();
    assert_eq!(files.len(), 1, "exactly one session file, no temp or lock files: {entries:?}");
    assert!(entries.iter().all(|p| p.is_file() || p.ends_with(".dafo-backups")), "{entries:?}");
    let path = &files[0];
    assert_eq!(path.file_name().unwrap(), "taller-de-prueba-ano-2026.ron");
    let session = storage::load(path).unwrap();
    assert_eq!(session.meta.title, "Taller de prueba: año 2026");
    let texts = |q: Quadrant| session.factors(q).iter().map(|f| f.text.as_str()).collect::<Vec<_>>();
    assert_eq!(texts(Quadrant::Strengths), items[0].1);
    assert_eq!(texts(Quadrant::Weaknesses), ["Listas de espera en dependencia"]);
    assert_eq!(texts(Quadrant::Opportunities), items[2].1);
    assert_eq!(
        texts(Quadrant::Threats),
        ["Envejecimiento y despoblación", "Precariedad laboral, 30% temporal", "Poca coordinación «sociosanitaria»"]
    );
    assert!(!std::fs::read_to_string(path).unwrap().contains("a medio escribir"));

    // `dafo check` agrees, and the binary reopens the file showing every item.
    let check = std::process::Command::new(dafo_bin()).arg("check").arg(path).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    drop(t);
    let reopen = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&reopen, dir.path(), 120, 40) else { return };
    // A frame can be captured half drawn: wait for each text rather than read one capture.
    for text in
        ["Envejecimiento", "Equipo técnico con experiencia", "Fondos europeos Next Generation", "A3 Poca coordinación"]
    {
        t.wait_for(text);
    }
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_file_that_does_not_parse_opens_nothing_and_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roto.ron");
    std::fs::write(&path, "(version: 1, meta: (title: \"x\",\n  created: oops))").unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = std::process::Command::new(dafo_bin()).arg(&path).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("roto.ron:2:"), "error names file and line: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let check = std::process::Command::new(dafo_bin()).arg("check").arg(&path).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn bad_flags_get_a_clear_error() {
    // `--lang fr` does not read: the environment's language speaks.
    let out = crate::common::dafo_command(&["--lang", "fr"]).env("DAFO_LANG", "en").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: es, en"));
}

#[test]
fn resize_while_typing_keeps_the_text() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!("{} --dir {} new Redimensionar", dafo_bin(), sh_quote(&dir.path().to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("a");
    t.type_text("texto que sobrevive");
    for (w, h) in [("30", "8"), ("200", "60"), ("80", "24")] {
        let _ = std::process::Command::new("tmux")
            .args(["-L", &t.socket_name(), "resize-window", "-t", "e2e", "-x", w, "-y", h])
            .output();
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    t.press("Enter");
    t.wait_for("F1 texto que sobrevive");
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
