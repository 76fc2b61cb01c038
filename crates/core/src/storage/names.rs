//! Safe file names for new sessions, derived from their titles.

use std::path::{Path, PathBuf};

/// Longest slug kept from a title, in bytes (ASCII characters).
const MAX_SLUG: usize = 60;

/// A file name (no directory) for a session title: lower case ASCII letters,
/// digits and dashes, accents folded (`Año 2026: Diagnóstico` -> `ano-2026-diagnostico.ron`).
/// Never contains a path separator or `..`.
pub fn file_name_for_title(title: &str) -> String {
    let mut slug = slug::slugify(title);
    // Keep names short for every file system, cut at a word boundary (`…-plan-de`,
    // not `…-plan-de-activida`); the slug is ASCII, so any cut is on a char boundary.
    if slug.len() > MAX_SLUG {
        let cut = if slug.as_bytes()[MAX_SLUG] == b'-' {
            MAX_SLUG
        } else {
            slug[..MAX_SLUG].rfind('-').filter(|&i| i > 0).unwrap_or(MAX_SLUG)
        };
        slug.truncate(cut);
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "sesion.ron".to_owned() } else { format!("{slug}.ron") }
}

/// A path in `dir` for a new session with this title that does not exist yet:
/// `title.ron`, else `title-2.ron`, `title-3.ron`...
pub fn new_session_path(dir: &Path, title: &str) -> PathBuf {
    new_session_path_after(dir, title, 0)
}

/// [`new_session_path`], skipping the first `taken` candidate names too (they were
/// taken by another process between the check and the exclusive create).
pub fn new_session_path_after(dir: &Path, title: &str, taken: usize) -> PathBuf {
    let name = file_name_for_title(title);
    let stem = name.trim_end_matches(".ron");
    let candidate = |n: usize| if n < 2 { dir.join(&name) } else { dir.join(format!("{stem}-{n}.ron")) };
    let mut n = if taken == 0 { 1 } else { taken + 1 };
    let mut path = candidate(n);
    // Links count as taken too, even dangling ones.
    while std::fs::symlink_metadata(&path).is_ok() {
        n = n.max(1) + 1;
        path = candidate(n);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe() {
        assert_eq!(file_name_for_title("Año 2026: Diagnóstico"), "ano-2026-diagnostico.ron");
        assert_eq!(file_name_for_title("../../etc/passwd"), "etc-passwd.ron");
        assert_eq!(file_name_for_title("///"), "sesion.ron");
        assert_eq!(file_name_for_title(""), "sesion.ron");
        let long = file_name_for_title(&"a b ".repeat(100));
        assert!(long.len() <= 64 && !long.contains("-.ron"));
        let title = "Asociación vecinal del barrio de San Juan: plan de actividades 2026";
        assert_eq!(
            file_name_for_title(title),
            "asociacion-vecinal-del-barrio-de-san-juan-plan-de.ron",
            "cut between words"
        );
        let one_word = file_name_for_title(&"x".repeat(100));
        assert_eq!(one_word.len(), MAX_SLUG + 4, "a single long word is cut where it must");
    }

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = new_session_path(dir.path(), "Taller");
        std::fs::write(&first, "x").unwrap();
        let second = new_session_path(dir.path(), "Taller");
        assert_eq!(second.file_name().unwrap(), "taller-2.ron");
    }
}
