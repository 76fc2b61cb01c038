//! Words of the document apparatus (issue 27): the cover's subtitle, the
//! contents page, the running footer and the logo's warnings. One struct, its
//! three languages.

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
    /// The logo could not be read: (path, why).
    pub logo_unreadable: fn(&str, &str) -> String,
    /// The logo is not a PNG, JPEG or SVG image: (path).
    pub logo_kind: fn(&str) -> String,
}

pub static ES: ApparatusWords = ApparatusWords {
    diagnosis: "Diagnóstico DAFO",
    plan: "Plan estratégico",
    follow_up: |years| format!("Informe de seguimiento {years}"),
    contents: "Índice",
    page: "página",
    of: "de",
    body: "Entidad",
    logo_unreadable: |path, why| {
        format!("aviso: no se puede leer el logotipo {path} ({why}); el documento sale sin él")
    },
    logo_kind: |path| format!("aviso: el logotipo {path} no es una imagen PNG, JPEG ni SVG; el documento sale sin él"),
};

pub static EN: ApparatusWords = ApparatusWords {
    diagnosis: "SWOT diagnosis",
    plan: "Strategic plan",
    follow_up: |years| format!("Follow-up report {years}"),
    contents: "Contents",
    page: "page",
    of: "of",
    body: "Organisation",
    logo_unreadable: |path, why| {
        format!("warning: cannot read the logo {path} ({why}); the document is written without it")
    },
    logo_kind: |path| {
        format!("warning: the logo {path} is not a PNG, JPEG or SVG image; the document is written without it")
    },
};

pub static CA: ApparatusWords = ApparatusWords {
    diagnosis: "Diagnosi DAFO",
    plan: "Pla estratègic",
    follow_up: |years| format!("Informe de seguiment {years}"),
    contents: "Índex",
    page: "pàgina",
    of: "de",
    body: "Entitat",
    logo_unreadable: |path, why| {
        format!("avís: no es pot llegir el logotip {path} ({why}); el document s'escriu sense ell")
    },
    logo_kind: |path| {
        format!("avís: el logotip {path} no és una imatge PNG, JPEG ni SVG; el document s'escriu sense ell")
    },
};
