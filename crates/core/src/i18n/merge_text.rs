//! Words of merging (issue 15): the review list of possible pairs (TUI and
//! line by line), the merge report, `dafo merge`, the git merge driver and
//! `dafo check`'s conflicts, `dafo git-setup`, and the source filter and
//! conflict key of the TUI: their shape; each language's words are in its
//! catalogue (`Catalogue::merge`, its keys in `KeymapText::merge`).

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
    pub keys: &'static MergeKeys,
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
    /// A side that does not read as a session: merged line by line by `git
    /// merge-file`; the three labels it writes after `<<<<<<<`, `|||||||` and `>>>>>>>`.
    pub text_labels: [&'static str; 3],
    /// The text merge's result (how many blocks are marked) and what to do.
    pub merged_as_text: fn(usize) -> String,
    /// `git merge-file` could not run: our version is left as it was.
    pub text_merge_failed: &'static str,
    // ---- dafo check ----
    /// `2 conflict(s) ⚠ to resolve`.
    pub check_line: fn(usize) -> String,
    pub other_version: &'static str,
    /// This branch edited it, the other deleted it.
    pub deleted_elsewhere: &'static str,
    /// This branch deleted it, the other edited it (the other's is kept).
    pub deleted_here: &'static str,
    // ---- dafo git-setup ----
    pub already_has: &'static str,
    pub added: &'static str,
    /// `.gitattributes` already named another merge driver for session files (its line): dafo's line, last, wins.
    pub replaces_driver: fn(&str) -> String,
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
    /// `--prefer GROUP` names no group of the files (the groups there are).
    pub prefer_unknown: fn(&str, &str) -> String,
}
