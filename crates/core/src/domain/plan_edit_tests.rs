//! Tests of the plan's edit builders: IDs, numbering, moves, missing links, undo.

use super::*;
use crate::domain::Euros;
use crate::domain::{Document, Quadrant};
use jiff::Timestamp;
use proptest::prelude::{Just, any, prop_assert_eq, prop_oneof, proptest};
use proptest::strategy::Strategy as _;

fn apply(s: &mut Session, e: Option<Edit>) {
    s.apply(e.expect("an edit")).expect("it applies");
}

/// Two ejes: EJ1 with L1, L2; EJ2 with L3.
fn with_axes() -> Session {
    let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
    let e = s.add_axis("Sistema público");
    apply(&mut s, e);
    let e = s.add_axis("Participación");
    apply(&mut s, e);
    for (axis, t) in [("EJ1", "Atención primaria"), ("EJ2", "Consejo local"), ("EJ1", "Listas de espera")] {
        let e = s.add_line(axis, t);
        apply(&mut s, e);
    }
    s
}

fn numbers(s: &Session) -> Vec<(String, String)> {
    s.lines_in_order().map(|l| (s.line_label(&l.id), l.id.clone())).collect()
}

#[test]
fn lines_are_numbered_by_eje_and_keep_ids_when_moved() {
    let mut s = with_axes();
    assert_eq!(s.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["L1", "L3", "L2"]);
    let n = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(numbers(&s), [n("1.1", "L1"), n("1.2", "L3"), n("2.1", "L2")]);
    let e = s.move_line(0, "EJ2");
    apply(&mut s, e);
    assert_eq!(numbers(&s), [n("1.1", "L3"), n("2.1", "L2"), n("2.2", "L1")]);
    assert_eq!(s.line_by_number(2, 2).map(|l| l.id.as_str()), Some("L1"));
    assert!(s.move_line(0, "EJ9").is_none());
    let e = s.shift_axis(1, -1);
    apply(&mut s, e);
    assert_eq!(numbers(&s), [n("1.1", "L2"), n("1.2", "L1"), n("2.1", "L3")]);
    let e = s.shift_line(s.find_line("L1").unwrap(), -1);
    apply(&mut s, e);
    assert_eq!(numbers(&s)[0], n("1.1", "L1"));
    assert!(s.shift_line(s.find_line("L1").unwrap(), -1).is_none());
}

#[test]
fn ids_are_never_reused() {
    let mut s = with_axes();
    let e = s.delete_line(2);
    apply(&mut s, e);
    let e = s.add_line("EJ1", "Nueva");
    apply(&mut s, e);
    assert!(s.find_line("L4").is_some());
    for t in ["uno", "dos"] {
        let e = s.add_challenge(t, vec![]);
        apply(&mut s, e);
        let e = s.add_indicator(t);
        apply(&mut s, e);
    }
    let e = s.delete_challenge(1);
    apply(&mut s, e);
    let e = s.add_challenge("tres", vec![]);
    apply(&mut s, e);
    assert_eq!(s.challenges[1].id, "R3");
    assert_eq!(s.indicators[1].id, "I2");
    let mut reloaded = s.clone();
    reloaded.last_ids.clear();
    reloaded.normalise_ids();
    assert_eq!(reloaded.next_id(AXIS), "EJ3");
    assert_eq!(reloaded.next_id(LINE), "L5");
}

#[test]
fn deleting_an_eje_takes_its_lines_its_actions_go_back_to_the_tray_and_undo_brings_all_back() {
    let mut s = with_axes();
    let e = s.add_action(Came::Correct, "Contratar", vec![]);
    apply(&mut s, e);
    let e = s.place_action(Came::Correct, 0, Some("L3"));
    apply(&mut s, e);
    let before = s.clone();
    let mut doc = Document::new(s);
    let e = doc.session.delete_axis(0).unwrap();
    doc.apply(e).unwrap();
    assert_eq!(doc.session.axes.len(), 1);
    assert_eq!(doc.session.lines.len(), 1);
    assert_eq!(doc.session.line_label("L3"), "L3?");
    assert_eq!(doc.session.correct[0].line, None, "back in the tray, not pointing at a deleted línea");
    assert!(doc.undo());
    assert_eq!(*doc.session, before);
}

#[test]
fn deleting_a_linea_puts_its_actions_back_in_the_tray_in_one_undoable_step() {
    let mut s = with_axes();
    for t in ["Contratar", "Cita previa"] {
        let e = s.add_action(Came::Correct, t, vec![]);
        apply(&mut s, e);
    }
    for i in 0..2 {
        let e = s.place_action(Came::Correct, i, Some("L1"));
        apply(&mut s, e);
    }
    assert_eq!(s.line_holds("L1"), 2);
    assert_eq!(s.line_holds("L2"), 0);
    let before = s.clone();
    let mut doc = Document::new(s);
    let e = doc.session.delete_line(doc.session.find_line("L1").unwrap()).unwrap();
    doc.apply(e).unwrap();
    assert!(doc.session.find_line("L1").is_none());
    assert!(doc.session.correct.iter().all(|a| a.line.is_none()), "{:?}", doc.session.correct);
    assert!(doc.undo());
    assert_eq!(*doc.session, before);
}

#[test]
fn horizon_place_and_participants_are_undoable_edits() {
    let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
    let e = doc.session.set_horizon("2023-2026".parse().ok()).unwrap();
    doc.apply(e).unwrap();
    assert!(doc.session.set_horizon("2023-2026".parse().ok()).is_none());
    let e = doc.session.change_meta(|m| {
        m.place = Some(" Centro \u{1b}[1mCívico ".into());
        m.participants = Some("  ".into());
    });
    doc.apply(e.unwrap()).unwrap();
    assert_eq!(
        (doc.session.meta.place.as_deref(), doc.session.meta.participants.as_deref()),
        (Some("Centro Cívico"), None)
    );
    assert!(doc.session.change_meta(|m| m.title = " ".into()).is_none());
    assert!(doc.undo() && doc.undo());
    assert_eq!((doc.session.meta.horizon, doc.session.meta.place.as_deref()), (None, None));
}

#[test]
fn statements_values_and_cleaning() {
    let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
    let e = s.set_statement(Statement::Mission, "  Cuidar \u{1b}[1mde todas ");
    apply(&mut s, e);
    assert_eq!(s.mission.as_deref(), Some("Cuidar de todas"));
    assert!(s.set_statement(Statement::Mission, "Cuidar de todas").is_none());
    let e = s.set_statement(Statement::Mission, " ");
    apply(&mut s, e);
    assert_eq!(s.mission, None);
    for v in ["Equidad", "Participación", ""] {
        if let Some(e) = s.add_value(v) {
            s.apply(e).unwrap();
        }
    }
    assert_eq!(s.values, ["Equidad", "Participación"]);
    let e = s.shift_value(1, -1);
    apply(&mut s, e);
    let e = s.reword_value(0, "Participación ciudadana");
    apply(&mut s, e);
    assert_eq!(s.values, ["Participación ciudadana", "Equidad"]);
    let e = s.delete_value(1);
    apply(&mut s, e);
    assert_eq!(s.values.len(), 1);
}

#[test]
fn retos_link_and_unlink_sources_and_missing_ones_show() {
    let mut s = with_axes();
    let e = s.add_factor(Quadrant::Weaknesses, "Poca coordinación");
    apply(&mut s, e);
    let e = s.add_challenge("Coordinar lo social y lo sanitario", vec![Source::Factor("D1".into())]);
    apply(&mut s, e);
    let e = s.toggle_challenge_source(0, Source::Action("A1".into()));
    apply(&mut s, e);
    assert_eq!(s.challenges[0].from.len(), 2);
    assert!(s.challenges[0].from[0].exists(&s) && !s.challenges[0].from[1].exists(&s));
    let e = s.toggle_challenge_source(0, Source::Action("A1".into()));
    apply(&mut s, e);
    let e = s.delete_factor(Quadrant::Weaknesses, 0);
    apply(&mut s, e);
    assert_eq!(s.challenges[0].from, [Source::Factor("D1".into())]);
    assert!(!s.challenges[0].from[0].exists(&s));
}

#[test]
fn action_plan_fields_and_indicator_links() {
    let mut s = with_axes();
    let e = s.add_action(Came::Exploit, "Piloto", vec![]);
    apply(&mut s, e);
    let e = s.add_indicator("Personas atendidas");
    apply(&mut s, e);
    assert!(s.toggle_action_indicator(Came::Exploit, 0, "I9").is_none());
    let e = s.toggle_action_indicator(Came::Exploit, 0, "I1");
    apply(&mut s, e);
    let e = s.toggle_line_indicator(0, "I1");
    apply(&mut s, e);
    assert_eq!(s.lines[0].indicators, ["I1"]);
    let e = s.change_action(Came::Exploit, 0, |a| {
        a.resources = Some(" Dos técnicas \u{7}".into());
        a.partners = vec!["Cruz Roja".into(), "  ".into()];
        a.amount = Euros::try_from(12000.5).ok();
    });
    apply(&mut s, e);
    let a = &s.exploit[0];
    assert_eq!((a.resources.as_deref(), a.partners.as_slice()), (Some("Dos técnicas"), &["Cruz Roja".to_owned()][..]));
    assert_eq!(a.amount.map(|e| e.cents), Some(1_200_050));
    let e = s.change_indicator(0, |i| {
        i.unit = Some("personas".into());
        i.baseline = Some(f64::NAN);
        i.target = Some(120.0);
        i.direction = crate::domain::Direction::Down;
    });
    apply(&mut s, e);
    assert_eq!(s.indicators[0].baseline, None);
    let e = s.delete_indicator(0);
    apply(&mut s, e);
    assert_eq!(s.exploit[0].indicators, ["I1"], "kept, shown as missing");
    assert!(s.toggle_action_indicator(Came::Exploit, 0, "I1").is_some(), "a missing link can still be removed");
}

#[test]
fn strategies_can_be_placed_in_a_line() {
    let mut s = with_axes();
    for (q, t) in [(Quadrant::Strengths, "Red"), (Quadrant::Opportunities, "Fondos")] {
        let e = s.add_factor(q, t);
        apply(&mut s, e);
    }
    let e = s.add_strategy(crate::domain::Crossed::FO, "F1", "O1", "Proyecto europeo");
    apply(&mut s, e);
    assert!(s.place_strategy(0, Some("L9")).is_none());
    let e = s.place_strategy(0, Some("L2"));
    apply(&mut s, e);
    assert_eq!(s.strategies[0].line.as_deref(), Some("L2"));
    assert_eq!(s.lines_without_actions().len(), 2);
}

/// One random plan operation, by index into whatever exists.
#[derive(Debug, Clone)]
enum Op {
    AddAxis,
    AddLine(usize),
    DeleteAxis(usize),
    DeleteLine(usize),
    MoveLine(usize, usize),
    ShiftLine(usize, bool),
    ShiftAxis(usize, bool),
    Undo,
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    prop_oneof![
        Just(Op::AddAxis),
        any::<usize>().prop_map(Op::AddLine),
        any::<usize>().prop_map(Op::DeleteAxis),
        any::<usize>().prop_map(Op::DeleteLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::MoveLine(a, b)),
        (any::<usize>(), any::<bool>()).prop_map(|(a, b)| Op::ShiftLine(a, b)),
        (any::<usize>(), any::<bool>()).prop_map(|(a, b)| Op::ShiftAxis(a, b)),
        Just(Op::Undo),
    ]
}

proptest! {
    /// Whatever is done, líneas of existing ejes are numbered 1..n within each
    /// eje with no gaps, IDs stay unique, and undoing everything gives back the start.
    #[test]
    fn numbering_and_undo_hold(ops in proptest::collection::vec(op(), 0..40)) {
        let start = with_axes();
        let mut doc = Document::new(start.clone());
        for op in ops {
            let s = doc.session_mut();
            let pick = |n: usize, len: usize| (len > 0).then(|| n % len);
            let axis_id = |s: &Session, n: usize| pick(n, s.axes.len()).map(|i| s.axes[i].id.clone());
            let edit = match op {
                Op::AddAxis => s.add_axis("eje"),
                Op::AddLine(n) => axis_id(s, n).and_then(|a| s.add_line(&a, "línea")),
                Op::DeleteAxis(n) => pick(n, s.axes.len()).and_then(|i| s.delete_axis(i)),
                Op::DeleteLine(n) => pick(n, s.lines.len()).and_then(|i| s.delete_line(i)),
                Op::MoveLine(n, m) => match (pick(n, s.lines.len()), axis_id(s, m)) {
                    (Some(i), Some(a)) => s.move_line(i, &a),
                    _ => None,
                },
                Op::ShiftLine(n, up) => pick(n, s.lines.len()).and_then(|i| s.shift_line(i, if up { -1 } else { 1 })),
                Op::ShiftAxis(n, up) => pick(n, s.axes.len()).and_then(|i| s.shift_axis(i, if up { -1 } else { 1 })),
                Op::Undo => { doc.undo(); None }
            };
            if let Some(e) = edit {
                doc.apply(e).unwrap();
            }
            let s = &doc.session;
            for (a, axis) in s.axes.iter().enumerate() {
                for (n, (_, line)) in s.lines_of(&axis.id).enumerate() {
                    prop_assert_eq!(s.line_number(&line.id), Some((a + 1, n + 1)));
                }
            }
            let mut ids: Vec<_> = s.lines.iter().map(|l| &l.id).chain(s.axes.iter().map(|a| &a.id)).collect();
            let len = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), len);
        }
        while doc.undo() {}
        prop_assert_eq!(doc.session.lines.clone(), start.lines.clone());
        prop_assert_eq!(doc.session.axes.clone(), start.axes.clone());
    }
}
