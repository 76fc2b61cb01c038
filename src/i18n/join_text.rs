//! Words of joining two factors in the DAFO grid (issue 24): the keys, the
//! prompt that asks which wording stays, and the messages, in one table per
//! language. `KeymapText::join` points at a language's table.

/// The join texts of one language.
#[derive(Debug)]
pub struct JoinText {
    // ---- Keymap: help lines and the shorter footer hints ----
    pub start: &'static str,
    pub start_hint: &'static str,
    pub here: &'static str,
    pub here_hint: &'static str,
    pub keep_target: &'static str,
    pub keep_target_hint: &'static str,
    pub keep_other: &'static str,
    pub keep_other_hint: &'static str,
    pub write: &'static str,
    pub write_hint: &'static str,
    // ---- Messages and the prompt ----
    /// While choosing the factor to join into: `Unir D3 en…`.
    pub choose: fn(&str, &str, &str) -> String,
    /// Title of the prompt and the input line: `Unir D3 en D1`.
    pub title: fn(&str, &str) -> String,
    /// The prompt's question.
    pub which: &'static str,
    /// What the join keeps: votes `a + b = c`.
    pub keeps: fn(u32, u32) -> String,
    /// Done: `D3 unido en D1 (u para deshacer)`.
    pub done: fn(&str, &str, &str) -> String,
    /// What undo and redo name: `unir D3 en D1`.
    pub undo_name: fn(&str, &str) -> String,
    pub refused_itself: &'static str,
    pub refused_quadrant: fn(&str) -> String,
    pub refused_marked: fn(&str, &str) -> String,
    // ---- The review list of `dafo merge --review`: which wording stays ----
    pub other_wording: &'static str,
    pub other_wording_hint: &'static str,
    /// The mark on the wording that stays if the pair is merged.
    pub stays: &'static str,
}

pub static ES: JoinText = JoinText {
    start: "unir con otro factor (son el mismo)",
    start_hint: "unir",
    here: "unir en el factor elegido",
    here_hint: "unir aquí",
    keep_target: "redacción del que queda",
    keep_target_hint: "esta",
    keep_other: "redacción del que se une",
    keep_other_hint: "la otra",
    write: "escribir otra redacción",
    write_hint: "escribir",
    choose: |id, ok, esc| format!("Unir {id} en…: elige el factor con ↑↓ y pulsa {ok} ({esc} cancela)"),
    title: |from, into| format!("Unir {from} en {into}"),
    which: "¿Qué redacción queda?",
    keeps: |a, b| format!("Votos {a} + {b} = {}; fuentes, redacciones y vínculos se conservan", a.saturating_add(b)),
    done: |from, into, undo| format!("{from} unido en {into} ({undo} para deshacer)"),
    undo_name: |from, into| format!("unir {from} en {into}"),
    refused_itself: "Elige otro factor: un factor no se une consigo mismo",
    refused_quadrant: |m| format!("Solo se unen factores del mismo cuadrante (mueve antes uno con {m})"),
    refused_marked: |id, r| format!("{id} está marcado ⚠ por una fusión de git: elige antes una versión ({r})"),
    other_wording: "la otra redacción queda si se unen",
    other_wording_hint: "otra redacción",
    stays: "queda esta redacción",
};

pub static EN: JoinText = JoinText {
    start: "join into another factor (the same)",
    start_hint: "join",
    here: "join into the selected factor",
    here_hint: "join here",
    keep_target: "wording of the one that stays",
    keep_target_hint: "this one",
    keep_other: "wording of the one joined",
    keep_other_hint: "the other",
    write: "write another wording",
    write_hint: "write",
    choose: |id, ok, esc| format!("Join {id} into…: pick the factor with ↑↓ and press {ok} ({esc} cancels)"),
    title: |from, into| format!("Join {from} into {into}"),
    which: "Which wording stays?",
    keeps: |a, b| format!("Votes {a} + {b} = {}; sources, wordings and links are kept", a.saturating_add(b)),
    done: |from, into, undo| format!("{from} joined into {into} ({undo} to undo)"),
    undo_name: |from, into| format!("join {from} into {into}"),
    refused_itself: "Pick another factor: a factor is not joined into itself",
    refused_quadrant: |m| format!("Only factors of the same quadrant are joined (move one first with {m})"),
    refused_marked: |id, r| format!("{id} is marked ⚠ by a git merge: keep a version first ({r})"),
    other_wording: "the other wording stays if merged",
    other_wording_hint: "other wording",
    stays: "this wording stays",
};

pub static CA: JoinText = JoinText {
    start: "unir amb un altre factor (són el mateix)",
    start_hint: "unir",
    here: "unir en el factor triat",
    here_hint: "unir ací",
    keep_target: "redacció del que queda",
    keep_target_hint: "esta",
    keep_other: "redacció del que s'uneix",
    keep_other_hint: "l'altra",
    write: "escriure una altra redacció",
    write_hint: "escriure",
    choose: |id, ok, esc| format!("Unir {id} en…: tria el factor amb ↑↓ i prem {ok} ({esc} cancel·la)"),
    title: |from, into| format!("Unir {from} en {into}"),
    which: "Quina redacció queda?",
    keeps: |a, b| format!("Vots {a} + {b} = {}; es conserven fonts, redaccions i vincles", a.saturating_add(b)),
    done: |from, into, undo| format!("{from} unit en {into} ({undo} per a desfer)"),
    undo_name: |from, into| format!("unir {from} en {into}"),
    refused_itself: "Tria un altre factor: un factor no s'uneix amb si mateix",
    refused_quadrant: |m| format!("Només s'uneixen factors del mateix quadrant (mou-ne un abans amb {m})"),
    refused_marked: |id, r| format!("{id} està marcat ⚠ per una fusió de git: tria abans una versió ({r})"),
    other_wording: "l'altra redacció queda si s'uneixen",
    other_wording_hint: "altra redacció",
    stays: "queda esta redacció",
};

impl super::Lang {
    /// The join texts of this language.
    pub fn join_text(self) -> &'static JoinText {
        self.text().keymap.join
    }
}
