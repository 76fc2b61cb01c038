//! What a session file looked like on disk when dafo last read or wrote it, so that a
//! change by another program (`git pull`, a sync client, an editor) is noticed.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::domain::Session;

use super::format::{LoadError, parse};

/// Fingerprint of a session file: length, modification time and a hash of its bytes.
/// Two states are equal when length and hash are (a `touch` is not a change).
#[derive(Debug, Clone)]
pub struct DiskState {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
    /// The bytes are known to parse (dafo read or wrote them itself).
    pub(crate) parses: bool,
}

impl PartialEq for DiskState {
    fn eq(&self, other: &DiskState) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Eq for DiskState {}

impl DiskState {
    /// The fingerprint of `bytes` just written to `path` (its mtime is read from disk).
    pub(crate) fn of(path: &Path, bytes: &[u8], parses: bool) -> DiskState {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        DiskState::read(bytes, modified, parses)
    }

    /// The fingerprint of `bytes` read from a file whose mtime was `modified` as
    /// it was opened (see [`read_stamped`]).
    pub(crate) fn read(bytes: &[u8], modified: Option<SystemTime>, parses: bool) -> DiskState {
        DiskState { len: bytes.len() as u64, modified, hash: hash(bytes), parses }
    }

    /// The hash of the bytes (what a journal record says it follows).
    pub(crate) fn content_hash(&self) -> u64 {
        self.hash
    }

    /// Size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// True for an empty file.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// How the file on disk compares with what dafo last read or wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskChange {
    Unchanged,
    /// Another program wrote it; the new fingerprint (pass it to `save_session` to
    /// overwrite it anyway, after asking).
    Modified(DiskState),
    /// It is gone (moved or deleted); the next save writes it again.
    Removed,
}

/// Cheap enough to poll about once a second: a `stat`, and a read only when size or
/// modification time moved.
pub fn check_disk(path: &Path, known: &DiskState) -> io::Result<DiskChange> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskChange::Removed),
        Err(e) => return Err(e),
    };
    if meta.len() == known.len && meta.modified().ok() == known.modified {
        return Ok(DiskChange::Unchanged);
    }
    let now = match read_stamped(path) {
        Ok((_, now)) => now,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskChange::Removed),
        Err(e) => return Err(e),
    };
    Ok(if now == *known { DiskChange::Unchanged } else { DiskChange::Modified(now) })
}

/// The bytes of the file at `path` as it is now, and its fingerprint: with the mtime
/// of the same open file, taken before they are read. (A time read from the path
/// afterwards could be a newer file's, renamed into place meanwhile, and pass a
/// later check for the bytes read here.)
///
/// Bounded as the first read was: a FIFO or a device put in the file's place
/// while it is open is refused at once (its open blocked the loop, or the
/// save thread, for good; `/dev/zero` was read until memory ran out), and so is
/// a file grown past [`super::SESSION_FILE_LIMIT`]. The error carries the
/// [`super::bounded::BoundedError`], which `os_error` says in the user's words.
pub(crate) fn read_stamped(path: &Path) -> io::Result<(Vec<u8>, DiskState)> {
    use super::bounded::{BoundedError, read_regular_stamped};
    let (bytes, modified) = read_regular_stamped(path, super::SESSION_FILE_LIMIT).map_err(|e| match e {
        BoundedError::Io { source, .. } => source,
        other => io::Error::new(io::ErrorKind::InvalidData, other),
    })?;
    let state = DiskState::read(&bytes, modified, false);
    Ok((bytes, state))
}

/// A session read from disk, with the fingerprint to hand back to `save_session`.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub session: Session,
    pub disk: DiskState,
}

/// Reads and parses a session file and fingerprints it.
pub fn load_session(path: &Path) -> Result<Loaded, LoadError> {
    load_session_bytes(path).map(|(loaded, _)| loaded)
}

/// [`load_session`], with the bytes it read (read once, bounded as every read of
/// a session is): for a copy of exactly the version loaded.
pub fn load_session_bytes(path: &Path) -> Result<(Loaded, Vec<u8>), LoadError> {
    let (bytes, modified) = super::format::read_session_stamped(path)?;
    let session = parse_bytes(&bytes, path)?;
    let disk = DiskState::read(&bytes, modified, true);
    Ok((Loaded { session, disk }, bytes))
}

/// Parses the bytes of a session file. Bytes that are not UTF-8 are a parse error at
/// their line and column (never replaced: a save would then change what was there).
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Session, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, path),
        Err(e) => {
            if let Some(marked) = super::format::conflict_marker(bytes, path) {
                return Err(marked);
            }
            let (line, column) = utf8_error_at(bytes, &e);
            let problem = super::format::ParseProblem::NotUtf8;
            Err(LoadError::Parse { path: path.to_owned(), line, column, problem })
        }
    }
}

/// Line and column (from 1, in characters) of the first byte of `bytes` that is
/// not UTF-8, as `e` found it: where a file that is not text is said to go wrong.
pub fn utf8_error_at(bytes: &[u8], e: &std::str::Utf8Error) -> (usize, usize) {
    let good = &bytes[..e.valid_up_to()];
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
    (line, column)
}

/// Removes temp files left next to `path` (and in its backup folder) by a dafo that was
/// killed in the middle of a save; never those of a save in flight (see
/// [`super::atomic`]).
pub fn remove_stray_temps(path: &Path) -> Vec<PathBuf> {
    let mut removed = super::atomic::remove_stray_temps_beside(path);
    removed.extend(super::atomic::remove_stray_temps_in(&super::backup::backup_dir_and_prefix(path).0, path));
    removed
}

/// The content hash of the file at `path` as it is now (what a journal follows).
pub fn file_hash(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|bytes| hash(&bytes))
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys, the same in every build: a journal names the file
    // version it follows by this hash, and is read by the next run.
    super::journal::stable_hash(&[bytes])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_refused_at_their_place_in_each_language() {
        let err = parse_bytes(b"(\n  meta: (title: \"caf\xe9\"),\n)", Path::new("s.ron")).unwrap_err();
        let LoadError::Parse { line, column, .. } = &err else { panic!("{err}") };
        assert_eq!((*line, *column), (2, 21), "{err}");
        assert!(err.to_string().contains("not UTF-8 text"), "{err}");
        let es = err.message(crate::i18n::Lang::Es);
        assert!(es.starts_with("s.ron:2:21: ") && es.contains("no es texto UTF-8"), "{es}");
        assert!(!es.contains("not UTF-8"), "{es}");
        assert!(err.message(crate::i18n::Lang::Ca).contains("no és text UTF-8"));
    }

    #[test]
    fn notices_changes_but_not_touches() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(&path, "one").unwrap();
        let known = DiskState::of(&path, b"one", true);
        assert_eq!(check_disk(&path, &known).unwrap(), DiskChange::Unchanged);
        // Same content rewritten (new mtime): not a change.
        std::fs::write(&path, "one").unwrap();
        assert_eq!(check_disk(&path, &known).unwrap(), DiskChange::Unchanged);
        // Same length, other bytes.
        std::fs::write(&path, "two").unwrap();
        assert!(matches!(check_disk(&path, &known).unwrap(), DiskChange::Modified(s) if s.len() == 3));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(check_disk(&path, &known).unwrap(), DiskChange::Removed);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_located_error() {
        let err = parse_bytes(b"(version: 1,\n  meta: \xff", Path::new("s.ron")).unwrap_err();
        assert!(err.to_string().starts_with("s.ron:2:9: not UTF-8"), "{err}");
    }

    #[test]
    fn a_git_conflict_marker_is_the_error_named_at_its_line_in_text_or_bytes() {
        let session = super::super::to_ron(&crate::domain::Session::new("s", jiff::Timestamp::UNIX_EPOCH));
        let at = session[..session.find("meta").unwrap()].rfind('\n').unwrap() + 1;
        let line = session[..at].lines().count() + 1;
        let (before, after) = session.split_at(at);
        let marked = format!("{before}<<<<<<< nuestra versión\n{after}=======\n{after}>>>>>>> otra rama\n");
        for bytes in [
            marked.clone().into_bytes(),
            marked.replace("otra rama", "caf\u{e9}").replace('\u{e9}', "\u{1}").into_bytes(),
        ] {
            let err = parse_bytes(&bytes, Path::new("s.ron")).unwrap_err();
            let es = err.message(crate::i18n::Lang::Es);
            assert!(es.starts_with(&format!("s.ron:{line}:1: ")) && es.contains(": marca de conflicto de git"), "{es}");
        }
        // Not UTF-8 and marked: the marker is what is said.
        let mut latin1 = marked.into_bytes();
        latin1.extend_from_slice(b"caf\xe9");
        let en = parse_bytes(&latin1, Path::new("s.ron")).unwrap_err().message(crate::i18n::Lang::En);
        assert!(en.starts_with(&format!("s.ron:{line}:1: ")) && en.contains(": a git conflict marker"), "{en}");
        // A marker left alone after the rest of its block was deleted by hand
        // (`=======`, `>>>>>>> otra rama`, `|||||||`): it said only what ron expected there.
        for (left, name) in
            [("=======", "sep"), (">>>>>>> otra rama", "end"), ("|||||||", "base"), (">>>>>>>\r", "crlf")]
        {
            let text = format!("{before}{left}\n{after}");
            let es = parse_bytes(text.as_bytes(), Path::new("s.ron")).unwrap_err().message(crate::i18n::Lang::Es);
            assert!(
                es.starts_with(&format!("s.ron:{line}:1: ")) && es.contains(": marca de conflicto de git"),
                "{name}: {es}"
            );
        }
        // `<<<<<<<` inside a text is not a marker: the session reads.
        let mut s = crate::domain::Session::new("s", jiff::Timestamp::UNIX_EPOCH);
        s.meta.title = "<<<<<<< no es una marca".into();
        assert!(parse_bytes(super::super::to_ron(&s).as_bytes(), Path::new("s.ron")).is_ok());
    }

    #[test]
    fn stray_temps_of_this_file_only_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        for name in [".s.ron.abc123.tmp", ".other.ron.abc123.tmp", ".s.ron.lock", "s.ron"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let removed = remove_stray_temps(&path);
        assert_eq!(removed, vec![dir.path().join(".s.ron.abc123.tmp")]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }
}
