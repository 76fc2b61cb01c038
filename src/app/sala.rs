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
use crate::sala::http::Call;
use crate::sala::state::{Fate, Pending, Reply};
use crate::sala::{Live, Step};

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

    /// Items whose write to the inbox file failed are taken back out of the
    /// room and their participants asked to send again; the status line says
    /// why. True when the screen changed.
    pub(super) fn sala_tick(&mut self) -> bool {
        let Some(error) = self.sala.as_deref_mut().and_then(Live::collect_lost) else { return false };
        let reason = crate::i18n::os_error(&error, self.lang);
        self.say((self.lang.text().sala.inbox_unwritable)(&reason), true);
        true
    }

    /// When the status line's count of participants connected drops next.
    pub fn sala_deadline(&self) -> Option<Instant> {
        self.sala.as_deref()?.state.next_disconnect(self.room.now?)
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
                // An accepted item leaves the inbox file only once the session holding
                // it is saved: saved first, so the room closes with nothing held (opened
                // again, it would list an accepted item to be accepted twice). A save
                // that fails says why on the status line, and the room stays open.
                if self.read_only.is_none() && !self.flush() {
                    return;
                }
                // An accept undone waits in the file again; the next room would not
                // know the step, and its redo would make a factor of an item it lists
                // as waiting (accepted again, a twin): the steps undone go.
                if let Some(live) = self.sala.as_deref()
                    && self.doc.redo_ids().any(|id| live.accepted_any(id))
                {
                    self.doc.clear_redo();
                }
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
                        // An undone accept of it redone would make the item set aside a
                        // factor: the steps undone go, as after any new edit.
                        if self.doc.redo_ids().any(|id| live.accepted_in(id, item.seq)) {
                            self.doc.clear_redo();
                        }
                    }
                    SalaAction::Ban if item.who == crate::sala::state::NOBODY => {
                        self.say(words.ban_earlier.to_owned(), true);
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
        if self.apply(edit) {
            self.settle_accepted(std::slice::from_ref(item), revision);
        }
    }

    /// Items just accepted by the session's step at `revision`: settled, and
    /// put back in the inbox if that step is undone.
    fn settle_accepted(&mut self, items: &[Pending], revision: u64) {
        let step = self.doc.next_step_id(true);
        let Some(live) = self.sala.as_deref_mut() else { return };
        for item in items {
            live.settle(item.seq, Fate::Accepted, revision);
        }
        if let Some(id) = step {
            live.record(id, Step::Accepted(items.to_vec()));
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
        if !edits.is_empty() && self.apply(Edit::Batch(edits)) {
            self.settle_accepted(&items, revision);
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
            self.settle_accepted(std::slice::from_ref(item), revision);
            self.say((words.joined_into)(&self.shown_id(&id)), false);
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
        // Nothing to add: no step for `u` to undo, so voting is not ended either.
        if edits.is_empty() {
            self.say(words.no_votes.to_owned(), true);
            return;
        }
        if !self.apply(Edit::Batch(edits)) {
            return;
        }
        let step = self.doc.next_step_id(true);
        if let Some(live) = self.sala.as_deref_mut() {
            live.state.results_shown = true;
            // Undoing the votes added hides the results again, and voting goes on.
            if let Some(id) = step {
                live.record(id, Step::Results);
            }
        }
        self.say((words.results_added)(total), false);
    }
}

#[cfg(test)]
mod tests {
    use std::fs::OpenOptions;
    use std::sync::mpsc::channel;
    use std::time::{Duration, Instant};

    use serde_json::Value;

    use crate::app::{App, Screen};
    use crate::domain::{Quadrant, Session};
    use crate::i18n::Lang;
    use crate::sala::http::Call;
    use crate::sala::inbox::{Writer, inbox_path, replay, tests::Faulty};
    use crate::sala::state::{Ask, Reply, Request, Sala};
    use crate::sala::{Live, state::Phase};

    fn request(ask: Ask, token: &str, csrf: &str) -> Request {
        Request { ask, token: Some(token.into()), csrf: Some(csrf.into()), peer: [127, 0, 0, 1].into() }
    }

    fn editor(app: &mut App) -> &mut super::Editor {
        match &mut app.screen {
            Screen::Editor(e) => e,
            Screen::Browser(_) => unreachable!(),
        }
    }

    /// The participant's request is answered once the item is written, or once it
    /// is taken back: ticks the app until then.
    fn answer(app: &mut App, rx: &std::sync::mpsc::Receiver<Reply>) -> Reply {
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            app.tick(Instant::now());
            if let Ok(reply) = rx.try_recv() {
                return reply;
            }
            assert!(Instant::now() < until, "no answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn an_item_the_inbox_file_could_not_take_leaves_the_sala_and_a_resend_is_stored_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("Sala", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let mut app = App::open(&path, Lang::Es).unwrap();
        let inbox = inbox_path(&path);
        let open = || OpenOptions::new().create(true).append(true).open(&inbox).unwrap();
        // The disk fills up 10 bytes into the first line.
        let full = Faulty { file: open(), room: 10, sync_fails: false };
        let mut state = Sala::new("ABCD2345".into(), 1);
        let now = Instant::now();
        let session = Session::new("Sala", jiff::Timestamp::UNIX_EPOCH);
        let join = Request {
            ask: Ask::Join { code: "ABCD2345".into(), name: String::new() },
            token: None,
            csrf: None,
            peer: [127, 0, 0, 1].into(),
        };
        let token = state.handle(join, &session, now).reply.cookie.unwrap();
        let seen = state.handle(request(Ask::State, &token, ""), &session, now).reply.body;
        let csrf = seen["csrf"].as_str().unwrap().to_owned();
        state.phase = Phase::Write;
        let live = Live::without_server(state, Writer::on(full, 0, inbox.clone(), None).unwrap());
        editor(&mut app).sala = Some(Box::new(live));
        let send = |app: &mut App| {
            let (tx, rx) = channel();
            let ask = Ask::Item { quadrant: Quadrant::Threats, text: "Recortes".into() };
            editor(app).sala_call(Call { request: request(ask, &token, &csrf), reply: tx });
            answer(app, &rx)
        };
        let mine = |app: &mut App| -> Vec<Value> {
            let live = editor(app).sala.as_deref_mut().unwrap();
            let state = live.state.handle(request(Ask::State, &token, &csrf), &session, Instant::now());
            state.reply.body["mine"].as_array().unwrap().clone()
        };
        let refused = send(&mut app);
        assert_eq!((refused.status, refused.body["error"].clone()), (503, Value::from("disk")));
        assert!(editor(&mut app).sala_list().is_empty(), "not in the facilitator's inbox");
        assert!(mine(&mut app).is_empty(), "not in the participant's list");
        let notice = app.notice().map(|n| n.text.clone()).unwrap_or_default();
        assert!(
            notice.contains("No se puede escribir el archivo de la bandeja de la sala")
                && notice.contains("el disco está lleno"),
            "{notice}"
        );
        // Space freed: the participant sends again, and it is there once.
        let len = std::fs::metadata(&inbox).unwrap().len();
        let writer = Writer::on(open(), len, inbox.clone(), None).unwrap();
        editor(&mut app).sala.as_deref_mut().unwrap().set_writer(writer);
        assert_eq!(send(&mut app).status, 200);
        let texts: Vec<String> = editor(&mut app).sala_list().iter().map(|(p, _)| p.text.clone()).collect();
        assert_eq!(texts, ["Recortes"]);
        assert_eq!(mine(&mut app).len(), 1);
        assert_eq!(mine(&mut app)[0]["fate"], "waiting");
        let (items, _) = replay(&inbox, Lang::Es).unwrap();
        assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["Recortes"]);
        // The disk fills up again and the facilitator rejects the item: no
        // participant waits on that line, and the screen says it all the same.
        let full = Faulty { file: open(), room: 0, sync_fails: false };
        let live = editor(&mut app).sala.as_deref_mut().unwrap();
        live.set_writer(Writer::on(full, len, inbox.clone(), None).unwrap());
        let seq = live.state.inbox[0].seq;
        live.settle(seq, crate::sala::state::Fate::Rejected, 0);
        editor(&mut app).say("-".into(), false);
        let until = Instant::now() + Duration::from_secs(10);
        while !app.notice().is_some_and(|n| n.text.contains("No se puede escribir el archivo de la bandeja")) {
            assert!(Instant::now() < until, "the failed line is not said");
            app.tick(Instant::now());
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_count_of_participants_connected_wakes_the_loop_when_it_drops() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("Sala", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let mut app = App::open(&path, Lang::Es).unwrap();
        let (events, _rx) = crate::app::event::AppEventSender::channel();
        app.connect(events);
        app.tick(Instant::now());
        let inbox = inbox_path(&path);
        let file = OpenOptions::new().create(true).append(true).open(&inbox).unwrap();
        let live = Live::without_server(Sala::new("ABCD2345".into(), 1), Writer::on(file, 0, inbox, None).unwrap());
        editor(&mut app).sala = Some(Box::new(live));
        let (tx, rx) = channel();
        let join = Request {
            ask: Ask::Join { code: "ABCD2345".into(), name: String::new() },
            token: None,
            csrf: None,
            peer: [127, 0, 0, 1].into(),
        };
        editor(&mut app).sala_call(Call { request: join, reply: tx });
        let seen = Instant::now();
        assert_eq!(rx.recv().unwrap().status, 200);
        app.tick(Instant::now());
        let deadline = app.deadline().expect("a wake-up");
        assert!(deadline <= seen + crate::sala::state::CONNECTED_WITHIN, "{:?} too late", deadline - seen);
        // At that time the count drops, and the status line's face changes with it.
        let before = crate::ui::status::clock_face(&app);
        app.tick(seen + crate::sala::state::CONNECTED_WITHIN);
        assert_eq!(editor(&mut app).sala().unwrap().state.connected(seen + crate::sala::state::CONNECTED_WITHIN), 0);
        assert_ne!(crate::ui::status::clock_face(&app), before, "redrawn when the count drops");
        assert!(app.clock_showing());
    }
}
