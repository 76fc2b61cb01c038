//! Tests of the merge of group sessions.

use super::*;
use crate::domain::CameAction;
use crate::domain::similarity::similarity;

fn group(name: &str, items: &[(Quadrant, &str, u32, Option<u8>)]) -> Input {
    let mut s = Session::new(name, Timestamp::UNIX_EPOCH);
    s.meta.group = Some(name.to_owned());
    for &(q, text, votes, impact) in items {
        let id = s.next_id(q.prefix());
        let mut f = Factor::new(id, text);
        f.votes = votes;
        f.impact = impact;
        s.factors_mut(q).push(f);
    }
    Input::new(s, "x")
}

fn opts(accept_similar: bool) -> Options {
    opts_preferring(Prefer::default(), accept_similar)
}

/// The merge's options in tests: the wording `prefer` chooses, nothing joined by hand.
pub(super) fn opts_preferring(prefer: Prefer, accept_similar: bool) -> Options {
    Options {
        title: "Diagnóstico".into(),
        now: Timestamp::UNIX_EPOCH,
        accept_similar,
        joined: Vec::new(),
        prefer,
        wordings: Vec::new(),
    }
}

fn inputs() -> Vec<Input> {
    use Quadrant::*;
    let mut t = group(
        "técnicos",
        &[
            (Weaknesses, "Listas de espera en dependencia", 3, Some(5)),
            (Weaknesses, "Falta de personal técnico estable", 1, None),
            (Strengths, "Red de centros de día", 2, Some(4)),
        ],
    );
    let mut c1 = CameAction::new("C1", "Ventanilla única", vec!["D1".into(), "D9".into()]);
    // Its place in the técnicos' own plan, which the merge does not carry.
    c1.line = Some("L3".into());
    c1.indicators = vec!["I2".into()];
    t.session.correct.push(c1);
    let p = group(
        "políticos",
        &[
            (Weaknesses, "Listas de espera en la dependencia", 2, Some(3)),
            (Threats, "Falta de personal técnico estable", 0, None),
            (Strengths, "Red de centros de día municipales", 1, Some(4)),
        ],
    );
    vec![t, p]
}

#[test]
fn near_duplicates_join_and_keep_every_wording() {
    let inputs = inputs();
    let before: Vec<Session> = inputs.iter().map(|i| i.session.clone()).collect();
    let m = merge(&inputs, &opts(false));
    assert_eq!(before, inputs.iter().map(|i| i.session.clone()).collect::<Vec<_>>());
    let d1 = &m.session.weaknesses[0];
    assert_eq!(d1.id, "D1");
    // The longest wording stays; the first group's with `Prefer::First`.
    assert_eq!(d1.text, "Listas de espera en la dependencia");
    let first = merge(&inputs, &Options { prefer: Prefer::First, ..opts(false) });
    assert_eq!(first.session.weaknesses[0].text, "Listas de espera en dependencia");
    let named = merge(&inputs, &Options { prefer: Prefer::Group("técnicos".into()), ..opts(false) });
    assert_eq!(named.session.weaknesses[0].text, "Listas de espera en dependencia");
    assert_eq!(d1.sources, ["técnicos", "políticos"]);
    assert_eq!(d1.votes, 5);
    assert_eq!(d1.impact, None, "impacts differ: kept per source");
    assert_eq!(crate::domain::sources::impact_text(d1).unwrap(), "3–5");
    let wordings: Vec<&str> = d1.origins.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(wordings, ["Listas de espera en dependencia", "Listas de espera en la dependencia"]);
    assert_eq!(m.session.strengths.len(), 1);
    assert_eq!(m.session.strengths[0].impact, Some(4), "agreed impact kept");
    assert_eq!(m.read, 6);
}

#[test]
fn same_item_in_two_quadrants_is_kept_in_both_and_reported() {
    let m = merge(&inputs(), &opts(false));
    assert_eq!(m.session.weaknesses.len(), 2);
    assert_eq!(m.session.threats.len(), 1);
    assert_eq!(m.disagreements.len(), 1);
    let p = &m.disagreements[0];
    assert_eq!((p.a.quadrant, p.b.quadrant), (Quadrant::Weaknesses, Quadrant::Threats));
    assert_eq!(p.b.sources, ["políticos"]);
}

#[test]
fn actions_follow_their_factors() {
    let m = merge(&inputs(), &opts(false));
    assert_eq!(m.session.correct.len(), 1);
    assert_eq!(m.session.correct[0].id, "C1");
    assert_eq!(m.session.correct[0].links, ["D1"], "dangling D9 dropped");
    assert_eq!(m.session.correct[0].line, None, "no línea L3 in the merged session");
    assert!(m.session.correct[0].indicators.is_empty());
    assert!(m.session.lines.is_empty() && m.session.indicators.is_empty());
    // The dropped link is said, with where it came from.
    let said = Dangling {
        source: "técnicos".into(),
        id: "C1".into(),
        text: "Ventanilla única".into(),
        missing: vec!["D9".into()],
        left_out: false,
    };
    assert_eq!(m.dangling, [said]);
}

#[test]
fn a_strategy_naming_a_missing_factor_is_left_out_and_reported() {
    let mut inputs = inputs();
    inputs[0].session.strategies.push(Strategy {
        id: "FO1".into(),
        kind: crate::domain::Crossed::FO,
        factors: ["F1".into(), "O7".into()],
        text: "Cruce sin base".into(),
        votes: 0,
        conflict: None,
        line: None,
    });
    let m = merge(&inputs, &opts(false));
    assert!(m.session.strategies.is_empty());
    let left: Vec<_> = m.dangling.iter().filter(|d| d.left_out).map(|d| (d.id.as_str(), d.missing.clone())).collect();
    assert_eq!(left, [("FO1", vec!["O7".to_owned()])]);
    let report = crate::merge::report::render(&m, crate::i18n::Lang::Es, crate::merge::report::ReportFormat::Txt);
    assert!(report.to_lowercase().contains("referencias a factores que no existen (2)"), "{report}");
    assert!(
        report.contains("técnicos · FO1 Cruce sin base: O7 no está en su archivo: estrategia no incluida"),
        "{report}"
    );
}

#[test]
fn grey_pairs_are_kept_apart_unless_accepted() {
    use Quadrant::*;
    let a = group("técnicos", &[(Opportunities, "Escasa difusión de los servicios entre la población", 0, None)]);
    let b = group("asociaciones", &[(Opportunities, "Poca información sobre los servicios disponibles", 0, None)]);
    let score = similarity(&a.session.opportunities[0].text, &b.session.opportunities[0].text);
    assert_eq!(Likeness::of(score), Likeness::Grey, "{score}");
    let apart = merge(&[a.clone(), b.clone()], &opts(false));
    assert_eq!(apart.session.opportunities.len(), 2);
    assert_eq!(apart.grey.len(), 1);
    let reviewed = merge(&[a.clone(), b.clone()], &Options { joined: vec![apart.grey[0].link.clone()], ..opts(false) });
    assert_eq!(reviewed.session.opportunities.len(), 1, "a pair said yes to is joined");
    assert!(reviewed.grey.is_empty());
    assert_eq!(reviewed.joined, 1);
    let joined = merge(&[a, b], &opts(true));
    assert_eq!(joined.session.opportunities.len(), 1);
    assert!(joined.grey.is_empty() && joined.accepted_similar);
}

#[test]
fn factors_raised_by_more_groups_come_first() {
    use Quadrant::*;
    let a = group(
        "técnicos",
        &[(Strengths, "Voluntariado activo", 0, None), (Strengths, "Red de centros de día", 0, None)],
    );
    let b = group("políticos", &[(Strengths, "Red de centros de día", 0, None)]);
    let m = merge(&[a, b], &opts(false));
    let texts: Vec<&str> = m.session.strengths.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Red de centros de día", "Voluntariado activo"]);
    let ids: Vec<&str> = m.session.strengths.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["F1", "F2"]);
}

#[test]
fn vote_sums_saturate_and_never_wrap() {
    use Quadrant::*;
    let a = group("técnicos", &[(Strengths, "Red de centros de día", u32::MAX, None)]);
    let b = group("políticos", &[(Strengths, "Red de centros de día", u32::MAX, None)]);
    let c = group("asociaciones", &[(Strengths, "Red de centros de día", 7, None)]);
    let m = merge(&[a, b, c], &opts(false));
    assert_eq!(m.session.strengths.len(), 1);
    assert_eq!(m.session.strengths[0].votes, u32::MAX);
}
