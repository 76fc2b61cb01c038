//! The command line's own errors pass the scan of `i18n::error_scan_tests`: one
//! value of every variant, said in Spanish and Catalan, with no English words.

use std::path::PathBuf;

use super::CommandError;
use crate::i18n::error_scan_tests::{Case, assert_localized, case, failed_writes, import_errors, io_values};

fn io() -> Vec<std::io::Error> {
    [libc::ENOENT, libc::EACCES, libc::ENOSPC, libc::EROFS, libc::EIO]
        .into_iter()
        .map(std::io::Error::from_raw_os_error)
        .collect()
}

#[test]
fn no_english_command_error_reaches_a_spanish_or_catalan_user() {
    let path = || PathBuf::from("taller.ron");
    let mut all: Vec<CommandError> = vec![
        CommandError::Load(crate::storage::load(&PathBuf::from("/nonexistent/taller.ron")).unwrap_err()),
        CommandError::Exists { path: path() },
        CommandError::UnknownFormat { path: path() },
        CommandError::Copy("Zzyzx".into()),
        CommandError::Review("Zzyzx".into()),
        CommandError::Binary("Zzyzx".into()),
        CommandError::Survey("Zzyzx".into()),
        CommandError::StdinNeedsFormat,
    ];

    all.extend(import_errors().into_iter().map(CommandError::Import));
    all.extend(io().into_iter().chain(failed_writes()).map(|source| CommandError::Write { path: path(), source }));
    all.extend(io().into_iter().map(|source| CommandError::ReadDir { path: path(), source }));
    all.extend(io().into_iter().map(CommandError::Stdout));
    for e in &all {
        match e {
            CommandError::Load(_)
            | CommandError::Import(_)
            | CommandError::Exists { .. }
            | CommandError::Write { .. }
            | CommandError::ReadDir { .. }
            | CommandError::UnknownFormat { .. }
            | CommandError::Stdout(_)
            | CommandError::Copy(_)
            | CommandError::Review(_)
            | CommandError::Binary(_)
            | CommandError::Survey(_)
            | CommandError::StdinNeedsFormat
            | CommandError::InLanguage { .. } => {}
        }
    }
    let mut cases: Vec<Case> = all.into_iter().map(|e| case(e, CommandError::message)).collect();
    // An error in a file's language is said in that language, whatever the command speaks.
    let spoken = |lang| CommandError::InLanguage { lang, error: Box::new(CommandError::StdinNeedsFormat) };
    cases.push(Case {
        name: "InLanguage".into(),
        english: CommandError::StdinNeedsFormat.to_string(),
        said: Box::new(move |lang| spoken(lang).message(crate::i18n::Lang::En)),
    });
    let mut values = io_values();
    values.push("/nonexistent/taller.ron".into());
    assert_localized(&cases, &values);
}
