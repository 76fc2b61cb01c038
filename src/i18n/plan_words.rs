//! The words of the plan, in one table per language (Spanish, English, Catalan):
//! section headings, column names, status and direction words. The Markdown
//! form writes them and the importer reads any language's back. Each language's
//! catalogue points at its table (`Catalogue::plan_report`).

use crate::domain::{Direction, Status};

/// Picks one word out of a language's table.
pub type Pick = fn(&PlanWords) -> &'static str;

/// The plan's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct PlanWords {
    /// `Horizonte` in the `Horizonte: 2023-2026` line.
    pub horizon: &'static str,
    /// Heading of the informe's section with misión, visión and valores.
    pub formulation: &'static str,
    /// Column of a reto's sources, and the group of actions with no línea.
    pub col_from: &'static str,
    pub no_line: &'static str,
    pub mission: &'static str,
    pub vision: &'static str,
    pub values: &'static str,
    pub challenges: &'static str,
    pub axes_lines: &'static str,
    pub action_plan: &'static str,
    pub indicators: &'static str,
    pub schedule: &'static str,
    pub coverage: &'static str,
    /// Columns of the plan de acción table.
    pub col_line: &'static str,
    pub col_action: &'static str,
    pub col_answers: &'static str,
    pub col_owner: &'static str,
    pub col_start: &'static str,
    pub col_due: &'static str,
    pub col_resources: &'static str,
    pub col_amount: &'static str,
    /// Amounts per year and the funding source (the plan financiero).
    pub col_budget: &'static str,
    pub col_funding: &'static str,
    pub col_partners: &'static str,
    pub col_indicator: &'static str,
    pub col_status: &'static str,
    /// Columns of the indicators table.
    pub col_name: &'static str,
    pub col_unit: &'static str,
    pub col_baseline: &'static str,
    pub col_target: &'static str,
    pub col_direction: &'static str,
    /// Hitos of an indicator, `2024: 30; 2025: 45` (issue 24).
    pub col_milestones: &'static str,
    pub col_measures: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    /// The direction of an indicator to keep where it is (issue 24).
    pub keep: &'static str,
    /// Put before an Afrontar action's ID among a reto's sources (`acción A1`),
    /// since a bare `A1` is the threat.
    pub action: &'static str,
    /// The quarter mark of the cronograma: `T` (trimestre), `Q`.
    pub quarter: &'static str,
    /// pending, in progress, done, dropped.
    pub statuses: [&'static str; 4],
    pub lines_without_actions: &'static str,
    pub actions_without_line: &'static str,
    pub undated: &'static str,
    pub outside: &'static str,
}

pub const ES: PlanWords = PlanWords {
    horizon: "Horizonte",
    formulation: "Misión, visión y valores",
    col_from: "Viene de",
    no_line: "Sin línea",
    mission: "Misión",
    vision: "Visión",
    values: "Valores",
    challenges: "Retos",
    axes_lines: "Ejes y líneas",
    action_plan: "Plan de acción",
    indicators: "Indicadores",
    schedule: "Cronograma",
    coverage: "Cobertura del plan",
    col_line: "Línea",
    col_action: "Acción",
    col_answers: "Responde a",
    col_owner: "Responsable",
    col_start: "Inicio",
    col_due: "Plazo",
    col_resources: "Recursos",
    col_amount: "Importe (€)",
    col_budget: "Importe por año",
    col_funding: "Financiación",
    col_partners: "Socios",
    col_indicator: "Indicador",
    col_status: "Estado",
    col_name: "Indicador",
    col_unit: "Unidad",
    col_baseline: "Línea base",
    col_target: "Meta",
    col_direction: "Sentido",
    col_milestones: "Hitos",
    col_measures: "Mide",
    up: "sube",
    down: "baja",
    keep: "mantener",
    action: "acción",
    quarter: "T",
    statuses: ["pendiente", "en curso", "hecha", "descartada"],
    lines_without_actions: "Líneas sin acciones",
    actions_without_line: "Acciones sin línea",
    undated: "Sin fechas",
    outside: "Fuera del horizonte",
};

pub const EN: PlanWords = PlanWords {
    horizon: "Horizon",
    formulation: "Mission, vision and values",
    col_from: "Comes from",
    no_line: "No line",
    mission: "Mission",
    vision: "Vision",
    values: "Values",
    challenges: "Challenges",
    axes_lines: "Axes and lines",
    action_plan: "Action plan",
    indicators: "Indicators",
    schedule: "Schedule",
    coverage: "Plan coverage",
    col_line: "Line",
    col_action: "Action",
    col_answers: "Answers",
    col_owner: "Owner",
    col_start: "Start",
    col_due: "Due",
    col_resources: "Resources",
    col_amount: "Amount (€)",
    col_budget: "Amount per year",
    col_funding: "Funding",
    col_partners: "Partners",
    col_indicator: "Indicator",
    col_status: "Status",
    col_name: "Indicator",
    col_unit: "Unit",
    col_baseline: "Baseline",
    col_target: "Target",
    col_direction: "Direction",
    col_milestones: "Milestones",
    col_measures: "Measures",
    up: "up",
    down: "down",
    keep: "keep",
    action: "action",
    quarter: "Q",
    statuses: ["pending", "in progress", "done", "dropped"],
    lines_without_actions: "Lines without actions",
    actions_without_line: "Actions without a line",
    undated: "Undated",
    outside: "Outside the horizon",
};

pub const CA: PlanWords = PlanWords {
    horizon: "Horitzó",
    formulation: "Missió, visió i valors",
    col_from: "Ve de",
    no_line: "Sense línia",
    mission: "Missió",
    vision: "Visió",
    values: "Valors",
    challenges: "Reptes",
    axes_lines: "Eixos i línies",
    action_plan: "Pla d'acció",
    indicators: "Indicadors",
    schedule: "Cronograma",
    coverage: "Cobertura del pla",
    col_line: "Línia",
    col_action: "Acció",
    col_answers: "Respon a",
    col_owner: "Responsable",
    col_start: "Inici",
    col_due: "Termini",
    col_resources: "Recursos",
    col_amount: "Import (€)",
    col_budget: "Import per any",
    col_funding: "Finançament",
    col_partners: "Socis",
    col_indicator: "Indicador",
    col_status: "Estat",
    col_name: "Indicador",
    col_unit: "Unitat",
    col_baseline: "Línia de base",
    col_target: "Meta",
    col_direction: "Sentit",
    col_milestones: "Fites",
    col_measures: "Què mesura",
    up: "puja",
    down: "baixa",
    keep: "mantindre",
    action: "acció",
    quarter: "T",
    statuses: ["pendent", "en curs", "feta", "descartada"],
    lines_without_actions: "Línies sense accions",
    actions_without_line: "Accions sense línia",
    undated: "Sense dates",
    outside: "Fora de l'horitzó",
};

/// Every language the importer accepts.
pub const ALL: [PlanWords; 3] = [ES, EN, CA];

/// Headings of other parts of a full export that a plan file may carry and the
/// plan importer passes over (compared folded, by their start).
pub const OTHER_HEADINGS: &[&str] = &[
    "matriz dafo",
    "swot matrix",
    "matriu dafo",
    "plan de accion came",
    "came action plan",
    "pla d'accio came",
    "estrategias cruzadas",
    "crossed strategies",
    "estrategies creuades",
    "matriz efi",
    "matriz efe",
    "ife matrix",
    "efe matrix",
    "matriu efi",
    "matriu efe",
    "cronograma",
    "schedule",
    "calendari",
    "cobertura",
    "coverage",
    "datos de la sesion",
    "session details",
    "dades de la sessio",
];

impl PlanWords {
    pub fn for_lang(lang: crate::i18n::Lang) -> PlanWords {
        *lang.text().plan_report
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.statuses[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub fn direction(&self, d: Direction) -> &'static str {
        match d {
            Direction::Up => self.up,
            Direction::Down => self.down,
            Direction::Keep => self.keep,
        }
    }
}

/// How headings and words are compared: folded ([`crate::domain::text::fold`]),
/// runs of spaces made one.
pub fn fold(text: &str) -> String {
    crate::domain::text::fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is this word in some language (`pick` chooses the word).
pub fn is_word(text: &str, pick: impl Fn(&PlanWords) -> &'static str) -> bool {
    let t = fold(text);
    ALL.iter().any(|w| fold(pick(w)) == t)
}

/// A status in any language, or its CSV token (`in_progress`).
pub fn status_from(text: &str) -> Option<Status> {
    let t = fold(text);
    Status::ALL
        .into_iter()
        .find(|&s| ALL.iter().any(|w| fold(w.status(s)) == t))
        .or_else(|| crate::labels::status_from(text))
}

/// A direction in any language, or an arrow (`↑`, `↓`).
pub fn direction_from(text: &str) -> Option<Direction> {
    match text.trim() {
        "↑" => return Some(Direction::Up),
        "↓" => return Some(Direction::Down),
        "=" => return Some(Direction::Keep),
        _ => {}
    }
    let t = fold(text);
    // Catalan also says `mantenir`, Valencian `mantindre`.
    if t == "mantenir" {
        return Some(Direction::Keep);
    }
    [Direction::Up, Direction::Down, Direction::Keep]
        .into_iter()
        .find(|&d| ALL.iter().any(|w| fold(w.direction(d)) == t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_in_every_language() {
        for w in ALL {
            for s in Status::ALL {
                assert_eq!(status_from(w.status(s)), Some(s));
            }
            assert_eq!(direction_from(w.down), Some(Direction::Down), "{}", w.down);
            assert_eq!(direction_from(w.up), Some(Direction::Up), "{}", w.up);
            assert_eq!(direction_from(w.keep), Some(Direction::Keep), "{}", w.keep);
            assert!(is_word(&w.axes_lines.to_uppercase(), |x| x.axes_lines));
        }
        assert_eq!(status_from("in_progress"), Some(Status::InProgress));
        assert!(is_word("pla d'accio", |x| x.action_plan));
        assert_eq!(direction_from("↓"), Some(Direction::Down));
    }
}
