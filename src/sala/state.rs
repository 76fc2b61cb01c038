//! The room's rules, with no network and no terminal: who joined, the phase,
//! the names choice, the inbox of items waiting, the votes and their budget.
//! The server turns each request into an [`Ask`]; [`Sala::handle`] decides.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub use super::groups::grouped;
use super::groups::{Group, file, flatten, unfile};
pub use super::secret::{new_code, random_token};
use super::secret::{same_secret, squeeze_code};
use crate::domain::limits::ITEM_TEXT_MAX;
use crate::domain::text::clean_text;
use crate::domain::{Quadrant, Session};

/// Items one participant may send in a minute.
pub const ITEMS_PER_MINUTE: usize = 10;
/// Participants one room takes.
pub const MAX_PARTICIPANTS: usize = 120;
/// Wrong join codes one address may try in a minute, and all addresses together
/// (over that, wrong codes are answered "slow down"; the right one still joins).
pub const WRONG_CODES_PER_MINUTE: usize = 5;
pub const WRONG_CODES_ALL_PER_MINUTE: usize = 30;
/// The participant of an item sent to an earlier room (read again from the
/// inbox file): nobody here, as participants are numbered from 1.
pub const NOBODY: u32 = 0;
/// A name's most characters.
pub const NAME_MAX: usize = 60;
/// A participant seen within this time counts as connected (the page asks every few seconds).
pub const CONNECTED_WITHIN: Duration = Duration::from_secs(20);
const MINUTE: Duration = Duration::from_secs(60);

/// The room's phase, switched by the facilitator, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Participants join; the names choice can still change either way.
    Lobby,
    /// Participants write items; each sees only their own.
    Write,
    /// The session's factors are shown to all.
    Reveal,
    /// Participants spend their votes.
    Vote,
    /// Nothing more is taken.
    Closed,
}

impl Phase {
    pub fn next(self) -> Phase {
        match self {
            Phase::Lobby => Phase::Write,
            Phase::Write => Phase::Reveal,
            Phase::Reveal => Phase::Vote,
            Phase::Vote | Phase::Closed => Phase::Closed,
        }
    }

    /// The word the page's script reads.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Lobby => "lobby",
            Phase::Write => "write",
            Phase::Reveal => "reveal",
            Phase::Vote => "vote",
            Phase::Closed => "closed",
        }
    }
}

/// Who sees a participant's name, strictest last: once writing starts it may
/// only move towards [`Names::NoOne`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Names {
    /// The name becomes the factor's source, seen by the room.
    Room,
    /// The facilitator sees it in the inbox; the factor's source is "sala".
    Facilitator,
    /// Names are not asked for, nor kept.
    NoOne,
}

impl Names {
    fn next(self) -> Names {
        match self {
            Names::Room => Names::Facilitator,
            Names::Facilitator => Names::NoOne,
            Names::NoOne => Names::Room,
        }
    }
}

/// What a participant asks for (the server's reading of a request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// What the page asks before joining: whether names are asked for.
    Info,
    /// What the page shows now.
    State,
    /// Joining with the code shown on the projector, and an optional name.
    Join { code: String, name: String },
    /// A new item for a quadrant.
    Item { quadrant: Quadrant, text: String },
    /// One vote more (`up`) or less for a factor.
    Vote { factor: String, up: bool },
}

/// A request as the room judges it: who (the cookie's token and the form's
/// token), from where, asking what.
#[derive(Debug, Clone)]
pub struct Request {
    pub ask: Ask,
    pub token: Option<String>,
    pub csrf: Option<String>,
    pub peer: IpAddr,
}

/// The answer to a request: an HTTP status, a JSON body, and a token to set as the cookie.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub cookie: Option<String>,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply { status: 200, body, cookie: None }
    }

    /// A refusal the page words by `code`.
    pub fn refused(status: u16, code: &str) -> Reply {
        Reply { status, body: json!({ "error": code }), cookie: None }
    }
}

/// An item waiting for the facilitator.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Its number in the inbox file.
    pub seq: u64,
    /// Its participant's number (1, 2…), for banning; [`NOBODY`] for an item
    /// listed again from the inbox file, sent to an earlier room.
    pub who: u32,
    /// The participant's name, when names are kept.
    pub name: Option<String>,
    pub quadrant: Quadrant,
    pub text: String,
    pub at: jiff::Timestamp,
}

/// What became of an item a participant sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Waiting,
    Accepted,
    Rejected,
}

impl Fate {
    fn key(self) -> &'static str {
        match self {
            Fate::Waiting => "waiting",
            Fate::Accepted => "accepted",
            Fate::Rejected => "rejected",
        }
    }
}

#[derive(Debug, Clone)]
struct Participant {
    number: u32,
    token: String,
    csrf: String,
    name: Option<String>,
    banned: bool,
    seen: Instant,
    sent: VecDeque<Instant>,
    /// The items sent: inbox number, quadrant, text, fate.
    items: Vec<(u64, Quadrant, String, Fate)>,
    votes: BTreeMap<String, u32>,
}

/// What [`Sala::handle`] decided: the answer, and an item to make durable
/// (written and synced to the inbox file) before the answer is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub reply: Reply,
    pub append: Option<Pending>,
}

impl From<Reply> for Decision {
    fn from(reply: Reply) -> Decision {
        Decision { reply, append: None }
    }
}

/// The room: one per open session, held by the editor.
#[derive(Debug)]
pub struct Sala {
    pub code: String,
    pub phase: Phase,
    pub names: Names,
    /// Votes each participant has, and at most this many on one factor.
    pub budget: u32,
    pub per_item: u32,
    /// New participants are taken.
    pub joining: bool,
    /// Vote results were added to the session's factors.
    pub results_shown: bool,
    /// Items waiting for the facilitator, oldest first.
    pub inbox: Vec<Pending>,
    next_seq: u64,
    participants: Vec<Participant>,
    wrong: HashMap<IpAddr, VecDeque<Instant>>,
    wrong_all: VecDeque<Instant>,
    /// New random tokens (tests give a fixed source).
    random: fn() -> String,
    /// Near-duplicates of the inbox, kept as items come and go (see [`grouped`]).
    groups: Vec<Group>,
}

/// Votes spent of `votes`: those on factors `session` still has.
fn spent(votes: &BTreeMap<String, u32>, session: &Session) -> u32 {
    votes.iter().filter(|(id, _)| session.find_factor(id).is_some()).map(|(_, n)| n).sum()
}

fn within_minute(log: &mut VecDeque<Instant>, now: Instant) -> usize {
    while log.front().is_some_and(|t| now.saturating_duration_since(*t) >= MINUTE) {
        log.pop_front();
    }
    log.len()
}

impl Sala {
    /// A room in the lobby with `code`; `next_seq` follows the inbox file's last number.
    pub fn new(code: String, next_seq: u64) -> Sala {
        Sala {
            code,
            phase: Phase::Lobby,
            names: Names::NoOne,
            budget: 5,
            per_item: 3,
            joining: true,
            results_shown: false,
            inbox: Vec::new(),
            next_seq,
            participants: Vec::new(),
            wrong: HashMap::new(),
            wrong_all: VecDeque::new(),
            random: random_token,
            groups: Vec::new(),
        }
    }

    /// The inbox in the pane's order (see [`grouped`]): filed as items come,
    /// so a long inbox costs no likeness sums per key or frame.
    pub fn order(&self) -> Vec<(usize, bool)> {
        flatten(&self.groups, &self.inbox)
    }

    /// Tokens from `random` instead of the system's (tests).
    pub fn with_random(mut self, random: fn() -> String) -> Sala {
        self.random = random;
        self
    }

    /// The next phase; false if it is already closed.
    pub fn advance(&mut self) -> bool {
        let next = self.phase.next();
        let moved = next != self.phase;
        self.phase = next;
        moved
    }

    /// The next names choice: any in the lobby; afterwards only a stricter one.
    /// False when the choice cannot change.
    pub fn cycle_names(&mut self) -> bool {
        let next = self.names.next();
        if self.phase != Phase::Lobby && next < self.names {
            return false;
        }
        self.names = next;
        if next == Names::NoOne {
            for p in &mut self.participants {
                p.name = None;
            }
            for item in &mut self.inbox {
                item.name = None;
            }
        }
        true
    }

    /// Changes the budget or the most per factor, before voting starts. False if it cannot.
    pub fn set_budget(&mut self, budget: u32, per_item: u32) -> bool {
        if self.phase >= Phase::Vote || !(1..=99).contains(&budget) || !(1..=budget).contains(&per_item) {
            return false;
        }
        self.budget = budget;
        self.per_item = per_item;
        true
    }

    /// Participants seen lately.
    pub fn connected(&self, now: Instant) -> usize {
        self.participants
            .iter()
            .filter(|p| !p.banned && now.saturating_duration_since(p.seen) < CONNECTED_WITHIN)
            .count()
    }

    /// When the next participant seen lately stops counting as connected, after
    /// `now`: the status line's count drops then, with no request to wake it.
    pub fn next_disconnect(&self, now: Instant) -> Option<Instant> {
        self.participants.iter().filter(|p| !p.banned).map(|p| p.seen + CONNECTED_WITHIN).filter(|t| *t > now).min()
    }

    /// Votes cast, all participants together, on factors `session` still has:
    /// votes on a factor deleted (or joined into another) are given back.
    pub fn votes_cast(&self, session: &Session) -> u32 {
        self.participants.iter().filter(|p| !p.banned).map(|p| spent(&p.votes, session)).sum()
    }

    /// Votes per factor ID, banned participants left out.
    pub fn tally(&self) -> BTreeMap<String, u32> {
        let mut tally = BTreeMap::new();
        for p in self.participants.iter().filter(|p| !p.banned) {
            for (id, n) in &p.votes {
                *tally.entry(id.clone()).or_insert(0) += n;
            }
        }
        tally
    }

    /// Bans participant `who`: their token stops working and their votes no longer count.
    pub fn ban(&mut self, who: u32) -> bool {
        match self.participants.iter_mut().find(|p| who != NOBODY && p.number == who) {
            Some(p) if !p.banned => {
                p.banned = true;
                true
            }
            _ => false,
        }
    }

    /// An item from the inbox file, read again after a crash or when the room
    /// opens again. The file does not say who was to see its name, and a new room
    /// starts with names seen by no one: the name is dropped for good then, so a
    /// name given for the facilitator only (or dropped when names became "no
    /// one", which the append-only file still holds) never becomes a source.
    /// It belongs to [`NOBODY`] here: `b` on it bans no one of this room.
    pub fn restore(&mut self, mut item: Pending) {
        if self.names == Names::NoOne {
            item.name = None;
        }
        // Its number was given by an earlier room: here it would be someone else's.
        item.who = NOBODY;
        // Replay reads no number over `inbox::MAX_SEQ`; this never overflows either way.
        self.next_seq = self.next_seq.max(item.seq.saturating_add(1));
        file(&mut self.groups, &item);
        self.inbox.push(item);
    }

    /// Takes item `seq` out of the inbox (the facilitator accepted or rejected it)
    /// and tells its participant.
    pub fn settle(&mut self, seq: u64, fate: Fate) -> Option<Pending> {
        let at = self.inbox.iter().position(|p| p.seq == seq)?;
        let item = self.inbox.remove(at);
        unfile(&mut self.groups, seq);
        for p in &mut self.participants {
            for mine in p.items.iter_mut().filter(|i| i.0 == seq) {
                mine.3 = fate;
            }
        }
        Some(item)
    }

    /// Puts a settled item back in the inbox as waiting (the step that settled it
    /// was undone), in its place by number, and tells its participant.
    pub fn unsettle(&mut self, mut item: Pending) {
        // Accepted while names were kept, back after they were dropped: without it.
        if self.names == Names::NoOne {
            item.name = None;
        }
        let seq = item.seq;
        if self.inbox.iter().any(|p| p.seq == seq) {
            return;
        }
        let at = self.inbox.partition_point(|p| p.seq < seq);
        file(&mut self.groups, &item);
        self.inbox.insert(at, item);
        for p in &mut self.participants {
            for mine in p.items.iter_mut().filter(|i| i.0 == seq) {
                mine.3 = Fate::Waiting;
            }
        }
    }

    /// Takes item `seq` back out as if it had never come: its write to the inbox
    /// file failed, its participant is told to send it again. False when it no
    /// longer waits (the facilitator settled it meanwhile: it stays as settled).
    pub fn withdraw(&mut self, seq: u64) -> bool {
        let Some(at) = self.inbox.iter().position(|p| p.seq == seq) else { return false };
        self.inbox.remove(at);
        unfile(&mut self.groups, seq);
        for p in &mut self.participants {
            p.items.retain(|i| i.0 != seq);
        }
        true
    }

    /// Moves a waiting item to another quadrant.
    pub fn move_item(&mut self, seq: u64, to: Quadrant) -> bool {
        match self.inbox.iter_mut().find(|p| p.seq == seq) {
            Some(item) => {
                item.quadrant = to;
                let item = item.clone();
                unfile(&mut self.groups, seq);
                file(&mut self.groups, &item);
                true
            }
            None => false,
        }
    }

    /// The factor source an accepted item gets: the name when the room sees names.
    pub fn source_of(&self, item: &Pending, room_word: &str) -> String {
        match (&item.name, self.names) {
            (Some(name), Names::Room) => name.clone(),
            _ => room_word.to_owned(),
        }
    }

    /// Decides a request. `session` is what the facilitator has (the board shown
    /// from the reveal on).
    pub fn handle(&mut self, req: Request, session: &Session, now: Instant) -> Decision {
        match &req.ask {
            Ask::Join { code, name } => return self.join(code, name, req.peer, now).into(),
            Ask::Info => return Reply::ok(json!({ "names": self.names != Names::NoOne })).into(),
            _ => {}
        }
        let Some(at) = self.who(req.token.as_deref()) else {
            return Reply::refused(403, "token").into();
        };
        self.participants[at].seen = now;
        match req.ask {
            Ask::State => Reply::ok(self.state_for(at, session)).into(),
            // Every write carries the form's token too: a page of another site cannot.
            _ if !req.csrf.as_deref().is_some_and(|c| same_secret(c, &self.participants[at].csrf)) => {
                Reply::refused(403, "token").into()
            }
            Ask::Item { quadrant, text } => self.item(at, quadrant, &text, now),
            Ask::Vote { factor, up } => self.vote(at, &factor, up, session).into(),
            Ask::Join { .. } | Ask::Info => Reply::refused(400, "bad").into(),
        }
    }

    fn who(&self, token: Option<&str>) -> Option<usize> {
        let token = token?;
        self.participants.iter().position(|p| !p.banned && same_secret(&p.token, token))
    }

    fn join(&mut self, code: &str, name: &str, peer: IpAddr, now: Instant) -> Reply {
        let tries = self.wrong.entry(peer).or_default();
        // An address that guessed too often gets no answer at all, even to the right code.
        if within_minute(tries, now) >= WRONG_CODES_PER_MINUTE {
            return Reply::refused(429, "slow_down");
        }
        if !same_secret(&squeeze_code(code), &self.code) {
            // Too many wrong codes in all: slowed down, still counted against the
            // address. The right code is not: wrong ones must not keep the room
            // closed to newcomers (each address still guesses 5 a minute at most).
            tries.push_back(now);
            if within_minute(&mut self.wrong_all, now) >= WRONG_CODES_ALL_PER_MINUTE {
                return Reply::refused(429, "slow_down");
            }
            self.wrong_all.push_back(now);
            return Reply::refused(403, "code");
        }
        if !self.joining || self.phase == Phase::Closed {
            return Reply::refused(403, "joining_closed");
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Reply::refused(403, "full");
        }
        let (token, csrf) = ((self.random)(), (self.random)());
        if token.is_empty() || csrf.is_empty() {
            return Reply::refused(500, "bad");
        }
        let name = clean_text(name);
        let shown = crate::domain::text::shows_something(&name);
        let name = (self.names != Names::NoOne && shown).then(|| name.chars().take(NAME_MAX).collect());
        let number = self.participants.len() as u32 + 1;
        self.participants.push(Participant {
            number,
            token: token.clone(),
            csrf,
            name,
            banned: false,
            seen: now,
            sent: VecDeque::new(),
            items: Vec::new(),
            votes: BTreeMap::new(),
        });
        Reply { status: 200, body: json!({ "joined": true }), cookie: Some(token) }
    }

    fn item(&mut self, at: usize, quadrant: Quadrant, text: &str, now: Instant) -> Decision {
        if self.phase != Phase::Write {
            return Reply::refused(409, "phase").into();
        }
        let text = clean_text(text);
        // Only invisible characters (U+3164, U+200B): no words, a blank line in the inbox.
        if !crate::domain::text::shows_something(&text) {
            return Reply::refused(400, "empty").into();
        }
        if text.chars().count() > ITEM_TEXT_MAX {
            return Reply::refused(413, "too_long").into();
        }
        let p = &mut self.participants[at];
        if within_minute(&mut p.sent, now) >= ITEMS_PER_MINUTE {
            return Reply::refused(429, "slow_down").into();
        }
        p.sent.push_back(now);
        let seq = self.next_seq;
        self.next_seq += 1;
        p.items.push((seq, quadrant, text.clone(), Fate::Waiting));
        let name = if self.names == Names::NoOne { None } else { p.name.clone() };
        let item = Pending { seq, who: p.number, name, quadrant, text, at: jiff::Timestamp::now() };
        self.inbox.push(item.clone());
        file(&mut self.groups, &item);
        Decision { reply: Reply::ok(json!({ "sent": seq })), append: Some(item) }
    }

    fn vote(&mut self, at: usize, factor: &str, up: bool, session: &Session) -> Reply {
        if self.phase != Phase::Vote || self.results_shown {
            return Reply::refused(409, "phase");
        }
        let (budget, per_item) = (self.budget, self.per_item);
        let p = &mut self.participants[at];
        // Votes on a factor deleted or joined into another are given back, for good
        // (its undo brings the factor back, not the votes spent again elsewhere).
        p.votes.retain(|id, _| session.find_factor(id).is_some());
        if session.find_factor(factor).is_none() {
            return Reply::refused(404, "gone");
        }
        let spent: u32 = p.votes.values().sum();
        let mine = p.votes.get(factor).copied().unwrap_or(0);
        if up {
            if spent >= budget {
                return Reply::refused(409, "budget");
            }
            if mine >= per_item {
                return Reply::refused(409, "per_item");
            }
            p.votes.insert(factor.to_owned(), mine + 1);
        } else if mine == 0 {
            return Reply::refused(409, "none");
        } else if mine == 1 {
            p.votes.remove(factor);
        } else {
            p.votes.insert(factor.to_owned(), mine - 1);
        }
        let spent: u32 = p.votes.values().sum();
        Reply::ok(json!({ "remaining": budget - spent }))
    }

    /// What the page of participant `at` shows.
    fn state_for(&self, at: usize, session: &Session) -> Value {
        let p = &self.participants[at];
        let mine: Vec<Value> = p
            .items
            .iter()
            .map(|(seq, q, text, fate)| json!({ "n": seq, "q": q.index(), "text": text, "fate": fate.key() }))
            .collect();
        let board: Vec<Value> = if self.phase >= Phase::Reveal {
            let tally = self.results_shown.then(|| self.tally());
            Quadrant::ALL
                .iter()
                .flat_map(|q| session.factors(*q).iter().map(move |f| (q, f)))
                .map(|(q, f)| {
                    let mut v = json!({ "id": f.id, "q": q.index(), "text": clean_text(&f.text),
                        "mine": p.votes.get(&f.id).copied().unwrap_or(0) });
                    if let Some(t) = &tally {
                        v["votes"] = json!(t.get(&f.id).copied().unwrap_or(0));
                    }
                    v
                })
                .collect()
        } else {
            Vec::new()
        };
        let spent = spent(&p.votes, session);
        json!({
            "phase": self.phase.key(),
            "csrf": p.csrf,
            "names": self.names != Names::NoOne,
            "budget": self.budget,
            "per_item": self.per_item,
            "remaining": self.budget.saturating_sub(spent),
            "results": self.results_shown,
            "mine": mine,
            "board": board,
        })
    }
}
