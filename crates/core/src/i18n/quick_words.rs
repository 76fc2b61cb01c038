//! The words of the shortcuts that cut keystrokes (issue 24's frictions): the
//! picker's keys, the línea of an action, one line for an EFI/EFE weight and
//! rating, the factor a new CAME action answers: their shape. Each language's
//! words are in its catalogue (`KeymapText::quick`; `Catalogue::quick` points there).

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
    /// The línea key with no action in the list: the key that adds one.
    pub no_action_to_place: fn(&str) -> String,
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
