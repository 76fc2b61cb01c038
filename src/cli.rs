//! Command-line interface (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// dafo: capture DAFO/CAME (SWOT) workshops live, on a projected terminal.
///
/// With no arguments, opens the session browser of the sessions directory.
/// With a FILE, opens that session.
#[derive(Debug, Parser)]
#[command(name = "dafo", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Session file to open.
    pub file: Option<PathBuf>,

    /// Directory of session files.
    #[arg(long, global = true, env = "DAFO_DIR", default_value = "sessions")]
    pub dir: PathBuf,

    /// Interface language.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Es)]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session in the sessions directory and open it.
    New {
        /// Title of the session, e.g. "Plan de cuidados 2026".
        title: String,
    },
    /// Open an existing session file.
    Open {
        /// Session file (.ron).
        file: PathBuf,
    },
    /// Check that a session file reads; exit 0 if it does, 1 if not.
    Check {
        /// Session file (.ron).
        file: PathBuf,
    },
    /// Bring back a session file damaged outside dafo from its newest good backup.
    ///
    /// The damaged file is kept as FILE.damaged-TIME; nothing is deleted.
    Recover {
        /// Session file (.ron).
        file: PathBuf,
    },
    /// Test helper: save FILE over and over, printing each version saved.
    #[command(name = "__soak", hide = true)]
    Soak {
        file: PathBuf,
        /// Number of saves.
        count: u64,
    },
}
