//! The storage commands of the CLI: `dafo recover FILE` and the hidden `dafo __soak`
//! used by the crash test.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;
use thiserror::Error;

use crate::domain::text::display_safe_lines;
use crate::domain::{Quadrant, Session};

use super::backup::{Recovery, recover as restore};
use super::disk::load_session;
use super::format::LoadError;
use super::lock::{LockError, SessionLock};
use super::save::{SaveError, save_session};

/// Why a storage command stopped; `main` prints it after `dafo: `.
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes `bytes` to stdout. A closed pipe (`dafo keys | head -1`) is not an error:
/// whoever reads has stopped reading, and the command ends as it would have.
pub fn print_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

/// `dafo recover FILE`: restores FILE from its newest backup that reads, if FILE does
/// not; then brings back the changes a journal beside it holds (as opening does).
///
/// It speaks the session's language: `speak` gives the language in force for the
/// session's language tag, if one can be known (`--lang` first, then the tag,
/// then the rest of [`crate::i18n::resolve`]'s order). The tag is the restored
/// backup's, else the file's own: read from `meta` even when the file is
/// damaged (see [`super::language_of`]).
pub fn recover(file: &Path, speak: impl Fn(Option<&str>) -> crate::i18n::Lang) -> Result<ExitCode, CommandError> {
    // Every line names a file: clean it of control characters and escape sequences.
    let clean = |text: String| display_safe_lines(&text);
    // Through a symlink: restore the target and keep the link, as saving does.
    let resolved = super::file::resolve_link(file);
    let file = resolved.as_path();
    // Only a regular file of a session's size is read for it (a FIFO never blocks here).
    let named = super::language_in_file(file);
    let lang = speak(named.as_deref());
    let w = lang.text().errors;
    let _lock = match SessionLock::acquire(file) {
        Ok(lock) => lock,
        Err(e) => {
            // Only a lock another dafo holds is closed there; the rest say what to do themselves.
            let then = if matches!(e, LockError::Held { .. }) {
                format!("\n{}", w.recover_close_first)
            } else {
                String::new()
            };
            eprintln!("dafo: {}{then}", clean(e.message(lang)));
            return Ok(ExitCode::FAILURE);
        }
    };
    let said = match restore(file) {
        Ok(Recovery::NotNeeded) => match replay_journal(file, lang) {
            Some(said) => format!("{}: {}\n", clean(file.display().to_string()), clean(said)),
            None => format!("{}: {}\n", clean(file.display().to_string()), w.recover_reads_fine),
        },
        Ok(Recovery::Restored { from, damaged, error, language }) => {
            let lang = speak(Some(&language));
            let w = lang.text().errors;
            let mut said = format!("{}\n", clean(error.message(lang)));
            if let Some(damaged) = damaged {
                said += &format!("{}\n", clean((w.recover_damaged_kept)(&damaged.display().to_string())));
            }
            said + &format!(
                "{}\n",
                clean((w.recover_restored)(&file.display().to_string(), &from.display().to_string()))
            )
        }
        Err(e) => {
            eprintln!("dafo: {}", clean(e.message(lang)));
            return Ok(ExitCode::FAILURE);
        }
    };
    print_bytes(said.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Replays the journal of `file` (which reads) into it, as opening does, and says
/// what came of it; `None` when there is no journal. Call it holding the lock.
fn replay_journal(file: &Path, lang: crate::i18n::Lang) -> Option<String> {
    use super::journal::{Replay, Unfit};
    if !super::journal::enabled() {
        return None;
    }
    let mut loaded = load_session(file).ok()?;
    let ui = &lang.text().ui;
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Some(match super::file::replay_journal(file, &mut loaded)? {
        Replay::Newer(_, n) => (lang.text().cli.journal_recovered)(n),
        Replay::SetAside(path, why) | Replay::Refused(path, why) => match why {
            Unfit::OtherVersion => (ui.journal_set_aside)(&name(&path)),
            Unfit::Damaged => (ui.journal_damaged)(&name(&path)),
            Unfit::NotAFile => (ui.journal_not_a_file)(&name(&path)),
        },
        Replay::Nothing => return None,
    })
}

/// `dafo __soak FILE N`: saves FILE `N` times, each with a higher version in its
/// title (`soak 41`), printing every version once it is saved. Resumes from FILE's
/// version if FILE exists, so that a killed run can be continued.
pub fn soak(file: &Path, count: u64) -> Result<ExitCode, CommandError> {
    let _lock = SessionLock::acquire(file)?;
    let (mut session, mut disk) = match load_session(file) {
        Ok(loaded) => (loaded.session, Some(loaded.disk)),
        Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => (payload(), None),
        Err(e) => return Err(e.into()),
    };
    let mut version: u64 = soak_version(&session).unwrap_or(0);
    let mut out = io::stdout().lock();
    for _ in 0..count {
        version += 1;
        session.meta.title = format!("soak {version}");
        let report = save_session(file, &session, disk.as_ref())?;
        disk = Some(report.disk);
        writeln!(out, "{version}")?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The version a `__soak` run wrote into a session's title.
pub fn soak_version(session: &Session) -> Option<u64> {
    session.meta.title.strip_prefix("soak ")?.parse().ok()
}

/// A session of a realistic size (200 factors, about 12 KB), so that kills land mid-write.
fn payload() -> Session {
    let mut s = Session::new("soak 0", Timestamp::UNIX_EPOCH);
    for i in 0..200 {
        let q = Quadrant::ALL[i % 4];
        if let Some(edit) = s.add_factor(q, &format!("Factor número {i} con acentos: ñandú, cigüeña")) {
            let _ = s.apply(edit);
        }
    }
    s
}
