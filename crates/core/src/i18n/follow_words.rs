//! The words of the Seguimiento view (`S`): its keys, its headings, what it
//! says when the plan lacks something, the review record's form: their shape.
//! Each language's words are in its catalogue: the view's in `Catalogue::follow`,
//! the keys' in `KeymapText::follow`.

/// What the keys of the Seguimiento view do, for the footer and the help.
#[derive(Debug, Clone, Copy)]
pub struct FollowKeys {
    pub show: &'static str,
    pub degree: &'static str,
    pub degree_hint: &'static str,
    pub step_up: &'static str,
    pub step_down: &'static str,
    /// The two as one help row.
    pub step_pair: &'static str,
    pub status: &'static str,
    pub status_hint: &'static str,
    /// `x`: descartada, or back.
    pub drop: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub value: &'static str,
    pub value_hint: &'static str,
    pub record: &'static str,
    pub record_hint: &'static str,
    pub present: &'static str,
}

/// The Seguimiento view's own words.
#[derive(Debug, Clone, Copy)]
pub struct FollowText {
    /// The view's name in the title bar.
    pub view_name: &'static str,
    /// What the view needs and the session lacks: a horizon (written in the
    /// session's details, whose key is given), or actions.
    pub no_horizon: fn(&str) -> String,
    pub no_actions: &'static str,
    /// The group of actions in no línea, and the indicators' heading.
    pub no_line: &'static str,
    pub indicators: &'static str,
    /// The detail pane: its title, "no review", "no note".
    pub detail: &'static str,
    pub not_reviewed: &'static str,
    pub no_note: &'static str,
    /// Target and baseline of an indicator in the detail pane.
    pub baseline: &'static str,
    pub target: &'static str,
    /// The input line's labels.
    pub note_of: &'static str,
    pub value_of: &'static str,
    /// Said when `v` is pressed on a row that is no indicator.
    pub value_on_indicator: &'static str,
    /// Said when a value does not read as a number.
    pub bad_number: &'static str,
    /// A degree above 0 recorded for a year before the action's start: its ID,
    /// the start year, the year. Recorded, but said.
    pub before_start: fn(&str, i16, i16) -> String,
    /// The review record's form: its title and fields.
    pub record_of: &'static str,
    pub record_fields: [&'static str; 4],
    /// A date that does not read: the form it takes, with the first and the last year a date may have.
    pub bad_date: fn(i16, i16) -> String,
    /// The record's summary line in the view: the body and the date.
    pub record_none: &'static str,
    pub problems: &'static str,
}
