//! The words of the evaluation report (informe de seguimiento) and of the
//! `dafo review` and `dafo report` messages: their shape; each language's words
//! are in its catalogue (`Catalogue::report`).

/// The report's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct ReportWords {
    /// "Informe de seguimiento".
    pub title: &'static str,
    pub plan: &'static str,
    pub year: &'static str,
    pub years: &'static str,
    pub body: &'static str,
    pub date: &'static str,
    pub files: &'static str,
    pub summary: &'static str,
    pub counts: &'static str,
    pub unreviewed: &'static str,
    pub total: &'static str,
    pub mean: &'static str,
    pub degrees: &'static str,
    pub actions_years: &'static str,
    pub indicators: &'static str,
    pub late: &'static str,
    pub problems: &'static str,
    pub notes: &'static str,
    pub changes: &'static str,
    pub discrepancies: &'static str,
    pub col_id: &'static str,
    pub col_status: &'static str,
    pub col_action: &'static str,
    pub col_axis_line: &'static str,
    pub col_indicator: &'static str,
    pub col_baseline: &'static str,
    pub col_target: &'static str,
    pub col_due: &'static str,
    pub col_degree: &'static str,
    pub col_change: &'static str,
    pub no_line: &'static str,
    /// Legend of the marks: ● hecha, ◐ en curso, ○ pendiente, × descartada, ! en retraso.
    pub legend: &'static str,
    /// "de" in "2023 de 2023-2026".
    pub none_late: &'static str,
    pub no_changes: &'static str,
    /// "{id} {year}: {older} dice {a}, {newer} dice {b}".
    pub says: &'static str,
    /// Names a year's record (committee, date, summary) among the discrepancies;
    /// short, as it stands in the ID column.
    pub year_record: &'static str,
    /// "Progreso" of an indicator.
    pub progress: &'static str,
    /// The count row of actions en retraso.
    pub late_short: &'static str,
    /// Under the status table: how many of those actions are en retraso (the counts).
    pub late_apart: fn(&str) -> String,
    /// "grado medio" in the one-line summary of a year.
    pub mean_short: &'static str,
    /// What the indicators' year columns hold.
    pub indicator_lead: &'static str,
    /// Changes between files: "nueva", "ya no está".
    pub added: &'static str,
    pub removed: &'static str,
    pub reworded: &'static str,
    pub status_to: &'static str,
    /// `dafo review` when the file already says so.
    pub nothing_to_change: &'static str,
    /// `dafo review`: the number of changes saved, `1 cambio guardado`, `3 cambios guardados`.
    pub changes_saved: fn(usize) -> String,
    /// `dafo report --format docx` with no `-o` on a terminal.
    pub docx_on_terminal: &'static str,
    /// `dafo report` of a plan with no year reviewed yet: the file, to name in the advice.
    pub no_year_reviewed: fn(&str) -> String,
}
