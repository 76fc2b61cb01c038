//! The room from a phone (issue 28): headless Chromium at a phone's size joins
//! the room dafo opened in tmux, writes two items and sees "sent"; the
//! facilitator accepts one; reveal, three votes within the budget, a fourth
//! refused, results shown; axe-core finds no violation on the page.
//! `DAFO_ROOM_SCREENSHOT=FILE` keeps a screenshot of the phone (docs/images).

use std::time::{Duration, Instant};

use dafo::domain::{Quadrant, Session};
use serde_json::json;

use crate::browser_publish::{axe_source, violations};
use crate::common::webdriver::Browser;
use crate::common::{Tmux, dafo_bin, sh_quote};

/// Waits until `script` (a function body) returns true in the page.
fn wait_page(b: &Browser, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while b.run(script, json!([])) != json!(true) {
        let msg = b.run("return document.body.innerText", json!([]));
        assert!(Instant::now() < deadline, "timed out waiting for {what}; page:\n{msg}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn text_of(b: &Browser, css: &str) -> String {
    b.run(&format!("return document.querySelector('{css}').textContent"), json!([]))
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_phone_joins_writes_votes_within_the_budget_and_the_page_is_accessible() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    let mut session = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    let edit = session.add_factors(Quadrant::Strengths, ["Equipo con experiencia", "Red de voluntariado"]).unwrap();
    session.apply(edit).unwrap();
    dafo::storage::save(&path, &session).unwrap();
    let Some(axe) = axe_source() else { return };
    let Some(b) = Browser::start() else { return };
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 44) else { return };
    let screen = t.wait_for("Código: ");
    let url = format!("http://{}/", screen.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap());
    let code = screen.split("Código: ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap().to_owned();
    // A budget of 3 votes: `-` twice in the room pane (5 at first).
    t.press("-");
    t.press("-");
    t.wait_for("3 votos por persona");

    b.phone();
    b.goto(&url);
    assert_eq!(b.run("return window.innerWidth", json!([])), json!(390), "a phone's viewport");
    wait_page(&b, "return document.getElementById('name').hidden", "no name asked for: anonymous by default");
    let found = violations(&b, &axe);
    assert!(found.is_empty(), "axe on the join form:\n{}", found.join("\n"));
    b.type_into("#code", &code.to_lowercase());
    b.click("#join button");
    wait_page(&b, "return document.getElementById('join').hidden", "joined");
    t.wait_for("1 conectadas");
    t.press("f");
    wait_page(&b, "return !document.getElementById('write').hidden", "the write phase");
    for (q, text) in [("1", "Falta de relevo en la junta"), ("3", "Recortes <b>autonómicos</b>")] {
        b.run(&format!("document.getElementById('q').value = '{q}'; return true"), json!([]));
        b.type_into("#text", text);
        b.click("#write button");
        wait_page(&b, "return document.getElementById('msg').textContent === 'Enviado'", "sent");
        b.run("document.getElementById('msg').textContent = ''; return true", json!([]));
    }
    wait_page(&b, "return document.querySelectorAll('#mine li').length === 2", "two items of mine");
    assert!(text_of(&b, "#mine").contains("Recortes <b>autonómicos</b>"), "markup shown as text, not run");
    t.wait_for("Bandeja (2)");
    t.press("a");
    t.wait_for("Bandeja (1)");
    wait_page(&b, "return document.getElementById('mine').textContent.indexOf('aceptada') >= 0", "accepted");
    let found = violations(&b, &axe);
    assert!(found.is_empty(), "axe while writing:\n{}", found.join("\n"));
    if let Some(file) = std::env::var_os("DAFO_ROOM_SCREENSHOT") {
        std::fs::write(file, b.screenshot()).unwrap();
    }

    t.press("f");
    wait_page(&b, "return document.querySelectorAll('#board li').length === 3", "the factors revealed");
    t.press("f");
    wait_page(&b, "return document.querySelectorAll('#board li button').length === 6", "the vote buttons");
    let found = violations(&b, &axe);
    assert!(found.is_empty(), "axe while voting:\n{}", found.join("\n"));
    for (n, expected) in [(1, "2"), (1, "1"), (2, "0")] {
        b.click(&format!("#board li:nth-child({n}) button"));
        wait_page(
            &b,
            &format!("return document.getElementById('msg').textContent.endsWith(': {expected}')"),
            "a vote counted",
        );
    }
    b.click("#board li:nth-child(3) button");
    wait_page(
        &b,
        "return document.getElementById('msg').textContent === 'Ya no te quedan votos'",
        "the fourth vote refused",
    );
    t.wait_for("3 votos");
    t.press("V");
    wait_page(&b, "return document.querySelectorAll('#board li strong').length === 3", "the results");
    assert!(text_of(&b, "#board li:nth-child(1) strong").contains("2 votos"));
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let saved = dafo::storage::load(&path).unwrap();
    assert_eq!(saved.strengths.iter().map(|f| f.votes).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(saved.weaknesses[0].text, "Falta de relevo en la junta");
}
