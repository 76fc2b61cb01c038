//! Words of merging (issue 15): the review list of possible pairs (TUI and
//! line by line), the merge report, `dafo merge`, the git merge driver and
//! `dafo check`'s conflicts, `dafo git-setup`, and the source filter and
//! conflict key of the TUI. One struct, its three languages.

/// Keys of the review list (`dafo merge --review` in a terminal), for the keymap.
#[derive(Debug)]
pub struct MergeKeys {
    pub accept: &'static str,
    pub keep_apart: &'static str,
    pub undo_last: &'static str,
    pub finish: &'static str,
    /// The same four, short, for the footer.
    pub hints: [&'static str; 4],
}

/// Everything merging says.
#[derive(Debug)]
pub struct MergeText {
    pub keys: MergeKeys,
    // ---- The review list ----
    /// Title of the review screen.
    pub review_title: &'static str,
    /// Which pair is shown: `pair 2 of 5`.
    pub pair_of: fn(usize, usize) -> String,
    /// The question the room answers.
    pub question: &'static str,
    /// "likeness" (the similarity score).
    pub likeness: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// Answers so far: `1 merged · 2 kept apart`.
    pub answered: fn(usize, usize) -> String,
    /// An answer in the list: merged, kept apart.
    pub merged: &'static str,
    pub kept_apart: &'static str,
    /// Every pair answered: how to finish or take the last back (keys).
    pub all_answered: fn(&str, &str) -> String,
    /// The line-by-line prompt (no terminal): which answers join.
    pub line_prompt: &'static str,
    /// Answers that join in the line-by-line review, lower case.
    pub line_yes: &'static [&'static str],
    // ---- The merge report ----
    /// `1 group`, `3 groups`.
    pub groups_count: fn(usize) -> String,
    /// One factor of each quadrant, lower case: strength, weakness…
    pub quadrant_one: [&'static str; 4],
    pub report_title: &'static str,
    pub groups: &'static str,
    pub factors: &'static str,
    /// `Factors: 20 read → 15 in the diagnosis`.
    pub read_to: fn(usize, usize) -> String,
    /// `4 from 2 groups`.
    pub from_groups: fn(usize, &str) -> String,
    /// `7 factors`.
    pub factors_count: fn(usize) -> String,
    pub only_one: &'static str,
    pub disagreements: &'static str,
    pub none: &'static str,
    pub grey_title: &'static str,
    pub joined_on_review: &'static str,
    pub joined_by_flag: &'static str,
    pub grey_hint: &'static str,
    /// Actions and strategies naming factors their group's file lacks: the heading,
    /// then per item what was done (the missing IDs; whether a strategy was left out).
    pub dangling_title: &'static str,
    pub dangling_done: fn(&str, bool) -> String,
    // ---- dafo merge and the merge driver ----
    pub default_title: &'static str,
    pub written: &'static str,
    /// `-o` names an input.
    pub output_is_input: &'static str,
    pub conflict: &'static str,
    pub conflict_kept: &'static str,
    // ---- dafo check ----
    /// `2 conflict(s) ⚠ to resolve`.
    pub check_line: fn(usize) -> String,
    pub other_version: &'static str,
    pub deleted_elsewhere: &'static str,
    // ---- dafo git-setup ----
    pub already_has: &'static str,
    pub added: &'static str,
    pub already_is: &'static str,
    pub was: &'static str,
    /// `dafo` is not on PATH: git cannot call the driver.
    pub not_on_path: &'static str,
    // ---- The TUI: source filter (F) and conflicts (R) ----
    pub no_sources: &'static str,
    pub source: &'static str,
    pub all_sources: &'static str,
    pub conflict_resolved: &'static str,
    pub no_conflict: &'static str,
    // ---- dafo merge: one file given twice (issue 22) ----
    /// Two arguments name one file (path, link or hard link): refused.
    pub same_file: fn(&str, &str) -> String,
    /// Two files hold the same bytes: merged, with this warning.
    pub same_content: fn(&str, &str) -> String,
}

pub static ES: MergeText = MergeText {
    keys: MergeKeys {
        accept: "unir: dicen lo mismo",
        keep_apart: "separar: son cosas distintas",
        undo_last: "deshacer la última respuesta",
        finish: "terminar (lo que falte, separado)",
        hints: ["unir", "separar", "deshacer", "terminar"],
    },
    review_title: "Pares dudosos",
    pair_of: |n, m| format!("par {n} de {m}"),
    question: "¿Dicen lo mismo?",
    likeness: "parecido",
    sources: "Fuentes",
    answered: |j, k| {
        format!(
            "{j} {} · {k} {}",
            if j == 1 { "unido" } else { "unidos" },
            if k == 1 { "separado" } else { "separados" }
        )
    },
    merged: "unidos",
    kept_apart: "separados",
    all_answered: |q, u| format!("Todos respondidos: {q} termina, {u} deshace la última respuesta"),
    line_prompt: "s = unir, n = separar [n]:",
    line_yes: &["s", "si", "sí", "y", "yes"],
    groups_count: |n| if n == 1 { "1 grupo".to_owned() } else { format!("{n} grupos") },
    quadrant_one: ["fortaleza", "debilidad", "oportunidad", "amenaza"],
    report_title: "Informe de la fusión",
    groups: "Grupos",
    factors: "Factores",
    read_to: |r, d| format!("{r} leídos → {d} en el diagnóstico"),
    from_groups: |k, g| format!("{k} de {g}"),
    factors_count: |n| if n == 1 { "1 factor".to_owned() } else { format!("{n} factores") },
    only_one: "Solo un grupo",
    disagreements: "Desacuerdos entre cuadrantes",
    none: "Ninguno.",
    grey_title: "Pares dudosos, separados",
    joined_on_review: "Unidos en la revisión",
    joined_by_flag: "Unidos por --accept-similar.",
    grey_hint: "--accept-similar los une; --review pregunta por cada uno.",
    dangling_title: "Referencias a factores que no existen",
    dangling_done: |ids, left_out| {
        if left_out {
            format!("{ids} no está en su archivo: estrategia no incluida")
        } else {
            format!("{ids} no está en su archivo: acción incluida sin ese enlace")
        }
    },
    default_title: "Diagnóstico conjunto",
    written: "escrito",
    output_is_input: "es una de las sesiones a fusionar; las entradas nunca se escriben, elige otro -o",
    conflict: "conflicto",
    conflict_kept: "conflicto, se queda nuestra versión",
    check_line: |n| {
        if n == 1 { "1 conflicto ⚠ por resolver".to_owned() } else { format!("{n} conflictos ⚠ por resolver") }
    },
    other_version: "otra versión:",
    deleted_elsewhere: "borrado en la otra rama",
    already_has: "ya tiene",
    added: "añadido",
    already_is: "ya es",
    was: "antes",
    not_on_path: "aviso: «dafo» no está en el PATH; git no podrá llamar al controlador de fusión («dafo: not found») hasta que lo esté",
    no_sources: "La sesión no nombra fuentes",
    source: "Fuente",
    all_sources: "Todas las fuentes",
    conflict_resolved: "Conflicto resuelto: se queda",
    no_conflict: "Este elemento no tiene conflicto ⚠",
    same_file: |a, b| {
        format!("{a} y {b} son el mismo archivo: cada grupo se fusiona una vez (sus votos se sumarían dos veces)")
    },
    same_content: |a, b| {
        format!(
            "aviso: {a} y {b} tienen el mismo contenido: sus votos se suman y sus acciones y estrategias salen dos veces"
        )
    },
};

pub static EN: MergeText = MergeText {
    keys: MergeKeys {
        accept: "merge: they say the same",
        keep_apart: "keep apart: different things",
        undo_last: "undo the last answer",
        finish: "finish (the rest kept apart)",
        hints: ["merge", "keep apart", "undo", "finish"],
    },
    review_title: "Possible pairs",
    pair_of: |n, m| format!("pair {n} of {m}"),
    question: "Do they say the same?",
    likeness: "likeness",
    sources: "Sources",
    answered: |j, k| format!("{j} merged · {k} kept apart"),
    merged: "merged",
    kept_apart: "kept apart",
    all_answered: |q, u| format!("All answered: {q} finishes, {u} takes the last answer back"),
    line_prompt: "y = join, n = keep apart [n]:",
    line_yes: &["y", "yes", "s", "si", "sí"],
    groups_count: |n| if n == 1 { "1 group".to_owned() } else { format!("{n} groups") },
    quadrant_one: ["strength", "weakness", "opportunity", "threat"],
    report_title: "Merge report",
    groups: "Groups",
    factors: "Factors",
    read_to: |r, d| format!("{r} read → {d} in the diagnosis"),
    from_groups: |k, g| format!("{k} from {g}"),
    factors_count: |n| if n == 1 { "1 factor".to_owned() } else { format!("{n} factors") },
    only_one: "Only one group",
    disagreements: "Disagreements between quadrants",
    none: "None.",
    grey_title: "Possible pairs, kept apart",
    joined_on_review: "Joined on review",
    joined_by_flag: "Joined by --accept-similar.",
    grey_hint: "--accept-similar joins them; --review asks about each.",
    dangling_title: "References to factors that do not exist",
    dangling_done: |ids, left_out| {
        if left_out {
            format!("{ids} is not in its file: strategy left out")
        } else {
            format!("{ids} is not in its file: action kept without that link")
        }
    },
    default_title: "Joint diagnosis",
    written: "written",
    output_is_input: "is one of the sessions to merge; the inputs are never written, choose another -o",
    conflict: "conflict",
    conflict_kept: "conflict, our version kept",
    check_line: |n| {
        if n == 1 { "1 conflict ⚠ to resolve".to_owned() } else { format!("{n} conflicts ⚠ to resolve") }
    },
    other_version: "other version:",
    deleted_elsewhere: "deleted on the other branch",
    already_has: "already has",
    added: "added",
    already_is: "already",
    was: "was",
    not_on_path: "warning: «dafo» is not on PATH; git cannot call the merge driver («dafo: not found») until it is",
    no_sources: "The session names no sources",
    source: "Source",
    all_sources: "All sources",
    conflict_resolved: "Conflict resolved: kept",
    no_conflict: "This item has no conflict ⚠",
    same_file: |a, b| format!("{a} and {b} are the same file: each group is merged once (its votes would count twice)"),
    same_content: |a, b| {
        format!(
            "warning: {a} and {b} have the same content: their votes add up and their actions and strategies appear twice"
        )
    },
};

pub static CA: MergeText = MergeText {
    keys: MergeKeys {
        accept: "unir: diuen el mateix",
        keep_apart: "separar: són coses diferents",
        undo_last: "desfer l'última resposta",
        finish: "acabar (la resta, separat)",
        hints: ["unir", "separar", "desfer", "acabar"],
    },
    review_title: "Parells dubtosos",
    pair_of: |n, m| format!("parell {n} de {m}"),
    question: "Diuen el mateix?",
    likeness: "semblança",
    sources: "Fonts",
    answered: |j, k| {
        format!("{j} {} · {k} {}", if j == 1 { "unit" } else { "units" }, if k == 1 { "separat" } else { "separats" })
    },
    merged: "units",
    kept_apart: "separats",
    all_answered: |q, u| format!("Tots resposts: {q} acaba, {u} desfà l'última resposta"),
    line_prompt: "s = unir, n = separar [n]:",
    line_yes: &["s", "si", "sí", "y", "yes"],
    groups_count: |n| if n == 1 { "1 grup".to_owned() } else { format!("{n} grups") },
    quadrant_one: ["fortalesa", "debilitat", "oportunitat", "amenaça"],
    report_title: "Informe de la fusió",
    groups: "Grups",
    factors: "Factors",
    read_to: |r, d| format!("{r} llegits → {d} al diagnòstic"),
    from_groups: |k, g| format!("{k} de {g}"),
    factors_count: |n| if n == 1 { "1 factor".to_owned() } else { format!("{n} factors") },
    only_one: "Només un grup",
    disagreements: "Desacords entre quadrants",
    none: "Cap.",
    grey_title: "Parells dubtosos, separats",
    joined_on_review: "Units a la revisió",
    joined_by_flag: "Units per --accept-similar.",
    grey_hint: "--accept-similar els uneix; --review pregunta per cadascun.",
    dangling_title: "Referències a factors que no existeixen",
    dangling_done: |ids, left_out| {
        if left_out {
            format!("{ids} no és al seu fitxer: estratègia no inclosa")
        } else {
            format!("{ids} no és al seu fitxer: acció inclosa sense eixe enllaç")
        }
    },
    default_title: "Diagnòstic conjunt",
    written: "escrit",
    output_is_input: "és una de les sessions a fusionar; les entrades no s'escriuen mai, tria un altre -o",
    conflict: "conflicte",
    conflict_kept: "conflicte, es queda la nostra versió",
    check_line: |n| {
        if n == 1 { "1 conflicte ⚠ per resoldre".to_owned() } else { format!("{n} conflictes ⚠ per resoldre") }
    },
    other_version: "una altra versió:",
    deleted_elsewhere: "esborrat a l'altra branca",
    already_has: "ja té",
    added: "afegit",
    already_is: "ja és",
    was: "abans",
    not_on_path: "avís: «dafo» no és al PATH; git no podrà cridar el controlador de fusió («dafo: not found») fins que hi siga",
    no_sources: "La sessió no anomena fonts",
    source: "Font",
    all_sources: "Totes les fonts",
    conflict_resolved: "Conflicte resolt: es queda",
    no_conflict: "Aquest element no té conflicte ⚠",
    same_file: |a, b| {
        format!(
            "{a} i {b} són el mateix fitxer: cada grup es fusiona una vegada (els seus vots comptarien dues vegades)"
        )
    },
    same_content: |a, b| {
        format!(
            "avís: {a} i {b} tenen el mateix contingut: els seus vots se sumen i les seves accions i estratègies surten dues vegades"
        )
    },
};
