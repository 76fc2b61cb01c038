//! Words the exporters print, in Spanish and English.

use crate::i18n::Lang;

/// Labels of one language, looked up once per render.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub date: &'static str,
    pub modified: &'static str,
    pub place: &'static str,
    pub participants: &'static str,
    pub factors: &'static str,
    pub grid: &'static str,
    pub positive: &'static str,
    pub negative: &'static str,
    pub internal: &'static str,
    pub external: &'static str,
    pub none: &'static str,
    pub vote: &'static str,
    pub votes: &'static str,
    pub impact: &'static str,
    pub id: &'static str,
    pub factor: &'static str,
    pub generated: &'static str,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        match lang {
            Lang::Es => Labels {
                date: "Fecha",
                modified: "Última modificación",
                place: "Lugar",
                participants: "Participantes",
                factors: "Factores",
                grid: "Matriz DAFO",
                positive: "Positivos",
                negative: "Negativos",
                internal: "Internos",
                external: "Externos",
                none: "Sin factores.",
                vote: "voto",
                votes: "votos",
                impact: "impacto",
                id: "ID",
                factor: "Factor",
                generated: "Generado con dafo",
            },
            Lang::En => Labels {
                date: "Date",
                modified: "Last modified",
                place: "Place",
                participants: "Participants",
                factors: "Factors",
                grid: "SWOT matrix",
                positive: "Positive",
                negative: "Negative",
                internal: "Internal",
                external: "External",
                none: "No factors.",
                vote: "vote",
                votes: "votes",
                impact: "impact",
                id: "ID",
                factor: "Factor",
                generated: "Made with dafo",
            },
        }
    }
}
