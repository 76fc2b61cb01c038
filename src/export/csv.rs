//! CSV export: one row per item (today factors; CAME actions will add rows of
//! kind `action` with links, owner, due and status). RFC 4180 quoting, CRLF
//! line ends, UTF-8 without BOM.

use serde::{Deserialize, Serialize};

use crate::domain::{Quadrant, Session};
use crate::i18n::Lang;

use super::safe;

/// The columns, in order. Stable: other tools and `dafo import` rely on them.
pub const HEADER: [&str; 10] = ["id", "kind", "quadrant", "text", "votes", "impact", "links", "owner", "due", "status"];

/// `kind` of a DAFO factor row.
pub const KIND_FACTOR: &str = "factor";

/// One row of the CSV export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub kind: String,
    /// Quadrant label in the export language (`Fortalezas`, `Strengths`...).
    pub quadrant: String,
    pub text: String,
    pub votes: String,
    pub impact: String,
    /// IDs this item is linked to, separated by spaces (actions only).
    pub links: String,
    pub owner: String,
    pub due: String,
    pub status: String,
}

/// The rows of a session, quadrant by quadrant in grid order.
pub fn rows(session: &Session, lang: Lang) -> Vec<Row> {
    Quadrant::ALL
        .iter()
        .flat_map(|&q| {
            session.factors(q).iter().map(move |f| Row {
                id: safe(&f.id).into_owned(),
                kind: KIND_FACTOR.to_owned(),
                quadrant: lang.quadrant(q).to_owned(),
                text: safe(&f.text).into_owned(),
                votes: f.votes.to_string(),
                impact: f.impact.map(|i| i.to_string()).unwrap_or_default(),
                links: String::new(),
                owner: String::new(),
                due: String::new(),
                status: String::new(),
            })
        })
        .collect()
}

/// The session as CSV text.
pub fn render(session: &Session, lang: Lang) -> String {
    write(&rows(session, lang)).unwrap_or_else(|e| {
        // Writing strings into memory cannot fail.
        unreachable!("CSV export failed: {e}")
    })
}

fn write(rows: &[Row]) -> Result<String, Box<dyn std::error::Error>> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record([
            &r.id,
            &r.kind,
            &r.quadrant,
            &r.text,
            &r.votes,
            &r.impact,
            &r.links,
            &r.owner,
            &r.due,
            &r.status,
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    Ok(String::from_utf8(bytes)?)
}
