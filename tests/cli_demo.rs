//! Where sessions live and `dafo demo`: without `--dir`, `DAFO_DIR` or a `sessions/`
//! folder here, sessions live in `$XDG_DATA_HOME/dafo/sessions`; `dafo demo` copies
//! the samples there, asks before replacing other words, and the browser names the folder.
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{Tmux, dafo_bin, sh_quote};

/// `dafo ARGS` in `cwd`, with `home` as HOME and XDG_DATA_HOME under it, `stdin` typed in.
fn dafo_in(cwd: &Path, home: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(dafo_bin())
        .args(args)
        .current_dir(cwd)
        .env_remove("DAFO_DIR")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DAFO_LANG", "es")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn demo_copies_the_samples_into_the_data_folder_and_asks_before_replacing_other_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (cwd, home) = (tmp.path().join("anywhere"), tmp.path().join("home"));
    std::fs::create_dir_all(&cwd).unwrap();
    let sessions = home.join("data/dafo/sessions");

    let out = dafo_in(&cwd, &home, &["demo"], "");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), sessions.display().to_string());
    assert!(stderr.contains("5 copiadas, 0 ya iguales, 0 conservadas"), "{stderr}");
    let sample = sessions.join("palencia-ciudad-de-los-cuidados.ron");
    assert_eq!(std::fs::read(&sample).unwrap(), std::fs::read(crate::common::SAMPLE).unwrap());
    assert!(sessions.join("grupos/tecnicos.ron").is_file() && !cwd.join("sessions").exists());

    // `dafo list` from any folder lists the same place.
    let listed = dafo_in(&cwd, &home, &["list"], "");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("palencia-ciudad-de-los-cuidados.ron"));

    // A facilitator's words in a file of that name: a no (or nothing) keeps them.
    std::fs::write(&sample, "mis palabras").unwrap();
    for answer in ["n\n", "", "\n"] {
        let out = dafo_in(&cwd, &home, &["demo"], answer);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("¿Sustituirlo por la muestra? [s/N]"), "{stderr}");
        assert!(stderr.contains("0 copiadas, 4 ya iguales, 1 conservada"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&sample).unwrap(), "mis palabras");
    }
    let out = dafo_in(&cwd, &home, &["demo"], "s\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 copiada, 4 ya iguales"));
    assert_eq!(std::fs::read(&sample).unwrap(), std::fs::read(crate::common::SAMPLE).unwrap());
}

#[test]
fn a_sessions_folder_here_or_dafo_dir_wins_over_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (cwd, home) = (tmp.path().join("repo"), tmp.path().join("home"));
    std::fs::create_dir_all(cwd.join("sessions")).unwrap();
    let out = dafo_in(&cwd, &home, &["demo"], "");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "sessions");
    assert!(cwd.join("sessions/palencia-ciudad-de-los-cuidados.ron").is_file());
    assert!(!home.join("data").exists());

    let chosen = tmp.path().join("elegida");
    let out = dafo_in(&cwd, &home, &["--dir", chosen.to_str().unwrap(), "demo"], "");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), chosen.display().to_string());
    assert!(chosen.join("grupos/politicos.ron").is_file());
}

#[test]
fn the_browser_names_the_folder_in_use() {
    if !crate::common::needs(crate::common::Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    assert!(dafo_in(tmp.path(), &home, &["demo"], "").status.success());
    let cmd = format!(
        "HOME={h} XDG_DATA_HOME={d} DAFO_LANG=es {}",
        dafo_bin(),
        h = sh_quote(&home.to_string_lossy()),
        d = sh_quote(&home.join("data").to_string_lossy())
    );
    let Some(t) = Tmux::start(&cmd, tmp.path(), 160, 30) else { return };
    let screen = t.wait_for("Palencia");
    let folder = home.join("data/dafo/sessions").display().to_string();
    assert!(screen.replace('\n', "").contains(&format!("sesiones en {folder}")), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// `dafo demo` read whatever stood at a sample's name: a FIFO hung it, a link
/// to /dev/zero filled the memory. Now it is refused, as every other reader
/// refuses one, and left where it is.
#[test]
fn demo_refuses_a_fifo_or_a_device_where_a_sample_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    for (k, make) in ["fifo", "device"].iter().enumerate() {
        let dir = tmp.path().join(format!("d{k}"));
        std::fs::create_dir_all(&dir).unwrap();
        let at = dir.join("almendral-plan-servicios-sociales-2023-2026.ron");
        if *make == "fifo" {
            assert!(Command::new("mkfifo").arg(&at).status().unwrap().success());
        } else {
            std::os::unix::fs::symlink("/dev/zero", &at).unwrap();
        }
        let mut demo = Command::new(dafo_bin());
        demo.args(["demo", "--dir"]).arg(&dir).env("HOME", &home).env("DAFO_LANG", "es");
        let out = crate::common::output_within(&mut demo, 20, &format!("dafo demo over a {make}"));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{make}: {said}");
        assert!(said.contains("no es un archivo normal"), "{make}: {said}");
        assert!(std::fs::symlink_metadata(&at).is_ok(), "{make}: left where it is");
    }
}
