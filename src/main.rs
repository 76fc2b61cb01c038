//! Entry point: parse the command line and run the chosen command.

use std::process::ExitCode;

use clap::Parser;
use dafo::cli::{Cli, Command};
use dafo::commands::{self, finish};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dafo: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> color_eyre::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { file }) => Ok(match dafo::storage::load(&file) {
            Ok(s) => {
                let [f, d, o, a] = s.counts();
                println!("{}: ok ({f} F, {d} D, {o} O, {a} A)", file.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dafo: {e}");
                ExitCode::FAILURE
            }
        }),
        Some(Command::Show { file, format }) => Ok(finish(commands::show::show(&file, format, cli.lang))),
        Some(Command::Export { file, format, output, force }) => {
            Ok(finish(commands::show::export(&file, format, &output, force, cli.lang)))
        }
        Some(Command::List { dir, json }) => Ok(finish(commands::list::run(dir.as_ref().unwrap_or(&cli.dir), json))),
        Some(Command::Diff { old, new, format }) => Ok(finish(commands::diff::run(&old, &new, format, cli.lang))),
        Some(Command::Import { file, output, title, force }) => {
            Ok(finish(commands::import::run(&file, output.as_deref(), title.as_deref(), force, &cli.dir)))
        }
        Some(Command::Copy { file, format }) => Ok(finish(commands::copy::run(&file, format, cli.lang))),
        Some(Command::Completions { shell }) => Ok(finish(commands::meta::completions(shell))),
        Some(Command::Man) => Ok(finish(commands::meta::man())),
        Some(Command::HoldClipboard) => Ok(commands::copy::hold()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
