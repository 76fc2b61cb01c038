//! Words of joining two factors in the DAFO grid (issue 24): the keys, the
//! prompt that asks which wording stays, and the messages: their shape; each
//! language's words are in its catalogue (`KeymapText::join`).

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

impl super::Lang {
    /// The join texts of this language.
    pub fn join_text(self) -> &'static JoinText {
        self.text().keymap.join
    }
}
