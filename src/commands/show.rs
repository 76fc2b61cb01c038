//! `dafo show` (a session to stdout) and `dafo export` (to a file, atomically).

use std::path::Path;
use std::process::ExitCode;

use std::io::IsTerminal as _;

use crate::domain::Session;
use crate::export::{Format, is_binary};
use crate::i18n::Lang;
use crate::storage::LoadError;

use super::{CommandError, print_bytes, write_new};

/// Prints `file` in `format`. A binary format (docx) goes only to a pipe or a
/// redirection, never to a terminal.
/// `loaded` is the file as `main` read it (once: its language came from there too).
pub fn show(
    file: &Path,
    loaded: Result<Session, LoadError>,
    format: Format,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    if is_binary(format) && std::io::stdout().is_terminal() {
        return Err(CommandError::Binary(lang.text().cli.binary_on_terminal.to_owned()));
    }
    let session = loaded?;
    super::pending::warn_journal(file, &session, lang);
    let logo = if crate::export::shows_logo(format) { logo(file, &session.meta, lang) } else { None };
    print_bytes(&crate::export::bytes_with_logo(&session, lang, format, crate::clock::today(), logo))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `file` (read once, as `loaded`) as `format` (or the format `output`'s
/// extension names) to `output`, which may not be `file` itself (by path, link or inode).
/// Where and how `dafo export` writes.
pub struct Out<'a> {
    pub output: &'a Path,
    pub force: bool,
    /// One DAFO per área temática after the whole one (`--by-theme`).
    pub by_theme: bool,
}

pub fn export(
    file: &Path,
    loaded: Result<Session, LoadError>,
    format: Option<Format>,
    to: Out<'_>,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    let Out { output, force, by_theme } = to;
    let format = format
        .or_else(|| Format::from_extension(output))
        .ok_or_else(|| CommandError::UnknownFormat { path: output.to_owned() })?;
    super::refuse_input_as_output(output, &[file], lang)?;
    let session = loaded?;
    super::pending::warn_journal(file, &session, lang);
    let logo = if crate::export::shows_logo(format) { logo(file, &session.meta, lang) } else { None };
    let body = if by_theme {
        let name = crate::choice::Choice::name(format).to_owned();
        crate::export::bytes_by_theme(&session, lang, format, crate::clock::today(), logo)
            .ok_or_else(|| CommandError::Copy((lang.text().keymap.themes.by_theme_format)(&name)))?
    } else {
        crate::export::bytes_with_logo(&session, lang, format, crate::clock::today(), logo)
    };
    write_new(output, &body, force)?;
    eprintln!(
        "{}: {}",
        crate::domain::text::display_safe_lines(&output.display().to_string()),
        lang.text().cli.written
    );
    Ok(ExitCode::SUCCESS)
}

/// The cover's logo named in `meta`, read beside `file`; a logo that cannot be
/// used is a warning on stderr, and the document is written without it.
pub(super) fn logo(file: &Path, meta: &crate::domain::Meta, lang: Lang) -> Option<crate::export::logo::Logo> {
    crate::export::logo::for_session(meta.logo.as_deref(), file, lang).unwrap_or_else(|warning| {
        eprintln!("{warning}");
        None
    })
}
