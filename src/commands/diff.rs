//! `dafo diff OLD NEW`: the yearly review of a plan, from the shell.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::Session;
use crate::export::diff::{DiffFormat, diff, render};
use crate::i18n::Lang;
use crate::storage::{self, LoadError};

use super::{CommandError, print};

/// Prints what changed from `old` to `new`. Exit 0 either way: differences are the expected result.
/// `new` is the later file as `main` read it (once: its language came from there).
pub fn run(
    old: &Path,
    new: Result<Session, LoadError>,
    format: DiffFormat,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    let (old, new) = (storage::load(old)?, new?);
    print(&render(&diff(&old, &new), &old, &new, lang, format))?;
    Ok(ExitCode::SUCCESS)
}
