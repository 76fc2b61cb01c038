//! Layer 3: keys users can change — a `keys.ron` remaps `a`, and the footer,
//! the help and the real binary all follow it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Session;
use dafo::storage;

#[test]
fn remapped_add_key_shows_in_footer_and_help_and_works() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let keys = dir.path().join("keys.ron");
    std::fs::write(&keys, "{ \"Grid\": { \"StartAdd\": [\"n\"] } }\n").unwrap();
    let cmd =
        format!("{} --keys {} {}", dafo_bin(), sh_quote(&keys.to_string_lossy()), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("Escape"); // closes the first-start card
    let screen = t.wait_for("n añadir");
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.starts_with("n añadir") && !footer.contains("a añadir"), "{footer}");
    assert!(screen.contains("pulsa n para añadir"), "the empty-quadrant hint follows: {screen}");
    t.press("?");
    let help = t.wait_for("Ayuda");
    assert!(help.lines().any(|l| l.contains(" n ") && l.contains("añadir")), "{help}");
    t.press("Escape");
    // `a` no longer adds; `n` does.
    t.press("a");
    t.press("n");
    t.type_text("Con la tecla nueva");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("Con la tecla nueva");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "Con la tecla nueva");
}

#[test]
fn a_bad_keys_file_is_refused_with_line_and_column_and_defaults_stay() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    std::fs::write(&keys, "{\n  \"Grid\": {\n    \"StartAdd\": [\"nope-key\"],\n  },\n}\n").unwrap();
    let out = std::process::Command::new(dafo_bin()).arg("--keys").arg(&keys).arg("keys").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:18:", keys.display())), "{err}");
    let table = String::from_utf8_lossy(&out.stdout);
    let grid_add = table.lines().find(|l| l.trim_start().starts_with("StartAdd")).unwrap();
    assert!(grid_add.contains(" a "), "defaults used: {grid_add}");
}
