//! `dafo publish`: the site of the bundled Almendral plan written by the real
//! binary, its language, what it keeps out, and the folders it refuses.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::{Path, PathBuf};

use crate::common;

const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn publish(args: &[&str]) -> std::process::Output {
    let mut all = vec!["publish"];
    all.extend_from_slice(args);
    common::dafo_command(&all).env("DAFO_TODAY", "2025-03-01").output().unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The site's pages and total size in bytes.
pub fn measure(dir: &Path) -> (usize, u64) {
    let pages = files(dir).iter().filter(|n| n.ends_with(".html")).count();
    let size = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    (pages, size)
}

/// The Almendral site written into a fresh folder.
pub fn almendral_site(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sitio");
    let mut args = vec![ALMENDRAL, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = publish(&args);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), out.join("index.html").display().to_string());
    (tmp, out)
}

#[test]
fn publish_writes_the_almendral_site_in_the_sessions_language_and_again_over_itself() {
    let (_tmp, out) = almendral_site(&[]);
    assert_eq!(files(&out), [".dafo-publish", "actions.html", "index.html", "plan.csv", "plan.json"]);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"es\">") && index.contains("Grado de implementación del plan por año"));
    let (pages, size) = measure(&out);
    eprintln!("almendral site: {pages} pages, {size} bytes");
    assert_eq!(pages, 2);
    // A second run replaces its own files, and only them.
    std::fs::write(out.join("mine.txt"), "kept").unwrap();
    let again = publish(&[ALMENDRAL, "-o", out.to_str().unwrap(), "--lang", "ca"]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"ca\">"));
    assert!(index.contains("Grau d&#x27;implementació") || index.contains("Grau d'implementació"));
    assert_eq!(std::fs::read_to_string(out.join("mine.txt")).unwrap(), "kept");
    assert!(!files(&out).iter().any(|n| n.ends_with(".tmp")), "{:?}", files(&out));
}

#[test]
fn publish_keeps_notes_and_the_meeting_record_out_unless_asked() {
    let session = dafo::storage::load(Path::new(ALMENDRAL)).unwrap();
    let note = session.reviews.iter().find_map(|r| r.note.clone()).unwrap();
    let summary = session.review_years.iter().find_map(|y| y.summary.clone()).unwrap();
    let participants = session.meta.participants.clone().unwrap();
    let all = |dir: &Path| -> String {
        files(dir).iter().map(|n| std::fs::read_to_string(dir.join(n)).unwrap()).collect::<Vec<_>>().join("\n")
    };
    let (_tmp, out) = almendral_site(&[]);
    let public = all(&out);
    for private in [&note, &summary, &participants] {
        let escaped = dafo::export::html::escape(private);
        assert!(!public.contains(private.as_str()) && !public.contains(&escaped), "{private}");
    }
    let (_tmp2, out) = almendral_site(&["--include-internal"]);
    let internal = all(&out);
    for private in [&note, &summary, &participants] {
        assert!(internal.contains(&dafo::export::html::escape(private)), "{private}");
    }
}

#[test]
fn publish_refuses_a_folder_it_did_not_write_and_links_out_of_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    // A folder with someone's files and no marker: untouched.
    let theirs = tmp.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("index.html"), "their page").unwrap();
    let run = publish(&[ALMENDRAL, "-o", theirs.to_str().unwrap()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("no es una publicación anterior de dafo") && err.contains(".dafo-publish"), "{err}");
    assert_eq!(std::fs::read_to_string(theirs.join("index.html")).unwrap(), "their page");
    assert_eq!(files(&theirs), ["index.html"]);
    // A file where the folder should be: said as such (it was called "a link or
    // not a plain file"), in each language, and left as it was.
    let plain = tmp.path().join("plain.ron");
    std::fs::write(&plain, "x").unwrap();
    for (lang, said, not) in [
        ("en", "plain.ron: already exists and is not a folder", "link"),
        ("es", "plain.ron: ya existe y no es una carpeta", "enlace"),
        ("ca", "plain.ron: ja existeix i no és una carpeta", "enllaç"),
    ] {
        let run = publish(&[ALMENDRAL, "-o", plain.to_str().unwrap(), "--lang", lang]);
        assert_eq!(run.status.code(), Some(1), "{lang}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(said) && !err.contains(not), "{lang}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "x");
    #[cfg(unix)]
    {
        // A link inside an earlier publish, pointing out of it: refused, its target untouched.
        let (_site_tmp, out) = almendral_site(&[]);
        let outside = tmp.path().join("outside.csv");
        std::fs::write(&outside, "precious").unwrap();
        std::fs::remove_file(out.join("plan.csv")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("plan.csv")).unwrap();
        let before = std::fs::read_to_string(out.join("index.html")).unwrap();
        let run = publish(&[ALMENDRAL, "-o", out.to_str().unwrap(), "--lang", "en"]);
        assert!(!run.status.success());
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("plan.csv") && err.contains("is a link"), "{err}");
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), before, "nothing written");
        // The folder itself a link: refused too.
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&theirs, &link).unwrap();
        let run = publish(&[ALMENDRAL, "-o", link.to_str().unwrap(), "--lang", "en"]);
        assert!(!run.status.success());
        assert!(String::from_utf8_lossy(&run.stderr).contains("link: is a link"), "{run:?}");
        assert_eq!(files(&theirs), ["index.html"]);
    }
}

#[test]
fn publish_of_a_file_that_does_not_read_names_it_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("roto.ron");
    std::fs::write(&bad, "(version: 4, meta: (").unwrap();
    let out = tmp.path().join("sitio");
    let run = publish(&[bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("roto.ron:1:"), "{err}");
    assert!(!out.exists());
}

#[test]
fn publish_is_in_the_help() {
    let run = common::dafo_command(&["publish", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&run.stdout);
    assert!(help.contains("--include-internal") && help.contains("static site"), "{help}");
}
