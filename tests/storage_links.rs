//! Attacks on the files around a session, through the binary: a lock file planted as
//! a link, a session opened through a link, two imports of one title at once, a
//! backup folder that cannot be written, and file names holding escape sequences.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output};

use dafo::domain::Session;
use dafo::storage;
use jiff::Timestamp;

fn dafo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafo")).current_dir(dir).args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn a_lock_file_planted_as_a_symlink_never_overwrites_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink("victim.txt", dir.path().join(".real.ron.lock")).unwrap();
    let out = dafo(dir.path(), &["__soak", "real.ron", "1", "--lang", "en"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("not a regular file"), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!dir.path().join("real.ron").exists());
}

#[test]
fn a_session_opened_through_a_link_is_saved_next_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    let target = dir.path().join("shared/s.ron");
    storage::save(&target, &Session::new("uno", Timestamp::UNIX_EPOCH)).unwrap();
    let link = dir.path().join("s.ron");
    std::os::unix::fs::symlink("shared/s.ron", &link).unwrap();
    let (mut file, mut session) = storage::SessionFile::open(&link).unwrap();
    session.meta.title = "dos".into();
    file.save(&session).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(storage::load(&target).unwrap().meta.title, "dos");
    // Backups and the lock sit beside the target, not the link.
    assert!(dir.path().join("shared/.dafo-backups").is_dir());
    assert!(dir.path().join("shared/.s.ron.lock").exists());
    assert!(!dir.path().join(".dafo-backups").exists());
}

#[test]
fn recover_through_a_link_restores_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    let target = dir.path().join("shared/s.ron");
    let (_, _) = storage::SessionFile::create(&target, &Session::new("uno", Timestamp::UNIX_EPOCH)).unwrap();
    let good = std::fs::read_to_string(&target).unwrap();
    std::os::unix::fs::symlink("shared/s.ron", dir.path().join("s.ron")).unwrap();
    std::fs::write(&target, "(version: 2, me").unwrap();
    let out = dafo(dir.path(), &["recover", "s.ron"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(std::fs::symlink_metadata(dir.path().join("s.ron")).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), good);
}

/// `view/link.ron` → `../real/p.ron`, the target deleted: `recover` looked for
/// backups in `view/.dafo-backups` and found none, though saves through the
/// link keep them beside the target, in `real/.dafo-backups`.
#[test]
fn recover_through_a_link_whose_target_is_gone_finds_the_targets_backups() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["view", "real"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
    }
    let target = dir.path().join("real/p.ron");
    storage::save(&target, &Session::new("uno", Timestamp::UNIX_EPOCH)).unwrap();
    let link = dir.path().join("view/link.ron");
    std::os::unix::fs::symlink("../real/p.ron", &link).unwrap();
    let (mut file, mut session) = storage::SessionFile::open(&link).unwrap();
    session.meta.title = "dos".into();
    file.save(&session).unwrap();
    drop(file);
    assert!(dir.path().join("real/.dafo-backups").is_dir(), "saves keep backups beside the target");
    std::fs::remove_file(&target).unwrap();
    let out = dafo(dir.path(), &["recover", "view/link.ron", "--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
    assert_eq!(storage::load(&target).unwrap().meta.title, "dos", "the target is back from its newest backup");
    assert!(!dir.path().join("view/.dafo-backups").exists());
}

#[test]
fn two_imports_of_one_title_at_once_keep_both_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let runs = 8;
    for i in 0..runs {
        std::fs::write(dir.path().join(format!("in{i}.md")), format!("# Taller\n## Fortalezas\n- punto {i}\n"))
            .unwrap();
    }
    // One after another: each takes the next free name.
    for i in 0..runs {
        assert!(dafo(dir.path(), &["--dir", "out", "import", &format!("in{i}.md")]).status.success());
    }
    // All at once: created exclusively, so none replaces another.
    let spawned: Vec<_> = (0..runs)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_dafo"))
                .current_dir(dir.path())
                .args(["--lang", "en", "--dir", "race", "import", &format!("in{i}.md")])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut renamed = 0;
    for child in spawned {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        renamed += usize::from(
            text(&out).contains("already exists; saved as") || text(&out).contains("ya existe; guardado como"),
        );
    }
    for folder in ["out", "race"] {
        let mut points: Vec<String> = std::fs::read_dir(dir.path().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .map(|p| storage::load(&p).unwrap().strengths[0].text.clone())
            .collect();
        points.sort();
        assert_eq!(points.len(), runs, "{folder}: {points:?}");
        points.dedup();
        assert_eq!(points.len(), runs, "{folder}: a session was overwritten: {points:?}");
    }
    assert_eq!(renamed, runs - 1, "every import but one says it took another name");
}

#[test]
fn check_reports_backups_that_cannot_be_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    storage::save(&path, &Session::new("uno", Timestamp::UNIX_EPOCH)).unwrap();
    std::fs::write(dir.path().join(storage::backup::BACKUP_DIR), "not a folder").unwrap();
    // Saving still works, and says once that no backup was kept.
    let (mut file, session) = storage::SessionFile::open(&path).unwrap();
    let first = file.save(&session).unwrap();
    assert!(first.backup.is_err());
    assert!(first.backup_warning.is_some());
    assert!(file.save(&session).unwrap().backup_warning.is_none(), "said twice");
    drop(file);
    let out = dafo(dir.path(), &["check", "s.ron", "--lang", "en"]);
    assert!(out.status.success());
    assert!(text(&out).contains("backups cannot be kept"), "{}", text(&out));
}

#[test]
fn file_names_with_escape_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "x\u{1b}]52;c;aGk=\u{7}\u{1b}[2J.ron";
    std::fs::write(dir.path().join(hostile), "(version: 1, meta: (").unwrap();
    let missing = "y\u{1b}[2J.ron";
    let runs = [
        vec!["check", hostile],
        vec!["check", missing],
        vec!["recover", hostile],
        vec!["export", hostile, "-o", "out.md"],
        vec![hostile],
    ];
    for args in runs {
        let out = dafo(dir.path(), &args);
        let all = text(&out);
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{args:?} printed a raw escape: {all:?}");
        assert!(all.contains(".ron"), "{args:?}: {all:?}");
    }
}
