//! The words of the owners' sheets (`dafo review --sheets`, `--from-sheets`), in
//! one table per language (Spanish, English, Catalan): sheet names, column
//! headers, the instructions and what the import says. The catalogue points at it
//! (`Catalogue::sheets`).

/// The sheets' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct SheetWords {
    /// Worksheet names (at most 31 characters).
    pub actions: &'static str,
    pub indicators: &'static str,
    pub instructions: &'static str,
    /// The file of actions without owner (a file-name slug).
    pub no_owner: &'static str,
    /// Column headers; those with a year take it.
    pub id: &'static str,
    pub action: &'static str,
    pub line: &'static str,
    pub owner: &'static str,
    pub feeds: &'static str,
    pub budget: &'static str,
    /// Money committed and paid that year (when the plan carries money).
    pub committed: fn(i16) -> String,
    pub paid: fn(i16) -> String,
    pub degree: fn(i16) -> String,
    pub status: fn(i16) -> String,
    pub note: fn(i16) -> String,
    pub name: &'static str,
    pub unit: &'static str,
    pub last_value: &'static str,
    pub value: fn(i16) -> String,
    /// The hidden column that remembers what the sheet was written from.
    pub fingerprint: &'static str,
    /// The instructions sheet: the plan's title and year, then one line each.
    pub guide: fn(&str, i16) -> [String; 7],
    /// `dafo review --sheets`: how many files were written, and where.
    pub written: fn(usize, &str) -> String,
    /// Where a refused row is: the sheet (empty for CSV) and row.
    pub place: fn(&str, usize) -> String,
    /// Which cell of that row: the column's letter and header.
    pub column: fn(&str, &str) -> String,
    /// A status that is not one of this language's words (what was written, the words).
    pub not_a_status: fn(&str, &str) -> String,
    /// A second, different answer for the same action or indicator (where the first is).
    pub duplicate: fn(&str, &str) -> String,
    /// A cell holding a formula instead of a value.
    pub formula: &'static str,
    /// A file or sheet without the ID column and year columns dafo writes.
    pub not_a_sheet: fn(i16) -> String,
    /// A folder with no `.xlsx` or `.csv` in it.
    pub no_sheets: &'static str,
    /// An answer for something changed in the session since the sheet was written.
    pub stale: &'static str,
    /// Every answer already in the session.
    pub already: &'static str,
    /// Headings of the import's listing.
    pub changes: &'static str,
    pub conflicts: fn(usize) -> String,
    pub skipped: fn(usize) -> String,
    /// A refusal with nothing applied, and how to apply the rest.
    pub refused: fn(usize) -> String,
    /// The question before applying (a terminal), and the answer that says yes.
    pub ask: &'static str,
    pub yes: &'static str,
    /// Nothing applied: no terminal to ask and no `--yes`.
    pub not_applied: &'static str,
}

pub static ES: SheetWords = SheetWords {
    actions: "Acciones",
    indicators: "Indicadores",
    instructions: "Instrucciones",
    no_owner: "sin-responsable",
    id: "ID",
    action: "Acción",
    line: "Línea",
    owner: "Responsable",
    feeds: "Indicadores (último valor)",
    budget: "Presupuesto",
    committed: |y| format!("Comprometido {y} (€)"),
    paid: |y| format!("Pagado {y} (€)"),
    degree: |y| format!("Grado {y}"),
    status: |y| format!("Estado {y}"),
    note: |y| format!("Nota {y}"),
    name: "Indicador",
    unit: "Unidad",
    last_value: "Último valor",
    value: |y| format!("Valor {y}"),
    fingerprint: "huella",
    guide: |title, y| {
        [
            format!("{title}: seguimiento de {y}"),
            format!("Rellene solo las columnas de {y} (las blancas); el resto está protegido."),
            "Grado: un número entero de 0 a 100 (el porcentaje de la acción que está hecho).".to_owned(),
            "Estado: pendiente, en curso, hecha o descartada (elija en la lista).".to_owned(),
            "Nota: lo que se ha hecho, en pocas palabras. Una celda vacía no cambia nada.".to_owned(),
            "Indicadores: el valor del año, con coma decimal (12,5).".to_owned(),
            "No cambie el ID ni borre filas o columnas; devuelva el archivo a quien se lo envió.".to_owned(),
        ]
    },
    written: |n, dir| match n {
        1 => format!("1 hoja escrita en {dir}"),
        n => format!("{n} hojas escritas en {dir}"),
    },
    place: |sheet, row| match sheet {
        "" => format!("fila {row}"),
        s => format!("hoja {s}, fila {row}"),
    },
    column: |letter, header| format!("columna {letter} ({header})"),
    not_a_status: |v, words| format!("{v:?} no es un estado ({words})"),
    duplicate: |id, first| format!("{id} ya tiene otra respuesta ({first})"),
    formula: "una fórmula: escriba el valor",
    not_a_sheet: |y| {
        format!(
            "no es una hoja de seguimiento de {y} escrita por dafo (falta la columna ID, la de huella o las del año)"
        )
    },
    no_sheets: "no hay ninguna hoja (.xlsx o .csv)",
    stale: "cambiado en la sesión después de escribir la hoja; no se aplica (--force-stale para aplicarlo)",
    already: "todas las respuestas ya están en la sesión; nada que cambiar",
    changes: "Cambios",
    conflicts: |n| format!("En conflicto ({n}), no aplicados"),
    skipped: |n| format!("Omitidas ({n})"),
    refused: |n| match n {
        1 => "1 fila rechazada; no se ha cambiado nada (--partial aplica el resto)".to_owned(),
        n => format!("{n} filas rechazadas; no se ha cambiado nada (--partial aplica el resto)"),
    },
    ask: "¿Aplicar estos cambios? [s/N] ",
    yes: "s",
    not_applied: "no se ha aplicado nada: use --yes para aplicarlo",
};

pub static EN: SheetWords = SheetWords {
    actions: "Actions",
    indicators: "Indicators",
    instructions: "Instructions",
    no_owner: "no-owner",
    id: "ID",
    action: "Action",
    line: "Line",
    owner: "Owner",
    feeds: "Indicators (last value)",
    budget: "Budget",
    committed: |y| format!("Committed {y} (€)"),
    paid: |y| format!("Paid {y} (€)"),
    degree: |y| format!("Degree {y}"),
    status: |y| format!("Status {y}"),
    note: |y| format!("Note {y}"),
    name: "Indicator",
    unit: "Unit",
    last_value: "Last value",
    value: |y| format!("Value {y}"),
    fingerprint: "fingerprint",
    guide: |title, y| {
        [
            format!("{title}: {y} review"),
            format!("Fill in only the {y} columns (the white ones); the rest is protected."),
            "Degree: a whole number from 0 to 100 (how much of the action is done).".to_owned(),
            "Status: pending, in progress, done or dropped (pick from the list).".to_owned(),
            "Note: what was done, in a few words. An empty cell changes nothing.".to_owned(),
            "Indicators: the year's value, with a decimal point (12.5).".to_owned(),
            "Do not change the ID or delete rows or columns; send the file back to whoever sent it.".to_owned(),
        ]
    },
    written: |n, dir| match n {
        1 => format!("1 sheet written in {dir}"),
        n => format!("{n} sheets written in {dir}"),
    },
    place: |sheet, row| match sheet {
        "" => format!("row {row}"),
        s => format!("sheet {s}, row {row}"),
    },
    column: |letter, header| format!("column {letter} ({header})"),
    not_a_status: |v, words| format!("{v:?} is not a status ({words})"),
    duplicate: |id, first| format!("{id} already has another answer ({first})"),
    formula: "a formula: write the value",
    not_a_sheet: |y| {
        format!(
            "not a {y} review sheet written by dafo (no ID column, no fingerprint column or no columns for the year)"
        )
    },
    no_sheets: "no sheets (.xlsx or .csv)",
    stale: "changed in the session after the sheet was written; not applied (--force-stale applies it)",
    already: "every answer is already in the session; nothing to change",
    changes: "Changes",
    conflicts: |n| format!("In conflict ({n}), not applied"),
    skipped: |n| format!("Skipped ({n})"),
    refused: |n| match n {
        1 => "1 row refused; nothing was changed (--partial applies the rest)".to_owned(),
        n => format!("{n} rows refused; nothing was changed (--partial applies the rest)"),
    },
    ask: "Apply these changes? [y/N] ",
    yes: "y",
    not_applied: "nothing was applied: use --yes to apply it",
};

pub static CA: SheetWords = SheetWords {
    actions: "Accions",
    indicators: "Indicadors",
    instructions: "Instruccions",
    no_owner: "sense-responsable",
    id: "ID",
    action: "Acció",
    line: "Línia",
    owner: "Responsable",
    feeds: "Indicadors (últim valor)",
    budget: "Pressupost",
    committed: |y| format!("Compromés {y} (€)"),
    paid: |y| format!("Pagat {y} (€)"),
    degree: |y| format!("Grau {y}"),
    status: |y| format!("Estat {y}"),
    note: |y| format!("Nota {y}"),
    name: "Indicador",
    unit: "Unitat",
    last_value: "Últim valor",
    value: |y| format!("Valor {y}"),
    fingerprint: "empremta",
    guide: |title, y| {
        [
            format!("{title}: seguiment de {y}"),
            format!("Ompliu només les columnes de {y} (les blanques); la resta està protegida."),
            "Grau: un nombre enter de 0 a 100 (el percentatge de l'acció que està fet).".to_owned(),
            "Estat: pendent, en curs, feta o descartada (trieu a la llista).".to_owned(),
            "Nota: què s'ha fet, en poques paraules. Una cel·la buida no canvia res.".to_owned(),
            "Indicadors: el valor de l'any, amb coma decimal (12,5).".to_owned(),
            "No canvieu l'ID ni esborreu files o columnes; torneu el fitxer a qui us l'ha enviat.".to_owned(),
        ]
    },
    written: |n, dir| match n {
        1 => format!("1 full escrit a {dir}"),
        n => format!("{n} fulls escrits a {dir}"),
    },
    place: |sheet, row| match sheet {
        "" => format!("fila {row}"),
        s => format!("full {s}, fila {row}"),
    },
    column: |letter, header| format!("columna {letter} ({header})"),
    not_a_status: |v, words| format!("{v:?} no és un estat ({words})"),
    duplicate: |id, first| format!("{id} ja té una altra resposta ({first})"),
    formula: "una fórmula: escriviu el valor",
    not_a_sheet: |y| {
        format!("no és un full de seguiment de {y} escrit per dafo (falta la columna ID, la d'empremta o les de l'any)")
    },
    no_sheets: "no hi ha cap full (.xlsx o .csv)",
    stale: "canviat a la sessió després d'escriure el full; no s'aplica (--force-stale per aplicar-ho)",
    already: "totes les respostes ja són a la sessió; res a canviar",
    changes: "Canvis",
    conflicts: |n| format!("En conflicte ({n}), no aplicats"),
    skipped: |n| format!("Omeses ({n})"),
    refused: |n| match n {
        1 => "1 fila rebutjada; no s'ha canviat res (--partial aplica la resta)".to_owned(),
        n => format!("{n} files rebutjades; no s'ha canviat res (--partial aplica la resta)"),
    },
    ask: "Voleu aplicar aquests canvis? [s/N] ",
    yes: "s",
    not_applied: "no s'ha aplicat res: useu --yes per aplicar-ho",
};
