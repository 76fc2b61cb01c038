//! `dafo list`: one line per session of a directory, newest first; files that
//! do not read are listed with their error instead of stopping the listing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::domain::{Quadrant, Session};
use crate::export::text::clip;
use crate::export::{day, day_in, safe};
use crate::i18n::Lang;
use crate::storage;

use super::{CommandError, print};

/// One listed file.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub path: PathBuf,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Why the file could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What a readable session looks like in the listing.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub title: String,
    /// Day of the session, `YYYY-MM-DD`.
    pub date: String,
    pub created: String,
    pub modified: String,
    /// Factors per quadrant: strengths, weaknesses, opportunities, threats.
    pub counts: [usize; 4],
    /// When the session was made: the lines show its day as the language
    /// writes dates (the JSON keeps `date`, `YYYY-MM-DD`).
    #[serde(skip)]
    pub made: jiff::Timestamp,
}

impl Summary {
    fn new(s: &Session) -> Summary {
        Summary {
            title: safe(&s.meta.title).into_owned(),
            date: day(s.meta.created),
            created: s.meta.created.to_string(),
            modified: s.meta.modified.to_string(),
            counts: s.counts(),
            made: s.meta.created,
        }
    }
}

/// The `.ron` files of `dir`, newest session first, unreadable ones last (why, in `lang`).
pub fn entries(dir: &Path, lang: Lang) -> Result<Vec<Entry>, CommandError> {
    let read_dir = |source| CommandError::ReadDir { path: dir.to_owned(), source };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_dir)? {
        let path = entry.map_err(read_dir)?.path();
        if path.extension().is_some_and(|e| e == "ron") && path.is_file() {
            paths.push(path);
        }
    }
    let mut loaded: Vec<(Option<jiff::Timestamp>, Entry)> = paths
        .into_iter()
        .map(|path| match storage::load(&path) {
            Ok(s) => (Some(s.meta.created), Entry { path, summary: Some(Summary::new(&s)), error: None }),
            Err(e) => (None, Entry { path, summary: None, error: Some(e.message(lang)) }),
        })
        .collect();
    loaded.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.path.cmp(&b.1.path)));
    Ok(loaded.into_iter().map(|(_, e)| e).collect())
}

/// Lists `dir` as lines or JSON.
pub fn run(dir: &Path, json: bool, lang: Lang) -> Result<ExitCode, CommandError> {
    let cli = &lang.text().cli;
    let entries = entries(dir, lang)?;
    if json {
        // Paths come as they are: C1 controls and bidi marks escaped as the JSON export does.
        let text = serde_json::to_string_pretty(&entries).map_err(|e| CommandError::Stdout(e.into()))?;
        let mut text = crate::export::json::terminal_safe(&text);
        text.push('\n');
        print(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = entries.iter().filter_map(|e| e.summary.as_ref()).map(|s| s.title.width()).max().unwrap_or(0);
    let width = width.clamp(10, 50);
    let mut out = String::new();
    for e in &entries {
        let path = safe(&e.path.display().to_string()).into_owned();
        match (&e.summary, &e.error) {
            (Some(s), _) => {
                let title = clip(&s.title, width);
                let pad = " ".repeat(width - title.width());
                let counts: Vec<String> =
                    Quadrant::ALL.iter().zip(s.counts).map(|(&q, n)| format!("{n:>2} {}", lang.letter(q))).collect();
                let date = day_in(lang, s.made);
                out.push_str(&format!("{date}  {title}{pad}  {}  {path}\n", counts.join(" ")));
            }
            (None, err) => {
                let err = safe(err.as_deref().unwrap_or(cli.unreadable)).into_owned();
                out.push_str(&format!("{:10}  {}: {err}\n", "?", cli.unreadable));
            }
        }
    }
    if entries.is_empty() {
        eprintln!("{}: {}", crate::domain::text::display_safe_lines(&dir.display().to_string()), cli.no_sessions);
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
