//! Layer 1: `App::update` driven by scripted keys, as a facilitator would type.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use dafo::app::{Action, App, Mode, Screen};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::storage;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::common::keys::{key, typ};

struct Fixture {
    app: App,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    fixture_in(Lang::Es)
}

fn fixture_in(lang: Lang) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    let session = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    storage::save(&path, &session).unwrap();
    Fixture { app: App::open(&path, lang).unwrap(), path, _dir: dir }
}

fn enter(app: &mut App) {
    key(app, KeyCode::Enter, KeyModifiers::NONE);
}

fn esc(app: &mut App) {
    key(app, KeyCode::Esc, KeyModifiers::NONE);
}

/// Focuses quadrant `key` (`"1"`..`"4"`), adds `texts` one by one, closes the input.
fn add(app: &mut App, key: &str, texts: &[&str]) {
    typ(app, key);
    typ(app, "a");
    for t in texts {
        typ(app, t);
        enter(app);
    }
    esc(app);
}

fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Editor(e) => e.session(),
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn texts(app: &App, q: Quadrant) -> Vec<String> {
    session(app).factors(q).iter().map(|f| f.text.clone()).collect()
}

#[test]
fn rapid_capture_in_every_quadrant() {
    let mut f = fixture();
    for (n, q) in ["1", "2", "3", "4"].iter().zip(Quadrant::ALL) {
        typ(&mut f.app, n);
        typ(&mut f.app, "a");
        typ(&mut f.app, "Primera idea");
        enter(&mut f.app);
        typ(&mut f.app, "Segunda idea ñ");
        enter(&mut f.app);
        typ(&mut f.app, "a medio escribir");
        esc(&mut f.app);
        assert_eq!(texts(&f.app, q), ["Primera idea", "Segunda idea ñ"]);
    }
    let ids: Vec<_> = session(&f.app).threats.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2"]);
    // The last quadrant's half-written words are a draft: the first q says so.
    typ(&mut f.app, "q");
    assert!(!f.app.quit);
    typ(&mut f.app, "q");
    assert!(f.app.quit);
    let on_disk = storage::load(&f.path).unwrap();
    assert_eq!(on_disk.counts(), [2, 2, 2, 2]);
}

/// Words left with `Esc` in one quadrant, then in another: the second draft
/// replaced the first, whose words were lost (`1 a` came back empty) while
/// the screen had said they were kept. Each waits for its own line now, and a
/// form's draft does not take a line's place either.
#[test]
fn a_second_draft_never_replaces_the_first() {
    let mut f = fixture();
    typ(&mut f.app, "1aborrador de fortaleza");
    esc(&mut f.app);
    typ(&mut f.app, "3aoportunidad nueva");
    esc(&mut f.app);
    // A form's draft too (the metadata form, its title field added to).
    typ(&mut f.app, "M");
    typ(&mut f.app, " de marzo");
    esc(&mut f.app);
    let line = |app: &App| {
        let Screen::Editor(e) = &app.screen else { unreachable!() };
        e.mode().input().map(|i| i.text.lines().join(" "))
    };
    typ(&mut f.app, "1a");
    assert_eq!(line(&f.app).as_deref(), Some("borrador de fortaleza"));
    enter(&mut f.app);
    esc(&mut f.app);
    typ(&mut f.app, "3a");
    assert_eq!(line(&f.app).as_deref(), Some("oportunidad nueva"));
    enter(&mut f.app);
    esc(&mut f.app);
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["borrador de fortaleza"]);
    assert_eq!(texts(&f.app, Quadrant::Opportunities), ["oportunidad nueva"]);
    // The form's draft still waits for its form.
    typ(&mut f.app, "M");
    enter(&mut f.app);
    assert_eq!(session(&f.app).meta.title, "Taller de marzo");
}

/// Enter in the línea picker with a search that matches nothing closed it
/// without a word, as if a línea had been chosen.
#[test]
fn enter_on_a_picker_search_that_matches_nothing_says_so_and_stays() {
    let mut h = crate::common::held_sample(Lang::Es);
    typ(&mut h.app, "cln");
    assert!(matches!(h.app.overlays().top(), Some(dafo::app::overlay::Overlay::Picker(_))));
    typ(&mut h.app, "zzzz");
    enter(&mut h.app);
    assert!(matches!(h.app.overlays().top(), Some(dafo::app::overlay::Overlay::Picker(_))), "the picker stays");
    let said = crate::common::keys::notice(&h.app);
    assert!(said.contains("nada coincide con lo escrito") && said.contains("Esc"), "{said}");
    key(&mut h.app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(h.app.overlays().top().is_none());
}

/// `n` (place in a línea) on an empty action list did nothing and said nothing.
#[test]
fn placing_with_no_action_says_how_to_add_one() {
    let mut f = fixture();
    add(&mut f.app, "1", &["Fortaleza"]);
    typ(&mut f.app, "cln");
    let said = crate::common::keys::notice(&f.app);
    assert!(said.contains("No hay ninguna acción que poner en una línea: a añade una"), "{said}");
}

/// SIGTERM or SIGHUP (a closed terminal) with a form open threw away what was
/// typed in it. Its values are saved as Enter saves them; values that do not
/// check are written beside the session, never dropped.
#[test]
fn a_stop_signal_saves_an_open_form_or_keeps_its_words_in_a_file() {
    let mut f = fixture();
    typ(&mut f.app, "M");
    typ(&mut f.app, " de marzo");
    assert_eq!(f.app.enter_typed_words(), None);
    assert_eq!(session(&f.app).meta.title, "Taller de marzo");
    // A date that does not check: the form stays, its words go to a file.
    typ(&mut f.app, "M");
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typ(&mut f.app, "99/99");
    let kept = f.app.enter_typed_words().expect("a file with the words");
    assert_eq!(kept.parent(), f.path.parent());
    assert!(kept.file_name().unwrap().to_string_lossy().starts_with("taller.ron.unsaved-"), "{kept:?}");
    let words = std::fs::read_to_string(&kept).unwrap();
    assert!(words.contains("99/99"), "{words}");
}

#[test]
fn edit_delete_undo_redo() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    typ(&mut f.app, "Uno");
    enter(&mut f.app);
    typ(&mut f.app, "Dos");
    enter(&mut f.app);
    esc(&mut f.app);
    // Enter edits the selected item (the last one added).
    enter(&mut f.app);
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    typ(&mut f.app, "Tres");
    enter(&mut f.app);
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["Uno", "Tres"]);
    typ(&mut f.app, "x");
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["Uno"]);
    typ(&mut f.app, "u");
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["Uno", "Tres"]);
    typ(&mut f.app, "u");
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["Uno", "Dos"]);
    key(&mut f.app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    key(&mut f.app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["Uno"]);
}

#[test]
fn reorder_and_move_between_quadrants() {
    let mut f = fixture();
    add(&mut f.app, "2", &["a", "b", "c"]);
    // "c" is selected: move it up twice.
    typ(&mut f.app, "KK");
    assert_eq!(texts(&f.app, Quadrant::Weaknesses), ["c", "a", "b"]);
    typ(&mut f.app, "K");
    assert_eq!(texts(&f.app, Quadrant::Weaknesses), ["c", "a", "b"]);
    // Move "c" (a weakness) to threats: it gets a threat ID.
    typ(&mut f.app, "m4");
    assert_eq!(texts(&f.app, Quadrant::Weaknesses), ["a", "b"]);
    assert_eq!(session(&f.app).threats[0].id, "A1");
    typ(&mut f.app, "u");
    assert_eq!(texts(&f.app, Quadrant::Weaknesses), ["c", "a", "b"]);
    assert!(session(&f.app).threats.is_empty());
}

#[test]
fn navigation_moves_between_items_and_quadrants() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    typ(&mut f.app, "uno");
    enter(&mut f.app);
    esc(&mut f.app);
    let focus = |app: &App| match &app.screen {
        Screen::Editor(e) => e.focus(),
        Screen::Browser(_) => unreachable!(),
    };
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(focus(&f.app), Quadrant::Weaknesses);
    key(&mut f.app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(focus(&f.app), Quadrant::Strengths);
    typ(&mut f.app, "j");
    assert_eq!(focus(&f.app), Quadrant::Opportunities);
    typ(&mut f.app, "l");
    assert_eq!(focus(&f.app), Quadrant::Threats);
    key(&mut f.app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(focus(&f.app), Quadrant::Weaknesses);
    typ(&mut f.app, "h");
    assert_eq!(focus(&f.app), Quadrant::Strengths);
}

#[test]
fn pasted_text_is_cleaned_and_lines_become_items() {
    let mut f = fixture();
    typ(&mut f.app, "3a");
    // Terminals send pasted line breaks as CR: those split items too.
    f.app.update(Action::Paste("Fondos \u{1b}[31meuropeos\u{1b}[0m\rTeleasistencia\r\n\n\u{7}Voluntariado".into()));
    assert_eq!(texts(&f.app, Quadrant::Opportunities), ["Fondos europeos", "Teleasistencia", "Voluntariado"]);
    // One undo removes the whole paste.
    esc(&mut f.app);
    typ(&mut f.app, "u");
    assert!(texts(&f.app, Quadrant::Opportunities).is_empty());
    // A paste on the grid opens the input with the text, not typed as keys.
    f.app.update(Action::Paste("q\u{1b}]0;owned\u{7}".into()));
    let Screen::Editor(e) = &f.app.screen else { unreachable!() };
    assert!(matches!(e.mode(), Mode::Input(_)));
    assert_eq!(e.mode().input().unwrap().text.lines(), ["q"]);
    assert!(!f.app.quit);
}

/// ` palabra` pasted after `hola` gave `holapalabra`, and `uno ` then `dos`
/// gave `unodos`: the spaces at a paste's ends were trimmed with its lines.
#[test]
fn a_paste_into_a_line_keeps_the_spaces_between_words() {
    let mut f = fixture();
    typ(&mut f.app, "3ahola");
    f.app.update(Action::Paste(" palabra".into()));
    f.app.update(Action::Paste(" y uno ".into()));
    typ(&mut f.app, "dos");
    enter(&mut f.app);
    assert_eq!(texts(&f.app, Quadrant::Opportunities), ["hola palabra y uno dos"]);
}

#[test]
fn the_edit_line_refuses_typing_and_pastes_past_the_item_limit() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    f.app.update(Action::Paste("x".repeat(9_995)));
    typ(&mut f.app, "abcdefghij");
    let typed = |app: &App| match app.screen {
        Screen::Editor(ref e) => e.mode().input().map(|i| i.value()).unwrap_or_default(),
        Screen::Browser(_) => String::new(),
    };
    assert_eq!(typed(&f.app), format!("{}abcde", "x".repeat(9_995)), "typing stops at 10,000 characters");
    assert_eq!(
        crate::common::keys::notice(&f.app),
        "el texto ya tiene el máximo de 10.000 caracteres; no se añade más"
    );
    // Deleting still works, and then typing again.
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    typ(&mut f.app, "Z");
    assert!(typed(&f.app).ends_with("abcdZ"));
    // A paste that would go past it is refused whole, never cut.
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    f.app.update(Action::Paste("12".into()));
    assert!(typed(&f.app).ends_with("abcd"), "a paste past the limit is refused");
    enter(&mut f.app);
    assert_eq!(texts(&f.app, Quadrant::Strengths)[0].chars().count(), 9_999);
    esc(&mut f.app);
    // On the grid, and as several lines while adding: one line too long refuses the paste.
    f.app.update(Action::Paste("y".repeat(10_001)));
    assert!(typed(&f.app).is_empty());
    typ(&mut f.app, "a");
    f.app.update(Action::Paste(format!("corta\r{}", "z".repeat(10_001))));
    assert_eq!(texts(&f.app, Quadrant::Strengths).len(), 1, "nothing of that paste was added");
    assert!(crate::common::keys::notice(&f.app).contains("10.000"));
    // What is saved reads back: the file stays within the loader's limits.
    f.app.flush();
    assert!(storage::load(&f.path).is_ok());
}

#[test]
fn votes_never_go_below_zero() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    typ(&mut f.app, "x");
    enter(&mut f.app);
    esc(&mut f.app);
    typ(&mut f.app, "++-+--");
    assert_eq!(session(&f.app).strengths[0].votes, 0);
    typ(&mut f.app, "++");
    assert_eq!(session(&f.app).strengths[0].votes, 2);
}

#[test]
fn help_swallows_keys_until_closed() {
    let mut f = fixture();
    typ(&mut f.app, "?");
    assert!(f.app.help_open());
    typ(&mut f.app, "a");
    assert!(f.app.help_open());
    esc(&mut f.app);
    assert!(!f.app.help_open());
    typ(&mut f.app, "?q");
    assert!(!f.app.quit, "q closes help first");
}

#[test]
fn quit_refuses_to_drop_unsaved_work_when_saving_fails() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    typ(&mut f.app, "importante");
    enter(&mut f.app);
    esc(&mut f.app);
    // The directory disappears under us: saving cannot work.
    drop(f._dir);
    typ(&mut f.app, "q");
    assert!(!f.app.quit, "first q must not lose the item");
    let Screen::Editor(e) = &f.app.screen else { unreachable!() };
    assert!(e.notice().as_ref().is_some_and(|n| n.error));
    typ(&mut f.app, "q");
    assert!(f.app.quit, "second q leaves, as the notice said");
}

#[test]
fn browser_creates_and_opens_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::browser(dir.path(), Lang::En);
    typ(&mut app, "n");
    typ(&mut app, "Año 2026 / revisión");
    enter(&mut app);
    let Screen::Editor(e) = &app.screen else { panic!("editor not opened") };
    assert_eq!(e.path(), dir.path().join("ano-2026-revision.ron"));
    typ(&mut app, "a");
    typ(&mut app, "x");
    enter(&mut app);
    esc(&mut app);
    typ(&mut app, "q");
    // Back in the browser, with the new session listed.
    let Screen::Browser(b) = &app.screen else { panic!("not back in the browser") };
    assert_eq!(b.entries.len(), 1);
    assert!(!app.quit);
    enter(&mut app);
    assert!(matches!(app.screen, Screen::Editor(_)));
}

// ---- CAME, crossed matrix, weights (issue 4) ----

fn editor(app: &App) -> &dafo::app::Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        Screen::Browser(_) => panic!("no session open"),
    }
}

#[test]
fn came_actions_link_to_the_first_factor_without_one() {
    use dafo::domain::Came;
    let mut f = fixture();
    add(&mut f.app, "2", &["Listas de espera", "Poca coordinación"]);
    // CAME view: `a` never asks anything before typing.
    typ(&mut f.app, "c2a");
    typ(&mut f.app, "Ventanilla única");
    enter(&mut f.app);
    typ(&mut f.app, "Refuerzo de valoradores");
    enter(&mut f.app);
    esc(&mut f.app);
    let s = session(&f.app);
    assert_eq!(s.correct.len(), 2);
    assert_eq!(s.correct[0].id, "C1");
    assert_eq!(s.correct[0].links, ["D1"], "linked to the first factor without action");
    assert_eq!(s.unanswered(Quadrant::Weaknesses), 1);
    // Back and forth: the next unanswered factor is chosen on entering again.
    typ(&mut f.app, "cc2a");
    typ(&mut f.app, "Mesa de coordinación");
    enter(&mut f.app);
    esc(&mut f.app);
    assert_eq!(session(&f.app).correct[2].links, ["D2"]);
    assert_eq!(session(&f.app).unanswered(Quadrant::Weaknesses), 0);
    // Status cycles on the selected action; undo covers it.
    key(&mut f.app, KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(editor(&f.app).views().came.pane, dafo::app::editor::Pane::Actions);
    typ(&mut f.app, "s");
    assert_eq!(session(&f.app).correct[2].status, dafo::domain::Status::InProgress);
    typ(&mut f.app, "u");
    assert_eq!(session(&f.app).correct[2].status, dafo::domain::Status::Pending);
    let _ = Came::Correct;
}

#[test]
fn links_are_changed_in_a_searchable_picker() {
    let mut f = fixture();
    add(&mut f.app, "1", &["Equipo técnico", "Red de centros", "Voluntariado"]);
    typ(&mut f.app, "c1a");
    typ(&mut f.app, "Plan de formación");
    enter(&mut f.app);
    esc(&mut f.app);
    key(&mut f.app, KeyCode::Right, KeyModifiers::NONE);
    // Open the picker, search "volun" (accent/case-insensitive), check it.
    typ(&mut f.app, "v");
    typ(&mut f.app, "VOLUN");
    key(&mut f.app, KeyCode::Char(' '), KeyModifiers::NONE);
    enter(&mut f.app);
    assert_eq!(session(&f.app).maintain[0].links, ["F1", "F3"]);
    // Deleting a linked factor leaves a dangling link that undo repairs.
    typ(&mut f.app, "c1g");
    typ(&mut f.app, "x");
    assert!(session(&f.app).find_factor("F1").is_none());
    assert_eq!(session(&f.app).maintain[0].links, ["F1", "F3"]);
    typ(&mut f.app, "u");
    assert!(session(&f.app).find_factor("F1").is_some());
}

/// An action may answer factors of other quadrants (C2 of the Almendral plan
/// answers D1 and F1): its links picker lists them too, after the quadrant's
/// own; Enter with nothing changed changes nothing, and one unchecked goes.
#[test]
fn the_links_picker_lists_and_keeps_links_to_other_quadrants() {
    let plan = storage::load(std::path::Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron"));
    let mut h = crate::common::held(plan.unwrap(), Lang::Es);
    let app = &mut h.app;
    typ(app, "c2");
    key(app, KeyCode::Right, KeyModifiers::NONE);
    key(app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(session(app).correct[1].links, ["D1", "F1"]);
    let before = session(app).clone();
    typ(app, "v");
    let Screen::Editor(e) = &app.screen else { panic!("no session open") };
    let picker = e.picker().expect("the links picker");
    assert_eq!(picker.options.last().map(|(id, _)| id.as_str()), Some("F1"));
    assert!(picker.checked.contains(&"F1".to_owned()));
    enter(app);
    assert_eq!(session(app), &before, "Enter with nothing changed changed the links");
    // Unchecking F1 (searched for) takes that link off.
    typ(app, "v");
    typ(app, "f1");
    key(app, KeyCode::Char(' '), KeyModifiers::NONE);
    enter(app);
    assert_eq!(session(app).correct[1].links, ["D1"]);
}

#[test]
fn action_form_sets_owner_due_and_indicator() {
    let mut f = fixture();
    threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
    typ(&mut f.app, "f");
    // Owner, start, due, resources, amount, partners, indicator.
    let tab = |app: &mut App| key(app, KeyCode::Tab, KeyModifiers::NONE);
    typ(&mut f.app, "Concejalía de Mayores");
    tab(&mut f.app);
    typ(&mut f.app, "2027-01-15");
    tab(&mut f.app);
    typ(&mut f.app, "2027-13-01");
    tab(&mut f.app);
    typ(&mut f.app, "Dos monitoras");
    tab(&mut f.app);
    typ(&mut f.app, "1.500,5");
    tab(&mut f.app);
    f.app.handle(Action::Paste("Cruz Roja, Cáritas\u{1b}[31m".to_owned()));
    tab(&mut f.app);
    typ(&mut f.app, "Plazas de centro de día");
    enter(&mut f.app);
    // A bad date keeps the form open on that field, with an error.
    assert!(editor(&f.app).notice().is_some_and(|n| n.error));
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 2));
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(&mut f.app, "06-30");
    enter(&mut f.app);
    let a = &session(&f.app).confront[0];
    assert_eq!(a.owner.as_deref(), Some("Concejalía de Mayores"));
    assert_eq!(a.start.map(|d| d.to_string()).as_deref(), Some("2027-01-15"));
    assert_eq!(a.due.map(|d| d.to_string()).as_deref(), Some("2027-06-30"));
    assert_eq!(a.resources.as_deref(), Some("Dos monitoras"));
    assert_eq!(a.amount.map(|e| e.cents), Some(150_050));
    assert_eq!(a.partners.len(), 2);
    assert!(a.partners.iter().all(|p| !p.contains('\u{1b}')), "{:?}", a.partners);
    assert_eq!(a.indicator.as_deref(), Some("Plazas de centro de día"));
    // A bad amount is refused the same way; undo takes the whole form back.
    typ(&mut f.app, "f");
    for _ in 0..4 {
        tab(&mut f.app);
    }
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(&mut f.app, "mucho");
    enter(&mut f.app);
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 4));
    // Esc keeps what was typed as a draft; `u` brings it back, Esc again drops it.
    esc(&mut f.app);
    typ(&mut f.app, "u");
    assert!(editor(&f.app).form().is_some_and(|form| form.value(4) == "mucho"));
    esc(&mut f.app);
    typ(&mut f.app, "u");
    let a = &session(&f.app).confront[0];
    assert_eq!((a.owner.as_deref(), a.amount, a.partners.len()), (None, None, 0));
}

#[test]
fn action_form_reads_amounts_as_the_language_writes_them() {
    let mut f = fixture_in(Lang::En);
    threat_with_action(&mut f.app, "Ageing population", "Active ageing plan");
    let amount = |app: &mut App, text: &str| {
        typ(app, "f");
        retype_field(app, 4, text);
        enter(app);
    };
    amount(&mut f.app, "1,500.50");
    assert_eq!(session(&f.app).confront[0].amount.map(|e| e.cents), Some(150_050), "not €1.50");
    // Reopened, the form writes the amount the session's way and reads it back the same.
    typ(&mut f.app, "f");
    assert!(editor(&f.app).form().is_some_and(|form| form.value(4) == "1500.50"));
    enter(&mut f.app);
    assert_eq!(session(&f.app).confront[0].amount.map(|e| e.cents), Some(150_050));
    // `1.620` reads two ways in English: refused on the amount field, both readings shown.
    amount(&mut f.app, "1.620");
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 4));
    let notice = editor(&f.app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("1.62 or 1,620"), "{notice}");
    esc(&mut f.app);
    assert_eq!(session(&f.app).confront[0].amount.map(|e| e.cents), Some(150_050));
}

/// The action form shows dates as the language writes them on screen and in
/// documents (`31/01/2027` in Spanish and Catalan, `2027-01-31` in English) and
/// reads back what it shows: reopened and accepted, the date is the same day.
#[test]
fn action_form_shows_and_reads_dates_as_the_language_writes_them() {
    for (lang, typed, shown) in [
        (Lang::Es, "31/01/2027", "31/01/2027"),
        (Lang::Ca, "31/01/2027", "31/01/2027"),
        (Lang::En, "2027-01-31", "2027-01-31"),
        // ISO is read in every language (what earlier versions showed).
        (Lang::Es, "2027-01-31", "31/01/2027"),
    ] {
        let mut f = fixture_in(lang);
        threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
        typ(&mut f.app, "f");
        retype_field(&mut f.app, 2, typed);
        enter(&mut f.app);
        let due = session(&f.app).confront[0].due;
        assert_eq!(due, Some(jiff::civil::date(2027, 1, 31)), "{lang:?} {typed}");
        typ(&mut f.app, "f");
        assert!(editor(&f.app).form().is_some_and(|form| form.value(2) == shown), "{lang:?}");
        enter(&mut f.app);
        assert_eq!(session(&f.app).confront[0].due, due, "{lang:?}: what the form shows reads back");
    }
    // A day that does not exist is refused on its field.
    let mut f = fixture_in(Lang::Es);
    threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
    typ(&mut f.app, "f");
    retype_field(&mut f.app, 2, "31/02/2027");
    enter(&mut f.app);
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 2));
}

/// A due date before the start was taken without a word (due 01/01/2023 for
/// an action starting 01/03/2023): refused on the due date's field, saying
/// both dates, whichever of the two is typed; the same dates the right way
/// round are taken.
#[test]
fn action_form_refuses_a_due_date_before_the_start() {
    let mut f = fixture_in(Lang::Es);
    threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
    typ(&mut f.app, "f");
    retype_field(&mut f.app, 1, "01/03/2023");
    retype_field(&mut f.app, 1, "01/01/2023");
    enter(&mut f.app);
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 2), "the form stays on the due date");
    let notice = editor(&f.app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(notice, "La fecha límite 01/01/2023 es anterior al inicio 01/03/2023");
    assert_eq!((session(&f.app).confront[0].start, session(&f.app).confront[0].due), (None, None));
    retype_field(&mut f.app, 0, "31/12/2023");
    enter(&mut f.app);
    let a = &session(&f.app).confront[0];
    assert_eq!((a.start, a.due), (Some(jiff::civil::date(2023, 3, 1)), Some(jiff::civil::date(2023, 12, 31))));
    // Only the start typed, after the due date already stored: refused too.
    typ(&mut f.app, "f");
    retype_field(&mut f.app, 1, "01/01/2024");
    enter(&mut f.app);
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 2));
    assert_eq!(session(&f.app).confront[0].start, Some(jiff::civil::date(2023, 3, 1)));
}

/// A date the form could not show back as typed is refused on its field,
/// saying the form it takes: a two-digit year (its century is not guessed:
/// `31/12/26` is not 0026 nor 2026), and a year outside those a session holds
/// (`0000-06-01` would show as `01/06/0000`). Written whole, it is taken.
#[test]
fn action_form_refuses_a_year_not_written_whole_or_out_of_range() {
    for (lang, bad, good) in [
        (Lang::Es, "31/12/26", "31/12/2026"),
        (Lang::Ca, "31/12/26", "31/12/2026"),
        (Lang::Es, "0000-12-31", "2026-12-31"),
        (Lang::Es, "31/12/0026", "31/12/2026"),
        (Lang::En, "0026-12-31", "2026-12-31"),
        (Lang::En, "31/12/26", "2026-12-31"),
    ] {
        let mut f = fixture_in(lang);
        threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
        typ(&mut f.app, "f");
        retype_field(&mut f.app, 2, bad);
        enter(&mut f.app);
        assert!(
            editor(&f.app).form().is_some_and(|form| form.active == 2),
            "{lang:?} {bad}: the form stays on the date"
        );
        let notice = editor(&f.app).notice().map(|n| n.text.clone()).unwrap_or_default();
        let example = lang.locale().date(jiff::civil::date(2026, 12, 31));
        assert!(notice.contains(&example) && notice.ends_with(&format!(": {bad}")), "{lang:?} {bad}: {notice}");
        assert_eq!(session(&f.app).confront[0].due, None, "{lang:?} {bad}");
        retype_field(&mut f.app, 0, good);
        enter(&mut f.app);
        assert_eq!(session(&f.app).confront[0].due, Some(jiff::civil::date(2026, 12, 31)), "{lang:?} {good}");
    }
}

/// A paste of several lines into a field of one value (an amount, a date) is
/// refused whole and said: joined, `100` and `50` read as 10.050 €. A cell
/// copied with its line break is one line; a field of text takes the lines
/// joined, as the edit line does.
#[test]
fn action_form_refuses_several_lines_pasted_into_an_amount() {
    let mut f = fixture();
    threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
    typ(&mut f.app, "f");
    retype_field(&mut f.app, 4, "");
    let refused = (Lang::Es.text().limits.one_value_paste)(2);
    for paste in ["100\n50", "12\r\n5", "1\r620", "2026: 1.500\n2027: 500"] {
        f.app.handle(Action::Paste(paste.into()));
        assert!(editor(&f.app).form().is_some_and(|form| form.value(4).is_empty()), "{paste:?} pasted");
        assert!(editor(&f.app).notice().is_some_and(|n| n.error && n.text == refused), "{paste:?}");
    }
    f.app.handle(Action::Paste("1.500\r\n".into()));
    key(&mut f.app, KeyCode::Up, KeyModifiers::NONE);
    f.app.handle(Action::Paste("Dos monitoras\r\nuna furgoneta".into()));
    key(&mut f.app, KeyCode::Up, KeyModifiers::NONE);
    f.app.handle(Action::Paste("31/12/2026\n2027".into()));
    assert!(editor(&f.app).notice().is_some_and(|n| n.text == refused), "a date takes one line");
    enter(&mut f.app);
    let a = &session(&f.app).confront[0];
    assert_eq!(
        (a.amount.map(|e| e.cents), a.resources.as_deref(), a.due),
        (Some(150_000), Some("Dos monitoras una furgoneta"), None)
    );
}

/// A weight typed as a percentage with a decimal is the fraction meant
/// (`33,3%` is 0,333, not 0,33299999999999996), in every language and however
/// the language writes a percentage; its line shows it back as that.
#[test]
fn a_weight_typed_as_a_percentage_with_decimals_is_stored_as_meant() {
    for (lang, typed, shown) in
        [(Lang::Es, "33,3% 2", "0,333 2"), (Lang::Ca, "33,3 % 2", "0,333 2"), (Lang::En, "33.3% 2", "0.333 2")]
    {
        let mut f = fixture_in(lang);
        add(&mut f.app, "1", &["Equipo"]);
        typ(&mut f.app, "1W");
        typ(&mut f.app, "w");
        typ(&mut f.app, typed);
        enter(&mut f.app);
        assert_eq!(session(&f.app).strengths[0].weight, Some(0.333), "{lang:?} {typed}");
        assert!(editor(&f.app).mode().is_grid(), "{lang:?}: weighted and rated, the line closes");
        typ(&mut f.app, "w");
        assert_eq!(editor(&f.app).mode().input().map(|i| i.value()).as_deref(), Some(shown), "{lang:?}");
    }
}

#[test]
fn action_form_takes_amounts_per_year_and_a_funding_source() {
    let mut f = fixture();
    threat_with_action(&mut f.app, "Envejecimiento", "Plan de envejecimiento activo");
    let fill = |app: &mut App, amount: &str, funding: &str| {
        typ(app, "f");
        retype_field(app, 4, amount);
        retype_field(app, 3, funding);
        enter(app);
    };
    // A source not in the list is refused, naming the list, on its field.
    fill(&mut f.app, "2026: 1.500; 2027: 2.000,5", "Lotería");
    assert!(editor(&f.app).form().is_some_and(|form| form.active == 7));
    let notice = editor(&f.app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("«Lotería» no es una fuente de financiación") && notice.contains("FEADER"), "{notice}");
    // Esc keeps the draft; brought back and closed again unchanged, it is dropped.
    esc(&mut f.app);
    typ(&mut f.app, "u");
    esc(&mut f.app);
    // Per year in Spanish, and the start of a source's name, any case.
    fill(&mut f.app, "2027: 2.000,5; 2026: 1.500", "fea");
    let a = session(&f.app).confront[0].clone();
    let years: Vec<(i16, u64)> = a.budget.iter().map(|y| (y.year, y.amount.cents)).collect();
    assert_eq!((years, a.amount, a.funding.as_deref()), (vec![(2026, 150_000), (2027, 200_050)], None, Some("FEADER")));
    let notice = editor(&f.app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(notice, "Importe: 2026: 1.500 €; 2027: 2.000,50 € (total 3.500,50 €)", "said back as understood");
    assert_eq!(session(&f.app).funding, Lang::Es.money().default_funding, "the language's list is now the session's");
    // Reopened, the field reads back the same; a plain number is a total without split.
    typ(&mut f.app, "f");
    assert!(editor(&f.app).form().is_some_and(|form| form.value(4) == "2026: 1500; 2027: 2000,50"));
    esc(&mut f.app);
    fill(&mut f.app, "12.000", "");
    let a = session(&f.app).confront[0].clone();
    assert_eq!((a.amount.map(|e| e.cents), a.budget.len(), a.funding), (Some(1_200_000), 0, None));
    // One undo step per form.
    typ(&mut f.app, "u");
    assert_eq!(session(&f.app).confront[0].budget.len(), 2);
}

#[test]
fn crossed_strategy_from_two_picked_factors() {
    use dafo::domain::Crossed;
    let mut f = fixture();
    add(&mut f.app, "1", &["Red de centros"]);
    typ(&mut f.app, "3a");
    typ(&mut f.app, "Fondos europeos");
    enter(&mut f.app);
    typ(&mut f.app, "Teleasistencia");
    enter(&mut f.app);
    esc(&mut f.app);
    // Crossed view, FO cell: pick F1, then search "tele" for O2, then type.
    typ(&mut f.app, "X1a");
    enter(&mut f.app);
    typ(&mut f.app, "tele");
    enter(&mut f.app);
    typ(&mut f.app, "Teleasistencia desde los centros de día");
    enter(&mut f.app);
    let s = session(&f.app);
    assert_eq!(s.strategies.len(), 1);
    assert_eq!(s.strategies[0].kind, Crossed::FO);
    assert_eq!(s.strategies[0].factors, ["F1".to_owned(), "O2".to_owned()]);
    // Labels are chosen per session, and undoable.
    typ(&mut f.app, "L");
    assert_eq!(session(&f.app).meta.labels, dafo::domain::LabelSet::SocialWork);
    typ(&mut f.app, "u");
    assert_eq!(session(&f.app).meta.labels, dafo::domain::LabelSet::Classic);
}

#[test]
fn weights_and_ratings_make_the_efi_total() {
    use dafo::domain::Matrix;
    let mut f = fixture();
    add(&mut f.app, "1", &["Equipo"]);
    add(&mut f.app, "2", &["Listas de espera"]);
    typ(&mut f.app, "1W");
    // One line a factor, weight and rating; the line moves on to the next factor lacking them.
    typ(&mut f.app, "w");
    typ(&mut f.app, "0,6 4");
    enter(&mut f.app);
    typ(&mut f.app, "40% 1");
    enter(&mut f.app);
    assert!(editor(&f.app).mode().is_grid(), "both weighted and rated: the line closes");
    let e = session(&f.app).evaluate(Matrix::Efi);
    assert!(e.balanced(), "{e:?}");
    assert!((e.total - (0.6 * 4.0 + 0.4)).abs() < 1e-9, "{e:?}");
    // A weight out of range is refused with a message; the input stays open.
    typ(&mut f.app, "w");
    for _ in 0..4 {
        key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(&mut f.app, "7");
    enter(&mut f.app);
    assert!(editor(&f.app).notice().is_some_and(|n| n.error));
    esc(&mut f.app);
    assert!((session(&f.app).evaluate(Matrix::Efi).weight_sum - 1.0).abs() < 1e-9);
}

#[test]
fn impact_and_sorting_keep_the_facilitators_order() {
    let mut f = fixture();
    add(&mut f.app, "1", &["uno", "dos", "tres"]);
    typ(&mut f.app, "i5");
    typ(&mut f.app, "k+");
    assert_eq!(session(&f.app).strengths[2].impact, Some(5));
    assert_eq!(session(&f.app).strengths[1].votes, 1);
    typ(&mut f.app, "o");
    assert_eq!(*editor(&f.app).order(Quadrant::Strengths), [1, 0, 2], "by votes");
    typ(&mut f.app, "o");
    assert_eq!(*editor(&f.app).order(Quadrant::Strengths), [2, 0, 1], "by impact");
    typ(&mut f.app, "o");
    assert_eq!(*editor(&f.app).order(Quadrant::Strengths), [0, 1, 2], "own order back");
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["uno", "dos", "tres"]);
}

#[test]
fn a_sort_order_is_kept_between_frames_and_follows_every_change() {
    let mut f = fixture();
    add(&mut f.app, "1", &["uno", "dos", "tres"]);
    typ(&mut f.app, "o");
    let first = editor(&f.app).order(Quadrant::Strengths);
    assert_eq!(*first, [0, 1, 2], "no votes yet: the facilitator's order");
    assert!(std::sync::Arc::ptr_eq(&first, &editor(&f.app).order(Quadrant::Strengths)), "sorted again for a frame");
    typ(&mut f.app, "k+");
    let voted = session(&f.app).strengths.iter().position(|s| s.votes == 1).expect("a vote");
    assert_eq!(editor(&f.app).order(Quadrant::Strengths)[0], voted, "a vote moves it first");
    typ(&mut f.app, "u");
    assert_eq!(*editor(&f.app).order(Quadrant::Strengths), [0, 1, 2], "undone");
}

// ---- The file on disk (issue 7) ----

#[test]
fn a_second_dafo_on_the_same_file_is_read_only() {
    let mut f = fixture();
    let mut second = App::open(&f.path, Lang::Es).unwrap();
    assert!(editor(&second).read_only().is_some_and(|why| why.contains(&std::process::id().to_string())));
    typ(&mut second, "a");
    typ(&mut second, "no debe entrar");
    enter(&mut second);
    assert!(session(&second).strengths.is_empty());
    assert!(editor(&second).notice().is_some_and(|n| n.error));
    // The first one still edits and saves.
    typ(&mut f.app, "a");
    typ(&mut f.app, "sí entra");
    enter(&mut f.app);
    esc(&mut f.app);
    typ(&mut f.app, "q");
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "sí entra");
}

#[test]
fn a_new_session_with_a_title_over_the_limit_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(&"t".repeat(10_001), jiff::Timestamp::UNIX_EPOCH);
    let Err(said) = dafo::app::create_session(dir.path(), session, Lang::En) else { panic!("created") };
    assert_eq!(said, "the text of the title has 10,001 characters; the most is 10,000");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_metadata_form_edits_the_sessions_funding_sources() {
    let mut f = fixture();
    typ(&mut f.app, "M");
    let tab = |app: &mut App| key(app, KeyCode::Tab, KeyModifiers::NONE);
    for _ in 0..10 {
        tab(&mut f.app);
    }
    // It shows the language's list; confirmed untouched, nothing is stored.
    assert!(editor(&f.app).form().is_some_and(|form| form.value(10) == Lang::Es.money().default_funding.join("; ")));
    enter(&mut f.app);
    assert!(session(&f.app).funding.is_empty(), "the default list stays the language's");
    typ(&mut f.app, "M");
    for _ in 0..10 {
        tab(&mut f.app);
    }
    for _ in 0..120 {
        key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(&mut f.app, "FEADER; Diputación de Palencia;  ; FEADER");
    enter(&mut f.app);
    assert_eq!(session(&f.app).funding, ["FEADER", "Diputación de Palencia"], "cleaned, each once");
    typ(&mut f.app, "u");
    assert!(session(&f.app).funding.is_empty(), "one undo step");
}

/// In an open form: `tabs` fields on, the field emptied, then `text` typed.
fn retype_field(app: &mut App, tabs: usize, text: &str) {
    for _ in 0..tabs {
        key(app, KeyCode::Tab, KeyModifiers::NONE);
    }
    for _ in 0..60 {
        key(app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(app, text);
}

/// A threat and an action that answers it, added in the CAME view; the action
/// list then has the keys (the action selected).
fn threat_with_action(app: &mut App, threat: &str, action: &str) {
    add(app, "4", &[threat]);
    typ(app, "c4a");
    typ(app, action);
    enter(app);
    esc(app);
    key(app, KeyCode::Right, KeyModifiers::NONE);
}

/// An audit pasted 100,000 characters into the áreas temáticas picker and got
/// a theme of that length (in the list and on the factor): the picker's search,
/// which is also the new name, holds what an item's text may hold, no more.
#[test]
fn the_theme_picker_refuses_a_paste_past_an_item_s_limit() {
    let mut f = fixture();
    add(&mut f.app, "1", &["con temas"]);
    typ(&mut f.app, "A");
    let Screen::Editor(e) = &f.app.screen else { panic!("an editor") };
    assert!(
        e.overlays().iter().any(|o| matches!(o, dafo::app::overlay::Overlay::Picker(_))),
        "A opens the theme picker"
    );
    let max = dafo::domain::limits::ITEM_TEXT_MAX;
    f.app.handle(Action::Paste("t".repeat(max + 1)));
    let said = (Lang::Es.text().limits.input_full)(max);
    assert!(f.app.notice().is_some_and(|n| n.error && n.text == said), "{:?}", f.app.notice());
    enter(&mut f.app);
    enter(&mut f.app);
    assert!(session(&f.app).meta.themes.iter().all(|t| t.chars().count() <= max));
    assert!(session(&f.app).strengths[0].themes.iter().all(|t| t.chars().count() <= max));
}

/// An audit typed words, left them with Esc (the status line says the draft is
/// kept and `u` brings it back), then pressed `q`: dafo closed and the words
/// were gone. `q` now says so first; a second `q` closes.
#[test]
fn q_with_a_draft_kept_says_it_first_and_a_second_q_quits() {
    let mut f = fixture();
    typ(&mut f.app, "1a");
    typ(&mut f.app, "palabras a medias");
    esc(&mut f.app);
    typ(&mut f.app, "q");
    assert!(!f.app.quit, "the first q keeps dafo open");
    let said = (Lang::Es.text().ui.quit_draft_keys)("u", "q");
    assert!(f.app.notice().is_some_and(|n| n.error && n.text == said), "{:?}", f.app.notice());
    // u brings the draft back; Enter enters it.
    typ(&mut f.app, "u");
    enter(&mut f.app);
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["palabras a medias"]);
    esc(&mut f.app);
    typ(&mut f.app, "q");
    assert!(f.app.quit, "nothing waits: one q quits");
    // A draft left, then another factor entered: `u` would undo that factor,
    // not bring the draft back, so the first q names only the second q.
    let mut f = fixture();
    typ(&mut f.app, "1a");
    typ(&mut f.app, "borrador");
    esc(&mut f.app);
    add(&mut f.app, "2", &["otra cosa"]);
    typ(&mut f.app, "q");
    assert!(!f.app.quit);
    let said = (Lang::Es.text().ui.quit_draft_key)("q");
    assert!(f.app.notice().is_some_and(|n| n.text == said), "{:?}", f.app.notice());
    // A draft left again: q, q quits without it.
    let mut f = fixture();
    typ(&mut f.app, "1a");
    typ(&mut f.app, "otra");
    esc(&mut f.app);
    typ(&mut f.app, "q");
    typ(&mut f.app, "q");
    assert!(f.app.quit);
}

/// A theme name past the limit in a file written by hand is refused on
/// loading, with its line and column and in the user's language.
#[test]
fn a_theme_name_past_the_limit_in_a_file_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("temas.ron");
    let mut s = Session::new("Temas", jiff::Timestamp::UNIX_EPOCH);
    s.meta.themes = vec!["Vivienda".into(), "t".repeat(dafo::domain::limits::ITEM_TEXT_MAX + 1)];
    std::fs::write(&path, dafo::storage::to_ron(&s)).unwrap();
    let err = storage::load(&path).unwrap_err().message(Lang::Es);
    assert!(err.contains("temas.ron:") && err.contains("el nombre de un área temática o impacto «tttt"), "{err}");
}
