//! The words of the room taking part (issue 28): the participant's page, the
//! facilitator's room pane, its keys and its messages. One table per language;
//! the catalogue (`Catalogue::sala`) and the keymap (`KeymapText::sala`) point here.

/// Texts of the participant's page, sent to the browser as they are (HTML-escaped).
#[derive(Debug)]
pub struct PageWords {
    pub title: &'static str,
    pub intro: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub join: &'static str,
    pub quadrant: &'static str,
    pub item: &'static str,
    pub send: &'static str,
    pub sent: &'static str,
    pub mine: &'static str,
    pub board: &'static str,
    pub remaining: &'static str,
    pub vote_up: &'static str,
    pub vote_down: &'static str,
    pub votes: &'static str,
    /// Phases: lobby, write, reveal, vote, closed.
    pub phases: [&'static str; 5],
    /// An item's fate: waiting, accepted, rejected.
    pub fates: [&'static str; 3],
    /// Refusals, by the code the server gives (see [`PageWords::ERRORS`]).
    pub errors: [&'static str; 17],
}

impl PageWords {
    /// The codes of [`PageWords::errors`], in order.
    pub const ERRORS: [&'static str; 17] = [
        "code",
        "slow_down",
        "token",
        "phase",
        "budget",
        "per_item",
        "too_long",
        "empty",
        "joining_closed",
        "full",
        "busy",
        "disk",
        "bad",
        "utf8",
        "gone",
        "none",
        "slow",
    ];
}

/// Texts of the room pane in the terminal.
#[derive(Debug)]
pub struct SalaWords {
    pub page: PageWords,
    /// The source of a factor from the room when names are not shown.
    pub source: &'static str,
    pub pane_title: &'static str,
    pub inbox: &'static str,
    pub address: &'static str,
    pub code: &'static str,
    pub phase: &'static str,
    pub phases: [&'static str; 5],
    pub names: &'static str,
    /// Names shown to the room, to the facilitator only, to no one.
    pub names_choice: [&'static str; 3],
    pub budget: fn(u32, u32) -> String,
    pub joining_closed: &'static str,
    pub inbox_empty: &'static str,
    pub participant: &'static str,
    /// Who sent an item listed again from the inbox file: nobody of this room.
    pub earlier_room: &'static str,
    /// The status line: connected, waiting, votes cast.
    pub status: fn(usize, usize, u32) -> String,
    pub opened: fn(&str) -> String,
    pub not_opened: fn(&str) -> String,
    pub names_fixed: &'static str,
    pub budget_fixed: &'static str,
    pub no_factor_to_join: &'static str,
    pub joined_into: fn(&str) -> String,
    pub banned: fn(u32) -> String,
    /// `b` on an item from an earlier room: its sender is no participant here.
    pub ban_earlier: &'static str,
    pub results_added: fn(u32) -> String,
    pub no_results: &'static str,
    /// `V` with no votes on the session's factors: nothing added, voting goes on.
    pub no_votes: &'static str,
    pub stopped: &'static str,
    /// The inbox file could not be written (the system's reason): the items
    /// in that write were taken back and their participants asked to resend.
    pub inbox_unwritable: fn(&str) -> String,
    /// After the inbox file's file:line:column: a line that does not read.
    pub inbox_bad_line: &'static str,
    /// After the inbox file's file:line:column: bytes that are not UTF-8.
    pub inbox_not_utf8: &'static str,
    pub edit_item: &'static str,
    /// A waiting item like another one: the mark before it.
    pub alike: &'static str,
    // Keys (help and footer).
    pub key_open: &'static str,
    pub key_accept: &'static str,
    pub key_edit: &'static str,
    pub key_join: &'static str,
    pub key_move: &'static str,
    pub key_reject: &'static str,
    pub key_accept_all: &'static str,
    pub key_phase: &'static str,
    pub key_names: &'static str,
    pub key_budget_up: &'static str,
    pub key_budget_down: &'static str,
    pub key_per_item: &'static str,
    pub key_results: &'static str,
    pub key_ban: &'static str,
    pub key_joining: &'static str,
    pub key_stop: &'static str,
    pub key_back: &'static str,
    pub hint_accept: &'static str,
    pub hint_phase: &'static str,
}
