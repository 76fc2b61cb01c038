//! Charts in the Word document: each chart's SVG, its words as outlines,
//! rendered to PNG ([`super::chart::png`]), stored as `word/media/chartN.png` with an image
//! relationship, and shown inline, 16 cm wide, with the chart's description
//! as its alt text. The chart's table follows it (written by `docx`).

use super::chart::Chart;
use super::chart::png;
use super::doc::{Block, Document, xml_text};

/// One chart's picture in the package.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// The relationship's ID in `word/_rels/document.xml.rels`.
    pub rid: String,
    /// The part's name, from `word/`: `media/chart1.png`.
    pub target: String,
    pub png: png::Png,
}

/// The relationship type of an image.
pub const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// Width of a chart on the page: 16 cm, in EMU (360 000 a centimetre).
const WIDTH_EMU: u64 = 16 * 360_000;

/// Height a chart may take: 10 cm, so that it fits on a page with its title
/// and the start of its table rather than leaving most of one blank.
const HEIGHT_EMU: u64 = 10 * 360_000;

/// The size on the page of a picture `width` × `height` pixels: 16 cm wide, or
/// narrower when that would make it taller than 10 cm; the proportions kept.
pub fn extent(width: u32, height: u32) -> (u64, u64) {
    let (w, h) = (u64::from(width.max(1)), u64::from(height));
    let cy = WIDTH_EMU * h / w;
    if cy <= HEIGHT_EMU { (WIDTH_EMU, cy) } else { (HEIGHT_EMU * w / h.max(1), HEIGHT_EMU) }
}

/// The pictures of the document's charts, in order; a chart that cannot be
/// rendered has none (its table still says its figures).
pub fn media(doc: &Document) -> Vec<Option<Media>> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .enumerate()
        .map(|(i, c)| {
            let png = png::render(&c.outlined())?;
            Some(Media { rid: format!("rIdDafoChart{}", i + 1), target: format!("media/chart{}.png", i + 1), png })
        })
        .collect()
}

/// The document's relationships with one image relationship per picture
/// added; every other part as it is.
pub fn patch(pictures: &[Media], name: &str, part: Vec<u8>) -> Vec<u8> {
    const END: &str = "</Relationships>";
    if name != "word/_rels/document.xml.rels" || pictures.is_empty() {
        return part;
    }
    let text = String::from_utf8_lossy(&part);
    let Some(at) = text.rfind(END) else { return part };
    let rels: String = pictures
        .iter()
        .map(|m| format!("<Relationship Id=\"{}\" Type=\"{IMAGE}\" Target=\"{}\"/>", m.rid, m.target))
        .collect();
    format!("{}{rels}{}", &text[..at], &text[at..]).into_bytes()
}

/// The pictures' parts: `word/media/chartN.png`.
pub fn extra_parts(pictures: &[Media]) -> Vec<(String, Vec<u8>)> {
    pictures.iter().map(|m| (format!("word/{}", m.target), m.png.bytes.clone())).collect()
}

/// An XML attribute value: escaped, nothing XML forbids, no terminal controls.
fn attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(&xml_text(text)).into_owned()
}

/// The paragraph that shows chart number `n` (from 1): an inline picture
/// whose alt text (`descr`) is the chart's description, kept with its table.
pub fn paragraph(chart: &Chart, media: &Media, n: usize) -> String {
    let (cx, cy) = extent(media.png.width, media.png.height);
    let (rid, name, descr) = (&media.rid, attr(&chart.title), attr(&chart.describe()));
    let id = 1000 + n;
    format!(
        "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
         <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"{name}\" descr=\"{descr}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
         <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"chart{n}.png\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
         </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}
