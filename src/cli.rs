//! Command-line interface (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::app::room::ThemeName;
use crate::export::Format;
use crate::export::diff::DiffFormat;
use crate::i18n::Lang;

/// dafo: capture DAFO/CAME (SWOT) workshops live, on a projected terminal.
///
/// With no arguments, opens the session browser of the sessions directory.
/// With a FILE, opens that session.
#[derive(Debug, Parser)]
#[command(name = "dafo", version, about, long_about = None)]
pub struct Cli {
    /// Session file to open.
    pub file: Option<PathBuf>,

    /// Directory of session files.
    #[arg(long, global = true, env = "DAFO_DIR", default_value = "sessions")]
    pub dir: PathBuf,

    /// Language of the interface, the messages and the exports. Without it: the
    /// session's own language, then DAFO_LANG, then `lang` in config.ron, then the
    /// locale (LC_ALL, LC_MESSAGES, LANG), then es.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Colour theme: dark, light (high contrast, for bright rooms) or mono; `t` cycles it live. NO_COLOR forces mono.
    #[arg(long, global = true, value_enum, env = "DAFO_THEME")]
    pub theme: Option<ThemeName>,

    /// Key remapping file (default: $XDG_CONFIG_HOME/dafo/keys.ron); see docs/keys.md.
    #[arg(long, global = true, value_name = "FILE")]
    pub keys: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session in the sessions directory and open it.
    New {
        /// Title of the session, in the workshop's own words, e.g. "Care plan 2026".
        title: String,
        /// Start from last year's session: its factors come along marked as
        /// carried over, to confirm or drop.
        #[arg(long, value_name = "OLD.ron")]
        from: Option<PathBuf>,
        /// The group whose session this is (técnicos, políticos, asociaciones…):
        /// the source of its factors when sessions are merged.
        #[arg(long)]
        group: Option<String>,
        /// Years the plan covers, e.g. 2023-2026 (or one year, 2025).
        #[arg(long, value_name = "YEARS")]
        horizon: Option<crate::domain::Horizon>,
    },
    /// Open an existing session file.
    Open {
        /// Session file (.ron).
        file: PathBuf,
    },
    /// Check that a session file reads; exit 0 if it does, 1 if not or while it holds merge conflicts (⚠).
    Check {
        /// Session file (.ron).
        file: PathBuf,
    },
    /// Print a session to stdout (text, Markdown, HTML, CSV or JSON).
    Show {
        /// Session file (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Txt)]
        format: Format,
    },
    /// Write a session to a file in another format (atomically).
    Export {
        /// Session file (.ron).
        file: PathBuf,
        /// Output format; by default taken from the extension of OUT.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// File to write.
        #[arg(long, short = 'o', value_name = "OUT")]
        output: PathBuf,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the sessions of a directory, newest first.
    List {
        /// Directory to list (default: --dir).
        dir: Option<PathBuf>,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Compare two sessions: added, removed, reworded, moved, votes.
    Diff {
        /// The earlier session (.ron).
        old: PathBuf,
        /// The later session (.ron).
        new: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = DiffFormat::Txt)]
        format: DiffFormat,
    },
    /// Build a session from a Markdown list or the CSV export.
    Import {
        /// A .md file (lists under the four quadrant headings, e.g. Strengths, Weaknesses,
        /// Opportunities, Threats, in any language dafo speaks) or a .csv export.
        file: PathBuf,
        /// Session file to write (default: a new file in --dir named after the title).
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// Title of the new session (default: the first heading, else the file name).
        #[arg(long)]
        title: Option<String>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
        /// Tag every imported factor with this source (e.g. encuesta).
        #[arg(long)]
        source: Option<String>,
    },
    /// Merge group sessions into one diagnosis; print the merge report.
    ///
    /// Near-duplicate factors of a quadrant become one with every source and
    /// wording; possible pairs are kept apart and reported; the same item in
    /// two quadrants is kept in both and reported. The inputs are never written.
    Merge {
        /// Group sessions (.ron), two or more.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Session file to write.
        #[arg(long, short = 'o', value_name = "OUT")]
        output: PathBuf,
        /// Title of the merged session (default: "Joint diagnosis", in the language in use).
        #[arg(long)]
        title: Option<String>,
        /// Also join the possible pairs (grey zone), not only near-duplicates.
        #[arg(long)]
        accept_similar: bool,
        /// Ask about each possible pair: in a terminal a review list (y merges, n keeps apart,
        /// u undoes the last answer, q finishes); from a script, answers line by line on stdin
        /// (y or s joins, anything else keeps apart).
        #[arg(long, conflicts_with = "accept_similar")]
        review: bool,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
        /// Format of the report.
        #[arg(long, short, value_enum, default_value_t = crate::merge::report::ReportFormat::Txt)]
        format: crate::merge::report::ReportFormat,
    },
    /// Git merge driver: three-way merge of a session by stable IDs (see docs/git.md).
    #[command(name = "merge-driver")]
    MergeDriver {
        /// Common ancestor (%O).
        base: PathBuf,
        /// Our version (%A); the result is written here.
        ours: PathBuf,
        /// Their version (%B).
        theirs: PathBuf,
        /// The file's name in the repository (%P), for messages.
        name: Option<String>,
    },
    /// Set up the git repository around the current directory to merge sessions with dafo.
    #[command(name = "git-setup")]
    GitSetup,
    /// Copy a session's summary to the clipboard: HTML for word processors and text (--format) for editors.
    Copy {
        /// Session file (.ron).
        file: PathBuf,
        /// The text flavour beside the HTML.
        #[arg(long, short, value_enum, default_value_t = CopyFormat::Md)]
        format: CopyFormat,
    },
    /// Record a year's review (seguimiento): degree 0-100 and status per action,
    /// notes, indicator values and the year's record. One step, saved atomically;
    /// any bad argument changes nothing.
    Review {
        /// Session file (.ron) with the plan.
        file: PathBuf,
        /// The year reviewed (within the plan's horizon).
        #[arg(long)]
        year: i16,
        /// ID=DEGREE or ID=DEGREE:STATUS, e.g. C1=75 C2=100:hecha M1=0:descartada
        /// (statuses: pendiente, en curso, hecha, descartada; pending, in progress, done, dropped).
        #[arg(value_name = "ID=DEGREE[:STATUS]")]
        assignments: Vec<String>,
        /// A note for an action's review: ID="texto". Repeatable.
        #[arg(long, value_name = "ID=TEXT")]
        note: Vec<String>,
        /// An indicator's actual value this year: I1=35. Repeatable.
        #[arg(long, value_name = "ID=NUMBER")]
        value: Vec<String>,
        /// The committee or body that reviewed the plan.
        #[arg(long)]
        body: Option<String>,
        /// Date of the review meeting, YYYY-MM-DD.
        #[arg(long)]
        date: Option<jiff::civil::Date>,
        /// A summary of the year.
        #[arg(long)]
        summary: Option<String>,
        /// A límite or problema emergente, added to the year's list. Repeatable.
        #[arg(long)]
        problem: Vec<String>,
    },
    /// Write the evaluation report (informe de seguimiento) of one year or of
    /// every year, from one session file or several years' files of one plan.
    Report {
        /// Session files (.ron) of one plan; joined by action ID, the newer file
        /// winning where two disagree (listed under Discrepancias).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The year to report on (default: the last year reviewed).
        #[arg(long, conflicts_with = "all")]
        year: Option<i16>,
        /// Every year reviewed.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = crate::export::report::ReportFormat::Txt)]
        format: crate::export::report::ReportFormat,
        /// File to write (default: stdout).
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// Shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    Man,
    /// Print the effective keymap (defaults plus keys.ron), per context.
    Keys,
    /// Keeps clipboard content available after `dafo copy` returns (internal).
    #[command(name = "__hold-clipboard", hide = true)]
    HoldClipboard,
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

/// Formats `dafo copy` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CopyFormat {
    /// Markdown text.
    Md,
    /// Plain text, 80 columns (the HTML is always there too; kept for older scripts).
    Html,
    /// Plain text, 80 columns.
    Txt,
}
