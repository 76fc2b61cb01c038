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
fn edit_against_delete_keeps_the_edit_marked_with_the_side_that_deleted() {
    let o = base();
    let (mut deleted, mut edited) = (o.clone(), o.clone());
    deleted.strengths.clear();
    edited.strengths[0].text = "Red de centros de día".into();
    // Ours deleted it, theirs edited it; then the other way round.
    for (a, b, why) in [(&deleted, &edited, Conflict::DeletedHere), (&edited, &deleted, Conflict::DeletedElsewhere)] {
        let out = merge3(&o, a, b).unwrap();
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!(out.session.strengths.len(), 1);
        assert_eq!(out.session.strengths[0].text, "Red de centros de día");
        assert_eq!(out.session.strengths[0].conflict, Some(why));
    }
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

// ---- The plan and the follow-up (issue 22) ----

use crate::domain::clash::{Key, Version};
use crate::domain::{Came, Degree, Horizon, Indicator};

/// A plan 2023-2026 with actions C1, C2 and indicator I1.
fn plan() -> Session {
    let mut s = base();
    s.meta.horizon = Some(Horizon::new(2023, 2026).unwrap());
    for t in ["Ventanilla única", "Mesa de coordinación"] {
        let e = s.add_action(Came::Correct, t, vec!["D1".into()]).unwrap();
        s.apply(e).unwrap();
    }
    s.indicators.push(Indicator {
        id: "I1".into(),
        name: "Personas atendidas".into(),
        unit: None,
        baseline: None,
        target: None,
        direction: Default::default(),
        milestones: Vec::new(),
    });
    s.mission = Some("Cuidar a quien cuida".into());
    s.values = vec!["Cercanía".into()];
    s.normalise_ids();
    s
}

fn review(s: &mut Session, id: &str, year: i16, degree: u8, note: Option<&str>) {
    let e = s.review_action(id, year, Degree::new(degree), None, note).unwrap().unwrap();
    s.apply(e).unwrap();
}

fn value(s: &mut Session, id: &str, year: i16, x: f64) {
    let e = s.set_indicator_value(id, year, Some(x)).unwrap().unwrap();
    s.apply(e).unwrap();
}

fn reviews(s: &Session) -> Vec<(String, i16, u8, Option<String>)> {
    s.reviews.iter().map(|r| (r.action.clone(), r.year, r.degree.get(), r.note.clone())).collect()
}

#[test]
fn reviews_of_different_actions_and_years_all_come_through() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    review(&mut a, "C1", 2025, 90, None);
    review(&mut b, "C2", 2025, 60, Some("segunda nota"));
    review(&mut b, "C1", 2024, 40, None);
    value(&mut a, "I1", 2024, 120.0);
    value(&mut b, "I1", 2025, 150.5);
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
    let s = out.session;
    assert_eq!(
        reviews(&s),
        [
            ("C1".into(), 2024, 40, None),
            ("C1".into(), 2025, 90, None),
            ("C2".into(), 2025, 60, Some("segunda nota".into()))
        ]
    );
    assert_eq!((s.indicator_value("I1", 2024), s.indicator_value("I1", 2025)), (Some(120.0), Some(150.5)));
    assert!(s.conflicts().is_empty());
}

#[test]
fn the_same_review_changed_differently_is_a_clash_that_keeps_both() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    review(&mut a, "C2", 2025, 90, None);
    review(&mut b, "C2", 2025, 60, Some("segunda nota"));
    let out = merge3(&o, &a, &b).unwrap();
    assert!(!out.is_clean());
    let s = &out.session;
    assert_eq!(reviews(s), [("C2".into(), 2025, 90, Some("segunda nota".into()))], "the note merges in");
    assert_eq!(s.clashes.len(), 1);
    let Clash::Other(Version::Review(other)) = &s.clashes[0] else { panic!("{:?}", s.clashes) };
    assert_eq!((other.degree.get(), other.note.as_deref()), (60, Some("segunda nota")));
    let back = crate::storage::parse(&crate::storage::to_ron(s), std::path::Path::new("x.ron")).unwrap();
    assert_eq!(back.conflicts().len(), 1, "dafo check refuses it");
}

#[test]
fn mission_edited_on_both_sides_keeps_both_and_valores_add_up() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.mission = Some("Cuidar a quien cuida, cerca".into());
    b.mission = Some("Acompañar a las familias cuidadoras".into());
    a.values.push("Transparencia".into());
    b.values.push("Participación".into());
    b.vision = Some("Un municipio que cuida".into());
    let out = merge3(&o, &a, &b).unwrap();
    let s = &out.session;
    assert_eq!(s.mission.as_deref(), Some("Cuidar a quien cuida, cerca"));
    assert_eq!(s.clashes, [Clash::Other(Version::Mission("Acompañar a las familias cuidadoras".into()))]);
    assert_eq!(s.values, ["Cercanía", "Transparencia", "Participación"]);
    assert_eq!(s.vision.as_deref(), Some("Un municipio que cuida"));
    // Edited against removed: the edit stays, marked with the side that removed it.
    let (mut a, mut b) = (o.clone(), o.clone());
    a.mission = None;
    b.mission = Some("Acompañar".into());
    let s = merge3(&o, &a, &b).unwrap().session;
    assert_eq!((s.mission.as_deref(), &s.clashes[..]), (Some("Acompañar"), &[Clash::DeletedHere(Key::Mission)][..]));
    let s = merge3(&o, &b, &a).unwrap().session;
    assert_eq!((s.mission.as_deref(), &s.clashes[..]), (Some("Acompañar"), &[Clash::Deleted(Key::Mission)][..]));
}

#[test]
fn keeping_this_branch_of_an_entry_it_deleted_removes_what_the_other_edited() {
    use crate::domain::clash_resolve::Choice;
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.mission = None;
    b.mission = Some("Acompañar".into());
    let s = merge3(&o, &a, &b).unwrap().session;
    let line = crate::merge::conflict_line(crate::i18n::Lang::Es, &s, &s.conflicts()[0]);
    assert_eq!(line, "⚠ Misión «Acompañar» (borrado en esta rama)");
    let mut here = s.clone();
    here.apply(s.resolve_clash(0, &Choice::Here).unwrap()).unwrap();
    assert_eq!((here.mission.as_deref(), here.clashes.len()), (None, 0), "this branch deleted it");
    let mut other = s.clone();
    other.apply(s.resolve_clash(0, &Choice::Other).unwrap()).unwrap();
    assert_eq!((other.mission.as_deref(), other.clashes.len()), (Some("Acompañar"), 0), "the other edited it");
}

#[test]
fn a_plan_item_changed_on_both_sides_is_a_clash() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.indicators[0].name = "Personas atendidas al año".into();
    b.indicators[0].name = "Familias atendidas".into();
    let out = merge3(&o, &a, &b).unwrap();
    assert_eq!(out.session.indicators[0].name, "Personas atendidas al año");
    assert!(
        matches!(&out.session.clashes[..], [Clash::Other(Version::Indicator(i))] if i.name == "Familias atendidas")
    );
}

#[test]
fn renumbered_action_and_indicator_take_their_reviews_and_values_along() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    let e = a.add_action(Came::Correct, "Bolsa de respiro", vec![]).unwrap();
    a.apply(e).unwrap();
    let e = b.add_action(Came::Correct, "Grupo de apoyo", vec![]).unwrap();
    b.apply(e).unwrap();
    let mut ind = o.indicators[0].clone();
    ind.id = "I2".into();
    ind.name = "Horas de respiro".into();
    a.indicators.push(ind.clone());
    ind.name = "Asistentes al grupo".into();
    b.indicators.push(ind);
    b.confront.push(CameAction { indicators: vec!["I2".into()], ..CameAction::new("AF1", "Alianzas", vec![]) });
    review(&mut b, "C3", 2025, 50, Some("del grupo"));
    value(&mut b, "I2", 2025, 12.0);
    review(&mut a, "C3", 2024, 10, None);
    value(&mut a, "I2", 2024, 300.0);
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
    let s = out.session;
    let texts: Vec<(&str, &str)> = s.correct.iter().map(|x| (x.id.as_str(), x.text.as_str())).collect();
    assert_eq!(&texts[2..], [("C3", "Bolsa de respiro"), ("C4", "Grupo de apoyo")]);
    assert_eq!(
        reviews(&s),
        [("C3".into(), 2024, 10, None), ("C4".into(), 2025, 50, Some("del grupo".into()))],
        "the review follows its action"
    );
    let names: Vec<(&str, &str)> = s.indicators.iter().map(|i| (i.id.as_str(), i.name.as_str())).collect();
    assert_eq!(&names[1..], [("I2", "Horas de respiro"), ("I3", "Asistentes al grupo")]);
    assert_eq!((s.indicator_value("I2", 2024), s.indicator_value("I3", 2025)), (Some(300.0), Some(12.0)));
    assert_eq!(s.indicator_value("I2", 2025), None);
    assert_eq!(s.confront[0].indicators, ["I3"]);
}

#[test]
fn an_action_deleted_on_one_side_and_reviewed_on_the_other_is_kept_marked() {
    let mut o = plan();
    // Already under way: the new review leaves the action itself unchanged.
    review(&mut o, "C2", 2024, 40, None);
    let (mut a, mut b) = (o.clone(), o.clone());
    let e = a.delete_action(Came::Correct, 1).unwrap();
    a.apply(e).unwrap();
    review(&mut b, "C2", 2025, 70, Some("avanza"));
    for (x, y, why) in [(&a, &b, Conflict::DeletedHere), (&b, &a, Conflict::DeletedElsewhere)] {
        let out = merge3(&o, x, y).unwrap();
        assert!(!out.is_clean());
        let s = &out.session;
        let c2 = s.correct.iter().find(|c| c.id == "C2").expect("the reviewed action stays");
        assert_eq!(c2.conflict, Some(why));
        assert_eq!(reviews(s), [("C2".into(), 2024, 40, None), ("C2".into(), 2025, 70, Some("avanza".into()))]);
    }
}

#[test]
fn counters_past_u32_are_not_truncated() {
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.last_ids.insert("D".into(), 5_000_000_000);
    b.last_ids.insert("D".into(), 5_000_000_000);
    a.weaknesses.push(Factor::new("D5000000001", "Personal temporal"));
    b.weaknesses.push(Factor::new("D5000000001", "Edificios"));
    let out = merge3(&o, &a, &b).unwrap();
    let ids: Vec<&str> = out.session.weaknesses.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids[2..], ["D5000000001", "D5000000002"]);
}

#[test]
fn an_action_reviewed_in_two_years_on_two_sides_takes_the_latest_status() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    review(&mut a, "C1", 2024, 100, None);
    review(&mut b, "C1", 2025, 50, None);
    assert_ne!(a.correct[0].status, b.correct[0].status);
    for (x, y) in [(&a, &b), (&b, &a)] {
        let out = merge3(&o, x, y).unwrap();
        assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
        assert_eq!(out.session.correct[0].status, b.correct[0].status, "2025's status");
        assert_eq!(out.session.reviews.len(), 2);
    }
}

#[test]
fn a_metadata_field_changed_on_both_sides_is_a_clash_that_check_refuses() {
    let o = plan();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.meta.title = "Plan de cuidados 2025".into();
    b.meta.title = "Plan municipal de cuidados".into();
    a.meta.place = Some("Centro cívico".into());
    b.meta.horizon = Some(crate::domain::Horizon::new(2024, 2028).unwrap());
    a.meta.horizon = Some(crate::domain::Horizon::new(2023, 2027).unwrap());
    let out = merge3(&o, &a, &b).unwrap();
    assert!(!out.is_clean());
    let s = &out.session;
    assert_eq!(s.meta.title, "Plan de cuidados 2025");
    assert_eq!(s.meta.place.as_deref(), Some("Centro cívico"), "a one-sided change is no clash");
    assert_eq!(s.meta.horizon, a.meta.horizon);
    let theirs_horizon = meta_text(&serde_json::to_value(b.meta.horizon).unwrap());
    assert_eq!(
        s.clashes,
        [
            Clash::Other(Version::Meta("horizon".into(), theirs_horizon)),
            Clash::Other(Version::Meta("title".into(), "Plan municipal de cuidados".into())),
        ]
    );
    assert_eq!(s.conflicts().len(), 2, "dafo check counts them");
    let back = crate::storage::parse(&crate::storage::to_ron(s), std::path::Path::new("x.ron")).unwrap();
    assert_eq!(back.clashes, s.clashes, "the clash survives the file");
    // Changed on one side, removed on the other: the change stays, marked.
    let mut o2 = o.clone();
    o2.meta.group = Some("Técnicos".into());
    let (mut a, mut b) = (o2.clone(), o2.clone());
    a.meta.group = Some("Técnicas municipales".into());
    b.meta.group = None;
    let s = merge3(&o2, &a, &b).unwrap().session;
    assert_eq!(
        (s.meta.group.as_deref(), &s.clashes[..]),
        (Some("Técnicas municipales"), &[Clash::Deleted(Key::Meta("group".into()))][..])
    );
}

#[test]
fn renumbered_strategies_and_indicators_take_every_reference_along() {
    use crate::domain::{Challenge, Crossed, Indicator, Line, Source, Strategy};
    let o = base();
    let (mut a, mut b) = (o.clone(), o.clone());
    add(&mut a, Quadrant::Opportunities, "Fondos europeos");
    let theirs_o = add(&mut b, Quadrant::Opportunities, "Nueva ley de dependencia");
    let strategy = |id: &str, o: &str, text: &str, line: Option<&str>| Strategy {
        id: id.into(),
        kind: Crossed::FO,
        factors: ["F1".into(), o.into()],
        text: text.into(),
        votes: 0,
        conflict: None,
        line: line.map(str::to_owned),
    };
    let indicator = |name: &str| Indicator {
        id: "I1".into(),
        name: name.into(),
        unit: None,
        baseline: None,
        target: None,
        direction: Default::default(),
        milestones: Vec::new(),
    };
    a.strategies.push(strategy("FO1", "O1", "Proyecto europeo", None));
    a.indicators.push(indicator("Proyectos presentados"));
    b.strategies.push(strategy("FO1", &theirs_o, "Plan local de dependencia", Some("L1")));
    b.indicators.push(indicator("Personas valoradas"));
    b.lines.push(Line {
        id: "L1".into(),
        axis: "EJ1".into(),
        text: "Valoración".into(),
        indicators: vec!["I1".into()],
    });
    b.challenges.push(Challenge {
        id: "R1".into(),
        text: "Valorar a tiempo".into(),
        from: vec![Source::Strategy("FO1".into())],
    });
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
    let s = out.session;
    let ours = s.strategies.iter().find(|x| x.text == "Proyecto europeo").unwrap();
    let theirs = s.strategies.iter().find(|x| x.text == "Plan local de dependencia").unwrap();
    assert_eq!((ours.id.as_str(), ours.factors[1].as_str()), ("FO1", "O1"));
    assert_eq!(theirs.id, "FO2");
    assert_eq!(theirs.factors, ["F1", "O2"], "the strategy follows its renumbered opportunity");
    assert_eq!(s.opportunities[1].text, "Nueva ley de dependencia");
    assert_eq!(theirs.line.as_deref(), Some("L1"));
    assert_eq!(s.challenges[0].from, [Source::Strategy("FO2".into())], "the reto follows the strategy");
    let i = s.indicators.iter().find(|i| i.name == "Personas valoradas").unwrap();
    assert_eq!(i.id, "I2");
    assert_eq!(s.lines[0].indicators, ["I2"], "the línea follows its renumbered indicator");
}

#[test]
fn money_merges_by_value_and_a_clash_keeps_both_amounts() {
    use crate::domain::{Euros, YearAmount};
    let y = |year, e: u64| YearAmount { year, amount: Euros { cents: e * 100 } };
    let mut o = plan();
    review(&mut o, "C2", 2025, 20, None);
    let (mut a, mut b) = (o.clone(), o.clone());
    a.correct[0].budget = vec![y(2024, 1000)];
    b.correct[0].funding = Some("FEADER".into());
    a.funding = vec!["FEADER".into()];
    b.funding = vec!["Fondos propios".into()];
    review(&mut a, "C2", 2025, 50, None);
    let e = b.review_money("C2", 2025, Some(Some(Euros { cents: 700 })), None).unwrap().unwrap();
    b.apply(e).unwrap();
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
    let s = out.session;
    assert_eq!((s.correct[0].budget.clone(), s.correct[0].funding.as_deref()), (vec![y(2024, 1000)], Some("FEADER")));
    assert_eq!(s.funding, ["FEADER", "Fondos propios"], "both sides' sources kept");
    let r = s.action_review("C2", 2025).unwrap();
    assert_eq!((r.degree.get(), r.committed.map(|e| e.cents)), (50, Some(700)));
    // The same action's amounts changed differently on both sides: both kept, marked.
    let (mut a, mut b) = (o.clone(), o.clone());
    a.correct[0].budget = vec![y(2024, 1000)];
    b.correct[0].budget = vec![y(2024, 1200)];
    let out = merge3(&o, &a, &b).unwrap();
    let kept: Vec<Vec<YearAmount>> =
        out.session.correct.iter().map(|x| x.budget.clone()).filter(|b| !b.is_empty()).collect();
    assert_eq!(kept, [vec![y(2024, 1000)], vec![y(2024, 1200)]]);
    assert_eq!(out.session.conflicts().len(), 2, "dafo check refuses it");
}

#[test]
fn themes_and_impacts_merge_by_value_and_a_double_change_is_marked() {
    let mut o = base();
    o.correct.push(CameAction::new("C1", "Ventanilla única", vec!["D1".into()]));
    o.meta.themes = vec!["empleo".into(), "juventud".into()];
    let (mut a, mut b) = (o.clone(), o.clone());
    a.meta.themes.push("turismo".into());
    b.meta.themes.push("pesca".into());
    a.weaknesses[0].themes = vec!["empleo".into()];
    b.correct[0].impacts = vec!["género".into()];
    let out = merge3(&o, &a, &b).unwrap();
    assert!(out.is_clean(), "{:?} {:?}", out.conflicts, out.unmarked);
    let s = out.session;
    assert_eq!(s.meta.themes, ["empleo", "juventud", "turismo", "pesca"]);
    assert_eq!(
        (s.weaknesses[0].themes.clone(), s.correct[0].impacts.clone()),
        (vec!["empleo".to_owned()], vec!["género".to_owned()])
    );
    // Both sides give the same factor other themes: a clash `dafo check` refuses.
    let (mut a, mut b) = (o.clone(), o.clone());
    a.weaknesses[0].themes = vec!["empleo".into()];
    b.weaknesses[0].themes = vec!["juventud".into()];
    let out = merge3(&o, &a, &b).unwrap();
    assert!(!out.session.conflicts().is_empty());
}

// ---- An action's status set by hand (no review) ----

use crate::domain::Status;

/// `plan()` with C2 under way: reviewed in 2023 and 2024, InProgress.
fn plan_under_way() -> Session {
    let mut o = plan();
    review(&mut o, "C2", 2023, 40, None);
    review(&mut o, "C2", 2024, 75, None);
    assert_eq!(o.correct[1].status, Status::InProgress);
    o
}

#[test]
fn a_status_set_by_hand_on_one_side_comes_through_though_the_action_has_reviews() {
    let o = plan_under_way();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.correct[1].status = Status::Done;
    b.correct[0].text = "Ventanilla única de atención".into();
    for (x, y) in [(&a, &b), (&b, &a)] {
        let out = merge3(&o, x, y).unwrap();
        assert!(out.is_clean(), "{:?} {:?} {:?}", out.conflicts, out.unmarked, out.clashes);
        let s = out.session;
        assert_eq!(s.correct[1].status, Status::Done, "the change made by hand is kept");
        assert_eq!(s.correct[0].text, "Ventanilla única de atención");
        assert_eq!(s.reviews.len(), 2);
    }
}

#[test]
fn statuses_set_differently_on_both_sides_are_a_clash_that_keeps_both() {
    let o = plan_under_way();
    let (mut a, mut b) = (o.clone(), o.clone());
    a.correct[1].status = Status::Done;
    b.correct[1].status = Status::Dropped;
    // By hand on one side, by a new latest review on the other: a clash too.
    let mut c = o.clone();
    review(&mut c, "C2", 2025, 100, None);
    assert_eq!(c.correct[1].status, Status::Done);
    for (x, y) in [(&a, &b), (&b, &a), (&b, &c), (&c, &b)] {
        let out = merge3(&o, x, y).unwrap();
        assert_eq!(out.conflicts.len(), 1, "{:?}", out.conflicts);
        let s = &out.session;
        let mut kept: Vec<Status> =
            s.correct.iter().filter(|x| x.text == "Mesa de coordinación").map(|x| x.status).collect();
        kept.sort_by_key(|s| Status::ALL.iter().position(|x| x == s));
        let mut both = vec![x.correct[1].status, y.correct[1].status];
        both.sort_by_key(|s| Status::ALL.iter().position(|x| x == s));
        assert_eq!(kept, both, "both statuses are kept");
        assert_eq!(s.conflicts().len(), 2, "dafo check refuses it");
    }
}

// ---- A reference added to an item deleted on the other side ----

/// `s` after the edit `f` makes of it.
fn edited(s: &Session, f: impl FnOnce(&mut Session) -> Option<crate::domain::Edit>) -> Session {
    let mut s = s.clone();
    let e = f(&mut s).unwrap();
    s.apply(e).unwrap();
    s
}

#[test]
fn a_factor_deleted_on_one_side_and_newly_referred_to_on_the_other_is_kept_marked() {
    use crate::domain::{Crossed, Source};
    let mut o = plan();
    add(&mut o, Quadrant::Opportunities, "Fondos europeos");
    let theirs = edited(&o, |s| s.delete_factor(Quadrant::Weaknesses, 1));
    // Each way of referring to D2 anew: an action's links, a strategy's
    // factors, a reto's sources.
    let referred = [
        edited(&o, |s| s.change_action(Came::Correct, 0, |a| a.links.push("D2".into()))),
        edited(&o, |s| s.add_strategy(Crossed::DO, "D2", "O1", "Coordinarse para los fondos")),
        edited(&o, |s| s.add_challenge("Coordinar los servicios", vec![Source::Factor("D2".into())])),
    ];
    for ours in &referred {
        for (x, y, why) in [(ours, &theirs, Conflict::DeletedElsewhere), (&theirs, ours, Conflict::DeletedHere)] {
            let out = merge3(&o, x, y).unwrap();
            assert!(!out.is_clean(), "a reference to a deleted factor is a conflict");
            let s = &out.session;
            let d2 = s.weaknesses.iter().find(|f| f.id == "D2").expect("the factor referred to is kept");
            assert_eq!((d2.text.as_str(), &d2.conflict), ("Poca coordinación", &Some(why)));
            let back = crate::storage::parse(&crate::storage::to_ron(s), std::path::Path::new("x.ron")).unwrap();
            assert_eq!(back.conflicts().len(), 1, "dafo check refuses it");
        }
    }
    // A reference that was there before does not keep a deleted factor.
    let ours = edited(&o, |s| s.change_action(Came::Correct, 0, |a| a.text = "Ventanilla única de atención".into()));
    let out = merge3(&o, &ours, &theirs).unwrap();
    assert!(out.is_clean());
    assert_eq!(out.session.weaknesses.len(), 1);
}

#[test]
fn a_plan_item_deleted_on_one_side_and_newly_referred_to_on_the_other_is_a_clash() {
    let mut o = plan();
    o = edited(&o, |s| s.add_axis("Coordinación"));
    o = edited(&o, |s| s.add_axis("Vivienda"));
    o = edited(&o, |s| s.add_line("EJ1", "Mesa mensual"));
    o = edited(&o, |s| s.add_line("EJ2", "Bolsa de alquiler"));
    o.indicators.push(Indicator { id: "I2".into(), name: "Pisos en la bolsa".into(), ..o.indicators[0].clone() });
    o.normalise_ids();
    let no_line = edited(&o, |s| s.delete_line(1));
    let no_axis = edited(&o, |s| s.delete_axis(1));
    let no_indicator = edited(&o, |s| s.delete_indicator(1));
    let cases = [
        (&no_line, edited(&o, |s| s.place_action(Came::Correct, 0, Some("L2"))), Key::Line("L2".into())),
        (&no_axis, edited(&o, |s| s.add_line("EJ2", "Alquiler social")), Key::Axis("EJ2".into())),
        (&no_indicator, edited(&o, |s| s.toggle_line_indicator(0, "I2")), Key::Indicator("I2".into())),
        (&no_indicator, edited(&o, |s| s.toggle_action_indicator(Came::Correct, 1, "I2")), Key::Indicator("I2".into())),
    ];
    for (theirs, ours, key) in &cases {
        for (x, y, here) in [(ours, *theirs, false), (*theirs, ours, true)] {
            let out = merge3(&o, x, y).unwrap();
            let s = &out.session;
            let clash = if here { Clash::DeletedHere(key.clone()) } else { Clash::Deleted(key.clone()) };
            assert!(s.clashes.contains(&clash), "{clash:?}: {:?}", s.clashes);
            let kept = match key {
                Key::Line(id) => s.find_line(id).is_some(),
                Key::Axis(id) => s.find_axis(id).is_some(),
                Key::Indicator(id) => s.find_indicator(id).is_some(),
                _ => false,
            };
            assert!(kept, "{key:?} is kept");
            let back = crate::storage::parse(&crate::storage::to_ron(s), std::path::Path::new("x.ron")).unwrap();
            assert!(!back.conflicts().is_empty(), "dafo check refuses it");
        }
    }
}
