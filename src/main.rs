//! Entry point: parse the command line and run the chosen command.

use std::process::ExitCode;

use clap::Parser;
use dafo::cli::{Cli, Command};

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
        Some(Command::Recover { file }) => dafo::storage::commands::recover(&file),
        Some(Command::Soak { file, count }) => dafo::storage::commands::soak(&file, count),
        _ => Ok(ExitCode::SUCCESS),
    }
}
