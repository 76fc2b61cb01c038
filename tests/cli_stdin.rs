//! `-` as a file name reads standard input: `show`, `check` and `import --format`.
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::common::{SAMPLE, dafo_bin};

fn dafo_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(dafo_bin())
        .args(args)
        .env("DAFO_LANG", "en")
        .env_remove("DAFO_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refused before it reads stdin has closed it: a broken pipe is no failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn show_and_check_read_a_session_from_standard_input() {
    let sample = std::fs::read(SAMPLE).unwrap();
    let from_file = Command::new(dafo_bin()).args(["show", SAMPLE, "-f", "md"]).output().unwrap();
    let from_stdin = dafo_with_stdin(&["show", "-", "-f", "md"], &sample);
    assert!(from_stdin.status.success(), "{}", String::from_utf8_lossy(&from_stdin.stderr));
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let ok = dafo_with_stdin(&["check", "-"], &sample);
    // Named `<stdin>`, as its errors name it (it said `-: ok`).
    assert!(ok.status.success() && String::from_utf8_lossy(&ok.stdout).starts_with("<stdin>: "), "{ok:?}");
    let bad = dafo_with_stdin(&["check", "-"], b"(version: 1,\n  title: ");
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success() && said.contains("<stdin>:"), "{said}");
}

#[test]
fn import_reads_standard_input_as_its_format_says_and_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lista.ron");
    let list = "# Taller\n\n## Fortalezas\n- Buena red\n\n## Amenazas\n- Despoblación\n";
    let no_format = dafo_with_stdin(&["import", "-", "-o", out.to_str().unwrap()], list.as_bytes());
    let said = String::from_utf8_lossy(&no_format.stderr);
    assert!(!no_format.status.success() && said.contains("needs --format md or csv"), "{said}");
    assert!(!out.exists());

    let md = dafo_with_stdin(&["import", "-", "--format", "md", "-o", out.to_str().unwrap()], list.as_bytes());
    assert!(md.status.success(), "{}", String::from_utf8_lossy(&md.stderr));
    let session = dafo::storage::load(&out).unwrap();
    assert_eq!(session.meta.title, "Taller");
    assert_eq!((session.strengths.len(), session.threats.len()), (1, 1));

    let csv = Command::new(dafo_bin()).args(["show", SAMPLE, "-f", "csv"]).output().unwrap().stdout;
    let back = dir.path().join("csv.ron");
    let from_csv = dafo_with_stdin(&["import", "-", "-f", "csv", "-o", back.to_str().unwrap()], &csv);
    assert!(from_csv.status.success(), "{}", String::from_utf8_lossy(&from_csv.stderr));
    let sample = dafo::storage::load(std::path::Path::new(SAMPLE)).unwrap();
    assert_eq!(dafo::storage::load(&back).unwrap().counts(), sample.counts());
}

/// Standard input had no bound: `dafo check - < /dev/zero` grew to gigabytes.
/// It is read as a file is, at most 32 MB, and refused past that with the
/// same words.
#[test]
fn standard_input_past_the_size_of_a_session_file_is_refused() {
    let big = vec![b' '; 32 * 1024 * 1024 + 1];
    for args in
        [&["check", "-"][..], &["show", "-", "-f", "md"], &["import", "-", "-f", "md", "-o", "/nonexistent/x.ron"]]
    {
        let o = dafo_with_stdin(args, &big);
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && said.contains("<stdin>") && said.contains("32 MB"), "{args:?}: {said}");
    }
}
