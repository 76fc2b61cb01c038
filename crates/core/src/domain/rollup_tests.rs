//! Tests of the roll-ups: means that leave descartadas out, en retraso,
//! indicator progress, and a property test over random plans.

use super::*;
use crate::domain::{Direction, Horizon};
use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;

/// One eje with líneas L1 (C1 75, C2 25, C3 descartada at 0) and L2 (C4 100),
/// and an empty eje EJ2.
fn reviewed() -> Session {
    let mut s = Session::new("Plan", Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2023, 2026).ok();
    for t in ["Eje uno", "Eje vacío"] {
        let e = s.add_axis(t).unwrap();
        s.apply(e).unwrap();
    }
    for t in ["Línea uno", "Línea dos"] {
        let e = s.add_line("EJ1", t).unwrap();
        s.apply(e).unwrap();
    }
    for (t, line) in [("a", "L1"), ("b", "L1"), ("c", "L1"), ("d", "L2"), ("e", "L9")] {
        let e = s.add_action(Came::Correct, t, vec![]).unwrap();
        s.apply(e).unwrap();
        let i = s.correct.len() - 1;
        s.correct[i].line = Some(line.into());
    }
    for (id, d, st) in [("C1", 75, None), ("C2", 25, None), ("C3", 0, Some(Status::Dropped)), ("C4", 100, None)] {
        let e = s.review_action(id, 2024, Degree::new(d), st, None).unwrap().unwrap();
        s.apply(e).unwrap();
    }
    s
}

#[test]
fn lineas_and_ejes_are_means_without_descartadas() {
    let p = reviewed().progress(2024);
    let l1 = &p.axes[0].lines[0];
    assert_eq!(l1.degree, Some(50.0), "(75 + 25) / 2, C3 left out");
    assert_eq!(p.axes[0].lines[1].degree, Some(100.0));
    assert_eq!(p.axes[0].degree, Some(75.0), "(50 + 100) / 2");
    assert_eq!(p.axes[1].degree, None, "an empty eje has no degree");
    assert_eq!(p.degree, Some(75.0), "the empty eje is left out of the plan's mean");
    assert_eq!(p.unplaced.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["C5"]);
    // C5, never reviewed, is sin revisar only (not pendiente too): every action once.
    assert_eq!(p.counts(), [0, 2, 1, 1]);
    assert_eq!(p.unreviewed(), 1);
    assert_eq!(p.counts().iter().sum::<usize>() + p.unreviewed(), p.actions().count());
    // So in a year before any review, and for one dropped before its first review.
    let mut s = reviewed();
    s.correct[4].status = Status::Dropped;
    let before = s.progress(2023);
    assert_eq!((before.counts(), before.unreviewed()), ([0, 0, 0, 0], 5));
}

#[test]
fn an_earlier_review_stands_until_the_next() {
    let s = reviewed();
    let p = s.progress(2025);
    let c1 = p.actions().find(|a| a.id == "C1").unwrap();
    assert_eq!((c1.degree.get(), c1.reviewed, c1.note.as_deref()), (75, Some(2024), None));
    let p = s.progress(2023);
    assert!(p.actions().all(|a| a.reviewed.is_none() && a.degree == Degree::ZERO));
    // C3 was dropped in 2024: in 2023 it was still pendiente.
    assert_eq!(p.actions().find(|a| a.id == "C3").map(|a| a.status), Some(Status::Pending));
    let mut never = s.clone();
    never.correct[4].status = Status::Dropped;
    assert!(!never.progress(2023).unplaced[0].counted, "dropped and never reviewed: out");
}

#[test]
fn late_means_due_by_that_year_below_100_and_not_descartada() {
    let mut s = reviewed();
    s.correct[0].due = Some(date(2024, 6, 30)); // C1 at 75
    s.correct[2].due = Some(date(2023, 1, 1)); // C3 descartada
    s.correct[3].due = Some(date(2024, 1, 1)); // C4 at 100
    s.correct[1].due = Some(date(2025, 3, 1)); // C2 at 25, due later
    let late: Vec<_> = s.progress(2024).late().map(|a| a.id.clone()).collect();
    assert_eq!(late, ["C1"]);
    let late: Vec<_> = s.progress(2025).late().map(|a| a.id.clone()).collect();
    assert_eq!(late, ["C1", "C2"]);
    // Hecha at 75 (recorded so by hand, or by an older dafo): done is not late.
    let e = s.review_action("C1", 2025, Degree::new(75), Some(Status::Done), None).unwrap().unwrap();
    s.apply(e).unwrap();
    let late: Vec<_> = s.progress(2025).late().map(|a| a.id.clone()).collect();
    assert_eq!(late, ["C2"], "a done action is never flagged late");
    // Not begun yet and never reviewed: left out of the means.
    s.correct[4].start = Some(date(2026, 1, 1));
    assert!(!s.progress(2025).unplaced[0].counted);
}

#[test]
fn indicator_progress_works_both_ways() {
    let up = Indicator {
        id: "I1".into(),
        name: "Casos".into(),
        unit: None,
        baseline: Some(20.0),
        target: Some(120.0),
        direction: Direction::Up,
        milestones: Vec::new(),
    };
    assert_eq!(indicator_progress(&up, 70.0), Some(50.0));
    let down = Indicator { baseline: Some(90.0), target: Some(30.0), direction: Direction::Down, ..up.clone() };
    assert_eq!(indicator_progress(&down, 60.0), Some(50.0), "waiting time 90 → 60 of a 90 → 30 target");
    assert_eq!(indicator_progress(&down, 100.0).map(|p| p.round()), Some(-17.0));
    assert_eq!(indicator_progress(&Indicator { target: Some(20.0), ..up.clone() }, 5.0), None);
    assert_eq!(indicator_progress(&Indicator { baseline: None, ..up.clone() }, 5.0), None);
    // To keep: how close it stayed to its level, either way off.
    let keep = Indicator { baseline: Some(90.0), target: None, direction: Direction::Keep, ..up };
    assert_eq!(indicator_progress(&keep, 90.0), Some(100.0));
    assert_eq!(indicator_progress(&keep, 81.0), Some(90.0));
    assert_eq!(indicator_progress(&keep, 100.0), Some(90.0));
    assert_eq!(
        indicator_progress(&Indicator { target: Some(50.0), ..keep.clone() }, 50.0),
        Some(100.0),
        "the target first"
    );
    assert_eq!(indicator_progress(&Indicator { baseline: None, ..keep.clone() }, 5.0), None);
    assert_eq!(indicator_progress(&keep, -1.0), None);
}

/// A random plan: ejes (some empty) with líneas (some empty) with actions
/// reviewed in 2024 with a degree and a status.
fn plans() -> impl Strategy<Value = Vec<Vec<Vec<(u8, usize)>>>> {
    let action = (0u8..=100, 0usize..4);
    let line = proptest::collection::vec(action, 0..5);
    let axis = proptest::collection::vec(line, 0..4);
    proptest::collection::vec(axis, 0..4)
}

fn build(plan: &[Vec<Vec<(u8, usize)>>]) -> Session {
    let mut s = Session::new("p", Timestamp::UNIX_EPOCH);
    s.meta.horizon = Horizon::new(2024, 2025).ok();
    for (a, lines) in plan.iter().enumerate() {
        let e = s.add_axis(&format!("Eje {a}")).unwrap();
        s.apply(e).unwrap();
        let axis = s.axes[a].id.clone();
        for (l, actions) in lines.iter().enumerate() {
            let e = s.add_line(&axis, &format!("Línea {l}")).unwrap();
            s.apply(e).unwrap();
            let line = s.lines.last().map(|l| l.id.clone());
            for &(d, st) in actions {
                let e = s.add_action(Came::Exploit, "x", vec![]).unwrap();
                s.apply(e).unwrap();
                let id = s.exploit.last().unwrap().id.clone();
                let i = s.exploit.len() - 1;
                s.exploit[i].line = line.clone();
                let e = s.review_action(&id, 2024, Degree::new(d), Some(Status::ALL[st]), None).unwrap().unwrap();
                s.apply(e).unwrap();
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn roll_ups_are_means_ignoring_descartadas_within_0_100(plan in plans()) {
        let s = build(&plan);
        let p = s.progress(2024);
        prop_assert_eq!(p.axes.len(), plan.len());
        let mut axis_degrees = Vec::new();
        for (axis, lines) in p.axes.iter().zip(&plan) {
            let mut line_degrees = Vec::new();
            for (line, actions) in axis.lines.iter().zip(lines) {
                let kept: Vec<f64> =
                    actions.iter().filter(|(_, st)| Status::ALL[*st] != Status::Dropped).map(|(d, _)| f64::from(*d)).collect();
                let expected = (!kept.is_empty()).then(|| kept.iter().sum::<f64>() / kept.len() as f64);
                prop_assert_eq!(line.degree, expected);
                line_degrees.extend(expected);
            }
            let expected = (!line_degrees.is_empty()).then(|| line_degrees.iter().sum::<f64>() / line_degrees.len() as f64);
            prop_assert_eq!(axis.degree, expected);
            axis_degrees.extend(expected);
        }
        let all = p.axes.iter().flat_map(|a| a.degree.into_iter().chain(a.lines.iter().filter_map(|l| l.degree)));
        for d in all.chain(p.degree) {
            prop_assert!((0.0..=100.0).contains(&d), "{d}");
        }
        prop_assert_eq!(p.degree.is_some(), !axis_degrees.is_empty());
        // Other years never panic either.
        let _ = s.progress(2023);
        let _ = s.progress(i16::MAX);
    }
}
