//! The apparatus of the HTML page (issue 27): the cover (logo as a data URI),
//! the linked contents list (`<nav>`), and the print style sheet's running
//! footer "title · página N de M" (CSS page margin boxes and counters).

use std::fmt::Write as _;

use base64::Engine as _;

use super::doc::Document;
use super::html::escape;

/// Print rules of the page: the cover and the contents each on a page of
/// their own, no lonely lines, headings kept with what follows, and the
/// running footer on every page but the cover.
pub fn print_css(doc: &Document) -> String {
    let w = doc.lang.text().apparatus;
    let title = css_string(&super::safe(&doc.title));
    let (page, of) = (css_string(&format!(" · {} ", w.page)), css_string(&format!(" {} ", w.of)));
    format!(
        "@page {{ @bottom-center {{ content: {title} {page} counter(page) {of} counter(pages); font-size: 8pt; color: #666; }} }}
@page :first {{ @bottom-center {{ content: none; }} }}
section.cover {{ break-after: page; page-break-after: always; text-align: center; padding-top: 50mm; }}
section.cover table {{ margin: 0 auto; }}
section.cover img {{ max-width: 60mm; max-height: 35mm; margin-bottom: 12mm; }}
section.cover .subtitle {{ font-size: 15pt; margin: .6em 0 2em; }}
section.cover p {{ margin: .3em 0; }}
nav.contents {{ break-after: page; page-break-after: always; }}
nav.contents ol {{ list-style: none; padding: 0; }}
nav.contents li.sub {{ margin-left: 1.5em; }}
nav.contents a {{ color: inherit; text-decoration: none; }}
p, li, td {{ orphans: 3; widows: 3; }}
h2.part {{ break-before: page; page-break-before: always; }}
"
    )
}

/// A CSS string literal: every character but letters, digits and spaces as a
/// hexadecimal escape, so no text can end the string or the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// The cover: the logo, the title (in a one-cell table: LibreOffice's HTML
/// import otherwise loses a document's first line), the subtitle and lines.
pub fn cover(out: &mut String, doc: &Document) {
    let a = &doc.apparatus;
    out.push_str("<section class=\"cover\">\n");
    if let Some(logo) = &a.logo {
        let data = base64::engine::general_purpose::STANDARD.encode(&logo.bytes);
        let _ = writeln!(out, "<p><img src=\"data:{};base64,{data}\" alt=\"\"></p>", logo.kind.mime());
    }
    let _ = writeln!(
        out,
        "<table role=\"presentation\" style=\"border-collapse:collapse\"><tr><td style=\"padding:0\"><h1>{}</h1></td></tr></table>",
        escape(a.cover_title.as_deref().unwrap_or(&doc.title))
    );
    if !a.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(&a.subtitle));
    }
    for line in &a.cover {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    out.push_str("</section>\n");
}

/// The contents: a linked list of the headings (levels 2 and 3).
pub fn contents(out: &mut String, doc: &Document) {
    let entries = doc.contents();
    if entries.is_empty() {
        return;
    }
    let label = escape(doc.lang.text().apparatus.contents);
    let _ = writeln!(out, "<nav class=\"contents\" aria-label=\"{label}\">\n<h2>{label}</h2>\n<ol>");
    for (level, text, anchor) in entries {
        let class = if level > 2 { " class=\"sub\"" } else { "" };
        let _ = writeln!(out, "<li{class}><a href=\"#{anchor}\">{}</a></li>", escape(text));
    }
    out.push_str("</ol>\n</nav>\n");
}
