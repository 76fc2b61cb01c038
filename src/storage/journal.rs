//! The journal: every change is on disk at once, before the (debounced) save.
//!
//! `.name.ron.journal` beside the session is append-only. Each record is the whole
//! session as it is after a change, behind a header naming the file version it
//! applies to:
//!
//! ```text
//! dafo-journal 1 <hash of the session file it follows> <length>\n<RON text>\n
//! ```
//!
//! A record is written with one `write` and an fdatasync, so each `Enter` survives a
//! kill or a power cut. A good save of that text, or of a newer session (the
//! editor's saves, run in order after every earlier record), removes the journal. Opening a
//! session (holding its lock) replays the last complete record, if it follows the
//! file as it is on disk; a journal that follows another version (the file was
//! changed by another program meanwhile) is kept aside as `.journal-<time>`, never
//! applied over that change and never deleted. A torn last record (a kill in the
//! middle of the append) is ignored: the record before it is used.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::domain::Session;

use super::disk::{content_hash, parse_bytes};

const MAGIC: &str = "dafo-journal 1";

/// Set to `off` to run without a journal (how the kill test measures what it saves).
pub const JOURNAL_ENV: &str = "DAFO_JOURNAL";

/// The journal of a session file: `.name.ron.journal` in the same folder.
pub fn journal_path(session: &Path) -> PathBuf {
    let name = session.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    session.with_file_name(format!(".{name}.journal"))
}

/// Whether journaling is on (it is, unless `DAFO_JOURNAL=off`).
pub fn enabled() -> bool {
    std::env::var(JOURNAL_ENV).map_or(true, |v| v != "off")
}

/// An open journal, appended to by the holder of the session lock.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
    /// Hash of the RON text of the last record: a save of that same text clears it.
    last: Option<u64>,
}

impl Journal {
    pub fn new(session: &Path) -> Journal {
        Journal { path: journal_path(session), file: None, last: None }
    }

    /// Appends `session` as the newest record, following the file version `base`
    /// (its content hash), and makes it durable before returning.
    pub fn record(&mut self, base: u64, session: &Session) -> io::Result<()> {
        let text = super::format::to_ron(session);
        let mut record = format!("{MAGIC} {base:016x} {}\n", text.len()).into_bytes();
        record.extend_from_slice(text.as_bytes());
        record.push(b'\n');
        if self.file.is_none() {
            let mut options = OpenOptions::new();
            options.append(true).create(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // Like the lock file: never written through a planted link.
                options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
            }
            self.file = Some(options.open(&self.path)?);
        }
        let file = self.file.as_mut().ok_or_else(|| io::Error::other("journal not open"))?;
        file.write_all(&record)?;
        file.sync_data()?;
        self.last = Some(changes_hash(&text));
        Ok(())
    }

    /// A save of `text` reached the disk: the journal is no longer needed if its last
    /// record is that same text (a newer record keeps it until the next save).
    pub fn saved(&mut self, text: &str) {
        if self.last == Some(changes_hash(text)) {
            self.clear();
        }
    }

    /// Every record is older than what was just saved (the session as it is in
    /// memory, when leaving): the journal goes, even if its last record is not that
    /// text (the latest change's record had not been written yet).
    pub fn clear(&mut self) {
        if self.file.take().is_some() {
            self.last = None;
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A hash of session text that leaves out `meta.modified`: a save stamps the time,
/// which does not make it a different version of the room's words.
fn changes_hash(text: &str) -> u64 {
    // In the RON text the field reads `modified: "..."`; a title holding those words
    // has its quote escaped (`modified: \"`), so the first match is the field.
    const FIELD: &str = "modified: \"";
    match text.find(FIELD) {
        Some(at) => {
            let value = at + FIELD.len();
            let end = text[value..].find('"').map_or(text.len(), |e| value + e);
            let mut without = String::with_capacity(text.len());
            without.push_str(&text[..at]);
            without.push_str(&text[end..]);
            content_hash(without.as_bytes())
        }
        None => content_hash(text.as_bytes()),
    }
}

/// What opening found in the journal.
#[derive(Debug)]
pub enum Replay {
    /// No journal, or nothing in it newer than the file.
    Nothing,
    /// Changes made after the last save, to be saved now.
    Newer(Box<Session>),
    /// A journal that could not be replayed (it follows another version of the
    /// file, its record does not read, or its save failed): kept aside at this path.
    SetAside(PathBuf),
}

/// Reads the journal of `session`, whose file on disk has content hash `base`.
pub fn replay(session: &Path, base: u64) -> Replay {
    let path = journal_path(session);
    let Ok(bytes) = std::fs::read(&path) else { return Replay::Nothing };
    let Some((record_base, text)) = last_record(&bytes) else {
        // Nothing complete in it (killed during the first append): nothing to lose.
        let _ = std::fs::remove_file(&path);
        return Replay::Nothing;
    };
    if record_base != base {
        return set_aside(session);
    }
    match parse_bytes(text, &path) {
        Ok(s) => Replay::Newer(Box::new(s)),
        // Never deleted by the next save: the words may still be read by hand.
        Err(_) => set_aside(session),
    }
}

/// Keeps the journal of `session` aside as `.name.ron.journal-<time>`, out of the
/// way of the next records and saves, and never deleted.
pub fn set_aside(session: &Path) -> Replay {
    let path = journal_path(session);
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    let aside =
        path.with_file_name(format!("{}-{stamp}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
    match std::fs::rename(&path, &aside) {
        Ok(()) => Replay::SetAside(aside),
        Err(_) => Replay::Nothing,
    }
}

/// The base hash and text of the last complete record (a torn one after it is ignored).
fn last_record(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut rest = bytes;
    let mut last = None;
    while let Some((base, body, next)) = next_record(rest) {
        last = Some((base, body));
        rest = next;
    }
    last
}

/// The record at the start of `bytes` and what follows it, if it is complete.
fn next_record(bytes: &[u8]) -> Option<(u64, &[u8], &[u8])> {
    let nl = bytes.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..nl]).ok()?;
    let mut parts = header.strip_prefix(MAGIC)?.split_whitespace();
    let base = u64::from_str_radix(parts.next()?, 16).ok()?;
    let len: usize = parts.next()?.parse().ok()?;
    let end = nl.checked_add(1)?.checked_add(len)?;
    let body = bytes.get(nl + 1..end)?;
    (bytes.get(end) == Some(&b'\n')).then(|| (base, body, &bytes[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use jiff::Timestamp;

    fn with(items: &[&str]) -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for t in items {
            let e = s.add_factor(Quadrant::Strengths, t).unwrap();
            s.apply(e).unwrap();
        }
        s
    }

    #[test]
    fn the_last_complete_record_is_replayed_and_a_torn_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut j = Journal::new(&path);
        j.record(7, &with(&["uno"])).unwrap();
        j.record(7, &with(&["uno", "dos"])).unwrap();
        // A kill in the middle of the third append.
        let mut f = OpenOptions::new().append(true).open(journal_path(&path)).unwrap();
        f.write_all(b"dafo-journal 1 0000000000000007 900\n(version: 2, me").unwrap();
        let Replay::Newer(s) = replay(&path, 7) else { panic!("not replayed") };
        assert_eq!(s.strengths.len(), 2);
    }

    #[test]
    fn a_journal_for_another_version_is_set_aside_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        Journal::new(&path).record(7, &with(&["uno"])).unwrap();
        let Replay::SetAside(aside) = replay(&path, 8) else { panic!("applied over another version") };
        assert!(aside.exists() && !journal_path(&path).exists());
    }

    #[test]
    fn a_complete_record_that_does_not_read_is_set_aside_not_left_to_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(journal_path(&path), "dafo-journal 1 0000000000000007 9\n(no ron))\n").unwrap();
        let Replay::SetAside(aside) = replay(&path, 7) else { panic!("not set aside") };
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "dafo-journal 1 0000000000000007 9\n(no ron))\n");
        assert!(!journal_path(&path).exists(), "the next records start a new journal");
    }

    #[test]
    fn a_save_of_the_last_record_removes_it_and_an_older_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut j = Journal::new(&path);
        j.record(1, &with(&["uno"])).unwrap();
        j.record(1, &with(&["uno", "dos"])).unwrap();
        j.saved(&crate::storage::to_ron(&with(&["uno"])));
        assert!(journal_path(&path).exists());
        // The save stamps the time it was made: still the same words.
        let mut saved = with(&["uno", "dos"]);
        saved.meta.modified = Timestamp::now();
        j.saved(&crate::storage::to_ron(&saved));
        assert!(!journal_path(&path).exists());
        assert!(matches!(replay(&path, 1), Replay::Nothing));
    }

    #[test]
    fn a_journal_older_than_the_saved_file_goes_when_leaving() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let journal = journal_path(&path);
        let (mut file, _) =
            crate::storage::SessionFile::create(&path, &Session::new("v1", Timestamp::UNIX_EPOCH)).unwrap();
        file.journal(&Session::new("v2", Timestamp::UNIX_EPOCH)).unwrap();
        // v3 is saved before its own record was written: v2's record stays.
        file.save(&Session::new("v3", Timestamp::UNIX_EPOCH)).unwrap();
        assert!(journal.exists(), "a save of other text keeps the journal");
        file.clear_journal();
        assert!(!journal.exists(), "nothing unsaved is left: the journal goes");
        file.journal(&Session::new("v4", Timestamp::UNIX_EPOCH)).unwrap();
        file.save_latest(&Session::new("v5", Timestamp::UNIX_EPOCH)).unwrap();
        assert!(!journal.exists(), "saving the latest removes it too");
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "v5");
    }
}
