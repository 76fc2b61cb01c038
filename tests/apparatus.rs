//! The document apparatus of the informe and the follow-up report (issue 27):
//! properties, cover, contents, running footer, repeated table headers and
//! the logo, read back from the files `dafo export` and `dafo report` write;
//! and the Word package's parts checked against its content types and
//! relationships.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};
use std::path::Path;

use dafo::export::{Format, bytes_on};
use dafo::i18n::Lang;

use crate::common;

/// The day of the exports: the properties' dates, the cover's date.
const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);
pub const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// Every part of a Word package, by name.
pub fn parts(docx: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().to_owned(), bytes)
        })
        .collect()
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("no {name}")).clone()).unwrap()
}

/// The values of attribute `attr` of every element `tag` in `xml`.
fn attrs<'a>(xml: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    xml.split(&format!("<{tag} ")[..])
        .skip(1)
        .filter_map(|rest| {
            let tag_end = rest.find('>')?;
            let at = rest[..tag_end].find(&format!("{attr}=\""))? + attr.len() + 2;
            Some(&rest[at..at + rest[at..].find('"')?])
        })
        .collect()
}

fn sample(path: &str) -> dafo::domain::Session {
    dafo::storage::load(Path::new(path)).unwrap()
}

#[test]
fn the_docx_properties_name_the_title_the_body_the_language_and_the_day() {
    let mut s = sample(ALMENDRAL);
    s.meta.body = Some("Ayuntamiento de Almendral & <Río>".into());
    let p = parts(&bytes_on(&s, Lang::Es, Format::Docx, DAY));
    let core = text(&p, "docProps/core.xml");
    assert!(core.contains("<dc:title>Plan de servicios sociales de Almendral del Río 2023-2026</dc:title>"), "{core}");
    assert!(core.contains("<dc:creator>Ayuntamiento de Almendral &amp; &lt;Río&gt;</dc:creator>"), "{core}");
    assert!(core.contains("<dc:language>es-ES</dc:language>"), "{core}");
    assert!(core.contains("<dc:subject>Plan estratégico</dc:subject>"), "{core}");
    for date in ["created", "modified"] {
        assert!(core.contains(&format!("<dcterms:{date} xsi:type=\"dcterms:W3CDTF\">2026-11-27T00:00:00Z")), "{core}");
    }
    assert!(!core.contains("unknown") && !core.contains("1970"), "{core}");
    let styles = text(&p, "word/styles.xml");
    let defaults = styles.split("</w:docDefaults>").next().unwrap();
    assert!(defaults.contains("<w:lang w:val=\"es-ES\""), "{defaults}");
    assert!(defaults.contains("<w:widowControl/>"), "{defaults}");
    // The language follows the session's content.
    s.meta.language = "ca".into();
    let p = parts(&bytes_on(&s, Lang::Ca, Format::Docx, DAY));
    assert!(text(&p, "docProps/core.xml").contains("<dc:language>ca-ES</dc:language>"));
    assert!(text(&p, "word/styles.xml").contains("<w:lang w:val=\"ca-ES\""));
}

#[test]
fn the_docx_has_a_cover_a_filled_contents_page_and_a_page_n_of_m_footer() {
    let s = sample(common::SAMPLE);
    let p = parts(&bytes_on(&s, Lang::Es, Format::Docx, DAY));
    let doc = text(&p, "word/document.xml");
    let body = doc.split("<w:body>").nth(1).unwrap();
    // The cover: title, subtitle, place, horizon and the day, then a page break, before the contents.
    let toc = body.find("<w:docPartGallery w:val=\"Table of Contents\"/>").expect("a contents block");
    let cover = &body[..toc];
    for line in [
        "Palencia, ciudad de los cuidados",
        "Plan estratégico",
        "Palencia, Centro Cívico",
        "Horizonte: 2027-2030",
        "27/11/2026",
    ] {
        assert!(cover.contains(line), "{line} not on the cover");
    }
    assert!(cover.contains("<w:br w:type=\"page\" />"), "the cover ends its page");
    // A real TOC field whose cached result lists every heading, linked to its bookmark.
    let contents = &body[toc..body.find("</w:sdt>").unwrap()];
    assert!(contents.contains("TOC \\o \"1-2\" \\h \\z \\u"), "{contents}");
    assert_eq!(contents.matches("w:fldCharType=\"begin\"").count(), contents.matches("w:fldCharType=\"end\"").count());
    let links = attrs(contents, "w:hyperlink", "w:anchor");
    let marks = attrs(body, "w:bookmarkStart", "w:name");
    assert!(links.len() >= 20, "{links:?}");
    for link in &links {
        assert!(marks.contains(link), "{link} links to no heading");
    }
    for heading in ["Matriz DAFO", "Fortalezas", "Plan de acción CAME", "Matriz EFI (factores internos)", "Indicadores"]
    {
        assert!(contents.contains(&format!(">{heading}</w:t>")), "{heading} not in the contents");
    }
    // Word is asked to update the contents' page numbers when it opens the file.
    assert!(text(&p, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    // The footer: title · página PAGE de NUMPAGES, on every page but the cover.
    let footers: Vec<String> = p.keys().filter(|n| n.starts_with("word/footer")).map(|n| text(&p, n)).collect();
    let running = footers.iter().find(|f| f.contains("PAGE")).expect("a footer with page numbers");
    assert!(running.contains("NUMPAGES") && running.contains("· página ") && running.contains(" de "), "{running}");
    assert!(doc.contains("<w:titlePg />"), "the cover has a footer of its own (empty)");
}

#[test]
fn docx_table_headers_repeat_and_the_weighted_total_leads_into_its_table() {
    let p = parts(&bytes_on(&sample(common::SAMPLE), Lang::Es, Format::Docx, DAY));
    let doc = text(&p, "word/document.xml");
    let tables = doc.matches("<w:tbl>").count();
    assert!(tables > 10);
    assert_eq!(doc.matches("<w:tblHeader />").count(), tables, "every table's first row repeats");
    // The "Total ponderado" sentence comes before the EFI table, kept with it.
    let efi = doc.split(">Matriz EFI (factores internos)<").last().unwrap();
    let note = efi.find("Total ponderado").unwrap();
    assert!(note < efi.find("<w:tbl>").unwrap(), "the note leads the table");
    let para = &efi[..note];
    let para = &para[para.rfind("<w:p ").or_else(|| para.rfind("<w:p>")).unwrap()..];
    assert!(para.contains("<w:keepNext />"), "{para}");
    // Main parts start a page.
    for part in ["Matriz DAFO", "Plan de acción CAME", "Retos"] {
        let para = doc
            .split("<w:p ")
            .find(|p| p.contains("Heading1") && p.contains(&format!(">{part}</w:t>")))
            .unwrap_or_else(|| panic!("no heading {part}"));
        assert!(para.contains("<w:pageBreakBefore />"), "{part}: {para}");
    }
}

#[test]
fn html_page_has_a_cover_linked_contents_and_print_rules() {
    let html = dafo::export::render_on(&sample(common::SAMPLE), Lang::Es, Format::Html, DAY);
    let cover = html.split("<section class=\"cover\">").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(cover.contains("<p class=\"subtitle\">Plan estratégico</p>") && cover.contains("27/11/2026"), "{cover}");
    let nav = html.split("<nav class=\"contents\"").nth(1).unwrap().split("</nav>").next().unwrap();
    let links = attrs(nav, "a", "href");
    assert!(links.len() >= 20, "{links:?}");
    for link in links {
        let id = link.strip_prefix('#').unwrap();
        let heading =
            html.matches(&format!(" id=\"{id}\">")).count() + html.matches(&format!(" id=\"{id}\" class")).count();
        assert_eq!(heading, 1, "{id} is no heading's anchor");
    }
    // Main parts start a page: the DAFO, the CAME plan, the plan's first section.
    for part in ["Matriz DAFO", "Plan de acción CAME", "Retos"] {
        assert!(html.contains(&format!(" class=\"part\">{part}</h2>")), "{part} opens no part");
    }
    assert_eq!(html.matches(" class=\"part\">").count(), 3);
    assert!(html.contains("h2.part { break-before: page;"));
    for rule in ["counter(page)", "counter(pages)", "@page :first", "break-after: page", "orphans: 3", "widows: 3"] {
        assert!(html.contains(rule), "{rule} missing from the print CSS");
    }
    // The title in the CSS footer cannot end its string or the style element.
    let mut s = sample(common::SAMPLE);
    s.meta.title = "a\" } </style><script>x</script>".into();
    let html = dafo::export::render_on(&s, Lang::Es, Format::Html, DAY);
    assert!(!html.contains("<script>") && html.matches("</style>").count() == 1);
}

#[test]
fn markdown_has_a_title_block_and_contents_links_to_every_heading() {
    let md = dafo::export::render_on(&sample(common::SAMPLE), Lang::Es, Format::Md, DAY);
    assert!(
        md.starts_with("# Clúster sociosanitario «Palencia, ciudad de los cuidados» — DAFO\n\n*Plan estratégico*\n")
    );
    let contents = md.split("**Índice**\n\n").nth(1).unwrap().split("\n\n").next().unwrap();
    assert!(contents.contains("- [Matriz DAFO](#matriz-dafo)"), "{contents}");
    assert!(contents.contains("- [Plan de acción CAME](#plan-de-acción-came)"), "{contents}");
    assert!(contents.contains("  - [Mantener (Fortalezas)](#mantener-fortalezas)"), "{contents}");
    let headings = md.lines().filter(|l| l.starts_with("## ") || l.starts_with("### ")).count();
    assert_eq!(contents.lines().count(), headings, "one entry per heading");
}

/// A 2 × 1 PNG: signature, IHDR, IDAT and IEND chunks.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0e, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
    0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The sample with `logo` in its metadata, saved in a temp dir with `files` beside it.
fn with_logo(logo: &str, files: &[(&str, &[u8])]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample(ALMENDRAL);
    s.meta.logo = Some(logo.into());
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, dafo::storage::to_ron(&s)).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    (dir, path)
}

#[test]
fn a_logo_beside_the_session_is_embedded_in_docx_and_html() {
    let (dir, path) = with_logo("escudo.png", &[("escudo.png", PNG)]);
    let out = dir.path().join("informe.docx");
    let run = common::dafo_command(&["export", path.to_str().unwrap(), "-o", out.to_str().unwrap()]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!String::from_utf8_lossy(&run.stderr).contains("logo"), "no warning for a good logo");
    let p = parts(&std::fs::read(&out).unwrap());
    assert_eq!(p["word/media/dafo-logo.png"], PNG, "the logo's bytes, as they are");
    let rels = text(&p, "word/_rels/document.xml.rels");
    assert!(rels.contains("Id=\"rIdDafoLogo\"") && rels.contains("Target=\"media/dafo-logo.png\""), "{rels}");
    assert!(text(&p, "word/document.xml").contains("<a:blip r:embed=\"rIdDafoLogo\"/>"));
    let html = dir.path().join("informe.html");
    let run = common::dafo_command(&["export", path.to_str().unwrap(), "-o", html.to_str().unwrap()]).output().unwrap();
    assert!(run.status.success());
    use base64::Engine as _;
    let uri = format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(PNG));
    assert!(std::fs::read_to_string(&html).unwrap().contains(&uri));
    // The report's cover has it too.
    let report = dir.path().join("seguimiento.docx");
    let run = common::dafo_command(&["report", path.to_str().unwrap(), "--all", "-o", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(parts(&std::fs::read(&report).unwrap()).contains_key("word/media/dafo-logo.png"));
}

#[test]
fn a_missing_or_false_logo_is_a_warning_and_the_document_is_written_without_it() {
    for (logo, files, says) in [
        ("no-esta.png", &[][..], "no se puede leer el logotipo"),
        ("falso.png", &[("falso.png", &b"GIF89a, not a png"[..])][..], "no es una imagen PNG, JPEG ni SVG"),
    ] {
        let (dir, path) = with_logo(logo, files);
        let out = dir.path().join("informe.docx");
        let run =
            common::dafo_command(&["export", path.to_str().unwrap(), "-o", out.to_str().unwrap(), "--lang", "es"])
                .output()
                .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{stderr}");
        assert!(stderr.contains(says) && stderr.contains(logo), "{stderr}");
        let p = parts(&std::fs::read(&out).unwrap());
        assert!(!p.keys().any(|n| n.contains("media/")), "no image part");
        assert!(!text(&p, "word/_rels/document.xml.rels").contains("rIdDafoLogo"));
    }
    // A folder is said to be no file, not given a size it does not have.
    let (dir, path) = with_logo("carpeta", &[]);
    std::fs::create_dir(dir.path().join("carpeta")).unwrap();
    let out = dir.path().join("informe.html");
    let run = common::dafo_command(&["export", path.to_str().unwrap(), "-o", out.to_str().unwrap(), "--lang", "es"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let not_regular = dafo::i18n::Lang::Es.text().limits.not_regular;
    assert!(stderr.contains("no se puede leer el logotipo") && stderr.contains(not_regular), "{stderr}");
    assert!(!stderr.contains(" B)"), "{stderr}");
}

/// Every part of `docx` has a content type (an override, or a default for its
/// extension), every relationship's internal target exists, and every
/// override names a part that exists.
pub fn check_package(docx: &[u8]) -> Result<(), String> {
    let p = parts(docx);
    let types = text(&p, "[Content_Types].xml");
    let defaults = attrs(&types, "Default", "Extension");
    let overrides: Vec<&str> = attrs(&types, "Override", "PartName");
    for name in p.keys().filter(|n| !n.ends_with('/')) {
        let ext = name.rsplit('.').next().unwrap_or_default();
        if !overrides.contains(&format!("/{name}").as_str()) && !defaults.contains(&ext) {
            return Err(format!("{name} has no content type"));
        }
    }
    for o in &overrides {
        if !p.contains_key(o.trim_start_matches('/')) {
            return Err(format!("content type for {o}, which is not in the package"));
        }
    }
    for rels in p.keys().filter(|n| n.ends_with(".rels")) {
        // `word/_rels/document.xml.rels` holds targets relative to `word/`.
        let base = rels.split("_rels/").next().unwrap_or_default();
        let xml = text(&p, rels);
        let modes = xml.split("<Relationship ").skip(1);
        for (target, rel) in attrs(&xml, "Relationship", "Target").into_iter().zip(modes) {
            if rel.split('>').next().unwrap_or_default().contains("TargetMode=\"External\"") {
                continue;
            }
            let full =
                if let Some(abs) = target.strip_prefix('/') { abs.to_owned() } else { format!("{base}{target}") };
            if !p.contains_key(&full) {
                return Err(format!("{rels}: target {target} ({full}) is not in the package"));
            }
        }
    }
    let main =
        attrs(&text(&p, "_rels/.rels"), "Relationship", "Type").into_iter().any(|t| t.ends_with("/officeDocument"));
    if !main {
        return Err("no officeDocument relationship".into());
    }
    Ok(())
}

#[test]
fn every_part_has_a_content_type_and_every_relationship_a_target() {
    let (dir, path) = with_logo("escudo.png", &[("escudo.png", PNG)]);
    let out = dir.path().join("informe.docx");
    let run = common::dafo_command(&["export", path.to_str().unwrap(), "-o", out.to_str().unwrap()]).output().unwrap();
    assert!(run.status.success());
    let with_logo = std::fs::read(&out).unwrap();
    let informe = bytes_on(&sample(common::SAMPLE), Lang::Es, Format::Docx, DAY);
    for (name, docx) in [("logo", &with_logo), ("informe", &informe)] {
        assert_eq!(check_package(docx), Ok(()), "{name}");
    }
    // The check itself finds a part without a type and a dangling target.
    let mut broken = parts(&informe);
    broken.insert("word/media/x.webp".into(), b"x".to_vec());
    assert!(check_package(&zip_of(&broken)).unwrap_err().contains("x.webp has no content type"));
    let mut broken = parts(&informe);
    broken.remove("word/styles.xml");
    assert!(check_package(&zip_of(&broken)).unwrap_err().contains("styles.xml"));
}

fn zip_of(parts: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}
