//! Memory within a small multiple of the file (issue 22, "Bounded resources"):
//! `dafo check` on a generated session of about 20 MB, its peak resident set
//! read from the child's `/proc/PID/status` (`VmHWM`, the high-water mark) while
//! it runs. A resource bound, not a timing: the figures are in
//! `docs/robustness.md`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::Duration;

use crate::common;

/// The peak resident set `dafo check` may reach, as a multiple of the file's size
/// (measured: 4.0-4.7x at 10 and 32 MB in a debug build).
const CHECK_MULTIPLE: u64 = 6;

/// A session of about `bytes` bytes: factors in the four quadrants, a CAME
/// action for every tenth, each linked to its factor.
fn session_text(bytes: usize) -> String {
    let text = "Coordinación insuficiente entre los sistemas social y sanitario del barrio número";
    let n = bytes / 4 / (text.len() + 60);
    let mut out = String::with_capacity(bytes + bytes / 8);
    out.push_str("#![enable(implicit_some)]\n(\n    version: 4,\n");
    out.push_str("    meta: (title: \"Sesión grande\", created: \"2026-11-10T09:30:00Z\", modified: \"2026-11-10T11:45:00Z\", language: \"es\"),\n");
    let quadrants = [("strengths", "F"), ("weaknesses", "D"), ("opportunities", "O"), ("threats", "A")];
    for (list, p) in quadrants {
        writeln!(out, "    {list}: [").unwrap();
        for i in 1..=n {
            writeln!(out, "        (id: \"{p}{i}\", text: \"{text} {i}\", votes: 3, impact: 4),").unwrap();
        }
        out.push_str("    ],\n");
    }
    out.push_str("    correct: [\n");
    for i in 1..=n / 10 {
        writeln!(out, "        (id: \"C{i}\", text: \"Acción para D{}\", links: [\"D{}\"]),", i * 10, i * 10).unwrap();
    }
    out.push_str("    ],\n)\n");
    out
}

/// The high-water mark of `pid`'s resident set, in bytes, while it runs.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs dafo with `args` and returns how it ended and its peak resident set
/// in bytes, sampled every 2 ms until it exits (the high-water mark only
/// grows, so the last sample is the peak up to then).
fn peak_of(args: &[&str]) -> (std::process::Output, u64) {
    let mut child = common::dafo_command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (mut peak, mut samples) = (0, 0);
    loop {
        if let Some(hwm) = vm_hwm(child.id()) {
            peak = peak.max(hwm);
            samples += 1;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "dafo {args:?}: {said}");
    assert!(samples >= 3, "dafo {args:?} ran too briefly to be measured ({samples} samples)");
    (out, peak)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

#[test]
fn check_of_a_20_mb_session_stays_within_a_small_multiple_of_its_size() {
    if !std::path::Path::new("/proc/self/status").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grande.ron");
    std::fs::write(&path, session_text(20 * 1024 * 1024)).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!((18 << 20..=dafo::storage::SESSION_FILE_LIMIT).contains(&size), "{size}");
    let (out, peak) = peak_of(&["check", &path.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("correcto"));
    println!("check: {:.1} MB file, peak {:.1} MB ({:.1}x)", mb(size), mb(peak), peak as f64 / size as f64);
    assert!(peak < CHECK_MULTIPLE * size, "peak {:.1} MB over {CHECK_MULTIPLE}x the {:.1} MB file", mb(peak), mb(size));
}

/// The docx export's peak: at most this multiple of the session over what the
/// same export of a tiny session takes (the program itself: its code, its
/// libraries, its first allocations; about 10 MB in a debug build with optimised
/// dependencies, 17 MB with unoptimised ones, whose code is bigger). Measured: 9.1x
/// at 10 MB; 188x before the body was streamed.
const DOCX_MULTIPLE: u64 = 10;

#[test]
fn the_docx_of_a_2_mb_session_is_written_without_holding_the_document_model() {
    if !std::path::Path::new("/proc/self/status").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grande.ron");
    std::fs::write(&path, session_text(2 * 1024 * 1024)).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    let docx = dir.path().join("grande.docx");
    let (_, peak) = peak_of(&["export", &path.to_string_lossy(), "-o", &docx.to_string_lossy()]);
    let package = std::fs::read(&docx).unwrap();
    assert!(package.starts_with(b"PK"), "a zip package");
    let tiny = dir.path().join("pequeña.ron");
    std::fs::write(&tiny, session_text(4 * 1024)).unwrap();
    let small = dir.path().join("p.docx");
    let (_, base) = peak_of(&["export", &tiny.to_string_lossy(), "-o", &small.to_string_lossy()]);
    assert!(std::fs::read(&small).unwrap().starts_with(b"PK"), "the tiny session's docx");
    let grown = peak.saturating_sub(base);
    println!(
        "docx: {:.1} MB file, peak {:.1} MB, {:.1} MB over a tiny session's export ({:.1}x the file)",
        mb(size),
        mb(peak),
        mb(grown),
        grown as f64 / size as f64
    );
    assert!(
        grown < DOCX_MULTIPLE * size,
        "peak {:.1} MB: {:.1} MB over a tiny session's {:.1} MB, over {DOCX_MULTIPLE}x the {:.1} MB file",
        mb(peak),
        mb(grown),
        mb(base),
        mb(size)
    );
}

/// An owner's sheet of the Almendral plan whose shared strings grow by one string
/// of `mb` megabytes of `a`: a file of well under a megabyte that unpacks to `mb`.
fn sheet_bomb(mb: usize) -> Vec<u8> {
    let session = dafo::storage::load(std::path::Path::new(crate::cli_sheets::SAMPLE)).unwrap();
    let sheets = dafo::sheets::build(&session, 2025, dafo::i18n::Lang::Es);
    let xlsx = dafo::sheets::write::xlsx(&sheets[0], &session.meta.title, 2025, dafo::i18n::Lang::Es).unwrap();
    crate::common::zip_bomb::grow_shared_strings(&xlsx, mb)
}

/// Runs dafo with `args` to its end, however it ends, and returns what it said,
/// whether it succeeded, and its peak resident set in bytes as sampled every 2 ms
/// (a refusal of a few milliseconds may end before a sample: its peak is then
/// what was seen, a run that grows for seconds is always seen).
fn run_peak(args: &[&str]) -> (String, bool, u64) {
    let mut child = common::dafo_command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut peak = 0;
    loop {
        if let Some(hwm) = vm_hwm(child.id()) {
            peak = peak.max(hwm);
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (said, out.status.success(), peak)
}

/// The most `--from-sheets` may take on the zip bomb: the program itself (about
/// 20 MB in a debug build) and little more. Before the unpacked size was checked,
/// its 256 MB string took about 800 MB (measured 795 MB).
const BOMB_PEAK: u64 = 64 << 20;

#[test]
fn a_sheet_that_unpacks_to_hundreds_of_megabytes_is_refused_without_unpacking_it() {
    if !std::path::Path::new("/proc/self/status").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(crate::cli_sheets::SAMPLE, &path).unwrap();
    let bomb = dir.path().join("bomba.xlsx");
    std::fs::write(&bomb, sheet_bomb(256)).unwrap();
    let size = std::fs::metadata(&bomb).unwrap().len();
    assert!(size < 1 << 20, "{size}");
    let args = ["review", path.to_str().unwrap(), "--year", "2025", "--from-sheets", bomb.to_str().unwrap()];
    let (said, ok, peak) = run_peak(&args);
    println!("zip bomb: {:.1} MB file, peak {:.1} MB", mb(size), mb(peak));
    assert!(!ok, "{said}");
    assert!(said.contains("bomba.xlsx: esta hoja no se puede leer: descomprimida ocuparía más de 64 MB"), "{said}");
    assert!(peak < BOMB_PEAK, "peak {:.1} MB", mb(peak));
}
