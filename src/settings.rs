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
/// (`path:line:column: message`) for the caller to print before going on.
pub fn read(dir: &Path) -> Result<Settings, String> {
    let path = dir.join("config.ron");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
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
        assert_eq!(read(dir.path()), Ok(Settings::default()));
        std::fs::write(dir.path().join("config.ron"), "(lang: \"ca\", theme: \"light\")").unwrap();
        let s = read(dir.path()).unwrap();
        assert_eq!(s.language(), Some(Lang::Ca));
        assert_eq!(s.theme(), Some("light"));
    }

    #[test]
    fn a_bad_file_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.ron"), "(\n  lang: \"en\",\n  colour: 3)").unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(err.contains("config.ron:3:"), "{err}");
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
