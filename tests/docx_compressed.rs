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
