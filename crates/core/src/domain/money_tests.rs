//! Tests of the plan financiero: totals, problems, sums per eje, línea and source.

use jiff::Timestamp;

use super::*;
use crate::domain::{Axis, Came, Degree, Line};

fn euros(e: u64) -> Euros {
    Euros { cents: e * 100 }
}

fn plan() -> Session {
    let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2025, 2027).ok();
    s.axes = vec![Axis { id: "EJ1".into(), text: "Economía".into() }, Axis { id: "EJ2".into(), text: "Social".into() }];
    let line = |id: &str, axis: &str| Line { id: id.into(), axis: axis.into(), text: id.into(), indicators: vec![] };
    s.lines = vec![line("L1", "EJ1"), line("L2", "EJ1"), line("L3", "EJ2")];
    let mut a = CameAction::new("C1", "Vivero", vec![]);
    a.line = Some("L1".into());
    a.budget = vec![YearAmount { year: 2025, amount: euros(1000) }, YearAmount { year: 2026, amount: euros(500) }];
    a.funding = Some("FEADER".into());
    let mut b = CameAction::new("C2", "Ruta", vec![]);
    b.line = Some("L2".into());
    b.amount = Some(euros(300));
    b.funding = Some("Diputación".into());
    let mut c = CameAction::new("C3", "Centro de día", vec![]);
    c.line = Some("L3".into());
    c.budget = vec![YearAmount { year: 2027, amount: euros(2000) }];
    s.correct = vec![a, b, c];
    s.reviews.push(ActionReviewFor::paid("C1", 2025, 400, 250));
    s
}

struct ActionReviewFor;

impl ActionReviewFor {
    fn paid(id: &str, year: i16, committed: u64, paid: u64) -> crate::domain::ActionReview {
        crate::domain::ActionReview {
            action: id.into(),
            year,
            degree: Degree::ZERO,
            status: crate::domain::Status::Pending,
            note: None,
            committed: Some(euros(committed)),
            paid: Some(euros(paid)),
        }
    }
}

#[test]
fn an_old_single_amount_is_a_total_without_year_split() {
    let s = plan();
    let b = &s.correct[1];
    assert_eq!((b.planned_total(), b.unsplit(), b.planned_in(2025)), (Some(euros(300)), Some(euros(300)), None));
    let a = &s.correct[0];
    assert_eq!((a.planned_total(), a.unsplit(), a.planned_in(2026)), (Some(euros(1500)), None, Some(euros(500))));
}

#[test]
fn sums_by_axis_line_and_source_add_up_to_the_plan() {
    let s = plan();
    let axes = s.budget_by_axis();
    assert_eq!(axes.years, [2025, 2026, 2027]);
    let ej1 = &axes.rows[0];
    assert_eq!((ej1.key.as_str(), ej1.planned.clone(), ej1.unsplit), ("EJ1", vec![100_000, 50_000, 0], 30_000));
    assert_eq!((ej1.committed.clone(), ej1.paid.clone()), (vec![40_000, 0, 0], vec![25_000, 0, 0]));
    assert_eq!(axes.rows[1].planned, [0, 0, 200_000]);
    assert_eq!(axes.total.planned_total(), 380_000);
    let lines = s.budget_by_line();
    assert_eq!(lines.rows.iter().map(|r| r.planned_total()).collect::<Vec<_>>(), [150_000, 30_000, 200_000]);
    let by_source = s.budget_by_funding(&["FEADER", "Fondos propios"]);
    let keys: Vec<&str> = by_source.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["FEADER", "Diputación", ""], "listed sources first, then others, then none; empty ones left out");
    assert_eq!(execution(ej1.paid_total(), ej1.planned_total()).map(|x| x.round()), Some(14.0), "250 of 1800");
    assert_eq!(execution(1, 0), None);
}

/// A descartada action's planned money is in no sum (found by a facilitator's
/// trial: the plan's total still counted it); what was paid for it still counts.
#[test]
fn dropped_actions_plan_no_money() {
    let mut s = plan();
    s.correct[0].status = crate::domain::Status::Dropped;
    let axes = s.budget_by_axis();
    assert_eq!((axes.rows[0].planned.clone(), axes.rows[0].unsplit), (vec![0, 0, 0], 30_000));
    assert_eq!(axes.total.planned_total(), 230_000, "380 000 less C1's 150 000");
    assert_eq!(axes.rows[0].paid, [25_000, 0, 0], "money paid before it was dropped was spent");
    assert_eq!(s.budget_by_line().rows[0].planned_total(), 0);
    let by_source = s.budget_by_funding(&["FEADER"]);
    assert!(by_source.rows.iter().all(|r| r.key != "FEADER" || r.planned_total() == 0));
    assert_eq!(s.dropped_with_money().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["C1"]);
    // The amounts stay in the action: taken up again, they count again.
    assert_eq!(s.correct[0].planned_total(), Some(euros(1500)));
}

#[test]
fn check_finds_years_outside_the_horizon_and_unknown_sources() {
    let mut s = plan();
    assert_eq!(
        s.money_problems(&["FEADER"]),
        [MoneyProblem::UnknownFunding { action: "C2".into(), source: "Diputación".into() }]
    );
    s.funding = vec!["FEADER".into(), "Diputación".into()];
    assert_eq!(s.money_problems(&[]), []);
    s.correct[2].budget.push(YearAmount { year: 2030, amount: euros(1) });
    s.correct[2].budget.push(YearAmount { year: 2027, amount: euros(1) });
    assert_eq!(
        s.money_problems(&[]),
        [
            MoneyProblem::YearOutside { action: "C3".into(), year: 2030, horizon: s.meta.horizon },
            MoneyProblem::TwiceAYear { action: "C3".into(), year: 2027 },
        ]
    );
    // A single amount beside amounts per year: fine when they agree, said when not.
    s.correct[2].budget.truncate(1);
    s.correct[2].amount = Some(euros(2000));
    assert_eq!(s.money_problems(&[]), []);
    s.correct[2].amount = Some(euros(1999));
    let (total, years) = (euros(1999), euros(2000));
    assert_eq!(s.money_problems(&[]), [MoneyProblem::TotalDiffers { action: "C3".into(), total, years }]);
}

#[test]
fn the_list_of_sources_is_set_in_one_undoable_step() {
    let mut s = plan();
    let list = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let e =
        s.set_funding(&list(&["FEADER", " Diputación ", "FEADER", ""])).unwrap_or(crate::domain::Edit::Batch(vec![]));
    let undo = s.apply(e).unwrap();
    assert_eq!(s.funding, ["FEADER", "Diputación"]);
    assert!(s.set_funding(&list(&["FEADER", "Diputación"])).is_none());
    s.apply(undo).unwrap();
    assert!(s.funding.is_empty(), "undo takes the whole list back");
    let e = s.set_funding(&list(&["Fondos propios"])).unwrap_or(crate::domain::Edit::Batch(vec![]));
    s.apply(e).unwrap();
    assert_eq!(s.funding, ["Fondos propios"]);
}

#[test]
fn a_session_without_money_saves_none_of_its_fields() {
    let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
    s.correct.push(CameAction::new("C1", "x", vec![]));
    let text = ron::to_string(&s).unwrap_or_default();
    for key in ["budget", "funding", "committed", "paid"] {
        assert!(!text.contains(key), "{key} in {text}");
    }
    assert!(!s.has_money());
    let _ = Came::Correct;
}

#[test]
fn money_never_recorded_for_a_year_is_unknown_not_zero() {
    let s =
        crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let lines = s.budget_by_line();
    let at = lines.years.iter().position(|&y| y == 2024).unwrap();
    let line = |id: &str| lines.rows.iter().find(|r| r.key == id).unwrap();
    // L1: 38.000 € planned for 2024, but no review of 2024 says what was committed or paid.
    assert_eq!(line("L1").planned[at], 3_800_000);
    assert_eq!(line("L1").spent(at), None);
    assert_eq!(line("L2").spent(at), Some((3_200_000, 2_560_000)));
    // An eje is known when any of its líneas is: L1 and L2 make eje 1.
    let axes = s.budget_by_axis();
    assert_eq!(axes.rows.iter().find(|r| r.key == "EJ1").unwrap().spent(at), Some((3_200_000, 2_560_000)));
}
