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
    VoteUp,
    VoteDown,
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
    /// The terminal was resized; nothing to change, but it is worth a redraw.
    Resize,
    // ---- In the room (issue 6) ----
    /// Themes, presentation, zoom, time-box, votes, mouse selection.
    Room(RoomAction),
}
