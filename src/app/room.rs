//! In the room: theme choice, presentation mode, zoom, the time-box and vote visibility.

use std::time::Instant;

use super::editor::Editor;
use super::overlay::{Overlay, Presentation};
use super::timer::Timer;
use super::{Action, App, Screen};
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// The themes a facilitator can pick (`--theme`, `t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// Light text on dark: the default.
    #[default]
    Dark,
    /// Black on white, high contrast: bright rooms, weak projectors.
    Light,
    /// No colour at all (what `NO_COLOR` forces).
    Mono,
}

impl ThemeName {
    /// The next theme for `t`.
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Mono,
            ThemeName::Mono => ThemeName::Dark,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let themes = &lang.text().ui.themes;
        match self {
            ThemeName::Dark => themes[0],
            ThemeName::Light => themes[1],
            ThemeName::Mono => themes[2],
        }
    }
}

/// Which theme is showing, and whether `NO_COLOR` pins it to monochrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    pub theme: ThemeName,
    pub no_color: bool,
}

impl Look {
    /// The theme asked for on the command line, unless `NO_COLOR` (set and not empty) forbids colour.
    pub fn resolve(asked: Option<ThemeName>, no_color: Option<&std::ffi::OsStr>) -> Look {
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        let theme = if no_color { ThemeName::Mono } else { asked.unwrap_or_default() };
        Look { theme, no_color }
    }

    /// [`Look::resolve`] with this process's `NO_COLOR`.
    pub fn from_env(asked: Option<ThemeName>) -> Look {
        Look::resolve(asked, std::env::var_os("NO_COLOR").as_deref())
    }
}

/// What the room actions ask for; `App::update` handles them before the screens see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomAction {
    /// `t`: the next theme.
    CycleTheme,
    /// `p`: presentation mode on or off.
    TogglePresent,
    /// `z`: the focused quadrant full-screen, or back to the grid.
    ToggleZoom,
    /// `T`: time-box 10 → 15 → 5 minutes → off.
    CycleTimer,
    /// `V`: hide or reveal the vote counts.
    ToggleVotes,
    /// A mouse click: focus a quadrant and maybe select one of its items.
    Select(Quadrant, Option<usize>),
}

/// The room-facing state of an open session.
#[derive(Debug, Clone, Default)]
pub struct Room {
    pub zoom: bool,
    pub votes_hidden: bool,
    pub timer: Timer,
    /// The time of the last tick: everything drawn about time is relative to it.
    pub now: Option<Instant>,
}

impl Room {
    /// Time passes: starts a just-armed timer and remembers `now` for drawing.
    pub fn tick(&mut self, now: Instant) {
        self.now = Some(now);
        self.timer.tick(now);
    }

    /// When the screen must be redrawn for the time-box's next second.
    pub fn deadline(&self) -> Option<Instant> {
        self.timer.next_change(self.now?)
    }
}

impl App {
    /// Presentation closes: the room gets back the selection and zoom it started from.
    pub(crate) fn close_presentation(&mut self, kept: Presentation) {
        if let Screen::Editor(e) = &mut self.screen {
            e.clear_notice(Instant::now());
            e.views = kept.views;
            e.room.zoom = kept.zoom;
        }
    }

    /// Handles the room's actions; `true` when the action was the room's and
    /// nothing else should see it.
    pub(crate) fn room_update(&mut self, action: &Action) -> bool {
        let Action::Room(room) = action else { return false };
        let lang = self.lang();
        match room {
            RoomAction::CycleTheme => {
                let text = if self.look.no_color {
                    lang.text().ui.no_color.to_owned()
                } else {
                    self.look.theme = self.look.theme.next();
                    let t = super::keymap::key_for(self.context(), action, lang);
                    let ui = &lang.text().ui;
                    format!("{}: {} ({t} {})", ui.theme, self.look.theme.label(lang), ui.changes)
                };
                *self.notice_mut() = Some(super::Notice::new(text, false));
            }
            _ => {
                if let Screen::Editor(e) = &mut self.screen {
                    editor_room_update(e, room, lang);
                }
            }
        }
        true
    }

    /// Whether a clock is on screen (time-box or "guardado hace…"), so idle wake-ups should redraw.
    pub fn clock_showing(&self) -> bool {
        match &self.screen {
            Screen::Editor(e) => e.room.timer.is_set() || e.autosave().last_saved.is_some() || e.sala().is_some(),
            Screen::Browser(_) => false,
        }
    }
}

fn editor_room_update(e: &mut Editor, action: &RoomAction, lang: Lang) {
    e.clear_notice(Instant::now());
    match action {
        RoomAction::CycleTheme => {}
        // Leaving is the presentation overlay's own (`App::closed`).
        RoomAction::TogglePresent => {
            let kept = Presentation { views: e.views.clone(), zoom: e.room.zoom };
            e.overlays.push(Overlay::Presentation(Box::new(kept)));
        }
        RoomAction::ToggleZoom => e.room.zoom = !e.room.zoom,
        RoomAction::CycleTimer => {
            e.room.timer.cycle();
            let key = super::keymap::key_for(e.view_context(), &Action::Room(action.clone()), lang);
            let ui = &lang.text().ui;
            let text = match e.room.timer.minutes() {
                Some(m) => format!("{}: {m} min ({key} {})", ui.time_box, ui.changes),
                None => ui.time_box_off.to_owned(),
            };
            e.say(text, false);
        }
        RoomAction::ToggleVotes => {
            e.room.votes_hidden = !e.room.votes_hidden;
            let key = super::keymap::key_for(e.view_context(), &Action::Room(action.clone()), lang);
            let text = if e.room.votes_hidden {
                (lang.text().ui.votes_hidden_key)(&key)
            } else {
                lang.text().ui.votes_shown.to_owned()
            };
            e.say(text, false);
        }
        RoomAction::Select(q, item) => {
            e.views.focus = *q;
            if let Some(i) = item {
                e.views.factors.selected[q.index()] = *i;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_forces_mono() {
        let set = std::ffi::OsStr::new("1");
        assert_eq!(Look::resolve(Some(ThemeName::Light), Some(set)).theme, ThemeName::Mono);
        assert_eq!(Look::resolve(Some(ThemeName::Light), Some(std::ffi::OsStr::new(""))).theme, ThemeName::Light);
        assert_eq!(Look::resolve(None, None).theme, ThemeName::Dark);
    }

    #[test]
    fn themes_cycle_through_all_three() {
        let t = ThemeName::Dark;
        assert_eq!(t.next().next().next(), t);
        assert_ne!(t.next(), t);
    }
}
