//! End-to-end tests of issue 22's hardening through the built binary: files that
//! must not hang or exhaust dafo (FIFOs, devices), outputs that must not replace an
//! input, plans that must be one plan, and hostile names kept off the terminal.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs dafo with `args` and `env`, killed (and the test failed) after 20 s.
fn dafo_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dafo"));
    cmd.args(args)
        .env_remove("DAFO_DIR")
        .env_remove("DAFO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("XDG_CONFIG_HOME", "/nonexistent/dafo-test-config")
        .env(dafo::clipboard::NO_CLIPBOARD_ENV, "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("dafo {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn dafo(args: &[&str]) -> Output {
    dafo_env(args, &[])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn a_fifo_keys_file_does_not_hang_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    mkfifo(&keys);
    let out = dafo(&["--lang", "en", "--keys", p(&keys), "keys"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("keys.ron: not a regular file"), "{}", stderr(&out));
}

#[test]
fn a_keys_file_linked_to_dev_zero_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    std::os::unix::fs::symlink("/dev/zero", &keys).unwrap();
    let out = dafo(&["--lang", "ca", "--keys", p(&keys), "keys"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("no és un fitxer normal"), "{}", stderr(&out));
}

#[test]
fn a_fifo_or_device_config_does_not_hang_start_up() {
    for target in ["fifo", "/dev/zero"] {
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("dafo");
        std::fs::create_dir(&conf).unwrap();
        if target == "fifo" {
            mkfifo(&conf.join("config.ron"));
        } else {
            std::os::unix::fs::symlink(target, conf.join("config.ron")).unwrap();
        }
        let out = dafo_env(&["--lang", "es", "keys"], &[("XDG_CONFIG_HOME", p(dir.path()))]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("no es un archivo normal"), "{target}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty());
    }
}
