//! The session screen: focus, selection, the input line and every edit of the DAFO grid.

use std::path::PathBuf;
use std::time::Instant;

use ratatui_textarea::TextArea;

use super::action::Action;
use super::autosave::Autosave;
use super::keymap::Context;
use super::room::Room;
use crate::domain::text::clean_text;
use crate::domain::{Document, Edit, Quadrant, Session};
use crate::i18n::Lang;
use crate::storage;

/// What the input line is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputTarget {
    /// New items for the focused quadrant, one per Enter.
    Add,
    /// Rewording the item with this ID.
    Edit(String),
}

/// What the keys do right now on the session screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Grid,
    Input(InputTarget),
    /// Waiting for 1-4: where to move the selected item.
    MovePick,
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// What the caller should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The user is done with this session (everything is on disk).
    Close,
}

/// An open session and everything the screen needs to show it.
pub struct Editor {
    pub doc: Document,
    pub path: PathBuf,
    pub focus: Quadrant,
    /// Selected item per quadrant, in grid order.
    pub selected: [usize; 4],
    pub mode: Mode,
    pub input: TextArea<'static>,
    pub autosave: Autosave,
    pub notice: Option<Notice>,
    /// Presentation, zoom, time-box, vote visibility (issue 6).
    pub room: Room,
    /// Set when quitting failed to save: a second `q` leaves anyway.
    quit_armed: bool,
    lang: Lang,
}

impl Editor {
    pub fn new(session: Session, path: PathBuf, lang: Lang) -> Editor {
        let room = Room::new(session.total() == 0);
        let doc = Document::new(session);
        Editor {
            room,
            autosave: Autosave::new(doc.revision()),
            doc,
            path,
            focus: Quadrant::Strengths,
            selected: [0; 4],
            mode: Mode::Grid,
            input: TextArea::default(),
            notice: None,
            quit_armed: false,
            lang,
        }
    }

    pub fn session(&self) -> &Session {
        &self.doc.session
    }

    /// The keymap context of the current mode.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Grid => Context::Grid,
            Mode::Input(_) => Context::Input,
            Mode::MovePick => Context::MovePick,
        }
    }

    /// Index of the selected item of `q`, if the quadrant has items.
    pub fn selection(&self, q: Quadrant) -> Option<usize> {
        let len = self.session().factors(q).len();
        (len > 0).then(|| self.selected[q.index()].min(len - 1))
    }

    /// Applies an action; the only place where the session screen changes.
    pub fn update(&mut self, action: Action) -> Outcome {
        if action != Action::Quit {
            self.quit_armed = false;
        }
        if !matches!(action, Action::TextKey(_) | Action::Resize) {
            self.notice = None;
        }
        match action {
            Action::Focus(q) => self.focus = q,
            Action::NextQuadrant => self.focus = Quadrant::from_index(self.focus.index() + 1),
            Action::PrevQuadrant => self.focus = Quadrant::from_index(self.focus.index() + 3),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Left => self.jump(-1, 0),
            Action::Right => self.jump(1, 0),
            Action::First => self.selected[self.focus.index()] = 0,
            Action::Last => {
                self.selected[self.focus.index()] = self.session().factors(self.focus).len().saturating_sub(1)
            }
            Action::StartAdd => self.open_input(InputTarget::Add, ""),
            Action::StartEdit => {
                if let Some(i) = self.selection(self.focus) {
                    let f = &self.session().factors(self.focus)[i];
                    let (id, text) = (f.id.clone(), f.text.clone());
                    self.open_input(InputTarget::Edit(id), &text);
                }
            }
            Action::Delete => self.delete(),
            Action::ShiftUp => self.shift(-1),
            Action::ShiftDown => self.shift(1),
            Action::StartMove => {
                if self.selection(self.focus).is_some() {
                    self.mode = Mode::MovePick;
                }
            }
            Action::MoveTo(to) => self.move_to(to),
            Action::VoteUp => self.vote(1),
            Action::VoteDown => self.vote(-1),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::Submit => self.submit(),
            Action::Cancel => self.mode = Mode::Grid,
            Action::TextKey(key) => {
                self.input.input(key);
            }
            Action::Paste(text) => self.paste(&text),
            Action::Save => {
                if self.save_now(Instant::now()) {
                    self.say(self.lang.pick("Guardado", "Saved").to_owned(), false);
                }
            }
            Action::Quit => return self.quit(),
            Action::Back | Action::ToggleHelp | Action::Open | Action::NewSession | Action::Resize => {}
            Action::Room(_) => {}
        }
        Outcome::Stay
    }

    /// Saves when autosave says so. Call after every event and on timeouts.
    pub fn tick(&mut self, now: Instant) {
        self.autosave.observe(self.doc.revision(), now);
        if self.autosave.due(now) {
            self.save_now(now);
        }
    }

    /// Writes the session to disk now; `false` (and a notice) if it failed.
    pub fn save_now(&mut self, now: Instant) -> bool {
        self.autosave.observe(self.doc.revision(), now);
        self.doc.session.meta.modified = jiff::Timestamp::now();
        let outcome = storage::save(&self.path, &self.doc.session).map_err(|e| format!("{}: {e}", self.path.display()));
        let ok = outcome.is_ok();
        if let Err(e) = &outcome {
            let msg = self.lang.pick("No se pudo guardar", "Could not save");
            self.say(format!("{msg}: {e}"), true);
        }
        self.autosave.record(self.doc.revision(), now, outcome);
        ok
    }

    fn say(&mut self, text: String, error: bool) {
        self.notice = Some(Notice { text, error });
    }

    fn open_input(&mut self, target: InputTarget, text: &str) {
        self.input = TextArea::new(vec![text.to_owned()]);
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Input(target);
    }

    fn input_text(&self) -> String {
        self.input.lines().join(" ")
    }

    fn step(&mut self, delta: isize) {
        let q = self.focus;
        let len = self.session().factors(q).len();
        let cur = self.selection(q).unwrap_or(0);
        match cur.checked_add_signed(delta) {
            Some(next) if next < len => self.selected[q.index()] = next,
            _ => {
                if let Some(n) = q.neighbour(0, delta.signum() as i8) {
                    self.focus = n;
                    let n_len = self.session().factors(n).len();
                    self.selected[n.index()] = if delta < 0 { n_len.saturating_sub(1) } else { 0 };
                }
            }
        }
    }

    fn jump(&mut self, dx: i8, dy: i8) {
        if let Some(n) = self.focus.neighbour(dx, dy) {
            self.focus = n;
        }
    }

    /// Applies an edit as one undo step; reports (never panics on) a misfit.
    fn apply(&mut self, edit: Edit) -> bool {
        match self.doc.apply(edit) {
            Ok(()) => true,
            Err(e) => {
                self.say(e.to_string(), true);
                false
            }
        }
    }

    fn submit(&mut self) {
        let text = self.input_text();
        match self.mode.clone() {
            Mode::Input(InputTarget::Add) => {
                if let Some(edit) = self.doc.session.add_factor(self.focus, &text)
                    && self.apply(edit)
                {
                    self.selected[self.focus.index()] = self.session().factors(self.focus).len() - 1;
                }
                // Rapid capture: the line stays open for the next item.
                self.input = TextArea::default();
            }
            Mode::Input(InputTarget::Edit(id)) => {
                if let Some((q, i)) = self.session().find_factor(&id)
                    && let Some(edit) = self.session().reword_factor(q, i, &text)
                {
                    self.apply(edit);
                }
                self.mode = Mode::Grid;
            }
            Mode::Grid | Mode::MovePick => {}
        }
    }

    fn paste(&mut self, raw: &str) {
        let lines: Vec<String> = raw.lines().map(clean_text).filter(|l| !l.is_empty()).collect();
        match (&self.mode, lines.len()) {
            (_, 0) => {}
            // Several lines pasted while adding: one item per line, one undo step.
            (Mode::Input(InputTarget::Add), n) if n > 1 && self.input_text().trim().is_empty() => {
                let edit = self.doc.session.add_factors(self.focus, lines.iter().map(String::as_str));
                if edit.is_some_and(|e| self.apply(e)) {
                    self.selected[self.focus.index()] = self.session().factors(self.focus).len() - 1;
                    self.say(format!("{n} {}", self.lang.pick("elementos añadidos", "items added")), false);
                }
            }
            (Mode::Input(_), _) => {
                self.input.insert_str(lines.join(" "));
            }
            (Mode::Grid, _) => {
                self.open_input(InputTarget::Add, &lines.join(" "));
            }
            (Mode::MovePick, _) => {}
        }
    }

    fn delete(&mut self) {
        let q = self.focus;
        let Some(i) = self.selection(q) else { return };
        let id = self.session().factors(q)[i].id.clone();
        if let Some(edit) = self.session().delete_factor(q, i)
            && self.apply(edit)
        {
            let undo = self.lang.pick("u para deshacer", "u to undo");
            let gone = self.lang.pick("Borrado", "Deleted");
            self.say(format!("{gone} {id} ({undo})"), false);
        }
    }

    fn shift(&mut self, delta: isize) {
        let q = self.focus;
        let Some(i) = self.selection(q) else { return };
        if let Some(edit) = self.session().shift_factor(q, i, delta)
            && self.apply(edit)
        {
            self.selected[q.index()] = i.saturating_add_signed(delta);
        }
    }

    fn move_to(&mut self, to: Quadrant) {
        self.mode = Mode::Grid;
        let q = self.focus;
        let Some(i) = self.selection(q) else { return };
        let old_id = self.session().factors(q)[i].id.clone();
        if let Some(edit) = self.doc.session.move_factor(q, i, to)
            && self.apply(edit)
        {
            let new_id = self.session().factors(to).last().map(|f| f.id.clone()).unwrap_or_default();
            self.say(format!("{old_id} → {new_id} ({})", self.lang.quadrant(to)), false);
        }
    }

    fn vote(&mut self, delta: i32) {
        let q = self.focus;
        let Some(i) = self.selection(q) else { return };
        if let Some(edit) = self.session().vote_factor(q, i, delta) {
            self.apply(edit);
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo { self.doc.undo() } else { self.doc.redo() };
        if !done {
            let nothing = if undo {
                self.lang.pick("Nada que deshacer", "Nothing to undo")
            } else {
                self.lang.pick("Nada que rehacer", "Nothing to redo")
            };
            self.say(nothing.to_owned(), false);
        }
    }

    /// Saves now if anything is not on disk yet; `true` when all is on disk.
    pub fn flush(&mut self) -> bool {
        let now = Instant::now();
        self.autosave.observe(self.doc.revision(), now);
        !self.autosave.is_dirty() || self.save_now(now)
    }

    fn quit(&mut self) -> Outcome {
        if self.quit_armed || self.flush() {
            return Outcome::Close;
        }
        self.quit_armed = true;
        let msg = self.lang.pick(
            "No se pudo guardar. Ctrl-s reintenta; q otra vez sale SIN guardar",
            "Could not save. Ctrl-s retries; q again quits WITHOUT saving",
        );
        let detail = self.autosave.error.clone().unwrap_or_default();
        self.say(format!("{msg} ({detail})"), true);
        Outcome::Stay
    }
}
