//! The cover's logo (issue 27): a PNG, JPEG or SVG file named in the
//! session's metadata, read beside the session file, checked by its content
//! (not its name) and measured, so the docx and HTML covers can embed it.

use std::path::Path;

use crate::i18n::Lang;

/// What kind of image a logo is, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Svg,
}

impl ImageKind {
    /// The MIME type, for a data URI and the package's content types.
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Svg => "image/svg+xml",
        }
    }

    /// The file extension of the part in a Word package.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
            ImageKind::Svg => "svg",
        }
    }
}

/// A logo read and checked: its bytes, its kind and its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Files bigger than this are not a logo (and would bloat every document).
const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The logo named `name` in a session at `session_file`: `Ok(None)` when the
/// session names none, `Err(warning)` (in `lang`) when it cannot be used, so
/// the caller writes the document without it and says why.
pub fn for_session(name: Option<&str>, session_file: &Path, lang: Lang) -> Result<Option<Logo>, String> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else { return Ok(None) };
    let path = match session_file.parent() {
        Some(dir) if Path::new(name).is_relative() => dir.join(name),
        _ => Path::new(name).to_path_buf(),
    };
    let shown = crate::domain::text::display_safe_lines(&path.display().to_string());
    let w = lang.text().apparatus;
    let bytes = read(&path, lang).map_err(|e| (w.logo_unreadable)(&shown, &e))?;
    from_bytes(bytes).map(Some).ok_or_else(|| (w.logo_kind)(&shown))
}

/// The logo's bytes, or why not (the system's refusal in `lang`).
fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| crate::i18n::os_error(&e, lang))?;
    // A folder or a device is said as such, not as a size it does not have.
    if !meta.is_file() {
        return Err(lang.text().limits.not_regular.to_owned());
    }
    if meta.len() > MAX_BYTES {
        return Err((lang.text().limits.too_large)(MAX_BYTES));
    }
    std::fs::read(path).map_err(|e| crate::i18n::os_error(&e, lang))
}

/// The logo in `bytes` if they are a PNG, a JPEG or an SVG image.
pub fn from_bytes(bytes: Vec<u8>) -> Option<Logo> {
    let (kind, (width, height)) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (ImageKind::Png, png_size(&bytes)?)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        (ImageKind::Jpeg, jpeg_size(&bytes)?)
    } else {
        (ImageKind::Svg, svg_size(&bytes)?)
    };
    (width > 0 && height > 0).then_some(Logo { kind, bytes, width, height })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

/// Width and height from the IHDR chunk, which comes first.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    (b.get(12..16)? == b"IHDR").then_some(())?;
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// Width and height from the first start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *b.get(at)? != 0xff {
            at += 1;
        }
        let marker = *b.get(at + 1)?;
        match marker {
            0xff => at += 1,
            0xd8 | 0x01 | 0xd0..=0xd7 => at += 2,
            0xc0..=0xcf if !matches!(marker, 0xc4 | 0xc8 | 0xcc) => {
                return Some((be16(b, at + 7)?, be16(b, at + 5)?));
            }
            _ => at += 2 + usize::try_from(be16(b, at + 2)?).ok()?,
        }
    }
}

/// An SVG: UTF-8 text whose first element is `<svg`; its size from `width`
/// and `height`, else `viewBox`, else 300 × 150 (the browser's default).
fn svg_size(b: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(b).ok()?.trim_start_matches('\u{feff}');
    let mut rest = text.trim_start();
    // Skip the XML declaration, comments and a doctype before the root element.
    while let Some(r) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!")) {
        let end = if r.starts_with("--") { r.find("-->")? + 3 } else { r.find('>')? + 1 };
        rest = r[end..].trim_start();
    }
    let tag = rest.strip_prefix("<svg")?;
    if !tag.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
        return None;
    }
    let tag = &tag[..tag.find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        // XML quotes its attributes; anything else is not a size to read.
        let quote = tag[at..].chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let value = &tag[at + 1..];
        Some(&value[..value.find(quote)?])
    };
    let number = |v: &str| v.trim().trim_end_matches("px").trim().parse::<f64>().ok().filter(|x| *x > 0.0);
    let size = match (attr("width").and_then(number), attr("height").and_then(number)) {
        (Some(w), Some(h)) => (w, h),
        _ => attr("viewBox")
            .map(|v| v.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse::<f64>().ok()).collect())
            .and_then(|v: Vec<f64>| (v.len() == 4 && v[2] > 0.0 && v[3] > 0.0).then(|| (v[2], v[3])))
            .unwrap_or((300.0, 150.0)),
    };
    Some((size.0.round().max(1.0) as u32, size.1.round().max(1.0) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 2 PNG's signature and IHDR chunk (the rest is not read).
    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 2, 0, 0, 0]);
        b
    }

    #[test]
    fn images_are_told_by_their_content_and_measured() {
        let p = from_bytes(png(3, 2)).expect("a png");
        assert_eq!((p.kind, p.width, p.height), (ImageKind::Png, 3, 2));
        // SOI, an APP0 segment of 16 bytes, then SOF0: height 40, width 120.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
        jpeg.extend([0; 14]);
        jpeg.extend([0xff, 0xc0, 0, 17, 8, 0, 40, 0, 120, 3]);
        let j = from_bytes(jpeg).expect("a jpeg");
        assert_eq!((j.kind, j.width, j.height), (ImageKind::Jpeg, 120, 40));
        let svg =
            br#"<?xml version="1.0"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"></svg>"#;
        let s = from_bytes(svg.to_vec()).expect("an svg");
        assert_eq!((s.kind, s.width, s.height), (ImageKind::Svg, 200, 50));
        let sized = from_bytes(br#"<svg width="64px" height='32'/>"#.to_vec()).expect("an svg");
        assert_eq!((sized.width, sized.height), (64, 32));
        // Unquoted sizes (not XML) are not read, whatever character stands for the quote.
        for open in ["é", "€", "😀", "1"] {
            let svg = format!("<svg width={open}10{open} height={open}5{open}></svg>");
            let s = from_bytes(svg.into_bytes()).expect("an svg");
            assert_eq!((s.width, s.height), (300, 150), "{open}");
        }
    }

    #[test]
    fn what_is_not_an_image_is_refused_whatever_its_name() {
        for bad in
            [&b"GIF89a......"[..], b"<html><svg></svg></html>", b"\x89PNG\r\n\x1a\n", b"<svgx/>", b"\xff\xd8\xff"]
        {
            assert_eq!(from_bytes(bad.to_vec()), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_missing_or_wrong_logo_is_a_warning_naming_the_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let session = dir.path().join("s.ron");
        let missing = for_session(Some("nada.png"), &session, Lang::Es).expect_err("missing");
        assert!(missing.contains("nada.png") && missing.starts_with("aviso"), "{missing}");
        std::fs::write(dir.path().join("logo.png"), b"not an image").expect("write");
        let wrong = for_session(Some("logo.png"), &session, Lang::En).expect_err("not an image");
        assert!(wrong.contains("logo.png") && wrong.contains("not a PNG"), "{wrong}");
        std::fs::write(dir.path().join("ok.png"), png(4, 4)).expect("write");
        let ok = for_session(Some("ok.png"), &session, Lang::Ca).expect("read").expect("a logo");
        assert_eq!(ok.width, 4);
        assert_eq!(for_session(None, &session, Lang::Es), Ok(None));
    }
}
