//! Mouse: click focuses a quadrant or selects an item, the wheel moves the selection, double-click edits.
//!
//! Hits are computed from the state and the terminal size with the same layout
//! functions the renderer uses, so nothing drawn needs to be remembered.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{MIN_HEIGHT, MIN_WIDTH, areas, grid, presentation};
use crate::app::keymap::Context;
use crate::app::room::RoomAction;
use crate::app::{Action, App, Screen};
use crate::domain::Quadrant;

/// Two clicks on the same item within this time are a double-click.
const DOUBLE: Duration = Duration::from_millis(450);

/// What the pointer is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub quadrant: Quadrant,
    pub item: Option<usize>,
}

/// The last click, to recognise a double-click. Kept by the event loop.
#[derive(Debug, Default, Clone)]
pub struct Clicks {
    last: Option<(Instant, Hit)>,
}

/// The quadrant and item at a screen cell, on a terminal of size `area`.
pub fn hit(app: &App, area: Rect, col: u16, row: u16) -> Option<Hit> {
    let Screen::Editor(editor) = &app.screen else { return None };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let presenting = editor.presenting();
    // Clicks select factors of the DAFO grid only (the other views present without them).
    if editor.view() != crate::app::editor::View::Dafo {
        return None;
    }
    let body = if presenting { presentation::body(area) } else { areas(area)[1] };
    let at = Position::new(col, row);
    let (quadrant, cell) = grid::quadrant_areas(editor, body).into_iter().find(|(_, r)| r.contains(at))?;
    let rows = if presenting {
        presentation::item_rows(editor, quadrant, cell, app.lang())
    } else {
        grid::item_rows(editor, quadrant, cell)
    };
    let item = rows.into_iter().find(|(_, r)| r.contains(at)).map(|(i, _)| i);
    Some(Hit { quadrant, item })
}

/// The actions a mouse event asks for; `now` only tells double-clicks apart.
pub fn actions(app: &App, area: Rect, ev: &MouseEvent, now: Instant, clicks: &mut Clicks) -> Vec<Action> {
    let ctx = app.context();
    let over = || hit(app, area, ev.column, ev.row);
    match (ctx, ev.kind) {
        (Context::Browser, MouseEventKind::ScrollUp) => vec![Action::Up],
        (Context::Browser, MouseEventKind::ScrollDown) => vec![Action::Down],
        (Context::Grid | Context::Present, MouseEventKind::ScrollUp | MouseEventKind::ScrollDown) => {
            let step = if ev.kind == MouseEventKind::ScrollUp { Action::Up } else { Action::Down };
            match over() {
                Some(h) => vec![Action::Room(RoomAction::Select(h.quadrant, None)), step],
                None => vec![step],
            }
        }
        (Context::Grid | Context::Present, MouseEventKind::Down(MouseButton::Left)) => {
            let Some(h) = over() else { return Vec::new() };
            let double = h.item.is_some()
                && clicks.last.is_some_and(|(at, prev)| prev == h && now.saturating_duration_since(at) <= DOUBLE);
            clicks.last = if double { None } else { Some((now, h)) };
            let mut out = vec![Action::Room(RoomAction::Select(h.quadrant, h.item))];
            if double && ctx == Context::Grid {
                out.push(Action::StartEdit);
            }
            out
        }
        _ => Vec::new(),
    }
}
