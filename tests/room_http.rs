//! The room over HTTP on 127.0.0.1 (issue 28): participants join, write and
//! vote; the facilitator's keys moderate; hostile requests are refused and
//! bounded (forged tokens, wrong codes, oversize, floods, escape sequences,
//! slow and half-open connections).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use dafo::app::Action;
use dafo::app::sala::SalaAction as S;
use dafo::domain::Quadrant;
use serde_json::json;

use crate::common::room::{Participant, Room, code, raw, request};

fn factor_texts(room: &Room, q: Quadrant) -> Vec<(String, Vec<String>, u32)> {
    room.read(move |app| match &app.screen {
        dafo::app::Screen::Editor(e) => {
            e.session().factors(q).iter().map(|f| (f.text.clone(), f.sources.clone(), f.votes)).collect()
        }
        _ => Vec::new(),
    })
}

fn waiting(room: &Room) -> Vec<String> {
    room.read(|app| match &app.screen {
        dafo::app::Screen::Editor(e) => e.sala_list().iter().map(|(p, _)| p.text.clone()).collect(),
        _ => Vec::new(),
    })
}

#[test]
fn an_item_is_on_disk_before_it_is_sent_and_the_facilitator_accepts_one_and_sets_one_aside() {
    let room = Room::open(&[]);
    let code = code(&room);
    let ana = Participant::join(room.addr, &code, "Ana");
    assert_eq!(ana.send(room.addr, 3, "Recortes").json()["error"], "phase", "nothing is taken before writing starts");
    room.press(Action::Sala(S::Phase));
    let sent = ana.send(room.addr, 3, "Recortes en la financiación");
    assert_eq!(sent.status, 200, "{}", sent.body);
    let inbox = dafo::sala::inbox::inbox_path(&room.path);
    let on_disk = std::fs::read_to_string(&inbox).expect("the inbox file");
    assert!(on_disk.contains("Recortes en la financiación"), "synced before the answer: {on_disk}");
    assert_eq!(ana.send(room.addr, 0, "Equipo con experiencia").status, 200);
    assert_eq!(waiting(&room), ["Recortes en la financiación", "Equipo con experiencia"]);
    room.press(Action::Sala(S::Open));
    room.press(Action::Sala(S::Accept));
    room.press(Action::Sala(S::Reject));
    let threats = factor_texts(&room, Quadrant::Threats);
    assert_eq!(threats, [("Recortes en la financiación".to_owned(), vec!["sala".to_owned()], 0)]);
    assert!(factor_texts(&room, Quadrant::Strengths).is_empty());
    let fates: Vec<String> = ana.state(room.addr)["mine"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["fate"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fates, ["accepted", "rejected"]);
    let (path, _dir) = room.close();
    assert!(!inbox.exists(), "every item settled: the inbox file is gone");
    let saved = dafo::storage::load(&path).unwrap();
    assert_eq!(saved.threats.len(), 1);
}

#[test]
fn items_left_waiting_come_back_after_the_app_is_gone() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 1, "Falta de relevo").status, 200);
    let (path, _dir) = room.close();
    let (items, _) = dafo::sala::inbox::replay(&dafo::sala::inbox::inbox_path(&path), dafo::i18n::Lang::En).unwrap();
    assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["Falta de relevo"]);
}

#[test]
fn votes_within_the_budget_then_results_added_as_one_undoable_step() {
    let room = Room::open(&["Equipo motivado", "Red de voluntariado"]);
    let a = Participant::join(room.addr, &code(&room), "");
    let b = Participant::join(room.addr, &code(&room), "");
    // `--room` opened the pane: its keys set the budget (5 each, 3 per factor, at first).
    for _ in 0..3 {
        room.press(Action::Sala(S::BudgetDown));
    }
    let budget = room.read(|app| match &app.screen {
        dafo::app::Screen::Editor(e) => e.sala().map(|l| (l.state.budget, l.state.per_item)),
        _ => None,
    });
    assert_eq!(budget, Some((2, 2)));
    room.press(Action::Sala(S::BudgetUp));
    for _ in 0..3 {
        room.press(Action::Sala(S::Phase));
    }
    assert_eq!(a.vote(room.addr, "F1", true).json()["remaining"], 2);
    assert_eq!(a.vote(room.addr, "F1", true).json()["remaining"], 1);
    assert_eq!(a.vote(room.addr, "F2", true).json()["remaining"], 0);
    let fourth = a.vote(room.addr, "F2", true);
    assert_eq!((fourth.status, fourth.json()["error"].clone()), (409, json!("budget")));
    assert_eq!(b.vote(room.addr, "F2", true).status, 200);
    assert!(a.state(room.addr)["board"][0].get("votes").is_none(), "results hidden until revealed");
    room.press(Action::Sala(S::Results));
    let votes: Vec<u32> = factor_texts(&room, Quadrant::Strengths).iter().map(|f| f.2).collect();
    assert_eq!(votes, [2, 2]);
    assert_eq!(a.state(room.addr)["board"][0]["votes"], 2, "results shown to the room");
    assert_eq!(b.vote(room.addr, "F1", true).json()["error"], "phase", "no votes after the results");
    room.press(Action::Undo);
    let votes: Vec<u32> = factor_texts(&room, Quadrant::Strengths).iter().map(|f| f.2).collect();
    assert_eq!(votes, [0, 0], "one undo takes the whole result back");
}

#[test]
fn forged_tokens_other_sites_and_wrong_codes_are_refused() {
    let room = Room::open(&["x"]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    let body = json!({ "q": 0, "text": "hola", "csrf": "0000" });
    assert_eq!(request(room.addr, "POST", "/item", Some(&p.token), Some(&body)).status, 403, "forged form token");
    let body = json!({ "q": 0, "text": "hola", "csrf": p.csrf });
    assert_eq!(request(room.addr, "POST", "/item", Some("feedfacefeedfacefeedfacefeedface"), Some(&body)).status, 403);
    assert_eq!(request(room.addr, "POST", "/item", None, Some(&body)).status, 403, "no cookie");
    let b = body.to_string();
    let other_site = format!(
        "POST /item HTTP/1.1\r\nHost: {a}\r\nOrigin: http://evil.example\r\nCookie: dafo={t}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
        b.len(),
        a = room.addr,
        t = p.token
    );
    assert_eq!(raw(room.addr, other_site.as_bytes()).unwrap().status, 403);
    let form = format!(
        "POST /item HTTP/1.1\r\nHost: {a}\r\nCookie: dafo={t}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{b}",
        b.len(),
        a = room.addr,
        t = p.token
    );
    assert_eq!(raw(room.addr, form.as_bytes()).unwrap().status, 415, "a cross-site form cannot send JSON");
    let home = request(room.addr, "GET", "/", None, None);
    assert!(home.header("access-control-allow-origin").is_none(), "no CORS");
    assert!(home.header("content-security-policy").is_some());
    let join = request(room.addr, "POST", "/join", None, Some(&json!({ "code": code(&room), "name": "" })));
    let cookie = join.header("set-cookie").unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let statuses: Vec<u16> = (0..7)
        .map(|_| request(room.addr, "POST", "/join", None, Some(&json!({ "code": "ZZZZZZZZ", "name": "" }))).status)
        .collect();
    assert_eq!(statuses, [403, 403, 403, 403, 403, 429, 429]);
    assert_eq!(p.send(room.addr, 0, "sigue funcionando").status, 200, "those who joined are not slowed");
}

#[test]
fn oversize_non_utf8_and_floods_are_refused() {
    let room = Room::open(&["x"]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    let big = format!(
        "POST /item HTTP/1.1\r\nHost: {a}\r\nCookie: dafo={t}\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n",
        a = room.addr,
        t = p.token
    );
    assert_eq!(raw(room.addr, big.as_bytes()).unwrap().status, 413);
    let long_head = format!("GET /state HTTP/1.1\r\nHost: x\r\nX-Pad: {}\r\n\r\n", "a".repeat(20_000));
    assert_eq!(raw(room.addr, long_head.as_bytes()).unwrap().status, 431);
    assert_eq!(p.send(room.addr, 0, &"ñ".repeat(10_001)).status, 413, "an item's length as in the terminal");
    let bytes = b"{\"q\":0,\"text\":\"\xff\xfe\",\"csrf\":\"x\"}";
    let mut bad = format!(
        "POST /item HTTP/1.1\r\nHost: {a}\r\nCookie: dafo={t}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        bytes.len(),
        a = room.addr,
        t = p.token
    )
    .into_bytes();
    bad.extend_from_slice(bytes);
    let answer = raw(room.addr, &bad).unwrap();
    assert_eq!((answer.status, answer.json()["error"].clone()), (400, json!("utf8")));
    let flood: Vec<u16> = (0..15).map(|n| p.send(room.addr, 0, &format!("idea {n}")).status).collect();
    assert_eq!(flood.iter().filter(|s| **s == 200).count(), 10, "{flood:?}");
    assert_eq!(flood.iter().filter(|s| **s == 429).count(), 5);
    assert_eq!(waiting(&room).len(), 10);
}

#[test]
fn escape_sequences_and_html_never_reach_the_terminal_or_the_page() {
    let room = Room::open(&["x"]);
    let p = Participant::join(room.addr, &code(&room), "\u{1b}[31mEva</b>");
    room.press(Action::Sala(S::Phase));
    let hostile = "<script>alert(1)</script> \u{1b}]52;c;aGk=\u{7} \u{1b}[2J\u{9b}31m limpio\u{202e}";
    assert_eq!(p.send(room.addr, 2, hostile).status, 200);
    let item = waiting(&room).pop().unwrap();
    assert!(!item.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']), "{item:?}");
    room.press(Action::Sala(S::Open));
    let screen = room.read(|app| crate::common::screen_rows(app, 140, 40).join("\n"));
    assert!(screen.contains("limpio"), "{screen}");
    assert!(!screen.contains(['\u{1b}', '\u{7}', '\u{9b}']));
    let page = request(room.addr, "GET", "/", None, None);
    assert!(
        !page.body.contains("<script>alert") && !page.body.contains("limpio"),
        "no participant text is ever put in the HTML"
    );
    let script = request(room.addr, "GET", "/app.js", None, None).body;
    assert!(!script.contains("innerHTML"), "texts go in with textContent only");
    let mine = p.state(room.addr)["mine"][0]["text"].as_str().unwrap().to_owned();
    assert_eq!(mine, item, "what the participant sees is what was kept");
}

#[test]
fn slow_and_half_open_connections_are_cut_and_others_still_get_answers() {
    let room = Room::open(&["x"]);
    let started = Instant::now();
    // More slow connections than workers: each dribbles the start of a request, or nothing.
    let slow: Vec<TcpStream> = (0..40)
        .map(|n| {
            let mut s = TcpStream::connect(room.addr).unwrap();
            if n % 2 == 0 {
                s.write_all(b"GET /state HTTP/1.1\r\nHost: x\r\n").unwrap();
            }
            s
        })
        .collect();
    let p = Participant::join(room.addr, &code(&room), "");
    assert!(started.elapsed() < Duration::from_secs(10), "joined while slow connections were held");
    assert_eq!(p.state(room.addr)["phase"], "lobby");
    for mut s in slow {
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408") || text.starts_with("HTTP/1.1 503"), "{text}");
    }
    assert!(started.elapsed() < Duration::from_secs(15), "every slow connection was cut: {:?}", started.elapsed());
}

/// Joining an idea into a factor names the factor as the screen shows it: `S1`
/// in English (it said the stored `F1`).
#[test]
fn joining_an_idea_in_english_names_the_english_id() {
    let room = Room::open_in(&["Waiting lists for care"], dafo::i18n::Lang::En);
    let a = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(a.send(room.addr, 0, "Waiting lists in care").status, 200);
    room.press(Action::Sala(S::Join));
    let said = room.read(crate::common::keys::notice);
    assert_eq!(said, "Joined into S1 (one more vote)");
}

#[test]
fn join_into_a_similar_factor_move_accept_a_quadrant_as_one_step_and_ban() {
    let room = Room::open(&["Listas de espera en dependencia"]);
    let code = code(&room);
    let (a, b) = (Participant::join(room.addr, &code, ""), Participant::join(room.addr, &code, ""));
    room.press(Action::Sala(S::Phase));
    assert_eq!(a.send(room.addr, 0, "Listas de espera en la dependencia").status, 200);
    assert_eq!(b.send(room.addr, 3, "Voluntariado joven").status, 200);
    assert_eq!(b.send(room.addr, 0, "Local propio").status, 200);
    assert_eq!(b.send(room.addr, 0, "Buena imagen").status, 200);
    room.press(Action::Sala(S::Join));
    assert_eq!(
        factor_texts(&room, Quadrant::Strengths),
        [("Listas de espera en dependencia".to_owned(), vec!["sala".to_owned()], 1)]
    );
    // "Voluntariado joven" was sent as a threat: moved to strengths, then the quadrant accepted at once.
    room.press(Action::Sala(S::Move(Quadrant::Strengths)));
    room.press(Action::Sala(S::AcceptAll));
    assert_eq!(factor_texts(&room, Quadrant::Strengths).len(), 4);
    assert!(waiting(&room).is_empty());
    room.press(Action::Undo);
    assert_eq!(factor_texts(&room, Quadrant::Strengths).len(), 1, "accepting a quadrant is one step");
    assert_eq!(b.send(room.addr, 1, "Otra").status, 200);
    room.press(Action::Sala(S::Ban));
    assert_eq!(b.state(room.addr)["error"], "token", "banned: the token no longer works");
    assert_eq!(b.send(room.addr, 1, "Y otra").status, 403);
    assert_eq!(a.send(room.addr, 1, "Sigo").status, 200);
}

#[test]
fn o_opens_the_pane_again_from_the_grid_and_an_item_is_edited_before_it_is_accepted() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 2, "Subvenciones europeas").status, 200);
    let context = |room: &Room| room.read(|app| format!("{:?}", app.context()));
    room.press(Action::Back);
    assert_eq!(context(&room), "Grid");
    let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('O'));
    let action = room.read(move |app| app.action_for(&ratatui::crossterm::event::Event::Key(key)));
    assert_eq!(action, Some(Action::Sala(S::Open)));
    room.press(Action::Sala(S::Open));
    assert_eq!(context(&room), "Sala");
    room.press(Action::Sala(S::Edit));
    assert_eq!(context(&room), "Input");
    room.press(Action::Cancel);
    assert_eq!((context(&room), waiting(&room).len()), ("Sala".to_owned(), 1), "Esc leaves it waiting, in the pane");
    room.press(Action::Sala(S::Edit));
    let space = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(' '));
    room.press(Action::TextKey(space));
    room.press(Action::Paste("2027".into()));
    room.press(Action::Submit);
    assert_eq!(context(&room), "Sala", "back in the pane for the next item");
    let texts: Vec<String> = factor_texts(&room, Quadrant::Opportunities).into_iter().map(|f| f.0).collect();
    assert_eq!(texts, ["Subvenciones europeas 2027"]);
    assert!(waiting(&room).is_empty());
}

#[test]
fn the_projector_never_shows_the_inbox() {
    let room = Room::open(&["Equipo"]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 0, "Texto sin moderar").status, 200);
    let pane = room.read(|app| crate::common::screen_rows(app, 120, 40).join("\n"));
    assert!(pane.contains("Texto sin moderar"));
    room.press(Action::Back);
    room.press(Action::Room(dafo::app::room::RoomAction::TogglePresent));
    let projected = room.read(|app| crate::common::screen_rows(app, 120, 40).join("\n"));
    assert!(projected.contains("Equipo") && !projected.contains("Texto sin moderar"), "{projected}");
    let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('O'));
    let action = room.read(move |app| app.action_for(&ratatui::crossterm::event::Event::Key(key)));
    assert_eq!(action, None, "the room pane does not open while presenting");
}

#[test]
fn closing_the_room_stops_listening() {
    let room = Room::open(&[]);
    let addr = room.addr;
    assert_eq!(request(addr, "GET", "/", None, None).status, 200);
    room.press(Action::Sala(S::Stop));
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
        "nothing listens once the room is closed"
    );
    let open_again = room.read(|app| match &app.screen {
        dafo::app::Screen::Editor(e) => e.sala().is_some(),
        _ => true,
    });
    assert!(!open_again);
}

#[test]
fn an_accepted_item_leaves_the_inbox_file_only_once_the_session_holding_it_is_saved() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 0, "Aceptada").status, 200);
    assert_eq!(p.send(room.addr, 0, "Descartada").status, 200);
    room.press(Action::Sala(S::Accept));
    room.press(Action::Sala(S::Reject));
    let inbox = dafo::sala::inbox::inbox_path(&room.path);
    let in_file = |inbox: &std::path::Path| -> Vec<String> {
        std::thread::sleep(Duration::from_millis(200));
        dafo::sala::inbox::replay(inbox, dafo::i18n::Lang::En).unwrap().0.into_iter().map(|i| i.text).collect()
    };
    assert_eq!(in_file(&inbox), ["Aceptada"], "a crash now would list it again: the session is not saved yet");
    room.with(|app| {
        app.handle(Action::Save);
        app.settle();
    });
    assert!(in_file(&inbox).is_empty(), "saved: settled in the file");
}

#[test]
fn a_flood_of_connections_is_turned_away_at_once_and_the_room_recovers() {
    let room = Room::open(&[]);
    let started = Instant::now();
    let flood: Vec<TcpStream> = (0..150).map(|_| TcpStream::connect(room.addr).unwrap()).collect();
    let mut busy = 0;
    for mut s in flood {
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        busy += usize::from(String::from_utf8_lossy(&out).starts_with("HTTP/1.1 503"));
    }
    assert!(busy > 0, "more connections than workers and queue: some answered 503 at once");
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    assert_eq!(request(room.addr, "GET", "/", None, None).status, 200);
}

#[test]
fn undoing_an_accept_puts_the_item_back_waiting_and_undoing_the_results_lets_them_be_added_again() {
    let room = Room::open(&["Equipo motivado"]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 3, "Recortes").status, 200);
    let fate = |room: &Room| p.state(room.addr)["mine"][0]["fate"].as_str().unwrap_or_default().to_owned();
    for accept in [S::Accept, S::AcceptAll, S::Join] {
        let q = if accept == S::Join { Quadrant::Strengths } else { Quadrant::Threats };
        if accept == S::Join {
            room.press(Action::Sala(S::Move(Quadrant::Strengths)));
        }
        let before = factor_texts(&room, q);
        room.press(Action::Sala(accept));
        assert!(waiting(&room).is_empty(), "{accept:?}");
        assert_eq!(fate(&room), "accepted");
        room.press(Action::Undo);
        assert_eq!(factor_texts(&room, q), before, "{accept:?} undone");
        assert_eq!(waiting(&room), ["Recortes"], "{accept:?} undone: the words wait again");
        assert_eq!(fate(&room), "waiting", "the phone follows");
        room.press(Action::Redo);
        assert!(waiting(&room).is_empty(), "{accept:?} redone: settled again");
        assert_eq!(fate(&room), "accepted");
        room.press(Action::Undo);
        assert_eq!(waiting(&room), ["Recortes"]);
    }
    // Saved meanwhile, then undone: the inbox file lists it again for a crash.
    room.press(Action::Sala(S::Accept));
    room.with(|app| {
        app.handle(Action::Save);
        app.settle();
    });
    room.press(Action::Undo);
    let inbox = dafo::sala::inbox::inbox_path(&room.path);
    std::thread::sleep(Duration::from_millis(200));
    let (items, _) = dafo::sala::inbox::replay(&inbox, dafo::i18n::Lang::En).unwrap();
    assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["Recortes"]);
    // The room's votes: added, undone, added again.
    for _ in 0..2 {
        room.press(Action::Sala(S::Phase));
    }
    assert_eq!(p.vote(room.addr, "F1", true).status, 200);
    room.press(Action::Sala(S::Results));
    assert_eq!(factor_texts(&room, Quadrant::Strengths)[0].2, 1);
    assert_eq!(p.state(room.addr)["results"], true);
    room.press(Action::Undo);
    assert_eq!(factor_texts(&room, Quadrant::Strengths)[0].2, 0);
    assert_eq!(p.state(room.addr)["results"], false, "the phones stop showing results");
    assert_eq!(p.vote(room.addr, "F1", true).status, 200, "voting goes on");
    room.press(Action::Sala(S::Results));
    assert_eq!(factor_texts(&room, Quadrant::Strengths)[0].2, 2, "added again");
}

#[test]
fn closing_the_room_right_after_an_accept_saves_first_and_reopening_lists_nothing_to_accept_twice() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 0, "Aceptada").status, 200);
    // Accepted and the room closed at once, long before autosave would run.
    room.with(|app| {
        app.handle(Action::Sala(S::Accept));
        app.handle(Action::Sala(S::Stop));
    });
    let inbox = dafo::sala::inbox::inbox_path(&room.path);
    assert!(!inbox.exists(), "nothing waits and the session holding it is saved: the inbox file is gone");
    let saved = dafo::storage::load(&room.path).unwrap();
    assert_eq!(saved.strengths.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["Aceptada"]);
    room.press(Action::Sala(S::Open));
    assert!(room.read(|app| matches!(&app.screen, dafo::app::Screen::Editor(e) if e.sala().is_some())));
    assert!(waiting(&room).is_empty(), "opened again: the accepted item is not listed to be accepted twice");
}

#[test]
fn names_dropped_when_no_one_sees_them_stay_dropped_after_the_room_is_opened_again() {
    let room = Room::open(&[]);
    room.press(Action::Sala(S::Names));
    room.press(Action::Sala(S::Names));
    let ana = Participant::join(room.addr, &code(&room), "Ana");
    room.press(Action::Sala(S::Phase));
    assert_eq!(ana.send(room.addr, 0, "Equipo con experiencia").status, 200, "named for the facilitator only");
    room.press(Action::Sala(S::Names));
    let names = |room: &Room| {
        room.read(|app| match &app.screen {
            dafo::app::Screen::Editor(e) => e.sala_list().iter().map(|(p, _)| p.name.clone()).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    assert_eq!(names(&room), [None], "no one sees names now: dropped");
    room.press(Action::Sala(S::Stop));
    room.press(Action::Sala(S::Open));
    assert_eq!(waiting(&room), ["Equipo con experiencia"]);
    assert_eq!(names(&room), [None], "not brought back from the inbox file");
    // A new room starts in the lobby, where names may be shown to the room again.
    room.press(Action::Sala(S::Names));
    room.press(Action::Sala(S::Accept));
    let strengths = factor_texts(&room, Quadrant::Strengths);
    assert_eq!(strengths, [("Equipo con experiencia".to_owned(), vec!["sala".to_owned()], 0)]);
}

#[test]
fn an_item_from_an_earlier_room_belongs_to_nobody_here_and_b_on_it_bans_no_one() {
    let room = Room::open(&[]);
    let before = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(before.send(room.addr, 0, "De la sala anterior").status, 200);
    room.press(Action::Sala(S::Stop));
    room.press(Action::Sala(S::Open));
    // The new room (on a new port) numbers its participants from 1 again.
    let addr = room
        .read(|app| match &app.screen {
            dafo::app::Screen::Editor(e) => e.sala().and_then(|l| l.addr()),
            _ => None,
        })
        .expect("open again");
    let now = Participant::join(addr, &code(&room), "");
    let shown = room.read(|app| {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
        terminal.draw(|f| dafo::ui::draw(app, &dafo::ui::theme::Theme::dark(), f)).unwrap();
        let buffer = terminal.backend().buffer();
        buffer.content().iter().map(|c| c.symbol()).collect::<String>()
    });
    assert!(shown.contains("sala anterior: De la sala anterior"), "{shown}");
    assert!(!shown.contains("participante 1"), "not shown as a participant of this room");
    room.press(Action::Sala(S::Ban));
    let said = room.read(|app| app.notice().map(|n| (n.text.clone(), n.error)).unwrap_or_default());
    assert_eq!(
        said,
        ("Esta aportación es de una sala anterior: no se puede expulsar a quien la envió".to_owned(), true)
    );
    assert_eq!(
        request(addr, "GET", "/state", Some(&now.token), None).status,
        200,
        "participant 1 of this room is still in"
    );
}

#[test]
fn an_accept_undone_then_the_item_set_aside_is_not_redone() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 3, "Recortes").status, 200);
    room.press(Action::Sala(S::Open));
    room.press(Action::Sala(S::Accept));
    room.press(Action::Undo);
    assert_eq!(waiting(&room), ["Recortes"]);
    room.press(Action::Sala(S::Reject));
    room.press(Action::Redo);
    assert!(factor_texts(&room, Quadrant::Threats).is_empty(), "set aside: not a factor");
    assert_eq!(p.state(room.addr)["mine"][0]["fate"], "rejected");
    let said = room.read(|app| app.notice().map(|n| n.text.clone()).unwrap_or_default());
    assert_eq!(said, "Nada que rehacer");
}

#[test]
fn v_with_no_votes_cast_says_so_and_voting_goes_on() {
    let room = Room::open(&["Equipo motivado"]);
    let p = Participant::join(room.addr, &code(&room), "");
    for _ in 0..3 {
        room.press(Action::Sala(S::Phase));
    }
    room.press(Action::Sala(S::Results));
    let said = room.read(|app| app.notice().map(|n| (n.text.clone(), n.error)).unwrap_or_default());
    assert_eq!(said, ("No hay votos que sumar: la votación sigue".to_owned(), true));
    assert_eq!(p.state(room.addr)["results"], false, "the phones still vote");
    assert_eq!(p.vote(room.addr, "F1", true).status, 200, "voting goes on");
    room.press(Action::Sala(S::Results));
    assert_eq!(factor_texts(&room, Quadrant::Strengths)[0].2, 1);
    assert_eq!(p.state(room.addr)["results"], true);
}

#[test]
fn an_accept_undone_is_not_redone_after_the_room_was_closed_and_opened_again() {
    let room = Room::open(&[]);
    let p = Participant::join(room.addr, &code(&room), "");
    room.press(Action::Sala(S::Phase));
    assert_eq!(p.send(room.addr, 3, "Recortes").status, 200);
    room.press(Action::Sala(S::Open));
    room.press(Action::Sala(S::Accept));
    room.press(Action::Undo);
    room.press(Action::Sala(S::Stop));
    room.press(Action::Sala(S::Open));
    assert_eq!(waiting(&room), ["Recortes"], "waiting again in the new room");
    room.press(Action::Redo);
    assert!(factor_texts(&room, Quadrant::Threats).is_empty(), "no factor for an item still waiting");
    room.press(Action::Sala(S::Accept));
    assert_eq!(factor_texts(&room, Quadrant::Threats).len(), 1, "accepted once, no twin");
}
