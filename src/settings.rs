//! The optional user configuration, `$XDG_CONFIG_HOME/dafo/config.ron` (or
//! `~/.config/dafo/config.ron`): a default language and theme.
//!
//! ```ron
//! (lang: "ca", theme: "light")
//! ```
//!
//! Both are optional. `--lang`, a session's own language and `DAFO_LANG` come
//! before `lang`; `--theme` and `DAFO_THEME` before `theme`. A file that does not
//! read is reported with file:line:column and the defaults are used; a value that
//! names no language or theme (and a `DAFO_LANG` or `DAFO_THEME` that names
//! none) is passed over and said ([`ignored`]), naming the variable or the file.
//! Every command reads them, so a bad one is never a refusal of the command line:
//! `DAFO_THEME=bogus dafo check` checks, and says the variable was passed over.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use crate::app::room::ThemeName;
use crate::domain::text::display_safe;
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
    /// The file these were read from (none: no file).
    #[serde(skip)]
    pub file: Option<PathBuf>,
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
    let settings: Settings = ron::from_str(&text).map_err(|e| {
        let why = crate::storage::RonProblem::of(&e, &text).message(lang);
        format!("{}:{}:{}: {why}", path.display(), e.span.start.line, e.span.start.col)
    })?;
    Ok(Settings { file: Some(path), ..settings })
}

/// The configuration of this user, read as the command line starts: before it is
/// read only `--lang` (`flag`) and the environment can speak, so that language
/// (returned first) says a bad file. No configuration folder is no settings.
pub fn read_at_start(
    flag: Option<Lang>,
    env: impl Fn(&str) -> Option<String> + Copy,
) -> (Lang, Result<Settings, String>) {
    let early = crate::i18n::resolve(flag, None, None, env);
    let read = config_dir(env).map_or_else(|| Ok(Settings::default()), |d| read(&d, early));
    (early, read)
}

/// A setting dafo passed over because it names no language or theme it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// `DAFO_LANG` and its value.
    LangVar(String),
    /// `DAFO_THEME` and its value.
    ThemeVar(String),
    /// `lang` in a config file: the file and the value.
    ConfigLang(PathBuf, String),
    /// `theme` in a config file: the file and the value.
    ConfigTheme(PathBuf, String),
}

/// What `settings` and `DAFO_LANG` (read with `env`) say that dafo cannot use.
/// Empty values are no setting, not a wrong one.
pub fn ignored(settings: &Settings, env: impl Fn(&str) -> Option<String>) -> Vec<Ignored> {
    let file = || settings.file.clone().unwrap_or_else(|| PathBuf::from("config.ron"));
    let mut out = Vec::new();
    if let Some(v) = env("DAFO_LANG").filter(|v| !v.trim().is_empty() && Lang::from_tag(v).is_none()) {
        out.push(Ignored::LangVar(v));
    }
    if let Some(v) = env("DAFO_THEME").filter(|v| !v.trim().is_empty() && theme_named(v).is_none()) {
        out.push(Ignored::ThemeVar(v));
    }
    if !settings.lang.trim().is_empty() && settings.language().is_none() {
        out.push(Ignored::ConfigLang(file(), settings.lang.clone()));
    }
    if let Some(t) = settings.theme()
        && ThemeName::from_str(t, true).is_err()
    {
        out.push(Ignored::ConfigTheme(file(), t.to_owned()));
    }
    out
}

impl Ignored {
    /// What was passed over and what is used instead (`lang`, `theme`), said in `lang`.
    pub fn message(&self, lang: Lang, theme: ThemeName) -> String {
        let cli = &lang.text().cli;
        let tags = Lang::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>().join(", ");
        let shown = |v: &str| display_safe(v).into_owned();
        let place = |f: &Path, key: &str| format!("{}: {key}", display_safe(&f.display().to_string()));
        match self {
            Ignored::LangVar(v) => (cli.ignored_lang)("DAFO_LANG", &shown(v), &tags, lang.tag()),
            Ignored::ConfigLang(f, v) => (cli.ignored_lang)(&place(f, "lang"), &shown(v), &tags, lang.tag()),
            Ignored::ThemeVar(v) => (cli.ignored_theme)("DAFO_THEME", &shown(v), &theme_names(), &theme_tag(&theme)),
            Ignored::ConfigTheme(f, v) => {
                (cli.ignored_theme)(&place(f, "theme"), &shown(v), &theme_names(), &theme_tag(&theme))
            }
        }
    }
}

/// The theme `DAFO_THEME` names (read with `env`), if it names one: it comes
/// after `--theme` and before `theme` in `config.ron`. Empty or wrong is no
/// setting ([`ignored`] says a wrong one).
pub fn theme_var(env: impl Fn(&str) -> Option<String>) -> Option<ThemeName> {
    env("DAFO_THEME").and_then(|v| theme_named(&v))
}

fn theme_named(v: &str) -> Option<ThemeName> {
    ThemeName::from_str(v.trim(), true).ok()
}

/// Every theme's name, as `--theme` takes them.
fn theme_names() -> String {
    ThemeName::value_variants().iter().map(theme_tag).collect::<Vec<_>>().join(", ")
}

/// A theme's name as `--theme` and `config.ron` write it: `dark`.
fn theme_tag(theme: &ThemeName) -> String {
    theme.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dafo_theme_names_a_theme_or_is_passed_over_and_said() {
        let env = |v: &'static str| move |n: &str| (n == "DAFO_THEME").then(|| v.to_owned());
        assert_eq!(
            (theme_var(env("light")), theme_var(env(" Mono "))),
            (Some(ThemeName::Light), Some(ThemeName::Mono))
        );
        assert_eq!(theme_var(env("neon")), None);
        let said = ignored(&Settings::default(), env("neon"));
        assert!(matches!(&said[..], [Ignored::ThemeVar(v)] if v == "neon"), "{said:?}");
        assert!(said[0].message(Lang::Es, ThemeName::Dark).starts_with("DAFO_THEME: «neon»"));
        assert!(
            ignored(&Settings::default(), env("")).is_empty() && ignored(&Settings::default(), env("light")).is_empty()
        );
    }

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
        // Said in the language in force, with the field as the file writes it; never ron's words.
        for (lang, words) in [
            (Lang::Es, "el campo `colour` no existe en `Settings`; se esperaba uno de estos: `lang`, `theme`"),
            (Lang::En, "unknown field `colour` in `Settings`; expected one of: `lang`, `theme`"),
            (Lang::Ca, "el camp `colour` no existeix dins de `Settings`; s'esperava un d'aquests: `lang`, `theme`"),
        ] {
            let err = read(dir.path(), lang).unwrap_err();
            assert!(err.ends_with(words) && !err.contains("Unexpected field"), "{lang:?}: {err}");
        }
        std::fs::write(dir.path().join("config.ron"), "(lang: 3)").unwrap();
        let err = read(dir.path(), Lang::Ca).unwrap_err();
        assert!(err.ends_with("config.ron:1:7: ací s'esperava un text entre cometes"), "{err}");
    }

    #[cfg(unix)]
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
    fn what_names_no_language_or_theme_is_said_with_what_is_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.ron"), "(lang: \"xx\", theme: \"neon\")").unwrap();
        let s = read(dir.path(), Lang::Es).unwrap();
        let env = |n: &str| (n == "DAFO_LANG").then(|| "fr\u{1b}[2J".to_owned());
        let said = ignored(&s, env);
        assert_eq!(said.len(), 3, "{said:?}");
        let es: Vec<String> = said.iter().map(|i| i.message(Lang::Es, ThemeName::Dark)).collect();
        assert_eq!(es[0], "DAFO_LANG: «fr» no es un idioma de dafo (es, en, ca); se pasa por alto y se usa es");
        assert!(
            es[1]
                .ends_with("config.ron: lang: «xx» no es un idioma de dafo (es, en, ca); se pasa por alto y se usa es")
        );
        assert!(es[2].ends_with(
            "config.ron: theme: «neon» no es un tema de dafo (dark, light, mono); se pasa por alto y se usa dark"
        ));
        let en = said[2].message(Lang::En, ThemeName::Light);
        assert!(en.ends_with("theme: \"neon\" is not a dafo theme (dark, light, mono); ignored, using light"), "{en}");
        let ca = said[1].message(Lang::Ca, ThemeName::Dark);
        assert!(ca.ends_with("lang: «xx» no és un idioma de dafo (es, en, ca); no es té en compte i s'usa ca"), "{ca}");
        // Empty is no setting; a known one is not passed over.
        std::fs::write(dir.path().join("config.ron"), "(lang: \"en\", theme: \"LIGHT\")").unwrap();
        let s = read(dir.path(), Lang::Es).unwrap();
        assert_eq!(ignored(&s, |_| Some(" ".to_owned())), vec![]);
    }

    #[test]
    fn valencian_tags_choose_catalan() {
        let dir = tempfile::tempdir().unwrap();
        for tag in ["va", "ca-valencia", "VA"] {
            std::fs::write(dir.path().join("config.ron"), format!("(lang: {tag:?})")).unwrap();
            let s = read(dir.path(), Lang::Es).unwrap();
            assert_eq!(s.language(), Some(Lang::Ca), "{tag}");
            assert_eq!(ignored(&s, |n| (n == "DAFO_LANG").then(|| tag.to_owned())), vec![], "{tag}");
        }
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
