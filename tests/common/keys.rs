//! Typing into an [`App`] as a facilitator would, without a terminal: the keys go
//! through the keymap (`action_for`) and `handle`, as in the event loop.

use dafo::app::{App, Editor, Screen};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// One key with `mods` held; a key the keymap does not bind does nothing.
pub fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = app.action_for(&Event::Key(KeyEvent::new(code, mods))) {
        app.handle(a);
    }
}

/// One key without modifiers.
pub fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

/// Each character of `text` as a key.
pub fn typ(app: &mut App, text: &str) {
    text.chars().for_each(|c| press(app, KeyCode::Char(c)));
}

/// The open session's editor.
pub fn ed(app: &App) -> &Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        Screen::Browser(_) => panic!("no session open"),
    }
}

/// The status-line message of the open session, or "".
pub fn notice(app: &App) -> String {
    ed(app).notice().map(|n| n.text.clone()).unwrap_or_default()
}
