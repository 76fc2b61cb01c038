//! Hostile journals beside a session: a FIFO, a folder or a huge file in the
//! journal's place, a journal changed by hand (a genuine header, another body), and
//! a journal left pending by a kill, seen by the commands that only read
//! (`check`, `show`, `export`) and brought back by `recover`.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::dafo_bin;
use dafo::app::App;
use dafo::domain::{Edit, Factor, ListOp, Quadrant, Session};
use dafo::i18n::Lang;
use dafo::storage::{self, SessionFile, journal::journal_path};

const SAMPLE: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// Runs dafo, killed if it has not finished after 20 s (a FIFO would hang it).
fn dafo(args: &[&str]) -> Output {
    let mut child = Command::new(dafo_bin())
        .args(args)
        .args(["--lang", "es"])
        .env_remove("DAFO_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("dafo {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A session file with a journal of one change not saved: what a kill leaves.
fn with_pending_journal(dir: &Path) -> PathBuf {
    let path = dir.join("taller.ron");
    let (mut file, _) = SessionFile::create(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let edit = Edit::Factor(Quadrant::Strengths, ListOp::Insert(0, Factor::new("F1", "dicho antes del corte")));
    let ids = [("F".to_owned(), 1)].into_iter().collect();
    file.journal(&[(1, edit)], &ids).unwrap();
    drop(file);
    path
}

/// Opens `path` in the TUI's editor on another thread; `None` if it has not
/// opened after 20 s.
fn open_within_a_while(path: &Path) -> Option<App> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(App::open(&path, Lang::Es).map_err(|e| e.to_string()));
    });
    rx.recv_timeout(Duration::from_secs(20)).ok().map(|r| r.unwrap())
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn aside_of(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".journal-"))
        .collect()
}

#[test]
fn a_fifo_as_the_journal_neither_hangs_the_editor_nor_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    mkfifo(&journal_path(&path));
    let app = open_within_a_while(&path).expect("opening hung on a FIFO journal");
    assert!(
        common::keys::notice(&app).contains("no es un diario que dafo pueda leer"),
        "{}",
        common::keys::notice(&app)
    );
    drop(app);
    assert_eq!(aside_of(dir.path()).len(), 1, "moved aside, never read");

    // `dafo review` on a plan with a FIFO in its journal's place.
    let plan = dir.path().join("plan.ron");
    std::fs::copy(SAMPLE, &plan).unwrap();
    mkfifo(&journal_path(&plan));
    let out = dafo(&["review", plan.to_str().unwrap(), "--year", "2025", "C2=90"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no es un diario que dafo pueda leer"), "{}", text(&out.stderr));
    // `check` on a folder in its place says so, and reads nothing.
    std::fs::create_dir(journal_path(&plan)).unwrap();
    let out = dafo(&["check", plan.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stdout).contains("no encaja con el archivo"), "{}", text(&out.stdout));
}

#[test]
fn a_huge_journal_is_set_aside_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let f = std::fs::File::create(journal_path(&path)).unwrap();
    f.set_len(storage::journal::MAX_BYTES + 1).unwrap();
    let app = open_within_a_while(&path).expect("opening hung");
    assert!(common::keys::notice(&app).contains("no es un diario"), "{}", common::keys::notice(&app));
    assert_eq!(aside_of(dir.path()).len(), 1);
}

#[test]
fn a_tampered_journal_is_set_aside_never_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_pending_journal(dir.path());
    let before = std::fs::read(&path).unwrap();
    // The genuine header and lengths, another body: another title, another factor.
    let genuine = std::fs::read_to_string(journal_path(&path)).unwrap();
    let forged = genuine.replace("dicho antes del corte", "INYECTADO por otro!!!");
    assert_eq!(forged.len(), genuine.len());
    std::fs::write(journal_path(&path), &forged).unwrap();

    let out = dafo(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(!text(&out.stdout).contains("correcto"), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("cambiado fuera de dafo"), "{}", text(&out.stdout));

    let app = open_within_a_while(&path).expect("opening hung");
    assert!(common::keys::notice(&app).contains("cambiado fuera de dafo"), "{}", common::keys::notice(&app));
    assert!(common::keys::ed(&app).session().strengths.is_empty(), "the forged change was applied");
    drop(app);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file was rewritten");
    let aside = aside_of(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), forged, "kept as found");
}

#[test]
fn check_show_and_export_say_a_journal_is_pending_and_recover_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_pending_journal(dir.path());
    let p = path.to_str().unwrap();

    let out = dafo(&["check", p]);
    assert!(!out.status.success(), "a stale file is not called correct");
    let said = text(&out.stdout);
    assert!(!said.contains("correcto"), "{said}");
    assert!(said.contains("1 cambio(s)") && said.contains("dafo recover") && said.contains("1 F"), "{said}");

    let out = dafo(&["show", p, "--format", "md"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("1 cambio(s)"), "{}", text(&out.stderr));
    let md = dir.path().join("t.md");
    let out = dafo(&["export", p, "-o", md.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("1 cambio(s)"), "{}", text(&out.stderr));
    assert!(journal_path(&path).exists(), "reading commands touch nothing");

    let out = dafo(&["recover", p]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1 cambio(s) recuperado(s)"), "{}", text(&out.stdout));
    assert!(!journal_path(&path).exists());
    assert_eq!(storage::load(&path).unwrap().strengths[0].text, "dicho antes del corte");
    let out = dafo(&["check", p]);
    assert!(out.status.success() && text(&out.stdout).contains("correcto"), "{}", text(&out.stdout));
}
