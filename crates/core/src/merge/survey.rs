//! A questionnaire's answers made into a diagnosis: each person's answers are
//! one input of [`super::groups::merge`], so near-duplicates said by different
//! people become one factor, exactly as group sessions are joined. Every answer
//! counts one vote: a factor's votes are how many people said it, and its origins
//! keep every wording.

use jiff::Timestamp;

use crate::domain::meetings::Meeting;
use crate::domain::{Factor, Quadrant, Session};

use super::groups::{Input, Options, merge};

/// The session made from the answers, and what the joining did.
#[derive(Debug, Clone)]
pub struct Joined {
    pub session: Session,
    /// People (rows) with at least one answer placed.
    pub people: usize,
    /// Answers placed.
    pub answers: usize,
    /// Pairs in the grey zone, kept apart for the room to judge.
    pub grey: usize,
}

/// Makes one session titled `title` of `rows` (each person's answers), every
/// factor with `source` (the session's word for a questionnaire). In each
/// quadrant the factors most people said come first.
pub fn join(rows: &[Vec<(Quadrant, String)>], source: &str, title: &str, now: Timestamp) -> Joined {
    // Each person is an input of their own name, so that a factor's votes can
    // be counted as the people in it (a person's two answers joined through a
    // third person's counted twice); the names are the questionnaire's again below.
    let person = |n: usize| format!("{source}\u{1f}{n}");
    let inputs: Vec<Input> = rows
        .iter()
        .enumerate()
        .map(|(n, answers)| {
            let mut s = Session::new(title, now);
            let mut said: Vec<(Quadrant, String)> = Vec::new();
            for (q, text) in answers {
                // The same words twice from one person are one answer.
                let key = (*q, crate::i18n::fold(&crate::domain::text::clean_text(text)));
                if said.contains(&key) {
                    continue;
                }
                said.push(key);
                let id = s.next_id(q.prefix());
                let mut f = Factor::new(id, text.clone());
                f.votes = 1;
                f.sources = vec![person(n)];
                s.factors_mut(*q).push(f);
            }
            Input { source: person(n), session: s }
        })
        .collect();
    let opts = Options {
        title: title.to_owned(),
        now,
        accept_similar: false,
        joined: Vec::new(),
        prefer: Default::default(),
        wordings: Vec::new(),
    };
    let merged = merge(&inputs, &opts);
    let mut session = merged.session;
    for q in Quadrant::ALL {
        for f in session.factors_mut(q) {
            let mut people: Vec<&str> = f.origins.iter().map(|o| o.source.as_str()).collect();
            people.sort_unstable();
            people.dedup();
            if !people.is_empty() {
                f.votes = u32::try_from(people.len()).unwrap_or(u32::MAX);
            }
            f.sources = vec![source.to_owned()];
            f.origins.iter_mut().for_each(|o| o.source = source.to_owned());
        }
    }
    session.meta.participants = None;
    // The questionnaire is one session of the participation process: as many
    // attendees as people who answered.
    let mut meeting = Meeting::of(source);
    meeting.technique = Some(source.to_owned());
    meeting.attendees = Some(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    session.meta.meetings = vec![meeting];
    session.meta.merge = None;
    for q in Quadrant::ALL {
        let list = session.factors_mut(q);
        list.sort_by_key(|f| std::cmp::Reverse(f.votes));
        for (n, f) in list.iter_mut().enumerate() {
            f.id = format!("{}{}", q.prefix(), n + 1);
        }
    }
    // Answers as counted: a person's same words twice are one.
    let answers = inputs.iter().map(|i| Quadrant::ALL.iter().map(|&q| i.session.factors(q).len()).sum::<usize>()).sum();
    Joined { session, people: rows.len(), answers, grey: merged.grey.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Votes are how many people said it": one person's two answers, joined
    /// through another's, counted 3 for 2 people; the same words twice from one
    /// person made two factors of one vote.
    #[test]
    fn a_person_counts_once_in_a_factor() {
        let p = |t: &str| (Quadrant::Strengths, t.to_owned());
        let twice = "Paisaje y patrimonio natural";
        let j = join(&[vec![p(twice), p(twice)], vec![p(twice)]], "encuesta", "t", Timestamp::UNIX_EPOCH);
        let f = &j.session.strengths;
        assert_eq!((f.len(), f[0].votes), (1, 2), "{f:?}");
        assert!(f[0].sources == ["encuesta"] && f[0].origins.iter().all(|o| o.source == "encuesta"), "{f:?}");
        assert_eq!((j.people, j.answers), (2, 2), "a person's same words twice are one answer");
        let j = join(&[vec![p(twice), p(twice)]], "encuesta", "t", Timestamp::UNIX_EPOCH);
        assert_eq!(j.session.strengths.iter().map(|f| f.votes).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn near_duplicates_from_different_people_are_counted_and_keep_their_wordings() {
        let rows = vec![
            vec![(Quadrant::Weaknesses, "Falta de transporte público".to_owned())],
            vec![
                (Quadrant::Weaknesses, "Falta transporte público".to_owned()),
                (Quadrant::Strengths, "Paisaje y naturaleza".to_owned()),
            ],
            vec![(Quadrant::Weaknesses, "Falta de transporte publico".to_owned())],
            vec![(Quadrant::Weaknesses, "Poca vivienda en alquiler".to_owned())],
        ];
        let j = join(&rows, "cuestionario", "Encuesta", Timestamp::UNIX_EPOCH);
        assert_eq!((j.people, j.answers), (4, 5));
        let d = &j.session.weaknesses;
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!((d[0].id.as_str(), d[0].votes), ("D1", 3));
        let wordings: Vec<&str> = d[0].origins.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(
            wordings,
            ["Falta de transporte público", "Falta transporte público", "Falta de transporte publico"]
        );
        assert_eq!((d[1].id.as_str(), d[1].text.as_str(), d[1].votes), ("D2", "Poca vivienda en alquiler", 1));
        assert_eq!(j.session.strengths[0].sources, ["cuestionario"]);
        let m = &j.session.meta.meetings;
        assert_eq!(m.len(), 1, "one questionnaire, not one meeting per person");
        assert_eq!(
            (m[0].group.as_str(), m[0].attendees, m[0].technique.as_deref()),
            ("cuestionario", Some(4), Some("cuestionario"))
        );
        // IDs stay unused after the renumbering: the next weakness is D3.
        let mut s = j.session.clone();
        assert_eq!(s.next_id("D"), "D3");
    }
}
