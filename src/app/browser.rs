//! The session browser: the sessions of a directory, newest first.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use ratatui_textarea::TextArea;

use crate::domain::Session;
use crate::storage;

/// What the browser shows of one session file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// The session's summary, or why the file could not be read.
    /// (The error is shared: an entry is cloned; it is said in the screen's language.)
    pub summary: Result<Summary, std::sync::Arc<storage::LoadError>>,
}

/// Title, dates and counts of a session.
#[derive(Debug, Clone)]
pub struct Summary {
    pub title: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub counts: [usize; 4],
}

impl Summary {
    pub fn of(s: &Session) -> Summary {
        Summary { title: s.meta.title.clone(), created: s.meta.created, modified: s.meta.modified, counts: s.counts() }
    }
}

/// The browser screen state.
pub struct Browser {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The title being typed for a new session (`n`).
    pub naming: Option<TextArea<'static>>,
    /// A message for the browser's status line.
    pub notice: Option<super::Notice>,
    /// The session the one being named carries over from (`N`), if any.
    pub from: Option<PathBuf>,
    /// What sits on top of the list (the help).
    pub overlays: super::overlay::Overlays,
    /// The language it speaks (and opens sessions in).
    pub lang: crate::i18n::Lang,
    /// The zone its dates and times are shown in: the room's (the clock's local
    /// zone); files keep UTC. Tests set a fixed one.
    pub zone: jiff::tz::TimeZone,
}

impl Browser {
    /// Reads every `.ron` file of `dir` (a missing directory is just empty).
    pub fn scan(dir: &Path, lang: crate::i18n::Lang) -> Browser {
        let overlays = super::overlay::Overlays::default();
        Browser {
            lang,
            dir: dir.to_owned(),
            entries: scan_dir(dir),
            selected: 0,
            naming: None,
            notice: None,
            from: None,
            overlays,
            zone: crate::clock::local_zone(),
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.entries.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

/// The sessions of a directory, most recently modified first; unreadable files
/// last, with their error.
pub fn scan_dir(dir: &Path) -> Vec<Entry> {
    let Ok(read) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .map(|path| {
            let summary = storage::load(&path).map(|s| Summary::of(&s)).map_err(std::sync::Arc::new);
            Entry { path, summary }
        })
        .collect();
    entries.sort_by(|a, b| match (&a.summary, &b.summary) {
        (Ok(x), Ok(y)) => y.modified.cmp(&x.modified),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
    entries
}
