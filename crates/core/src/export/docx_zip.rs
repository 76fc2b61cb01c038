//! The Word package compressed, its body streamed: `docx-rs` writes every part
//! stored, as is, and builds the whole document in memory first (about 190
//! times the session's size). The package `docx-rs` writes around an empty body
//! (styles, settings, relationships) is written again with every part
//! deflated, same names, same order, same bytes, and the body of
//! `word/document.xml` is written into it piece by piece as it is made.

use std::io::{self, Cursor, Read as _, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The part that holds the document's body.
const DOCUMENT: &str = "word/document.xml";
/// Where the body's content goes in that part: right after this tag.
const BODY: &[u8] = b"<w:body>";

/// `skeleton` (a stored package with an empty body) with every part deflated
/// and `body` writing the content of `word/document.xml`'s `<w:body>`, before
/// its section properties. An empty vector if the package cannot be made (a
/// bug in a writer; the caller says so).
/// Every part but the body also passes through `patch` (its name, its
/// bytes), and `extra` parts (name, bytes) are added at the end.
pub fn with_parts(
    skeleton: &[u8],
    patch: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: Vec<(String, Vec<u8>)>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Vec<u8> {
    repack(skeleton, patch, extra, body).unwrap_or_default()
}

fn repack(
    stored: &[u8],
    patch: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: Vec<(String, Vec<u8>)>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut part_bytes = Vec::new();
    let mut body = Some(body);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let mut options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        if let Some(time) = part.last_modified() {
            options = options.last_modified_time(time);
        }
        part_bytes.clear();
        part.read_to_end(&mut part_bytes)?;
        out.start_file(part.name(), options)?;
        match (part.name() == DOCUMENT, find(&part_bytes, BODY)) {
            (true, Some(at)) => {
                let (head, tail) = part_bytes.split_at(at + BODY.len());
                out.write_all(head)?;
                if let Some(body) = body.take() {
                    body(&mut out)?;
                }
                out.write_all(tail)?;
            }
            (true, None) => out.write_all(&part_bytes)?,
            (false, _) => out.write_all(&patch(part.name(), std::mem::take(&mut part_bytes)))?,
        }
    }
    for (name, bytes) in extra {
        out.start_file(name, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated))?;
        out.write_all(&bytes)?;
    }
    if body.is_some() {
        return Err(io::Error::other("the package has no document body").into());
    }
    Ok(out.finish()?.into_inner())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
