//! `dafo merge` given one group's file twice (issue 22): the same path, a
//! symbolic link or a hard link to it is refused, since the group's votes
//! would count twice and its actions repeat; a copy (another file, the same
//! bytes) is merged with a warning.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TECNICOS: &str = "sessions/grupos/tecnicos.ron";
const POLITICOS: &str = "sessions/grupos/politicos.ron";

fn merge(files: &[&Path], out: &Path, lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafo"))
        .arg("--lang")
        .arg(lang)
        .arg("merge")
        .args(files)
        .arg("-o")
        .arg(out)
        .env_remove("DAFO_DIR")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A temp dir holding a copy of the técnicos' session as `tecnicos.ron`.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path().join("tecnicos.ron");
    std::fs::copy(TECNICOS, &t).unwrap();
    (tmp, t)
}

fn refused(out: &Output, out_path: &Path) -> String {
    assert!(!out.status.success(), "merged: {}", text(&out.stdout));
    assert!(!out_path.exists(), "nothing is written");
    text(&out.stderr)
}

#[test]
fn the_same_path_twice_is_refused() {
    let (tmp, t) = setup();
    let o = tmp.path().join("out.ron");
    let err = refused(&merge(&[&t, Path::new(POLITICOS), &t], &o, "es"), &o);
    assert!(err.contains("son el mismo archivo"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_an_input_is_refused() {
    let (tmp, t) = setup();
    let link = tmp.path().join("enlace.ron");
    std::os::unix::fs::symlink(&t, &link).unwrap();
    let o = tmp.path().join("out.ron");
    let err = refused(&merge(&[&t, &link], &o, "en"), &o);
    assert!(err.contains("are the same file"), "{err}");
}

#[test]
fn a_hard_link_to_an_input_is_refused() {
    let (tmp, t) = setup();
    let link = tmp.path().join("otro-nombre.ron");
    std::fs::hard_link(&t, &link).unwrap();
    let o = tmp.path().join("out.ron");
    let err = refused(&merge(&[&t, Path::new(POLITICOS), &link], &o, "ca"), &o);
    assert!(err.contains("són el mateix fitxer"), "{err}");
}

#[test]
fn a_copy_is_merged_with_a_warning() {
    let (tmp, t) = setup();
    let copy = tmp.path().join("copia.ron");
    std::fs::copy(&t, &copy).unwrap();
    let o = tmp.path().join("out.ron");
    let out = merge(&[&t, &copy], &o, "es");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("tienen el mismo contenido"), "{err}");
    // Two different files of other content: no warning.
    let o2 = tmp.path().join("out2.ron");
    let out = merge(&[&t, Path::new(POLITICOS)], &o2, "es");
    assert!(out.status.success() && !text(&out.stderr).contains("mismo contenido"), "{}", text(&out.stderr));
}
