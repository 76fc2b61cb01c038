//! The words of the owners' sheets (`dafo review --sheets`, `--from-sheets`), the
//! shape of their sheet names, column headers, instructions and what the import
//! says; each language's words are in its catalogue (`Catalogue::sheets`).

/// The sheets' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct SheetWords {
    /// Worksheet names (at most 31 characters).
    pub actions: &'static str,
    pub indicators: &'static str,
    pub instructions: &'static str,
    /// The file of actions without owner (a file-name slug).
    pub no_owner: &'static str,
    /// Column headers; those with a year take it.
    pub id: &'static str,
    pub action: &'static str,
    pub line: &'static str,
    pub owner: &'static str,
    pub feeds: &'static str,
    pub budget: &'static str,
    /// Money committed and paid that year (when the plan carries money).
    pub committed: fn(i16) -> String,
    pub paid: fn(i16) -> String,
    pub degree: fn(i16) -> String,
    pub status: fn(i16) -> String,
    pub note: fn(i16) -> String,
    pub name: &'static str,
    pub unit: &'static str,
    pub last_value: &'static str,
    pub value: fn(i16) -> String,
    /// The hidden column that remembers what the sheet was written from.
    pub fingerprint: &'static str,
    /// The instructions sheet: the plan's title and year, then one line each.
    pub guide: fn(&str, i16) -> [String; 8],
    /// `dafo review --sheets`: how many files were written, and where.
    pub written: fn(usize, &str) -> String,
    /// Where a refused row is: the sheet (empty for CSV) and row.
    pub place: fn(&str, usize) -> String,
    /// Which cell of that row: the column's letter and header.
    pub column: fn(&str, &str) -> String,
    /// A status that is not one of this language's words (what was written, the words).
    pub not_a_status: fn(&str, &str) -> String,
    /// A second, different answer for the same action or indicator (where the first is).
    pub duplicate: fn(&str, &str) -> String,
    /// A cell holding a formula instead of a value.
    pub formula: &'static str,
    /// A true/false cell as the spreadsheet shows it in this language: `[false, true]`.
    pub booleans: [&'static str; 2],
    /// A file or sheet without the ID column and year columns dafo writes.
    pub not_a_sheet: fn(i16) -> String,
    /// A column the sheet has twice (its header, the two columns' letters):
    /// which of the two answers is meant cannot be told.
    pub twice: fn(&str, &str, &str) -> String,
    /// A sheet (empty for CSV) whose used area spans too many cells: the area
    /// (`A1:XFD1048576`) and the most cells read.
    pub too_many_cells: fn(&str, &str, usize) -> String,
    /// An `.xlsx` that cannot be read (not a zip, cut short, damaged): the
    /// library's own words go after it.
    pub unreadable: &'static str,
    /// An `.xlsx` whose parts unpacked would take more than this many megabytes.
    pub unpacked_too_big: fn(u64) -> String,
    /// Said after the refusal of a cell the spreadsheet holds as a date (its
    /// number format is a date's) where a number is asked.
    pub date_format: &'static str,
    /// Said after the refusal of a cell shown as a percentage where euros are asked.
    pub percent_format: &'static str,
    /// A sheet written from another session (another plan, or the same plan
    /// created again or renamed): the title of the session reading it.
    pub other_session: fn(&str) -> String,
    /// A folder with no `.xlsx` or `.csv` in it.
    pub no_sheets: &'static str,
    /// An answer for something changed in the session since the sheet was written.
    pub stale: &'static str,
    /// Every answer already in the session.
    pub already: &'static str,
    /// Headings of the import's listing.
    pub changes: &'static str,
    pub conflicts: fn(usize) -> String,
    pub skipped: fn(usize) -> String,
    /// A refusal with nothing applied, and how to apply the rest: how many rows
    /// (or whole sheets) were refused, and how many files could not be read at
    /// all (a file given that does not exist is no row).
    pub refused: fn(usize, usize) -> String,
    /// The question before applying (a terminal), and the answer that says yes.
    pub ask: &'static str,
    pub yes: &'static str,
    /// Nothing applied: no terminal to ask and no `--yes`.
    pub not_applied: &'static str,
}
