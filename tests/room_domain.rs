//! The room's rules without network or terminal (issue 28): joining with the
//! code, phases, the vote budget enforced by the server, names never loosened.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use dafo::domain::{Quadrant, Session};
use dafo::sala::state::{Ask, Names, Phase, Request, Sala};

const PEER: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

fn ask(sala: &mut Sala, session: &Session, token: &str, csrf: &str, ask: Ask) -> (u16, serde_json::Value) {
    let req = Request { ask, token: Some(token.into()), csrf: Some(csrf.into()), peer: PEER };
    let d = sala.handle(req, session, Instant::now());
    (d.reply.status, d.reply.body)
}

/// Joins and returns the cookie's token and the form's token.
fn join(sala: &mut Sala, session: &Session, name: &str) -> (String, String) {
    let req = Request {
        ask: Ask::Join { code: sala.code.to_lowercase(), name: name.into() },
        token: None,
        csrf: None,
        peer: PEER,
    };
    let d = sala.handle(req, session, Instant::now());
    assert_eq!(d.reply.status, 200, "{:?}", d.reply.body);
    let token = d.reply.cookie.expect("a token");
    let (_, state) = ask(sala, session, &token, "", Ask::State);
    (token, state["csrf"].as_str().expect("csrf").to_owned())
}

fn session_with(texts: &[&str]) -> Session {
    let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
    let edit = s.add_factors(Quadrant::Strengths, texts.iter().copied()).expect("factors");
    s.apply(edit).expect("applies");
    s
}

#[test]
fn the_budget_and_the_most_per_factor_are_enforced_by_the_server() {
    let session = session_with(&["Equipo motivado", "Buena red de voluntariado"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    assert!(sala.set_budget(3, 2));
    let (t, c) = join(&mut sala, &session, "");
    let vote = |sala: &mut Sala, id: &str, up| ask(sala, &session, &t, &c, Ask::Vote { factor: id.into(), up });
    assert_eq!(vote(&mut sala, "F1", true).1["error"], "phase", "no votes before the vote phase");
    sala.advance();
    sala.advance();
    sala.advance();
    assert_eq!(sala.phase, Phase::Vote);
    assert!(!sala.set_budget(9, 2), "the budget is fixed once voting starts");
    assert_eq!(vote(&mut sala, "F1", true).1["remaining"], 2);
    assert_eq!(vote(&mut sala, "F1", true).1["remaining"], 1);
    assert_eq!(vote(&mut sala, "F1", true).1["error"], "per_item");
    assert_eq!(vote(&mut sala, "F2", true).1["remaining"], 0);
    let (status, body) = vote(&mut sala, "F2", true);
    assert_eq!((status, body["error"].as_str()), (409, Some("budget")), "a fourth vote is refused");
    assert_eq!(vote(&mut sala, "F9", true).1["error"], "gone");
    assert_eq!(vote(&mut sala, "F1", false).1["remaining"], 1, "a vote taken back is spent again");
    assert_eq!(sala.votes_cast(&session), 2);
    assert_eq!(sala.tally().get("F1"), Some(&1));
}

#[test]
fn writes_need_the_form_token_and_a_token_of_this_room() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    sala.advance();
    let (t, c) = join(&mut sala, &session, "");
    let item = || Ask::Item { quadrant: Quadrant::Threats, text: "Recortes".into() };
    assert_eq!(ask(&mut sala, &session, &t, "forged", item()).0, 403);
    assert_eq!(ask(&mut sala, &session, "0123456789abcdef0123456789abcdef", &c, item()).0, 403);
    let (status, body) = ask(&mut sala, &session, &t, &c, item());
    assert_eq!(status, 200);
    assert_eq!(body["sent"], 1);
    assert_eq!(sala.inbox.len(), 1);
}

#[test]
fn a_wrong_code_repeated_is_slowed_down_and_the_right_one_then_waits_too() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    let now = Instant::now();
    let try_code = |sala: &mut Sala, code: &str, at| {
        let req =
            Request { ask: Ask::Join { code: code.into(), name: String::new() }, token: None, csrf: None, peer: PEER };
        sala.handle(req, &session, at).reply.status
    };
    for _ in 0..5 {
        assert_eq!(try_code(&mut sala, "AAAAAAAA", now), 403);
    }
    assert_eq!(try_code(&mut sala, "AAAAAAAA", now), 429);
    assert_eq!(try_code(&mut sala, "ABCD-EFGH", now), 429, "guessing gets no answer at all while slowed down");
    assert_eq!(try_code(&mut sala, "abcd efgh", now + Duration::from_secs(61)), 200);
}

#[test]
fn each_participant_sees_only_their_own_items_while_writing_and_is_rate_limited() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    sala.advance();
    let (t1, c1) = join(&mut sala, &session, "");
    let (t2, c2) = join(&mut sala, &session, "");
    ask(&mut sala, &session, &t1, &c1, Ask::Item { quadrant: Quadrant::Strengths, text: "mío".into() });
    let (_, state2) = ask(&mut sala, &session, &t2, &c2, Ask::State);
    assert_eq!(state2["mine"].as_array().map(Vec::len), Some(0));
    assert_eq!(state2["board"].as_array().map(Vec::len), Some(0), "nothing of the session shows before the reveal");
    for n in 0..9 {
        assert_eq!(
            ask(&mut sala, &session, &t1, &c1, Ask::Item { quadrant: Quadrant::Strengths, text: format!("i{n}") }).0,
            200
        );
    }
    let (status, body) =
        ask(&mut sala, &session, &t1, &c1, Ask::Item { quadrant: Quadrant::Strengths, text: "once".into() });
    assert_eq!((status, body["error"].as_str()), (429, Some("slow_down")));
    assert_eq!(
        ask(&mut sala, &session, &t1, &c1, Ask::Item { quadrant: Quadrant::Strengths, text: " \u{1b}[2J ".into() }).1["error"],
        "empty"
    );
    // Only characters that draw nothing: a blank line in the inbox, refused as empty.
    for blank in ["\u{3164}", "\u{200b} \u{200b}", "\u{feff}"] {
        let item = Ask::Item { quadrant: Quadrant::Strengths, text: blank.into() };
        assert_eq!(ask(&mut sala, &session, &t1, &c1, item).1["error"], "empty", "{blank:?}");
    }
}

#[test]
fn names_can_only_get_stricter_once_writing_started() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    assert_eq!(sala.names, Names::NoOne, "anonymous by default");
    assert!(sala.cycle_names());
    assert_eq!(sala.names, Names::Room, "in the lobby any choice");
    let (t, c) = join(&mut sala, &session, "Ana");
    sala.advance();
    ask(&mut sala, &session, &t, &c, Ask::Item { quadrant: Quadrant::Strengths, text: "algo".into() });
    assert_eq!(sala.inbox[0].name.as_deref(), Some("Ana"));
    assert!(sala.cycle_names());
    assert_eq!(sala.names, Names::Facilitator);
    assert!(sala.cycle_names());
    assert_eq!(sala.names, Names::NoOne);
    assert_eq!(sala.inbox[0].name, None, "names kept so far are dropped");
    assert!(!sala.cycle_names(), "never back to showing names");
    assert_eq!(sala.names, Names::NoOne);
}

#[test]
fn a_banned_participant_is_out_and_their_votes_do_not_count() {
    let session = session_with(&["a", "b"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    let (t, c) = join(&mut sala, &session, "");
    for _ in 0..3 {
        sala.advance();
    }
    ask(&mut sala, &session, &t, &c, Ask::Vote { factor: "F1".into(), up: true });
    assert_eq!(sala.votes_cast(&session), 1);
    assert!(sala.ban(1));
    assert_eq!(sala.votes_cast(&session), 0);
    assert_eq!(ask(&mut sala, &session, &t, &c, Ask::State).0, 403);
}

#[test]
fn near_duplicates_are_listed_together() {
    use dafo::sala::state::{Pending, grouped};
    let item = |seq, q, text: &str| Pending {
        seq,
        who: 1,
        name: None,
        quadrant: q,
        text: text.into(),
        at: jiff::Timestamp::UNIX_EPOCH,
    };
    let inbox = [
        item(1, Quadrant::Threats, "Listas de espera en dependencia"),
        item(2, Quadrant::Threats, "Recortes en la financiación"),
        item(3, Quadrant::Threats, "Listas de espera en la dependencia"),
        item(4, Quadrant::Strengths, "Listas de espera en dependencia"),
    ];
    assert_eq!(grouped(&inbox), [(0, false), (2, true), (1, false), (3, false)]);
}

#[test]
fn join_codes_are_eight_unambiguous_letters_and_differ() {
    let a = dafo::sala::state::new_code().expect("code");
    let b = dafo::sala::state::new_code().expect("code");
    assert_eq!(a.len(), 8);
    assert!(a.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    assert!(!a.contains(['0', 'O', '1', 'I', 'L']));
    assert_ne!(a, b);
}

#[test]
fn the_page_asks_for_names_only_when_someone_sees_them_and_the_room_has_a_size() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    let info = |sala: &mut Sala| {
        let req = Request { ask: Ask::Info, token: None, csrf: None, peer: PEER };
        sala.handle(req, &session, Instant::now()).reply.body["names"].clone()
    };
    assert_eq!(info(&mut sala), false);
    sala.cycle_names();
    assert_eq!(info(&mut sala), true);
    for _ in 0..dafo::sala::state::MAX_PARTICIPANTS {
        join(&mut sala, &session, "");
    }
    let req = Request {
        ask: Ask::Join { code: "ABCDEFGH".into(), name: String::new() },
        token: None,
        csrf: None,
        peer: PEER,
    };
    assert_eq!(sala.handle(req, &session, Instant::now()).reply.body["error"], "full");
    sala.joining = false;
    let req = Request {
        ask: Ask::Join { code: "ABCDEFGH".into(), name: String::new() },
        token: None,
        csrf: None,
        peer: PEER,
    };
    assert_eq!(sala.handle(req, &session, Instant::now()).reply.body["error"], "joining_closed");
}

#[test]
fn the_page_speaks_the_session_language_and_stays_small() {
    use dafo::i18n::Lang;
    for (lang, tag, code) in
        [(Lang::Es, "es", "Código de la sala"), (Lang::En, "en", "Room code"), (Lang::Ca, "ca", "Codi de la sala")]
    {
        let page = dafo::sala::page::page(lang);
        assert!(page.html.contains(&format!("<html lang=\"{tag}\">")), "{tag}");
        assert!(page.html.contains(code), "{tag}");
        // The words ride in a JSON script element: nothing in them may close it.
        let words = page.html.split("id=\"words\" type=\"application/json\">").nth(1).unwrap_or_default();
        assert!(!words.split("</script>").next().unwrap_or_default().contains('<'), "{tag}");
        assert!(page.html.len() + page.script.len() < 12_000, "a few kB: {}", page.html.len() + page.script.len());
    }
}

#[test]
fn a_name_dropped_does_not_come_back_with_an_item_restored_or_undone() {
    use dafo::sala::state::{Fate, Pending};
    let named = |seq| Pending {
        seq,
        who: 1,
        name: Some("Ana".into()),
        quadrant: Quadrant::Strengths,
        text: format!("algo {seq}"),
        at: jiff::Timestamp::UNIX_EPOCH,
    };
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    sala.restore(named(1));
    assert_eq!(sala.inbox[0].name, None, "a new room keeps no names: the file's name stays out");
    sala.cycle_names();
    assert_eq!(sala.names, Names::Room);
    assert_eq!(sala.source_of(&sala.inbox[0], "sala"), "sala");
    // Accepted while names were kept; names then dropped; the accept undone.
    sala.inbox.clear();
    sala.restore(named(2));
    assert_eq!(sala.inbox[0].name.as_deref(), Some("Ana"), "kept while the room sees names");
    let accepted = sala.settle(2, Fate::Accepted).expect("waiting");
    sala.cycle_names();
    sala.cycle_names();
    assert_eq!(sala.names, Names::NoOne);
    sala.unsettle(accepted);
    assert_eq!(sala.inbox[0].name, None, "undone after names were dropped: without it");
}

#[test]
fn votes_on_a_factor_deleted_are_given_back() {
    use dafo::domain::{Edit, ListOp};
    let mut session = session_with(&["a", "b"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    assert!(sala.set_budget(3, 2));
    let (t, c) = join(&mut sala, &session, "");
    for _ in 0..3 {
        sala.advance();
    }
    let vote = |sala: &mut Sala, session: &Session, id: &str, up| {
        ask(sala, session, &t, &c, Ask::Vote { factor: id.into(), up })
    };
    assert_eq!(vote(&mut sala, &session, "F1", true).1["remaining"], 2);
    assert_eq!(vote(&mut sala, &session, "F1", true).1["remaining"], 1);
    assert_eq!(vote(&mut sala, &session, "F2", true).1["remaining"], 0);
    // The facilitator deletes F1 (or joins it into another).
    session.apply(Edit::Factor(Quadrant::Strengths, ListOp::Remove(0))).expect("removed");
    assert_eq!(sala.votes_cast(&session), 1, "the status line counts only votes on factors there");
    assert_eq!(ask(&mut sala, &session, &t, &c, Ask::State).1["remaining"], 2, "given back");
    assert_eq!(vote(&mut sala, &session, "F1", false).1["error"], "gone");
    assert_eq!(vote(&mut sala, &session, "F2", true).1["remaining"], 1, "spent again elsewhere");
    assert_eq!(sala.votes_cast(&session), 2);
}

#[test]
fn wrong_codes_from_many_addresses_do_not_keep_the_right_code_out() {
    let session = session_with(&["x"]);
    let mut sala = Sala::new("ABCDEFGH".into(), 1);
    let now = Instant::now();
    let try_code = |sala: &mut Sala, code: &str, peer: u8| {
        let peer = IpAddr::V4(Ipv4Addr::new(10, 0, 0, peer));
        let req = Request { ask: Ask::Join { code: code.into(), name: String::new() }, token: None, csrf: None, peer };
        sala.handle(req, &session, now).reply.status
    };
    for n in 0..dafo::sala::state::WRONG_CODES_ALL_PER_MINUTE {
        assert_eq!(try_code(&mut sala, "AAAAAAAA", n as u8 / 5), 403);
    }
    assert_eq!(try_code(&mut sala, "AAAAAAAA", 50), 429, "too many wrong codes in all: slowed down");
    assert_eq!(try_code(&mut sala, "ABCD-EFGH", 51), 200, "the right code still joins");
    // A wrong code slowed down still counts against its address.
    for _ in 0..4 {
        assert_eq!(try_code(&mut sala, "AAAAAAAA", 50), 429);
    }
    assert_eq!(try_code(&mut sala, "ABCD-EFGH", 50), 429, "that address guessed too often");
}
