//! Clashes the git merge driver leaves in the plan and the follow-up, where
//! entries carry no conflict mark of their own: the misión and visión, retos,
//! ejes, líneas, indicators, action reviews, yearly records and indicator
//! values. One branch's version stays in place; the other's is kept in
//! [`Session::clashes`] until someone keeps one, so nothing is lost and
//! `dafo check` refuses the file meanwhile.

use serde::{Deserialize, Serialize};

use super::plan::{Axis, Challenge, Indicator, Line};
use super::review::{ActionReview, IndicatorValue, YearReview};
use super::session::Session;

/// Which entry clashes: a text of the plan, or an entry of a list by its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Key {
    Mission,
    Vision,
    Challenge(String),
    Axis(String),
    Line(String),
    Indicator(String),
    /// An action's review: the action's ID and the year.
    Review(String, i16),
    /// A year's review record.
    Year(i16),
    /// An indicator's value: the indicator's ID and the year.
    Value(String, i16),
    /// A field of the session's metadata (title, place, group, horizon…).
    Meta(String),
}

/// One branch's whole version of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Version {
    Mission(String),
    Vision(String),
    Challenge(Challenge),
    Axis(Axis),
    Line(Line),
    Indicator(Indicator),
    Review(ActionReview),
    Year(YearReview),
    Value(IndicatorValue),
    /// A metadata field and its value as text (a JSON value when it is not
    /// a plain text: the horizon, the label set).
    Meta(String, String),
}

/// A clash left by the git merge driver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Clash {
    /// Both branches changed the entry differently: the session holds one
    /// version in place, this is the other.
    Other(Version),
    /// This branch changed the entry, the other deleted it: this branch's
    /// version is kept in place.
    Deleted(Key),
    /// This branch deleted the entry, the other changed it: the other's
    /// version is kept in place, so nothing is lost until someone chooses.
    DeletedHere(Key),
}

impl Version {
    /// The entry this version is of.
    pub fn key(&self) -> Key {
        match self {
            Version::Mission(_) => Key::Mission,
            Version::Vision(_) => Key::Vision,
            Version::Challenge(c) => Key::Challenge(c.id.clone()),
            Version::Axis(a) => Key::Axis(a.id.clone()),
            Version::Line(l) => Key::Line(l.id.clone()),
            Version::Indicator(i) => Key::Indicator(i.id.clone()),
            Version::Review(r) => Key::Review(r.action.clone(), r.year),
            Version::Year(y) => Key::Year(y.year),
            Version::Value(v) => Key::Value(v.indicator.clone(), v.year),
            Version::Meta(field, _) => Key::Meta(field.clone()),
        }
    }

    /// A one-line summary of what this version says.
    pub fn summary(&self) -> String {
        match self {
            Version::Mission(t) | Version::Vision(t) => t.clone(),
            Version::Challenge(c) => c.text.clone(),
            Version::Axis(a) => a.text.clone(),
            Version::Line(l) => l.text.clone(),
            Version::Indicator(i) => i.name.clone(),
            Version::Review(r) => match &r.note {
                Some(n) => format!("{} % · {n}", r.degree),
                None => format!("{} %", r.degree),
            },
            Version::Year(y) => y.summary.clone().or_else(|| y.body.clone()).unwrap_or_default(),
            Version::Value(v) => v.actual.to_string(),
            Version::Meta(_, value) => value.clone(),
        }
    }
}

impl Clash {
    pub fn key(&self) -> Key {
        match self {
            Clash::Other(v) => v.key(),
            Clash::Deleted(k) | Clash::DeletedHere(k) => k.clone(),
        }
    }

    /// This branch deleted the entry: the version in place is the other's.
    pub fn deleted_here(&self) -> bool {
        matches!(self, Clash::DeletedHere(_))
    }
}

impl Key {
    /// How `dafo check` names the entry: its ID (and year), or the word for
    /// misión and visión given by the caller's language.
    pub fn label(&self, mission: &str, vision: &str) -> String {
        match self {
            Key::Mission => mission.to_owned(),
            Key::Vision => vision.to_owned(),
            Key::Challenge(id) | Key::Axis(id) | Key::Line(id) | Key::Indicator(id) => id.clone(),
            Key::Review(id, year) | Key::Value(id, year) => format!("{id} {year}"),
            Key::Year(year) => year.to_string(),
            Key::Meta(field) => format!("meta.{field}"),
        }
    }
}

impl Session {
    /// The version of an entry this session holds in place, if any.
    pub fn version_at(&self, key: &Key) -> Option<Version> {
        Some(match key {
            Key::Mission => Version::Mission(self.mission.clone()?),
            Key::Vision => Version::Vision(self.vision.clone()?),
            Key::Challenge(id) => Version::Challenge(self.challenges.iter().find(|c| c.id == *id)?.clone()),
            Key::Axis(id) => Version::Axis(self.axes.iter().find(|a| a.id == *id)?.clone()),
            Key::Line(id) => Version::Line(self.lines.iter().find(|l| l.id == *id)?.clone()),
            Key::Indicator(id) => Version::Indicator(self.indicators.iter().find(|i| i.id == *id)?.clone()),
            Key::Review(id, year) => Version::Review(self.action_review(id, *year)?.clone()),
            Key::Year(year) => Version::Year(self.year_review(*year)?.clone()),
            Key::Value(id, year) => {
                Version::Value(self.indicator_values.iter().find(|v| v.indicator == *id && v.year == *year)?.clone())
            }
            Key::Meta(field) => {
                let meta = serde_json::to_value(&self.meta).ok()?;
                Version::Meta(field.clone(), meta_text(meta.get(field)?))
            }
        })
    }
}

/// A metadata value as a clash keeps and shows it: a text as itself, any
/// other value as its JSON.
pub fn meta_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Degree;

    #[test]
    fn clashes_read_back_from_the_file() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        s.mission = Some("Cuidar".into());
        let review = ActionReview {
            action: "C2".into(),
            year: 2025,
            degree: Degree::new(60).unwrap(),
            status: Default::default(),
            note: Some("segunda nota".into()),
            committed: None,
            paid: None,
        };
        s.clashes = vec![Clash::Other(Version::Review(review)), Clash::Deleted(Key::Mission)];
        let text = crate::storage::to_ron(&s);
        let back = crate::storage::parse(&text, std::path::Path::new("x.ron")).unwrap();
        assert_eq!(back.clashes, s.clashes);
        assert_eq!(back.clashes[0].key(), Key::Review("C2".into(), 2025));
        assert_eq!(back.version_at(&Key::Mission), Some(Version::Mission("Cuidar".into())));
        assert_eq!(back.conflicts().len(), 2, "clashes count as conflicts for dafo check");
    }
}
