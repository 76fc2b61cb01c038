//! The Word package compressed: `docx-rs` writes every part stored, as is, so
//! a docx came out 5-10 times larger than it needs to be. The package is
//! written again with every part deflated, same names, same order, same bytes.

use std::io::{Cursor, Read as _, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The same package with every part deflated, or the package as given if it
/// cannot be read back (a bug in the writer must not lose the document).
pub fn deflated(stored: Vec<u8>) -> Vec<u8> {
    repack(&stored).unwrap_or(stored)
}

fn repack(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let mut part_bytes = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let mut options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        if let Some(time) = part.last_modified() {
            options = options.last_modified_time(time);
        }
        part_bytes.clear();
        part.read_to_end(&mut part_bytes)?;
        out.start_file(part.name(), options)?;
        out.write_all(&part_bytes)?;
    }
    Ok(out.finish()?.into_inner())
}
