//! Layer 3: the real terminal loop draws what happens without a key — a reload
//! after an outside change, and a save that fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::{Factor, Session};
use dafo::storage;

#[test]
fn an_outside_change_is_drawn_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    // No key from here on: another program (sed -i, git checkout) rewrites the file.
    let mut other = storage::load(&path).unwrap();
    other.threats.push(Factor::new("A1", "Escrito fuera de dafo"));
    storage::save(&path, &other).unwrap();
    t.wait_for("Escrito fuera de dafo");
    t.wait_for("Recargado");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_failed_save_is_drawn_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("sesiones");
    std::fs::create_dir(&work).unwrap();
    let path = work.join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("a");
    t.type_text("importante");
    // The folder goes away before the save: it must fail, and say so by itself.
    std::fs::remove_dir_all(&work).unwrap();
    t.press("Enter");
    t.wait_for("sin guardar");
    t.press("Escape");
    t.press("q");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_read_only_second_dafo_shows_the_first_ones_saves_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(first) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    first.wait_for("Fortalezas");
    let Some(second) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    second.wait_for("solo lectura");
    first.press("Escape");
    first.press("a");
    first.type_text("Dicho en la sala");
    first.press("Enter");
    first.press("Escape");
    first.wait_for("✓ guardado");
    // No key in the second dafo: it shows the first one's save by itself.
    second.wait_for("Dicho en la sala");
    second.press("q");
    assert_eq!(second.wait_exit(), 0);
    first.press("q");
    assert_eq!(first.wait_exit(), 0);
}
