//! Layer 3: `dafo DIR` (a directory where a session file goes) opens the session
//! browser on that directory instead of failing with "Is a directory".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Session;
use dafo::storage;

#[test]
fn a_directory_as_the_file_opens_the_browser_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sesiones");
    std::fs::create_dir(&sessions).unwrap();
    storage::save(&sessions.join("barrio.ron"), &Session::new("Taller del barrio", jiff::Timestamp::UNIX_EPOCH))
        .unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&sessions.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    let screen = t.wait_for("Taller del barrio");
    assert!(!screen.contains("directory") && !screen.contains("directorio"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
