//! The room takes part (issue 28): participants add items and vote from their
//! phones on the local network, the facilitator moderates in the terminal.
//! [`state`] holds the rules, [`groups`] the near-duplicates, [`secret`] the
//! join code and tokens, [`http`] the thin server, [`inbox`] the durable file of
//! items, [`page`] what the browser gets, [`qr`] the code on the projector.

pub mod groups;
pub mod http;
pub mod inbox;
pub mod page;
pub mod qr;
pub mod secret;
pub mod state;

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::time::Instant;

use self::http::{Call, Server};
use self::inbox::{Job, Writer};
use self::state::{Decision, Fate, Pending, Reply, Sala};
use crate::app::event::AppEventSender;
use crate::domain::Session;
use crate::i18n::Lang;

/// An open room: its state, its server and its inbox file. Dropping it stops
/// the server and removes the inbox file if nothing waits in it.
pub struct Live {
    pub state: Sala,
    /// The address participants open.
    pub url: String,
    /// The address as a QR code (see [`qr::lines`]).
    pub qr: Vec<String>,
    server: Option<Server>,
    writer: Option<Writer>,
    /// Items accepted into the session (inbox number, the session's revision
    /// then): settled in the file only once that revision is saved.
    held: Vec<(u64, u64)>,
    /// The room's part of the session's undoable steps, by step number
    /// ([`crate::domain::history::Document::next_step_id`]).
    steps: std::collections::HashMap<u64, Step>,
}

/// What an undoable step of the session did to the room, undone and redone with it.
#[derive(Debug, Clone)]
pub enum Step {
    /// These items were accepted (as factors, or joined into one).
    Accepted(Vec<Pending>),
    /// The votes were added and shown to the room.
    Results,
}

impl Live {
    /// Opens the room of the session at `session`: reads its inbox file again (items
    /// a crash left), then listens on `ip` at a free port.
    pub fn start(session: &Path, ip: IpAddr, events: AppEventSender, lang: Lang) -> Result<Live, String> {
        let path = inbox::inbox_path(session);
        let (items, next) = inbox::replay(&path, lang)?;
        let code = state::new_code().ok_or_else(|| "getrandom".to_owned())?;
        let mut state = Sala::new(code, next);
        for item in items {
            state.restore(item);
        }
        let writer = Writer::start(path, Some(events.clone()), lang)?;
        let server = Server::start(SocketAddr::new(ip, 0), events, page::page(lang))
            .map_err(|e| crate::i18n::os_error(&e, lang))?;
        let url = format!("http://{}/", server.addr());
        let qr = qr::lines(&url).unwrap_or_default();
        Ok(Live {
            state,
            url,
            qr,
            server: Some(server),
            writer: Some(writer),
            held: Vec::new(),
            steps: Default::default(),
        })
    }

    /// A room with no server, its inbox written by `writer` (tests).
    #[cfg(test)]
    pub(crate) fn without_server(state: Sala, writer: Writer) -> Live {
        Live {
            state,
            url: String::new(),
            qr: Vec::new(),
            server: None,
            writer: Some(writer),
            held: Vec::new(),
            steps: Default::default(),
        }
    }

    /// Its inbox written by `writer` from now on (tests: the disk has room again).
    #[cfg(test)]
    pub(crate) fn set_writer(&mut self, writer: Writer) {
        self.writer = Some(writer);
    }

    /// Where the server listens.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.server.as_ref().map(Server::addr)
    }

    /// The join code as shown: two groups of four.
    pub fn code_shown(&self) -> String {
        let code = &self.state.code;
        let cut = code.len() / 2;
        format!("{}-{}", &code[..cut], &code[cut..])
    }

    /// Decides a participant's request and answers it; an item is answered only
    /// once it is synced to the inbox file.
    pub fn answer(&mut self, call: Call, session: &Session, now: Instant) {
        let Decision { reply, append } = self.state.handle(call.request, session, now);
        match append {
            Some(item) => {
                let seq = item.seq;
                let sent = self.writer.as_ref().is_some_and(|w| w.send(Job::Append(item, call.reply.clone(), reply)));
                if !sent {
                    self.state.withdraw(seq);
                    let _ = call.reply.send(Reply::refused(503, "disk"));
                }
            }
            None => {
                let _ = call.reply.send(reply);
            }
        }
    }

    /// Takes the items whose write to the inbox file failed back out of the room
    /// (the inbox, their participants' lists), then tells their participants to
    /// send them again: a second try stores each once. An item the facilitator
    /// settled meanwhile stays settled, and its participant gets the answer it
    /// would have had. The last error, if any item was lost.
    pub fn collect_lost(&mut self) -> Option<std::io::Error> {
        let lost = self.writer.as_ref().map(Writer::lost).unwrap_or_default();
        let mut error = None;
        for l in lost {
            for (seq, reply, answer) in l.items {
                let answer = if self.state.withdraw(seq) { Reply::refused(503, "disk") } else { answer };
                let _ = reply.send(answer);
            }
            error = Some(l.error);
        }
        error
    }

    /// Takes item `seq` out of the inbox. A rejected one is settled in the file
    /// at once; an accepted one when the session's `revision` holding it is saved
    /// (see [`Live::release`]): a crash before that lists it again.
    pub fn settle(&mut self, seq: u64, fate: Fate, revision: u64) -> Option<Pending> {
        let item = self.state.settle(seq, fate)?;
        match fate {
            Fate::Accepted => self.held.push((seq, revision)),
            Fate::Rejected | Fate::Waiting => {
                if let Some(w) = &self.writer {
                    w.send(Job::Done(seq));
                }
            }
        }
        Some(item)
    }

    /// Notes what the session's step number `id` did to the room.
    pub fn record(&mut self, id: u64, step: Step) {
        self.steps.insert(id, step);
    }

    /// The session's step `id` was undone: the items it accepted wait again (in
    /// the file too, if it had settled them there), or the results are hidden.
    pub fn undone(&mut self, id: u64) {
        match self.steps.get(&id) {
            Some(Step::Accepted(items)) => {
                for item in items.clone() {
                    let held = self.held.iter().position(|(seq, _)| *seq == item.seq);
                    match held {
                        Some(at) => {
                            self.held.remove(at);
                        }
                        // Settled in the file already (the session was saved): written again.
                        None => {
                            if let Some(w) = &self.writer {
                                w.send(Job::Again(item.clone()));
                            }
                        }
                    }
                    self.state.unsettle(item);
                }
            }
            Some(Step::Results) => self.state.results_shown = false,
            None => {}
        }
    }

    /// Whether the session's step `id` accepted items of this room.
    pub fn accepted_any(&self, id: u64) -> bool {
        matches!(self.steps.get(&id), Some(Step::Accepted(_)))
    }

    /// Whether the session's step `id` accepted item `seq`.
    pub fn accepted_in(&self, id: u64, seq: u64) -> bool {
        matches!(self.steps.get(&id), Some(Step::Accepted(items)) if items.iter().any(|i| i.seq == seq))
    }

    /// The session's step `id` was redone (the session now at `revision`).
    pub fn redone(&mut self, id: u64, revision: u64) {
        match self.steps.get(&id) {
            Some(Step::Accepted(items)) => {
                for seq in items.iter().map(|i| i.seq).collect::<Vec<_>>() {
                    self.settle(seq, Fate::Accepted, revision);
                }
            }
            Some(Step::Results) => self.state.results_shown = true,
            None => {}
        }
    }

    /// The session is saved up to `saved`: the items it holds are settled in the file.
    pub fn release(&mut self, saved: u64) {
        let (done, held): (Vec<_>, Vec<_>) = self.held.drain(..).partition(|(_, rev)| *rev <= saved);
        self.held = held;
        if let Some(w) = &self.writer {
            for (seq, _) in done {
                w.send(Job::Done(seq));
            }
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.server = None;
        if let Some(writer) = self.writer.take() {
            writer.finish(self.state.inbox.is_empty() && self.held.is_empty());
        }
    }
}
