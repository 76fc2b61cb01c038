use super::*;
use crate::domain::clash::{Clash, Key};
use crate::domain::conflict::Conflict;
use crate::domain::{ActionReview, Came, Degree, Status, YearReview};

const LONG_NOTE: &str = "El plan de choque se alarga porque la contratación del equipo de refuerzo no llegó hasta \
     octubre, y con ella la apertura de la segunda oficina, que sigue sin local y sin horario de tarde";

fn review(paid: f64, status: Status) -> Version {
    Version::Review(ActionReview {
        action: "C3".into(),
        year: 2024,
        degree: Degree::new(80).unwrap(),
        status,
        note: Some(LONG_NOTE.into()),
        committed: Some(Euros::try_from(30000.0).unwrap()),
        paid: Some(Euros::try_from(paid).unwrap()),
    })
}

fn year(problems: &[&str]) -> Version {
    Version::Year(YearReview {
        year: 2024,
        body: Some("Comisión de seguimiento".into()),
        date: Some(jiff::civil::date(2025, 2, 10)),
        summary: Some("Año de arranque".into()),
        problems: problems.iter().map(|p| (*p).to_owned()).collect(),
    })
}

/// Both versions as `dafo check` and the `R` list show them: this branch's
/// beside the other's, and the other's beside this branch's.
fn shown(here: &Version, other: &Version, lang: Lang) -> (String, String) {
    (here.shown_beside(Some(other), lang), other.shown_beside(Some(here), lang))
}

/// Two versions told apart: each shown differently, with its own value and
/// without the other's.
fn told_apart((a, b): &(String, String), mine: &str, theirs: &str) {
    assert_ne!(a, b);
    assert!(a.contains(mine) && !a.contains(theirs), "{a}");
    assert!(b.contains(theirs) && !b.contains(mine), "{b}");
}

/// [`told_apart`], each value within the first 60 characters, so that the
/// `R` list's row, cut short, still shows it.
fn told_apart_early(pair: &(String, String), mine: &str, theirs: &str) {
    told_apart(pair, mine, theirs);
    for (text, value) in [(&pair.0, mine), (&pair.1, theirs)] {
        let head: String = text.chars().take(60).collect();
        assert!(head.contains(value), "{value} not near the start of {text}");
    }
}

#[test]
fn reviews_differing_only_in_paid_show_each_amount() {
    let pair = shown(&review(26000.0, Status::InProgress), &review(27000.0, Status::InProgress), Lang::Es);
    told_apart_early(&pair, "pagado 26.000 €", "pagado 27.000 €");
    assert!(!pair.0.contains("comprometido"), "fields both share stay out: {}", pair.0);
    let en = shown(&review(26000.0, Status::InProgress), &review(27000.0, Status::InProgress), Lang::En);
    told_apart_early(&en, "€26,000", "€27,000");
}

#[test]
fn reviews_differing_only_in_status_show_each_status() {
    let pair = shown(&review(26000.0, Status::InProgress), &review(26000.0, Status::Done), Lang::Es);
    let (a, b) = (Lang::Es.status(Status::InProgress), Lang::Es.status(Status::Done));
    told_apart_early(&pair, a, b);
}

#[test]
fn year_records_differing_only_in_problems_show_each_list() {
    let pair = shown(&year(&["Falta personal"]), &year(&["Falta local", "Retrasos"]), Lang::Es);
    told_apart_early(&pair, "Falta personal", "Falta local; Retrasos");
    let cut = shown(&year(&["Falta personal"]), &year(&[]), Lang::Ca);
    told_apart_early(&cut, "Falta personal", "-");
}

#[test]
fn identical_versions_get_nothing_added() {
    for v in [review(26000.0, Status::Done), year(&["Falta personal"])] {
        assert_eq!(v.shown_beside(Some(&v.clone()), Lang::Es), v.summary_in(Lang::Es));
        assert_eq!(v.shown_beside(None, Lang::Es), v.summary_in(Lang::Es));
    }
    assert_eq!(review(26000.0, Status::Done).summary_in(Lang::Es), format!("80 % · {LONG_NOTE}"));
    assert!(review(26000.0, Status::Done).summary_in(Lang::En).starts_with("80% · "));
}

/// Two sibling actions left by the merge driver, the same text and different
/// owners and budgets, as `dafo check` lists them.
#[test]
fn sibling_actions_differing_only_in_owner_or_budget_show_each_value() {
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    let mut ours = CameAction::new("C3", "Ventanilla única", vec![]);
    ours.owner = Some("Ana".into());
    ours.amount = Some(Euros::try_from(1500.0).unwrap());
    ours.partners = vec!["Cruz Roja".into()];
    ours.conflict = Some(Conflict::OtherVersion("C9".into()));
    let mut theirs = ours.clone();
    theirs.id = "C9".into();
    theirs.owner = Some("Luis".into());
    theirs.amount = Some(Euros::try_from(2000.0).unwrap());
    theirs.conflict = Some(Conflict::OtherVersion("C3".into()));
    *s.actions_mut(Came::Correct) = vec![ours, theirs];
    let lines: Vec<String> = s.conflicts().iter().map(|m| crate::merge::conflict_line(Lang::Es, &s, m)).collect();
    assert_eq!(lines.len(), 2);
    let pair = (lines[0].clone(), lines[1].clone());
    told_apart(&pair, "responsable Ana", "responsable Luis");
    told_apart(&pair, "presupuesto 1.500 €", "presupuesto 2.000 €");
    assert!(!pair.0.contains("Cruz Roja"), "partners both share stay out: {}", pair.0);
    assert_eq!(s.difference("C3", "C3", Lang::Es), "", "an action beside itself differs in nothing");
}

/// The whole `dafo check` line of a review clash names both amounts.
#[test]
fn check_lines_of_a_review_clash_tell_the_versions_apart() {
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    let Version::Review(ours) = review(26000.0, Status::InProgress) else { unreachable!() };
    s.reviews.push(ours);
    s.clashes.push(Clash::Other(review(27000.0, Status::InProgress)));
    s.clashes.push(Clash::Deleted(Key::Year(2024)));
    s.review_years.push(YearReview { year: 2024, ..Default::default() });
    let lines: Vec<String> = s.conflicts().iter().map(|m| crate::merge::conflict_line(Lang::Es, &s, m)).collect();
    assert!(lines[0].starts_with("⚠ C3 2024 «pagado 26.000 € · 80 % · El plan"), "{}", lines[0]);
    assert!(lines[0].contains("«pagado 27.000 € · 80 % · El plan"), "{}", lines[0]);
    assert!(lines[1].starts_with("⚠ 2024 «"), "{}", lines[1]);
}
