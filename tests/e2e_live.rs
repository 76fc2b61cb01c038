//! Layer 3: the real terminal loop draws what happens without a key — a reload
//! after an outside change, and a save that fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use std::path::{Path, PathBuf};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::{Factor, Session};
use dafo::storage;

/// A new empty session `taller.ron` in `folder`, opened by dafo in a 100x30
/// tmux pane started in `cwd`, once it is drawn. `None` without tmux.
fn taller_open(folder: &Path, cwd: &Path) -> Option<(PathBuf, Tmux)> {
    let path = folder.join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let t = Tmux::start(&cmd, cwd, 100, 30)?;
    t.wait_for("Fortalezas");
    Some((path, t))
}

#[test]
fn an_outside_change_is_drawn_without_a_key() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((path, t)) = taller_open(dir.path(), dir.path()) else { return };
    // No key from here on: another program (sed -i, git checkout) rewrites the file.
    let mut other = storage::load(&path).unwrap();
    other.threats.push(Factor::new("A1", "Escrito fuera de dafo"));
    storage::save(&path, &other).unwrap();
    t.wait_for("Escrito fuera de dafo");
    t.wait_for("Recargado: cambiado fuera de dafo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// Context switches of every thread of `pid` so far: how often it woke up.
fn wake_ups(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
    tasks
        .filter_map(|t| std::fs::read_to_string(t.unwrap().path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| l.contains("ctxt_switches"))
                .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

#[test]
fn an_idle_dafo_sleeps_until_something_happens() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((path, t)) = taller_open(dir.path(), dir.path()) else { return };
    let pid = t.child_pid("dafo").expect("dafo runs in the pane");
    // What opening starts (the saver's first work, the watch on the folder) settles.
    std::thread::sleep(std::time::Duration::from_secs(1));
    let before = wake_ups(pid);
    std::thread::sleep(std::time::Duration::from_secs(3));
    let woke = wake_ups(pid) - before;
    // Nothing on screen changes with time (no save yet, no time-box): no thread
    // wakes on a timer. (It woke 4 times a second, polling, before one event path.)
    assert!(woke <= 2, "{woke} wake-ups in 3 idle seconds");
    // And it still hears what happens: an outside change is drawn at once.
    let mut other = storage::load(&path).unwrap();
    other.threats.push(Factor::new("A1", "Escrito mientras dormía"));
    storage::save(&path, &other).unwrap();
    t.wait_for("Escrito mientras dormía");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_failed_save_is_drawn_without_a_key() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("sesiones");
    std::fs::create_dir(&work).unwrap();
    let Some((_, t)) = taller_open(&work, dir.path()) else { return };
    t.press("a");
    t.type_text("importante");
    // The folder goes away before the save: it must fail, and say so by itself.
    std::fs::remove_dir_all(&work).unwrap();
    t.press("Enter");
    t.wait_for("sin guardar");
    t.press("Escape");
    t.press("q");
    t.press("q");
    // Leaving without the last changes is said once the screen is given back,
    // and is no success (it ended with 0 and nothing said).
    assert_eq!(t.wait_exit(), 1);
    let screen = t.screen().replace('\n', "");
    assert!(screen.contains("salió sin guardar los últimos cambios"), "{screen}");
}

/// A new session file opened by two dafos: the first holds it, the second shows
/// it read-only. `None` without tmux.
fn two_dafos_on_one_file(dir: &Path) -> Option<(PathBuf, Tmux, Tmux)> {
    let (path, first) = taller_open(dir, dir)?;
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let second = Tmux::start(&cmd, dir, 100, 30)?;
    second.wait_for("solo lectura");
    Some((path, first, second))
}

/// Types a strength into the grid, as the room says it.
fn add_strength(t: &Tmux, text: &str) {
    t.press("Escape");
    t.press("a");
    t.type_text(text);
    t.press("Enter");
    t.press("Escape");
}

#[test]
fn a_read_only_second_dafo_shows_the_first_ones_saves_without_a_key() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((_, first, second)) = two_dafos_on_one_file(dir.path()) else { return };
    add_strength(&first, "Dicho en la sala");
    first.wait_for("✓ guardado");
    // No key in the second dafo: it shows the first one's save by itself.
    second.wait_for("Dicho en la sala");
    second.press("q");
    assert_eq!(second.wait_exit(), 0);
    first.press("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn a_read_only_second_dafo_says_when_the_first_one_quits_and_takes_over() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((path, first, second)) = two_dafos_on_one_file(dir.path()) else { return };
    add_strength(&first, "Lo último del primero");
    first.press("q");
    assert_eq!(first.wait_exit(), 0);
    // No key in the second dafo: it says the file is free, and shows the last save.
    let screen = second.wait_for("ahora se guarda desde aquí");
    assert!(screen.contains("Lo último del primero"), "{screen}");
    assert!(!screen.contains("solo lectura"), "{screen}");
    // It saves now.
    add_strength(&second, "Escrito en la segunda");
    second.wait_for("✓ guardado");
    second.press("q");
    assert_eq!(second.wait_exit(), 0);
    let texts: Vec<String> = storage::load(&path).unwrap().strengths.iter().map(|f| f.text.clone()).collect();
    assert_eq!(texts, ["Lo último del primero", "Escrito en la segunda"]);
}

#[test]
fn u_after_an_outside_reload_brings_back_what_was_on_screen() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    let mut mine = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    mine.strengths.push(Factor::new("F1", "Lo que estaba en pantalla"));
    storage::save(&path, &mine).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Lo que estaba en pantalla");
    // Another program puts a different version in place (like `git checkout`).
    let mut theirs = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    theirs.strengths.push(Factor::new("F1", "La versión de fuera"));
    storage::save(&path, &theirs).unwrap();
    let screen = t.wait_for("La versión de fuera");
    assert!(!screen.contains("Lo que estaba en pantalla"), "{screen}");
    t.wait_for("u lo deshace");
    t.press("u");
    let screen = t.wait_for("Lo que estaba en pantalla");
    assert!(!screen.contains("La versión de fuera"), "{screen}");
    // The undo is an edit like any other: it is saved.
    t.wait_for("✓ guardado");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "Lo que estaba en pantalla");
}

#[test]
fn the_time_box_counts_down_without_a_key() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((_, t)) = taller_open(dir.path(), dir.path()) else { return };
    t.press("Escape");
    t.press("T"); // a 10-minute time-box
    t.wait_for("09:5");
    // No key from here on: the clock moves by itself.
    t.wait_for("09:57");
    t.wait_for("09:56");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
