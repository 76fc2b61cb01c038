//! Carrying last session's factors into a new one (`dafo new "Título" --from OLD.ron`).

use jiff::Timestamp;

use crate::domain::{Quadrant, Session};

/// A new session titled `title`, created at `now`, holding every factor of `old`
/// marked as carried over (`Factor::carried`), for the room to confirm or drop.
///
/// Kept: IDs (so `dafo diff` matches them and next year's IDs continue the
/// series), texts, impact scores, the place and the content language.
/// Reset: dot votes (they belong to the room that cast them) and participants.
/// The CAME actions that are not done or dropped will be carried here too once
/// the actions model exists.
pub fn carry_over(old: &Session, title: &str, now: Timestamp) -> Session {
    let mut session = Session::new(title, now);
    session.meta.place = old.meta.place.clone();
    session.meta.language = old.meta.language.clone();
    session.last_ids = old.last_ids.clone();
    for q in Quadrant::ALL {
        let carried = old.factors(q).iter().map(|f| {
            let mut f = f.clone();
            f.votes = 0;
            f.carried = true;
            f
        });
        session.factors_mut(q).extend(carried);
    }
    session.normalise_ids();
    session
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Factor;

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
}
