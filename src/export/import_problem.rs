//! What a CSV import could not read on one line, typed: `Display` gives the English
//! wording (logs, tests); users read it in their language through the catalogue
//! (`ImportError::message`, words in `Catalogue::import_errors`).

use thiserror::Error;

use crate::i18n::{ImportErrors, Lang};

use super::import::ImportError;

/// One line of a CSV file that does not read. The `String` is what the file held.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("the header needs at least the columns quadrant and text")]
    Header,
    #[error("votes must be a whole number, not {0:?}")]
    Votes(String),
    #[error("unknown quadrant {0:?}")]
    Quadrant(String),
    #[error("unknown CAME quadrant {0:?} (Mantener, Corregir, Explotar, Afrontar)")]
    Came(String),
    #[error("status must be pending, in_progress, done or dropped, not {0:?}")]
    Status(String),
    #[error("due must be a date YYYY-MM-DD, not {0:?}")]
    Due(String),
    #[error("a strategy links two factors, not {0:?}")]
    Links(String),
    #[error("unknown kind of strategy {0:?} (FO, DO, FA, DA)")]
    StrategyKind(String),
    #[error("year must be a year like 2025, not {0:?}")]
    Year(String),
    #[error("degree must be 0 to 100, not {0:?}")]
    Degree(String),
    /// A detail from the CSV reader, a range or a plan row, given as it comes.
    #[error("{0}")]
    Detail(String),
}

impl ImportErrors {
    /// `p` in this language.
    pub fn of(&self, p: &Problem) -> String {
        match p {
            Problem::Header => self.header.to_owned(),
            Problem::Votes(v) => (self.votes)(v),
            Problem::Quadrant(v) => (self.quadrant)(v),
            Problem::Came(v) => (self.came)(v),
            Problem::Status(v) => (self.status)(v),
            Problem::Due(v) => (self.due)(v),
            Problem::Links(v) => (self.links)(v),
            Problem::StrategyKind(v) => (self.strategy_kind)(v),
            Problem::Year(v) => (self.year)(v),
            Problem::Degree(v) => (self.degree)(v),
            Problem::Detail(v) => v.clone(),
        }
    }
}

impl ImportError {
    /// The error in `lang`: the file (and line) first, then why; what the system
    /// or a plan table says stays as it is given.
    pub fn message(&self, lang: Lang) -> String {
        let words = &lang.text().import_errors;
        match self {
            ImportError::Csv { path, line, problem } => format!("{}:{line}: {}", path.display(), words.of(problem)),
            ImportError::Empty { path } => format!("{}: {}", path.display(), words.empty),
            ImportError::UnknownKind { path } => format!("{}: {}", path.display(), words.unknown_kind),
            ImportError::Io { .. } | ImportError::At { .. } => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// One of each variant; the match below stops the build when one is added.
    fn every(v: &str) -> Vec<Problem> {
        let all = vec![
            Problem::Header,
            Problem::Votes(v.into()),
            Problem::Quadrant(v.into()),
            Problem::Came(v.into()),
            Problem::Status(v.into()),
            Problem::Due(v.into()),
            Problem::Links(v.into()),
            Problem::StrategyKind(v.into()),
            Problem::Year(v.into()),
            Problem::Degree(v.into()),
        ];
        for p in &all {
            match p {
                Problem::Header
                | Problem::Votes(_)
                | Problem::Quadrant(_)
                | Problem::Came(_)
                | Problem::Status(_)
                | Problem::Due(_)
                | Problem::Links(_)
                | Problem::StrategyKind(_)
                | Problem::Year(_)
                | Problem::Degree(_)
                | Problem::Detail(_) => {}
            }
        }
        all
    }

    #[test]
    fn no_english_reaches_a_spanish_or_catalan_reader() {
        let path = PathBuf::from("x.csv");
        let mut errors: Vec<ImportError> = every("Nada")
            .into_iter()
            .map(|problem| ImportError::Csv { path: path.clone(), line: 3, problem })
            .collect();
        errors.push(ImportError::Empty { path: path.clone() });
        errors.push(ImportError::UnknownKind { path: path.clone() });
        for e in &errors {
            let english = e.to_string();
            assert_eq!(e.message(Lang::En), english);
            let mut said = vec![english.clone()];
            for lang in [Lang::Es, Lang::Ca] {
                let m = e.message(lang);
                assert!(m.starts_with("x.csv:"), "{lang:?}: {m}");
                assert!(!said.contains(&m), "{lang:?} says it as another language does: {m}");
                // What the file held is shown, quoted, in every language.
                assert_eq!(m.contains("\"Nada\""), english.contains("\"Nada\""), "{lang:?}: {m}");
                said.push(m);
            }
        }
    }
}
