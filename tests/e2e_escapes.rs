//! Layer 3: broken escape sequences from the terminal must not take the keyboard
//! away. After a partial `ESC [ <` (a mouse report cut short) or a paste that never
//! ends (`ESC [ 200~` without `ESC [ 201~`), `q` and Ctrl-C still work, and the
//! pasted text is kept. (crossterm 0.29 waited forever for the rest; dafo now
//! reads the terminal itself: `src/tui/input.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use std::process::Command;

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Session;
use dafo::storage;

fn send_raw(t: &Tmux, bytes: &str) {
    let out =
        Command::new("tmux").args(["-L", &t.socket_name(), "send-keys", "-t", "e2e", "-l", bytes]).output().unwrap();
    assert!(out.status.success());
    std::thread::sleep(std::time::Duration::from_millis(1500));
}

fn start(dir: &std::path::Path) -> (Tmux, std::path::PathBuf) {
    let path = dir.join("s.ron");
    storage::save(&path, &Session::new("Escapes", jiff::Timestamp::now())).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let t = Tmux::start(&cmd, dir, 100, 30).unwrap();
    t.wait_for("Escapes");
    (t, path)
}

fn quits_after(garbage: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (t, _) = start(dir.path());
    send_raw(&t, garbage);
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[cfg_attr(
    feature = "crossterm-input",
    ignore = "crossterm's reader waits for the end of a cut-short sequence (crossterm issue #1060): the fix is dafo's own reader"
)]
#[test]
fn a_cut_short_mouse_report_does_not_take_the_keyboard() {
    if !needs(Tool::Tmux) {
        return;
    }
    quits_after("\u{1b}[<");
}

#[cfg_attr(
    feature = "crossterm-input",
    ignore = "crossterm's reader waits for the end of a cut-short sequence (crossterm issue #1060): the fix is dafo's own reader"
)]
#[test]
fn a_paste_that_never_ends_does_not_take_the_keyboard() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (t, _) = start(dir.path());
    t.press("Escape"); // the first-start card
    // A paste in the grid opens a new item holding it; the keys after it are typed.
    send_raw(&t, "\u{1b}[200~texto pegado");
    t.press("q");
    t.wait_for("texto pegadoq");
    t.press("Escape");
    // What was on the line is a draft now: said by the first q, left by the second.
    t.press("q");
    t.wait_for("borrador se pierde");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[cfg_attr(
    feature = "crossterm-input",
    ignore = "crossterm's reader waits for the end of a cut-short sequence (crossterm issue #1060): the fix is dafo's own reader"
)]
#[test]
fn keys_work_after_a_mouse_report_cut_short_in_its_numbers() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (t, path) = start(dir.path());
    t.press("Escape");
    send_raw(&t, "\u{1b}[<0;12");
    t.press("a");
    t.type_text("sigue");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("sigue");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "sigue");
}

#[cfg_attr(
    feature = "crossterm-input",
    ignore = "crossterm's reader waits for the end of a cut-short sequence (crossterm issue #1060): the fix is dafo's own reader"
)]
#[test]
fn the_text_of_a_paste_that_never_ends_is_kept() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (t, path) = start(dir.path());
    t.press("Escape"); // the first-start card
    t.press("a");
    t.wait_for("Enter");
    send_raw(&t, "\u{1b}[200~pegado sin final");
    // The paste is taken as ended; Enter is a key again, not more pasted text.
    t.press("Enter");
    t.press("Escape");
    t.wait_for("pegado sin final");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "pegado sin final");
}

#[test]
fn a_whole_paste_is_one_paste_and_esc_alone_is_esc() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (t, path) = start(dir.path());
    t.press("Escape");
    t.press("a");
    t.wait_for("Enter");
    // One paste holding `q` and a newline-free text: nothing of it is a key.
    let out = Command::new("tmux")
        .args(["-L", &t.socket_name(), "send-keys", "-t", "e2e", "-l", "\u{1b}[200~qa pegado entero\u{1b}[201~"])
        .output()
        .unwrap();
    assert!(out.status.success());
    t.press("Enter");
    t.wait_for("qa pegado entero");
    // Esc alone leaves the editor (it is not taken as the start of a sequence).
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "qa pegado entero");
}
