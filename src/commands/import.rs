//! `dafo import FILE.md|FILE.csv`: a new session file from a Markdown list, a
//! Markdown plan (misión, ejes y líneas, plan de acción…) or a CSV export.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::Timestamp;

use crate::cli::ImportFormat;
use crate::domain::text::display_safe_lines;
use crate::export::import::{ImportError, build, check_limits, csv, markdown, read_source};
use crate::export::plan_import;
use crate::i18n::Lang;
use crate::storage::{file_name_for_title, new_session_path_after, to_ron, write_atomic_new};

use super::{CommandError, input, write_new};

/// Where an import goes: `output`, or a new file of `dir` named after the title.
pub struct To<'a> {
    pub output: Option<&'a Path>,
    pub dir: &'a Path,
    /// Replace `output` if it exists.
    pub force: bool,
}

/// Imports `file` (`-`: standard input, read as `format` says) where `to` says.
/// Speaks `lang` until the file says the language of its content (a CSV's
/// session row, a Markdown's headings), then `speak` of that language (which
/// is `--lang` when given).
pub fn run(
    file: &Path,
    format: Option<ImportFormat>,
    to: To<'_>,
    title: Option<&str>,
    source: Option<&str>,
    lang: Lang,
    speak: &dyn Fn(&str) -> Lang,
) -> Result<ExitCode, CommandError> {
    if let Some(out) = to.output {
        super::refuse_input_as_output(out, &[file], lang)?;
    }
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    // The file is read once, bounded: a FIFO, a device or a huge file is refused.
    let input_text = match (format, input::is_stdin(file)) {
        (None, true) => return Err(CommandError::StdinNeedsFormat),
        (_, false) => read_source(file)?,
        (Some(_), true) => {
            crate::export::import::text_of(input::stdin_bytes().map_err(ImportError::of_bounded)?, file)?
        }
    };
    let (mut session, said) = session_of(file, format, &input_text, title, stem).map_err(|e| match e.language() {
        Some(l) => CommandError::InLanguage { lang: speak(l.tag()), error: Box::new(e.into()) },
        None => e.into(),
    })?;
    // A new session keeps the language it was made in, unless the file said the
    // language of its content (a CSV or Markdown export of an English session
    // stays English); from here the import speaks the session's language.
    if !said {
        session.meta.language = lang.tag().to_owned();
    }
    let lang = speak(&session.meta.language);
    let spoken = |error: CommandError| CommandError::InLanguage { lang, error: Box::new(error) };
    check_limits(&session, &input_text, file).map_err(|e| spoken(e.into()))?;
    drop(input_text);
    if let Some(source) = source.and_then(crate::domain::sources::source_name) {
        crate::domain::sources::tag_all(&mut session, &source);
    }
    let (_, name) = write_out(&session, to, lang).map_err(spoken)?;
    let counts = lang.counts(session.counts(), ", ");
    let said = (lang.text().cli.imported)(&counts, session.all_actions().count(), session.strategies.len());
    let plan = if session.has_plan() {
        (lang.text().cli.imported_plan)(
            session.axes.len(),
            session.lines.len(),
            session.challenges.len(),
            session.indicators.len(),
        )
    } else {
        String::new()
    };
    super::say(&format!("{name}: {said}{plan}"));
    Ok(ExitCode::SUCCESS)
}

/// The session `text` (read from `file`, as `format` says or its name tells)
/// holds, and whether the file said the language of its content (the CSV's
/// session row, the Markdown's headings).
fn session_of(
    file: &Path,
    format: Option<ImportFormat>,
    text: &str,
    title: Option<&str>,
    stem: String,
) -> Result<(crate::domain::Session, bool), ImportError> {
    let plan = |text: &str, stem: &str| {
        plan_import::import(text, file, title, stem, Timestamp::now()).map(|(s, lang)| (s, lang.is_some()))
    };
    let built = |imported: crate::export::import::Imported, stem: String| {
        let title = title.map(str::to_owned).or_else(|| imported.title.clone()).unwrap_or(stem);
        let said = imported.settings.language.is_some();
        (build(imported, &title, Timestamp::now()), said)
    };
    match (format, input::is_stdin(file)) {
        (None, _) => match plan_text(file, text) {
            Some(text) => plan(text, &stem),
            None => Ok(built(read(file, text)?, stem)),
        },
        (Some(format), stdin) => {
            let stem = if stdin { "stdin".to_owned() } else { stem };
            if format == ImportFormat::Md && plan_import::is_plan(text) {
                plan(text, &stem)
            } else {
                let imported = match format {
                    ImportFormat::Md => markdown(text),
                    ImportFormat::Csv => csv(text, file)?,
                };
                if imported.is_empty() {
                    return Err(ImportError::Empty { path: file.to_owned() }.in_language(imported.language()));
                }
                Ok(built(imported, stem))
            }
        }
    }
}

/// How many answers not placed the import lists before it says "and N more".
const UNPLACED_SHOWN: usize = 20;

/// `dafo import FILE.csv --survey`: a new session of a questionnaire's answers,
/// placed in quadrants as `mapping` says, near-duplicates joined and counted
/// (see `merge::survey`); every answer it could not place is said with its line.
pub fn survey(
    file: &Path,
    mapping: &crate::export::survey::Mapping,
    to: To<'_>,
    title: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    use crate::export::survey;
    if let Some(out) = to.output {
        super::refuse_input_as_output(out, &[file], lang)?;
    }
    let text = if input::is_stdin(file) {
        crate::export::import::text_of(input::stdin_bytes().map_err(ImportError::of_bounded)?, file)?
    } else {
        read_source(file)?
    };
    let answers = survey::read(&text, mapping).map_err(|e| CommandError::Survey(e.message(file, lang)))?;
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let title = title.map(str::to_owned).unwrap_or(stem);
    let rows: Vec<Vec<_>> = answers.rows.iter().map(|r| r.answers.clone()).collect();
    let source = lang.text().survey.source;
    let joined = crate::merge::survey::join(&rows, source, &title, Timestamp::now());
    let mut session = joined.session;
    check_limits(&session, &text, file)?;
    drop(text);
    session.meta.language = lang.tag().to_owned();
    let (_, name) = write_out(&session, to, lang)?;
    let w = lang.text().survey;
    let factors: usize = session.counts().iter().sum();
    let counts = lang.counts(session.counts(), ", ");
    super::say(&format!("{name}: {} ({counts})", (w.summary)(joined.people, joined.answers, factors)));
    if !answers.unplaced.is_empty() {
        let mut lines = vec![(w.not_placed)(answers.unplaced.len())];
        let shown = answers.unplaced.iter().take(UNPLACED_SHOWN);
        lines.extend(shown.map(|u| format!("  {}", survey::unplaced_line(file, u, lang))));
        if answers.unplaced.len() > UNPLACED_SHOWN {
            lines.push(format!("  {}", (w.more)(answers.unplaced.len() - UNPLACED_SHOWN)));
        }
        super::say(&lines.join("\n"));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `session` where `to` says; says so when the title's name was taken.
/// Gives the path written and its name, safe to show.
fn write_out(session: &crate::domain::Session, to: To<'_>, lang: Lang) -> Result<(PathBuf, String), CommandError> {
    let To { output, dir, force } = to;
    let text = to_ron(session);
    let (path, renamed) = match output {
        Some(p) => {
            write_new(p, text.as_bytes(), force)?;
            (p.to_owned(), false)
        }
        None => {
            std::fs::create_dir_all(dir).map_err(|source| CommandError::Write { path: dir.to_owned(), source })?;
            (create_free(dir, &session.meta.title, text.as_bytes())?, true)
        }
    };
    let name = display_safe_lines(&path.display().to_string());
    let wanted = file_name_for_title(&session.meta.title);
    if renamed && path.file_name().is_some_and(|n| *n != *wanted) {
        let taken = lang.text().cli.saved_as;
        super::say(&format!("{wanted} {taken} {name}"));
    }
    Ok((path, name))
}

/// Writes a new session file in `dir` under the title's name, or the next free one
/// (`-2`, `-3`...) when it is taken, even by an import running at the same moment:
/// the file is created exclusively, never replacing one.
fn create_free(dir: &Path, title: &str, bytes: &[u8]) -> Result<PathBuf, CommandError> {
    let mut taken = 0;
    loop {
        let path = new_session_path_after(dir, title, taken);
        match write_atomic_new(&path, bytes) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && taken < 10_000 => taken += 1,
            Err(source) => return Err(CommandError::Write { path, source }),
        }
    }
}

/// The text of a Markdown file that holds a plan (misión, ejes…), else `None`.
fn plan_text<'t>(file: &Path, text: &'t str) -> Option<&'t str> {
    let ext = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    (matches!(ext.as_str(), "md" | "markdown") && plan_import::is_plan(text)).then_some(text)
}

/// What [`crate::export::import::read`] does, on the text already read.
fn read(path: &Path, text: &str) -> Result<crate::export::import::Imported, ImportError> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let imported = match ext.as_str() {
        "md" | "markdown" | "txt" => markdown(text),
        "csv" => csv(text, path)?,
        _ => return Err(ImportError::UnknownKind { path: path.to_owned() }),
    };
    if imported.is_empty() {
        return Err(ImportError::Empty { path: path.to_owned() }.in_language(imported.language()));
    }
    Ok(imported)
}
