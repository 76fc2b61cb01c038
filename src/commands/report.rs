//! `dafo report FILE [FILE…] [--year 2024 | --all] --format md|html|txt|csv|json|docx [-o OUT]`:
//! reads the files (nothing is written to them), joins them by action ID and
//! writes the evaluation report to stdout or atomically to OUT.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export::report::{ReportFormat, render_with_logo};
use crate::export::report_join::{join, same_plan};
use crate::i18n::Lang;
use crate::storage;

use super::{CommandError, print_bytes, write_new};

/// Which years to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// The last year reviewed.
    Latest,
    One(i16),
    All,
}

impl Years {
    pub fn pick(year: Option<i16>, all: bool) -> Years {
        match (year, all) {
            (Some(y), _) => Years::One(y),
            (None, true) => Years::All,
            (None, false) => Years::Latest,
        }
    }
}

fn name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The report of `files` as the bytes of the file (a zip for docx).
/// `first` is the first file as `main` read it, if it did.
pub fn report(
    files: &[PathBuf],
    first: Option<Result<crate::domain::Session, storage::LoadError>>,
    years: Years,
    format: ReportFormat,
    lang: Lang,
) -> Result<Vec<u8>, CommandError> {
    let mut sessions: Vec<(String, crate::domain::Session)> = Vec::new();
    for (f, session) in super::load_all(files, first) {
        let session = session?;
        // Versions of one plan only: another plan's reviews would be reported under this one's title.
        if let Some((first, s)) = sessions.first()
            && !same_plan(s, &session)
        {
            return Err(CommandError::Review((lang.text().limits.not_one_plan)(first, &name(f))));
        }
        sessions.push((name(f), session));
    }
    let first = files.first().map(|f| f.display().to_string()).unwrap_or_default();
    let joined = join(sessions, lang).ok_or_else(|| CommandError::Review("no session file given".into()))?;
    let s = &joined.session;
    let reviewed = s.reviewed_years();
    let years: Vec<i16> = match years {
        Years::One(y) => {
            let said = |e| CommandError::Review(format!("{first}: {}", lang.text().review_errors.of(&e)));
            s.check_review_year(y).map_err(said)?;
            vec![y]
        }
        Years::Latest | Years::All if reviewed.is_empty() => {
            return Err(CommandError::Review(format!("{first}: {}", (lang.text().report.no_year_reviewed)(&first))));
        }
        Years::Latest => reviewed.last().copied().into_iter().collect(),
        Years::All => reviewed,
    };
    let shows_logo = matches!(format, ReportFormat::Docx | ReportFormat::Html);
    let logo = files.first().filter(|_| shows_logo).and_then(|f| super::show::logo(f, &s.meta, lang));
    Ok(render_with_logo(&joined, &years, format, lang, crate::clock::today(), logo))
}

/// Runs `dafo report`.
/// Without `--format`, OUT's extension chooses (`-o informe.docx` writes a
/// Word document, as `export` does), else plain text.
pub fn run(
    files: &[PathBuf],
    first: Option<Result<crate::domain::Session, storage::LoadError>>,
    years: Years,
    format: Option<ReportFormat>,
    output: Option<&Path>,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    // OUT's extension chooses only if dafo writes it: `-o x.pdf` is refused (the
    // formats named), never plain text under a name that promises a PDF.
    let format = match (format, output) {
        (Some(f), _) => f,
        (None, Some(out)) => {
            ReportFormat::from_extension(out).ok_or_else(|| CommandError::UnknownFormat { path: out.to_owned() })?
        }
        (None, None) => ReportFormat::default(),
    };
    if output.is_none() && format == ReportFormat::Docx && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let why = lang.text().report.docx_on_terminal;
        return Err(CommandError::Review(why.to_owned()));
    }
    if let Some(out) = output {
        let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        super::refuse_input_as_output(out, &inputs, lang)?;
    }
    let bytes = report(files, first, years, format, lang)?;
    match output {
        Some(out) => {
            write_new(out, &bytes, force)?;
            // As `dafo export -o` says it: the file is there.
            let shown = crate::domain::text::display_safe_lines(&out.display().to_string());
            eprintln!("{shown}: {}", lang.text().cli.written);
        }
        None => print_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
