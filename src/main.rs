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
        Some(Command::Check { file }) => Ok(check(&file, lang)),
        Some(Command::Open { file }) => open(&file, lang, look),
        Some(Command::New { title, from, group }) => {
            let now = jiff::Timestamp::now();
            let mut session = match from {
                Some(old) => commands::carry_over(&storage::load(&old).map_err(|e| e.to_string())?, &title, now),
                None => Session::new(&title, now),
            };
            session.meta.group = group.as_deref().and_then(dafo::domain::sources::source_name);
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
        Some(Command::Import { file, output, title, force, source }) => Ok(finish(commands::import::run(
            &file,
            output.as_deref(),
            title.as_deref(),
            force,
            &cli.dir,
            source.as_deref(),
        ))),
        Some(Command::Merge { files, output, title, accept_similar, review, force, format }) => {
            let args = commands::merge::MergeArgs { files, output, title, accept_similar, review, force, format };
            Ok(finish(commands::merge::run(&args, lang)))
        }
        Some(Command::MergeDriver { base, ours, theirs, name }) => {
            Ok(commands::merge::driver(&base, &ours, &theirs, name.as_deref(), lang))
        }
        Some(Command::GitSetup) => Ok(finish(commands::git_setup::run(Path::new("."), lang))),
        Some(Command::Copy { file, format }) => Ok(finish(commands::copy::run(&file, format, lang))),
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

fn check(file: &Path, lang: Lang) -> ExitCode {
    match storage::load(file) {
        Ok(s) => {
            let [f, d, o, a] = s.counts();
            let conflicts = s.conflicts();
            if conflicts.is_empty() {
                println!("{}: ok ({f} F, {d} D, {o} O, {a} A)", file.display());
                return ExitCode::SUCCESS;
            }
            println!(
                "{}: {} ({f} F, {d} D, {o} O, {a} A)",
                file.display(),
                dafo::merge::check_line(lang, conflicts.len())
            );
            for c in &conflicts {
                println!("  {}", dafo::merge::conflict_line(lang, c));
            }
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("dafo: {e}");
            ExitCode::FAILURE
        }
    }
}
