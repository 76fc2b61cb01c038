//! `dafo git-setup`: makes git merge session files with `dafo merge-driver`.
//! Adds `*.ron merge=dafo` to the repository's `.gitattributes`, `.dafo-backups/`
//! to its `.gitignore` (backups are not history), and sets `merge.dafo.driver`
//! (and its name) in the repository's config; prints what changed and warns
//! when `dafo` is not on PATH (git calls the driver by name). Running it again
//! changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use super::{CommandError, print_text};
use crate::i18n::Lang;

/// The attributes line.
pub const ATTRIBUTE: &str = "*.ron merge=dafo";
/// The ignore line: the editor's backups beside each session.
pub const IGNORE: &str = ".dafo-backups/";
/// The driver command git runs.
pub const DRIVER: &str = "dafo merge-driver %O %A %B %P";
const NAME: &str = "dafo: sesiones DAFO fusionadas por ID";

fn git(dir: &Path, args: &[&str], lang: Lang) -> Result<String, CommandError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| CommandError::Copy(format!("git: {}", crate::i18n::os_error(&e, lang))))?;
    if !out.status.success() && out.status.code() != Some(1) {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        let not_in_git = lang.text().errors.not_in_git;
        return Err(CommandError::Copy(format!("{}: {not_in_git} ({err})", dir.display())));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Sets up the repository that contains `dir`.
pub fn run(dir: &Path, lang: Lang) -> Result<ExitCode, CommandError> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"], lang)?);
    if top.as_os_str().is_empty() {
        return Err(CommandError::Copy(format!("{}: {}", dir.display(), lang.text().errors.not_in_git)));
    }
    let w = lang.text().merge;
    let mut said = Vec::new();
    for (file, line) in [(".gitattributes", ATTRIBUTE), (".gitignore", IGNORE)] {
        said.push(add_line(&top.join(file), line, lang)?);
    }
    for (key, value) in [("merge.dafo.name", NAME), ("merge.dafo.driver", DRIVER)] {
        let current = git(&top, &["config", "--local", "--get", key], lang)?;
        if current == value {
            said.push(format!("git config {key}: {} «{value}»", w.already_is));
        } else {
            git(&top, &["config", "--local", key, value], lang)?;
            let before = w.was;
            let was = if current.is_empty() { String::new() } else { format!(" ({before} «{current}»)") };
            said.push(format!("git config {key} = «{value}»{was}"));
        }
    }
    let mut text = said.join("\n");
    text.push('\n');
    // The repository's path can hold anything: cleaned on its way to the terminal.
    print_text(&text)?;
    if !on_path("dafo") {
        eprintln!("dafo: {}", w.not_on_path);
    }
    Ok(ExitCode::SUCCESS)
}

/// Adds `line` to `file` unless a line already says it; what was done, for the report.
fn add_line(file: &Path, line: &str, lang: Lang) -> Result<String, CommandError> {
    let w = lang.text().merge;
    let shown = crate::domain::text::display_safe(&file.display().to_string()).into_owned();
    let old = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(CommandError::Write { path: file.to_owned(), source }),
    };
    if old.lines().any(|l| l.split_whitespace().eq(line.split_whitespace())) {
        return Ok(format!("{shown}: {} «{line}»", w.already_has));
    }
    // Another merge driver named for the same files before: dafo's line, added
    // last, is the one git uses; said (it was replaced without a word).
    let pattern = line.split_whitespace().next().unwrap_or_default();
    let replaced = old
        .lines()
        .rfind(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some(pattern) && words.any(|a| a.starts_with("merge=") || a == "-merge" || a == "!merge")
        })
        .map(|l| format!(" {}", (w.replaces_driver)(&crate::domain::text::display_safe(l.trim()))));
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    crate::storage::write_atomic(file, text.as_bytes())
        .map_err(|source| CommandError::Write { path: file.to_owned(), source })?;
    Ok(format!("{shown}: {} «{line}»{}", w.added, replaced.unwrap_or_default()))
}

/// Whether an executable `name` is in one of PATH's folders, as git's shell looks for it.
fn on_path(name: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else { return false };
    std::env::split_paths(&path).any(|dir| {
        let file = dir.join(name);
        std::fs::metadata(&file).is_ok_and(|m| m.is_file() && executable(&m))
    })
}

#[cfg(unix)]
fn executable(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn executable(_: &std::fs::Metadata) -> bool {
    true
}
