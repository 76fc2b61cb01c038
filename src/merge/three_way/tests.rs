//! Tests of the three-way merge by stable IDs.

use super::*;
use crate::domain::{CameAction, Factor, Quadrant};
use jiff::Timestamp;

fn base() -> Session {
    let mut s = Session::new("Taller", Timestamp::UNIX_EPOCH);
    for (q, t) in [
        (Quadrant::Weaknesses, "Listas de espera"),
        (Quadrant::Weaknesses, "Poca coordinación"),
        (Quadrant::Strengths, "Red de centros"),
    ] {
        let e = s.add_factor(q, t).unwrap();
        s.apply(e).unwrap();
    }
    s
}

fn add(s: &mut Session, q: Quadrant, t: &str) -> String {
    let e = s.add_factor(q, t).unwrap();
    s.apply(e).unwrap();
    s.factors(q).last().unwrap().id.clone()
}

#[test]
fn adds_on_both_sides_and_edits_of_different_fields_merge_cleanly() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    add(&mut a, Quadrant::Weaknesses, "Personal temporal");
    add(&mut b, Quadrant::Weaknesses, "Edificios sin accesibilidad");
    a.weaknesses[0].text = "Listas de espera largas".into();
    b.weaknesses[0].impact = Some(5);
    a.weaknesses[1].votes = 2;
    b.weaknesses[1].votes = 3;
    b.meta.modified = Timestamp::from_second(100).unwrap();
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?}", out.conflicts, out.unmarked);
    let s = out.session;
    let texts: Vec<&str> = s.weaknesses.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Listas de espera largas", "Poca coordinación", "Personal temporal", "Edificios sin accesibilidad"]
    );
    let ids: Vec<&str> = s.weaknesses.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["D1", "D2", "D3", "D4"], "the twin D3 was renumbered");
    assert_eq!(s.weaknesses[0].impact, Some(5));
    assert_eq!(s.weaknesses[1].votes, 5, "votes add up");
    assert_eq!(s.meta.modified, Timestamp::from_second(100).unwrap());
    assert_eq!(s.last_ids["D"], 4);
}

#[test]
fn a_renumbered_twin_takes_its_references_along() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    add(&mut a, Quadrant::Threats, "Envejecimiento");
    let id = add(&mut b, Quadrant::Threats, "Recortes autonómicos");
    b.confront.push(CameAction::new("A1", "Alianzas con la diputación", vec![id.clone()]));
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean());
    let s = out.session;
    assert_eq!(s.threats[1].text, "Recortes autonómicos");
    assert_eq!(s.threats[1].id, "A2");
    assert_eq!(s.confront[0].links, ["A2"]);
}

#[test]
fn renumbered_plan_items_take_the_plan_references_along() {
    use crate::domain::{Axis, Challenge, Line, Source};
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.axes.push(Axis { id: "EJ1".into(), text: "Coordinación".into() });
    b.axes.push(Axis { id: "EJ1".into(), text: "Vivienda".into() });
    b.lines.push(Line { id: "L1".into(), axis: "EJ1".into(), text: "Bolsa de alquiler".into(), indicators: vec![] });
    a.lines.push(Line { id: "L1".into(), axis: "EJ1".into(), text: "Mesa mensual".into(), indicators: vec![] });
    add(&mut a, Quadrant::Threats, "Envejecimiento");
    let threat = add(&mut b, Quadrant::Threats, "Recortes autonómicos");
    let mut action = CameAction::new("A1", "Alianzas", vec![threat.clone()]);
    action.line = Some("L1".into());
    b.confront.push(action);
    b.challenges.push(Challenge { id: "R1".into(), text: "Financiación".into(), from: vec![Source::Factor(threat)] });
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?}", out.conflicts, out.unmarked);
    let s = out.session;
    let ids = |l: &[Axis]| l.iter().map(|x| (x.id.clone(), x.text.clone())).collect::<Vec<_>>();
    assert_eq!(ids(&s.axes), [("EJ1".into(), "Coordinación".into()), ("EJ2".into(), "Vivienda".into())]);
    let theirs = s.lines.iter().find(|l| l.text == "Bolsa de alquiler").unwrap();
    assert_eq!((theirs.id.as_str(), theirs.axis.as_str()), ("L2", "EJ2"));
    assert_eq!(s.confront[0].line.as_deref(), Some("L2"));
    assert_eq!(s.confront[0].links, ["A2"]);
    assert_eq!(s.challenges[0].from, [Source::Factor("A2".into())]);
}

#[test]
fn delete_against_untouched_deletes() {
    let o = base();
    let (mut a, b) = (o.clone(), o.clone());
    a.weaknesses.remove(1);
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean());
    assert_eq!(out.session.weaknesses.len(), 1);
    let out = merge3(&o, &b, &a).unwrap();
    assert_eq!(out.session.weaknesses.len(), 1);
}

#[test]
fn both_edited_keeps_both_versions_marked() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.weaknesses[0].text = "Listas de espera de un año".into();
    b.weaknesses[0].text = "Listas de espera de seis meses".into();
    let out = merge3(&o, &a, &b).unwrap();
    assert_eq!(out.conflicts.len(), 1);
    let s = &out.session;
    assert_eq!(s.weaknesses[0].text, "Listas de espera de un año");
    assert_eq!(s.weaknesses[0].conflict, Some(Conflict::OtherVersion("D3".into())));
    assert_eq!(s.weaknesses[1].text, "Listas de espera de seis meses");
    assert_eq!(s.weaknesses[1].conflict, Some(Conflict::OtherVersion("D1".into())));
    let text = crate::storage::to_ron(s);
    assert!(!text.contains("<<<<<<<"));
    assert_eq!(crate::storage::parse(&text, std::path::Path::new("x.ron")).unwrap().conflicts().len(), 2);
}

#[test]
fn edit_against_delete_keeps_the_edit_marked() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.strengths.clear();
    b.strengths[0].text = "Red de centros de día".into();
    let out = merge3(&o, &a, &b).unwrap();
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(out.session.strengths.len(), 1);
    assert_eq!(out.session.strengths[0].conflict, Some(Conflict::DeletedElsewhere));
}

#[test]
fn the_same_addition_on_both_sides_is_kept_once() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.opportunities.push(Factor::new("O1", "Fondos europeos"));
    b.opportunities.push(Factor::new("O1", "Fondos europeos"));
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean());
    assert_eq!(out.session.opportunities.len(), 1);
}

/// Sessions edited in many small ways from `base()`.
fn variants() -> Vec<Session> {
    let o = base();
    let mut out = vec![o.clone()];
    let mut s = o.clone();
    add(&mut s, Quadrant::Opportunities, "Fondos europeos");
    out.push(s.clone());
    s.weaknesses.remove(0);
    out.push(s.clone());
    let mut t = o.clone();
    t.strengths[0].votes = 4;
    t.weaknesses.swap(0, 1);
    t.meta.place = Some("Centro cívico".into());
    out.push(t);
    let mut u = o.clone();
    let e = u.move_factor(Quadrant::Weaknesses, 1, Quadrant::Threats).unwrap();
    u.apply(e).unwrap();
    u.correct.push(CameAction::new("C1", "Mesa de coordinación", vec!["A1".into()]));
    u.normalise_ids();
    out.push(u);
    out
}

#[test]
fn one_sided_changes_come_through_whole() {
    let o = base();
    for v in variants() {
        for (a, b) in [(&o, &v), (&v, &o), (&v, &v)] {
            let out = merge3(&o, a, b).unwrap();
            assert!(out.is_clean(), "{:?} {:?}", out.conflicts, out.unmarked);
            assert_eq!(out.session, v, "merging an untouched side changes nothing");
        }
    }
}

#[test]
fn any_two_variants_merge_into_a_session_that_reads() {
    let o = base();
    for a in variants() {
        for b in variants() {
            let out = merge3(&o, &a, &b).unwrap();
            let text = crate::storage::to_ron(&out.session);
            let back = crate::storage::parse(&text, std::path::Path::new("x.ron")).unwrap();
            assert_eq!(back.conflicts().len(), out.session.conflicts().len());
            let ids: Vec<&str> =
                Quadrant::ALL.iter().flat_map(|&q| out.session.factors(q).iter().map(|f| f.id.as_str())).collect();
            let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(ids.len(), unique.len(), "IDs stay unique: {ids:?}");
        }
    }
}
