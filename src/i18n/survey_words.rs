//! Words of `dafo import --survey` (issue 27): the source the answers stand for,
//! what the import says it did, and why it refused or left an answer out. One
//! struct, its three languages.

/// Everything the survey import says.
#[derive(Debug)]
pub struct SurveyText {
    /// The source of every factor read from answers, as stored: cuestionario.
    pub source: &'static str,
    /// Neither `--quadrant-column` nor `--map` was given.
    pub no_mapping: &'static str,
    /// A column named on the command line is not in the header: (name, the header's columns).
    pub column_not_found: fn(&str, &str) -> String,
    /// A column name matches several of the header: (name, the columns it matches).
    pub column_ambiguous: fn(&str, &str) -> String,
    /// A `--map` that is not `COLUMN=QUADRANT`.
    pub bad_map: fn(&str) -> String,
    /// A `--map` whose quadrant is not one: (what it said).
    pub map_quadrant: fn(&str) -> String,
    /// An answer left out because it is empty (column).
    pub empty_answer: fn(&str) -> String,
    /// An answer left out because its quadrant column names no quadrant: (value).
    pub unknown_quadrant: fn(&str) -> String,
    /// What was read: (people who answered, answers, factors made).
    pub summary: fn(usize, usize, usize) -> String,
    /// Heading of the list of answers not placed: (how many).
    pub not_placed: fn(usize) -> String,
    /// The list stops: (how many more).
    pub more: fn(usize) -> String,
    // ---- The informe's "Proceso participativo" section ----
    pub process_title: &'static str,
    /// Columns: group, date, place, attendees, technique, factors contributed.
    pub process_columns: [&'static str; 6],
    /// The merge in short: (factors read, factors joining several wordings, items
    /// in two quadrants, pairs kept apart).
    pub merge_summary: fn(u32, u32, u32, u32) -> String,
    /// The `M` form's labels of the session's own meeting: attendees by sex and by
    /// age band, with an example.
    pub by_sex: &'static str,
    pub by_age: &'static str,
    /// The process table's participants column, and the word before the age
    /// bands in its attendees cell: `12 (mujeres 7, hombres 5; edad: 18-29 3)`.
    pub process_participants: &'static str,
    pub age_word: &'static str,
}

/// `one` for 1, else `many`.
fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

pub static ES: SurveyText = SurveyText {
    source: "cuestionario",
    no_mapping: "--survey necesita --quadrant-column COLUMNA o al menos un --map \"COLUMNA=cuadrante\"",
    column_not_found: |name, known| format!("no hay ninguna columna «{name}»; las columnas son {known}"),
    column_ambiguous: |name, found| format!("«{name}» coincide con varias columnas: {found}; escribe más del nombre"),
    bad_map: |spec| format!("--map se escribe \"COLUMNA=cuadrante\", no «{spec}»"),
    map_quadrant: |q| format!("«{q}» no es un cuadrante (fortalezas, debilidades, oportunidades, amenazas)"),
    empty_answer: |column| format!("respuesta vacía en «{column}»"),
    unknown_quadrant: |value| format!("«{value}» no es un cuadrante; la respuesta no se ha colocado"),
    summary: |people, answers, factors| {
        let joined = answers.saturating_sub(factors);
        format!("{people} personas, {answers} respuestas → {factors} factores ({joined} repetidas unidas y contadas)")
    },
    not_placed: |n| if n == 1 { "1 respuesta sin colocar:".into() } else { format!("{n} respuestas sin colocar:") },
    more: |n| format!("… y {n} más"),
    process_title: "Proceso participativo",
    process_columns: ["Grupo", "Fecha", "Lugar", "Asistentes", "Técnica", "Factores"],
    merge_summary: |read, joined, cross, grey| {
        let (f, r, e, p) = (
            plural(read, "factor", "factores"),
            plural(joined, "factor reúne", "factores reúnen"),
            plural(
                cross,
                "elemento aparece en dos cuadrantes distintos (p. ej. D/A) y se mantiene",
                "elementos aparecen en dos cuadrantes distintos (p. ej. D/A) y se mantienen",
            ),
            plural(grey, "pareja dudosa se dejó separada", "parejas dudosas se dejaron separadas"),
        );
        format!(
            "Se leyeron {read} {f} de los grupos; {joined} {r} frases casi iguales de varios grupos; {cross} {e} en ambos; {grey} {p}."
        )
    },
    by_sex: "Por sexo (mujeres 7)",
    by_age: "Por edad (30-44 6)",
    process_participants: "Participantes",
    age_word: "edad",
};

pub static EN: SurveyText = SurveyText {
    source: "questionnaire",
    no_mapping: "--survey needs --quadrant-column COLUMN or at least one --map \"COLUMN=quadrant\"",
    column_not_found: |name, known| format!("there is no column \"{name}\"; the columns are {known}"),
    column_ambiguous: |name, found| format!("\"{name}\" matches several columns: {found}; type more of the name"),
    bad_map: |spec| format!("--map reads \"COLUMN=quadrant\", not \"{spec}\""),
    map_quadrant: |q| format!("\"{q}\" is not a quadrant (strengths, weaknesses, opportunities, threats)"),
    empty_answer: |column| format!("empty answer in \"{column}\""),
    unknown_quadrant: |value| format!("\"{value}\" is not a quadrant; the answer was not placed"),
    summary: |people, answers, factors| {
        let joined = answers.saturating_sub(factors);
        format!("{people} people, {answers} answers → {factors} factors ({joined} repeats joined and counted)")
    },
    not_placed: |n| if n == 1 { "1 answer not placed:".into() } else { format!("{n} answers not placed:") },
    more: |n| format!("… and {n} more"),
    process_title: "Participation process",
    process_columns: ["Group", "Date", "Place", "Attendees", "Technique", "Factors"],
    merge_summary: |read, joined, cross, grey| {
        let (f, r, e, p) = (
            plural(read, "factor was", "factors were"),
            plural(joined, "factor joins", "factors join"),
            plural(
                cross,
                "item appears in two different quadrants (e.g. W/T) and is",
                "items appear in two different quadrants (e.g. W/T) and are",
            ),
            plural(grey, "doubtful pair was", "doubtful pairs were"),
        );
        format!(
            "{read} {f} read from the groups; {joined} {r} near-identical wordings of several groups; {cross} {e} kept in both; {grey} {p} kept apart."
        )
    },
    by_sex: "By sex (women 7)",
    by_age: "By age (30-44 6)",
    process_participants: "Participants",
    age_word: "age",
};

pub static CA: SurveyText = SurveyText {
    source: "qüestionari",
    no_mapping: "--survey necessita --quadrant-column COLUMNA o almenys un --map \"COLUMNA=quadrant\"",
    column_not_found: |name, known| format!("no hi ha cap columna «{name}»; les columnes són {known}"),
    column_ambiguous: |name, found| format!("«{name}» coincideix amb diverses columnes: {found}; escriu més del nom"),
    bad_map: |spec| format!("--map s'escriu \"COLUMNA=quadrant\", no «{spec}»"),
    map_quadrant: |q| format!("«{q}» no és un quadrant (fortaleses, debilitats, oportunitats, amenaces)"),
    empty_answer: |column| format!("resposta buida a «{column}»"),
    unknown_quadrant: |value| format!("«{value}» no és un quadrant; la resposta no s'ha col·locat"),
    summary: |people, answers, factors| {
        let joined = answers.saturating_sub(factors);
        format!("{people} persones, {answers} respostes → {factors} factors ({joined} repetides unides i comptades)")
    },
    not_placed: |n| {
        if n == 1 { "1 resposta sense col·locar:".into() } else { format!("{n} respostes sense col·locar:") }
    },
    more: |n| format!("… i {n} més"),
    process_title: "Procés participatiu",
    process_columns: ["Grup", "Data", "Lloc", "Assistents", "Tècnica", "Factors"],
    merge_summary: |read, joined, cross, grey| {
        let (f, r, e, p) = (
            plural(read, "factor", "factors"),
            plural(joined, "factor reunix", "factors reunixen"),
            plural(
                cross,
                "element apareix en dos quadrants diferents (p. ex. D/A) i es manté",
                "elements apareixen en dos quadrants diferents (p. ex. D/A) i es mantenen",
            ),
            plural(grey, "parella dubtosa es va deixar separada", "parelles dubtoses es van deixar separades"),
        );
        format!(
            "Es van llegir {read} {f} dels grups; {joined} {r} frases quasi iguals de diversos grups; {cross} {e} en tots dos; {grey} {p}."
        )
    },
    by_sex: "Per sexe (dones 7)",
    by_age: "Per edat (30-44 6)",
    process_participants: "Participants",
    age_word: "edat",
};
