//! What a CSV import could not read on one line, typed: `Display` gives the English
//! wording (logs, tests); users read it in their language through the catalogue
//! (`ImportError::message`, words in `Catalogue::import_errors`).

use thiserror::Error;

use crate::i18n::Lang;

use super::ImportError;

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
    #[error("a table needs a separator row like |---| with {0} cells")]
    Separator(usize),
    #[error("this row has {row} cells and the header {header}")]
    Cells { row: usize, header: usize },
    #[error("unknown column {name:?}; the columns are {known}")]
    Column { name: String, known: String },
    #[error("the table needs a {0:?} column")]
    NeedsColumn(String),
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("direction must be up, down or keep (sube, baja, mantener), not {0:?}")]
    Direction(String),
    #[error("there is no línea {0} in the Ejes y líneas section")]
    NoLinea(String),
    #[error("{0:?} is not a date YYYY-MM-DD")]
    NotADate(String),
    #[error("{0:?} is not an amount of euros")]
    Amount(String),
    #[error("unknown status {0:?} (pendiente, en curso, hecha, descartada)")]
    PlanStatus(String),
    #[error("unknown heading {heading:?}; a plan has {known}")]
    Heading { heading: String, known: String },
    #[error("unknown heading {0:?} under the misión, visión y valores")]
    MissionHeading(String),
    #[error("a crossed strategy reads `- **FO1** Text (F1 × O1)`")]
    StrategyLine,
    #[error("an eje heading reads `### 1. Text`, not {0:?}")]
    EjeHeading(String),
    #[error("eje {expected} expected here, not {got:?}")]
    EjeNumber { expected: usize, got: String },
    #[error("a línea reads `- 1.1 Text`, not {0:?}")]
    LineaForm(String),
    #[error("línea {0} has no eje: put a heading like `### 1. Eje` above it")]
    LineaNoEje(String),
    #[error("línea {linea} is under eje {eje}: number it {eje}.1, {eje}.2…")]
    LineaUnderEje { linea: String, eje: usize },
    /// Bytes that are not UTF-8 text.
    #[error("not UTF-8 text: save it as `CSV UTF-8`")]
    NotUtf8,
    /// A session row's `labels` that is no label set dafo has.
    #[error("`labels` must be empty or `social_work`, not {0:?}")]
    Labels(String),
    /// A review row whose year the plan cannot hold (outside its horizon).
    #[error("{0}")]
    Review(crate::domain::ReviewError),
    /// A second review row of one action and year.
    #[error("a second review of {action} for {year}: one per action and year")]
    ReviewTwice { action: String, year: i16 },
    #[error("{column} must be a date YYYY-MM-DD, not {value:?}")]
    ColumnDate { column: String, value: String },
    #[error("{column} must be a number, not {value:?}")]
    ColumnNumber { column: String, value: String },
    #[error("{0:?} is not a factor, action or strategy")]
    NotAnItem(String),
    #[error("direction must be up, down or keep, not {0:?}")]
    CsvDirection(String),
    /// A value out of its range (impact, rating, weight).
    #[error("{0}")]
    Range(crate::domain::RangeError),
    /// A horizon that does not read.
    #[error("horizon: {0}")]
    Horizon(crate::domain::HorizonError),
    /// A detail from the CSV reader or a plan row, given as it comes.
    #[error("{0}")]
    Detail(String),
}

impl From<String> for Problem {
    fn from(detail: String) -> Problem {
        Problem::Detail(detail)
    }
}

impl Problem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let w = &lang.text().import_errors;
        match self {
            Problem::Header => w.header.to_owned(),
            Problem::Votes(v) => (w.votes)(v),
            Problem::Quadrant(v) => (w.quadrant)(v),
            Problem::Came(v) => (w.came)(v),
            Problem::Status(v) => (w.status)(v),
            Problem::Due(v) => (w.due)(v),
            Problem::Links(v) => (w.links)(v),
            Problem::StrategyKind(v) => (w.strategy_kind)(v),
            Problem::Year(v) => (w.year)(v),
            Problem::Degree(v) => (w.degree)(v),
            Problem::Separator(n) => (w.separator)(*n),
            Problem::Cells { row, header } => (w.cells)(*row, *header),
            Problem::Column { name, known } => (w.column)(name, known),
            Problem::NeedsColumn(v) => (w.needs_column)(v),
            Problem::NotANumber(v) => (w.not_a_number)(v),
            Problem::Direction(v) => (w.direction)(v),
            Problem::NoLinea(v) => (w.no_linea)(v),
            Problem::NotADate(v) => (w.not_a_date)(v),
            Problem::Amount(v) => (w.amount)(v),
            Problem::PlanStatus(v) => (w.plan_status)(v),
            Problem::Heading { heading, known } => (w.heading)(heading, known),
            Problem::MissionHeading(v) => (w.mission_heading)(v),
            Problem::StrategyLine => w.strategy_line.to_owned(),
            Problem::EjeHeading(v) => (w.eje_heading)(v),
            Problem::EjeNumber { expected, got } => (w.eje_number)(*expected, got),
            Problem::LineaForm(v) => (w.linea_form)(v),
            Problem::LineaNoEje(v) => (w.linea_no_eje)(v),
            Problem::LineaUnderEje { linea, eje } => (w.linea_under_eje)(linea, *eje),
            Problem::Labels(v) => (w.labels)(v),
            Problem::NotUtf8 => w.not_utf8.to_owned(),
            Problem::Review(e) => lang.text().review_errors.of(e),
            Problem::ReviewTwice { action, year } => (w.review_twice)(&lang.show_id(action), *year),
            Problem::ColumnDate { column, value } => (w.column_date)(column, value),
            Problem::ColumnNumber { column, value } => (w.column_number)(column, value),
            Problem::NotAnItem(v) => (w.not_an_item)(v),
            Problem::CsvDirection(v) => (w.csv_direction)(v),
            Problem::Range(e) => e.message(lang),
            // `horizon` names the column (or the line's key), as the file writes it.
            Problem::Horizon(e) => format!("horizon: {}", e.message(lang)),
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
            ImportError::Csv { path, line, problem } => format!("{}:{line}: {}", path.display(), problem.message(lang)),
            ImportError::Empty { path } => format!("{}: {}", path.display(), words.empty),
            ImportError::UnknownKind { path } => format!("{}: {}", path.display(), words.unknown_kind),
            ImportError::At { path, line, column, problem } => {
                format!("{}:{line}:{column}: {}", path.display(), problem.message(lang))
            }
            ImportError::TooLong { path, line, field, chars, max } => {
                let l = lang.text().limits;
                format!("{}:{line}: {}", path.display(), (l.too_long)(&l.field_name(field), *chars, *max))
            }
            ImportError::NotReadable(e) => e.message(lang),
            ImportError::Io { path, source } => format!("{}: {}", path.display(), crate::i18n::os_error(source, lang)),
            ImportError::InLanguage { error, .. } => error.message(lang),
        }
    }
}

#[cfg(any(test, feature = "error-scan"))]
#[doc(hidden)]
#[allow(clippy::unwrap_used)] // Test support, built for tests only: it may panic.
pub mod tests {
    use super::*;
    #[cfg(test)]
    use std::path::PathBuf;

    /// One of each variant; the match below stops the build when one is added.
    pub fn every(v: &str) -> Vec<Problem> {
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
            Problem::Separator(3),
            Problem::Cells { row: 2, header: 3 },
            Problem::Column { name: v.into(), known: "Acción, Plazo".into() },
            Problem::NeedsColumn(v.into()),
            Problem::NotANumber(v.into()),
            Problem::Direction(v.into()),
            Problem::NoLinea(v.into()),
            Problem::NotADate(v.into()),
            Problem::Amount(v.into()),
            Problem::PlanStatus(v.into()),
            Problem::Heading { heading: v.into(), known: "Ejes y líneas".into() },
            Problem::MissionHeading(v.into()),
            Problem::StrategyLine,
            Problem::EjeHeading(v.into()),
            Problem::EjeNumber { expected: 2, got: v.into() },
            Problem::LineaForm(v.into()),
            Problem::LineaNoEje(v.into()),
            Problem::LineaUnderEje { linea: v.into(), eje: 1 },
            Problem::Labels(v.into()),
            Problem::NotUtf8,
            Problem::Review(crate::domain::ReviewError::BadYear(9999)),
            Problem::ReviewTwice { action: v.into(), year: 2024 },
            Problem::ColumnDate { column: "start".into(), value: v.into() },
            Problem::ColumnNumber { column: "target".into(), value: v.into() },
            Problem::NotAnItem(v.into()),
            Problem::CsvDirection(v.into()),
            Problem::Range(crate::domain::Rating::parse(v).unwrap_err()),
            Problem::Horizon(crate::domain::HorizonError::Syntax(v.into())),
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
                | Problem::Separator(_)
                | Problem::Cells { .. }
                | Problem::Column { .. }
                | Problem::NeedsColumn(_)
                | Problem::NotANumber(_)
                | Problem::Direction(_)
                | Problem::NoLinea(_)
                | Problem::NotADate(_)
                | Problem::Amount(_)
                | Problem::PlanStatus(_)
                | Problem::Heading { .. }
                | Problem::MissionHeading(_)
                | Problem::StrategyLine
                | Problem::EjeHeading(_)
                | Problem::EjeNumber { .. }
                | Problem::LineaForm(_)
                | Problem::LineaNoEje(_)
                | Problem::LineaUnderEje { .. }
                | Problem::Labels(_)
                | Problem::NotUtf8
                | Problem::Review(_)
                | Problem::ReviewTwice { .. }
                | Problem::ColumnDate { .. }
                | Problem::ColumnNumber { .. }
                | Problem::NotAnItem(_)
                | Problem::CsvDirection(_)
                | Problem::Range(_)
                | Problem::Horizon(_)
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
        let at = |problem| ImportError::At { path: path.clone(), line: 4, column: 2, problem };
        errors.extend(every("Nada").into_iter().map(at));
        for e in &errors {
            let english = e.to_string();
            assert_eq!(e.message(Lang::En), english);
            let mut said = vec![english.clone()];
            for lang in [Lang::Es, Lang::Ca] {
                let m = e.message(lang);
                assert!(m.starts_with("x.csv:"), "{lang:?}: {m}");
                assert!(!said.contains(&m), "{lang:?} says it as another language does: {m}");
                // What the file held is shown in every language.
                assert_eq!(m.contains("Nada"), english.contains("Nada"), "{lang:?}: {m}");
                said.push(m);
            }
        }
    }
}
