//! `dafo completions SHELL` and `dafo man`: generated from the clap definitions.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

use super::{CommandError, print};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode, CommandError> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dafo", &mut out);
    print(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page (roff).
pub fn man() -> Result<ExitCode, CommandError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(CommandError::Stdout)?;
    print(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}
