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
    // Before anything is created: without a terminal the TUI could not start.
    if matches!(cli.command, None | Some(Command::Open { .. } | Command::New { .. }))
        && let Err(no_terminal) = need_terminal(lang)
    {
        // A file that does not read says so first (file:line:column): the more useful error.
        let file = match &cli.command {
            Some(Command::Open { file }) => Some(file),
            _ => cli.file.as_ref(),
        };
        if let Some(file) = file {
            storage::load(file).map_err(|e| e.to_string())?;
        }
        return Err(no_terminal);
    }
    match cli.command {
        Some(Command::Check { file }) => Ok(check(&file)),
        Some(Command::Open { file }) => open(&file, lang, look),
        Some(Command::New { title, from }) => {
            let now = jiff::Timestamp::now();
            let session = match from {
                Some(old) => commands::carry_over(&storage::load(&old).map_err(|e| e.to_string())?, &title, now),
                None => Session::new(&title, now),
            };
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

/// The TUI reads keys from stdin and draws on stdout: both must be a terminal. In a
/// pipe or a script it stops here, before it writes anything, with a clear error.
fn need_terminal(lang: Lang) -> Result<(), String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(lang
        .pick(
            "este comando abre la pantalla de dafo y necesita un terminal, pero la entrada o la salida no lo es \
             (¿una tubería o un script?). No se ha escrito nada. Sin terminal sirven `dafo show`, `export`, \
             `import`, `list` y `check`.",
            "this command opens dafo's screen and needs a terminal, but its input or output is not one \
             (a pipe or a script?). Nothing was written. Without a terminal, use `dafo show`, `export`, \
             `import`, `list` and `check`.",
        )
        .to_owned())
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
