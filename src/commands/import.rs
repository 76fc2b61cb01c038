//! `dafo import FILE.md|FILE.csv`: a new session file from a Markdown list or a CSV export.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use crate::export::import::{build, read};
use crate::storage::{new_session_path, to_ron};

use super::{CommandError, write_new};

/// Imports `file` into `output`, or into a new file of `dir` named after the title.
pub fn run(
    file: &Path,
    output: Option<&Path>,
    title: Option<&str>,
    force: bool,
    dir: &Path,
    source: Option<&str>,
) -> Result<ExitCode, CommandError> {
    let imported = read(file)?;
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let title = title.map(str::to_owned).or_else(|| imported.title.clone()).unwrap_or(stem);
    let mut session = build(imported, &title, Timestamp::now());
    if let Some(source) = source.and_then(crate::domain::sources::source_name) {
        crate::domain::sources::tag_all(&mut session, &source);
    }
    let path = match output {
        Some(p) => p.to_owned(),
        None => {
            std::fs::create_dir_all(dir).map_err(|source| CommandError::Write { path: dir.to_owned(), source })?;
            new_session_path(dir, &session.meta.title)
        }
    };
    write_new(&path, to_ron(&session).as_bytes(), force)?;
    let [f, d, o, a] = session.counts();
    let actions = session.all_actions().count();
    let strategies = session.strategies.len();
    eprintln!("{}: imported ({f} F, {d} D, {o} O, {a} A; {actions} actions, {strategies} strategies)", path.display());
    Ok(ExitCode::SUCCESS)
}
