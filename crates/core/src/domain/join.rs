//! Joining two factors the room says are the same: one goes, the other keeps
//! the votes of both (added), their sources and every wording (as origins),
//! and whatever pointed at the one that goes (CAME actions, crossed
//! strategies, retos) points at the kept one. One edit, so one undo.

use super::came::CameAction;
use super::edit::{Edit, ListOp};
use super::plan::{PlanEdit, Source};
use super::session::{Factor, Session};
use super::sources::{Origin, sources_of};
use super::text::clean_text;

/// Which wording the joined factor keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wording {
    /// The wording of the factor joined into (the one that stays).
    Kept,
    /// The wording of the factor that goes.
    Joined,
    /// A wording typed for the occasion.
    Typed(String),
}

/// Why two factors cannot be joined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    #[error("a factor cannot be joined into itself")]
    Itself,
    #[error("no factor {0}")]
    Missing(String),
    #[error("{0} and {1} are in different quadrants")]
    OtherQuadrant(String, String),
    #[error("{0} is marked ⚠ by a git merge: keep a version first")]
    Marked(String),
    #[error("the wording is empty")]
    Empty,
}

impl Session {
    /// Joins factor `from` into factor `into` (same quadrant): `into` stays with
    /// the chosen wording, the votes of both added (saturating), the sources of
    /// both, every wording and score kept among its origins; `from` goes, and
    /// links to it follow `into`.
    pub fn join_factors(&self, from: &str, into: &str, wording: Wording) -> Result<Edit, JoinError> {
        if from == into {
            return Err(JoinError::Itself);
        }
        let (q, fi) = self.find_factor(from).ok_or_else(|| JoinError::Missing(from.to_owned()))?;
        let (q2, ii) = self.find_factor(into).ok_or_else(|| JoinError::Missing(into.to_owned()))?;
        if q != q2 {
            return Err(JoinError::OtherQuadrant(from.to_owned(), into.to_owned()));
        }
        let (gone, kept) = (&self.factors(q)[fi], &self.factors(q)[ii]);
        for f in [gone, kept] {
            if f.conflict.is_some() {
                return Err(JoinError::Marked(f.id.clone()));
            }
        }
        let text = match wording {
            Wording::Kept => kept.text.clone(),
            Wording::Joined => gone.text.clone(),
            Wording::Typed(t) => clean_text(&t),
        };
        if text.is_empty() {
            return Err(JoinError::Empty);
        }
        let joined = Factor {
            id: kept.id.clone(),
            text,
            votes: kept.votes.saturating_add(gone.votes),
            impact: kept.impact.or(gone.impact),
            weight: kept.weight.or(gone.weight),
            rating: kept.rating.or(gone.rating),
            carried: kept.carried && gone.carried,
            sources: self.joined_sources(kept, gone),
            origins: self.joined_origins(kept, gone),
            conflict: None,
            themes: super::themes::union(&kept.themes, &gone.themes),
        };
        let mut edits = self.links_follow(from, into);
        // Replace before removing: the kept factor's position is still `ii`.
        edits.push(Edit::Factor(q, ListOp::Replace(ii, joined)));
        edits.push(Edit::Factor(q, ListOp::Remove(fi)));
        Ok(Edit::Batch(edits))
    }

    /// Both factors' sources, the kept one's first; none when neither names one.
    fn joined_sources(&self, kept: &Factor, gone: &Factor) -> Vec<String> {
        if kept.sources.is_empty() && gone.sources.is_empty() {
            return Vec::new();
        }
        let mut out = sources_of(self, kept);
        for s in sources_of(self, gone) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// Both factors' origins, and each factor's own wording and scores when no
    /// origin holds that wording yet: nothing the room said is lost.
    fn joined_origins(&self, kept: &Factor, gone: &Factor) -> Vec<Origin> {
        let mut out: Vec<Origin> = kept.origins.clone();
        for o in &gone.origins {
            if !out.contains(o) {
                out.push(o.clone());
            }
        }
        for f in [kept, gone] {
            if !out.iter().any(|o| o.text == f.text) {
                let names = sources_of(self, f);
                let source = if names.is_empty() { f.id.clone() } else { names.join(" · ") };
                let (text, votes, impact, weight, rating) = (f.text.clone(), f.votes, f.impact, f.weight, f.rating);
                out.push(Origin { source, text, votes, impact, weight, rating });
            }
        }
        out
    }

    /// Edits that make every link to factor `old` point at `new` instead (never
    /// twice at it): CAME actions, crossed strategies and retos.
    fn links_follow(&self, old: &str, new: &str) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (c, i, a) in self.all_actions_at() {
            if a.links.iter().any(|l| l == old) {
                let mut links: Vec<String> = Vec::with_capacity(a.links.len());
                for l in &a.links {
                    let l = if l == old { new.to_owned() } else { l.clone() };
                    if !links.contains(&l) {
                        links.push(l);
                    }
                }
                edits.push(Edit::Action(c, ListOp::Replace(i, CameAction { links, ..a.clone() })));
            }
        }
        for (i, s) in self.strategies.iter().enumerate() {
            if s.factors.iter().any(|f| f == old) {
                let mut s = s.clone();
                for f in &mut s.factors {
                    if f == old {
                        new.clone_into(f);
                    }
                }
                edits.push(Edit::Strategy(ListOp::Replace(i, s)));
            }
        }
        let old_source = Source::Factor(old.to_owned());
        for (i, c) in self.challenges.iter().enumerate() {
            if c.from.contains(&old_source) {
                let mut from: Vec<Source> = Vec::with_capacity(c.from.len());
                for s in &c.from {
                    let s = if *s == old_source { Source::Factor(new.to_owned()) } else { s.clone() };
                    if !from.contains(&s) {
                        from.push(s);
                    }
                }
                let mut c = c.clone();
                c.from = from;
                edits.push(Edit::Plan(PlanEdit::Challenge(ListOp::Replace(i, c))));
            }
        }
        edits
    }

    /// Every CAME action with its quadrant and position in it.
    fn all_actions_at(&self) -> impl Iterator<Item = (super::came::Came, usize, &CameAction)> {
        super::came::Came::ALL
            .into_iter()
            .flat_map(move |c| self.actions(c).iter().enumerate().map(move |(i, a)| (c, i, a)))
    }
}

/// The two factors a join edit joins, as `(gone, kept)` IDs, read from the edit
/// itself or from its inverse (what undo and redo say): a batch whose factor
/// edits are one replacement and one removal (forward) or insertion (inverse)
/// in one quadrant. `session` is the session the edit is about to apply to.
pub fn joined_ids(edit: &Edit, session: &Session) -> Option<(String, String)> {
    let Edit::Batch(edits) = edit else { return None };
    let factors: Vec<_> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::Factor(q, op) => Some((*q, op)),
            _ => None,
        })
        .collect();
    let [(q1, a), (q2, b)] = factors.as_slice() else { return None };
    if q1 != q2 {
        return None;
    }
    let (kept, other) = match (a, b) {
        (ListOp::Replace(_, k), other) | (other, ListOp::Replace(_, k)) => (k.id.clone(), *other),
        _ => return None,
    };
    let gone = match other {
        ListOp::Insert(_, f) => f.id.clone(),
        ListOp::Remove(i) => session.factors(*q1).get(*i)?.id.clone(),
        ListOp::Replace(..) => return None,
    };
    (gone != kept).then_some((gone, kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Crossed, Quadrant, Strategy};
    use jiff::Timestamp;
    use proptest::prelude::*;

    fn factor(id: &str, text: &str, votes: u32, sources: &[&str]) -> Factor {
        let mut f = Factor::new(id, text);
        f.votes = votes;
        f.sources = sources.iter().map(|s| (*s).to_owned()).collect();
        f
    }

    fn strategy(id: &str, factors: [String; 2]) -> Strategy {
        let (id, kind, text) = (id.to_owned(), Crossed::DO, "e".to_owned());
        Strategy { id, kind, factors, text, votes: 0, conflict: None, line: None }
    }

    fn session() -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        s.weaknesses = vec![
            factor("D1", "Listas de espera", 3, &["técnicos"]),
            factor("D2", "Poca coordinación", 0, &[]),
            factor("D3", "Listas de espera largas en dependencia", 2, &["asociaciones"]),
        ];
        s.opportunities = vec![factor("O1", "Fondos europeos", 0, &[])];
        let a = CameAction::new("C1", "Ventanilla única", vec!["D3".into(), "D2".into()]);
        let b = CameAction::new("C2", "Refuerzo", vec!["D1".into(), "D3".into()]);
        s.correct = vec![a, b];
        s.strategies = vec![strategy("DO1", ["D3".into(), "O1".into()])];
        s.challenges = vec![crate::domain::Challenge {
            id: "R1".into(),
            text: "Reducir esperas".into(),
            from: vec![Source::Factor("D3".into()), Source::Factor("D1".into())],
        }];
        s
    }

    #[test]
    fn votes_add_sources_and_wordings_stay_links_follow() {
        let mut s = session();
        let e = s.join_factors("D3", "D1", Wording::Kept).unwrap();
        s.apply(e).unwrap();
        let ids: Vec<&str> = s.weaknesses.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["D1", "D2"]);
        let d1 = &s.weaknesses[0];
        assert_eq!(d1.text, "Listas de espera");
        assert_eq!(d1.votes, 5);
        assert_eq!(d1.sources, ["técnicos", "asociaciones"]);
        let words: Vec<(&str, &str)> = d1.origins.iter().map(|o| (o.source.as_str(), o.text.as_str())).collect();
        assert_eq!(
            words,
            [("técnicos", "Listas de espera"), ("asociaciones", "Listas de espera largas en dependencia")]
        );
        assert_eq!(s.correct[0].links, ["D1", "D2"]);
        assert_eq!(s.correct[1].links, ["D1"], "never linked twice");
        assert_eq!(s.strategies[0].factors, ["D1".to_owned(), "O1".to_owned()]);
        assert_eq!(s.challenges[0].from, [Source::Factor("D1".into())]);
    }

    #[test]
    fn the_wording_is_chosen_and_undo_gives_everything_back() {
        let before = session();
        let mut s = before.clone();
        let e = s.join_factors("D3", "D1", Wording::Joined).unwrap();
        let inverse = s.apply(e).unwrap();
        assert_eq!(s.weaknesses[0].text, "Listas de espera largas en dependencia");
        assert_eq!(s.weaknesses[0].id, "D1");
        s.apply(inverse).unwrap();
        assert_eq!(s, before);
        let e = s.join_factors("D1", "D3", Wording::Typed("  Listas de espera (dependencia) ".into())).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.weaknesses[1].id, "D3");
        assert_eq!(s.weaknesses[1].text, "Listas de espera (dependencia)");
        assert_eq!(s.weaknesses[1].origins.len(), 2, "both wordings kept as origins");
    }

    #[test]
    fn impossible_joins_are_refused() {
        let s = session();
        assert_eq!(s.join_factors("D1", "D1", Wording::Kept), Err(JoinError::Itself));
        assert_eq!(s.join_factors("D9", "D1", Wording::Kept), Err(JoinError::Missing("D9".into())));
        assert_eq!(s.join_factors("O1", "D1", Wording::Kept), Err(JoinError::OtherQuadrant("O1".into(), "D1".into())));
        assert_eq!(s.join_factors("D2", "D1", Wording::Typed(" \u{1b} ".into())), Err(JoinError::Empty));
        let mut marked = s.clone();
        marked.weaknesses[1].conflict = Some(crate::domain::Conflict::DeletedElsewhere);
        assert_eq!(marked.join_factors("D2", "D1", Wording::Kept), Err(JoinError::Marked("D2".into())));
    }

    #[test]
    fn votes_saturate() {
        let mut s = session();
        s.weaknesses[0].votes = u32::MAX;
        let e = s.join_factors("D3", "D1", Wording::Kept).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.weaknesses[0].votes, u32::MAX);
    }

    #[test]
    fn the_join_is_read_back_from_the_edit_and_its_inverse() {
        let mut s = session();
        let e = s.join_factors("D3", "D1", Wording::Kept).unwrap();
        assert_eq!(joined_ids(&e, &s), Some(("D3".into(), "D1".into())));
        let inverse = s.apply(e).unwrap();
        assert_eq!(joined_ids(&inverse, &s), Some(("D3".into(), "D1".into())));
        let moved = s.clone().move_factor(Quadrant::Weaknesses, 0, Quadrant::Threats).unwrap();
        assert_eq!(joined_ids(&moved, &s), None);
        assert_eq!(joined_ids(&Edit::Batch(Vec::new()), &s), None);
    }

    /// Every vote, source, wording and link of the two factors is in the result.
    fn nothing_lost(before: &Session, after: &Session, from: &str, into: &str) {
        let (q, fi) = before.find_factor(from).unwrap();
        let (gone, kept) = (&before.factors(q)[fi], &before.factors(q)[before.find_factor(into).unwrap().1]);
        let (aq, ai) = after.find_factor(into).unwrap();
        assert_eq!(aq, q);
        assert!(after.find_factor(from).is_none());
        let joined = &after.factors(q)[ai];
        assert_eq!(joined.votes, kept.votes.saturating_add(gone.votes));
        for f in [gone, kept] {
            for s in sources_of(before, f) {
                assert!(sources_of(after, joined).contains(&s), "source {s} lost");
            }
            assert!(joined.text == f.text || joined.origins.iter().any(|o| o.text == f.text), "wording lost");
            for o in &f.origins {
                assert!(joined.origins.contains(o), "origin lost");
            }
        }
        let links = |s: &Session| -> usize {
            s.all_actions().map(|(_, a)| a.links.len()).sum::<usize>() + s.strategies.len() * 2
        };
        for (c, a) in before.all_actions() {
            let now = &after.actions(c).iter().find(|b| b.id == a.id).unwrap().links;
            for l in &a.links {
                let want = if l == from { into } else { l.as_str() };
                assert!(now.iter().any(|n| n == want), "link {l} of {} lost", a.id);
            }
        }
        assert!(links(after) <= links(before));
        assert_eq!(after.strategies.len(), before.strategies.len());
        for (b, a) in before.strategies.iter().zip(&after.strategies) {
            for (x, y) in b.factors.iter().zip(&a.factors) {
                assert_eq!(y, if x == from { into } else { x.as_str() });
            }
        }
        assert_eq!(after.total() + 1, before.total());
    }

    proptest! {
        #[test]
        fn no_vote_source_wording_or_link_is_lost(
            votes in proptest::collection::vec(0u32..=u32::MAX, 4),
            tagged in proptest::collection::vec(proptest::option::of(0usize..3), 4),
            links in proptest::collection::vec(proptest::collection::vec(0usize..4, 0..4), 0..5),
            from in 0usize..4,
            into in 0usize..4,
            which in 0u8..3,
        ) {
            prop_assume!(from != into);
            let groups = ["técnicos", "políticos", "encuesta"];
            let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
            s.meta.group = Some("técnicos".into());
            for (n, (v, t)) in votes.iter().zip(&tagged).enumerate() {
                let id = format!("D{}", n + 1);
                let text = format!("factor {n}");
                s.weaknesses.push(factor(&id, &text, *v, &t.map(|g| vec![groups[g]]).unwrap_or_default()));
            }
            s.opportunities.push(factor("O1", "o", 0, &[]));
            for (n, l) in links.iter().enumerate() {
                let mut a = CameAction::new(format!("C{}", n + 1), "a", Vec::new());
                for i in l {
                    let id = format!("D{}", i + 1);
                    if !a.links.contains(&id) {
                        a.links.push(id);
                    }
                }
                s.correct.push(a);
                let factors = [format!("D{}", l.first().map_or(1, |i| i + 1)), "O1".to_owned()];
                s.strategies.push(strategy(&format!("DO{}", n + 1), factors));
            }
            let (from, into) = (format!("D{}", from + 1), format!("D{}", into + 1));
            let wording = match which { 0 => Wording::Kept, 1 => Wording::Joined, _ => Wording::Typed("otra".into()) };
            let before = s.clone();
            let e = s.join_factors(&from, &into, wording).unwrap();
            let inverse = s.apply(e).unwrap();
            nothing_lost(&before, &s, &from, &into);
            s.apply(inverse).unwrap();
            prop_assert_eq!(s, before);
        }
    }
}
