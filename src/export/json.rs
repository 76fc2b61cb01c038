//! JSON export for other tools: a stable, documented structure (see
//! `docs/exports.md`), independent of the file format and of the UI language.

use serde::Serialize;

use crate::domain::{Factor, Quadrant, Session};
use crate::i18n::Lang;

use super::safe;

/// Name and version of the JSON structure; bumped on incompatible changes.
pub const SCHEMA: &str = "dafo-export/1";

/// The exported document.
#[derive(Debug, Serialize)]
pub struct Export {
    pub schema: &'static str,
    pub title: String,
    pub created: String,
    pub modified: String,
    pub language: String,
    pub place: Option<String>,
    pub participants: Option<String>,
    pub counts: Counts,
    pub strengths: Vec<Item>,
    pub weaknesses: Vec<Item>,
    pub opportunities: Vec<Item>,
    pub threats: Vec<Item>,
}

/// Number of factors per quadrant.
#[derive(Debug, Serialize)]
pub struct Counts {
    pub strengths: usize,
    pub weaknesses: usize,
    pub opportunities: usize,
    pub threats: usize,
}

/// One factor.
#[derive(Debug, Serialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub votes: u32,
    pub impact: Option<u8>,
    pub carried: bool,
}

impl Export {
    pub fn new(session: &Session) -> Export {
        let m = &session.meta;
        let items = |q: Quadrant| session.factors(q).iter().map(Item::new).collect();
        let [strengths, weaknesses, opportunities, threats] = session.counts();
        Export {
            schema: SCHEMA,
            title: safe(&m.title).into_owned(),
            created: m.created.to_string(),
            modified: m.modified.to_string(),
            language: safe(&m.language).into_owned(),
            place: m.place.as_deref().map(|p| safe(p).into_owned()),
            participants: m.participants.as_deref().map(|p| safe(p).into_owned()),
            counts: Counts { strengths, weaknesses, opportunities, threats },
            strengths: items(Quadrant::Strengths),
            weaknesses: items(Quadrant::Weaknesses),
            opportunities: items(Quadrant::Opportunities),
            threats: items(Quadrant::Threats),
        }
    }
}

impl Item {
    fn new(f: &Factor) -> Item {
        Item {
            id: safe(&f.id).into_owned(),
            text: safe(&f.text).into_owned(),
            votes: f.votes,
            impact: f.impact,
            carried: f.carried,
        }
    }
}

/// The session as pretty JSON. The language only matters for labelled formats.
pub fn render(session: &Session, _lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&Export::new(session)).unwrap_or_else(|e| {
        // Plain structs of strings and numbers always serialize.
        unreachable!("JSON export failed: {e}")
    });
    text.push('\n');
    text
}
