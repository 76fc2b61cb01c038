//! Running a test again as the unprivileged user `nobody`: root (as in CI)
//! ignores permission bits, so a test of a refusal by them runs as `nobody`.

use std::path::Path;
use std::process::Command;

/// Runs the test `test` of the module `module` (its `module_path!()`) of this
/// binary as the unprivileged user `nobody` (with `setpriv`). The callers skip or
/// fail unless setpriv is there (`needs(Tool::Unprivileged)`), so a failure to
/// switch user is a failure, not a skip.
pub fn rerun(module: &str, test: &str) {
    assert!(std::env::var_os("DAFO_TEST_AS_NOBODY").is_none(), "still privileged as nobody");
    let has_setpriv = Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(has_setpriv, "running as root, where permission bits do not stop writes, and no setpriv to drop them");
    let dir = tempfile::tempdir().unwrap();
    let exe = reachable_copy_of_this_binary(dir.path());
    // The test's full name inside the one test binary: `<file module>::<test>`.
    let module = module.split_once("::").map_or(module, |(_, m)| m);
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
