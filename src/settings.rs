//! The optional user configuration, `$XDG_CONFIG_HOME/dafo/config.ron` (or
//! `~/.config/dafo/config.ron`): a default language and theme.
//!
//! ```ron
//! (lang: "ca", theme: "light")
//! ```
//!
//! Both are optional. `--lang`, a session's own language and `DAFO_LANG` come
//! before `lang`; `--theme` and `DAFO_THEME` before `theme`. A file that does not
//! read is reported with file:line:column and the defaults are used.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::storage::bounded::{SMALL_FILE_LIMIT, read_regular_text};

/// What `config.ron` may say.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Default language tag: `es`, `en`, `ca` (empty: none).
    pub lang: String,
    /// Default theme: `dark`, `light`, `mono` (empty: none).
    pub theme: String,
}

impl Settings {
    /// The configured language, if it names one dafo speaks.
    pub fn language(&self) -> Option<Lang> {
        Lang::from_tag(&self.lang)
    }

    /// The configured theme's name, if set.
    pub fn theme(&self) -> Option<&str> {
        Some(self.theme.trim()).filter(|t| !t.is_empty())
    }
}

/// dafo's configuration folder: `$XDG_CONFIG_HOME/dafo`, else `$HOME/.config/dafo`.
pub fn config_dir(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |name| env(name).filter(|v| !v.is_empty());
    set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|h| Path::new(&h).join(".config")))
        .map(|d| d.join("dafo"))
}

/// Reads `config.ron` from `dir`. No file is no settings; a bad file is an error
/// (`path:line:column: message`, said in `lang`) for the caller to print before
/// going on. A FIFO, a device (a link to `/dev/zero`) or a file over
/// [`SMALL_FILE_LIMIT`] is refused without blocking or reading it all.
pub fn read(dir: &Path, lang: Lang) -> Result<Settings, String> {
    let path = dir.join("config.ron");
    let text = match read_regular_text(&path, SMALL_FILE_LIMIT) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => return Ok(Settings::default()),
        Err(e) => return Err(e.message(lang)),
    };
    ron::from_str(&text)
        .map_err(|e| format!("{}:{}:{}: {}", path.display(), e.span.start.line, e.span.start.col, e.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_and_theme() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path(), Lang::Es), Ok(Settings::default()));
        std::fs::write(dir.path().join("config.ron"), "(lang: \"ca\", theme: \"light\")").unwrap();
        let s = read(dir.path(), Lang::Es).unwrap();
        assert_eq!(s.language(), Some(Lang::Ca));
        assert_eq!(s.theme(), Some("light"));
    }

    #[test]
    fn a_bad_file_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.ron"), "(\n  lang: \"en\",\n  colour: 3)").unwrap();
        let err = read(dir.path(), Lang::Es).unwrap_err();
        assert!(err.contains("config.ron:3:"), "{err}");
    }

    #[test]
    fn a_fifo_or_a_link_to_a_device_is_refused_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("config.ron")).unwrap();
        let err = read(dir.path(), Lang::En).unwrap_err();
        assert!(err.contains("config.ron: not a regular file"), "{err}");
        std::fs::remove_file(dir.path().join("config.ron")).unwrap();
        let made = std::process::Command::new("mkfifo").arg(dir.path().join("config.ron")).status().unwrap();
        assert!(made.success());
        let err = read(dir.path(), Lang::Es).unwrap_err();
        assert!(err.contains("no es un archivo normal"), "{err}");
    }

    #[test]
    fn the_folder_follows_xdg() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(config_dir(env(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])), Some(PathBuf::from("/x/dafo")));
        assert_eq!(config_dir(env(&[("HOME", "/h")])), Some(PathBuf::from("/h/.config/dafo")));
        assert_eq!(config_dir(env(&[])), None);
    }
}
