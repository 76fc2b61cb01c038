//! Faults around saving, through the public API and the binary: a real full device,
//! a read-only folder, two processes on one file, and `dafo recover`.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

#[cfg(unix)]
use crate::common::{Tool, needs};
use std::path::Path;
use std::process::Command;

use dafo::domain::Session;
use dafo::storage::{self, SaveError, SessionLock};
use jiff::Timestamp;

fn session(title: &str) -> Session {
    Session::new(title, Timestamp::UNIX_EPOCH)
}

fn gethostname_of_this_machine() -> String {
    dafo::storage::LockInfo::current().host
}

fn dafo(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dafo")).args(args).output().unwrap()
}

#[test]
#[cfg_attr(not(target_os = "linux"), ignore = "needs /dev/full")]
fn a_full_device_is_named_and_the_old_file_kept() {
    let full = Path::new("/dev/full");
    assert!(full.exists(), "no /dev/full on this system");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let first = storage::save_session(&path, &session("uno"), None).unwrap();
    let before = std::fs::read(&path).unwrap();
    // The kernel's own ENOSPC, from a write that goes to /dev/full.
    let err =
        storage::save_session_with(&path, &session("dos"), Some(&first.disk), |_, bytes| std::fs::write(full, bytes))
            .unwrap_err();
    assert!(matches!(err, SaveError::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains("s.ron: the disk is full"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Space is back: the retry with the same fingerprint succeeds.
    storage::save_session(&path, &session("dos"), Some(&first.disk)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_named_and_the_old_file_kept() {
    if !needs(Tool::Unprivileged) {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let first = storage::save_session(&path, &session("uno"), None).unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        // Root (as in CI) ignores permission bits: run this test again as `nobody`.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        crate::common::nobody::rerun(module_path!(), "a_read_only_folder_is_named_and_the_old_file_kept");
        return;
    }
    let err = storage::save_session(&path, &session("dos"), Some(&first.disk)).unwrap_err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(err, SaveError::PermissionDenied { .. } | SaveError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("left as it was"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A lock that cannot be created (a read-only folder) says so, not "open in another dafo".
#[cfg(unix)]
#[test]
fn a_lock_that_cannot_be_created_says_the_real_reason() {
    if !needs(Tool::Unprivileged) {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    storage::save(&path, &session("uno")).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.path().join("probe"), "x").is_ok() {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        crate::common::nobody::rerun(module_path!(), "a_lock_that_cannot_be_created_says_the_real_reason");
        return;
    }
    let opened = storage::SessionFile::open(&path);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let (file, _) = opened.unwrap();
    let why = file.read_only().expect("opened for writing in a read-only folder");
    let es = why.summary(dafo::i18n::Lang::Es);
    assert!(es.contains("sin permiso") && !es.contains("otro dafo"), "{es}");
    assert!(why.to_string().contains("no permission") && !why.to_string().contains("another dafo"), "{why}");
}

#[test]
fn a_second_process_is_told_who_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let lock = SessionLock::acquire(&path).unwrap();
    let out = dafo(&["__soak", path.to_str().unwrap(), "1", "--lang", "en"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("pid {}", std::process::id())), "{stderr}");
    assert!(stderr.contains(&gethostname_of_this_machine()) && stderr.contains("since"), "{stderr}");
    assert!(!path.exists(), "the second process wrote the file");
    drop(lock);
    assert!(dafo(&["__soak", path.to_str().unwrap(), "1"]).status.success());
}

#[test]
fn recover_brings_back_a_damaged_file_and_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    assert!(dafo(&["__soak", path.to_str().unwrap(), "3"]).status.success());
    let good = std::fs::read_to_string(&path).unwrap();
    // Damaged outside dafo: half of it is gone.
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    let out = dafo(&["recover", path.to_str().unwrap(), "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("{}:", path.display())) && stdout.contains("damaged"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), good);
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.starts_with("s.ron.damaged-")), "{names:?}");
    assert!(dafo(&["check", path.to_str().unwrap()]).status.success());
    let again = dafo(&["recover", path.to_str().unwrap(), "--lang", "en"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to recover"));
}

#[test]
fn recover_without_a_backup_fails_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, "(version: 1,").unwrap();
    let out = dafo(&["recover", path.to_str().unwrap(), "--lang", "en"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no backup"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(version: 1,");
}
