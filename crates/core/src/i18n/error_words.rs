//! Words of the errors a user meets (issue 23): the system's refusals, a session
//! that does not read or save, a lock, a recovery, a value out of range and the
//! command line's own mistakes: their shape; each language's words are in its
//! catalogue (`Catalogue::errors`).

/// Every error's words in one language.
#[derive(Debug)]
pub struct ErrorWords {
    // ---- The system's refusals (`i18n::os_error`), before the system's own text ----
    pub os_not_found: &'static str,
    pub os_permission: &'static str,
    pub os_full: &'static str,
    pub os_read_only: &'static str,
    pub os_exists: &'static str,
    pub os_is_folder: &'static str,
    pub os_not_folder: &'static str,
    /// Any other refusal of the system.
    pub os_other: &'static str,
    // ---- A session that does not read (`LoadError`) ----
    /// Before the parser's own words: "does not read as a session".
    pub not_a_session: &'static str,
    /// An ID counter past the last ID dafo can give (the counter's key, its value).
    pub counter_at_end: fn(&str, u64) -> String,
    /// Bytes that are not UTF-8.
    pub not_utf8: &'static str,
    /// A line of a git merge's conflict markers (`<<<<<<<`): the file was merged as text.
    pub conflict_marker: &'static str,
    // ---- What the RON parser found (`storage::RonProblem`); names stay as the file writes them ----
    /// A character that cannot go there (it, quoted and escaped).
    pub ron_unexpected_char: fn(&str) -> String,
    pub ron_expected_comma: &'static str,
    /// The closing or the opening bracket wanted.
    pub ron_expected_closing: fn(char) -> String,
    pub ron_expected_opening: fn(char) -> String,
    pub ron_expected_colon: &'static str,
    pub ron_string_end: &'static str,
    pub ron_expected_name: &'static str,
    pub ron_trailing: &'static str,
    pub ron_eof: &'static str,
    /// A field missing, unknown or written twice; a variant unknown (the name, to put in backticks).
    pub ron_missing_field: fn(&str) -> String,
    pub ron_unknown_field: fn(&str) -> String,
    pub ron_duplicate_field: fn(&str) -> String,
    pub ron_unknown_variant: fn(&str) -> String,
    /// After those: where (a struct's name), and the names known there (listed in backticks).
    pub ron_within: fn(&str) -> String,
    pub ron_known: fn(&str) -> String,
    /// A value of another kind: the kind wanted (one of `ron_kinds`).
    pub ron_expected_kind: fn(&str) -> String,
    /// Text, whole number, number, true/false, character, list, map, optional value.
    pub ron_kinds: [&'static str; 8],
    /// A kind the parser names in words dafo does not know.
    pub ron_wrong_kind: &'static str,
    pub ron_integer_range: &'static str,
    pub ron_bad_number: &'static str,
    pub ron_bad_escape: &'static str,
    pub ron_unclosed_comment: &'static str,
    pub ron_too_deep: &'static str,
    /// A value that does not read there (a date that is no date).
    pub ron_bad_value: &'static str,
    /// Anything else the parser says.
    pub ron_other: &'static str,
    // ---- A save refused (`SaveError`); the file on disk is as it was ----
    pub changed_on_disk: &'static str,
    pub exists_kept: &'static str,
    /// The file on disk does not read: why (file:line:column: ...).
    pub unreadable_kept: fn(&str) -> String,
    pub disk_full_kept: &'static str,
    pub read_only_kept: &'static str,
    pub no_permission_kept: &'static str,
    /// The lock is not held: why.
    pub not_held: fn(&str) -> String,
    /// After a system refusal: the file on disk was left as it was.
    pub left_as_it_was: &'static str,
    // ---- The lock (`LockError`) ----
    /// Another dafo has it open: pid, host, since.
    pub held: fn(u32, &str, &str) -> String,
    /// The lock file cannot be made: the system's reason, then what to do.
    pub lock_cannot_create: fn(&str) -> String,
    pub lock_advice_full: &'static str,
    pub lock_advice: &'static str,
    pub lock_not_regular: &'static str,
    pub file_read_only: &'static str,
    // ---- `dafo recover` ----
    /// No backup reads: how many were tried, in which folder.
    pub no_good_backup: fn(usize, &str) -> String,
    pub nothing_changed: &'static str,
    pub recover_close_first: &'static str,
    pub recover_reads_fine: &'static str,
    pub recover_damaged_kept: fn(&str) -> String,
    pub recover_restored: fn(&str, &str) -> String,
    // ---- Backups, `keys.ron`, git ----
    pub backups_not_a_folder: &'static str,
    /// Backups cannot be written: the system's reason.
    pub backups_cannot_write: fn(&str) -> String,
    /// After a `keys.ron` refused.
    pub default_keys_used: &'static str,
    /// `keys.ron` names a context, a key or an action dafo does not know (the name).
    pub keys_unknown_context: fn(&str) -> String,
    pub keys_unknown_key: fn(&str) -> String,
    /// A context or an action named twice in keys.ron.
    pub keys_twice: fn(&str) -> String,
    /// An action given no key (the action).
    pub keys_no_key: fn(&str) -> String,
    /// An action that is not bound in that context (action, context).
    pub keys_no_action: fn(&str, &str) -> String,
    /// A key of the action already does another there (action, the other, context).
    pub keys_taken: fn(&str, &str, &str) -> String,
    /// Before the RON parser's own words: the file does not read as a keymap.
    pub keys_not_a_keymap: &'static str,
    pub not_in_git: &'static str,
    // ---- The domain ----
    /// A list edit past its end: position, length.
    pub out_of_range: fn(usize, usize) -> String,
    pub join_missing: fn(&str) -> String,
    pub join_quadrants: fn(&str, &str) -> String,
    pub join_marked: fn(&str) -> String,
    pub join_empty: &'static str,
    /// A horizon: not two years (what was typed), backwards (start, end), out of range (min, max, span).
    pub horizon_syntax: fn(&str) -> String,
    pub horizon_backwards: fn(i16, i16) -> String,
    pub horizon_range: fn(i16, i16, i16) -> String,
    /// A value out of range: what (impact, rating, weight), the range (low, high), the value.
    pub range: fn(&str, &str, &str, &str) -> String,
    /// The names of the ranged values: impact, rating, weight, an item's ID, a date.
    pub ranged: [&'static str; 5],
    // ---- The command line's own mistakes (clap) ----
    /// An option or argument it does not know (it), and a suggestion ("did you mean").
    pub cli_unknown_argument: fn(&str) -> String,
    pub cli_did_you_mean: fn(&str) -> String,
    pub cli_unknown_command: fn(&str) -> String,
    /// A value refused (value, option), the values it takes.
    pub cli_invalid_value: fn(&str, &str) -> String,
    pub cli_possible_values: fn(&str) -> String,
    pub cli_missing_value: fn(&str) -> String,
    /// Required arguments not given (their names).
    pub cli_missing_required: fn(&str) -> String,
    pub cli_missing_command: &'static str,
    /// An option given twice, two that cannot go together (it, the other).
    pub cli_twice: fn(&str) -> String,
    pub cli_conflict: fn(&str, &str) -> String,
    pub cli_too_many: fn(&str) -> String,
    /// Any other mistake, with clap's own words after it.
    pub cli_other: &'static str,
    /// The usage line's lead-in and the help hint.
    pub cli_usage: &'static str,
    pub cli_help_hint: &'static str,
    // ---- Why a copy did not reach the clipboard (`clipboard::CopyReason`); a system's detail may follow ----
    /// Turned off by the environment variable (its name).
    pub clip_disabled: fn(&str) -> String,
    pub clip_no_program: &'static str,
    pub clip_holder_start: &'static str,
    pub clip_holder_reach: &'static str,
    /// The holder process ended (its exit code, if it had one).
    pub clip_holder_stopped: fn(Option<i32>) -> String,
    /// Not confirmed within so many seconds.
    pub clip_not_confirmed: fn(u64) -> String,
    pub clip_not_supported: &'static str,
    pub clip_empty: &'static str,
    pub clip_occupied: &'static str,
    pub clip_conversion: &'static str,
    /// Before the clipboard library's own description: an unknown failure.
    pub clip_unknown: &'static str,
    /// No thread to copy in (before the system's words).
    pub clip_no_thread: &'static str,
    /// After the first reason: no temp file either (before the system's words).
    pub clip_no_temp_file: &'static str,
}

impl ErrorWords {
    /// A ranged value's name: the domain's English name mapped to this language's.
    pub fn ranged_name(&self, what: &str) -> String {
        match what {
            "impact" => self.ranged[0].to_owned(),
            "rating" => self.ranged[1].to_owned(),
            "weight" => self.ranged[2].to_owned(),
            "ID" => self.ranged[3].to_owned(),
            "date" => self.ranged[4].to_owned(),
            other => other.to_owned(),
        }
    }
}
