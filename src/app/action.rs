//! Everything a user can ask for: keys and mouse become these, `App::update` applies them.

use ratatui::crossterm::event::KeyEvent;

use super::room::RoomAction;
use crate::domain::Quadrant;

/// A request to change the application state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Navigation
    Focus(Quadrant),
    NextQuadrant,
    PrevQuadrant,
    /// The plan view: the next pane (ejes, actions, tray, retos, indicators, band), or the previous.
    /// `keys.ron` still reads `NextQuadrant` / `PrevQuadrant` there.
    NextPane,
    PrevPane,
    /// The line of new CAME actions: link it to the next factor (or the previous) instead.
    /// `keys.ron` still reads `NextQuadrant` / `PrevQuadrant` there.
    NextTarget,
    PrevTarget,
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
    // Capture and editing
    StartAdd,
    StartEdit,
    Delete,
    ShiftUp,
    ShiftDown,
    StartMove,
    MoveTo(Quadrant),
    /// One vote more (`Vote(1)`) or less (`Vote(-1)`) for the selected factor,
    /// action or strategy. `keys.ron` still reads `VoteUp` / `VoteDown`.
    Vote(i32),
    /// Seguimiento: the selected action's degree that year, this many points up
    /// or down (`DegreeStep(5)`). `keys.ron` still reads `VoteUp` / `VoteDown`.
    DegreeStep(i16),
    /// Ask for a digit: the impact of the selected factor.
    StartImpact,
    /// A digit in a rating context (impact 1-5, EFI/EFE rating 1-4; 0 clears).
    /// The keymap lists it once; the digit comes from the key pressed.
    Rate(u8),
    CycleSort,
    /// Show only the factors of one source (group), then the next, then all.
    CycleSource,
    /// Show only the factors of one área temática, then the next, then all.
    FilterTheme,
    /// Choose the áreas temáticas of the selected factor or action (picker).
    TagThemes,
    /// Choose the cross-cutting impacts of the selected action (picker).
    TagImpacts,
    /// On an item marked ⚠ by a git merge: keep this version, drop the other.
    KeepVersion,
    /// The list of the plan's and the follow-up's git merge clashes.
    ShowClashes,
    /// In that list: keep this branch's version, the other's, or both texts joined.
    ClashHere,
    ClashOther,
    ClashBoth,
    /// Mark the selected factor to join it into another one (picked next).
    StartJoin,
    /// Joining: which wording stays.
    JoinKeep(JoinKeep),
    // CAME actions and the crossed matrix
    StartLink,
    CycleStatus,
    StartForm,
    /// Check or uncheck in a picker.
    Toggle,
    ShowCame,
    ShowCrossed,
    ShowWeights,
    /// The plan view (ejes, líneas, the tray of actions).
    ShowPlan,
    /// Plan view: put the selected tray item into the selected línea.
    PlanPlace,
    /// CAME and the plan's action lists: choose the línea of the selected action.
    PlaceInLine,
    /// Plan view: take the selected action out of its línea.
    PlanTakeOut,
    /// Plan view: a new eje, typed in the input line.
    PlanAddAxis,
    /// Plan view: a new línea in the selected eje.
    PlanAddLine,
    /// Plan view: delete the selected eje (with its líneas) or línea.
    PlanDelete,
    /// Plan view: the cronograma instead of the tree, and back.
    ToggleSchedule,
    /// The session's metadata form: title, date, place, participants, group, horizon.
    EditMeta,
    /// The Seguimiento view (degree per action and year).
    ShowFollow,
    /// Seguimiento: the year's note for the selected action.
    FollowNote,
    /// Seguimiento: the selected indicator's value that year.
    FollowValue,
    /// Seguimiento: the year's review record (committee, date, summary, problems).
    FollowRecord,
    /// Seguimiento: descartada in one key, or back to the status its degree suggests.
    FollowDrop,
    ToggleLabels,
    /// Copy the session summary (Markdown, with HTML for word processors).
    Copy,
    /// Choose a format, then copy.
    CopyAs,
    // The file changed on disk while edits were unsaved
    ReloadTheirs,
    KeepMine,
    Undo,
    Redo,
    // Text input
    Submit,
    Cancel,
    TextKey(KeyEvent),
    Paste(String),
    // Session and app
    Save,
    ToggleHelp,
    Back,
    Quit,
    // Browser
    Open,
    NewSession,
    /// A new session carrying over the selected one's factors and open actions (`dafo new --from`).
    NewSessionFrom,
    /// The terminal was resized; nothing to change, but it is worth a redraw.
    Resize,
    // ---- In the room (issue 6) ----
    /// Themes, presentation, zoom, time-box, votes, mouse selection.
    Room(RoomAction),
    /// The room taking part (issue 28): its pane's keys.
    Sala(super::sala::SalaAction),
    /// `dafo merge --review` in a terminal: an answer about the pair on screen.
    MergeReview(crate::merge::review::ReviewStep),
}

impl Action {
    /// Whether the action opens something to edit the session with (an input
    /// line, a form, a picker, a question): a read-only session refuses it at
    /// once instead of opening what could only be thrown away. Every action
    /// is named here, so a new one cannot be left out by mistake.
    pub fn opens_editing(&self) -> bool {
        use Action as A;
        match self {
            A::StartAdd
            | A::StartEdit
            | A::StartMove
            | A::StartJoin
            | A::StartImpact
            | A::StartLink
            | A::StartForm
            | A::PlaceInLine
            | A::EditMeta
            | A::PlanAddAxis
            | A::PlanAddLine
            | A::FollowNote
            | A::FollowValue
            | A::FollowRecord
            | A::TagThemes
            | A::TagImpacts
            | A::Paste(_) => true,
            // Edits made at once go through the document, which refuses them
            // itself in a read-only session; the rest edit nothing.
            A::Focus(_)
            | A::NextQuadrant
            | A::PrevQuadrant
            | A::NextPane
            | A::PrevPane
            | A::NextTarget
            | A::PrevTarget
            | A::Up
            | A::Down
            | A::Left
            | A::Right
            | A::First
            | A::Last
            | A::Delete
            | A::ShiftUp
            | A::ShiftDown
            | A::MoveTo(_)
            | A::Vote(_)
            | A::DegreeStep(_)
            | A::Rate(_)
            | A::CycleSort
            | A::CycleSource
            | A::FilterTheme
            | A::KeepVersion
            | A::ShowClashes
            | A::ClashHere
            | A::ClashOther
            | A::ClashBoth
            | A::JoinKeep(_)
            | A::CycleStatus
            | A::Toggle
            | A::ShowCame
            | A::ShowCrossed
            | A::ShowWeights
            | A::ShowPlan
            | A::PlanPlace
            | A::PlanTakeOut
            | A::PlanDelete
            | A::ToggleSchedule
            | A::ShowFollow
            | A::FollowDrop
            | A::ToggleLabels
            | A::Copy
            | A::CopyAs
            | A::ReloadTheirs
            | A::KeepMine
            | A::Undo
            | A::Redo
            | A::Submit
            | A::Cancel
            | A::TextKey(_)
            | A::Save
            | A::ToggleHelp
            | A::Back
            | A::Quit
            | A::Open
            | A::NewSession
            | A::NewSessionFrom
            | A::Resize
            | A::Room(_)
            | A::Sala(_)
            | A::MergeReview(_) => false,
        }
    }
}

/// Which wording a join keeps: the factor that stays (`Target`) or the one joined into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinKeep {
    Target,
    Other,
}
