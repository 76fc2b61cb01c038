//! Texts of editing the plan in the TUI (issue 13): the plan view's keys, its
//! forms (an action's plan fields, an indicator, the session's metadata), its
//! pickers and messages: their shape; each language's words are in its
//! catalogue (`KeymapText::plan`).

/// The plan editing texts of one language.
#[derive(Debug)]
pub struct PlanUi {
    // ---- Keymap: help lines, and the shorter footer hints (`*_hint`) ----
    pub next_pane: &'static str,
    pub prev_pane: &'static str,
    /// Both, as one help row.
    pub panes_pair: &'static str,
    pub edit_band: &'static str,
    pub edit_hint: &'static str,
    pub add_value: &'static str,
    pub add_value_hint: &'static str,
    pub delete_band: &'static str,
    pub add_challenge: &'static str,
    pub add_challenge_hint: &'static str,
    pub edit_challenge: &'static str,
    pub delete_challenge: &'static str,
    pub link_challenge: &'static str,
    pub link_challenge_hint: &'static str,
    pub edit_tree: &'static str,
    pub move_line: &'static str,
    pub move_line_hint: &'static str,
    pub link_indicators: &'static str,
    pub link_indicators_hint: &'static str,
    pub action_form: &'static str,
    pub action_form_hint: &'static str,
    pub edit_action: &'static str,
    pub add_indicator: &'static str,
    pub add_indicator_hint: &'static str,
    pub edit_indicator: &'static str,
    pub delete_indicator: &'static str,
    pub edit_meta: &'static str,
    pub edit_meta_hint: &'static str,
    // ---- Forms ----
    /// Hints after the labels: a date, a list, a direction, a horizon.
    pub date_hint: &'static str,
    pub list_hint: &'static str,
    pub direction_hint: &'static str,
    pub horizon_hint: &'static str,
    /// Metadata labels: title, date, place, participants, group.
    pub meta_fields: [&'static str; 5],
    pub meta_title: &'static str,
    pub new_indicator: &'static str,
    // ---- Pickers and input lines ----
    pub pick_sources: &'static str,
    pub pick_indicators: &'static str,
    pub pick_axis: &'static str,
    pub new_value: &'static str,
    pub new_challenge: &'static str,
    /// The indicators pane's word before what an indicator measures.
    pub measures: &'static str,
    // ---- Messages ----
    pub bad_number: &'static str,
    pub bad_amount: &'static str,
    pub bad_direction: &'static str,
    pub bad_horizon: &'static str,
    pub empty_title: &'static str,
    /// Enter in an indicator form with no name (the name is required).
    pub empty_indicator_name: &'static str,
    /// Enter in the form of an indicator that is gone (changed outside dafo):
    /// what was typed stays in the form, now for a new indicator; its ID.
    pub indicator_gone_kept: fn(&str) -> String,
    /// A valor named by its words in a message (valores have no ID).
    pub value_named: fn(&str) -> String,
    pub no_indicators: &'static str,
    pub no_other_axis: &'static str,
    pub no_sources: &'static str,
    pub strategy_has_no_form: &'static str,
    // ---- Deleting what holds actions; what undo names (issue 24) ----
    /// An eje or línea holding actions: its ID, how many, the key that confirms.
    pub delete_holds: fn(&str, usize, &str) -> String,
    /// Deleted: its ID, how many went back to the tray, the undo key.
    pub deleted_to_tray: fn(&str, usize, &str) -> String,
    /// What undo names for a change of the session's details.
    pub undo_meta: &'static str,
    /// Enter on a crossed strategy in the tray: strategies are not placed in líneas.
    pub strategy_not_placed: &'static str,
    // ---- The plan's keys say what they do (issue 24) ----
    /// A key that does nothing where it was pressed: the key.
    pub key_does_nothing: fn(&str) -> String,
    /// The input line of `A`.
    pub new_axis: &'static str,
    /// The input line of `a`: the eje the línea goes in.
    pub new_line_in: fn(&str) -> String,
}

impl super::Lang {
    /// The plan editing texts of this language.
    pub fn plan_ui(self) -> &'static PlanUi {
        self.text().keymap.plan
    }
}
