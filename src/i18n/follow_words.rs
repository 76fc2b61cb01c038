//! The words of the Seguimiento view (`S`): its keys, its headings, what it
//! says when the plan lacks something, the review record's form, in one table
//! per language (Spanish, English, Catalan). The catalogue points at the view's
//! words (`Catalogue::follow`), the keymap at the keys' (`KeymapText::follow`).

/// What the keys of the Seguimiento view do, for the footer and the help.
#[derive(Debug, Clone, Copy)]
pub struct FollowKeys {
    pub show: &'static str,
    pub degree: &'static str,
    pub degree_hint: &'static str,
    pub step_up: &'static str,
    pub step_down: &'static str,
    /// The two as one help row.
    pub step_pair: &'static str,
    pub status: &'static str,
    pub status_hint: &'static str,
    /// `x`: descartada, or back.
    pub drop: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub value: &'static str,
    pub value_hint: &'static str,
    pub record: &'static str,
    pub record_hint: &'static str,
    pub present: &'static str,
}

/// The Seguimiento view's own words.
#[derive(Debug, Clone, Copy)]
pub struct FollowText {
    /// The view's name in the title bar.
    pub view_name: &'static str,
    /// What the view needs and the session lacks.
    pub no_horizon: &'static str,
    pub no_actions: &'static str,
    /// The group of actions in no línea, and the indicators' heading.
    pub no_line: &'static str,
    pub indicators: &'static str,
    /// The detail pane: its title, "no review", "no note".
    pub detail: &'static str,
    pub not_reviewed: &'static str,
    pub no_note: &'static str,
    /// Target and baseline of an indicator in the detail pane.
    pub baseline: &'static str,
    pub target: &'static str,
    /// The input line's labels.
    pub note_of: &'static str,
    pub value_of: &'static str,
    /// Said when `v` is pressed on a row that is no indicator.
    pub value_on_indicator: &'static str,
    /// Said when a value does not read as a number.
    pub bad_number: &'static str,
    /// A degree above 0 recorded for a year before the action's start: its ID,
    /// the start year, the year. Recorded, but said.
    pub before_start: fn(&str, i16, i16) -> String,
    /// The review record's form: its title and fields.
    pub record_of: &'static str,
    pub record_fields: [&'static str; 4],
    pub bad_date: &'static str,
    /// The record's summary line in the view: the body and the date.
    pub record_none: &'static str,
    pub problems: &'static str,
}

pub static ES_KEYS: FollowKeys = FollowKeys {
    show: "seguimiento: grado de implementación por año",
    degree: "grado 0, 25, 50, 75, 100 %",
    degree_hint: "grado",
    step_up: "grado +5",
    step_down: "grado −5",
    step_pair: "grado +5 / −5",
    status: "estado de la acción ese año",
    status_hint: "estado",
    drop: "descartar la acción ese año, o recuperarla",
    note: "nota del año para la acción",
    note_hint: "nota",
    value: "valor o importes del año",
    value_hint: "valor",
    record: "acta del año: comisión, fecha, resumen, límites",
    record_hint: "acta",
    present: "presentar el año a la sala",
};

pub static EN_KEYS: FollowKeys = FollowKeys {
    show: "follow-up: degree of implementation per year",
    degree: "degree 0, 25, 50, 75, 100%",
    degree_hint: "degree",
    step_up: "degree +5",
    step_down: "degree −5",
    step_pair: "degree +5 / −5",
    status: "the action's status that year",
    status_hint: "status",
    drop: "drop the action that year, or take it back",
    note: "the year's note for the action",
    note_hint: "note",
    value: "value or money that year",
    value_hint: "value",
    record: "the year's record: committee, date, summary, problems",
    record_hint: "record",
    present: "present the year to the room",
};

pub static CA_KEYS: FollowKeys = FollowKeys {
    show: "seguiment: grau d'implementació per any",
    degree: "grau 0, 25, 50, 75, 100 %",
    degree_hint: "grau",
    step_up: "grau +5",
    step_down: "grau −5",
    step_pair: "grau +5 / −5",
    status: "estat de l'acció aquell any",
    status_hint: "estat",
    drop: "descartar l'acció aquell any, o recuperar-la",
    note: "nota de l'any per a l'acció",
    note_hint: "nota",
    value: "valor o imports de l'any",
    value_hint: "valor",
    record: "acta de l'any: comissió, data, resum, límits",
    record_hint: "acta",
    present: "presentar l'any a la sala",
};

pub static ES: FollowText = FollowText {
    view_name: "SEGUIMIENTO",
    no_horizon: "El seguimiento va por años y esta sesión no tiene horizonte (p. ej. 2023-2026): créala con `dafo new --horizon 2023-2026` o importa un plan con «Horizonte: 2023-2026».",
    no_actions: "Aún no hay acciones que seguir: añádelas en CAME (c) y colócalas en líneas del plan (P).",
    no_line: "Sin línea",
    indicators: "Indicadores",
    detail: "Detalle",
    not_reviewed: "sin revisar",
    no_note: "sin nota",
    baseline: "línea de base",
    target: "meta",
    note_of: "Nota de",
    value_of: "Valor de",
    value_on_indicator: "Los valores son de los indicadores: baja a sus filas, al final",
    bad_number: "No es un número",
    before_start: |id, start, year| {
        format!("Ojo: {id} empieza en {start}; este grado es de {year}, antes de su inicio")
    },
    record_of: "Acta de",
    record_fields: ["Comisión u órgano", "Fecha (AAAA-MM-DD)", "Resumen", "Límites y problemas (separados por ;)"],
    bad_date: "Fecha no válida (AAAA-MM-DD)",
    record_none: "sin acta (r)",
    problems: "límites y problemas",
};

pub static EN: FollowText = FollowText {
    view_name: "FOLLOW-UP",
    no_horizon: "Follow-up goes by years and this session has no horizon (e.g. 2023-2026): create it with `dafo new --horizon 2023-2026` or import a plan with \"Horizon: 2023-2026\".",
    no_actions: "No actions to follow yet: add them in CAME (c) and place them in the plan's líneas (P).",
    no_line: "No línea",
    indicators: "Indicators",
    detail: "Detail",
    not_reviewed: "not reviewed",
    no_note: "no note",
    baseline: "baseline",
    target: "target",
    note_of: "Note of",
    value_of: "Value of",
    value_on_indicator: "Values belong to indicators: go down to their rows, at the end",
    bad_number: "Not a number",
    before_start: |id, start, year| {
        format!("Note: {id} starts in {start}; this degree is for {year}, before it starts")
    },
    record_of: "Record of",
    record_fields: ["Committee or body", "Date (YYYY-MM-DD)", "Summary", "Problems and limits (separated by ;)"],
    bad_date: "Not a date (YYYY-MM-DD)",
    record_none: "no record (r)",
    problems: "problems and limits",
};

pub static CA: FollowText = FollowText {
    view_name: "SEGUIMENT",
    no_horizon: "El seguiment va per anys i aquesta sessió no té horitzó (p. ex. 2023-2026): crea-la amb `dafo new --horizon 2023-2026` o importa un pla amb «Horitzó: 2023-2026».",
    no_actions: "Encara no hi ha accions per seguir: afegiu-les a CAME (c) i col·loqueu-les en línies del pla (P).",
    no_line: "Sense línia",
    indicators: "Indicadors",
    detail: "Detall",
    not_reviewed: "sense revisar",
    no_note: "sense nota",
    baseline: "línia de base",
    target: "meta",
    note_of: "Nota de",
    value_of: "Valor de",
    value_on_indicator: "Els valors són dels indicadors: baixeu a les seues files, al final",
    bad_number: "No és un número",
    before_start: |id, start, year| {
        format!("Compte: {id} comença en {start}; aquest grau és de {year}, abans del seu inici")
    },
    record_of: "Acta de",
    record_fields: ["Comissió o òrgan", "Data (AAAA-MM-DD)", "Resum", "Límits i problemes (separats per ;)"],
    bad_date: "Data no vàlida (AAAA-MM-DD)",
    record_none: "sense acta (r)",
    problems: "límits i problemes",
};
