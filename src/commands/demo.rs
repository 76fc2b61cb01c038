//! `dafo demo`: copies the bundled sample sessions into the sessions folder, asking
//! before it replaces a file of the same name that differs, so the browser can open
//! them. The samples are built into the binary: an installed dafo has them too.

use std::path::Path;

use super::CommandError;
use crate::i18n::Lang;
use crate::storage::{SessionLock, write_atomic, write_atomic_new};

/// The sample sessions, as their path under the sessions folder and their text.
pub const SAMPLES: &[(&str, &str)] = &[
    ("palencia-ciudad-de-los-cuidados.ron", include_str!("../../sessions/palencia-ciudad-de-los-cuidados.ron")),
    (
        "almendral-plan-servicios-sociales-2023-2026.ron",
        include_str!("../../sessions/almendral-plan-servicios-sociales-2023-2026.ron"),
    ),
    ("grupos/asociaciones.ron", include_str!("../../sessions/grupos/asociaciones.ron")),
    ("grupos/politicos.ron", include_str!("../../sessions/grupos/politicos.ron")),
    ("grupos/tecnicos.ron", include_str!("../../sessions/grupos/tecnicos.ron")),
];

/// What became of each sample.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Copied {
    /// Written (new, or replaced after a yes).
    pub written: usize,
    /// Already there with the same text.
    pub same: usize,
    /// A different file of that name, kept (the answer was no, or it is open in a dafo).
    pub kept: usize,
}

/// Copies every sample into `dir` (made if missing). A file of the same name with
/// other words is replaced only when `replace` (asked with the file's path) says
/// yes, and never while another dafo holds it open.
pub fn copy_samples(dir: &Path, lang: Lang, replace: &mut dyn FnMut(&Path) -> bool) -> Result<Copied, CommandError> {
    let write_err = |path: &Path, source| CommandError::Write { path: path.to_owned(), source };
    let mut copied = Copied::default();
    for (name, text) in SAMPLES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| write_err(parent, e))?;
        }
        // Bounded, and only a regular file: a FIFO there would hang the read,
        // a link to /dev/zero fill the memory.
        match crate::storage::bounded::read_regular(&path, crate::storage::SESSION_FILE_LIMIT) {
            Ok(old) if old == text.as_bytes() => copied.same += 1,
            Ok(_) => {
                if !replace(&path) {
                    copied.kept += 1;
                    continue;
                }
                // Under the session's lock: a dafo editing it keeps its words.
                let Ok(_lock) = SessionLock::acquire(&path) else {
                    super::say(&format!("dafo: {}: {}", path.display(), lang.text().cli.demo_in_use));
                    copied.kept += 1;
                    continue;
                };
                write_atomic(&path, text.as_bytes()).map_err(|e| write_err(&path, e))?;
                copied.written += 1;
            }
            Err(e) if e.is_not_found() => {
                write_atomic_new(&path, text.as_bytes()).map_err(|e| write_err(&path, e))?;
                copied.written += 1;
            }
            Err(e) => return Err(CommandError::Load(e.into())),
        }
    }
    Ok(copied)
}

/// Whether `answer` (a line typed after the question) is a yes in `lang`; an empty
/// line, or anything else, is a no.
pub fn is_yes(answer: &str, lang: Lang) -> bool {
    let a = answer.trim().to_lowercase();
    !a.is_empty() && lang.text().cli.demo_yes.contains(&a.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_are_copied_then_found_the_same_and_a_changed_one_is_kept_unless_yes() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("dafo/sessions");
        let mut never = |_: &Path| panic!("nothing to ask about");
        let first = copy_samples(&sessions, Lang::Es, &mut never).unwrap();
        assert_eq!(first, Copied { written: SAMPLES.len(), same: 0, kept: 0 });
        for (name, text) in SAMPLES {
            assert_eq!(std::fs::read_to_string(sessions.join(name)).unwrap(), *text);
            crate::storage::load(&sessions.join(name)).unwrap();
        }
        assert_eq!(copy_samples(&sessions, Lang::Es, &mut never).unwrap().same, SAMPLES.len());

        let mine = sessions.join(SAMPLES[0].0);
        std::fs::write(&mine, "mis palabras").unwrap();
        let mut asked = Vec::new();
        let kept = copy_samples(&sessions, Lang::Es, &mut |p: &Path| {
            asked.push(p.to_owned());
            false
        })
        .unwrap();
        assert_eq!((kept.kept, asked), (1, vec![mine.clone()]));
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mis palabras");

        // Open in another dafo: kept even after a yes.
        let held = SessionLock::acquire(&mine).unwrap();
        assert_eq!(copy_samples(&sessions, Lang::Es, &mut |_: &Path| true).unwrap().kept, 1);
        drop(held);
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mis palabras");

        assert_eq!(copy_samples(&sessions, Lang::Es, &mut |_: &Path| true).unwrap().written, 1);
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), SAMPLES[0].1);
    }

    #[test]
    fn yes_is_said_in_the_language_in_force_and_anything_else_is_no() {
        assert!(is_yes("s\n", Lang::Es) && is_yes("Sí", Lang::Es) && is_yes("y", Lang::En) && is_yes("sí", Lang::Ca));
        assert!(!is_yes("", Lang::Es) && !is_yes("n", Lang::Es) && !is_yes("no", Lang::En) && !is_yes("x", Lang::Ca));
    }
}
