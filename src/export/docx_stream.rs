//! Writing `word/document.xml` element by element: each paragraph, table row
//! or cell is built with `docx-rs`, turned into XML and let go of before the
//! next one, so a session of any size never holds its whole document model.

use std::io::{self, Write};

use docx_rs::BuildXML;

/// The closing tag of a table, a table row and a table cell.
pub const TABLE: &str = "</w:tbl>";
pub const ROW: &str = "</w:tr>";
pub const CELL: &str = "</w:tc>";

/// Writes `element` whole.
pub fn whole(w: &mut dyn Write, element: &impl BuildXML) -> io::Result<()> {
    w.write_all(&element.build())
}

/// Writes `element` with what it holds so far but without its closing tag
/// `end`, so that more of its children can follow; [`close`] ends it.
pub fn open(w: &mut dyn Write, element: &impl BuildXML, end: &str) -> io::Result<()> {
    let xml = element.build();
    let start = xml.strip_suffix(end.as_bytes()).ok_or_else(|| io::Error::other(format!("docx: no {end} to open")))?;
    w.write_all(start)
}

/// Ends an element [`open`] began.
pub fn close(w: &mut dyn Write, end: &str) -> io::Result<()> {
    w.write_all(end.as_bytes())
}
