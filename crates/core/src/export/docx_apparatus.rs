//! The apparatus of the Word document (issue 27): the cover (with its logo),
//! the contents page (a `w:sdt` "Table of Contents" block holding a real TOC
//! field whose cached result lists every heading, hyperlinked, so LibreOffice
//! and Word show it filled and can update it), the running footer "title ·
//! página N de M", the properties (`docProps/core.xml`) and the defaults every
//! paragraph inherits (language, widow control).

use std::io::{self, Write};

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText, PageMargin, Paragraph,
    Run,
};

use super::doc::Document;
use super::logo::Logo;
use crate::i18n::Lang;

/// Where the logo lives in the package, and its relationship.
const LOGO_ID: &str = "rIdDafoLogo";

/// The logo's box on the cover, in EMU (36,000 a millimetre): 60 × 35 mm at most.
const LOGO_BOX: (f64, f64) = (60.0 * 36_000.0, 35.0 * 36_000.0);

/// A4 with 2 cm margins (the width the tables are laid out for), a footer on
/// every page but the cover, which has none.
pub fn page(docx: Docx, doc: &Document) -> Docx {
    let margin = PageMargin::new().top(1134).bottom(1134).left(1134).right(1134).header(567).footer(567).gutter(0);
    docx.page_size(11906, 16838).page_margin(margin).footer(footer(doc)).first_footer(Footer::new()).title_pg()
}

/// "Title · página N de M", small and grey, N and M fields the reader computes.
fn footer(doc: &Document) -> Footer {
    let w = doc.lang.text().apparatus;
    let text = |t: String| Run::new().add_text(t).size(16).color("666666");
    let field = |i: InstrText| {
        [
            Run::new().add_field_char(FieldCharType::Begin, false).size(16).color("666666"),
            Run::new().add_instr_text(i).size(16).color("666666"),
            Run::new().add_field_char(FieldCharType::Separate, false).size(16).color("666666"),
            text("1".into()),
            Run::new().add_field_char(FieldCharType::End, false).size(16).color("666666"),
        ]
    };
    let mut p = Paragraph::new().align(AlignmentType::Center);
    let runs = std::iter::once(text(format!("{} · {} ", super::docx::safe(&doc.title), w.page)))
        .chain(field(InstrText::PAGE(InstrPAGE::new())))
        .chain(std::iter::once(text(format!(" {} ", w.of))))
        .chain(field(InstrText::NUMPAGES(InstrNUMPAGES::new())));
    for r in runs {
        p = p.add_run(r);
    }
    Footer::new().add_paragraph(p)
}

/// Text for raw XML: safe for a terminal, allowed by XML, `<>&"'` escaped.
fn xml(text: &str) -> String {
    html_escape::encode_safe(&super::docx::safe(text)).into_owned()
}

/// The cover page: the logo, the title, the subtitle, the cover lines, then a page break.
pub fn cover(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let a = &doc.apparatus;
    let centred = |text: &str, size: usize, bold: bool| {
        let run = Run::new().add_text(super::docx::safe(text)).size(size);
        Paragraph::new().align(AlignmentType::Center).add_run(if bold { run.bold() } else { run })
    };
    // Space above, so the title sits about a third down the page.
    super::docx::put(out, &Paragraph::new().line_spacing(docx_rs::LineSpacing::new().before(2800)))?;
    if let Some(logo) = &a.logo {
        out.write_all(drawing(logo).as_bytes())?;
    }
    let title = a.cover_title.as_deref().unwrap_or(&doc.title);
    super::docx::put(out, &centred(title, 44, true).style("Title"))?;
    if !a.subtitle.is_empty() {
        super::docx::put(out, &centred(&a.subtitle, 30, false).line_spacing(docx_rs::LineSpacing::new().after(600)))?;
    }
    for line in &a.cover {
        super::docx::put(out, &centred(line, 24, false))?;
    }
    page_break(out)
}

fn page_break(out: &mut dyn Write) -> io::Result<()> {
    super::docx::put(out, &Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
}

/// The logo, centred, as large as fits its box keeping its proportions.
fn drawing(logo: &Logo) -> String {
    let (w, h) = (f64::from(logo.width), f64::from(logo.height));
    let scale = (LOGO_BOX.0 / w).min(LOGO_BOX.1 / h);
    let (cx, cy) = ((w * scale) as u64, (h * scale) as u64);
    format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"480\"/></w:pPr><w:r><w:drawing>\
<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"9001\" name=\"Logo\"/>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"logo.{ext}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{LOGO_ID}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
</wp:inline></w:drawing></w:r></w:p>",
        ext = logo.kind.extension()
    )
}

/// The bookmark of the heading with `anchor` (`s3`): `_Tocs3`.
pub fn bookmark(anchor: &str) -> String {
    format!("_Toc{anchor}")
}

/// The contents page: its heading, then one entry per heading of levels 2
/// and 3 (TOC 1 and TOC 2 styles), each a link to the heading's bookmark, all
/// inside a TOC field; a page break after it. Page numbers need the layout:
/// Word adds them when it updates the field on opening (`w:updateFields`),
/// LibreOffice on Tools ▸ Update; until then the entries show no empty ones.
pub fn contents(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let entries = doc.contents();
    if entries.is_empty() {
        return Ok(());
    }
    let w = doc.lang.text().apparatus;
    let mut x = String::from(
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/>\
</w:docPartObj></w:sdtPr><w:sdtContent>",
    );
    x.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(w.contents)
    ));
    let fld = |kind: &str| format!("<w:r><w:fldChar w:fldCharType=\"{kind}\"/></w:r>");
    let instr = |text: &str| format!("<w:r><w:instrText xml:space=\"preserve\"> {text} </w:instrText></w:r>");
    for (i, (level, text, anchor)) in entries.iter().enumerate() {
        let style = if *level <= 2 { "TOC1" } else { "TOC2" };
        x.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
        if i == 0 {
            x.push_str(&fld("begin"));
            x.push_str(&instr("TOC \\o \"1-2\" \\h \\z \\u"));
            x.push_str(&fld("separate"));
        }
        let mark = bookmark(anchor);
        x.push_str(&format!(
            "<w:hyperlink w:anchor=\"{mark}\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink></w:p>",
            xml(text)
        ));
    }
    x.push_str(&format!("<w:p>{}<w:r><w:br w:type=\"page\"/></w:r></w:p>", fld("end")));
    x.push_str("</w:sdtContent></w:sdt>");
    out.write_all(x.as_bytes())
}

/// The language tag Word and LibreOffice want (`es-ES`) for a session's `es`:
/// its catalogue's `office_tag`; another tag as it is; else the default language's.
fn lang_tag(language: &str) -> String {
    let language = language.trim();
    match Lang::ALL.iter().find(|l| l.tag() == language) {
        Some(l) => l.text().office_tag.into(),
        None if !language.is_empty() && language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
            language.into()
        }
        None => Lang::default().text().office_tag.into(),
    }
}

/// `docProps/core.xml`: title, subject (the kind), author, language, and the
/// export's day as created and modified.
pub fn core(doc: &Document) -> Vec<u8> {
    let a = &doc.apparatus;
    let day = a.date.map(|d| format!("{d}T00:00:00Z")).unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let author = xml(&a.author);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>\
<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{lang}</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{day}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{day}</dcterms:modified><cp:revision>1</cp:revision>\
</cp:coreProperties>",
        title = xml(&doc.title),
        subject = xml(&a.subtitle),
        lang = lang_tag(&doc.language),
    )
    .into_bytes()
}

/// The parts of the package written otherwise than `docx-rs` does: the
/// properties, the language and widow control of every paragraph, Word asked
/// to update the contents' page numbers on open, and the logo's relationship
/// and content type.
pub fn patch(doc: &Document, name: &str, part: Vec<u8>) -> Vec<u8> {
    // `what` after `at` (or before it, with `before`): elements keep the schema's order.
    let put = |part: Vec<u8>, at: &str, what: &str, before: bool| -> Vec<u8> {
        let text = String::from_utf8_lossy(&part);
        match text.find(at) {
            Some(found) => {
                let at = if before { found } else { found + at.len() };
                format!("{}{what}{}", &text[..at], &text[at..]).into_bytes()
            }
            None => part,
        }
    };
    let insert = |part, after: &str, what: &str| put(part, after, what, false);
    match name {
        "docProps/core.xml" => core(doc),
        "word/styles.xml" => {
            let lang = format!("<w:lang w:val=\"{0}\" w:eastAsia=\"{0}\" w:bidi=\"{0}\"/>", lang_tag(&doc.language));
            let part = put(part, "</w:rPr></w:rPrDefault>", &lang, true);
            insert(part, "<w:pPrDefault><w:pPr>", "<w:widowControl/>")
        }
        "word/settings.xml" => put(part, "<w:compat>", "<w:updateFields w:val=\"true\"/>", true),
        "word/_rels/document.xml.rels" => match &doc.apparatus.logo {
            Some(logo) => insert(
                part,
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
                &format!(
                    "<Relationship Id=\"{LOGO_ID}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/dafo-logo.{}\" />",
                    logo.kind.extension()
                ),
            ),
            None => part,
        },
        "[Content_Types].xml" => match &doc.apparatus.logo {
            Some(logo) if logo.kind == super::logo::ImageKind::Svg => insert(
                part,
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
                "<Default ContentType=\"image/svg+xml\" Extension=\"svg\" />",
            ),
            _ => part,
        },
        _ => part,
    }
}

/// Parts the package gains: the logo.
pub fn extra_parts(doc: &Document) -> Vec<(String, Vec<u8>)> {
    doc.apparatus
        .logo
        .iter()
        .map(|logo| (format!("word/media/dafo-logo.{}", logo.kind.extension()), logo.bytes.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_gets_each_languages_office_tag_and_other_tags_as_they_are() {
        assert_eq!(lang_tag("es"), "es-ES");
        assert_eq!(lang_tag(" ca "), "ca-ES");
        assert_eq!(lang_tag("en"), "en-GB");
        assert_eq!(lang_tag("fr-FR"), "fr-FR");
        assert_eq!(lang_tag(""), "es-ES");
        assert_eq!(lang_tag("<x>"), "es-ES");
    }
}
