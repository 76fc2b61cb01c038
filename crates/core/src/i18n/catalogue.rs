//! The shape of a message catalogue: every user-facing text, grouped by where it
//! is read. Each language file (`es.rs`, `en.rs`, `ca.rs`) fills one [`Catalogue`];
//! the compiler checks that none leaves a message out.
//!
//! Arrays follow the order of the domain's `ALL` constants: quadrants Strengths,
//! Weaknesses, Opportunities, Threats; CAME Maintain, Correct, Exploit, Confront;
//! crossed FO, DO, FA, DA; statuses Pending, InProgress, Done, Dropped.
//! Messages with numbers or names in them are plain functions (`fn(usize) -> String`)
//! so that each language places the words and the plurals its own way.

/// One language's texts.
#[derive(Debug)]
pub struct Catalogue {
    /// BCP 47 tag stored in a new session and written as `<html lang>`: `es`, `en`, `ca`.
    pub tag: &'static str,
    /// The tag Word and LibreOffice want for it (`<w:lang>`): `es-ES`, `en-GB`, `ca-ES`.
    pub office_tag: &'static str,
    /// Locale prefixes (of `LC_ALL`, `LC_MESSAGES`, `LANG`) that choose this language.
    pub locales: &'static [&'static str],
    /// How numbers, amounts, percentages and dates are written and read.
    pub locale: super::locale::Locale,
    pub domain: DomainWords,
    pub keys: KeyNames,
    pub export: ExportWords,
    pub plan: PlanWords,
    /// The plan's words: the informe's sections and the plan view (`P`).
    pub plan_report: &'static super::plan_words::PlanWords,
    pub follow: &'static super::follow_words::FollowText,
    /// Keystroke shortcuts: picker keys, an action's línea, weight lines (issue 24).
    pub quick: &'static super::quick_words::QuickWords,
    /// The room taking part: the participants' page and the room pane (issue 28).
    pub sala: super::sala_words::SalaWords,
    /// A review refused (`dafo review`, the Seguimiento view).
    pub review_errors: &'static super::review_errors::ReviewErrors,
    /// The owners' sheets (`dafo review --sheets`, `--from-sheets`).
    pub sheets: &'static super::sheet_words::SheetWords,
    pub report: &'static super::report_words::ReportWords,
    /// The public progress site (`dafo publish`).
    pub publish: &'static super::publish_words::PublishWords,
    pub diff: DiffWords,
    pub cli: CliText,
    pub ui: UiText,
    pub keymap: KeymapText,
    pub meeting: MeetingText,
    /// Merging group sessions and git merges (issue 15).
    pub merge: &'static super::merge_text::MergeText,
    /// Indicators: the action sheet's field, the note, the "keep" direction (issue 24).
    pub indicators: &'static super::indicator_words::IndicatorWords,
    /// Limits: files not read, texts too long, IDs refused (issue 22).
    pub limits: &'static super::limits_text::LimitsText,
    /// `dafo import --survey` (issue 27).
    pub survey: &'static super::survey_words::SurveyText,
    /// The informe's cover, contents and footer (issue 27).
    pub apparatus: &'static super::apparatus_words::ApparatusWords,
    /// An import refused (`dafo import`): see `export::import_problem`.
    pub import_errors: ImportErrors,
    /// The plan financiero: funding sources, `dafo check`'s lines, the form's and tables' words.
    pub money: super::money_words::MoneyWords,
    /// The charts' titles, axes and bands (informe, follow-up report, public site).
    pub chart: super::chart_words::ChartWords,
    /// The Seguimiento view's legend: what each mark means.
    pub follow_legend: super::follow_legend::FollowLegend,
    /// The errors a user meets: the system's, storage's, the domain's, the command line's (issue 23).
    pub errors: &'static super::error_words::ErrorWords,
}

/// Why a file could not be imported; each `fn` gets what the file held.
#[derive(Debug)]
pub struct ImportErrors {
    pub header: &'static str,
    pub votes: fn(&str) -> String,
    pub quadrant: fn(&str) -> String,
    pub came: fn(&str) -> String,
    pub status: fn(&str) -> String,
    pub due: fn(&str) -> String,
    pub links: fn(&str) -> String,
    pub strategy_kind: fn(&str) -> String,
    pub year: fn(&str) -> String,
    pub degree: fn(&str) -> String,
    /// A plan table: the separator row it needs (cells), a row's cells against the header's.
    pub separator: fn(usize) -> String,
    pub cells: fn(usize, usize) -> String,
    /// An unknown column (name, the known ones) and a missing one.
    pub column: fn(&str, &str) -> String,
    pub needs_column: fn(&str) -> String,
    pub not_a_number: fn(&str) -> String,
    pub direction: fn(&str) -> String,
    pub no_linea: fn(&str) -> String,
    pub not_a_date: fn(&str) -> String,
    pub amount: fn(&str) -> String,
    pub plan_status: fn(&str) -> String,
    /// A plan's Markdown: an unknown heading (it, the known ones), one under the misión.
    pub heading: fn(&str, &str) -> String,
    pub mission_heading: fn(&str) -> String,
    pub strategy_line: &'static str,
    /// Ejes y líneas: an eje heading, its number (expected, found), a línea's form,
    /// a línea with no eje, a línea under another eje (línea, eje).
    pub eje_heading: fn(&str) -> String,
    pub eje_number: fn(usize, &str) -> String,
    pub linea_form: fn(&str) -> String,
    pub linea_no_eje: fn(&str) -> String,
    pub linea_under_eje: fn(&str, usize) -> String,
    /// A plan row of the CSV: a column's date or number (column, value), a link to
    /// no factor, action or strategy, a direction.
    pub column_date: fn(&str, &str) -> String,
    /// A second review row of one action (its ID as shown) and year.
    pub review_twice: fn(&str, i16) -> String,
    /// A session row's `labels` that is no label set.
    pub labels: fn(&str) -> String,
    /// A file to import that is not UTF-8 text.
    pub not_utf8: &'static str,
    pub column_number: fn(&str, &str) -> String,
    pub not_an_item: fn(&str) -> String,
    pub csv_direction: fn(&str) -> String,
    /// No factor found in the file.
    pub empty: &'static str,
    /// Neither Markdown nor CSV by its name.
    pub unknown_kind: &'static str,
}

/// The method's own vocabulary.
#[derive(Debug)]
pub struct DomainWords {
    /// "DAFO" / "SWOT".
    pub swot: &'static str,
    /// "CAME" / "SWOT actions": the action stage's name in titles.
    pub came_name: &'static str,
    /// Quadrant titles: Fortalezas, Debilidades...
    pub quadrants: [&'static str; 4],
    /// One factor of each quadrant: Fortaleza... (read back by the importer).
    pub quadrant_one: [&'static str; 4],
    /// Quadrant initials for counts: F D O A / S W O T.
    pub letters: [&'static str; 4],
    /// "internal", "external" (lower case, for "internal factors").
    pub origin: [&'static str; 2],
    /// CAME verbs, classic set.
    pub came: [&'static str; 4],
    /// The social-work set's name for Confront: Adaptar / Adapt.
    pub adapt: &'static str,
    /// Crossed strategies, full names: classic set, then social-work set.
    pub crossed: [[&'static str; 4]; 2],
    /// Crossed strategies, short names for narrow places: classic, social-work.
    pub crossed_short: [[&'static str; 4]; 2],
    /// Codes of the crossed pairs: FO DO FA DA / SO WO ST WT.
    pub crossed_code: [&'static str; 4],
    /// Prefixes of action IDs as shown, in `Came::ALL` order: M C E AF / M C E CF
    /// (see `i18n::ids`; stored IDs keep the Spanish ones).
    pub action_code: [&'static str; 4],
    /// Action statuses.
    pub status: [&'static str; 4],
    /// The weighted matrices' short names: EFI, EFE / IFE, EFE.
    pub matrices: [&'static str; 2],
}

/// Names of keys that are written as words.
#[derive(Debug)]
pub struct KeyNames {
    pub space: &'static str,
    pub enter: &'static str,
    pub esc: &'static str,
    pub tab: &'static str,
    pub back_tab: &'static str,
    pub home: &'static str,
    pub end: &'static str,
    pub delete: &'static str,
    pub backspace: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub ctrl: &'static str,
}

/// Words of the session exports (header, grid, tables). Same shape as
/// `export::labels::Labels`.
#[derive(Debug, Clone, Copy)]
pub struct ExportWords {
    pub date: &'static str,
    pub modified: &'static str,
    pub place: &'static str,
    pub participants: &'static str,
    pub factors: &'static str,
    pub grid: &'static str,
    pub positive: &'static str,
    pub negative: &'static str,
    pub internal: &'static str,
    pub external: &'static str,
    pub none: &'static str,
    pub vote: &'static str,
    pub votes: &'static str,
    pub impact: &'static str,
    pub id: &'static str,
    pub factor: &'static str,
    pub generated: &'static str,
}

/// Words of the CAME sections of the exports. Same shape as `export::plan::Words`.
#[derive(Debug, Clone, Copy)]
pub struct PlanWords {
    pub came: &'static str,
    pub action: &'static str,
    pub answers: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub indicator: &'static str,
    pub status: &'static str,
    pub votes: &'static str,
    pub vote: &'static str,
    pub no_actions: &'static str,
    pub strategies: &'static str,
    pub strategy: &'static str,
    pub factors: &'static str,
    pub weight: &'static str,
    pub rating: &'static str,
    pub weighted: &'static str,
    pub total: &'static str,
    pub carried: &'static str,
    /// "Matriz EFI (factores internos)", "Matriz EFE (factores externos)".
    pub matrix_headings: [&'static str; 2],
    /// "1 de 3 factores sin acción": unanswered, all.
    pub coverage: fn(usize, usize) -> String,
    /// "Total ponderado 2,75 (de 1,0 a 4,0; 2,5 es la media)." with the total formatted.
    pub total_note: fn(&str) -> String,
    /// "Atención: los pesos suman 0,90, no 1,00." with the sum formatted.
    pub unbalanced: fn(&str) -> String,
    /// "sin peso": a factor of an EFI/EFE matrix without a weight.
    pub unweighted: &'static str,
    /// "Suma incompleta: 2 factores sin peso no cuentan." for that many.
    pub incomplete_sum: fn(usize) -> String,
}

/// Words of the diff report. Same shape as `export::diff::report::Words`.
#[derive(Debug, Clone, Copy)]
pub struct DiffWords {
    pub title: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub moved: &'static str,
    pub reworded: &'static str,
    pub rescored: &'static str,
    pub unchanged: &'static str,
    pub same: &'static str,
    pub votes: &'static str,
    pub impact: &'static str,
    pub was: &'static str,
    pub actions_added: &'static str,
    pub actions_removed: &'static str,
    pub actions_closed: &'static str,
    pub actions_reworded: &'static str,
    pub status: &'static str,
    pub action_details: &'static str,
    pub strategies_added: &'static str,
    pub strategies_removed: &'static str,
    pub actions_unchanged: &'static str,
    /// Carried over from the old session, not yet confirmed (factors, then actions).
    pub unconfirmed: &'static str,
    pub actions_unconfirmed: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub indicator: &'static str,
    pub answers: &'static str,
    /// The section naming the parts of the plan (and its follow-up) that changed.
    pub plan_changed: &'static str,
}

/// What the command line prints besides the exports.
#[derive(Debug)]
pub struct CliText {
    /// `dafo check`: "ok".
    pub ok: &'static str,
    /// `dafo check`: what holds a reference (`C1`, a review's `C3 2024`) and the
    /// ID it names, which the session does not hold (deleted, or left by a
    /// hand edit or a merge).
    pub dangling: fn(&str, &str) -> String,
    /// `check`, `show`, `export`: a journal beside the file holds this many changes
    /// that are not in it; the session would then count these.
    pub journal_pending: fn(usize, &str) -> String,
    /// `check`, `show`, `export`: a journal beside the file that opening would set aside.
    pub journal_unfit: &'static str,
    /// `dafo recover`: this many changes brought back from the journal and saved.
    pub journal_recovered: fn(usize) -> String,
    /// `dafo export`: "written".
    pub written: &'static str,
    /// `dafo import`: "imported (5 F, 6 D, 5 O, 5 A; 3 actions, 1 strategy)": counts line, actions, strategies.
    pub imported: fn(&str, usize, usize) -> String,
    /// "; 3 ejes, 7 líneas, 3 retos, 3 indicadores" after an imported plan's counts.
    pub imported_plan: fn(usize, usize, usize, usize) -> String,
    /// `dafo list`: a file that does not read.
    pub unreadable: &'static str,
    /// `dafo list` on a folder without sessions.
    pub no_sessions: &'static str,
    /// Error: OUT exists.
    pub exists: &'static str,
    /// Error: "cannot write".
    pub cannot_write: &'static str,
    /// Error: "cannot read the directory".
    pub cannot_read_dir: &'static str,
    /// Error: unknown export extension.
    pub unknown_format: &'static str,
    /// Error: "cannot write to stdout".
    pub stdout: &'static str,
    /// After a parse error: how to bring back a backup; the argument is the file.
    pub recover_hint: fn(&str) -> String,
    /// After "no such file" when opening one: how a session is started.
    pub new_hint: &'static str,
    /// Error of the terminal (prefix).
    pub terminal: &'static str,
    /// Error: a TUI command run without a terminal.
    pub no_terminal: &'static str,
    /// Error: the TUI left without its last changes (`q q` after a save that failed).
    pub left_unsaved: &'static str,
    /// Error: a session file too new for this dafo: found version, supported version.
    pub too_new: fn(u32, u32) -> String,
    /// A config file that does not read; the defaults are used.
    pub bad_config: &'static str,
    /// A language setting passed over: where (`DAFO_LANG`, `config.ron: lang`), its value, the tags known, the one used.
    pub ignored_lang: fn(&str, &str, &str, &str) -> String,
    /// A theme setting passed over: where, its value, the themes known, the one used.
    pub ignored_theme: fn(&str, &str, &str, &str) -> String,
    /// `dafo check`: "aviso" before a warning.
    pub warning: &'static str,
    /// `dafo show` of docx on a terminal.
    pub binary_on_terminal: &'static str,
    /// `dafo import`: the title's file exists; saved as another.
    pub saved_as: &'static str,
    // `dafo demo` (commands/demo.rs).
    /// Asked before a sample replaces a different file of the same name: the path.
    pub demo_ask: fn(&str) -> String,
    /// Answers that mean yes to `demo_ask`, lowercase.
    pub demo_yes: &'static [&'static str],
    /// A file to replace is open in another dafo: kept.
    pub demo_in_use: &'static str,
    /// After copying: the folder, then how many written, already the same, kept.
    pub demo_done: fn(&str, usize, usize, usize) -> String,
    /// `dafo import -` without `--format`.
    pub stdin_format: &'static str,
}

/// Texts of the terminal interface outside the keymap (see `ui/` and `app/`).
#[derive(Debug)]
pub struct UiText {
    pub help_title: &'static str,
    pub help_more: &'static str,
    pub help_go_to_quadrant: &'static str,
    pub help_move_there: &'static str,
    pub help_after_m: &'static str,
    pub help_after_i: &'static str,
    pub help_list: &'static str,
    pub help_form: &'static str,
    /// Paired help rows: next/previous quadrant, up/down, left/right, first/last,
    /// shift up/down, vote more/less, undo/redo.
    pub help_pairs: [&'static str; 7],
    /// Title-bar names of the views: grid, CAME, crossed, weights, plan.
    pub view_names: [&'static str; 5],
    pub read_only: &'static str,
    pub changed_outside: &'static str,
    pub not_saved: &'static str,
    pub saving: &'static str,
    pub saved_mark: &'static str,
    /// Status line of the CAME view: "Sin acción: ".
    pub without_action_prefix: &'static str,
    /// "3 acciones", "1 action".
    pub actions_count: fn(usize) -> String,
    /// "18 factores", "1 factor".
    pub factors_count: fn(usize) -> String,
    pub empty_quadrant: &'static str,
    pub input_new: &'static str,
    pub input_new_action: &'static str,
    pub input_weight_of: &'static str,
    pub input_edit: &'static str,
    pub browser_heading: &'static str,
    pub browser_new_title: &'static str,
    pub browser_empty: &'static str,
    /// Browser columns: title, created, modified, file.
    pub browser_columns: [&'static str; 4],
    /// Browser column heads of the four counts: F D O A / S W O T.
    pub browser_counts: [&'static str; 4],
    /// Weights view titles: internal, external.
    pub weights_titles: [&'static str; 2],
    pub weights_sum: &'static str,
    pub weights_average: &'static str,
    /// Weights table heads: factor, weight, rating, weight × rating.
    pub weights_columns: [&'static str; 4],
    /// " ↓ 3 más ": how many more rows.
    pub more: &'static str,
    pub terminal_too_small: &'static str,
    pub search: &'static str,
    pub nothing_matches: &'static str,
    /// Enter in a picker of one choice whose search matches nothing: the key that closes it.
    pub nothing_to_choose: fn(&str) -> String,
    /// A stop signal with a form whose values do not check: the file its words were written to.
    pub form_words_kept: fn(&str) -> String,
    pub form_for: &'static str,
    pub form_saves: &'static str,
    /// What `Esc` does on a form, after the key: it closes, what was typed kept as a draft.
    pub form_closes: &'static str,
    pub conflict_title: &'static str,
    pub conflict_text: &'static str,
    pub conflict_reload: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_later: &'static str,
    pub start_lead: &'static str,
    pub start_quadrants: &'static str,
    pub start_type: &'static str,
    pub start_any_key: &'static str,
    pub start_title: &'static str,
    pub crossed_empty: &'static str,
    /// "hace 5 min" / "5 min ago": the amount already formatted.
    pub ago: fn(&str) -> String,
    pub votes_hidden: &'static str,
    pub times_up: &'static str,
    /// CAME title coverage: "3 de 5 sin acción": unanswered, all.
    pub came_coverage: fn(usize, usize) -> String,
    pub came_actions: &'static str,
    pub came_empty: &'static str,
    pub save_changed_outside: &'static str,
    pub could_not_save: &'static str,
    pub disk_full: &'static str,
    pub read_only_folder: &'static str,
    pub no_permission: &'static str,
    pub unreadable_on_disk: &'static str,
    pub open_elsewhere: &'static str,
    pub deleted_outside: &'static str,
    /// A read-only window followed a change made on disk.
    pub reloaded: &'static str,
    pub yours_kept_in: &'static str,
    pub yours_saved: &'static str,
    /// The dafo that held the file quit: this read-only window saves it now.
    pub took_over: &'static str,
    /// Opening found the lock of a dafo that stopped without closing (killed,
    /// crashed): its process number, and the lock is taken over.
    pub took_over_stopped: fn(u32) -> String,
    /// On opening: changes a stopped dafo had only in its journal are back and saved.
    pub journal_replayed: &'static str,
    /// On opening: a journal that could not be replayed was kept aside, at this file.
    pub journal_set_aside: fn(&str) -> String,
    /// On opening: a journal changed outside dafo (checksums) was kept aside, at this file.
    pub journal_damaged: fn(&str) -> String,
    /// On opening: the journal's place holds a FIFO, a device, a folder, a link or a
    /// huge file: not read; kept aside at this path (or left, when it cannot be moved).
    pub journal_not_a_file: fn(&str) -> String,
    /// Sort orders: own, votes, impact.
    pub sort_names: [&'static str; 3],
    pub saved: &'static str,
    pub read_only_notice: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub quit_unsaved: &'static str,
    /// "3 elementos añadidos".
    pub items_added: fn(usize) -> String,
    pub u_to_undo: &'static str,
    /// Deleted, of a factor (masculine in Spanish: Borrado).
    pub deleted_factor: &'static str,
    /// Deleted, of an action (feminine in Spanish: Borrada).
    pub deleted_action: &'static str,
    /// A strategy of the crossed matrix was deleted (then its ID and how to undo).
    pub deleted_strategy: &'static str,
    /// Action form fields: owner, due date, indicator.
    pub form_fields: [&'static str; 3],
    /// A date that does not read: the form it takes, with the first and the last year a date may have.
    pub bad_date: fn(i16, i16) -> String,
    /// An action's due date before its start (due, start, as the language writes dates).
    pub due_before_start: fn(&str, &str) -> String,
    pub bad_weight: &'static str,
    pub pick_links: &'static str,
    pub pick_space_checks: &'static str,
    pub pick_internal: &'static str,
    pub pick_external: &'static str,
    pub copy_as: &'static str,
    pub no_factors_to_pick: &'static str,
    /// Themes: dark, light, mono.
    pub themes: [&'static str; 3],
    pub no_color: &'static str,
    pub theme: &'static str,
    pub changes: &'static str,
    pub time_box: &'static str,
    pub time_box_off: &'static str,
    pub votes_hidden_notice: &'static str,
    pub votes_shown: &'static str,
    pub copied: &'static str,
    /// Copy formats: md, html-fragment, txt, csv.
    pub copy_formats: [&'static str; 4],
    /// "u para deshacer": the words after the key.
    pub to_undo: &'static str,
    /// "Solo lectura", before why.
    pub read_only_short: &'static str,
    /// Quitting failed to save: the save key, the quit key.
    pub quit_unsaved_keys: fn(&str, &str) -> String,
    /// `q` with a draft kept (words typed, then Esc): the undo key brings it
    /// back; the quit key again quits without it.
    pub quit_draft_keys: fn(&str, &str) -> String,
    /// The same where the undo key would undo a change instead: the quit key only.
    pub quit_draft_key: fn(&str) -> String,
    /// The file was deleted outside dafo: the save key.
    pub deleted_outside_key: fn(&str) -> String,
    /// Reloaded after a change outside dafo: the undo key.
    pub reloaded_undo: fn(&str) -> String,
    /// Ctrl-s: "Guardando…".
    pub saving_notice: &'static str,
    /// Saved, but no backup could be kept.
    pub saved_no_backup: &'static str,
    /// "Copiando…" while the clipboard works.
    pub copying: &'static str,
    /// Link picker title: "(Espacio marca)", after the key.
    pub checks: &'static str,
    /// Votes hidden: the key that shows them.
    pub votes_hidden_key: fn(&str) -> String,
    /// A session of that title exists: before the new file name.
    pub name_taken: &'static str,
    /// `L`: the label set now on: classic, social work.
    pub label_sets: [&'static str; 2],
    /// No clipboard: the file it was saved to first, then the short reason.
    pub copy_saved: fn(&str, &str) -> String,
    /// No system clipboard, sent with OSC 52 and saved: the file.
    pub copy_osc52: fn(&str) -> String,
    /// Could not copy: before the reason.
    pub copy_failed: &'static str,
    /// CAME title coverage where it does not fit: "3/5 sin acción".
    pub came_coverage_short: fn(usize, usize) -> String,
    /// The lock: a read-only disk.
    pub lock_read_only_fs: &'static str,
    /// The lock: no permission.
    pub lock_no_permission: &'static str,
    /// The lock: disk full.
    pub lock_disk_full: &'static str,
    /// The lock: cannot be made (before the reason).
    pub lock_cannot_create: &'static str,
    /// The lock file is not a regular file.
    pub lock_not_regular: &'static str,
    /// The session file is marked read-only.
    pub file_read_only: &'static str,
    /// An empty quadrant: the key that adds.
    pub empty_quadrant_key: fn(&str) -> String,
    /// The input line's label when adding: the accept key, the close key.
    pub input_new_keys: fn(&str, &str) -> String,
}

pub use super::keymap_text::KeymapText;

/// Texts of the room and of the review meeting (issues 12 and 16): sorted views,
/// drafts, undo, carried-over items, overdue actions, presentation, the browser.
#[derive(Debug)]
pub struct MeetingText {
    /// `K`/`J` refused in a sorted view: order name ("por votos"), the sort key.
    pub sorted_no_move: fn(&str, &str) -> String,
    /// The sort orders as shown after "orden" and in the status line: votes, impact.
    pub sort_marks: [&'static str; 2],
    /// "deshecho" / "undone", "rehecho" / "redone".
    pub undone: &'static str,
    pub redone: &'static str,
    /// What an edit did: add, delete, change, several changes.
    pub edit_kinds: [&'static str; 4],
    /// What `u` takes back after a reload of a version changed outside dafo.
    pub edit_reload: &'static str,
    /// Deleting a factor: how many actions lose their link.
    pub links_lost: fn(usize) -> String,
    /// `Esc` with text typed: the draft is kept; the key that brings it back.
    pub draft_kept: fn(&str) -> String,
    /// A form's draft brought back and closed again unchanged: it is dropped.
    pub draft_dropped: &'static str,
    /// Enter on an edit line whose item is gone (changed outside dafo): the words
    /// stay on a line for a new item; the item's ID.
    pub gone_kept_on_line: fn(&str) -> String,
    /// The same, with no new-item line to keep them on: the ID and the words.
    pub gone_not_saved: fn(&str, &str) -> String,
    /// Footer hint when a carried-over item is selected.
    pub carried_hint: &'static str,
    /// On opening a session with carried-over items still to confirm: factors, open actions.
    pub carried_open: fn(usize, usize) -> String,
    /// Status line: items still to confirm.
    pub unconfirmed: fn(usize) -> String,
    /// Status line: actions past their due date.
    pub overdue: fn(usize) -> String,
    /// Help legend: ↻ ○ ● ★ ⚠, each explained.
    pub legend: [&'static str; 5],
    pub legend_title: &'static str,
    /// `s` on an action confirmed it too.
    pub confirmed: &'static str,
    /// Prompt target of a new action: "Nueva acción para".
    pub action_for: &'static str,
    /// "página" (presentation paging: "página 1/2").
    pub page: &'static str,
    /// Browser: new session from the one selected (carry-over).
    pub browser_from: &'static str,
    pub browser_from_title: fn(&str) -> String,
}
