//! `dafo publish FILE -o DIR [--include-internal]`: writes the plan's public
//! progress site into DIR. DIR is new, empty, or an earlier publish (it holds
//! the marker file); nothing is written through a link, and each file is
//! replaced atomically, the marker first, so a run cut short leaves a folder
//! the next run still recognises.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::domain::Session;
use crate::export::publish::{MARKER, site};
use crate::i18n::Lang;
use crate::storage;

use super::CommandError;

/// Refused: `path` is a link or not what it should be.
fn not_plain(path: &Path, lang: Lang) -> CommandError {
    CommandError::Review((lang.text().publish.not_plain)(&path.display().to_string()))
}

/// Makes sure `dir` may take the site: creates it when it is not there.
fn check_dir(dir: &Path, lang: Lang) -> Result<(), CommandError> {
    let meta = match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return std::fs::create_dir_all(dir).map_err(|source| CommandError::Write { path: dir.to_owned(), source });
        }
        Err(source) => return Err(CommandError::ReadDir { path: dir.to_owned(), source }),
        Ok(meta) => meta,
    };
    // A link (to a folder or not) is never written through; anything else that is
    // no folder (a file, a FIFO) is said as such.
    if meta.is_symlink() {
        return Err(not_plain(dir, lang));
    }
    if !meta.is_dir() {
        return Err(CommandError::Review((lang.text().publish.not_a_folder)(&dir.display().to_string())));
    }
    let mut entries =
        std::fs::read_dir(dir).map_err(|source| CommandError::ReadDir { path: dir.to_owned(), source })?;
    if entries.next().is_none() {
        return Ok(());
    }
    let marker = dir.join(MARKER);
    match std::fs::symlink_metadata(&marker) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(not_plain(&marker, lang)),
        Err(_) => Err(CommandError::Review((lang.text().publish.not_ours)(&dir.display().to_string(), MARKER))),
    }
}

/// Runs `dafo publish`: prints the path of the site's first page.
pub fn run(
    file: &Path,
    read: Result<Session, storage::LoadError>,
    dir: &Path,
    internal: bool,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    let session = read?;
    check_dir(dir, lang)?;
    let mut files = site(&session, lang, crate::clock::today(), internal);
    // The marker first: a run cut short leaves a folder the next run may write into.
    files.sort_by_key(|f| f.name != MARKER);
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(f.name)).collect();
    // Every name checked before anything is written: no link followed, no folder replaced, never the input.
    for path in &paths {
        if let Ok(m) = std::fs::symlink_metadata(path)
            && !m.is_file()
        {
            return Err(not_plain(path, lang));
        }
        super::refuse_input_as_output(path, &[file], lang)?;
    }
    for (f, path) in files.iter().zip(&paths) {
        storage::write_atomic(path, &f.bytes).map_err(|source| CommandError::Write { path: path.clone(), source })?;
    }
    super::print(&format!("{}\n", crate::export::safe(&dir.join("index.html").display().to_string())))?;
    Ok(ExitCode::SUCCESS)
}
