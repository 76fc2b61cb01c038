//! Entry point: parse the command line and run the chosen command.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use dafo::app::{self, App};
use dafo::cli::{Cli, Command};
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
    match cli.command {
        Some(Command::Check { file }) => Ok(check(&file)),
        Some(Command::Open { file }) => open(&file, lang),
        Some(Command::New { title }) => {
            let editor = app::create_session(&cli.dir, &title, lang)?;
            let path = editor.path.clone();
            let app = App::editor(editor.doc.session, path.clone(), lang);
            tui(app)?;
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        None => match cli.file {
            Some(file) => open(&file, lang),
            None => {
                tui(App::browser(&cli.dir, lang))?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

/// Opens a session file; one that does not parse opens nothing and is not touched.
fn open(file: &Path, lang: Lang) -> Result<ExitCode, String> {
    let session = storage::load(file).map_err(|e| e.to_string())?;
    tui(App::editor(session, file.to_owned(), lang))?;
    Ok(ExitCode::SUCCESS)
}

fn tui(app: App) -> Result<(), String> {
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
