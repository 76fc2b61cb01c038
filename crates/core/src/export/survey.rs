//! Reading a questionnaire's answers (`dafo import --survey`): CSV files as
//! LimeSurvey, Google Forms and Microsoft Forms export them (a header row, quoted
//! multi-line answers, a UTF-8 BOM, `,` or `;` separators, CRLF), placed in
//! quadrants by a small mapping. Pure: the text in, the answers and what could
//! not be placed out.

use std::path::Path;

use crate::domain::Quadrant;
use crate::domain::text::{clean_text, display_safe, fold};
use crate::i18n::Lang;

use crate::import::quadrant_from_label;

/// Which columns hold the answers, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mapping {
    /// A column whose values name the quadrant (es/en/ca words), and the column
    /// with the answer's text (default: the next one).
    QuadrantColumn { quadrant: String, text: Option<String> },
    /// Free-text columns, each `COLUMN=quadrant`.
    Columns(Vec<String>),
}

/// One person's answers (one row of the file), already cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line of the file the row starts on.
    pub line: u64,
    pub answers: Vec<(Quadrant, String)>,
}

/// Why an answer was not placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Nothing written in this column (in `--map` mode: in any mapped column).
    Empty(String),
    /// The quadrant column holds this, which names no quadrant.
    UnknownQuadrant(String),
}

/// An answer not placed, and the line of the file it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub line: u64,
    pub why: Why,
}

/// What a survey file gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub rows: Vec<Row>,
    pub unplaced: Vec<Unplaced>,
}

impl Answers {
    /// How many answers were placed.
    pub fn count(&self) -> usize {
        self.rows.iter().map(|r| r.answers.len()).sum()
    }
}

/// Why a survey file or its mapping was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyError {
    NoMapping,
    ColumnNotFound {
        name: String,
        known: Vec<String>,
    },
    ColumnAmbiguous {
        name: String,
        found: Vec<String>,
    },
    BadMap(String),
    MapQuadrant(String),
    /// The CSV reader's own words, on a line.
    Csv {
        line: u64,
        detail: String,
    },
}

impl SurveyError {
    /// The message in `lang`, after `path:line:`.
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        let w = lang.text().survey;
        let quoted =
            |names: &[String]| names.iter().map(|n| format!("«{}»", display_safe(n))).collect::<Vec<_>>().join(", ");
        let (line, said) = match self {
            SurveyError::NoMapping => return w.no_mapping.to_owned(),
            SurveyError::ColumnNotFound { name, known } => (1, (w.column_not_found)(name, &quoted(known))),
            SurveyError::ColumnAmbiguous { name, found } => (1, (w.column_ambiguous)(name, &quoted(found))),
            SurveyError::BadMap(spec) => return (w.bad_map)(spec),
            SurveyError::MapQuadrant(q) => return (w.map_quadrant)(q),
            SurveyError::Csv { line, detail } => (*line, detail.clone()),
        };
        format!("{}:{line}: {said}", path.display())
    }
}

/// One answer not placed, as the import lists it: `file:line: why`.
pub fn unplaced_line(path: &Path, u: &Unplaced, lang: Lang) -> String {
    let w = lang.text().survey;
    let why = match &u.why {
        Why::Empty(column) => (w.empty_answer)(&display_safe(column)),
        Why::UnknownQuadrant(value) => (w.unknown_quadrant)(&display_safe(value)),
    };
    format!("{}:{}: {why}", path.display(), u.line)
}

/// The separator of a spreadsheet's CSV: `;` (a Spanish-locale spreadsheet),
/// tab, or `,`. The one that splits the header and the first answers into the
/// same number of columns (more than one), the most columns first; when none
/// does, the one the header line has most of outside quotes. A header whose
/// questions hold more commas than it has `;` ("En su opinión, ¿qué
/// fortalezas, recursos o ventajas…?") no longer makes `,` win and split the
/// answers in the wrong places.
fn separator(text: &str) -> u8 {
    let columns = |sep: u8| -> Option<usize> {
        let mut reader =
            ::csv::ReaderBuilder::new().flexible(true).has_headers(false).delimiter(sep).from_reader(text.as_bytes());
        let mut rows = reader.records().take(20).map(|r| r.map(|r| r.len()));
        let header = rows.next()?.ok()?;
        (header > 1 && rows.all(|n| n.is_ok_and(|n| n == header))).then_some(header)
    };
    let even = [b';', b'\t', b','].into_iter().filter_map(|sep| Some((columns(sep)?, sep))).max_by_key(|&(n, _)| n);
    even.map_or_else(|| header_separator(text), |(_, sep)| sep)
}

/// The separator the header line has most of outside quotes (`,` on a tie).
fn header_separator(text: &str) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(2);
    [b';', b'\t', b','][best]
}

/// The column `name` names: the header with that name (any case or accents), else
/// the one header that holds it (`fortalezas` finds `¿Qué fortalezas tiene el
/// municipio?`).
fn column(headers: &[String], name: &str) -> Result<usize, SurveyError> {
    let want = fold(&clean_text(name));
    let folded: Vec<String> = headers.iter().map(|h| fold(&clean_text(h))).collect();
    if let Some(i) = folded.iter().position(|h| *h == want) {
        return Ok(i);
    }
    let found: Vec<usize> = (0..headers.len()).filter(|&i| !want.is_empty() && folded[i].contains(&want)).collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(SurveyError::ColumnNotFound { name: name.to_owned(), known: headers.to_vec() }),
        many => Err(SurveyError::ColumnAmbiguous {
            name: name.to_owned(),
            found: many.iter().map(|&i| headers[i].clone()).collect(),
        }),
    }
}

/// The quadrant a form's choice names: its first word (`Fortalezas`, `F`), else
/// any longer word of it (`Una debilidad`, `Es una amenaza`).
fn quadrant_named(value: &str) -> Option<Quadrant> {
    quadrant_from_label(value).or_else(|| {
        let words = value.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 1);
        words.filter_map(quadrant_from_label).next()
    })
}

/// `COLUMN=quadrant` read (split at the last `=`: a question may hold one).
fn map_spec(spec: &str) -> Result<(&str, Quadrant), SurveyError> {
    let (col, q) = spec.rsplit_once('=').ok_or_else(|| SurveyError::BadMap(spec.to_owned()))?;
    if col.trim().is_empty() {
        return Err(SurveyError::BadMap(spec.to_owned()));
    }
    let quadrant = quadrant_from_label(q).ok_or_else(|| SurveyError::MapQuadrant(q.to_owned()))?;
    Ok((col, quadrant))
}

/// Where the answers of a row are: (column, its quadrant, or `None` when the
/// quadrant comes from the row's quadrant column).
enum Plan {
    ByColumn { quadrant: usize, text: usize },
    Columns(Vec<(usize, Quadrant)>),
}

fn plan(headers: &[String], mapping: &Mapping) -> Result<Plan, SurveyError> {
    match mapping {
        Mapping::QuadrantColumn { quadrant, text } => {
            let q = column(headers, quadrant)?;
            let t = match text {
                Some(t) => column(headers, t)?,
                None if q + 1 < headers.len() => q + 1,
                None => return Err(SurveyError::ColumnNotFound { name: String::new(), known: headers.to_vec() }),
            };
            Ok(Plan::ByColumn { quadrant: q, text: t })
        }
        Mapping::Columns(specs) if specs.is_empty() => Err(SurveyError::NoMapping),
        Mapping::Columns(specs) => {
            let mut out = Vec::new();
            for spec in specs {
                let (name, q) = map_spec(spec)?;
                out.push((column(headers, name)?, q));
            }
            Ok(Plan::Columns(out))
        }
    }
}

/// Reads the answers of `text` (the file at `path`) as `mapping` says. Answers are
/// cleaned (escape sequences, control characters and line breaks go); a formula
/// (`=SUMA(A1)`) stays the text it is.
pub fn read(text: &str, mapping: &Mapping) -> Result<Answers, SurveyError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new().flexible(true).delimiter(separator(text)).from_reader(text.as_bytes());
    let detail = |line: u64, e: &dyn std::fmt::Display| SurveyError::Csv { line, detail: e.to_string() };
    let headers: Vec<String> = reader.headers().map_err(|e| detail(1, &e))?.iter().map(clean_text).collect();
    let plan = plan(&headers, mapping)?;
    let line_at = |p: Option<&::csv::Position>| crate::import::csv_line(text, p);
    let mut out = Answers::default();
    for record in reader.records() {
        let record = record.map_err(|e| detail(line_at(e.position()), &e))?;
        let line = line_at(record.position());
        let cell = |i: usize| clean_text(record.get(i).unwrap_or(""));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank line a spreadsheet left at the end
        }
        let mut row = Row { line, answers: Vec::new() };
        match &plan {
            Plan::ByColumn { quadrant, text } => {
                let (value, said) = (cell(*quadrant), cell(*text));
                match quadrant_named(&value) {
                    _ if said.is_empty() => {
                        out.unplaced.push(Unplaced { line, why: Why::Empty(headers[*text].clone()) })
                    }
                    Some(q) => row.answers.push((q, said)),
                    None => out.unplaced.push(Unplaced { line, why: Why::UnknownQuadrant(value) }),
                }
            }
            Plan::Columns(columns) => {
                row.answers = columns.iter().map(|&(i, q)| (q, cell(i))).filter(|(_, t)| !t.is_empty()).collect();
                if row.answers.is_empty() {
                    let names: Vec<&str> = columns.iter().map(|&(i, _)| headers[i].as_str()).collect();
                    out.unplaced.push(Unplaced { line, why: Why::Empty(names.join(", ")) });
                }
            }
        }
        if !row.answers.is_empty() {
            out.rows.push(row);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_splits_every_row_alike() {
        // The questions hold more commas than the header has `;`.
        let forms = "Id;Nombre;En su opinión, ¿qué fortalezas, recursos o ventajas tiene?;Y, ¿qué debilidades, carencias?\r\n\
                     1;;Buen clima, paisaje;Paro juvenil\r\n2;;Vecinos implicados;Falta de vivienda, sobre todo alquiler\r\n";
        assert_eq!(separator(forms), b';');
        assert_eq!(separator("a,b\n\"x; y\",2\n"), b',');
        assert_eq!(separator("a\tb\tc\n1\t2\t3\n"), b'\t');
    }

    #[test]
    fn the_separator_is_the_header_s_own_outside_quotes() {
        assert_eq!(separator("a;b;c\n1,2;3"), b';');
        assert_eq!(separator("\"x; y\",b,c\n"), b',');
        assert_eq!(separator("a\tb\n"), b'\t');
        assert_eq!(separator(""), b',');
    }

    #[test]
    fn a_form_s_choice_names_its_quadrant_in_any_language() {
        assert_eq!(quadrant_named("Una debilidad"), Some(Quadrant::Weaknesses));
        assert_eq!(quadrant_named("Es una amenaça"), Some(Quadrant::Threats));
        assert_eq!(quadrant_named("Opportunity"), Some(Quadrant::Opportunities));
        assert_eq!(quadrant_named("F"), Some(Quadrant::Strengths));
        // "a" alone is a word of the sentence, not the prefix of Amenazas.
        assert_eq!(quadrant_named("Otro, a veces"), None);
    }

    #[test]
    fn a_column_is_found_by_its_name_or_one_part_of_the_question() {
        let h: Vec<String> = ["Nombre", "¿Qué FORTALEZAS ve?", "¿Qué debilidades ve?"].map(String::from).to_vec();
        assert_eq!(column(&h, "nombre"), Ok(0));
        assert_eq!(column(&h, "fortalezas"), Ok(1));
        assert!(matches!(column(&h, "ve"), Err(SurveyError::ColumnAmbiguous { .. })));
        assert!(matches!(column(&h, "edad"), Err(SurveyError::ColumnNotFound { .. })));
        assert!(matches!(column(&h, ""), Err(SurveyError::ColumnNotFound { .. })));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_clean_answers_or_an_error(text in "(\\PC|[\\x00-\\x1f\\u{1b}\",;\r\n=]){0,300}") {
            let mapping = Mapping::QuadrantColumn { quadrant: "q".into(), text: None };
            if let Ok(a) = read(&format!("q,t\n{text}"), &mapping) {
                for row in &a.rows {
                    for (_, t) in &row.answers {
                        proptest::prop_assert!(!t.is_empty() && !t.chars().any(char::is_control));
                    }
                }
            }
        }
    }
}
