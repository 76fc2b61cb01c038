//! Reading a file dafo did not necessarily write, without being made to wait or to
//! read without end: a FIFO, a device, a folder or a link in its place is refused
//! before a byte is read, and so is a file larger than the caller's bound.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// There is nothing at that path.
    Missing,
    /// A FIFO, a device, a socket, a folder or a symbolic link: not read.
    NotAFile,
    /// Larger than the bound (its size in bytes).
    TooLarge(u64),
    /// It could not be opened or read.
    Io(io::Error),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Missing => write!(f, "not found"),
            Refusal::NotAFile => write!(f, "not a regular file (a FIFO, a device, a folder or a link); not read"),
            Refusal::TooLarge(len) => write!(f, "too large ({len} bytes); not read"),
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Opens `path` for reading without following a link and without blocking (a
/// FIFO with no writer would wait forever), and checks it is a regular file.
pub fn open_regular(path: &Path) -> Result<File, Refusal> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Refusal::Missing,
        _ if is_link(&e) => Refusal::NotAFile,
        io::ErrorKind::IsADirectory => Refusal::NotAFile,
        _ => Refusal::Io(e),
    })?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err(Refusal::NotAFile),
        Err(e) => Err(Refusal::Io(e)),
    }
}

/// Whether opening failed because the last component is a symbolic link (ELOOP).
fn is_link(e: &io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

/// Reads the regular file at `path`, at most `max` bytes: a larger one is refused
/// (also one that grows past `max` while it is read).
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, Refusal> {
    let file = open_regular(path)?;
    let len = file.metadata().map_err(Refusal::Io)?.len();
    if len > max {
        return Err(Refusal::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(Refusal::Io)?;
    if bytes.len() as u64 > max {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_folder_a_device_and_a_link_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        assert!(matches!(read_regular(&fifo, 10), Err(Refusal::NotAFile)));
        assert!(matches!(read_regular(dir.path(), 10), Err(Refusal::NotAFile)));
        assert!(matches!(read_regular(Path::new("/dev/zero"), 10), Err(Refusal::NotAFile)));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read_regular(&link, 10), Err(Refusal::NotAFile)));
        assert!(matches!(read_regular(&dir.path().join("none"), 10), Err(Refusal::Missing)));
    }

    #[test]
    fn a_file_past_the_bound_is_refused_and_one_within_it_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert!(matches!(read_regular(&path, 9), Err(Refusal::TooLarge(10))));
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
    }
}
