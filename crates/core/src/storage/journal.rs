//! The journal: every change is on disk at once, before the (debounced) save.
//!
//! `.name.ron.journal` beside the session is append-only. It opens with a header
//! naming the exact file it follows (the content hash of the session file as it was
//! on disk when the journal started), then one record per write, each holding the
//! changes made since the previous one (the edits themselves, as the undo history
//! keeps them, in RON), behind its length and a checksum:
//!
//! ```text
//! dafo-journal 2 <hash of the session file>\n
//! <length> <checksum>\n<RON: the edits>\n
//! ```
//!
//! A record costs what its changes cost, whatever the size of the session. Its
//! checksum covers the file's hash, the record's place in the journal and its text,
//! so a record moved, copied from another journal or changed by hand does not pass.
//! Each record is written with one `write` and an fdatasync, so each `Enter`
//! survives a kill or a power cut; a record that cannot be written whole is cut
//! off, and nothing more is written until the next save starts a new journal, so
//! what is in the journal is always every change from the file up to some point.
//! A good save removes the journal (the editor's saves run in order after every
//! earlier record).
//!
//! Opening a session (holding its lock) replays the records onto the file as it is
//! on disk, if the journal follows that exact file; anything else (a journal of
//! another version, a checksum that does not match, edits that do not fit, a FIFO,
//! a device or a folder in its place, a file larger than [`MAX_BYTES`]) is kept
//! aside as `.journal-<time>` with a message, never applied and never deleted. A
//! torn last record (a kill in the middle of the append) is ignored: the records
//! before it are used. Commands that only read (`check`, `show`, `export`) say what
//! a pending journal would bring back ([`pending`]), without touching it.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Edit, Session};

use super::bounded::{BoundedError, read_regular_unlinked};

const MAGIC: &str = "dafo-journal 2";

/// The largest journal read: changes are small, and a journal past this is not
/// one dafo wrote in a session (it is set aside, never read into memory).
pub const MAX_BYTES: u64 = 128 * 1024 * 1024;

/// Set to `off` to run without a journal (how the kill test measures what it saves).
pub const JOURNAL_ENV: &str = "DAFO_JOURNAL";

/// The journal of a session file: `.name.ron.journal` in the same folder.
pub fn journal_path(session: &Path) -> PathBuf {
    session.with_file_name(super::atomic::name_with(session, ".", ".journal"))
}

/// Whether journaling is on (it is, unless `DAFO_JOURNAL=off`).
pub fn enabled() -> bool {
    std::env::var(JOURNAL_ENV).map_or(true, |v| v != "off")
}

/// A hash that is the same in every build of dafo (SipHash-1-3, zero keys): what
/// binds a journal to a file and a record to its journal.
pub(crate) fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h = siphasher::sip::SipHasher13::new();
    for part in parts {
        h.write(part);
    }
    h.finish()
}

/// A record as written: the changes, and the ID counters after them (a new item
/// takes the next number even when it was deleted again, so IDs are never reused).
#[derive(Serialize)]
struct RecordOut<'a> {
    ids: &'a BTreeMap<String, u64>,
    edits: Vec<&'a Edit>,
}

/// A record as read back.
#[derive(Deserialize)]
struct RecordIn {
    ids: BTreeMap<String, u64>,
    edits: Vec<Edit>,
}

/// The checksum of the record at `index` of a journal that follows `base`.
fn checksum(base: u64, index: u64, body: &[u8]) -> u64 {
    stable_hash(&[&base.to_le_bytes(), &index.to_le_bytes(), body])
}

/// An open journal, appended to by the holder of the session lock.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
    /// The file version the open journal follows.
    base: u64,
    /// Records written to it.
    records: u64,
    /// Its length after the last whole record.
    len: u64,
    /// A record could not be written whole: nothing more goes in until the next
    /// journal starts (a later record without it would not fit the file).
    broken: bool,
    /// Whether changes are written (the session's lock is held, journaling is on).
    pub(crate) active: bool,
    /// The content hash of the session file as this dafo last read or wrote it:
    /// what a new journal follows.
    pub(crate) disk: u64,
    /// The editor's revision of the last good save: changes up to it are in the
    /// file, and never go to the journal again.
    saved: Option<u64>,
    /// What the open journal holds (each change with its revision) and the ID
    /// counters after it: after a save that holds only part of it, the rest is
    /// written again as a journal of the new file.
    held: Vec<(u64, Edit)>,
    ids: BTreeMap<String, u64>,
}

impl Journal {
    pub fn new(session: &Path) -> Journal {
        Journal {
            path: journal_path(session),
            file: None,
            base: 0,
            records: 0,
            len: 0,
            broken: false,
            active: false,
            disk: 0,
            saved: None,
            held: Vec::new(),
            ids: BTreeMap::new(),
        }
    }

    /// Appends `changes` (each edit with the editor's revision it made, oldest
    /// first) to the journal of the file as this dafo knows it; those a save
    /// already holds are left out. Nothing when inactive (read-only, or off).
    pub fn append(&mut self, changes: &[(u64, Edit)], ids: &BTreeMap<String, u64>) -> io::Result<()> {
        if !self.active {
            return Ok(());
        }
        let saved = self.saved;
        let new: Vec<&(u64, Edit)> = changes.iter().filter(|(r, _)| saved.is_none_or(|s| *r > s)).collect();
        if new.is_empty() {
            return Ok(());
        }
        let recorded = self.record(self.disk, ids, new.iter().map(|(_, e)| e));
        // Held even when not written: the next save's rewrite then puts them back
        // in order, instead of leaving a gap that later records would follow.
        self.held.extend(new.into_iter().cloned());
        self.ids.clone_from(ids);
        recorded
    }

    /// Whether changes since the last save are held here (in the journal file,
    /// or waiting to be written again after a failed write).
    pub fn holds_changes(&self) -> bool {
        self.file.is_some() || !self.held.is_empty()
    }

    /// A good save of the editor's `revision` made the file `disk` (its content
    /// hash). Changes up to that revision are in it: the journal goes, or, when it
    /// holds later changes too (written while the save ran), they are written again
    /// as a journal of the new file (temp file, fsync, rename: a kill leaves one
    /// journal or the other).
    pub fn saved(&mut self, revision: u64, disk: u64) {
        self.saved = Some(self.saved.map_or(revision, |r| r.max(revision)));
        self.disk = disk;
        let later: Vec<(u64, Edit)> =
            std::mem::take(&mut self.held).into_iter().filter(|(r, _)| *r > revision).collect();
        if later.is_empty() || !self.active {
            self.clear();
            return;
        }
        // Replaced in one rename: never a moment without the later changes on disk.
        let ids = self.ids.clone();
        // On failure the old journal stays as it is (kept aside at the next open,
        // never lost) and nothing is added to it until a later save writes it again.
        self.broken = self.rewrite(&later, &ids).is_err();
        self.held = later;
    }

    /// Writes a new journal of the file `self.disk` holding `changes`, in place of
    /// the one there (atomically), and keeps it open for the next records.
    fn rewrite(&mut self, changes: &[(u64, Edit)], ids: &BTreeMap<String, u64>) -> io::Result<()> {
        let edits: Vec<&Edit> = changes.iter().map(|(_, e)| e).collect();
        let body = ron::to_string(&RecordOut { ids, edits }).map_err(io::Error::other)?;
        let base = self.disk;
        let sum = checksum(base, 0, body.as_bytes());
        let text = format!("{MAGIC} {base:016x}\n{} {sum:016x}\n{body}\n", body.len());
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let tmp = super::atomic::temp_file_in(dir, super::atomic::name_with(&self.path, ".", "."), ".tmp", 0o600)?;
        tmp.as_file().write_all(text.as_bytes())?;
        tmp.as_file().sync_data()?;
        let file = tmp.persist(&self.path).map_err(|e| e.error)?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        self.file = Some(file);
        self.base = base;
        self.records = 1;
        self.len = text.len() as u64;
        Ok(())
    }

    /// Appends `edits` (the changes since the last record, oldest first) and the ID
    /// counters after them as the newest record of the journal following the file
    /// version `base` (its content hash), and makes it durable before returning. A
    /// journal of another version (a save or a reload came between) is started again.
    pub fn record<'a>(
        &mut self,
        base: u64,
        ids: &BTreeMap<String, u64>,
        edits: impl IntoIterator<Item = &'a Edit>,
    ) -> io::Result<()> {
        let edits: Vec<&Edit> = edits.into_iter().collect();
        if edits.is_empty() {
            return Ok(());
        }
        if self.file.is_some() && self.base != base {
            // The file was read again (a reload): the journal starts over from it.
            self.clear();
        }
        if self.broken {
            return Err(io::Error::other("the journal lost a record; it starts again at the next save"));
        }
        let body = ron::to_string(&RecordOut { ids, edits }).map_err(io::Error::other)?;
        let mut bytes = Vec::with_capacity(body.len() + 64);
        if self.file.is_none() {
            self.file = Some(open_for_append(&self.path)?);
            self.base = base;
            self.records = 0;
            self.len = 0;
            bytes.extend_from_slice(format!("{MAGIC} {base:016x}\n").as_bytes());
        }
        let sum = checksum(base, self.records, body.as_bytes());
        bytes.extend_from_slice(format!("{} {sum:016x}\n", body.len()).as_bytes());
        bytes.extend_from_slice(body.as_bytes());
        bytes.push(b'\n');
        let file = self.file.as_mut().ok_or_else(|| io::Error::other("journal not open"))?;
        match file.write_all(&bytes).and_then(|()| file.sync_data()) {
            Ok(()) => {
                self.records += 1;
                self.len += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                // Cut off what was written of it; either way nothing follows it.
                let _ = file.set_len(self.len);
                self.broken = true;
                Err(e)
            }
        }
    }

    /// Every record is older than what was just saved: the journal goes. Only a
    /// journal this dafo wrote is removed.
    pub fn clear(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
        self.broken = false;
        self.records = 0;
        self.len = 0;
        self.held.clear();
    }
}

/// Opens the journal for appending: created if missing (owner-only), never through
/// a link, never blocking on a FIFO, and only if it is a regular file.
fn open_for_append(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).mode(0o600);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!("{}: not a regular file", path.display())));
    }
    Ok(file)
}

/// Why a journal cannot be replayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// It follows another version of the session file (changed since by another program).
    OtherVersion,
    /// A checksum does not match, it does not read, or its changes do not fit the
    /// file: it was changed or damaged outside dafo.
    Damaged,
    /// A FIFO, a device, a folder or a link, or larger than [`MAX_BYTES`]: not read.
    NotAFile,
}

/// What opening found in the journal.
#[derive(Debug)]
pub enum Replay {
    /// No journal, or nothing in it newer than the file.
    Nothing,
    /// Changes made after the last save (how many), to be saved now.
    Newer(Box<Session>, usize),
    /// A journal that could not be replayed, kept aside at this path.
    SetAside(PathBuf, Unfit),
    /// A journal that could not be replayed nor moved aside: left where it is, and
    /// not written to.
    Refused(PathBuf, Unfit),
}

/// What a journal beside a session would bring back, found without changing anything.
#[derive(Debug)]
pub enum Found {
    /// None, or nothing in it (a kill during its first write).
    Nothing,
    /// This many changes, which give this session.
    Changes(Box<Session>, usize),
    /// One that opening would set aside.
    Unfit(Unfit),
}

/// Reads the journal of `session` (whose file on disk is `current`, with content
/// hash `base`) and works out what it would bring back. Changes nothing on disk.
pub fn pending(session: &Path, current: &Session, base: u64) -> Found {
    let bytes = match read_regular_unlinked(&journal_path(session), MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Found::Nothing,
        Err(BoundedError::NotRegular { .. } | BoundedError::TooLarge { .. }) => return Found::Unfit(Unfit::NotAFile),
        Err(BoundedError::Io { .. }) => return Found::Unfit(Unfit::Damaged),
    };
    let (record_base, bodies) = match parse(&bytes) {
        Parsed::Empty => return Found::Nothing,
        Parsed::Damaged => return Found::Unfit(Unfit::Damaged),
        Parsed::Records(base, bodies) => (base, bodies),
    };
    if record_base != base {
        return Found::Unfit(Unfit::OtherVersion);
    }
    let mut replayed = current.clone();
    let mut count = 0;
    for body in bodies {
        let Ok(text) = std::str::from_utf8(body) else { return Found::Unfit(Unfit::Damaged) };
        let Ok(record) = ron::from_str::<RecordIn>(text) else { return Found::Unfit(Unfit::Damaged) };
        for edit in record.edits {
            if replayed.apply(edit).is_err() {
                return Found::Unfit(Unfit::Damaged);
            }
            count += 1;
        }
        for (key, n) in record.ids {
            let counter = replayed.last_ids.entry(key).or_insert(0);
            *counter = (*counter).max(n);
        }
    }
    if count == 0 { Found::Nothing } else { Found::Changes(Box::new(replayed), count) }
}

/// Reads the journal of `session`, whose file on disk holds `current` with content
/// hash `base`: its changes, or it is set aside (an empty one is removed).
pub fn replay(session: &Path, current: &Session, base: u64) -> Replay {
    match pending(session, current, base) {
        Found::Nothing => {
            // Nothing complete in it (killed during the first append): nothing to lose.
            if std::fs::symlink_metadata(journal_path(session)).is_ok_and(|m| m.is_file()) {
                let _ = std::fs::remove_file(journal_path(session));
            }
            Replay::Nothing
        }
        Found::Changes(session, count) => Replay::Newer(session, count),
        Found::Unfit(why) => set_aside(session, why),
    }
}

/// Keeps the journal of `session` aside as `.name.ron.journal-<time>`, out of the
/// way of the next records and saves, and never deleted (a rename: a FIFO or a
/// link is moved, never opened).
pub fn set_aside(session: &Path, why: Unfit) -> Replay {
    let path = journal_path(session);
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    let mut aside = path.with_file_name(super::atomic::name_with(&path, "", &format!("-{stamp}")));
    let mut n = 2;
    while std::fs::symlink_metadata(&aside).is_ok() {
        aside = path.with_file_name(super::atomic::name_with(&path, "", &format!("-{stamp}-{n}")));
        n += 1;
    }
    match std::fs::rename(&path, &aside) {
        Ok(()) => Replay::SetAside(aside, why),
        Err(_) => Replay::Refused(path, why),
    }
}

/// A journal's records, checked.
enum Parsed<'a> {
    /// No complete header (a kill during the first write).
    Empty,
    /// The file version it follows and the text of each whole record (a torn last
    /// one left out).
    Records(u64, Vec<&'a [u8]>),
    /// Not a journal dafo wrote as it is: a checksum or a header does not match.
    Damaged,
}

fn parse(bytes: &[u8]) -> Parsed<'_> {
    let Some(nl) = bytes.iter().position(|&b| b == b'\n') else {
        // Torn in its first write, or something else entirely.
        return if MAGIC.as_bytes().starts_with(bytes) || bytes.starts_with(MAGIC.as_bytes()) {
            Parsed::Empty
        } else {
            Parsed::Damaged
        };
    };
    let base = std::str::from_utf8(&bytes[..nl])
        .ok()
        .and_then(|h| h.strip_prefix(MAGIC)?.strip_prefix(' '))
        .filter(|b| b.len() == 16)
        .and_then(|b| u64::from_str_radix(b, 16).ok());
    let Some(base) = base else { return Parsed::Damaged };
    let mut rest = &bytes[nl + 1..];
    let mut bodies = Vec::new();
    while !rest.is_empty() {
        let Some(nl) = rest.iter().position(|&b| b == b'\n') else { break };
        let header = std::str::from_utf8(&rest[..nl]).ok().and_then(|h| {
            let (len, sum) = h.split_once(' ')?;
            Some((len.parse::<usize>().ok()?, u64::from_str_radix(sum, 16).ok()?))
        });
        let Some((len, sum)) = header else { return Parsed::Damaged };
        let Some(end) = (nl + 1).checked_add(len) else { return Parsed::Damaged };
        let Some(body) = rest.get(nl + 1..end) else { break };
        match rest.get(end) {
            None => break,
            Some(b'\n') => {}
            Some(_) => return Parsed::Damaged,
        }
        if checksum(base, bodies.len() as u64, body) != sum {
            return Parsed::Damaged;
        }
        bodies.push(body);
        rest = &rest[end + 1..];
    }
    if bodies.is_empty() { Parsed::Empty } else { Parsed::Records(base, bodies) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use jiff::Timestamp;

    fn add(s: &mut Session, text: &str) -> Edit {
        let e = s.add_factor(Quadrant::Strengths, text).unwrap();
        s.apply(e.clone()).unwrap();
        e
    }

    #[test]
    fn the_whole_records_are_replayed_and_a_torn_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut now = start.clone();
        let mut j = Journal::new(&path);
        let e1 = add(&mut now, "uno");
        j.record(7, &BTreeMap::new(), [&e1]).unwrap();
        let (e2, e3) = (add(&mut now, "dos"), add(&mut now, "tres"));
        j.record(7, &now.last_ids, [&e2, &e3]).unwrap();
        // A kill in the middle of the third append.
        let mut f = OpenOptions::new().append(true).open(journal_path(&path)).unwrap();
        f.write_all(b"900 0000000000000000\n[Factor(Strengths, Ins").unwrap();
        let Replay::Newer(s, 3) = replay(&path, &start, 7) else { panic!("not replayed") };
        assert_eq!(*s, now);
    }

    #[test]
    fn a_record_costs_its_change_not_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for i in 0..2000 {
            add(&mut s, &format!("factor {i} con bastante texto para pesar"));
        }
        let mut j = Journal::new(&path);
        let e = add(&mut s, "uno más");
        j.record(1, &BTreeMap::new(), [&e]).unwrap();
        let len = std::fs::metadata(journal_path(&path)).unwrap().len();
        assert!(len < 400, "a record of one factor is {len} bytes");
    }

    #[test]
    fn a_journal_for_another_version_is_set_aside_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let start = s.clone();
        Journal::new(&path).record(7, &BTreeMap::new(), [&add(&mut s, "uno")]).unwrap();
        let Replay::SetAside(aside, Unfit::OtherVersion) = replay(&path, &start, 8) else {
            panic!("applied over another version")
        };
        assert!(aside.exists() && !journal_path(&path).exists());
    }

    #[test]
    fn a_genuine_header_with_another_body_is_set_aside_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let start = s.clone();
        Journal::new(&path).record(7, &BTreeMap::new(), [&add(&mut s, "uno")]).unwrap();
        let journal = std::fs::read_to_string(journal_path(&path)).unwrap();
        // Same lengths, another text: the title and an injected factor.
        let forged = journal.replace("uno", "UNO");
        std::fs::write(journal_path(&path), &forged).unwrap();
        let Replay::SetAside(aside, Unfit::Damaged) = replay(&path, &start, 7) else { panic!("forged body applied") };
        assert_eq!(std::fs::read_to_string(aside).unwrap(), forged, "kept as it was");
        // A record copied from another journal (another place, another file) does not pass either.
        let mut j = Journal::new(&path);
        let e = add(&mut s, "dos");
        j.record(7, &BTreeMap::new(), [&e]).unwrap();
        j.record(7, &BTreeMap::new(), [&e]).unwrap();
        let text = std::fs::read_to_string(journal_path(&path)).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.swap(1, 3);
        lines.swap(2, 4);
        std::fs::write(journal_path(&path), lines.join("\n") + "\n").unwrap();
        assert!(matches!(replay(&path, &start, 7), Replay::SetAside(_, Unfit::Damaged)));
    }

    #[test]
    fn a_complete_record_that_does_not_read_is_set_aside_not_left_to_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let body = b"(no ron))";
        let sum = checksum(7, 0, body);
        let text = format!("{MAGIC} {:016x}\n9 {sum:016x}\n(no ron))\n", 7);
        std::fs::write(journal_path(&path), &text).unwrap();
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        let Replay::SetAside(aside, Unfit::Damaged) = replay(&path, &start, 7) else { panic!("not set aside") };
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), text);
        assert!(!journal_path(&path).exists(), "the next records start a new journal");
    }

    #[test]
    fn a_journal_of_an_older_dafo_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(journal_path(&path), "dafo-journal 1 0000000000000007 3\n(a)\n").unwrap();
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        assert!(matches!(replay(&path, &start, 7), Replay::SetAside(_, Unfit::Damaged)));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_folder_in_its_place_is_moved_aside_unread_and_never_written_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        let journal = journal_path(&path);
        assert!(std::process::Command::new("mkfifo").arg(&journal).status().unwrap().success());
        assert!(matches!(pending(&path, &start, 7), Found::Unfit(Unfit::NotAFile)));
        let Replay::SetAside(aside, Unfit::NotAFile) = replay(&path, &start, 7) else { panic!("read a FIFO") };
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::symlink_metadata(&aside).unwrap().file_type().is_fifo());
        // Planted again while the session is open: records are refused, never block.
        assert!(std::process::Command::new("mkfifo").arg(&journal).status().unwrap().success());
        let mut s = start.clone();
        let e = add(&mut s, "uno");
        assert!(Journal::new(&path).record(7, &BTreeMap::new(), [&e]).is_err());
        std::fs::remove_file(&journal).unwrap();
        std::fs::create_dir(&journal).unwrap();
        assert!(Journal::new(&path).record(7, &BTreeMap::new(), [&e]).is_err());
        assert!(matches!(replay(&path, &start, 7), Replay::SetAside(_, Unfit::NotAFile)));
        std::os::unix::fs::symlink("/dev/zero", &journal).unwrap();
        assert!(Journal::new(&path).record(7, &BTreeMap::new(), [&e]).is_err());
        assert!(matches!(replay(&path, &start, 7), Replay::SetAside(_, Unfit::NotAFile)));
    }

    #[test]
    fn a_journal_past_the_bound_is_set_aside_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let f = File::create(journal_path(&path)).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap();
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        assert!(matches!(replay(&path, &start, 7), Replay::SetAside(_, Unfit::NotAFile)));
    }

    #[test]
    fn a_save_of_part_of_the_journal_leaves_the_rest_as_a_journal_of_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut j = Journal::new(&path);
        j.active = true;
        j.disk = 7;
        let e1 = add(&mut s, "uno");
        let saved = s.clone();
        let e2 = add(&mut s, "dos");
        // Revision 2 is journaled while the save of revision 1 runs on the other thread.
        j.append(&[(1, e1.clone())], &saved.last_ids).unwrap();
        j.append(&[(2, e2)], &s.last_ids).unwrap();
        j.saved(1, 8);
        let Replay::Newer(replayed, 1) = replay(&path, &saved, 8) else { panic!("the later change was lost") };
        assert_eq!(*replayed, s);
        // A change the save holds that comes late is not written again.
        std::fs::remove_file(journal_path(&path)).unwrap();
        let mut j = Journal::new(&path);
        j.active = true;
        j.saved(1, 8);
        j.append(&[(1, e1)], &saved.last_ids).unwrap();
        assert!(!journal_path(&path).exists());
    }

    #[test]
    fn a_journal_older_than_the_saved_file_goes_when_leaving() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let journal = journal_path(&path);
        let v1 = Session::new("v1", Timestamp::UNIX_EPOCH);
        let (mut file, _) = crate::storage::SessionFile::create(&path, &v1).unwrap();
        let mut meta = v1.meta.clone();
        meta.title = "v2".into();
        file.journal(&[(1, Edit::Meta(Box::new(meta)))], &BTreeMap::new()).unwrap();
        assert!(journal.exists());
        file.save_latest(&Session::new("v3", Timestamp::UNIX_EPOCH), 2).unwrap();
        assert!(!journal.exists(), "saving the latest removes it");
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "v3");
    }
}
