//! What `update` asks the terminal loop to do: the slow or outside-world work
//! (disk, clipboard, leaving) kept out of `update`, so keys never wait for it
//! and tests can assert it without touching the real clipboard or disk.

use std::sync::Arc;

use crate::clipboard::{self, Content, CopyOutcome};

/// Work for the terminal loop, returned by [`super::App::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the session now (`Ctrl-s`); the save runs on the saver's thread.
    SaveNow,
    /// Put this on the clipboard; it can take seconds, so it runs on its own thread.
    Copy(Content),
    /// Leave the session: everything pending is written first.
    Quit,
    /// Conflict answered `o`: write ours over the version on disk (kept as a backup).
    KeepMine,
    /// Conflict answered `r`: keep ours beside the file, load the version on disk.
    LoadTheirs,
    /// The browser opens this session file.
    Open(std::path::PathBuf),
    /// The browser creates a session titled `title` in its folder (carried over
    /// from the session at `from`, read again now, when given) and opens it.
    Create { title: String, from: Option<std::path::PathBuf> },
}

/// Where copies go: the system clipboard, or a fake in tests.
pub trait Clipboard: Send + Sync {
    /// Copies `text` (and its HTML twin); the outcome says what really happened.
    fn copy(&self, content: &Content) -> CopyOutcome;
}

/// The real clipboard, with its fallbacks (OSC 52, a temp file).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClipboard;

impl Clipboard for SystemClipboard {
    fn copy(&self, content: &Content) -> CopyOutcome {
        clipboard::copy(&content.text, content.html.as_deref())
    }
}

/// The clipboard an app starts with.
pub fn system() -> Arc<dyn Clipboard> {
    Arc::new(SystemClipboard)
}
