//! `dafo copy FILE` puts HTML and text on the clipboard, by default and with
//! every `--format`, on a private X server (`Xvfb`) of its own, read back with
//! `xclip`: the user's clipboard is never touched. Without Xvfb or xclip the
//! test is ignored (`build.rs`); with `CI` set it runs and fails.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common::{Tool, needs};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dafo::export::{Format, render};
use dafo::i18n::Lang;

const PLAN: &str = "tests/fixtures/plan.ron";

/// A private X server, stopped when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "320x200x24"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        Xvfb { child, display: format!(":{}", line.trim()) }
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display).env_remove("WAYLAND_DISPLAY").env_remove("DAFO_NO_CLIPBOARD");
        cmd
    }

    /// The clipboard's content as `target`, once `done` accepts it (or after two seconds).
    fn read(&self, target: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let out = self.command("xclip").args(["-selection", "clipboard", "-t", target, "-o"]).output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if (out.status.success() && done(&text)) || Instant::now() > deadline {
                return text;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM, so the server removes its socket file (a SIGKILL leaves it behind);
        // SIGKILL only if it has not gone within a second.
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn copy_puts_html_and_text_by_default_and_format_picks_the_text() {
    if !needs(Tool::XvfbXclip) {
        return;
    }
    let x = Xvfb::start();
    let session = dafo::storage::load(std::path::Path::new(PLAN)).unwrap();
    let html = render(&session, Lang::Es, Format::HtmlFragment);
    for (args, text) in
        [(&[][..], Format::Md), (&["--format", "txt"][..], Format::Txt), (&["--format", "md"][..], Format::Md)]
    {
        let out = x.command(env!("CARGO_BIN_EXE_dafo")).arg("copy").arg(PLAN).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Wait for this copy's text (the previous holder may still be answering).
        let want = render(&session, Lang::Es, text);
        assert_eq!(x.read("UTF8_STRING", |t| t == want), want, "{args:?}: text flavour");
        let targets = x.read("TARGETS", |t| t.contains("text/html"));
        assert!(targets.contains("text/html") && targets.contains("UTF8_STRING"), "{args:?}: {targets}");
        assert_eq!(x.read("text/html", |h| h == html), html, "{args:?}: HTML flavour");
    }
}
