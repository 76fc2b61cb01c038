//! The evaluation report (`dafo report`): its formats and the one entry point
//! that turns joined files and years into bytes.

use jiff::civil::Date;

use crate::i18n::Lang;

use super::report_join::Joined;
use super::{docx, html, markdown, report_build, report_rows, text};

/// Formats of `dafo report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    Md,
    Html,
    /// Plain text, 80 columns where the tables allow.
    #[default]
    Txt,
    /// One row per action and year.
    Csv,
    Json,
    /// Word document.
    Docx,
}

impl crate::choice::Choice for ReportFormat {
    const VALUES: &'static [ReportFormat] = &[
        ReportFormat::Md,
        ReportFormat::Html,
        ReportFormat::Txt,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::Docx,
    ];

    fn name(self) -> &'static str {
        match self {
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Txt => "txt",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::Docx => "docx",
        }
    }

    fn help(self) -> Option<&'static str> {
        match self {
            ReportFormat::Txt => Some("Plain text, 80 columns where the tables allow"),
            ReportFormat::Csv => Some("One row per action and year"),
            ReportFormat::Docx => Some("Word document"),
            ReportFormat::Md | ReportFormat::Html | ReportFormat::Json => None,
        }
    }
}

impl ReportFormat {
    /// The format a file name's extension asks for (the extensions `export` knows).
    pub fn from_extension(path: &std::path::Path) -> Option<ReportFormat> {
        Some(match super::Format::from_extension(path)? {
            super::Format::Md => ReportFormat::Md,
            super::Format::Html | super::Format::HtmlFragment => ReportFormat::Html,
            super::Format::Txt => ReportFormat::Txt,
            super::Format::Csv => ReportFormat::Csv,
            super::Format::Json => ReportFormat::Json,
            super::Format::Docx => ReportFormat::Docx,
        })
    }
}

/// The report of `years` in `format`, as the bytes of the file, lateness
/// judged on today ([`super::today`]: `DAFO_TODAY` or the local date).
pub fn render(joined: &Joined, years: &[i16], format: ReportFormat, lang: Lang) -> Vec<u8> {
    render_on(joined, years, format, lang, crate::clock::today())
}

/// [`render`] with lateness judged on `today`.
pub fn render_on(joined: &Joined, years: &[i16], format: ReportFormat, lang: Lang, today: Date) -> Vec<u8> {
    render_with_logo(joined, years, format, lang, today, None)
}

/// [`render_on`] with the cover's logo, which the docx and the HTML embed.
pub fn render_with_logo(
    joined: &Joined,
    years: &[i16],
    format: ReportFormat,
    lang: Lang,
    today: Date,
    logo: Option<super::logo::Logo>,
) -> Vec<u8> {
    let doc = || {
        let mut doc = report_build::document(joined, years, lang, today);
        doc.apparatus.logo = logo.clone();
        doc
    };
    match format {
        ReportFormat::Md => markdown::document(&doc()).into_bytes(),
        ReportFormat::Txt => text::document(&doc()).into_bytes(),
        ReportFormat::Html => html::page_of(&doc()).into_bytes(),
        ReportFormat::Csv => {
            let s = &joined.session;
            let last = years.last().copied().unwrap_or(i16::MAX);
            let all: Vec<i16> = report_rows::row_years(s).into_iter().filter(|&y| y <= last).collect();
            let rows = report_rows::action_year_rows(s, if years.len() > 1 { &all } else { years }, today);
            report_rows::csv(&rows, lang).into_bytes()
        }
        ReportFormat::Json => report_rows::json(joined, years, today).into_bytes(),
        ReportFormat::Docx => docx::document(&doc()),
    }
}
