//! Entry point: parse the command line and run the chosen command.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use dafo::app::{self, App};
use dafo::cli::{Cli, Command};
use dafo::commands::{self, finish};
use dafo::domain::Session;
use dafo::i18n::Lang;
use dafo::storage;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = color_eyre::install() {
        eprintln!("dafo: {e}");
    }
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dafo: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let lang = cli.lang;
    let look = app::room::Look::from_env(cli.theme);
    match cli.command {
        Some(Command::Check { file }) => Ok(check(&file)),
        Some(Command::Open { file }) => open(&file, lang, look),
        Some(Command::New { title, from, horizon }) => {
            let now = jiff::Timestamp::now();
            let mut session = match from {
                Some(old) => commands::carry_over(&storage::load(&old).map_err(|e| e.to_string())?, &title, now),
                None => Session::new(&title, now),
            };
            session.meta.horizon = horizon.or(session.meta.horizon);
            let editor = app::create_session(&cli.dir, session, lang)?;
            let path = editor.path.clone();
            tui(App::editor(editor, lang), look)?;
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { file, format }) => Ok(finish(commands::show::show(&file, format, lang))),
        Some(Command::Export { file, format, output, force }) => {
            Ok(finish(commands::show::export(&file, format, &output, force, lang)))
        }
        Some(Command::List { dir, json }) => Ok(finish(commands::list::run(dir.as_ref().unwrap_or(&cli.dir), json))),
        Some(Command::Diff { old, new, format }) => Ok(finish(commands::diff::run(&old, &new, format, lang))),
        Some(Command::Import { file, output, title, force }) => {
            Ok(finish(commands::import::run(&file, output.as_deref(), title.as_deref(), force, &cli.dir)))
        }
        Some(Command::Copy { file, format }) => Ok(finish(commands::copy::run(&file, format, lang))),
        Some(Command::Review { file, year, assignments, note, value, body, date, summary, problem }) => {
            let args = commands::review::ReviewArgs {
                year,
                assignments,
                notes: note,
                values: value,
                body,
                date,
                summary,
                problems: problem,
            };
            Ok(finish(commands::review::run(&file, &args, lang)))
        }
        Some(Command::Report { files, year, all, format, output, force }) => {
            let years = commands::report::Years::pick(year, all);
            Ok(finish(commands::report::run(&files, years, format, output.as_deref(), force, lang)))
        }
        Some(Command::Completions { shell }) => Ok(finish(commands::meta::completions(shell))),
        Some(Command::Man) => Ok(finish(commands::meta::man())),
        Some(Command::HoldClipboard) => Ok(commands::copy::hold()),
        Some(Command::Recover { file }) => storage::commands::recover(&file).map_err(|e| e.to_string()),
        Some(Command::Soak { file, count }) => storage::commands::soak(&file, count).map_err(|e| e.to_string()),
        None => match cli.file {
            Some(file) => open(&file, lang, look),
            None => {
                tui(App::browser(&cli.dir, lang), look)?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

/// Opens a session file; one that does not parse opens nothing and is not touched.
fn open(file: &Path, lang: Lang, look: app::room::Look) -> Result<ExitCode, String> {
    let app = App::open(file, lang).map_err(|e| match e {
        // A file that no longer reads may have a good backup.
        storage::LoadError::Parse { .. } => {
            format!(
                "{e}\n  If it was damaged outside dafo, `dafo recover {}` brings back the newest good backup.",
                file.display()
            )
        }
        other => other.to_string(),
    })?;
    tui(app, look)?;
    Ok(ExitCode::SUCCESS)
}

fn tui(mut app: App, look: app::room::Look) -> Result<(), String> {
    app.look = look;
    dafo::tui::run(app).map_err(|e| format!("terminal: {e}"))
}

fn check(file: &Path) -> ExitCode {
    match storage::load(file) {
        Ok(s) => {
            let [f, d, o, a] = s.counts();
            println!("{}: ok ({f} F, {d} D, {o} O, {a} A)", file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dafo: {e}");
            ExitCode::FAILURE
        }
    }
}
