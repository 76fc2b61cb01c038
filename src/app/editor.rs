//! The session screen: its state, read through a few methods, and the keys common to every view.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::action::Action;
use super::autosave::Autosave;
use super::effect::Effect;
use super::keymap::Context;
pub use super::mode::{Input, InputTarget, Join, Mode};
pub use super::overlay::Conflict;
use super::overlay::Overlays;
use super::room::Room;
use super::saver::Saver;
pub use super::selection::{Pane, Sort, View, Views};
use crate::domain::{Document, Edit, Quadrant, Session};
use crate::i18n::Lang;
use crate::storage::SessionFile;

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// Kept on screen until then even if keys are pressed (news from outside).
    pub(crate) hold_until: Option<Instant>,
}

impl Notice {
    pub fn new(text: String, error: bool) -> Notice {
        Notice { text, error, hold_until: None }
    }
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
    pub(super) doc: Document,
    path: PathBuf,
    pub(super) mode: Mode,
    pub(super) views: Views,
    pub(super) autosave: Autosave,
    /// Saves in the background through the open file.
    pub(super) saver: Saver,
    /// Why this session cannot be edited here (another dafo holds it).
    pub(super) read_only: Option<String>,
    pub(super) last_check: Option<Instant>,
    /// How changes made on disk by other programs are noticed.
    pub(super) watch: super::watch::DiskWatch,
    pub(super) notice: Option<Notice>,
    /// Presentation, zoom, time-box, vote visibility (issue 6).
    pub(super) room: Room,
    /// What sits on top of the view: presentation, the conflict question, the help.
    pub(super) overlays: Overlays,
    /// Set when quitting failed to save: a second `q` leaves anyway.
    pub(super) quit_armed: bool,
    /// The plan view asked to confirm deleting an eje or línea that holds actions.
    pub(super) delete_armed: bool,
    pub(super) lang: Lang,
    /// Effects asked for by the current action, for the terminal loop.
    pub(super) outbox: Vec<Effect>,
    /// Words typed on input lines and forms closed with `Esc`, the newest last,
    /// one for each place: each given back by the next input line or form
    /// opened in its place, the newest also by `u`. A second draft never
    /// replaces the first (the first one's words were lost so).
    pub(super) drafts: Vec<super::draft::Draft>,
    /// "Today" fixed by tests; `None` reads the clock.
    pub(super) today: Option<jiff::civil::Date>,
    /// The línea an action was last placed in with the línea picker: the next
    /// picker starts on it.
    pub(super) last_line: Option<String>,
    /// The action the open line of new CAME actions added last (Ctrl-l places it).
    pub(super) last_added: Option<String>,
    /// The carried-over count of the session at a revision: counted once per
    /// change, not on every frame (a 100,000-factor session takes milliseconds).
    pub(super) unconfirmed_at: std::cell::Cell<Option<(u64, (usize, usize))>>,
    /// The display order of each quadrant, kept until the session, the sort or
    /// the source filter changes: never sorted again on every frame.
    order_at: std::cell::RefCell<[Option<KeptOrder>; 4]>,
    /// The room taking part (issue 28), when open.
    pub(super) sala: Option<Box<crate::sala::Live>>,
    /// Where the room listens (`--room-bind`); `None`: the LAN address.
    pub(super) sala_bind: Option<std::net::IpAddr>,
    /// The event loop's channel, which the room's server sends requests on.
    pub(super) events: Option<super::event::AppEventSender>,
}

/// A quadrant's display order and what it was built from.
struct KeptOrder {
    revision: u64,
    sort: Sort,
    source: (Option<String>, Option<String>),
    order: std::sync::Arc<[usize]>,
}

impl Editor {
    /// An editor on a session read from (or just written to) `file`.
    pub fn new(session: Session, file: SessionFile, lang: Lang) -> Editor {
        let room = Room::default();
        let mut overlays = Overlays::default();
        // The "how to begin" card, on an empty session until a key is pressed.
        if session.total() == 0 {
            overlays.push(super::overlay::Overlay::FirstStart);
        }
        let doc = Document::new(session);
        let saver = Saver::new(file);
        let (path, read_only) = (saver.path(), saver.read_only(lang));
        let mut editor = Editor {
            saver,
            read_only,
            last_check: None,
            watch: super::watch::DiskWatch::default(),
            room,
            overlays,
            autosave: Autosave::new(doc.revision()),
            doc,
            path,
            mode: Mode::Grid,
            views: Views::default(),
            notice: None,
            quit_armed: false,
            delete_armed: false,
            unconfirmed_at: std::cell::Cell::new(None),
            order_at: std::cell::RefCell::new(Default::default()),
            lang,
            outbox: Vec::new(),
            drafts: Vec::new(),
            today: None,
            last_line: None,
            last_added: None,
            sala: None,
            sala_bind: None,
            events: None,
        };
        if editor.read_only.is_some() {
            editor.say_read_only();
        } else {
            editor.say_carried();
            editor.say_clashes();
            editor.say_journal_found();
        }
        editor
    }

    // ---- What the screen reads ----

    pub fn session(&self) -> &Session {
        &self.doc.session
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The view showing.
    pub fn view(&self) -> View {
        self.views.showing
    }

    /// The quadrant in focus (each view reads it as its own cell).
    pub fn focus(&self) -> Quadrant {
        self.views.focus
    }

    /// Every view's selection.
    pub fn views(&self) -> &Views {
        &self.views
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The language of the interface: the editor is its one owner while it shows.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn room(&self) -> &Room {
        &self.room
    }

    /// What sits on top of the view, bottom first.
    pub fn overlays(&self) -> &Overlays {
        &self.overlays
    }

    /// Whether the room sees the view in presentation mode.
    pub fn presenting(&self) -> bool {
        self.overlays.presentation().is_some()
    }

    /// When the session was saved and whether something is pending or failed.
    pub fn autosave(&self) -> &Autosave {
        &self.autosave
    }

    /// When the next autosave can start, if one is pending and nothing holds it
    /// back. While the file is read-only, a conflict waits for its answer or a
    /// save is under way, the deadline may be past without a save starting: the
    /// terminal loop must not wake for it (it would spin), and a save under way
    /// wakes it by itself when it ends.
    pub fn save_deadline(&self) -> Option<Instant> {
        if self.saving_held() { None } else { self.autosave.deadline() }
    }

    /// When the file must be looked at again without an event telling of a
    /// change (no watcher, or waiting for another dafo to let go of it).
    pub fn disk_deadline(&self) -> Option<Instant> {
        self.watch.deadline(self.last_check, self.read_only.is_some())
    }

    /// When "guardado hace…" next changes on screen (every second for a
    /// minute, then every minute, then every hour), if it shows.
    pub fn saved_ago_deadline(&self) -> Option<Instant> {
        let a = &self.autosave;
        if a.is_dirty() || a.error.is_some() {
            return None;
        }
        let (saved, now) = (a.last_saved?, self.room.now?);
        let secs = now.checked_duration_since(saved)?.as_secs();
        let step = match secs {
            0..60 => 1,
            60..3600 => 60,
            _ => 3600,
        };
        Some(saved + std::time::Duration::from_secs((secs / step + 1) * step))
    }

    /// Connects the editor to the event loop: its saves wake the loop, and
    /// changes on disk are told by the system from the next tick on.
    pub fn connect(&mut self, events: super::event::AppEventSender) {
        self.events = Some(events.clone());
        self.saver.bell().connect(events);
    }

    /// Whether no save may start now: read-only, a conflict unanswered, or a save under way.
    pub(super) fn saving_held(&self) -> bool {
        self.read_only.is_some() || self.in_conflict() || self.saver.busy()
    }

    /// Why the session cannot be edited here, if so.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Whether the file changed on disk under unsaved edits and the question is open.
    pub fn in_conflict(&self) -> bool {
        self.overlays.conflict().is_some()
    }

    /// The keymap context of the current mode.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Grid => self.view_context(),
            Mode::Input(Input { target: InputTarget::AddAction(_), .. }) => Context::ActionInput,
            Mode::Input(_) => Context::Input,
            Mode::MovePick => Context::MovePick,
            Mode::ImpactPick => Context::ImpactPick,
            Mode::Clashes(_) => Context::Clashes,
            Mode::JoinMark(_) => Context::JoinMark,
            Mode::Join(_) => Context::JoinWording,
            Mode::Sala(_) => Context::Sala,
        }
    }

    /// The keymap context of the current view, whatever the mode.
    pub fn view_context(&self) -> Context {
        match self.views.showing {
            View::Dafo => Context::Grid,
            View::Came => match self.views.came.pane {
                Pane::Factors => Context::CameFactors,
                Pane::Actions => Context::CameActions,
            },
            View::Crossed => Context::Crossed,
            View::Weights => Context::Weights,
            View::Plan => super::plan::context(self.views.plan.pane),
            View::Follow => Context::Follow,
        }
    }

    /// Index of the selected factor of `q`, if the quadrant has factors.
    pub fn selection(&self, q: Quadrant) -> Option<usize> {
        let len = self.session().factors(q).len();
        let i = (len > 0).then(|| self.views.factors.selected[q.index()].min(len - 1))?;
        self.shown(q, i).then_some(i)
    }

    /// Stored indices of the factors of `q` in display order (see [`Sort`]):
    /// built once per change of the session, sort or filter, then shared.
    pub fn order(&self, q: Quadrant) -> std::sync::Arc<[usize]> {
        let (revision, sort) = (self.doc.revision(), self.views.factors.sort);
        let source = &(self.views.factors.source.clone(), self.views.factors.theme.clone());
        let mut kept = self.order_at.borrow_mut();
        let slot = &mut kept[q.index()];
        if let Some(k) = slot.as_ref().filter(|k| k.revision == revision && k.sort == sort && k.source == *source) {
            return std::sync::Arc::clone(&k.order);
        }
        let order: std::sync::Arc<[usize]> = self.build_order(q).into();
        *slot = Some(KeptOrder { revision, sort, source: source.clone(), order: std::sync::Arc::clone(&order) });
        order
    }

    fn build_order(&self, q: Quadrant) -> Vec<usize> {
        let factors = self.session().factors(q);
        let mut order: Vec<usize> = (0..factors.len()).collect();
        match self.views.factors.sort {
            Sort::Own => {}
            // Stable sorts: ties keep the facilitator's order.
            Sort::Votes => order.sort_by_key(|&i| std::cmp::Reverse(factors[i].votes)),
            Sort::Impact => order.sort_by_key(|&i| std::cmp::Reverse(factors[i].impact.unwrap_or(0))),
        }
        self.filter_by_source(&mut order, factors);
        if let Some(theme) = &self.views.factors.theme {
            order.retain(|&i| factors[i].themes.contains(theme));
        }
        order
    }

    // ---- Changing it ----

    /// Applies an action; the only place where the session screen changes.
    /// Work it asks for waits in the outbox (`Editor::take_effects`).
    pub fn update(&mut self, action: Action) {
        self.prelude(&action);
        match std::mem::take(&mut self.mode) {
            Mode::Input(input) => self.update_input(input, action),
            Mode::MovePick => {
                if let Action::MoveTo(to) = action {
                    self.move_to(to);
                }
            }
            Mode::ImpactPick => {
                if let Action::Rate(n) = action {
                    self.set_impact(n);
                }
            }
            Mode::Clashes(list) => self.update_clashes(list, action),
            Mode::JoinMark(from) => self.update_join_mark(from, action),
            Mode::Join(join) => self.update_join(join, action),
            Mode::Sala(selected) => self.update_sala(selected, action),
            // A read-only session opens no input, form or picker that could only be thrown away.
            Mode::Grid if self.read_only.is_some() && action.opens_editing() => self.say_read_only(),
            Mode::Grid => self.update_view(action),
        }
    }

    /// What every key does before anything else: it disarms the second `q` and
    /// the confirmation of a delete, and takes an old notice away.
    pub(super) fn prelude(&mut self, action: &Action) {
        if *action != Action::Quit {
            self.quit_armed = false;
        }
        if *action != Action::PlanDelete {
            self.delete_armed = false;
        }
        if !matches!(action, Action::TextKey(_) | Action::Resize) {
            self.clear_notice(Instant::now());
        }
    }

    /// Clears the notice unless it is news from outside still being shown.
    pub(super) fn clear_notice(&mut self, now: Instant) {
        if self.notice.as_ref().is_none_or(|n| n.hold_until.is_none_or(|t| now >= t)) {
            self.notice = None;
        }
    }

    /// Keys that work the same in every view, then the view's own.
    pub(super) fn update_view(&mut self, action: Action) {
        let view = self.views.showing;
        let toggle = |v: View| if view == v { View::Dafo } else { v };
        match action {
            Action::Focus(q) => self.views.focus = q,
            // Presentation's Tab is one for every view: the plan reads it as its next pane.
            Action::NextQuadrant if !matches!(view, View::Plan | View::Follow) => {
                self.views.focus = Quadrant::from_index(self.focus().index() + 1)
            }
            Action::PrevQuadrant if !matches!(view, View::Plan | View::Follow) => {
                self.views.focus = Quadrant::from_index(self.focus().index() + 3)
            }
            Action::Undo if self.drafts.last().is_some_and(|d| d.undo_restores(view)) => self.restore_draft(),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::ShowCame => self.show(toggle(View::Came)),
            Action::ShowCrossed => self.show(toggle(View::Crossed)),
            Action::ShowWeights => self.show(toggle(View::Weights)),
            Action::ShowPlan => self.show(toggle(View::Plan)),
            Action::ShowFollow => self.show(toggle(View::Follow)),
            Action::Back => self.show(View::Dafo),
            Action::EditMeta => self.open_meta_form(),
            Action::ShowClashes => self.open_clashes(),
            Action::Sala(super::sala::SalaAction::Open) => self.open_sala(),
            Action::ToggleLabels => {
                let mut meta = self.session().meta.clone();
                meta.labels = meta.labels.toggle();
                let set = usize::from(meta.labels != crate::domain::LabelSet::Classic);
                if self.apply(Edit::Meta(Box::new(meta))) {
                    self.say(self.lang.text().ui.label_sets[set].to_owned(), false);
                }
            }
            Action::CycleSort => {
                let sort = self.views.factors.sort.next();
                self.views.factors.sort = sort;
                let names = &self.lang.text().ui.sort_names;
                let name = match sort {
                    Sort::Own => names[0],
                    Sort::Votes => names[1],
                    Sort::Impact => names[2],
                };
                self.say(name.to_owned(), false);
            }
            Action::StartImpact => {
                if self.selection(self.focus()).is_some() {
                    self.mode = Mode::ImpactPick;
                }
            }
            Action::Save => self.outbox.push(Effect::SaveNow),
            Action::Quit => self.outbox.push(Effect::Quit),
            Action::Copy => self.copy_summary(None),
            Action::CopyAs => self.copy_as(),
            Action::Paste(text) if view == View::Dafo => self.paste(&text),
            other => match view {
                View::Dafo => self.update_dafo(other),
                View::Came => self.update_came(other),
                View::Crossed => self.update_crossed(other),
                View::Weights => self.update_weights(other),
                View::Plan => self.update_plan(other),
                View::Follow => self.update_follow(other),
            },
        }
    }

    fn show(&mut self, view: View) {
        if view == View::Came && self.views.showing != View::Came {
            // New actions go by default to the first factor without one.
            for q in Quadrant::ALL {
                if let Some(i) = self.session().first_unanswered(q) {
                    self.views.factors.selected[q.index()] = i;
                }
            }
            self.views.came.pane = Pane::Factors;
        }
        self.views.showing = view;
    }

    fn update_input(&mut self, mut input: Input, action: Action) {
        match action {
            Action::Submit => self.submit(input),
            // Writing a clash's text: Esc keeps the words as a draft (`e` on the
            // same clash brings them back) and goes back to the list.
            Action::Cancel if matches!(input.target, InputTarget::Clash(_)) => {
                self.keep_draft(input);
                self.mode = Mode::Clashes(super::clashes::ClashList::default());
            }
            // A room item being edited: Esc leaves it waiting, back in the room pane.
            Action::Cancel if matches!(input.target, InputTarget::SalaItem(_)) => self.mode = Mode::Sala(0),
            Action::Cancel => self.keep_draft(input),
            Action::TextKey(key) => {
                let max = input.target.max_chars();
                let full = super::readline::inserts_text(&key) && input.chars() >= max;
                if !full {
                    super::readline::type_key(&mut input.text, key);
                }
                self.mode = Mode::Input(input);
                if full {
                    self.say((self.lang.text().limits.input_full)(max), true);
                }
            }
            Action::Paste(text) => {
                self.mode = Mode::Input(input);
                self.paste(&text);
            }
            Action::PlaceInLine if matches!(input.target, InputTarget::AddAction(_)) => self.pick_line_for_added(input),
            Action::NextTarget | Action::PrevTarget => {
                // Bound only on a new CAME action's line (`Context::ActionInput`).
                if let InputTarget::AddAction(links) = &mut input.target {
                    let delta = if action == Action::NextTarget { 1 } else { -1 };
                    *links = self.next_target(links, delta);
                }
                self.mode = Mode::Input(input);
            }
            _ => self.mode = Mode::Input(input),
        }
    }

    pub(super) fn edit_factor(&mut self) {
        if let Some(i) = self.selection(self.focus()) {
            let f = &self.session().factors(self.focus())[i];
            let (id, text) = (f.id.clone(), f.text.clone());
            self.open_input(InputTarget::Edit(id), &text);
        }
    }

    fn set_impact(&mut self, n: u8) {
        let q = self.focus();
        if let Some(i) = self.selection(q)
            && let Some(edit) = self.session().change_factor(q, i, |f| f.impact = (n > 0).then_some(n))
        {
            self.apply(edit);
        }
    }

    pub(super) fn say_read_only(&mut self) {
        let msg = self.lang.text().ui.read_only_short;
        let why = self.read_only.clone().unwrap_or_default();
        self.say(format!("{msg}: {why}"), true);
    }

    pub(super) fn say(&mut self, text: String, error: bool) {
        self.notice = Some(Notice::new(text, error));
    }

    /// A stored ID as this session's language shows it, safe to print: what every
    /// status-line message names an item by (`F1` is `S1` in English), as the
    /// grid, the CAME lists and the exports do.
    pub(super) fn shown_id(&self, id: &str) -> String {
        crate::domain::text::display_safe(&self.lang.show_id(id)).into_owned()
    }

    /// Says that a field is full (`max` characters) unless what was typed or
    /// pasted went in.
    /// A paste of several values (lines, or a spreadsheet row's cells) into a
    /// field of one value is refused whole and said: `true` when refused.
    pub(super) fn refuse_values(&mut self, raw: &str, one_value: bool) -> bool {
        let values = super::readline::pasted_values(raw);
        let refused = one_value && values > 1;
        if refused {
            self.say((self.lang.text().limits.one_value_paste)(values), true);
        }
        refused
    }

    pub(super) fn say_full_unless(&mut self, went_in: bool, max: usize) {
        if !went_in {
            self.say((self.lang.text().limits.input_full)(max), true);
        }
    }

    /// A notice about something that happened without a key: it stays a few
    /// seconds even if keys are pressed, so it is seen.
    pub(super) fn announce(&mut self, text: String, error: bool, now: Instant) {
        let hold = Some(now + std::time::Duration::from_secs(4));
        self.notice = Some(Notice { text, error, hold_until: hold });
    }

    pub(super) fn open_input(&mut self, target: InputTarget, text: &str) {
        let text = self.take_draft(&target).unwrap_or_else(|| text.to_owned());
        self.mode = Mode::Input(Input::new(target, &text));
    }

    /// Applies an edit as one undo step; reports (never panics on) a misfit.
    /// A read-only session (open in another dafo) takes no edits.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        if self.read_only.is_some() {
            self.say_read_only();
            return false;
        }
        match self.doc.apply(edit) {
            Ok(()) => {
                self.drafts.iter_mut().for_each(super::draft::Draft::settle);
                true
            }
            Err(e) => {
                self.say(e.message(self.lang), true);
                false
            }
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        // Undo and redo change the session as any edit does: never in a read-only
        // window, which a take-over would otherwise save over the holder's work.
        if self.read_only.is_some() {
            self.say_read_only();
            return;
        }
        let what = self.describe_next(undo);
        let step = self.doc.next_step_id(undo);
        let done = if undo { self.doc.undo() } else { self.doc.redo() };
        if done {
            // The room's part of the step (items it accepted, results shown) goes with it.
            if let (Some(id), Some(live)) = (step, self.sala.as_deref_mut()) {
                if undo { live.undone(id) } else { live.redone(id, self.doc.revision()) }
            }
            let m = &self.lang.text().meeting;
            let verb = if undo { m.undone } else { m.redone };
            self.say(format!("{verb}: {what}"), false);
        } else {
            let nothing = if undo { self.lang.text().ui.nothing_to_undo } else { self.lang.text().ui.nothing_to_redo };
            self.say(nothing.to_owned(), false);
        }
    }

    /// What the last actions asked the terminal loop to do.
    pub(super) fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outbox)
    }

    /// Leaving (`q`, run by the terminal loop): writes what is pending first;
    /// closes once that is done and no draft waits (words typed, then Esc);
    /// else says so, and leaves only at a second `q`.
    pub(super) fn quit(&mut self) -> Outcome {
        if self.quit_armed {
            return Outcome::Close;
        }
        let saved = self.flush();
        if saved && self.drafts.is_empty() {
            return Outcome::Close;
        }
        self.quit_armed = true;
        let ctx = self.view_context();
        let key = |a: &Action| super::keymap::key_for(ctx, a, self.lang);
        if saved {
            // `u` brings the draft back only where it was left, with no change since.
            let back = self.drafts.last().is_some_and(|d| d.undo_restores(self.views.showing));
            let ui = &self.lang.text().ui;
            let msg = if back {
                (ui.quit_draft_keys)(&key(&Action::Undo), &key(&Action::Quit))
            } else {
                (ui.quit_draft_key)(&key(&Action::Quit))
            };
            self.say(msg, true);
            return Outcome::Stay;
        }
        let msg = (self.lang.text().ui.quit_unsaved_keys)(&key(&Action::Save), &key(&Action::Quit));
        let detail = self.autosave.error.clone().unwrap_or_default();
        self.say(format!("{msg} ({detail})"), true);
        Outcome::Stay
    }
}
