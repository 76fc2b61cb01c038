//! The docx is written compressed (issues 25 and 27): every part of the
//! package deflated, the parts and their bytes unchanged, and the file a
//! fraction of its stored size.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::io::{Cursor, Read as _};

use dafo::export::{Format, bytes_on};
use dafo::i18n::Lang;
use zip::{CompressionMethod, ZipArchive};

const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// Every part of the package: (name, compression, uncompressed bytes).
fn parts(docx: &[u8]) -> Vec<(String, CompressionMethod, Vec<u8>)> {
    let mut archive = ZipArchive::new(Cursor::new(docx)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().to_owned(), part.compression(), bytes)
        })
        .collect()
}

#[test]
fn every_part_of_the_docx_is_deflated() {
    for sample in
        ["sessions/palencia-ciudad-de-los-cuidados.ron", "sessions/almendral-plan-servicios-sociales-2023-2026.ron"]
    {
        let session = dafo::storage::load(std::path::Path::new(sample)).unwrap();
        let docx = bytes_on(&session, Lang::Es, Format::Docx, DAY);
        let parts = parts(&docx);
        assert!(parts.iter().any(|(name, _, _)| name == "word/document.xml"), "{sample}");
        for (name, method, _) in &parts {
            assert_eq!(*method, CompressionMethod::Deflated, "{sample}: {name}");
        }
        // The parts' own bytes, stored, would take several times the file.
        let stored: usize = parts.iter().map(|(_, _, b)| b.len()).sum();
        assert!(docx.len() * 3 < stored, "{sample}: {} bytes for {stored} of parts", docx.len());
    }
}

/// The highest resident memory `child` reached (VmHWM, read from /proc while it
/// runs), in KiB, once it has exited successfully.
fn peak_kib(mut child: std::process::Child) -> u64 {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        let hwm = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok())
        });
        peak = peak.max(hwm.unwrap_or(0));
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "the export failed: {exit}");
            return peak;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Issue 25: the docx of 10,000 factors took 247 MB (the whole document model of
/// docx-rs and its XML in memory), against 18 MB for the Markdown of the same
/// session. Streamed, it takes about as much as the Markdown.
#[cfg(target_os = "linux")]
#[test]
fn a_docx_of_10000_factors_takes_about_the_memory_of_its_markdown() {
    use dafo::domain::{Quadrant, Session};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grande.ron");
    let mut session = Session::new("Sesión grande", jiff::Timestamp::UNIX_EPOCH);
    for q in Quadrant::ALL {
        let texts: Vec<String> =
            (0..2_500).map(|i| format!("Factor {i}: coordinación sociosanitaria y listas de espera")).collect();
        let edit = session.add_factors(q, texts.iter().map(String::as_str)).unwrap();
        session.apply(edit).unwrap();
    }
    dafo::storage::save(&path, &session).unwrap();
    let peak = |ext: &str| {
        let out = dir.path().join(format!("grande.{ext}"));
        let child = crate::common::dafo_command(&["export", path.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let peak = peak_kib(child);
        assert!(std::fs::metadata(&out).unwrap().len() > 100_000, "{ext}: the export is there");
        peak
    };
    let md = peak("md");
    let docx = peak("docx");
    assert!(docx < md * 2, "docx peak {docx} KiB against {md} KiB for the Markdown");
}
