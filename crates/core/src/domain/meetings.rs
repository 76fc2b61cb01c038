//! The participation process of a diagnosis: each group session, interview or
//! questionnaire it was made from (date, place, who took part and how many, the
//! technique), kept through `dafo merge`, and the merge's decisions in short.
//! The informe shows them in its "Proceso participativo" section.

use serde::{Deserialize, Serialize};

use super::quadrant::Quadrant;
use super::session::Session;
use super::sources::sources_of;

/// One session of the participation process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The group (técnicos, políticos, asociaciones, cuestionario…): the source
    /// its factors carry.
    pub group: String,
    #[serde(default, deserialize_with = "super::rules::field::date", skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who took part, as written (bodies, roles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<String>,
    /// How many people took part (for a questionnaire: how many answered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<u32>,
    /// Attendees by sex, as the facilitator counted them (mujeres 7, hombres 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_sex: Vec<Count>,
    /// Attendees by age band (18-29 3, 30-44 6…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_age: Vec<Count>,
    /// Grupo focal, cuestionario, entrevista, taller…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
}

/// A labelled number of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub label: String,
    pub count: u32,
}

/// What `dafo merge` decided, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeRecord {
    /// Factors read from the groups.
    pub read: u32,
    /// Factors of the diagnosis that join wordings of several groups.
    pub joined: u32,
    /// Items two groups placed in different quadrants (kept in both).
    pub disagreements: u32,
    /// Possible pairs kept apart for the room to judge.
    pub grey: u32,
}

impl Meeting {
    /// A meeting of `group` with nothing else known.
    pub fn of(group: &str) -> Meeting {
        Meeting {
            group: group.to_owned(),
            date: None,
            place: None,
            participants: None,
            attendees: None,
            by_sex: Vec::new(),
            by_age: Vec::new(),
            technique: None,
        }
    }
}

/// The meetings a session stands for when merged as `source`: its own list, else
/// one made from its header (the day it was created, its place and participants).
/// The session's own entry (its group's, edited in the `M` form) takes what it
/// leaves blank from the header.
pub fn of_session(session: &Session, source: &str) -> Vec<Meeting> {
    let m = &session.meta;
    let from_header = |mut meeting: Meeting| {
        meeting.date = meeting.date.or_else(|| Some(m.created.to_zoned(jiff::tz::TimeZone::UTC).date()));
        meeting.place = meeting.place.or_else(|| m.place.clone());
        meeting.participants = meeting.participants.or_else(|| m.participants.clone());
        meeting
    };
    if m.meetings.is_empty() {
        return vec![from_header(Meeting::of(source))];
    }
    let own = own_index(session);
    m.meetings
        .iter()
        .enumerate()
        .map(|(i, x)| if Some(i) == own { from_header(x.clone()) } else { x.clone() })
        .collect()
}

/// Which entry of the list is the session's own meeting: its group's, else the
/// only one of a session without a group.
pub fn own_index(session: &Session) -> Option<usize> {
    let m = &session.meta;
    match &m.group {
        Some(g) => m.meetings.iter().position(|x| x.group == *g),
        None if m.meetings.len() == 1 => Some(0),
        None => None,
    }
}

/// Counts written as the `M` form shows them: `mujeres 7, hombres 5`.
pub fn counts_text(counts: &[Count]) -> String {
    counts.iter().map(|c| format!("{} {}", c.label, c.count)).collect::<Vec<_>>().join(", ")
}

/// Counts read back from `mujeres 7, hombres 5` (`,` or `;` between them); the
/// part that does not read, on error.
pub fn read_counts(text: &str) -> Result<Vec<Count>, String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (label, n) = part.rsplit_once(char::is_whitespace).ok_or_else(|| part.to_owned())?;
            let count = n.trim().parse::<u32>().map_err(|_| part.to_owned())?;
            let label = super::text::clean_text(label);
            if label.is_empty() {
                return Err(part.to_owned());
            }
            Ok(Count { label, count })
        })
        .collect()
}

/// How many factors of `session` carry `group` as a source.
pub fn factors_from(session: &Session, group: &str) -> usize {
    Quadrant::ALL
        .iter()
        .map(|&q| session.factors(q).iter().filter(|f| sources_of(session, f).iter().any(|s| s == group)).count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Factor;
    use jiff::Timestamp;

    #[test]
    fn a_session_without_meetings_stands_for_one_from_its_header() {
        let mut s = Session::new("t", "2025-03-04T10:00:00Z".parse::<Timestamp>().unwrap_or(Timestamp::UNIX_EPOCH));
        s.meta.place = Some("Sacedón".into());
        let got = of_session(&s, "técnicos");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].group, "técnicos");
        assert_eq!(got[0].date.map(|d| d.to_string()), Some("2025-03-04".to_owned()));
        assert_eq!(got[0].place.as_deref(), Some("Sacedón"));
        s.meta.meetings = vec![Meeting::of("a"), Meeting::of("b")];
        assert_eq!(of_session(&s, "técnicos"), s.meta.meetings);
    }

    #[test]
    fn counts_read_back_what_they_show() {
        let c = read_counts("mujeres 7, hombres 5; otras personas 1").unwrap_or_default();
        assert_eq!(counts_text(&c), "mujeres 7, hombres 5, otras personas 1");
        assert_eq!(read_counts(""), Ok(Vec::new()));
        assert_eq!(read_counts("mujeres siete"), Err("mujeres siete".to_owned()));
        assert_eq!(read_counts("7"), Err("7".to_owned()));
    }

    #[test]
    fn factors_are_counted_per_group() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut a = Factor::new("F1", "x");
        a.sources = vec!["técnicos".into(), "políticos".into()];
        let mut b = Factor::new("D1", "y");
        b.sources = vec!["técnicos".into()];
        s.strengths.push(a);
        s.weaknesses.push(b);
        assert_eq!((factors_from(&s, "técnicos"), factors_from(&s, "políticos"), factors_from(&s, "otros")), (2, 1, 0));
    }
}
