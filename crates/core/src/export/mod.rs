//! Exporters: pure functions that turn a session into Markdown, HTML, CSV, JSON
//! or 80-column text, and the comparison of two sessions. The readers that
//! bring Markdown and CSV back in are [`crate::import`]'s.
//!
//! Every renderer passes user text through [`safe`] first, so no escape
//! sequence or control character ever reaches a terminal, a clipboard or a file.
//! The md, html and txt renderers draw one [`doc::Document`], built once from
//! the session by `build` (header, grid, factor lists, then the CAME plan, the
//! crossed strategies and the EFI/EFE tables when the session has them).

pub mod build;
pub mod cell;
pub mod chart;
mod cover;
pub mod csv;
pub mod csv_extra;
pub mod csv_plan;
pub mod csv_review;
pub mod diff;
pub mod doc;
pub mod docx;
mod docx_apparatus;
mod docx_chart;
mod docx_zip;
pub mod html;
mod html_apparatus;
pub mod json;
mod labels;
pub mod logo;
pub mod markdown;
pub(crate) mod marks;
mod participation;
mod plan;
mod themes;
pub use plan::indicators_with_note;
pub mod milestones;
mod plan_finance;
pub mod plan_json;
pub mod plan_md;
pub mod plan_report;
pub mod publish;
pub mod report;
pub mod report_build;
pub mod report_changes;
pub mod report_join;
pub mod report_rows;
pub mod survey;
pub use crate::i18n::plan_words;
pub mod text;

// The importers live in `crate::import`; the command line and the tests still
// name them here.
pub use crate::import;
pub use crate::import::plan as plan_import;
pub use crate::import::problem as import_problem;

use std::borrow::Cow;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::Session;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

pub use build::document;
pub use labels::Labels;

/// Output formats of `dafo show` and `dafo export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown: metadata, the 2x2 grid as a table, the four lists, and the CAME plan,
    /// crossed strategies and EFI/EFE tables when present.
    Md,
    /// Plain text that fits 80 columns.
    Txt,
    /// A self-contained HTML page with inline CSS that prints on A4.
    Html,
    /// An HTML fragment (tables, no scripts, no styles sheet) to paste into Word or LibreOffice.
    HtmlFragment,
    /// One row per factor, action and strategy; RFC 4180, UTF-8.
    Csv,
    /// A stable JSON document for other tools.
    Json,
    /// A Word document (.docx) with real headings and tables; binary, so only to a file or a pipe.
    Docx,
}

impl crate::choice::Choice for Format {
    const VALUES: &'static [Format] =
        &[Format::Md, Format::Txt, Format::Html, Format::HtmlFragment, Format::Csv, Format::Json, Format::Docx];

    fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Html => "html",
            Format::HtmlFragment => "html-fragment",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    fn help(self) -> Option<&'static str> {
        Some(match self {
            Format::Md => {
                "Markdown: metadata, the 2x2 grid as a table, the four lists, and the CAME plan, crossed strategies and EFI/EFE tables when present"
            }
            Format::Txt => "Plain text that fits 80 columns",
            Format::Html => "A self-contained HTML page with inline CSS that prints on A4",
            Format::HtmlFragment => {
                "An HTML fragment (tables, no scripts, no styles sheet) to paste into Word or LibreOffice"
            }
            Format::Csv => "One row per factor, action and strategy; RFC 4180, UTF-8",
            Format::Json => "A stable JSON document for other tools",
            Format::Docx => {
                "A Word document (.docx) with real headings and tables; binary, so only to a file or a pipe"
            }
        })
    }
}

impl Format {
    /// The format a file name's extension asks for (`.md`, `.txt`, `.html`, `.csv`, `.json`).
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => Format::Md,
            "txt" | "text" => Format::Txt,
            "html" | "htm" => Format::Html,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "docx" => Format::Docx,
            _ => return None,
        })
    }
}

/// Whether `format` is binary (docx): [`bytes`] gives it, [`render`] cannot.
pub fn is_binary(format: Format) -> bool {
    format == Format::Docx
}

/// The bytes of `session` in `format`: the text formats as UTF-8, docx as a zip.
/// Overdue marks are as of [`today`](crate::clock::today).
pub fn bytes(session: &Session, lang: Lang, format: Format) -> Vec<u8> {
    bytes_on(session, lang, format, crate::clock::today())
}

/// [`bytes`] with overdue actions judged as of `today` (tests, the TUI's fixed day).
pub fn bytes_on(session: &Session, lang: Lang, format: Format, today: Date) -> Vec<u8> {
    bytes_with_logo(session, lang, format, today, None)
}

/// [`bytes_on`] with the cover's logo ([`logo::for_session`]), which the
/// docx and the HTML page embed.
pub fn bytes_with_logo(
    session: &Session,
    lang: Lang,
    format: Format,
    today: Date,
    logo: Option<logo::Logo>,
) -> Vec<u8> {
    let doc = || {
        let mut doc = build::document(session, lang, today);
        doc.apparatus.logo = logo.clone();
        doc
    };
    match format {
        Format::Docx => docx::document(&doc()),
        Format::Html => html::page_of(&doc()).into_bytes(),
        text => render_on(session, lang, text, today).into_bytes(),
    }
}

/// Whether `format` shows the cover's logo (so reading it is worth a warning).
pub fn shows_logo(format: Format) -> bool {
    matches!(format, Format::Docx | Format::Html)
}

/// Renders `session` in a text `format`, with labels in `lang`. Docx is
/// binary: for it this gives the plain text; use [`bytes`] for the file.
/// Overdue marks are as of [`today`](crate::clock::today).
pub fn render(session: &Session, lang: Lang, format: Format) -> String {
    render_on(session, lang, format, crate::clock::today())
}

/// `dafo export --by-theme`: the document with one DAFO grid per theme after
/// the whole one, in md, html, txt or docx; `None` for the other formats.
pub fn bytes_by_theme(
    session: &Session,
    lang: Lang,
    format: Format,
    today: Date,
    logo: Option<logo::Logo>,
) -> Option<Vec<u8>> {
    let mut doc = build::document(session, lang, today);
    doc.apparatus.logo = logo;
    // Plain text draws no grid: its DAFO per theme is the four lists.
    themes::by_theme(&mut doc, session, format == Format::Txt);
    Some(match format {
        Format::Md => markdown::document(&doc).into_bytes(),
        Format::Txt => text::document(&doc).into_bytes(),
        Format::Html => html::page_of(&doc).into_bytes(),
        Format::Docx => docx::document(&doc),
        Format::HtmlFragment | Format::Csv | Format::Json => return None,
    })
}

/// [`render`] with overdue actions judged as of `today`, so that an export
/// does not drift with the clock (tests, the TUI's fixed day).
pub fn render_on(session: &Session, lang: Lang, format: Format, today: Date) -> String {
    match format {
        Format::Md => markdown::render(session, lang, today),
        Format::Txt | Format::Docx => text::render(session, lang, today),
        Format::Html => html::page(session, lang, today),
        Format::HtmlFragment => html::fragment(session, lang, today),
        Format::Csv => csv::render(session, lang, today),
        Format::Json => json::render(session, lang, today),
    }
}

/// User text made safe for any output: escape sequences, control and bidi
/// characters removed, line breaks turned into spaces.
pub fn safe(text: &str) -> Cow<'_, str> {
    display_safe(text)
}

/// `text` with a no-break space between a number and the `€` or `%` after it
/// (`32.000 €`, `33,3 %`), so that a word processor or a browser never puts the
/// unit alone on the next line of a narrow table cell.
pub fn units_together(text: &str) -> Cow<'_, str> {
    if !(text.contains(' ') && text.contains(['€', '%'])) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let between = c == ' '
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| matches!(n, '€' | '%'));
        out.push(if between { '\u{a0}' } else { c });
    }
    Cow::Owned(out)
}

/// The language a document declares (`<html lang>`, Word's proofing language):
/// the session's own tag when the document speaks it (`ca-ES-valencia` kept),
/// else the tag of the language in force (`--lang en` on a Spanish session
/// declared Spanish, and spell-checkers and screen readers read English as it).
pub fn declared_language(session_language: &str, lang: Lang) -> String {
    match Lang::from_tag(session_language) {
        Some(l) if l == lang => session_language.to_owned(),
        _ => lang.tag().to_owned(),
    }
}

/// The day of a timestamp, `YYYY-MM-DD` (UTC, so exports do not depend on the machine).
pub fn day(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%d").to_string()
}

/// The day of a timestamp (UTC) as `lang` writes dates in documents and on
/// screen: `31/01/2027`, `2027-01-31`.
pub fn day_in(lang: Lang, ts: Timestamp) -> String {
    lang.locale().date(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// A factor's text as exports show it: its source marks (`[T·P]`) after it.
/// Raw like every text of the document model: backends make it safe.
/// A factor carried over and not confirmed ends with `↻`.
pub(crate) fn factor_text(session: &Session, f: &crate::domain::Factor) -> String {
    let mut text = marks::carried(&f.text, f.carried);
    let marks = crate::domain::sources::suffix(session, f);
    if !marks.is_empty() {
        text.push(' ');
        text.push_str(&marks);
    }
    text
}

/// [`priority`] of a factor; when its sources scored it differently and the
/// room has not decided, the range of impact (`18 votos · impacto 4–5`).
pub(crate) fn factor_priority(lang: Lang, f: &crate::domain::Factor) -> String {
    let range = crate::domain::sources::impact_text(f).filter(|r| f.impact.is_none() && r.contains('–'));
    let mut p = priority(lang, f.votes, f.impact);
    if let Some(range) = range {
        let sep = if p.is_empty() { "" } else { " · " };
        p.push_str(&format!("{sep}{} {range}", Labels::new(lang).impact));
    }
    p
}

/// The line under a quadrant's list that counts its factors per source
/// (`Fuentes: técnicos (T) 3 · políticos (P) 2`); `None` without sources.
pub(crate) fn sources_line(session: &Session, q: crate::domain::Quadrant, lang: Lang) -> Option<String> {
    let counts = crate::domain::sources::counts_line(session, q)?;
    Some(format!("{}: {counts}", lang.text().merge.sources))
}

/// Shared description of a factor's priority: "5 votos · impacto 4", or empty.
pub(crate) fn priority(lang: Lang, votes: u32, impact: Option<u8>) -> String {
    let l = Labels::new(lang);
    let mut parts = Vec::new();
    if votes > 0 {
        parts.push(format!("{votes} {}", if votes == 1 { l.vote } else { l.votes }));
    }
    if let Some(i) = impact {
        parts.push(format!("{} {i}", l.impact));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod units_tests {
    use super::*;

    /// `32.000` at a cell's end and `€` alone on the next line (docx and HTML
    /// tables of the report): a number and its unit are bound.
    #[test]
    fn a_number_and_its_unit_stay_together() {
        assert_eq!(units_together("32.000 € y 33,3 %"), "32.000\u{a0}€ y 33,3\u{a0}%");
        assert_eq!(units_together("170 (33,3 %)"), "170 (33,3\u{a0}%)");
        // Words before a sign, and signs without a number, are left as they are.
        assert_eq!(units_together("en € y % de"), "en € y % de");
        assert!(matches!(units_together("€12,000.50"), Cow::Borrowed(_)));
        for lang in [Lang::Es, Lang::En, Lang::Ca] {
            let l = lang.locale();
            for shown in [l.money(1_200_050), l.percent(62.5)] {
                let bound = units_together(&shown);
                assert!(!bound.contains(' '), "{lang:?}: {bound}");
                assert_eq!(bound.replace('\u{a0}', " "), shown);
            }
        }
    }
}
