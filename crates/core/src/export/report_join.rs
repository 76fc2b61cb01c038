//! Joining several years' files of one plan for the evaluation report: by
//! action ID (carry-over keeps IDs), the newer file winning where two files
//! disagree on the same action and year, each such clash kept as a
//! [`Discrepancy`]. A file is newer when it was created later (then modified
//! later, then named later on the command line).

use crate::domain::{ActionReview, Came, IndicatorValue, Session, YearReview};
use crate::i18n::Lang;

/// Two files that say different things about one action (or indicator) in one
/// year, or about the year's record (committee, date, summary).
#[derive(Debug, Clone, PartialEq)]
pub struct Discrepancy {
    /// The action's or indicator's ID; empty for the year's record.
    pub id: String,
    pub year: i16,
    pub older: String,
    pub older_says: String,
    pub newer: String,
    pub newer_says: String,
}

/// Several files joined into one session.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The newest file, with the actions, reviews, year records and values
    /// only older files have.
    pub session: Session,
    /// The files' names, oldest first.
    pub files: Vec<String>,
    pub discrepancies: Vec<Discrepancy>,
    /// With two or more files, the oldest one as it is, for "what changed".
    pub oldest: Option<Session>,
}

/// A review as the report writes it: `75 en curso «nota»`, with the money
/// when it differs from `other`'s: `75 en curso; comprometido 32.000 €, pagado 25.600 €`.
pub fn describe(lang: Lang, r: &ActionReview, other: &ActionReview) -> String {
    let status = crate::labels::status(lang, r.status);
    let mut said = match &r.note {
        Some(n) => format!("{} {status} «{n}»", r.degree),
        None => format!("{} {status}", r.degree),
    };
    if (r.committed, r.paid) != (other.committed, other.paid) {
        let amount =
            |e: Option<crate::domain::Euros>| e.map_or_else(|| "—".to_owned(), |e| lang.locale().money(e.cents));
        said.push_str("; ");
        said.push_str(&(lang.money().follow_detail)(&amount(r.committed), &amount(r.paid), ""));
    }
    said
}

/// A year's record as the report writes it, only what differs from `other`'s:
/// `Comisión · 12/12/2024 · «resumen»` (`—` for one left empty).
pub fn describe_year(lang: Lang, y: &YearReview, other: &YearReview) -> String {
    let date = |r: &YearReview| r.date.map(|d| lang.locale().date(d));
    let summary = |r: &YearReview| r.summary.as_ref().map(|s| format!("«{s}»"));
    let fields = [(y.body.clone(), other.body.clone()), (date(y), date(other)), (summary(y), summary(other))];
    let parts: Vec<String> =
        fields.into_iter().filter(|(a, b)| a != b).map(|(a, _)| a.unwrap_or_else(|| "—".to_owned())).collect();
    if parts.is_empty() { "—".to_owned() } else { parts.join(" · ") }
}

/// Joins `files` (name and session), in any order. `None` for no files.
pub fn join(files: Vec<(String, Session)>, lang: Lang) -> Option<Joined> {
    let mut files: Vec<(usize, String, Session)> = files.into_iter().enumerate().map(|(i, (n, s))| (i, n, s)).collect();
    files.sort_by_key(|f| (f.2.meta.created, f.2.meta.modified, f.0));
    let names: Vec<String> = files.iter().map(|f| f.1.clone()).collect();
    let oldest = (files.len() > 1).then(|| files.first().map(|f| f.2.clone())).flatten();
    let (_, newest_name, mut session) = files.pop()?;
    let mut discrepancies = Vec::new();
    // Newest first, so each older file only fills what newer ones lack.
    // Which file each review, indicator value and year record came from, by
    // position (those of the newest file are not listed).
    let mut said_by: Vec<String> = Vec::new();
    let mut value_by: Vec<String> = Vec::new();
    let mut year_by: Vec<String> = Vec::new();
    for (_, name, old) in files.into_iter().rev() {
        for c in Came::ALL {
            for a in old.actions(c) {
                if session.find_action(&a.id).is_none() {
                    session.actions_mut(c).push(a.clone());
                }
            }
        }
        let source = |by: &[String], p: usize| by.get(p).cloned().unwrap_or_else(|| newest_name.clone());
        let says = |x: &ActionReview| (x.degree, x.status, x.note.clone(), x.committed, x.paid);
        let same_review = |n: &ActionReview, r: &ActionReview| n.action == r.action && n.year == r.year;
        for (p, r) in fill(&mut session.reviews, &mut said_by, &newest_name, &name, &old.reviews, same_review) {
            let newer = &session.reviews[p];
            if says(newer) != says(r) {
                discrepancies.push(Discrepancy {
                    id: r.action.clone(),
                    year: r.year,
                    older: name.clone(),
                    older_says: describe(lang, r, newer),
                    newer: source(&said_by, p),
                    newer_says: describe(lang, newer, r),
                });
            }
        }
        let same_value = |n: &IndicatorValue, v: &IndicatorValue| n.indicator == v.indicator && n.year == v.year;
        for (p, v) in
            fill(&mut session.indicator_values, &mut value_by, &newest_name, &name, &old.indicator_values, same_value)
        {
            let newer = session.indicator_values[p].actual;
            if newer != v.actual {
                discrepancies.push(Discrepancy {
                    id: v.indicator.clone(),
                    year: v.year,
                    older: name.clone(),
                    older_says: lang.locale().exact(v.actual),
                    newer: source(&value_by, p),
                    newer_says: lang.locale().exact(newer),
                });
            }
        }
        let same_year = |n: &YearReview, y: &YearReview| n.year == y.year;
        for (p, y) in fill(&mut session.review_years, &mut year_by, &newest_name, &name, &old.review_years, same_year) {
            let newer = &session.review_years[p];
            if (&newer.body, newer.date, &newer.summary) != (&y.body, y.date, &y.summary) {
                discrepancies.push(Discrepancy {
                    id: String::new(),
                    year: y.year,
                    older: name.clone(),
                    older_says: describe_year(lang, y, newer),
                    newer: source(&year_by, p),
                    newer_says: describe_year(lang, newer, y),
                });
            }
        }
        if session.meta.horizon.is_none() {
            session.meta.horizon = old.meta.horizon;
        }
    }
    session.reviews.sort_by_key(|r| r.year);
    session.review_years.sort_by_key(|r| r.year);
    session.indicator_values.sort_by_key(|v| v.year);
    discrepancies.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    Some(Joined { session, files: names, discrepancies, oldest })
}

/// Fills `newer` with the items of `older` (the file `name`) it lacks, one by
/// one, `by` noting which file each came from (those of the newest file,
/// `newest`, are not listed); returns each item of `older` that `same` finds
/// already there, with where: what the caller compares.
fn fill<'o, T: Clone>(
    newer: &mut Vec<T>,
    by: &mut Vec<String>,
    newest: &str,
    name: &str,
    older: &'o [T],
    same: impl Fn(&T, &T) -> bool,
) -> Vec<(usize, &'o T)> {
    let mut found = Vec::new();
    for item in older {
        match newer.iter().position(|n| same(n, item)) {
            Some(p) => found.push((p, item)),
            None => {
                newer.push(item.clone());
                by.resize(newer.len() - 1, newest.to_owned());
                by.push(name.to_owned());
            }
        }
    }
    found
}

/// Whether `a` and `b` are versions of one plan: they share a factor or an
/// action (same ID, same text), as every year's file carried over from the last
/// does (`new --from` keeps IDs and texts). Files without a single factor or
/// action cannot tell and are taken as one plan. Two unrelated plans both have a
/// `C1`, but not with the same words.
pub fn same_plan(a: &Session, b: &Session) -> bool {
    let items = |s: &Session| -> std::collections::HashSet<(String, String)> {
        let factors = crate::domain::Quadrant::ALL.into_iter().flat_map(|q| s.factors(q).iter());
        let factors = factors.map(|f| (f.id.clone(), f.text.clone()));
        factors.chain(s.all_actions().map(|(_, x)| (x.id.clone(), x.text.clone()))).collect()
    };
    let (x, y) = (items(a), items(b));
    x.is_empty() || y.is_empty() || !x.is_disjoint(&y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Degree, Horizon};
    use jiff::Timestamp;

    fn year_file(title: &str, second: i64, reviews: &[(&str, i16, u8)]) -> Session {
        let mut s = Session::new(title, Timestamp::from_second(second).unwrap());
        s.meta.horizon = Horizon::new(2023, 2026).ok();
        for t in ["a", "b"] {
            let e = s.add_action(Came::Correct, t, vec![]).unwrap();
            s.apply(e).unwrap();
        }
        for &(id, y, d) in reviews {
            let e = s.review_action(id, y, Degree::new(d), None, None).unwrap().unwrap();
            s.apply(e).unwrap();
        }
        s
    }

    #[test]
    fn versions_of_one_plan_share_an_item_and_unrelated_plans_do_not() {
        let old = year_file("2023", 100, &[]);
        let next = crate::domain::carry_over(&old, "2024", Timestamp::from_second(200).unwrap());
        assert!(same_plan(&old, &next));
        let mut other = Session::new("otro", Timestamp::from_second(300).unwrap());
        for t in ["x", "y"] {
            let e = other.add_action(Came::Correct, t, vec![]).unwrap();
            other.apply(e).unwrap();
        }
        // Both have C1 and C2, with other words: not one plan.
        assert!(!same_plan(&old, &other));
        assert!(same_plan(&old, &Session::new("vacío", Timestamp::from_second(1).unwrap())));
    }

    #[test]
    fn the_newer_file_wins_and_the_clash_is_listed() {
        let old = year_file("2023", 100, &[("C1", 2023, 40), ("C2", 2023, 10)]);
        let mut new = year_file("2024", 200, &[("C1", 2023, 50), ("C1", 2024, 80)]);
        new.correct.remove(1); // C2 done and left behind in the old file
        let j = join(vec![("nuevo.ron".into(), new), ("viejo.ron".into(), old)], Lang::Es).unwrap();
        assert_eq!(j.files, ["viejo.ron", "nuevo.ron"]);
        assert_eq!(j.session.action_review("C1", 2023).map(|r| r.degree.get()), Some(50));
        assert_eq!(j.session.action_review("C2", 2023).map(|r| r.degree.get()), Some(10));
        assert!(j.session.find_action("C2").is_some());
        let years: Vec<_> = j.session.reviews.iter().map(|r| r.year).collect();
        assert_eq!(years, [2023, 2023, 2024]);
        assert_eq!(j.discrepancies.len(), 1);
        let d = &j.discrepancies[0];
        assert_eq!((d.id.as_str(), d.year, d.older.as_str(), d.newer.as_str()), ("C1", 2023, "viejo.ron", "nuevo.ron"));
        assert_eq!((d.older_says.as_str(), d.newer_says.as_str()), ("40 en curso", "50 en curso"));
        assert!(j.oldest.is_some());
        assert!(join(Vec::new(), Lang::Es).is_none());
    }

    #[test]
    fn money_and_year_records_that_disagree_are_listed_with_the_file_each_came_from() {
        use crate::domain::{Euros, YearReview};
        let mut a = year_file("a", 100, &[("C1", 2023, 40)]);
        a.reviews[0].committed = Some(Euros { cents: 3_200_000 });
        a.reviews[0].paid = Some(Euros { cents: 2_560_000 });
        let summary = Some("El mismo resumen".to_owned());
        a.review_years.push(YearReview {
            year: 2023,
            body: Some("Comisión".into()),
            summary: summary.clone(),
            ..Default::default()
        });
        a.indicator_values.push(crate::domain::IndicatorValue { indicator: "I1".into(), year: 2023, actual: 1.0 });
        let mut b = year_file("b", 200, &[("C1", 2023, 40)]);
        b.reviews[0].committed = Some(Euros { cents: 3_200_000 });
        b.reviews[0].paid = Some(Euros { cents: 3_000_050 });
        let date = Some(jiff::civil::date(2023, 12, 14));
        b.review_years.push(YearReview { year: 2023, body: Some("Pleno".into()), date, summary, ..Default::default() });
        b.indicator_values.push(crate::domain::IndicatorValue { indicator: "I1".into(), year: 2023, actual: 2.0 });
        // The newest file has none of them: each value came from b.
        let c = year_file("c", 300, &[]);
        let j = join(vec![("a.ron".into(), a), ("b.ron".into(), b), ("c.ron".into(), c)], Lang::Es).unwrap();
        assert_eq!(j.session.action_review("C1", 2023).and_then(|r| r.paid), Some(Euros { cents: 3_000_050 }));
        let said: Vec<_> = j
            .discrepancies
            .iter()
            .map(|d| (d.id.as_str(), d.older.as_str(), d.older_says.as_str(), d.newer.as_str(), d.newer_says.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                // Only what differs: the committee, and a date only one file has.
                ("", "a.ron", "Comisión · —", "b.ron", "Pleno · 14/12/2023"),
                (
                    "C1",
                    "a.ron",
                    "40 en curso; comprometido 32.000 €, pagado 25.600 €",
                    "b.ron",
                    "40 en curso; comprometido 32.000 €, pagado 30.000,50 €"
                ),
                // Values exactly as stored, as the rest of the report writes numbers (`1,00` before).
                ("I1", "a.ron", "1", "b.ron", "2"),
            ]
        );
    }
}
