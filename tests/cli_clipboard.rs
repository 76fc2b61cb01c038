//! The clipboard through a real display: `dafo copy` puts HTML and text on the
//! clipboard and the content stays pasteable after the command has returned.
//! Needs a display (`.ci/run` uses `xvfb-run`): without one it says it is skipped,
//! and under `CI` it fails (see `common::tools`).

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common::{Tool, needs};
use std::process::Command;
use std::time::{Duration, Instant};

use dafo::export::{Format, render};
use dafo::i18n::Lang;

const TRICKY: &str = "tests/fixtures/tricky.ron";

fn display() -> bool {
    std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
        || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty())
}

/// Reads the clipboard until `check` accepts it or two seconds pass.
fn read_until(mut check: impl FnMut(&mut arboard::Clipboard) -> bool) -> bool {
    let mut clipboard = arboard::Clipboard::new().unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        if check(&mut clipboard) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn copy_outlives_the_command_and_offers_html_and_text() {
    if !needs(Tool::Display) {
        return;
    }
    assert!(display(), "no DISPLAY or WAYLAND_DISPLAY; run under `xvfb-run -a cargo test --test runner cli_clipboard`");
    let session = dafo::storage::load(std::path::Path::new(TRICKY)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dafo")).args(["copy", TRICKY, "--format", "html"]).output().unwrap();
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{message}");
    // Said in the session's language (Spanish).
    assert!(message.contains(Lang::Es.text().ui.copied), "{message}");

    // The command has exited; the holder still serves both flavours.
    let text = render(&session, Lang::Es, Format::Txt);
    let html = render(&session, Lang::Es, Format::HtmlFragment);
    assert!(read_until(|c| c.get_text().is_ok_and(|t| t == text)), "text flavour");
    assert!(read_until(|c| c.get().html().is_ok_and(|h| h == html)), "html flavour");

    // Copying again replaces the content (and the first holder exits).
    let out = Command::new(env!("CARGO_BIN_EXE_dafo")).args(["copy", TRICKY, "--format", "md"]).output().unwrap();
    assert!(out.status.success());
    let md = render(&session, Lang::Es, Format::Md);
    assert!(read_until(|c| c.get_text().is_ok_and(|t| t == md)), "markdown replaces the table");

    // Another program taking the clipboard ends the holder.
    let mut mine = arboard::Clipboard::new().unwrap();
    mine.set_text("otra cosa").unwrap();
    assert!(read_until(|c| c.get_text().is_ok_and(|t| t == "otra cosa")));
}
