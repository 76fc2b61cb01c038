//! The language a session file names (`meta: (…, language: "en", …)`), read even
//! from a file that no longer reads as a session, so that `dafo recover` speaks
//! the session's language about it (docs/errors.md).
//!
//! ron reads the file through serde up to `meta`'s `language`, with a seed that
//! keeps it the moment it is read: what breaks after it (text after the end, a
//! missing comma further on, a value of the wrong kind or one dafo refuses, an
//! unknown field) does not matter; what breaks before it does.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// [`language_of`] the session file at `path`, read as a session file is
/// (a regular file of at most [`super::SESSION_FILE_LIMIT`] bytes).
pub fn language_in_file(path: &std::path::Path) -> Option<String> {
    super::format::read_session_bytes(path).ok().and_then(|bytes| language_of(&bytes))
}

/// The language tag `bytes` (a session file, whole or damaged) give in `meta`:
/// its `language`, or the default a session without one has; `None` where the
/// RON breaks before it.
pub fn language_of(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let found = RefCell::new(None);
    if let Ok(mut de) = ron::Deserializer::from_str(text) {
        // The error of whatever follows the language (ron wants the rest of the
        // file to read too) is no concern here.
        let _ = Top(&found).deserialize(&mut de);
    }
    found.into_inner()
}

/// The session's outer struct: every field passed over until `meta`.
struct Top<'a>(&'a RefCell<Option<String>>);

/// `meta`: every field passed over until `language`.
struct Meta<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Session", &["meta"], self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a session")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "meta" {
                // Nothing after `meta` is read.
                return map.next_value_seed(Meta(self.0));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Meta<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Meta", &["language"], self)
    }
}

impl<'de> Visitor<'de> for Meta<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a session's meta")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "language" {
                *self.0.borrow_mut() = Some(map.next_value::<String>()?);
                return Ok(());
            }
            map.next_value::<IgnoredAny>()?;
        }
        // A whole `meta` without one: the session's default, as loading gives it.
        *self.0.borrow_mut() = Some(crate::domain::DEFAULT_LANGUAGE.to_owned());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../../../sessions/almendral-plan-servicios-sociales-2023-2026.ron");

    fn in_english() -> String {
        SAMPLE.replacen("language: \"es\"", "language: \"en\"", 1)
    }

    #[test]
    fn a_whole_file_gives_its_language() {
        assert_eq!(language_of(SAMPLE.as_bytes()).as_deref(), Some("es"));
        assert_eq!(language_of(in_english().as_bytes()).as_deref(), Some("en"));
        let one_line = "(version: 4, meta: (title: \"T\", created: \"2026-01-01T00:00:00Z\", modified: \"2026-01-01T00:00:00Z\", language: \"ca\"))";
        assert_eq!(language_of(one_line.as_bytes()).as_deref(), Some("ca"));
        // Every sample session: the language loading gives.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut seen = 0;
        for dir in ["sessions", "sessions/grupos", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "ron")
                    && let Ok(session) = crate::storage::load(&path)
                {
                    let bytes = std::fs::read(&path).unwrap();
                    assert_eq!(language_of(&bytes), Some(session.meta.language), "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen >= 5, "{seen} samples");
    }

    #[test]
    fn damage_after_the_language_does_not_hide_it() {
        let en = in_english();
        let cut: String = en.lines().take(40).map(|l| format!("{l}\n")).collect();
        for damaged in [
            format!("{en}broken\n"),
            en.replacen("votes: ", "votes: \"many\", zzz: ", 1),
            en.replacen("),\n", ")\n", 3),
            cut,
        ] {
            assert!(crate::storage::parse(&damaged, std::path::Path::new("x.ron")).is_err(), "{damaged}");
            assert_eq!(language_of(damaged.as_bytes()).as_deref(), Some("en"), "{damaged}");
        }
        assert_eq!(language_of(format!("\u{feff}{en}").as_bytes()).as_deref(), Some("en"));
    }

    #[test]
    fn damage_before_it_or_no_session_gives_none() {
        let en = in_english();
        assert_eq!(language_of(en.replacen("title: ", "title ", 1).as_bytes()), None);
        assert_eq!(language_of(b""), None);
        assert_eq!(language_of(b"broken"), None);
        assert_eq!(language_of(b"\xff\xfe(garbage"), None);
        // A `meta` without a language: the default a session gets.
        let none = "(version: 4, meta: (title: \"T\"), broken";
        assert_eq!(language_of(none.as_bytes()).as_deref(), Some("es"));
    }
}
