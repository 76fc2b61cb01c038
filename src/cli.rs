//! Command-line interface (clap derive).

use std::path::PathBuf;

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand};

use crate::app::room::ThemeName;
use crate::export::Format;
use crate::export::diff::DiffFormat;
use crate::export::report::ReportFormat;
use crate::i18n::Lang;
use crate::merge::report::ReportFormat as MergeReportFormat;
use choice::choices;

mod choice;

/// dafo: capture DAFO/CAME (SWOT) workshops live, on a projected terminal.
///
/// With no arguments, opens the session browser of the sessions directory.
/// With a FILE, opens that session.
#[derive(Debug, Parser)]
#[command(name = "dafo", version, about, long_about = None)]
pub struct Cli {
    /// Session file to open (a bare name that is not in this folder is looked
    /// for in the sessions folder).
    pub file: Option<PathBuf>,

    /// Directory of session files [default: ./sessions if there is one, else
    /// $XDG_DATA_HOME/dafo/sessions, that is ~/.local/share/dafo/sessions].
    #[arg(long, global = true, env = "DAFO_DIR")]
    pub dir: Option<PathBuf>,

    /// Language of the interface, the messages and the exports. Without it: the
    /// session's own language, then DAFO_LANG, then `lang` in config.ron, then the
    /// locale (LC_ALL, LC_MESSAGES, LANG), then es.
    #[arg(long, global = true, value_parser = choices::<Lang>())]
    pub lang: Option<Lang>,

    /// Colour theme: dark, light (high contrast, for bright rooms) or mono; `t` cycles it live. NO_COLOR forces mono.
    /// Without it: DAFO_THEME, then `theme` in config.ron (a value that names no theme is passed over and said).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,

    /// Key remapping file (default: $XDG_CONFIG_HOME/dafo/keys.ron); see docs/keys.md.
    #[arg(long, global = true, value_name = "FILE")]
    pub keys: Option<PathBuf>,

    /// Open the room at once: participants add items and vote from their phones
    /// on the local network (plain HTTP, LAN only); `O` opens it from the screen too.
    #[arg(long)]
    pub room: bool,

    /// Address the room listens on (default: this machine's LAN address); a free port is picked.
    #[arg(long, value_name = "ADDR")]
    pub room_bind: Option<std::net::IpAddr>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A subcommand's arguments, built only when that subcommand is the one given
/// (clap's `Command::defer`): `dafo FILE`, the way a workshop starts, never
/// builds the arguments of the twenty others.
#[derive(Debug)]
pub struct Lazy<T>(pub T);

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_args)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_args_for_update)
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session in the sessions directory and open it.
    New(Lazy<NewArgs>),
    /// Open an existing session file.
    Open(Lazy<OpenArgs>),
    /// Check that a session file reads; exit 0 if it does, 1 if not or while it holds merge conflicts (⚠).
    Check(Lazy<CheckArgs>),
    /// Print a session to stdout (text, Markdown, HTML, CSV, JSON, or Word docx into a pipe).
    Show(Lazy<ShowArgs>),
    /// Write a session to a file in another format (atomically).
    Export(Lazy<ExportArgs>),
    /// List the sessions of a directory, newest first.
    List(Lazy<ListArgs>),
    /// Compare two sessions: added, removed, reworded, moved, votes.
    Diff(Lazy<DiffArgs>),
    /// Build a session from a Markdown list or the CSV export.
    Import(Lazy<ImportArgs>),
    /// Merge group sessions into one diagnosis; print the merge report.
    ///
    /// Near-duplicate factors of a quadrant become one with every source and
    /// wording; possible pairs are kept apart and reported; the same item in
    /// two quadrants is kept in both and reported. The inputs are never written.
    Merge(Lazy<MergeArgs>),
    /// Git merge driver: three-way merge of a session by stable IDs (see docs/git.md).
    #[command(name = "merge-driver")]
    MergeDriver(Lazy<MergeDriverArgs>),
    /// Set up the git repository around the current directory to merge sessions with dafo.
    #[command(name = "git-setup")]
    GitSetup,
    /// Copy a session's summary to the clipboard: HTML for word processors and text (--format) for editors.
    Copy(Lazy<CopyArgs>),
    /// Record a year's review (seguimiento): degree 0-100 and status per action,
    /// notes, indicator values and the year's record. One step, saved atomically;
    /// any bad argument changes nothing.
    Review(Lazy<ReviewArgs>),
    /// Write the evaluation report (informe de seguimiento) of one year or of
    /// every year, from one session file or several years' files of one plan.
    Report(Lazy<ReportArgs>),
    /// Write a static site of the plan's progress into DIR, to put on any web
    /// host or open from disk: misión, visión, valores; the degree of
    /// implementation per year of the plan and each eje (charts and tables);
    /// ejes, líneas and actions with a search box; the data as CSV and JSON.
    /// Review notes, meeting records and participants stay out unless
    /// --include-internal. DIR must be new, empty or an earlier publish.
    Publish(Lazy<PublishArgs>),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(Lazy<CompletionsArgs>),
    /// Print the man page (roff) to stdout.
    Man,
    /// Print the effective keymap (defaults plus keys.ron), per context.
    Keys,
    /// Keeps clipboard content available after `dafo copy` returns (internal).
    #[command(name = "__hold-clipboard", hide = true)]
    HoldClipboard,
    /// Copy the sample sessions into the sessions directory (asking before
    /// replacing a different file of the same name) and open the browser on them.
    Demo,
    /// Bring back a session file damaged outside dafo from its newest good backup.
    ///
    /// The damaged file is kept as FILE.damaged-TIME; nothing is deleted.
    Recover(Lazy<RecoverArgs>),
    /// Test helper: save FILE over and over, printing each version saved.
    #[command(name = "__soak", hide = true)]
    Soak(Lazy<SoakArgs>),
}

/// A `--year` that is no year a session may have ([`Horizon::MIN_YEAR`] to
/// [`Horizon::MAX_YEAR`]), as typed: `cli_errors` says it in the session's words.
///
/// [`Horizon::MIN_YEAR`]: crate::domain::Horizon::MIN_YEAR
/// [`Horizon::MAX_YEAR`]: crate::domain::Horizon::MAX_YEAR
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a year of a session")]
pub struct YearRefused(pub String);

/// `--year`: a number, and a year a session may have. Not a number is the
/// [`std::num::ParseIntError`]; a number too large for any type, or outside
/// the years, is [`YearRefused`] (never clap's range of an `i16`).
fn year(text: &str) -> Result<i16, Box<dyn std::error::Error + Send + Sync>> {
    use crate::domain::Horizon;
    use std::num::IntErrorKind;
    let text = text.trim();
    let refused = || Box::new(YearRefused(text.to_owned()));
    match text.parse::<i64>() {
        Ok(n) => i16::try_from(n)
            .ok()
            .filter(|y| (Horizon::MIN_YEAR..=Horizon::MAX_YEAR).contains(y))
            .ok_or_else(|| refused() as Box<_>),
        Err(e) if matches!(e.kind(), IntErrorKind::PosOverflow | IntErrorKind::NegOverflow) => Err(refused()),
        Err(e) => Err(Box::new(e)),
    }
}

impl Cli {
    /// The command line `args` (the program's name first), with the settings
    /// clap reads from the environment: a variable set but empty
    /// (`export DAFO_DIR=`, a common way to unset one) is no setting, as
    /// DAFO_LANG, DAFO_THEME, NO_COLOR and XDG_CONFIG_HOME already are, not an
    /// empty `--dir`. (DAFO_THEME is read by `main`, not by clap: a wrong one is
    /// passed over and said, never blamed on `--theme`.)
    pub fn from_args(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
        use clap::CommandFactory as _;
        let mut cmd = Cli::command();
        for (arg, var) in [("dir", "DAFO_DIR")] {
            if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
                cmd = cmd.mut_arg(arg, |a| a.env(None));
            }
        }
        let mut matches = cmd.try_get_matches_from_mut(args)?;
        Cli::from_arg_matches_mut(&mut matches)
    }

    /// The sessions directory in force: `--dir` or `DAFO_DIR`, else `./sessions`
    /// when the current directory has one (a clone of the repository), else the
    /// user's data folder (see [`sessions_dir`]).
    pub fn sessions_dir(&self) -> PathBuf {
        sessions_dir(self.dir.as_deref(), std::path::Path::new("sessions").is_dir(), dirs::data_dir())
    }

    /// The file the TUI is to open (`dafo FILE`, `dafo open FILE`), found in the
    /// sessions directory when it is a bare name that is not here: `dafo new`
    /// makes its file there, and `dafo NAME.ron` reopens it from any folder.
    pub fn find_file_in_sessions_dir(&mut self) {
        let file = match &self.command {
            None => self.file.as_ref(),
            Some(Command::Open(Lazy(OpenArgs { file }))) => Some(file),
            _ => None,
        };
        let Some(found) = file.and_then(|file| in_sessions_dir(file, &self.sessions_dir())) else { return };
        match &mut self.command {
            Some(Command::Open(Lazy(OpenArgs { file }))) => *file = found,
            _ => self.file = Some(found),
        }
    }
}

/// `dir/file` when `file` is a bare file name with nothing of that name in the
/// current directory (not even a dangling link) and a file of that name in `dir`.
pub fn in_sessions_dir(file: &std::path::Path, dir: &std::path::Path) -> Option<PathBuf> {
    let mut parts = file.components();
    let bare = matches!((parts.next(), parts.next()), (Some(std::path::Component::Normal(_)), None));
    (bare && file.symlink_metadata().is_err()).then(|| dir.join(file)).filter(|found| found.is_file())
}

/// The sessions directory from what was given, whether `./sessions` exists, and the
/// user's data folder (`$XDG_DATA_HOME`, else `~/.local/share`); `sessions` when
/// there is no data folder either.
pub fn sessions_dir(given: Option<&std::path::Path>, local: bool, data: Option<PathBuf>) -> PathBuf {
    match (given, local, data) {
        (Some(dir), _, _) => dir.to_owned(),
        (None, false, Some(data)) => data.join("dafo").join("sessions"),
        _ => PathBuf::from("sessions"),
    }
}

// Each subcommand's arguments, taken in behind `Lazy`. Plain comments, not doc
// comments: clap would take a struct's doc comment for the subcommand's about,
// over the variant's.

// `dafo new`
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the session, in the workshop's own words, e.g. "Care plan 2026".
    pub title: String,
    /// Start from last year's session: its factors come along marked as
    /// carried over, to confirm or drop.
    #[arg(long, value_name = "OLD.ron")]
    pub from: Option<PathBuf>,
    /// The group whose session this is (técnicos, políticos, asociaciones…):
    /// the source of its factors when sessions are merged.
    #[arg(long)]
    pub group: Option<String>,
    /// Years the plan covers, e.g. 2023-2026 (or one year, 2025).
    #[arg(long, value_name = "YEARS")]
    pub horizon: Option<crate::domain::Horizon>,
}

// `dafo open`
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Session file (.ron); a bare name that is not in this folder is looked
    /// for in the sessions folder.
    pub file: PathBuf,
}

// `dafo check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Session file (.ron).
    pub file: PathBuf,
}

// `dafo show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Session file (.ron).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short, value_parser = choices::<Format>(), default_value = "txt")]
    pub format: Format,
}

// `dafo export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session file (.ron).
    pub file: PathBuf,
    /// Output format; by default taken from the extension of OUT.
    #[arg(long, short, value_parser = choices::<Format>())]
    pub format: Option<Format>,
    /// File to write.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// After the whole DAFO, one DAFO per área temática (md, html, docx, txt).
    #[arg(long)]
    pub by_theme: bool,
}

// `dafo list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Directory to list (default: --dir).
    #[arg(id = "list_dir", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

// `dafo diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier session (.ron).
    pub old: PathBuf,
    /// The later session (.ron).
    pub new: PathBuf,
    /// Output format.
    #[arg(long, short, value_parser = choices::<DiffFormat>(), default_value = "txt")]
    pub format: DiffFormat,
}

// `dafo import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .md file (lists under the four quadrant headings, e.g. Strengths, Weaknesses,
    /// Opportunities, Threats, in any language dafo speaks) or a .csv export; `-` reads
    /// standard input (with --format).
    pub file: PathBuf,
    /// Session file to write (default: a new file in --dir named after the title).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Title of the new session (default: the first heading, else the file name).
    #[arg(long)]
    pub title: Option<String>,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// Tag every imported factor with this source (e.g. encuesta).
    #[arg(long)]
    pub source: Option<String>,
    /// What FILE holds (default: from its extension); needed when FILE is `-`,
    /// standard input.
    #[arg(long, short, value_enum)]
    pub format: Option<ImportFormat>,
    /// Read FILE as a questionnaire's answers (CSV from LimeSurvey, Google Forms,
    /// Microsoft Forms…): each answer becomes a factor with the source
    /// "cuestionario"; what several people said becomes one factor with their
    /// count as votes. Needs --quadrant-column or --map.
    #[arg(long)]
    pub survey: bool,
    /// With --survey: the column whose values name the quadrant (fortaleza,
    /// debilidad, threat, amenaça…); the answer is in --text-column.
    #[arg(long, value_name = "COLUMN", requires = "survey", conflicts_with = "map")]
    pub quadrant_column: Option<String>,
    /// With --quadrant-column: the column of the answer (default: the next one).
    #[arg(long, value_name = "COLUMN", requires = "quadrant_column")]
    pub text_column: Option<String>,
    /// With --survey: a free-text column and its quadrant, "COLUMN=fortalezas";
    /// repeat it for each column. COLUMN may be part of the question.
    #[arg(long = "map", value_name = "COLUMN=QUADRANT", requires = "survey")]
    pub map: Vec<String>,
}

/// What `dafo import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// A Markdown list under quadrant headings, or a Markdown plan.
    Md,
    /// The CSV export.
    Csv,
}

// `dafo merge`
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Group sessions (.ron), two or more.
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// Session file to write.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: PathBuf,
    /// Title of the merged session (default: "Joint diagnosis", in the language in use).
    #[arg(long)]
    pub title: Option<String>,
    /// Also join the possible pairs (grey zone), not only near-duplicates.
    #[arg(long)]
    pub accept_similar: bool,
    /// Ask about each possible pair: in a terminal a review list (y merges, n keeps apart,
    /// u undoes the last answer, q finishes, Tab: the other wording stays); from a script, answers line by line on stdin
    /// (y or s joins, anything else keeps apart).
    #[arg(long, conflicts_with = "accept_similar")]
    pub review: bool,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// Format of the report.
    #[arg(long, short, value_parser = choices::<MergeReportFormat>(), default_value = "txt")]
    pub format: MergeReportFormat,
    /// Which wording a factor several groups said takes: `longest` (the most
    /// detailed, the default), `first` (the first file's group, as dafo did before
    /// this option) or a group's name (its wording when it said it, else the
    /// longest). Every wording stays in the factor's origins. In the review list
    /// (`--review` in a terminal) this is the wording offered first; Tab offers the other.
    #[arg(long, value_name = "longest|first|GROUP", default_value = "longest")]
    pub prefer: crate::merge::Prefer,
}

// `dafo merge-driver`
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// Common ancestor (%O).
    pub base: PathBuf,
    /// Our version (%A); the result is written here.
    pub ours: PathBuf,
    /// Their version (%B).
    pub theirs: PathBuf,
    /// The file's name in the repository (%P), for messages.
    pub name: Option<String>,
}

// `dafo copy`
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// Session file (.ron).
    pub file: PathBuf,
    /// The text flavour beside the HTML.
    #[arg(long, short, value_enum, default_value_t = CopyFormat::Md)]
    pub format: CopyFormat,
}

// `dafo review`
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Session file (.ron) with the plan.
    pub file: PathBuf,
    /// The year reviewed (within the plan's horizon).
    #[arg(long, value_parser = year)]
    pub year: i16,
    /// ID=DEGREE or ID=DEGREE:STATUS, e.g. C1=75 C2=100:hecha M1=0:descartada
    /// (statuses: pendiente, en curso, hecha, descartada; pending, in progress, done, dropped;
    /// pendent, en curs, feta, descartada).
    #[arg(value_name = "ID=DEGREE[:STATUS]")]
    pub assignments: Vec<String>,
    /// A note for an action's review: ID="texto". Repeatable.
    #[arg(long, value_name = "ID=TEXT")]
    pub note: Vec<String>,
    /// An indicator's actual value this year: I1=35, I2=12,5, I3=1.500 (fifteen hundred). Repeatable.
    #[arg(long, value_name = "ID=NUMBER")]
    pub value: Vec<String>,
    /// Money committed for an action this year: C1=1.500 (as the session's language
    /// writes amounts; empty clears it). Repeatable.
    #[arg(long, value_name = "ID=AMOUNT")]
    pub committed: Vec<String>,
    /// Money paid for an action this year: C1=1.200,50. Repeatable.
    #[arg(long, value_name = "ID=AMOUNT")]
    pub paid: Vec<String>,
    /// The committee or body that reviewed the plan.
    #[arg(long)]
    pub body: Option<String>,
    /// Date of the review meeting, as the session's language writes dates
    /// (31/12/2025 in Spanish and Catalan) or YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// A summary of the year.
    #[arg(long)]
    pub summary: Option<String>,
    /// A límite or problema emergente, added to the year's list. Repeatable.
    #[arg(long)]
    pub problem: Vec<String>,
    /// Write one spreadsheet per action owner (and one for actions without owner) into
    /// DIR for the year: each action with its last year's review and indicators, and
    /// columns to fill in (degree, status, note, indicator values). Owners fill them in
    /// and send them back for --from-sheets.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["assignments", "note", "value", "committed", "paid", "body", "date", "summary", "problem", "from_sheets"])]
    pub sheets: Option<PathBuf>,
    /// The format of --sheets: xlsx (protected, with drop-downs) or csv.
    #[arg(long, value_enum, default_value_t = crate::commands::sheets::SheetFormat::Xlsx, requires = "sheets")]
    pub sheets_format: crate::commands::sheets::SheetFormat,
    /// With --sheets: replace sheets already in DIR.
    #[arg(long, requires = "sheets")]
    pub force: bool,
    /// Read owners' answers back from sheets (.xlsx, or .csv with `,` or `;`), given as
    /// files or folders: shows what would change per action and asks before recording
    /// it. Any refused row (unknown ID, degree outside 0-100, a status or number not in
    /// the session's language) changes nothing unless --partial. An answer for an action
    /// changed in the session since its sheet was written is a conflict, not applied
    /// unless --force-stale; importing the same answers again changes nothing.
    #[arg(long, value_name = "DIR|FILE", num_args = 1.., conflicts_with_all = ["assignments", "note", "value", "committed", "paid", "body", "date", "summary", "problem"])]
    pub from_sheets: Vec<PathBuf>,
    /// With --from-sheets: record without asking.
    #[arg(long, short = 'y', requires = "from_sheets")]
    pub yes: bool,
    /// With --from-sheets: record the rows that read and list the ones skipped.
    #[arg(long, requires = "from_sheets")]
    pub partial: bool,
    /// With --from-sheets: record answers even for actions changed since their sheet was written.
    #[arg(long, requires = "from_sheets")]
    pub force_stale: bool,
}

// `dafo report`
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Session files (.ron) of one plan; joined by action ID, the newer file
    /// winning where two disagree (listed under Discrepancias).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The year to report on (default: the last year reviewed).
    #[arg(long, conflicts_with = "all", value_parser = year)]
    pub year: Option<i16>,
    /// Every year reviewed.
    #[arg(long)]
    pub all: bool,
    /// Output format; by default taken from the extension of OUT, else txt.
    #[arg(long, short, value_parser = choices::<ReportFormat>())]
    pub format: Option<ReportFormat>,
    /// File to write (default: stdout).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

// `dafo publish`
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Session file (.ron) of the plan.
    pub file: PathBuf,
    /// Folder to write the site into (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
    /// Also publish review notes, each year's meeting record and the participants.
    #[arg(long)]
    pub include_internal: bool,
}

// `dafo completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to complete for.
    pub shell: clap_complete::Shell,
}

// `dafo recover`
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Session file (.ron).
    pub file: PathBuf,
}

// `dafo __soak`
#[derive(Debug, Args)]
pub struct SoakArgs {
    pub file: PathBuf,
    /// Number of saves.
    pub count: u64,
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clap::CommandFactory;

    use super::*;

    #[test]
    fn a_bare_name_missing_here_is_found_in_the_sessions_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("sessions");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("plan-de-cuidados-2026.ron"), "").unwrap();
        let found = in_sessions_dir(Path::new("plan-de-cuidados-2026.ron"), &dir);
        assert_eq!(found, Some(dir.join("plan-de-cuidados-2026.ron")));
        // Not in the sessions folder either, or a path rather than a bare name: as typed.
        assert_eq!(in_sessions_dir(Path::new("otro.ron"), &dir), None);
        assert_eq!(in_sessions_dir(Path::new("./plan-de-cuidados-2026.ron"), &dir), None);
        assert_eq!(in_sessions_dir(Path::new("x/plan-de-cuidados-2026.ron"), &dir), None);
        // A name that is here (this crate's Cargo.toml: tests run in its folder) stays here.
        std::fs::write(dir.join("Cargo.toml"), "").unwrap();
        assert_eq!(in_sessions_dir(Path::new("Cargo.toml"), &dir), None);
    }

    #[test]
    fn the_command_line_passes_clap_checks_with_every_subcommand_built() {
        Cli::command().debug_assert();
    }

    #[test]
    fn opening_a_file_builds_no_subcommand_arguments_and_a_subcommand_builds_its_own() {
        let mut cmd = Cli::command();
        cmd.try_get_matches_from_mut(["dafo", "s.ron"]).unwrap();
        let export = cmd.find_subcommand("export").unwrap();
        assert!(export.get_arguments().all(|a| a.get_id() != "output"), "export's arguments were built");

        let cli = Cli::try_parse_from(["dafo", "export", "s.ron", "-o", "x.md", "--dir", "d"]).unwrap();
        assert_eq!(cli.dir.as_deref(), Some(Path::new("d")));
        let Some(Command::Export(Lazy(args))) = cli.command else { panic!("not export") };
        assert_eq!(
            (args.file.as_path(), args.output.as_path(), args.force),
            (Path::new("s.ron"), Path::new("x.md"), false)
        );
    }

    #[test]
    fn list_takes_its_directory_as_an_argument_or_from_dir() {
        let cli = Cli::try_parse_from(["dafo", "list", "old"]).unwrap();
        let Some(Command::List(Lazy(args))) = cli.command else { panic!("not list") };
        assert_eq!(args.dir.as_deref(), Some(Path::new("old")));
        let cli = Cli::try_parse_from(["dafo", "list", "--dir", "d"]).unwrap();
        assert_eq!(cli.dir.as_deref(), Some(Path::new("d")));
    }

    #[test]
    fn sessions_live_where_given_else_in_a_local_sessions_folder_else_in_the_data_folder() {
        let data = || Some(PathBuf::from("/home/ana/.local/share"));
        assert_eq!(sessions_dir(Some(Path::new("d")), true, data()), Path::new("d"));
        assert_eq!(sessions_dir(None, true, data()), Path::new("sessions"));
        assert_eq!(sessions_dir(None, false, data()), Path::new("/home/ana/.local/share/dafo/sessions"));
        assert_eq!(sessions_dir(None, false, None), Path::new("sessions"));
    }
}
