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
        rerun_as_nobody("a_read_only_folder_is_named_and_the_old_file_kept");
        return;
    }
    let err = storage::save_session(&path, &session("dos"), Some(&first.disk)).unwrap_err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(err, SaveError::PermissionDenied { .. } | SaveError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("left as it was"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Runs one test of this binary as the unprivileged user `nobody` (with `setpriv`).
/// The callers skip or fail unless setpriv is there (`needs(Tool::Unprivileged)`), so a
/// failure to switch user is a failure, not a skip.
#[cfg(unix)]
fn rerun_as_nobody(test: &str) {
    assert!(std::env::var_os("DAFO_TEST_AS_NOBODY").is_none(), "still privileged as nobody");
    let has_setpriv = Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(has_setpriv, "running as root, where permission bits do not stop writes, and no setpriv to drop them");
    let dir = tempfile::tempdir().unwrap();
    let exe = reachable_copy_of_this_binary(dir.path());
    // The test's full name inside the one test binary: `storage_faults::<test>`.
    let module = module_path!().split_once("::").map_or(module_path!(), |(_, m)| m);
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&exe)
        .args([&format!("{module}::{test}"), "--exact", "--nocapture"])
        .env("DAFO_TEST_AS_NOBODY", "1")
        .env("TMPDIR", std::env::temp_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // setpriv itself failing (no permission to switch user, a noexec temp folder...) fails too.
    assert!(
        stdout.contains("test result:"),
        "could not run as nobody: {}",
        String::from_utf8_lossy(&out.stderr).trim()
    );
    assert!(out.status.success(), "as nobody: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("1 passed"), "{stdout}");
    println!("ran as nobody: {}", stdout.lines().find(|l| l.contains("passed")).unwrap_or(""));
}

/// This test binary, at a path inside `dir` that `nobody` can reach and execute.
///
/// This process never holds the new file open for writing: a hard link writes
/// nothing, and the fallback copy is made by a `cp` child. A copy written here
/// (`std::fs::copy`) would leave a write descriptor that a process forked meanwhile
/// by another test's thread inherits until its own exec, and `setpriv` then fails
/// with "Text file busy" (ETXTBSY).
#[cfg(unix)]
fn reachable_copy_of_this_binary(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let exe = dir.join("test-binary");
    let me = std::env::current_exe().unwrap();
    let world_executable = me.metadata().is_ok_and(|m| m.permissions().mode() & 0o005 == 0o005);
    if !(world_executable && std::fs::hard_link(&me, &exe).is_ok()) {
        let cp = Command::new("cp").arg(&me).arg(&exe).status().unwrap();
        assert!(cp.success(), "cp {} {}", me.display(), exe.display());
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    exe
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
        rerun_as_nobody("a_lock_that_cannot_be_created_says_the_real_reason");
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
