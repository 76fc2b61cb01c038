//! Words of `dafo import --survey` (issue 27): the source the answers stand for,
//! what the import says it did, and why it refused or left an answer out: their
//! shape; each language's words are in its catalogue (`Catalogue::survey`).

/// Everything the survey import says.
#[derive(Debug)]
pub struct SurveyText {
    /// The source of every factor read from answers, as stored: cuestionario.
    pub source: &'static str,
    /// Neither `--quadrant-column` nor `--map` was given.
    pub no_mapping: &'static str,
    /// A column named on the command line is not in the header: (name, the header's columns).
    pub column_not_found: fn(&str, &str) -> String,
    /// A column name matches several of the header: (name, the columns it matches).
    pub column_ambiguous: fn(&str, &str) -> String,
    /// A `--map` that is not `COLUMN=QUADRANT`.
    pub bad_map: fn(&str) -> String,
    /// A `--map` whose quadrant is not one: (what it said).
    pub map_quadrant: fn(&str) -> String,
    /// An answer left out because it is empty (column).
    pub empty_answer: fn(&str) -> String,
    /// An answer left out because its quadrant column names no quadrant: (value).
    pub unknown_quadrant: fn(&str) -> String,
    /// What was read: (people who answered, answers, factors made).
    pub summary: fn(usize, usize, usize) -> String,
    /// Heading of the list of answers not placed: (how many).
    pub not_placed: fn(usize) -> String,
    /// The list stops: (how many more).
    pub more: fn(usize) -> String,
    // ---- The informe's "Proceso participativo" section ----
    pub process_title: &'static str,
    /// Columns: group, date, place, attendees, technique, factors contributed.
    pub process_columns: [&'static str; 6],
    /// The merge in short: (factors read, factors joining several wordings, items
    /// in two quadrants, pairs kept apart).
    pub merge_summary: fn(u32, u32, u32, u32) -> String,
    /// The `M` form's labels of the session's own meeting: attendees by sex and by
    /// age band, with an example.
    pub by_sex: &'static str,
    pub by_age: &'static str,
    /// The process table's participants column, and the word before the age
    /// bands in its attendees cell: `12 (mujeres 7, hombres 5; edad: 18-29 3)`.
    pub process_participants: &'static str,
    pub age_word: &'static str,
}

/// `one` for 1, else `many`.
pub fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
