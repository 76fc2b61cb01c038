//! Reading a file dafo is pointed at (a session, `keys.ron`, `config.ron`) without
//! hanging on a FIFO or reading a device until memory runs out: opened
//! non-blocking, refused unless it is a regular file, and never read past a limit.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::i18n::Lang;

/// The largest `keys.ron` or `config.ron` read (a real one is well under 4 KB).
pub const SMALL_FILE_LIMIT: u64 = 1024 * 1024;

/// Why a bounded read gave nothing.
#[derive(Debug, thiserror::Error)]
pub enum BoundedError {
    /// Not there, or not readable: the system's own error.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A FIFO, a device, a socket or a folder (a link is followed first).
    #[error("{}: not a regular file", path.display())]
    NotRegular { path: PathBuf },
    /// Larger than `limit` bytes.
    #[error("{}: larger than {limit} bytes", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
}

impl BoundedError {
    /// Whether the file simply is not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, BoundedError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }

    /// The message in `lang`, naming the file (the caller cleans it for the terminal).
    pub fn message(&self, lang: Lang) -> String {
        let path = match self {
            BoundedError::Io { path, .. } | BoundedError::NotRegular { path } | BoundedError::TooLarge { path, .. } => {
                path
            }
        };
        format!("{}: {}", path.display(), self.reason(lang))
    }

    /// [`BoundedError::message`] without the file's name, for a caller that names it.
    pub fn reason(&self, lang: Lang) -> String {
        let words = lang.text().limits;
        match self {
            BoundedError::Io { source, .. } => crate::i18n::os_error(source, lang),
            BoundedError::NotRegular { .. } => words.not_regular.to_owned(),
            BoundedError::TooLarge { limit, .. } => (words.too_large)(*limit),
        }
    }
}

/// The bytes of `path`, if it is a regular file of at most `limit` bytes. A FIFO
/// or a device is refused without blocking; a file that grows past `limit` while
/// it is read is refused too (at most `limit + 1` bytes are ever read). A link is
/// followed (a `config.ron` may well be one).
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    read_bounded(path, limit, Links::Follow).map(|(bytes, _)| bytes)
}

/// [`read_regular`] with the modification time of the file the bytes came from,
/// taken from the open file before reading: a file replaced or rewritten meanwhile
/// never lends its time to the bytes read (a later check then sees the change).
pub fn read_regular_stamped(path: &Path, limit: u64) -> Result<(Vec<u8>, Option<SystemTime>), BoundedError> {
    read_bounded(path, limit, Links::Follow)
}

/// [`read_regular`] for a file only dafo writes (the journal): a symbolic link in
/// its place is refused like a FIFO, never followed.
pub fn read_regular_unlinked(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    read_bounded(path, limit, Links::Refuse).map(|(bytes, _)| bytes)
}

/// Whether a symbolic link at the path itself is followed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

fn read_bounded(path: &Path, limit: u64, links: Links) -> Result<(Vec<u8>, Option<SystemTime>), BoundedError> {
    let io = |source| BoundedError::Io { path: path.to_owned(), source };
    let not_regular = || BoundedError::NotRegular { path: path.to_owned() };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
        let nofollow = if links == Links::Refuse { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    if links == Links::Refuse && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(not_regular());
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) {
            return not_regular();
        }
        if e.kind() == std::io::ErrorKind::IsADirectory { not_regular() } else { io(e) }
    })?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > limit {
        return Err(BoundedError::TooLarge { path: path.to_owned(), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedError::TooLarge { path: path.to_owned(), limit });
    }
    Ok((bytes, meta.modified().ok()))
}

/// [`read_regular`] as UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64) -> Result<String, BoundedError> {
    let bytes = read_regular(path, limit)?;
    String::from_utf8(bytes).map_err(|e| BoundedError::Io {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("keys.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let started = std::time::Instant::now();
        let err = read_regular(&fifo, SMALL_FILE_LIMIT).unwrap_err();
        assert!(matches!(err, BoundedError::NotRegular { .. }), "{err:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_device_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("config.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_regular(&link, SMALL_FILE_LIMIT).unwrap_err();
        assert!(matches!(err, BoundedError::NotRegular { .. }), "{err:?}");
        for lang in Lang::ALL {
            assert!(err.message(*lang).contains("config.ron: "), "{}", err.message(*lang));
        }
    }

    #[cfg(unix)]
    #[test]
    fn unlinked_refuses_a_fifo_a_folder_a_device_and_a_link_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let refused = |p: &Path| matches!(read_regular_unlinked(p, 10), Err(BoundedError::NotRegular { .. }));
        assert!(refused(&fifo));
        assert!(refused(dir.path()));
        assert!(refused(Path::new("/dev/zero")));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(refused(&link));
        let target = dir.path().join("plain");
        std::fs::write(&target, b"abc").unwrap();
        let to_plain = dir.path().join("to-plain");
        std::os::unix::fs::symlink(&target, &to_plain).unwrap();
        assert!(refused(&to_plain), "a link to a regular file is not followed either");
        assert_eq!(read_regular(&to_plain, 10).unwrap(), b"abc");
        assert!(read_regular_unlinked(&dir.path().join("none"), 10).unwrap_err().is_not_found());
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big");
        std::fs::write(&file, vec![b'x'; 100]).unwrap();
        assert!(matches!(read_regular(&file, 99), Err(BoundedError::TooLarge { limit: 99, .. })));
        assert_eq!(read_regular(&file, 100).unwrap().len(), 100);
        assert!(read_regular(&dir.path().join("none"), 100).unwrap_err().is_not_found());
    }
}
