//! `dafo diff OLD NEW`: the yearly review of a plan, from the shell.

use std::path::Path;
use std::process::ExitCode;

use crate::export::diff::{DiffFormat, diff, render};
use crate::i18n::Lang;
use crate::storage;

use super::{CommandError, print};

/// Prints what changed from `old` to `new`. Exit 0 either way: differences are the expected result.
pub fn run(old: &Path, new: &Path, format: DiffFormat, lang: Lang) -> Result<ExitCode, CommandError> {
    let (old, new) = (storage::load(old)?, storage::load(new)?);
    print(&render(&diff(&old, &new), &old, &new, lang, format))?;
    Ok(ExitCode::SUCCESS)
}
