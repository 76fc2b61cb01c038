//! The Word package compressed: `docx-rs` writes every part stored, as is, so
//! a docx came out 5-10 times larger than it needs to be. The package is
//! written again with every part deflated, same names, same order, same bytes;
//! the body of `word/document.xml` is streamed into it as it is written.

use std::io::{self, Cursor, Read as _, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The package `skeleton` (written by `docx-rs` with an empty body) with
/// every part deflated and the body of `word/document.xml` written by `body`
/// straight into the compressed part. `None` if the package could not be
/// written (a bug in the writer, or in `body`).
pub fn deflated_with_body(skeleton: &[u8], body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Option<Vec<u8>> {
    let mut body = Some(body);
    let mut archive = ZipArchive::new(Cursor::new(skeleton)).ok()?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut part_bytes = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).ok()?;
        let mut options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        if let Some(time) = part.last_modified() {
            options = options.last_modified_time(time);
        }
        part_bytes.clear();
        part.read_to_end(&mut part_bytes).ok()?;
        out.start_file(part.name(), options).ok()?;
        match body.take_if(|_| part.name() == "word/document.xml") {
            Some(body) => {
                // The empty body: `<w:body>` then the section's properties.
                let at = find(&part_bytes, b"<w:body>")? + b"<w:body>".len();
                out.write_all(&part_bytes[..at]).ok()?;
                body(&mut out).ok()?;
                out.write_all(&part_bytes[at..]).ok()?;
            }
            None => out.write_all(&part_bytes).ok()?,
        }
    }
    // A package without a document part would lose the body: none at all then.
    if body.is_some() {
        return None;
    }
    Some(out.finish().ok()?.into_inner())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
