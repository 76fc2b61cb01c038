//! Carrying last session's factors and open actions into a new one
//! (`dafo new "Título" --from OLD.ron`), so open actions are never forgotten.

use jiff::Timestamp;

use crate::domain::{Came, Quadrant, Session};

/// A new session titled `title`, created at `now`, holding every factor of `old`
/// and every action still open (pending or in progress), all marked as carried
/// over (`carried: true`) for the room to confirm or drop, and the crossed
/// strategies whose two factors were carried.
///
/// Kept: IDs (so `dafo diff` matches them and next year's IDs continue the
/// series), texts, impact scores, EFI/EFE weights and ratings, action links,
/// owners, due dates, indicators and statuses, the place, the content language,
/// the label set, the lists of themes and impacts the items' names come from,
/// and the whole plan (horizon, misión… indicators) with the
/// actions' and strategies' líneas.
/// Reset: dot votes (they belong to the room that cast them) and participants.
/// Left behind: actions done or dropped (they stay in last year's file),
/// unless they have reviews: those come along, unmarked, with their history.
pub fn carry_over(old: &Session, title: &str, now: Timestamp) -> Session {
    let mut session = Session::new(title, now);
    session.meta.place = old.meta.place.clone();
    session.meta.language = old.meta.language.clone();
    session.meta.labels = old.meta.labels;
    // The lists of áreas temáticas and impacts the items' names come from: the
    // session's own, or, when it used its language's defaults and tagged items
    // with them, those defaults written out, so that a new session made in
    // another language (whose defaults differ) still holds every name its items
    // carry. Without them `dafo check` refused the new file.
    use crate::domain::themes::Tag;
    let factors = || Quadrant::ALL.into_iter().flat_map(|q| old.factors(q));
    let actions = || old.all_actions().map(|(_, a)| a);
    let tagged_themes = factors().any(|f| !f.themes.is_empty()) || actions().any(|a| !a.themes.is_empty());
    let tagged_impacts = actions().any(|a| !a.impacts.is_empty());
    session.meta.themes =
        if tagged_themes { crate::i18n::theme_words::list(old, Tag::Theme) } else { old.meta.themes.clone() };
    session.meta.impacts =
        if tagged_impacts { crate::i18n::theme_words::list(old, Tag::Impact) } else { old.meta.impacts.clone() };
    // The counters of last year's file, raised above every ID it holds, so an
    // action done last year never lends its ID to a new one.
    let mut counted = old.clone();
    counted.normalise_ids();
    session.last_ids = counted.last_ids;
    for q in Quadrant::ALL {
        let carried = old.factors(q).iter().map(|f| {
            let mut f = f.clone();
            f.votes = 0;
            f.carried = true;
            f
        });
        session.factors_mut(q).extend(carried);
    }
    for c in Came::ALL {
        // Closed actions with a review history come too (not marked), so the
        // whole term's reviews stay in one file.
        let reviewed = |id: &str| old.reviews.iter().any(|r| r.action == id);
        let kept = old.actions(c).iter().filter(|a| a.status.is_open() || reviewed(&a.id)).map(|a| {
            let mut a = a.clone();
            a.votes = 0;
            a.carried = a.status.is_open();
            a
        });
        session.actions_mut(c).extend(kept);
    }
    let carried = |id: &String| session.find_factor(id).is_some();
    let strategies: Vec<_> = old
        .strategies
        .iter()
        .filter(|s| s.factors.iter().all(carried))
        .map(|s| crate::domain::Strategy { votes: 0, ..s.clone() })
        .collect();
    session.strategies = strategies;
    carry_plan(old, &mut session);
    session.normalise_ids();
    session
}

/// The plan spans years: its horizon, misión, visión, valores, retos, ejes,
/// líneas, indicators and funding sources come along as they are, so the open actions and the
/// strategies keep their líneas and indicators; so do the reviews (seguimiento)
/// of every year, keyed by the actions' unchanged IDs.
fn carry_plan(old: &Session, session: &mut Session) {
    session.meta.horizon = old.meta.horizon;
    session.mission = old.mission.clone();
    session.vision = old.vision.clone();
    session.values = old.values.clone();
    // The funding sources the carried actions name.
    session.funding = old.funding.clone();
    session.challenges = old.challenges.clone();
    session.axes = old.axes.clone();
    session.lines = old.lines.clone();
    session.indicators = old.indicators.clone();
    session.reviews = old.reviews.clone();
    session.review_years = old.review_years.clone();
    session.indicator_values = old.indicator_values.clone();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Factor;

    #[test]
    fn the_plan_comes_along_and_open_actions_keep_their_lineas() {
        let mut old = Session::new("Plan 2027", Timestamp::UNIX_EPOCH);
        old.meta.horizon = "2027-2030".parse().ok();
        let e = old.add_axis("Eje").unwrap();
        old.apply(e).unwrap();
        let e = old.add_line("EJ1", "Línea").unwrap();
        old.apply(e).unwrap();
        let e = old.add_action(Came::Correct, "Abierta", vec![]).unwrap();
        old.apply(e).unwrap();
        let e = old.place_action(Came::Correct, 0, Some("L1")).unwrap();
        old.apply(e).unwrap();
        old.funding = vec!["Diputación de Palencia".into()];
        old.correct[0].funding = Some("Diputación de Palencia".into());
        let mut new = carry_over(&old, "Revisión 2028", Timestamp::UNIX_EPOCH);
        assert_eq!(new.funding, old.funding, "the carried action's source stays a known one");
        assert_eq!(new.money_problems(&[]), []);
        assert_eq!((new.meta.horizon, &new.lines, &new.axes), (old.meta.horizon, &old.lines, &old.axes));
        assert_eq!(new.line_label("L1"), "1.1");
        assert!(new.actions_without_line().is_empty());
        assert_eq!(new.next_id("L"), "L2");
    }

    #[test]
    fn reviews_and_reviewed_closed_actions_come_along() {
        use crate::domain::{Degree, Status};
        let mut old = Session::new("Plan 2023-2026", Timestamp::UNIX_EPOCH);
        old.meta.horizon = "2023-2026".parse().ok();
        for t in ["Hecha con historia", "Hecha sin historia", "Abierta"] {
            let e = old.add_action(Came::Correct, t, vec![]).unwrap();
            old.apply(e).unwrap();
        }
        let e = old.review_action("C1", 2023, Degree::new(100), None, Some("Cerrada")).unwrap().unwrap();
        old.apply(e).unwrap();
        old.correct[1].status = Status::Done;
        let e = old.change_year_review(2023, |r| r.problems = vec!["Falta personal".into()]).unwrap().unwrap();
        old.apply(e).unwrap();
        let new = carry_over(&old, "Revisión 2024", Timestamp::UNIX_EPOCH);
        let ids: Vec<_> = new.correct.iter().map(|a| (a.id.as_str(), a.carried)).collect();
        assert_eq!(ids, [("C1", false), ("C3", true)]);
        assert_eq!((&new.reviews, &new.review_years), (&old.reviews, &old.review_years));
        let c1 = |s: &Session| s.progress(2023).actions().find(|a| a.id == "C1").map(|a| (a.degree, a.status));
        assert_eq!(c1(&new), c1(&old));
        assert_eq!(c1(&new), Some((Degree::FULL, Status::Done)));
    }

    #[test]
    fn carries_factors_marked_and_keeps_the_id_series() {
        let mut old = Session::new("DAFO 2025", Timestamp::UNIX_EPOCH);
        let mut f = Factor::new("F2", "Red de centros");
        f.votes = 4;
        f.impact = Some(3);
        old.strengths.push(f);
        old.last_ids.insert("F".into(), 5);
        old.meta.place = Some("Palencia".into());
        old.meta.participants = Some("Grupo motor".into());
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let mut new = carry_over(&old, "DAFO 2026", now);
        assert_eq!(new.meta.title, "DAFO 2026");
        assert_eq!(new.meta.created, now);
        assert_eq!(new.meta.place.as_deref(), Some("Palencia"));
        assert_eq!(new.meta.participants, None);
        let f = &new.strengths[0];
        assert_eq!((f.id.as_str(), f.votes, f.impact, f.carried), ("F2", 0, Some(3), true));
        assert_eq!(new.next_id("F"), "F6");
        let ron = crate::storage::to_ron(&new);
        assert!(ron.contains("carried: true"), "{ron}");
        assert_eq!(crate::storage::parse(&ron, std::path::Path::new("x")).unwrap(), new);
    }

    #[test]
    fn carries_open_actions_with_their_links_and_whole_strategies() {
        use crate::domain::{CameAction, Crossed, LabelSet, Status, Strategy};
        let mut old = Session::new("DAFO 2025", Timestamp::UNIX_EPOCH);
        old.meta.labels = LabelSet::SocialWork;
        old.weaknesses.push(Factor::new("D1", "Listas de espera"));
        old.opportunities.push(Factor::new("O1", "Fondos europeos"));
        for (id, status) in
            [("C1", Status::Pending), ("C2", Status::InProgress), ("C3", Status::Done), ("C4", Status::Dropped)]
        {
            let mut a = CameAction::new(id, format!("Acción {id}"), vec!["D1".into(), "D9".into()]);
            a.status = status;
            a.votes = 3;
            a.owner = Some("Servicios sociales".into());
            old.correct.push(a);
        }
        let strategy = |id: &str, f: [&str; 2]| Strategy {
            id: id.into(),
            kind: Crossed::DO,
            factors: f.map(str::to_owned),
            text: "x".into(),
            votes: 2,
            conflict: None,
            line: None,
        };
        old.strategies = vec![strategy("DO1", ["D1", "O1"]), strategy("DO2", ["D1", "O7"])];
        let mut new = carry_over(&old, "DAFO 2026", Timestamp::UNIX_EPOCH);
        assert_eq!(new.meta.labels, LabelSet::SocialWork);
        let ids: Vec<_> = new.correct.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["C1", "C2"]);
        let a = &new.correct[1];
        assert_eq!((a.status, a.votes, a.carried), (Status::InProgress, 0, true));
        assert_eq!(a.links, ["D1", "D9"], "links are kept, even dangling ones");
        assert_eq!(a.owner.as_deref(), Some("Servicios sociales"));
        assert_eq!(new.strategies.len(), 1);
        assert_eq!((new.strategies[0].id.as_str(), new.strategies[0].votes), ("DO1", 0));
        let e = new.add_action(Came::Correct, "Nueva", vec![]).unwrap();
        new.apply(e).unwrap();
        assert_eq!(new.correct[2].id, "C5", "action IDs continue last year's series");
        let ron = crate::storage::to_ron(&new);
        assert_eq!(crate::storage::parse(&ron, std::path::Path::new("x")).unwrap(), new);
    }
}
