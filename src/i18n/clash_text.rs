//! The words of the list of the plan's and the follow-up's merge conflicts
//! (`R`): its title, the two versions' labels, its keys and what it says, in one
//! table per language. [`Lang::clashes`] reads it; the keymap through
//! `KeymapText::clashes`.

use super::Lang;

/// The clash list's words.
#[derive(Debug, Clone, Copy)]
pub struct ClashText {
    /// On opening: `n` clashes and the key that lists them.
    pub notice: fn(usize, &str) -> String,
    /// The list's title, with how many are left.
    pub title: fn(usize) -> String,
    /// The version in place: the branch the merge was made on.
    pub here: &'static str,
    /// Resolved (what, how many are left).
    pub done: fn(&str, usize) -> String,
    /// Joining or writing asked of a clash that is not a free text.
    pub not_text: &'static str,
    /// The other version no longer fits the session.
    pub unfit: &'static str,
    /// The undo message's verb: "Deshecho: resolver el conflicto de Misión".
    pub undo_kind: &'static str,
    // ---- Keys ----
    pub show: &'static str,
    pub keep_here: &'static str,
    pub keep_other: &'static str,
    pub keep_both: &'static str,
    pub edit: &'static str,
    pub close: &'static str,
    /// The footer's short forms.
    pub keep_here_hint: &'static str,
    pub keep_other_hint: &'static str,
    pub keep_both_hint: &'static str,
    pub edit_hint: &'static str,
    pub close_hint: &'static str,
}

impl Lang {
    /// The clash list's words in this language.
    pub fn clashes(self) -> &'static ClashText {
        match self {
            Lang::Es => &ES,
            Lang::En => &EN,
            Lang::Ca => &CA,
        }
    }
}

pub static ES: ClashText = ClashText {
    notice: |n, key| {
        if n == 1 {
            format!("⚠ 1 conflicto de fusión en el plan o el seguimiento: {key} lo muestra")
        } else {
            format!("⚠ {n} conflictos de fusión en el plan o el seguimiento: {key} los muestra")
        }
    },
    title: |n| if n == 1 { "1 conflicto de fusión".to_owned() } else { format!("{n} conflictos de fusión") },
    here: "esta rama:",
    done: |what, left| match left {
        0 => format!("Conflicto resuelto: {what}. No queda ninguno: dafo check lo da por correcto"),
        1 => format!("Conflicto resuelto: {what}. Queda 1"),
        n => format!("Conflicto resuelto: {what}. Quedan {n}"),
    },
    not_text: "Solo la misión y la visión se unen o se escriben aquí: elige una de las dos versiones",
    unfit: "La otra versión ya no cabe en la sesión: quédate con esta rama",
    undo_kind: "resolver el conflicto de",
    show: "conflictos de fusión del plan y el seguimiento",
    keep_here: "quedarse con esta rama",
    keep_other: "quedarse con la otra versión",
    keep_both: "unir las dos (misión, visión)",
    edit: "escribir el texto (misión, visión)",
    close: "cerrar la lista",
    keep_here_hint: "esta rama",
    keep_other_hint: "la otra",
    keep_both_hint: "unir",
    edit_hint: "escribir",
    close_hint: "cerrar",
};

pub static EN: ClashText = ClashText {
    notice: |n, key| {
        if n == 1 {
            format!("⚠ 1 merge conflict in the plan or the follow-up: {key} shows it")
        } else {
            format!("⚠ {n} merge conflicts in the plan or the follow-up: {key} shows them")
        }
    },
    title: |n| if n == 1 { "1 merge conflict".to_owned() } else { format!("{n} merge conflicts") },
    here: "this branch:",
    done: |what, left| match left {
        0 => format!("Conflict resolved: {what}. None left: dafo check finds it correct"),
        1 => format!("Conflict resolved: {what}. 1 left"),
        n => format!("Conflict resolved: {what}. {n} left"),
    },
    not_text: "Only the mission and the vision are joined or written here: choose one of the two versions",
    unfit: "The other version no longer fits the session: keep this branch's",
    undo_kind: "resolve the conflict of",
    show: "merge conflicts of the plan and the follow-up",
    keep_here: "keep this branch's",
    keep_other: "keep the other version",
    keep_both: "join both (mission, vision)",
    edit: "write the text (mission, vision)",
    close: "close the list",
    keep_here_hint: "this branch",
    keep_other_hint: "the other",
    keep_both_hint: "join",
    edit_hint: "write",
    close_hint: "close",
};

pub static CA: ClashText = ClashText {
    notice: |n, key| {
        if n == 1 {
            format!("⚠ 1 conflicte de fusió al pla o al seguiment: {key} el mostra")
        } else {
            format!("⚠ {n} conflictes de fusió al pla o al seguiment: {key} els mostra")
        }
    },
    title: |n| if n == 1 { "1 conflicte de fusió".to_owned() } else { format!("{n} conflictes de fusió") },
    here: "aquesta branca:",
    done: |what, left| match left {
        0 => format!("Conflicte resolt: {what}. No en queda cap: dafo check el dona per correcte"),
        1 => format!("Conflicte resolt: {what}. En queda 1"),
        n => format!("Conflicte resolt: {what}. En queden {n}"),
    },
    not_text: "Només la missió i la visió s'uneixen o s'escriuen aquí: tria una de les dues versions",
    unfit: "L'altra versió ja no cap a la sessió: queda't amb aquesta branca",
    undo_kind: "resoldre el conflicte de",
    show: "conflictes de fusió del pla i el seguiment",
    keep_here: "quedar-se amb aquesta branca",
    keep_other: "quedar-se amb l'altra versió",
    keep_both: "unir-les (missió, visió)",
    edit: "escriure el text (missió, visió)",
    close: "tancar la llista",
    keep_here_hint: "aquesta branca",
    keep_other_hint: "l'altra",
    keep_both_hint: "unir",
    edit_hint: "escriure",
    close_hint: "tancar",
};
