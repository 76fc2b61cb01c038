//! The commands that open the TUI (`new`, `open`, a bare file, the browser) check for a
//! terminal first: in a pipe or a script they fail with a clear message, exit 1 (not a
//! panic's 101), print no escape sequences and write no file.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";

/// Runs dafo with `dir` as its sessions folder, stdin empty and stdout a pipe.
fn without_terminal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafo"))
        .args(args)
        .env("DAFO_DIR", dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Every file under `dir`, with its contents.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap_or_default()))
        .collect();
    all.sort();
    all
}

fn assert_refused(o: &Output, english: bool) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "exit status: {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout, no escape sequences: {:?}", String::from_utf8_lossy(&o.stdout));
    let expected = if english { "needs a terminal" } else { "hace falta una terminal" };
    assert!(err.starts_with("dafo: ") && err.contains(expected), "{err}");
    assert!(!err.contains("panicked") && !err.contains('\u{1b}'), "{err}");
}

#[test]
fn new_without_a_terminal_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (args, english) in [(&["new", "Plan de cuidados"][..], false), (&["--lang", "en", "new", "Care plan"], true)] {
        let o = without_terminal(dir.path(), args);
        assert_refused(&o, english);
        assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
    }
    // `--from` reads the old session, but writes nothing either.
    let o = without_terminal(dir.path(), &["new", "Plan 2027", "--from", SAMPLE]);
    assert_refused(&o, false);
    assert!(files(dir.path()).is_empty());
}

#[test]
fn new_from_a_missing_file_names_the_file_before_asking_for_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-esta.ron");
    let o = without_terminal(dir.path(), &["new", "Plan 2027", "--from", missing.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("no-esta.ron"), "names the file: {err}");
    assert!(!err.contains("hace falta una terminal"), "{err}");
    assert!(files(dir.path()).is_empty());
}

#[test]
fn opening_a_session_without_a_terminal_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &file).unwrap();
    let before = files(dir.path());
    let path = file.to_str().unwrap();
    for args in [&["open", path][..], &[path], &[]] {
        let o = without_terminal(dir.path(), args);
        assert_refused(&o, false);
        // No lock file, no backup, no temp file, the session untouched.
        assert_eq!(files(dir.path()), before, "{args:?}");
    }
}

#[test]
fn stdout_redirected_to_a_file_is_not_a_terminal_either() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_dafo"))
        .args(["new", "Plan"])
        .env("DAFO_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(out.reopen().unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(std::fs::read(out.path()).unwrap().is_empty(), "no escape sequences in the file");
    assert!(files(dir.path()).is_empty());
}

/// `dafo NAME.ron` (or `open NAME.ron`) from a folder without that file reopens the
/// one `dafo new` made in the sessions folder: it is read (it speaks its own
/// language) before the missing terminal is said. A name in neither place, or a
/// path, is refused as typed.
#[test]
fn a_bare_name_is_reopened_from_the_sessions_folder() {
    let sessions = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut english = std::fs::read_to_string(SAMPLE).unwrap();
    english = english.replacen("language: \"es\"", "language: \"en\"", 1);
    assert!(english.contains("language: \"en\""), "the sample states its language");
    std::fs::write(sessions.path().join("plan-de-cuidados-2026.ron"), english).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(args)
            .current_dir(elsewhere.path())
            .env("DAFO_DIR", sessions.path())
            .env_remove("DAFO_LANG")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    for args in [&["plan-de-cuidados-2026.ron"][..], &["open", "plan-de-cuidados-2026.ron"]] {
        assert_refused(&run(args), true);
    }
    for args in [&["otro.ron"][..], &["./plan-de-cuidados-2026.ron"], &["open", "otro.ron"]] {
        let o = run(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains("no existe"), "{args:?}: {err}");
    }
}
