//! Words of the document apparatus (issue 27): the cover's subtitle, the
//! contents page, the running footer and the logo's warnings: their shape;
//! each language's words are in its catalogue (`Catalogue::apparatus`).

/// Everything the cover, contents and footer of an informe say.
#[derive(Debug)]
pub struct ApparatusWords {
    /// Subtitle of a session without a plan.
    pub diagnosis: &'static str,
    /// Subtitle of a session with a plan.
    pub plan: &'static str,
    /// Subtitle of the follow-up report: (the years, `2024` or `2023-2025`).
    pub follow_up: fn(&str) -> String,
    /// Heading of the table of contents.
    pub contents: &'static str,
    /// The footer's "página" and "de" around the page numbers: "página 3 de 9".
    pub page: &'static str,
    pub of: &'static str,
    /// Label of the organisation on the cover (`meta.body`).
    pub body: &'static str,
    /// Label of the cover's date: the day the document was made.
    pub issued: &'static str,
    /// The logo could not be read: (path, why).
    pub logo_unreadable: fn(&str, &str) -> String,
    /// The logo is not a PNG, JPEG or SVG image: (path).
    pub logo_kind: fn(&str) -> String,
}
