//! The session screen: focus, selection, the input line and every edit of the DAFO grid.

use std::path::PathBuf;
use std::time::Instant;

use ratatui_textarea::TextArea;

use super::action::Action;
use super::autosave::Autosave;
use super::form::Form;
use super::keymap::Context;
use super::picker::Picker;
use super::room::Room;
use super::saver::Saver;
use crate::domain::{Crossed, Document, Edit, Quadrant, Session};
use crate::i18n::Lang;
use crate::storage::{DiskState, SessionFile};

/// What the input line is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputTarget {
    /// New factors for the focused quadrant, one per Enter.
    Add,
    /// Rewording the factor with this ID.
    Edit(String),
    /// New actions for the focused CAME quadrant, linked to these factors.
    AddAction(Vec<String>),
    /// Rewording the action with this ID.
    EditAction(String),
    /// The text of a new crossed strategy pairing these two factors.
    AddStrategy(Crossed, [String; 2]),
    /// Rewording the strategy with this ID.
    EditStrategy(String),
    /// The EFI/EFE weight of the factor with this ID.
    Weight(String),
}

/// What the keys do right now on the session screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Moving around the current view.
    Grid,
    Input(InputTarget),
    /// Waiting for 1-4: where to move the selected item.
    MovePick,
    /// Waiting for 0-5: the impact of the selected factor.
    ImpactPick,
    /// Choosing factors from a searchable list (`Editor::picker`).
    Picker,
    /// The file changed on disk while edits were unsaved: reload or keep mine.
    Conflict,
    /// Filling in the action form (`Editor::form`).
    Form,
}

/// Which screen of the session is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The DAFO grid.
    Dafo,
    /// CAME: each quadrant's factors beside the actions that answer them.
    Came,
    /// The crossed matrix: FO, DO, FA, DA strategies.
    Crossed,
    /// The weighted evaluation (EFI, EFE).
    Weights,
}

/// In the CAME view: the factor list or the action list of a quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Factors,
    Actions,
}

/// Display order of factors; the stored order is never changed by sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Own,
    Votes,
    Impact,
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
    pub view: View,
    pub pane: Pane,
    /// Selected action per CAME quadrant.
    pub action_sel: [usize; 4],
    /// Selected strategy per crossed-matrix cell.
    pub strategy_sel: [usize; 4],
    /// Selected row of the EFI and the EFE table.
    pub weight_sel: [usize; 2],
    pub sort: Sort,
    /// Only the factors of this source are shown (`F` cycles it).
    pub source_filter: Option<String>,
    pub picker: Option<Picker>,
    pub form: Option<Form>,
    pub input: TextArea<'static>,
    pub autosave: Autosave,
    /// Saves in the background through the open file.
    pub(super) saver: Saver,
    /// Why this session cannot be edited here (another dafo holds it).
    pub read_only: Option<String>,
    /// The file changed on disk while we had unsaved edits: its new fingerprint.
    pub conflict: Option<DiskState>,
    pub(super) last_check: Option<Instant>,
    pub notice: Option<Notice>,
    /// Presentation, zoom, time-box, vote visibility (issue 6).
    pub room: Room,
    /// Set when quitting failed to save: a second `q` leaves anyway.
    quit_armed: bool,
    pub(super) lang: Lang,
}

impl Editor {
    /// An editor on a session read from (or just written to) `file`.
    pub fn new(session: Session, file: SessionFile, lang: Lang) -> Editor {
        let room = Room::new(session.total() == 0);
        let doc = Document::new(session);
        let saver = Saver::new(file);
        let (path, read_only) = (saver.path(), saver.read_only());
        Editor {
            saver,
            read_only,
            conflict: None,
            last_check: None,
            room,
            autosave: Autosave::new(doc.revision()),
            doc,
            path,
            focus: Quadrant::Strengths,
            selected: [0; 4],
            mode: Mode::Grid,
            view: View::Dafo,
            pane: Pane::Factors,
            action_sel: [0; 4],
            strategy_sel: [0; 4],
            weight_sel: [0; 2],
            sort: Sort::Own,
            source_filter: None,
            picker: None,
            form: None,
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
            Mode::Grid => self.view_context(),
            Mode::Input(_) => Context::Input,
            Mode::MovePick => Context::MovePick,
            Mode::ImpactPick => Context::ImpactPick,
            Mode::Picker => Context::Picker,
            Mode::Form => Context::Form,
            Mode::Conflict => Context::Conflict,
        }
    }

    /// The keymap context of the current view, whatever the mode.
    pub fn view_context(&self) -> Context {
        match self.view {
            View::Dafo => Context::Grid,
            View::Came => Context::Came,
            View::Crossed => Context::Crossed,
            View::Weights => Context::Weights,
        }
    }

    /// Index of the selected factor of `q`, if the quadrant has factors.
    pub fn selection(&self, q: Quadrant) -> Option<usize> {
        let len = self.session().factors(q).len();
        let i = (len > 0).then(|| self.selected[q.index()].min(len - 1))?;
        self.shown(q, i).then_some(i)
    }

    /// Stored indices of the factors of `q` in display order (see [`Sort`]).
    pub fn order(&self, q: Quadrant) -> Vec<usize> {
        let factors = self.session().factors(q);
        let mut order: Vec<usize> = (0..factors.len()).collect();
        match self.sort {
            Sort::Own => {}
            // Stable sorts: ties keep the facilitator's order.
            Sort::Votes => order.sort_by_key(|&i| std::cmp::Reverse(factors[i].votes)),
            Sort::Impact => order.sort_by_key(|&i| std::cmp::Reverse(factors[i].impact.unwrap_or(0))),
        }
        self.filter_by_source(&mut order, factors);
        order
    }

    /// Applies an action; the only place where the session screen changes.
    pub fn update(&mut self, action: Action) -> Outcome {
        if action != Action::Quit {
            self.quit_armed = false;
        }
        if !matches!(action, Action::TextKey(_) | Action::Resize) {
            self.notice = None;
        }
        match self.mode {
            Mode::Input(_) => self.update_input(action),
            Mode::MovePick => match action {
                Action::MoveTo(to) => self.move_to(to),
                _ => self.mode = Mode::Grid,
            },
            Mode::ImpactPick => {
                if let Action::Rate(n) = action {
                    self.set_impact(n);
                }
                self.mode = Mode::Grid;
            }
            Mode::Picker => self.update_picker(action),
            Mode::Form => self.update_form(action),
            Mode::Conflict => self.update_conflict(action),
            // A read-only session opens no input, form or picker that could only be thrown away.
            Mode::Grid if self.read_only.is_some() && starts_editing(&action) => self.say_read_only(),
            Mode::Grid => return self.update_view(action),
        }
        Outcome::Stay
    }

    /// Keys that work the same in every view, then the view's own.
    fn update_view(&mut self, action: Action) -> Outcome {
        match action {
            Action::Focus(q) => self.focus = q,
            Action::NextQuadrant => self.focus = Quadrant::from_index(self.focus.index() + 1),
            Action::PrevQuadrant => self.focus = Quadrant::from_index(self.focus.index() + 3),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::ShowCame => self.show(if self.view == View::Came { View::Dafo } else { View::Came }),
            Action::ShowCrossed => self.show(if self.view == View::Crossed { View::Dafo } else { View::Crossed }),
            Action::ShowWeights => self.show(if self.view == View::Weights { View::Dafo } else { View::Weights }),
            Action::Back => self.show(View::Dafo),
            Action::ToggleLabels => {
                let mut meta = self.session().meta.clone();
                meta.labels = meta.labels.toggle();
                self.apply(Edit::Meta(Box::new(meta)));
            }
            Action::CycleSort => {
                self.sort = match self.sort {
                    Sort::Own => Sort::Votes,
                    Sort::Votes => Sort::Impact,
                    Sort::Impact => Sort::Own,
                };
                let name = match self.sort {
                    Sort::Own => self.lang.pick("orden propio", "own order"),
                    Sort::Votes => self.lang.pick("ordenado por votos", "sorted by votes"),
                    Sort::Impact => self.lang.pick("ordenado por impacto", "sorted by impact"),
                };
                self.say(name.to_owned(), false);
            }
            Action::StartImpact => {
                if self.selection(self.focus).is_some() {
                    self.mode = Mode::ImpactPick;
                }
            }
            Action::Save => {
                if self.save_now(Instant::now()) {
                    self.say(self.lang.pick("Guardado", "Saved").to_owned(), false);
                }
            }
            Action::Quit => return self.quit(),
            Action::Copy => self.copy_summary(None),
            Action::CopyAs => self.copy_as(),
            Action::Paste(text) if self.view == View::Dafo => self.paste(&text),
            other => match self.view {
                View::Dafo => self.update_dafo(other),
                View::Came => self.update_came(other),
                View::Crossed => self.update_crossed(other),
                View::Weights => self.update_weights(other),
            },
        }
        Outcome::Stay
    }

    fn show(&mut self, view: View) {
        if view == View::Came && self.view != View::Came {
            // New actions go by default to the first factor without one.
            for q in Quadrant::ALL {
                if let Some(i) = self.session().first_unanswered(q) {
                    self.selected[q.index()] = i;
                }
            }
            self.pane = Pane::Factors;
        }
        self.view = view;
    }

    fn update_input(&mut self, action: Action) {
        match action {
            Action::Submit => self.submit(),
            Action::Cancel => self.mode = Mode::Grid,
            Action::TextKey(key) => {
                self.input.input(key);
            }
            Action::Paste(text) => self.paste(&text),
            _ => {}
        }
    }

    pub(super) fn edit_factor(&mut self) {
        if let Some(i) = self.selection(self.focus) {
            let f = &self.session().factors(self.focus)[i];
            let (id, text) = (f.id.clone(), f.text.clone());
            self.open_input(InputTarget::Edit(id), &text);
        }
    }

    fn set_impact(&mut self, n: u8) {
        let q = self.focus;
        if let Some(i) = self.selection(q)
            && let Some(edit) = self.session().change_factor(q, i, |f| f.impact = (n > 0).then_some(n))
        {
            self.apply(edit);
        }
    }

    pub(super) fn say_read_only(&mut self) {
        let msg = self.lang.pick(
            "Solo lectura: la sesión está abierta en otro dafo (ver la barra de título)",
            "Read-only: the session is open in another dafo (see the title bar)",
        );
        self.say(msg.to_owned(), true);
    }

    pub(super) fn say(&mut self, text: String, error: bool) {
        self.notice = Some(Notice { text, error });
    }

    pub(super) fn open_input(&mut self, target: InputTarget, text: &str) {
        self.input = TextArea::new(vec![text.to_owned()]);
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Input(target);
    }

    pub(super) fn input_text(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Applies an edit as one undo step; reports (never panics on) a misfit.
    /// A read-only session (open in another dafo) takes no edits.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        if self.read_only.is_some() {
            self.say_read_only();
            return false;
        }
        match self.doc.apply(edit) {
            Ok(()) => true,
            Err(e) => {
                self.say(e.to_string(), true);
                false
            }
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

/// Actions that open something to edit the session with.
fn starts_editing(action: &Action) -> bool {
    matches!(
        action,
        Action::StartAdd
            | Action::StartEdit
            | Action::StartMove
            | Action::StartImpact
            | Action::StartLink
            | Action::StartForm
            | Action::Paste(_)
    )
}
