//! The words of the list of the plan's and the follow-up's merge conflicts
//! (`R`): its title, the two versions' labels, its keys and what it says: their
//! shape; each language's words are in its catalogue. [`Lang::clashes`] reads it; the keymap through
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
        self.text().keymap.clashes
    }
}
