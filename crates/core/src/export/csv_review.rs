//! The yearly review in the CSV export: one row per action and year reviewed
//! (`kind` = `review`), for spreadsheets of progress per year. Its cells: the
//! action's ID and text, its línea, the status token, and at the end the
//! year, the degree (0-100) and the year's note. Rows follow the actions'
//! order (CAME quadrants in order), each action's years ascending. `dafo
//! import` reads them back as the actions' reviews.

use crate::domain::{ActionReview, Session};
use crate::i18n::Lang;
use crate::labels;

use super::csv::Row;
use super::safe;

/// `kind` of a review row.
pub const KIND_REVIEW: &str = "review";
/// `kind` of a year's record of the follow-up (`year`, `date`, `body`, `summary`, `problems`).
pub const KIND_YEAR: &str = "year_record";
/// `kind` of an indicator's value of a year (`id`, `year`, `actual`); not `value`, a valor of the plan.
pub const KIND_VALUE: &str = "indicator_value";

/// Whether a row is a year's record or an indicator's value.
pub fn is_record_row(r: &Row) -> bool {
    r.kind == KIND_YEAR || r.kind == KIND_VALUE
}

/// Adds the review rows of `s` to `out`.
pub fn add(s: &Session, lang: Lang, out: &mut Vec<Row>) {
    let row = |r: &ActionReview, text: &str, line: Option<&str>| Row {
        id: safe(&lang.show_id(&r.action)).into_owned(),
        kind: KIND_REVIEW.to_owned(),
        text: safe(text).into_owned(),
        line: line.map(|l| safe(l).into_owned()).unwrap_or_default(),
        status: labels::status_token(r.status).to_owned(),
        year: r.year.to_string(),
        degree: r.degree.to_string(),
        note: super::csv::cell(&r.note),
        committed: super::csv_plan::euros_cell(r.committed),
        paid: super::csv_plan::euros_cell(r.paid),
        ..Row::default()
    };
    for (_, a) in s.all_actions() {
        let mut years: Vec<&ActionReview> = s.reviews.iter().filter(|r| r.action == a.id).collect();
        years.sort_by_key(|r| r.year);
        out.extend(years.into_iter().map(|r| row(r, &a.text, a.line.as_deref())));
    }
    // A review of an action the session no longer holds (`dafo check` warns of
    // it) is written too: an export that imports gives back every value.
    out.extend(s.reviews.iter().filter(|r| s.find_action(&r.action).is_none()).map(|r| row(r, "", None)));
    out.extend(s.review_years.iter().map(|y| Row {
        kind: KIND_YEAR.to_owned(),
        year: y.year.to_string(),
        date: y.date.map(|d| d.to_string()).unwrap_or_default(),
        body: super::csv::cell(&y.body),
        summary: super::csv::cell(&y.summary),
        problems: super::csv::join_list(&y.problems),
        ..Row::default()
    }));
    out.extend(s.indicator_values.iter().map(|v| Row {
        id: safe(&lang.show_id(&v.indicator)).into_owned(),
        kind: KIND_VALUE.to_owned(),
        year: v.year.to_string(),
        actual: v.actual.to_string(),
        ..Row::default()
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_action_and_year_and_import_reads_them_back() {
        let s = crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron"))
            .unwrap();
        let rows = super::super::csv::rows(&s, Lang::Es, jiff::civil::date(2026, 1, 1));
        let reviews: Vec<&Row> = rows.iter().filter(|r| r.kind == KIND_REVIEW).collect();
        assert_eq!(reviews.len(), s.reviews.len());
        let c2: Vec<(&str, &str, &str)> = reviews
            .iter()
            .filter(|r| r.id == "C2")
            .map(|r| (r.year.as_str(), r.degree.as_str(), r.status.as_str()))
            .collect();
        assert_eq!(c2, vec![("2023", "40", "in_progress"), ("2024", "75", "in_progress")]);
        let text = super::super::csv::render(&s, Lang::Es, jiff::civil::date(2026, 1, 1));
        let back = crate::import::csv(&text, std::path::Path::new("plan.csv")).unwrap();
        let actions = s.all_actions().count();
        assert_eq!(back.actions.len(), actions, "review rows are no new actions");
        let back = crate::import::build(back, "x", jiff::Timestamp::UNIX_EPOCH);
        let key = |r: &ActionReview| (r.action.clone(), r.year);
        let (mut got, mut want) = (back.reviews.clone(), s.reviews.clone());
        got.sort_by_key(key);
        want.sort_by_key(key);
        assert_eq!(got, want, "the reviews come back");
    }

    #[test]
    fn money_of_a_review_comes_back_and_a_negative_amount_is_refused() {
        let s = crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron"))
            .unwrap();
        let text = super::super::csv::render(&s, Lang::Es, jiff::civil::date(2026, 1, 1));
        assert!(text.lines().next().unwrap_or("").contains(",budget,funding,committed,paid"), "{text}");
        let back = crate::import::csv(&text, std::path::Path::new("plan.csv")).unwrap();
        let back = crate::import::build(back, "x", jiff::Timestamp::UNIX_EPOCH);
        let c3 = back.action_review("C3", 2024).unwrap();
        assert_eq!((c3.committed.map(|e| e.cents), c3.paid.map(|e| e.cents)), (Some(3_200_000), Some(2_560_000)));
        let bad = text.replacen(",32000,25600", ",-32000,25600", 1);
        assert_ne!(bad, text);
        let err = crate::import::csv(&bad, std::path::Path::new("plan.csv")).map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("committed"), "{err}");
    }
}
