//! `dafo copy FILE`: a session's summary to the clipboard, from the shell.

use std::process::ExitCode;

use crate::cli::CopyFormat;
use crate::clipboard;
use crate::domain::Session;
use crate::export::{Format, render};
use crate::i18n::Lang;
use crate::storage::LoadError;

use super::CommandError;

/// Copies `file` as HTML (for word processors) together with text in
/// `format` (Markdown by default; `html` asks for plain text beside the HTML),
/// and says on stderr what happened (stdout may carry OSC 52).
/// `loaded` is the file as `main` read it (once).
pub fn run(loaded: Result<Session, LoadError>, format: CopyFormat, lang: Lang) -> Result<ExitCode, CommandError> {
    let session = loaded?;
    let text = match format {
        CopyFormat::Md => Format::Md,
        CopyFormat::Txt | CopyFormat::Html => Format::Txt,
    };
    let html = render(&session, lang, Format::HtmlFragment);
    let outcome = clipboard::copy(&render(&session, lang, text), Some(&html));
    if !outcome.is_ok() {
        return Err(CommandError::Copy(outcome.message(lang)));
    }
    super::say(&format!("dafo: {}", outcome.message(lang)));
    Ok(ExitCode::SUCCESS)
}

/// The hidden holder subcommand; see [`clipboard::hold`]. Silent: nobody reads its output.
pub fn hold() -> ExitCode {
    match clipboard::hold() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
