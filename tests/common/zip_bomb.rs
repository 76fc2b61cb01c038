//! A small xlsx that unpacks to far more: shared by the sheets' unit tests
//! (src/sheets/tests.rs, which includes this file) and the memory bounds of
//! the real binary (tests/bounded_memory.rs).

use std::io::{Read, Write};

/// `xlsx` with its shared strings grown by one string of `mb` megabytes of `a`:
/// a file of a few hundred kilobytes that unpacks to `mb` megabytes.
pub fn grow_shared_strings(xlsx: &[u8], mb: usize) -> Vec<u8> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for i in 0..from.len() {
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        to.start_file(name.as_str(), options).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data).unwrap();
            let end = text.rfind("</sst>").unwrap();
            to.write_all(&text.as_bytes()[..end]).unwrap();
            to.write_all(b"<si><t>").unwrap();
            let chunk = vec![b'a'; 1 << 20];
            for _ in 0..mb {
                to.write_all(&chunk).unwrap();
            }
            to.write_all(b"</t></si></sst>").unwrap();
        } else {
            to.write_all(&data).unwrap();
        }
    }
    to.finish().unwrap().into_inner()
}
