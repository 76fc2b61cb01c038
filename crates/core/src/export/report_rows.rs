//! The evaluation report as data: one row per action and year (for
//! spreadsheets, `report --format csv`; the same rows are meant for
//! `export --format csv` once its row type is settled) and the JSON document.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::Session;
use crate::i18n::Lang;
use crate::labels::status_token;

use super::report_join::Joined;

/// One action in one year of the horizon (or of the years reviewed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionYearRow {
    pub year: i16,
    /// The eje's ID and the línea's display number ("1.2"), empty when unplaced.
    pub axis: String,
    pub line: String,
    pub id: String,
    pub action: String,
    /// That year's degree, empty without a review that year.
    pub degree: Option<u8>,
    /// That year's status token (`pending`, `in_progress`, `done`, `dropped`), empty without a review.
    pub status: Option<&'static str>,
    /// Due within or before that year and below 100 (as it stood then).
    pub late: bool,
    pub note: Option<String>,
}

/// The years a plan's rows cover: the horizon, else the years reviewed.
pub fn row_years(s: &Session) -> Vec<i16> {
    match s.meta.horizon {
        Some(h) => (h.start..=h.end).collect(),
        None => s.reviewed_years(),
    }
}

/// One row per action (in plan order) and year, years outermost.
pub fn action_year_rows(s: &Session, years: &[i16], today: Date) -> Vec<ActionYearRow> {
    let mut rows = Vec::new();
    for &year in years {
        for (c, a) in s.actions_in_plan_order() {
            let st = s.standing(c, a, year).judged_on(today);
            let this_year = s.action_review(&a.id, year);
            let line = a.line.as_deref().filter(|l| s.line_number(l).is_some());
            let axis = line.and_then(|l| s.find_line(l)).and_then(|i| s.lines.get(i)).map(|l| l.axis.clone());
            rows.push(ActionYearRow {
                year,
                axis: axis.unwrap_or_default(),
                line: line.map(|l| s.line_label(l)).unwrap_or_default(),
                id: a.id.clone(),
                action: a.text.clone(),
                degree: this_year.map(|r| r.degree.get()),
                status: this_year.map(|r| status_token(r.status)),
                late: st.late,
                note: this_year.and_then(|r| r.note.clone()),
            });
        }
    }
    rows
}

/// The rows as CSV (RFC 4180, UTF-8), cells that a spreadsheet would run as
/// a formula neutralised with a leading `'`. The action IDs as `lang` shows
/// them (`CF1` in English), as in `dafo export --format csv`; the JSON keeps
/// the stored ones.
pub fn csv(rows: &[ActionYearRow], lang: Lang) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["year", "axis", "line", "id", "action", "degree", "status", "late", "note"]);
    let cell = |t: &str| {
        let t = super::safe(t).into_owned();
        if t.starts_with(['=', '+', '-', '@']) { format!("'{t}") } else { t }
    };
    for r in rows {
        let _ = w.write_record([
            r.year.to_string(),
            cell(&r.axis),
            cell(&r.line),
            cell(&lang.show_id(&r.id)),
            cell(&r.action),
            r.degree.map(|d| d.to_string()).unwrap_or_default(),
            r.status.unwrap_or_default().to_owned(),
            r.late.to_string(),
            cell(r.note.as_deref().unwrap_or_default()),
        ]);
    }
    w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    horizon: Option<String>,
    files: &'a [String],
    years: Vec<JsonYear>,
    rows: Vec<ActionYearRow>,
    discrepancies: Vec<JsonDiscrepancy<'a>>,
}

#[derive(Serialize)]
struct JsonYear {
    year: i16,
    body: Option<String>,
    date: Option<String>,
    summary: Option<String>,
    problems: Vec<String>,
    counts: JsonCounts,
    unreviewed: usize,
    late: Vec<String>,
    degree: Option<f64>,
    axes: Vec<JsonNode>,
    indicators: Vec<JsonIndicator>,
}

#[derive(Serialize)]
struct JsonCounts {
    pending: usize,
    in_progress: usize,
    done: usize,
    dropped: usize,
}

#[derive(Serialize)]
struct JsonNode {
    id: String,
    degree: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lines: Vec<JsonNode>,
}

#[derive(Serialize)]
struct JsonIndicator {
    id: String,
    baseline: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
    /// Percent of the way from baseline to target.
    progress: Option<f64>,
}

#[derive(Serialize)]
struct JsonDiscrepancy<'a> {
    id: &'a str,
    year: i16,
    older: &'a str,
    older_says: &'a str,
    newer: &'a str,
    newer_says: &'a str,
}

/// Degrees rounded to one decimal, so the JSON reads like the report (and
/// `0.0`, not `-0.0`, for what rounds to zero from below: `+ 0.0` drops the sign).
fn round(x: Option<f64>) -> Option<f64> {
    x.map(|x| (x * 10.0).round() / 10.0 + 0.0)
}

/// The report of `years` as a stable JSON document: per year its record,
/// counts, roll-ups and indicators; the rows of every year up to the last one.
pub fn json(joined: &Joined, years: &[i16], today: Date) -> String {
    let s = &joined.session;
    let last = years.last().copied().unwrap_or(i16::MAX);
    let history: Vec<i16> = row_years(s).into_iter().filter(|&y| y <= last).collect();
    let years_out = years
        .iter()
        .map(|&y| {
            let p = s.progress_on(y, today);
            let r = s.year_review(y);
            JsonYear {
                year: y,
                body: r.and_then(|r| r.body.clone()),
                date: r.and_then(|r| r.date).map(|d| d.to_string()),
                summary: r.and_then(|r| r.summary.clone()),
                problems: r.map(|r| r.problems.clone()).unwrap_or_default(),
                counts: {
                    let [pending, in_progress, done, dropped] = p.counts();
                    JsonCounts { pending, in_progress, done, dropped }
                },
                unreviewed: p.unreviewed(),
                late: p.late().map(|a| a.id.clone()).collect(),
                degree: round(p.degree),
                axes: p
                    .axes
                    .iter()
                    .map(|a| JsonNode {
                        id: a.id.clone(),
                        degree: round(a.degree),
                        lines: a
                            .lines
                            .iter()
                            .map(|l| JsonNode { id: l.id.clone(), degree: round(l.degree), lines: Vec::new() })
                            .collect(),
                    })
                    .collect(),
                indicators: s
                    .indicators
                    .iter()
                    .map(|i| {
                        let actual = s.indicator_value(&i.id, y);
                        JsonIndicator {
                            id: i.id.clone(),
                            baseline: i.baseline,
                            target: i.target,
                            actual,
                            progress: round(actual.and_then(|x| crate::domain::indicator_progress(i, x))),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = JsonReport {
        title: &s.meta.title,
        horizon: s.meta.horizon.map(|h| h.to_string()),
        files: &joined.files,
        years: years_out,
        rows: action_year_rows(s, &history, today),
        discrepancies: joined
            .discrepancies
            .iter()
            .map(|d| JsonDiscrepancy {
                id: &d.id,
                year: d.year,
                older: &d.older,
                older_says: &d.older_says,
                newer: &d.newer,
                newer_says: &d.newer_says,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    // As the session's JSON: C1 controls and bidi marks as `\uXXXX` (serde escapes
    // only C0), so nothing drives a terminal and the texts read back the same.
    super::json::terminal_safe(&text)
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn a_progress_that_rounds_to_zero_from_below_is_zero_in_the_json() {
        let zero = round(Some(-0.01)).unwrap();
        assert!(zero == 0.0 && zero.is_sign_positive(), "{zero:?}");
        assert_eq!(serde_json::to_string(&zero).unwrap(), "0.0");
        assert_eq!(round(Some(-0.26)), Some(-0.3));
    }

    #[test]
    fn the_report_json_escapes_bidi_marks_and_reads_back_the_same_text() {
        let sample = crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron");
        let mut s = crate::storage::load(&sample).unwrap();
        let typed = "Abrir \u{202e}oicivres\u{9b}2J";
        s.correct[0].text = typed.to_owned();
        let joined = super::super::report_join::join(vec![("p.ron".to_owned(), s)], crate::i18n::Lang::Es).unwrap();
        let years = row_years(&joined.session);
        let text = json(&joined, &years, jiff::civil::date(2026, 6, 1));
        assert!(!text.contains('\u{202e}') && !text.contains('\u{9b}'), "raw marks in the JSON");
        assert!(text.contains("\\u202e") && text.contains("\\u009b"));
        // Read back, the text is the one typed: the escape changes no value.
        assert!(text.contains("Abrir "));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(serde_json::to_string(&back).unwrap().contains(typed));
    }
}
