//! `dafo import FILE.md|FILE.csv`: a new session file from a Markdown list, a
//! Markdown plan (misión, ejes y líneas, plan de acción…) or a CSV export.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use crate::export::import::{ImportError, build, read};
use crate::export::plan_import;
use crate::storage::{new_session_path, to_ron};

use super::{CommandError, write_new};

/// Imports `file` into `output`, or into a new file of `dir` named after the title.
pub fn run(
    file: &Path,
    output: Option<&Path>,
    title: Option<&str>,
    force: bool,
    dir: &Path,
) -> Result<ExitCode, CommandError> {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let session = match plan_text(file)? {
        Some(text) => plan_import::import(&text, file, title, &stem, Timestamp::now())?,
        None => {
            let imported = read(file)?;
            let title = title.map(str::to_owned).or_else(|| imported.title.clone()).unwrap_or(stem);
            build(imported, &title, Timestamp::now())
        }
    };
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
    let plan = if session.has_plan() {
        format!(
            "; {} ejes, {} líneas, {} retos, {} indicators",
            session.axes.len(),
            session.lines.len(),
            session.challenges.len(),
            session.indicators.len()
        )
    } else {
        String::new()
    };
    eprintln!(
        "{}: imported ({f} F, {d} D, {o} O, {a} A; {actions} actions, {strategies} strategies{plan})",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The text of a Markdown file that holds a plan (misión, ejes…), else `None`.
fn plan_text(file: &Path) -> Result<Option<String>, CommandError> {
    let ext = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    if !matches!(ext.as_str(), "md" | "markdown") {
        return Ok(None);
    }
    let text = std::fs::read_to_string(file).map_err(|source| ImportError::Io { path: file.to_owned(), source })?;
    Ok(plan_import::is_plan(&text).then_some(text))
}
