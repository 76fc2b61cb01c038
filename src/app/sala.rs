//! The room taking part (issue 28) on the session screen: opening the room,
//! answering participants' requests, and the room pane's keys (accept, edit
//! then accept, join, move, reject, accept a quadrant, phases, names, votes,
//! ban, close joining). Every change to the session is one undoable edit.

use std::net::IpAddr;
use std::time::Instant;

use super::action::Action;
use super::editor::{Editor, InputTarget, Mode};
use crate::domain::similarity::similarity;
use crate::domain::text::clean_text;
use crate::domain::{Edit, Factor, ListOp, Quadrant};
use crate::sala::Live;
use crate::sala::http::Call;
use crate::sala::state::{Fate, Pending, Reply};

/// What the room pane's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalaAction {
    /// Open the room (start it if it is not running) and show its pane.
    Open,
    Accept,
    Edit,
    /// Join into the most similar factor of the item's quadrant (a vote more).
    Join,
    Move(Quadrant),
    Reject,
    /// Accept every waiting item of the selected item's quadrant, as one step.
    AcceptAll,
    Phase,
    Names,
    BudgetUp,
    BudgetDown,
    PerItem,
    /// Add the votes to the factors (one undoable step); participants see them.
    Results,
    Ban,
    Joining,
    Stop,
}

impl Editor {
    /// The room, when open.
    pub fn sala(&self) -> Option<&Live> {
        self.sala.as_deref()
    }

    /// Where the room listens: `--room-bind`, else the LAN address.
    pub fn set_sala_bind(&mut self, ip: Option<IpAddr>) {
        self.sala_bind = ip;
    }

    /// Opens the room and its pane; says why not when it cannot open.
    pub fn open_sala(&mut self) {
        let words = &self.lang.text().sala;
        // Items could only wait: a session open in another dafo takes no factors here.
        if self.read_only.is_some() {
            self.say_read_only();
            return;
        }
        if self.sala.is_none() {
            let Some(events) = self.events.clone() else { return };
            let ip = self.sala_bind.or_else(crate::sala::http::lan_address);
            let Some(ip) = ip else {
                self.say((words.not_opened)("LAN"), true);
                return;
            };
            match Live::start(self.path(), ip, events, self.lang) {
                Ok(live) => {
                    self.say((words.opened)(&live.url), false);
                    self.sala = Some(Box::new(live));
                }
                Err(e) => {
                    self.say((words.not_opened)(&e), true);
                    return;
                }
            }
        }
        // The first-start card would cover the pane.
        self.overlays.close_card();
        self.mode = Mode::Sala(0);
    }

    /// A participant's request: the room decides, the answer goes back.
    pub fn sala_call(&mut self, call: Call) {
        match &mut self.sala {
            Some(live) => live.answer(call, &self.doc.session, Instant::now()),
            None => {
                let _ = call.reply.send(Reply::refused(503, "busy"));
            }
        }
    }

    /// The waiting items in the order the pane lists them: near-duplicates
    /// together, each with whether it is like the one before.
    pub fn sala_list(&self) -> Vec<(&Pending, bool)> {
        let Some(live) = &self.sala else { return Vec::new() };
        live.state.order().into_iter().map(|(i, alike)| (&live.state.inbox[i], alike)).collect()
    }

    pub(super) fn update_sala(&mut self, selected: usize, action: Action) {
        let len = self.sala.as_deref().map_or(0, |l| l.state.inbox.len());
        let selected = selected.min(len.saturating_sub(1));
        let item = match &action {
            Action::Sala(_) => self.sala_list().get(selected).map(|(p, _)| (*p).clone()),
            _ => None,
        };
        self.mode = Mode::Sala(selected);
        let words = &self.lang.text().sala;
        match action {
            Action::Up => self.mode = Mode::Sala(selected.saturating_sub(1)),
            Action::Down => self.mode = Mode::Sala((selected + 1).min(len.saturating_sub(1))),
            Action::Back | Action::Cancel => self.mode = Mode::Grid,
            Action::Undo => self.undo_redo_from_sala(true),
            Action::Redo => self.undo_redo_from_sala(false),
            Action::Sala(a) => self.sala_key(a, item, words),
            _ => {}
        }
    }

    fn undo_redo_from_sala(&mut self, undo: bool) {
        let mode = std::mem::take(&mut self.mode);
        self.update_view(if undo { Action::Undo } else { Action::Redo });
        self.mode = mode;
    }

    fn sala_key(&mut self, a: SalaAction, item: Option<Pending>, words: &'static crate::i18n::sala_words::SalaWords) {
        let Some(live) = self.sala.as_deref_mut() else { return };
        let state = &mut live.state;
        match a {
            SalaAction::Open => {}
            SalaAction::Phase => {
                state.advance();
            }
            SalaAction::Names => {
                if !state.cycle_names() {
                    self.say(words.names_fixed.to_owned(), true);
                }
            }
            SalaAction::BudgetUp | SalaAction::BudgetDown | SalaAction::PerItem => {
                let (b, p) = (state.budget, state.per_item);
                let (b, p) = match a {
                    SalaAction::BudgetUp => (b + 1, p),
                    SalaAction::BudgetDown => (b.saturating_sub(1), p.min(b.saturating_sub(1))),
                    _ => (b, if p >= b { 1 } else { p + 1 }),
                };
                if !state.set_budget(b, p) {
                    self.say(words.budget_fixed.to_owned(), true);
                }
            }
            SalaAction::Joining => state.joining = !state.joining,
            SalaAction::Stop => {
                self.sala = None;
                self.mode = Mode::Grid;
                self.say(words.stopped.to_owned(), false);
            }
            SalaAction::Results => self.sala_results(),
            SalaAction::AcceptAll => {
                if let Some(item) = item {
                    self.accept_quadrant(item.quadrant);
                }
            }
            _ => {
                let Some(item) = item else { return };
                match a {
                    SalaAction::Accept => self.accept_item(&item, None),
                    SalaAction::Edit => {
                        let target = InputTarget::SalaItem(item.seq);
                        self.mode = Mode::Input(super::mode::Input::new(target, &item.text));
                    }
                    SalaAction::Join => self.join_item(&item),
                    SalaAction::Move(q) => {
                        state.move_item(item.seq, q);
                    }
                    SalaAction::Reject => {
                        live.settle(item.seq, Fate::Rejected, 0);
                    }
                    SalaAction::Ban if state.ban(item.who) => self.say((words.banned)(item.who), false),
                    _ => {}
                }
            }
        }
    }

    /// A new factor for an accepted item, with its source (the room, or the name).
    fn room_factor(&mut self, item: &Pending, text: &str) -> Option<Edit> {
        let live = self.sala.as_deref()?;
        let source = live.state.source_of(item, self.lang.text().sala.source);
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        let id = self.doc.session_mut().next_id(item.quadrant.prefix());
        let mut factor = Factor::new(id, text);
        factor.sources = vec![source];
        Some(Edit::Factor(item.quadrant, ListOp::Insert(self.session().factors(item.quadrant).len(), factor)))
    }

    /// Accepts `item` as a factor (with `text` when edited first).
    pub(super) fn accept_item(&mut self, item: &Pending, text: Option<&str>) {
        let Some(edit) = self.room_factor(item, text.unwrap_or(&item.text)) else { return };
        let revision = self.doc.revision() + 1;
        if self.apply(edit)
            && let Some(live) = self.sala.as_deref_mut()
        {
            live.settle(item.seq, Fate::Accepted, revision);
        }
    }

    /// The input line of an item being edited was submitted.
    pub(super) fn submit_sala_item(&mut self, seq: u64, text: &str) {
        let item = self.sala.as_deref().and_then(|l| l.state.inbox.iter().find(|p| p.seq == seq).cloned());
        if let Some(item) = item {
            self.accept_item(&item, Some(text));
        }
        self.mode = Mode::Sala(0);
    }

    fn accept_quadrant(&mut self, q: Quadrant) {
        let items: Vec<Pending> =
            self.sala_list().into_iter().map(|(p, _)| p.clone()).filter(|p| p.quadrant == q).collect();
        let mut edits = Vec::new();
        let len = self.session().factors(q).len();
        for item in &items {
            if let Some(Edit::Factor(q, ListOp::Insert(_, f))) = self.room_factor(item, &item.text) {
                edits.push(Edit::Factor(q, ListOp::Insert(len + edits.len(), f)));
            }
        }
        let revision = self.doc.revision() + 1;
        if !edits.is_empty()
            && self.apply(Edit::Batch(edits))
            && let Some(live) = self.sala.as_deref_mut()
        {
            for item in &items {
                live.settle(item.seq, Fate::Accepted, revision);
            }
        }
    }

    /// Joins `item` into the most similar factor of its quadrant: a vote more,
    /// and the room (or the name) among its sources; the factor keeps its words.
    fn join_item(&mut self, item: &Pending) {
        let words = &self.lang.text().sala;
        let q = item.quadrant;
        let best = self
            .session()
            .factors(q)
            .iter()
            .enumerate()
            .map(|(i, f)| (i, similarity(&f.text, &item.text)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, _)) = best else {
            self.say(words.no_factor_to_join.to_owned(), true);
            return;
        };
        let source = self.sala.as_deref().map(|l| l.state.source_of(item, words.source)).unwrap_or_default();
        let id = self.session().factors(q)[i].id.clone();
        let edit = self.session().change_factor(q, i, |f| {
            f.votes = f.votes.saturating_add(1);
            if !f.sources.contains(&source) {
                f.sources.push(source.clone());
            }
        });
        let revision = self.doc.revision() + 1;
        if let Some(edit) = edit
            && self.apply(edit)
        {
            if let Some(live) = self.sala.as_deref_mut() {
                live.settle(item.seq, Fate::Accepted, revision);
            }
            self.say((words.joined_into)(&id), false);
        }
    }

    /// Adds the room's votes to the factors, as one step, and shows them to the room.
    fn sala_results(&mut self) {
        let words = &self.lang.text().sala;
        let Some(live) = self.sala.as_deref() else { return };
        if live.state.phase < crate::sala::state::Phase::Vote || live.state.results_shown {
            self.say(words.no_results.to_owned(), true);
            return;
        }
        let tally = live.state.tally();
        let mut edits = Vec::new();
        let mut total = 0;
        for (id, n) in tally {
            if let Some((q, i)) = self.session().find_factor(&id)
                && let Some(edit) = self.session().vote_factor(q, i, n as i32)
            {
                edits.push(edit);
                total += n;
            }
        }
        if !edits.is_empty() && !self.apply(Edit::Batch(edits)) {
            return;
        }
        if let Some(live) = self.sala.as_deref_mut() {
            live.state.results_shown = true;
        }
        self.say((words.results_added)(total), false);
    }
}
