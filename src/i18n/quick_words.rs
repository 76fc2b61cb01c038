//! The words of the shortcuts that cut keystrokes (issue 24's frictions): the
//! picker's keys, the línea of an action, one line for an EFI/EFE weight and
//! rating, the factor a new CAME action answers. One table per language; the
//! catalogue (`Catalogue::quick`) and the keymap (`KeymapText::quick`) point here.

/// Texts of the keystroke shortcuts.
#[derive(Debug)]
pub struct QuickWords {
    /// The picker's footer: what the arrow keys (and Ctrl-n / Ctrl-p) do...
    pub picker_move: &'static str,
    /// ...and that letters, `j` and `k` too, go into the search.
    pub picker_search: &'static str,
    /// The CAME input line: Tab / Shift-Tab move the line to another factor.
    pub other_factor: &'static str,
    /// The same in the help: the next and the previous factor of the quadrant.
    pub target_next: &'static str,
    pub target_prev: &'static str,
    pub target_pair: &'static str,
    /// The key placing the selected action in a línea (help, footer).
    pub place_in_line: &'static str,
    pub place_in_line_hint: &'static str,
    /// Ctrl-l on the line of new actions: the one just added, in a línea.
    pub place_added: &'static str,
    /// Ctrl-l before the line added any action.
    pub nothing_added: &'static str,
    /// The línea picker's title, before the action's ID.
    pub pick_line: &'static str,
    /// The option of no línea (back to the tray).
    pub no_line: &'static str,
    /// There are no líneas to place it in: where to make them (the plan view's key).
    pub no_lines: fn(&str) -> String,
    /// The action form's línea field: how to choose one.
    pub line_field_hint: &'static str,
    /// The weight line's label, before the factor's ID, and its example.
    pub weight_and_rating: &'static str,
    pub weight_example: &'static str,
    /// A rating that is not 0-4, or more than a weight and a rating typed.
    pub bad_rating: &'static str,
    /// Every factor of the matrix (its short name) has its weight and rating.
    pub matrix_complete: fn(&str) -> String,
}

pub static ES: QuickWords = QuickWords {
    picker_move: "mover",
    picker_search: "las letras buscan (j y k también)",
    other_factor: "otro factor",
    target_next: "la nueva acción responde al factor siguiente",
    target_prev: "la nueva acción responde al factor anterior",
    target_pair: "la nueva acción responde al factor siguiente / anterior",
    place_in_line: "poner la acción en una línea del plan",
    place_in_line_hint: "línea",
    place_added: "poner en una línea la acción recién añadida",
    nothing_added: "Escribe antes la acción y pulsa Enter: luego, su línea",
    pick_line: "Línea para",
    no_line: "(sin línea: a la bandeja)",
    no_lines: |key| format!("Aún no hay líneas: créalas en el plan ({key})"),
    line_field_hint: "Espacio o escribe para elegir",
    weight_and_rating: "Peso y valoración de",
    weight_example: "peso 0-1, valoración 1-4",
    bad_rating: "Valoración de 1 a 4 (0 la borra), tras el peso: 0,15 3",
    matrix_complete: |m| format!("{m}: todos los factores tienen peso y valoración"),
};

pub static EN: QuickWords = QuickWords {
    picker_move: "move",
    picker_search: "letters search (j and k too)",
    other_factor: "other factor",
    target_next: "the new action answers the next factor",
    target_prev: "the new action answers the previous factor",
    target_pair: "the new action answers the next / previous factor",
    place_in_line: "put the action in a line of the plan",
    place_in_line_hint: "line",
    place_added: "put the action just added in a line",
    nothing_added: "Type the action and press Enter first: then its line",
    pick_line: "Line for",
    no_line: "(no line: back to the tray)",
    no_lines: |key| format!("No lines yet: make them in the plan ({key})"),
    line_field_hint: "Space or type to choose",
    weight_and_rating: "Weight and rating of",
    weight_example: "weight 0-1, rating 1-4",
    bad_rating: "Rating 1 to 4 (0 clears it), after the weight: 0.15 3",
    matrix_complete: |m| format!("{m}: every factor has its weight and rating"),
};

pub static CA: QuickWords = QuickWords {
    picker_move: "moure",
    picker_search: "les lletres cerquen (j i k també)",
    other_factor: "un altre factor",
    target_next: "la nova acció respon al factor següent",
    target_prev: "la nova acció respon al factor anterior",
    target_pair: "la nova acció respon al factor següent / anterior",
    place_in_line: "posar l'acció en una línia del pla",
    place_in_line_hint: "línia",
    place_added: "posar en una línia l'acció que s'acaba d'afegir",
    nothing_added: "Escriviu abans l'acció i premeu Retorn: després, la seua línia",
    pick_line: "Línia per a",
    no_line: "(sense línia: a la safata)",
    no_lines: |key| format!("Encara no hi ha línies: creeu-les al pla ({key})"),
    line_field_hint: "Espai o escriviu per a triar",
    weight_and_rating: "Pes i valoració de",
    weight_example: "pes 0-1, valoració 1-4",
    bad_rating: "Valoració de 1 a 4 (0 l'esborra), després del pes: 0,15 3",
    matrix_complete: |m| format!("{m}: tots els factors tenen pes i valoració"),
};
