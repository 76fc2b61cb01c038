//! Joining two factors in the DAFO grid (issue 24): `U` marks one, ↑↓ pick the
//! one it goes into, `Enter` asks which wording stays. Votes add, sources,
//! wordings and links stay, one undo step named for what it did, saved.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::keys::{ed, key, notice, press, typ};
use common::styles::styled;
use common::{Held, held};
use dafo::app::{App, Mode};
use dafo::domain::{CameAction, Factor, Quadrant, Session};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn factor(id: &str, text: &str, votes: u32, source: &str) -> Factor {
    let mut f = Factor::new(id, text);
    f.votes = votes;
    f.sources = vec![source.to_owned()];
    f
}

/// Three weaknesses, the first and the last the same thing said twice; an action answers the last.
fn workshop(lang: Lang) -> Held {
    let mut s = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    s.weaknesses = vec![
        factor("D1", "Listas de espera", 3, "técnicos"),
        factor("D2", "Poca coordinación entre servicios", 1, "técnicos"),
        factor("D3", "Listas de espera largas en dependencia", 2, "asociaciones"),
    ];
    s.correct = vec![CameAction::new("C1", "Ventanilla única", vec!["D3".into()])];
    s.last_ids.insert("D".into(), 3);
    s.last_ids.insert("C".into(), 1);
    held(s, lang)
}

fn session(app: &App) -> &Session {
    ed(app).session()
}

fn ids(app: &App) -> Vec<String> {
    session(app).weaknesses.iter().map(|f| f.id.clone()).collect()
}

/// Focus the weaknesses, select D3 (the last), mark it and move up to D1.
fn mark_d3_and_pick_d1(app: &mut App) {
    typ(app, "2G");
    typ(app, "U");
    assert!(matches!(ed(app).mode(), Mode::JoinMark(id) if id == "D3"));
    typ(app, "kk");
}

#[test]
fn joining_by_keys_adds_votes_keeps_words_and_links_and_undo_names_it() {
    let mut f = workshop(Lang::Es);
    mark_d3_and_pick_d1(&mut f);
    assert!(notice(&f).starts_with("Unir D3 en…"), "{}", notice(&f));
    press(&mut f, KeyCode::Enter);
    assert!(matches!(ed(&f).mode(), Mode::Join(j) if j.from == "D3" && j.into == "D1"));
    // Enter keeps the wording of the factor that stays.
    press(&mut f, KeyCode::Enter);
    assert_eq!(ids(&f), ["D1", "D2"]);
    let d1 = &session(&f).weaknesses[0];
    assert_eq!((d1.text.as_str(), d1.votes), ("Listas de espera", 5));
    assert_eq!(d1.sources, ["técnicos", "asociaciones"]);
    assert!(d1.origins.iter().any(|o| o.text == "Listas de espera largas en dependencia"));
    assert_eq!(session(&f).correct[0].links, ["D1"]);
    assert_eq!(ed(&f).selection(Quadrant::Weaknesses), Some(0), "the selection stays on the joined factor");
    assert_eq!(notice(&f), "D3 unido en D1 (u para deshacer)");
    // Saved: what is on disk is the joined session.
    f.app.flush();
    let on_disk = dafo::storage::load(&f.path).unwrap();
    assert_eq!(on_disk.weaknesses.len(), 2);
    assert_eq!(on_disk.weaknesses[0].votes, 5);
    // One undo step, named.
    typ(&mut f, "u");
    assert_eq!(notice(&f), "deshecho: unir D3 en D1");
    assert_eq!(ids(&f), ["D1", "D2", "D3"]);
    assert_eq!(session(&f).correct[0].links, ["D3"]);
    key(&mut f, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(notice(&f).ends_with(": unir D3 en D1"), "{}", notice(&f));
    assert_eq!(ids(&f), ["D1", "D2"]);
}

#[test]
fn the_other_wording_or_a_typed_one_can_stay() {
    let mut f = workshop(Lang::En);
    mark_d3_and_pick_d1(&mut f);
    press(&mut f, KeyCode::Enter);
    typ(&mut f, "2");
    assert_eq!(session(&f).weaknesses[0].text, "Listas de espera largas en dependencia");
    assert_eq!(session(&f).weaknesses[0].id, "D1");
    typ(&mut f, "u");
    assert_eq!(notice(&f), "undone: join W3 into W1", "IDs as English shows them");

    mark_d3_and_pick_d1(&mut f);
    press(&mut f, KeyCode::Enter);
    typ(&mut f, "e");
    // The line opens on the kept wording, to change it.
    assert!(matches!(ed(&f).mode(), Mode::Input(i) if i.value() == "Listas de espera"));
    typ(&mut f, " (dependencia)");
    press(&mut f, KeyCode::Enter);
    assert_eq!(ids(&f), ["D1", "D2"]);
    assert_eq!(session(&f).weaknesses[0].text, "Listas de espera (dependencia)");
    assert_eq!(session(&f).weaknesses[0].origins.len(), 2, "both wordings said in the room are kept");
    assert!(ed(&f).mode().is_grid());
}

#[test]
fn a_join_into_itself_is_refused_and_esc_changes_nothing() {
    let mut f = workshop(Lang::Ca);
    let before = session(&f).clone();
    typ(&mut f, "2gU");
    // Down past the end stays in the quadrant (no jump to the next one).
    typ(&mut f, "jjjjj");
    assert_eq!(ed(&f).focus(), Quadrant::Weaknesses);
    typ(&mut f, "gU");
    assert_eq!(notice(&f), "Tria un altre factor: un factor no s'uneix amb si mateix");
    assert!(matches!(ed(&f).mode(), Mode::JoinMark(_)));
    press(&mut f, KeyCode::Esc);
    assert!(ed(&f).mode().is_grid());
    // Esc at the prompt too.
    typ(&mut f, "U");
    typ(&mut f, "j");
    press(&mut f, KeyCode::Enter);
    press(&mut f, KeyCode::Esc);
    assert!(ed(&f).mode().is_grid());
    assert_eq!(*session(&f), before);
}

fn screen(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().clone()
}

fn prompt(lang: Lang) -> Held {
    let mut f = workshop(lang);
    mark_d3_and_pick_d1(&mut f);
    press(&mut f, KeyCode::Enter);
    f
}

#[test]
fn prompt_es_80x24() {
    insta::assert_snapshot!(styled(&screen(&prompt(Lang::Es), 80, 24)));
}

#[test]
fn prompt_en_80x24() {
    insta::assert_snapshot!(styled(&screen(&prompt(Lang::En), 80, 24)));
}

#[test]
fn prompt_ca_80x24() {
    insta::assert_snapshot!(styled(&screen(&prompt(Lang::Ca), 80, 24)));
}

#[test]
fn marking_es_120x40() {
    let mut f = workshop(Lang::Es);
    mark_d3_and_pick_d1(&mut f);
    insta::assert_snapshot!(styled(&screen(&f, 120, 40)));
}

/// The real binary in tmux: a facilitator joins two weaknesses, quits, and the
/// file holds one factor with both groups' votes, sources and wordings.
#[test]
fn joining_in_the_real_binary_is_saved() {
    if !common::needs(common::Tool::Tmux) {
        return;
    }
    let f = workshop(Lang::Es);
    let path = f.path.clone();
    let dir = f.dir.path().to_owned();
    // The test's own editor lets go of the file first.
    drop(f.app);
    let cmd = format!("{} {}", common::dafo_bin(), common::sh_quote(&path.to_string_lossy()));
    let Some(t) = common::Tmux::start(&cmd, &dir, 100, 30) else { return };
    t.wait_for("Listas de espera largas");
    // 2 (weaknesses), G (the last: D3), U, k k (up to D1), Enter, 2 (D3's wording stays).
    for key in ["2", "G", "U", "k", "k", "Enter"] {
        t.press(key);
    }
    t.wait_for("¿Qué redacción queda?");
    t.press("2");
    t.wait_for("D3 unido en D1");
    t.press("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.screen());
    let s = dafo::storage::load(&path).unwrap();
    let ids: Vec<&str> = s.weaknesses.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["D1", "D2"]);
    let d1 = &s.weaknesses[0];
    assert_eq!((d1.text.as_str(), d1.votes), ("Listas de espera largas en dependencia", 5));
    assert_eq!(d1.sources, ["técnicos", "asociaciones"]);
    assert!(d1.origins.iter().any(|o| o.text == "Listas de espera"), "{d1:?}");
    assert_eq!(s.correct[0].links, ["D1"]);
}
