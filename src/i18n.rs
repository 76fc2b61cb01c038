//! UI language: every label a user reads comes from here, Spanish first.

use clap::ValueEnum;

use crate::domain::Quadrant;

/// Language of the interface (not of the session's content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    /// Quadrant title: Fortalezas / Strengths...
    pub fn quadrant(self, q: Quadrant) -> &'static str {
        match (self, q) {
            (Lang::Es, Quadrant::Strengths) => "Fortalezas",
            (Lang::Es, Quadrant::Weaknesses) => "Debilidades",
            (Lang::Es, Quadrant::Opportunities) => "Oportunidades",
            (Lang::Es, Quadrant::Threats) => "Amenazas",
            (Lang::En, Quadrant::Strengths) => "Strengths",
            (Lang::En, Quadrant::Weaknesses) => "Weaknesses",
            (Lang::En, Quadrant::Opportunities) => "Opportunities",
            (Lang::En, Quadrant::Threats) => "Threats",
        }
    }

    /// "Internal factors" / "External factors".
    pub fn origin(self, q: Quadrant) -> &'static str {
        match (self, q.is_internal()) {
            (Lang::Es, true) => "internos",
            (Lang::Es, false) => "externos",
            (Lang::En, true) => "internal",
            (Lang::En, false) => "external",
        }
    }

    /// A number with two decimals, with the decimal comma in Spanish.
    pub fn decimal(self, x: f64) -> String {
        let s = format!("{x:.2}");
        match self {
            Lang::Es => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// Picks the Spanish or English text.
    pub fn pick<'a>(self, es: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}
