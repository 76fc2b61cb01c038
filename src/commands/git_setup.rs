//! `dafo git-setup`: makes git merge session files with `dafo merge-driver`.
//! Adds `*.ron merge=dafo` to the repository's `.gitattributes` and sets
//! `merge.dafo.driver` (and its name) in the repository's config; prints what
//! changed. Running it again changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use super::{CommandError, print_text};
use crate::i18n::Lang;

/// The attributes line.
pub const ATTRIBUTE: &str = "*.ron merge=dafo";
/// The driver command git runs.
pub const DRIVER: &str = "dafo merge-driver %O %A %B %P";
const NAME: &str = "dafo: sesiones DAFO fusionadas por ID";

fn git(dir: &Path, args: &[&str]) -> Result<String, CommandError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| CommandError::Copy(format!("git: {e}")))?;
    if !out.status.success() && out.status.code() != Some(1) {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        return Err(CommandError::Copy(format!("{}: not inside a git repository ({err})", dir.display())));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Sets up the repository that contains `dir`.
pub fn run(dir: &Path, lang: Lang) -> Result<ExitCode, CommandError> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    if top.as_os_str().is_empty() {
        return Err(CommandError::Copy(format!("{}: not inside a git repository", dir.display())));
    }
    let w = lang.text().merge;
    let mut said = Vec::new();
    let attributes = top.join(".gitattributes");
    let old = match std::fs::read_to_string(&attributes) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(CommandError::Write { path: attributes, source }),
    };
    if old.lines().any(|l| l.split_whitespace().eq(ATTRIBUTE.split_whitespace())) {
        said.push(format!("{}: {} «{ATTRIBUTE}»", attributes.display(), w.already_has));
    } else {
        let mut text = old.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTE);
        text.push('\n');
        crate::storage::write_atomic(&attributes, text.as_bytes())
            .map_err(|source| CommandError::Write { path: attributes.clone(), source })?;
        said.push(format!("{}: {} «{ATTRIBUTE}»", attributes.display(), w.added));
    }
    for (key, value) in [("merge.dafo.name", NAME), ("merge.dafo.driver", DRIVER)] {
        let current = git(&top, &["config", "--local", "--get", key])?;
        if current == value {
            said.push(format!("git config {key}: {} «{value}»", w.already_is));
        } else {
            git(&top, &["config", "--local", key, value])?;
            let before = w.was;
            let was = if current.is_empty() { String::new() } else { format!(" ({before} «{current}»)") };
            said.push(format!("git config {key} = «{value}»{was}"));
        }
    }
    let mut text = said.join("\n");
    text.push('\n');
    // The repository's path can hold anything: cleaned on its way to the terminal.
    print_text(&text)?;
    Ok(ExitCode::SUCCESS)
}
