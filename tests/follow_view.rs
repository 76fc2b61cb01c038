//! The Seguimiento view (`S`): update() scripts for every key (years, rows,
//! degrees, status, notes, indicator values, the year's record, undo and redo,
//! presentation), snapshots at 80x24 and 120x40 in colour and mono, and the
//! view of a session with no horizon.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common;
use common::keys::{press, typ};

use common::{Held, held};
use dafo::app::follow::FollowRow;
use dafo::app::keymap::Context;
use dafo::app::room::ThemeName;
use dafo::app::{Action, App, Screen};
use dafo::domain::{Degree, Session, Status};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn plan() -> Session {
    dafo::storage::load(std::path::Path::new(PLAN)).unwrap()
}

fn follow_app() -> Held {
    let mut h = crate::common::after_the_plan(held(plan(), Lang::Es));
    typ(&mut h.app, "S");
    h
}

fn editor(app: &App) -> &dafo::app::Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        Screen::Browser(_) => panic!("no session open"),
    }
}

fn session(app: &App) -> &Session {
    editor(app).session()
}

/// (degree, status, note) of action `id` in `year`, if reviewed.
fn review(app: &App, id: &str, year: i16) -> Option<(u8, Status, Option<String>)> {
    session(app).action_review(id, year).map(|r| (r.degree.get(), r.status, r.note.clone()))
}

fn screen(app: &App, theme: ThemeName, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::named(theme), f)).unwrap();
    terminal.backend().clone()
}

fn text(app: &App, w: u16, h: u16) -> String {
    screen(app, ThemeName::Dark, w, h).to_string()
}

#[test]
fn s_opens_the_view_on_the_latest_year_reviewed_and_esc_leaves() {
    let mut h = follow_app();
    assert_eq!(h.app.context(), Context::Follow);
    assert_eq!(editor(&h.app).follow_year(), Some(2024));
    // The first row the cursor stops on is the first action of línea 1.1.
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Action(dafo::domain::Came::Correct, 0)));
    typ(&mut h.app, "S");
    assert_eq!(h.app.context(), Context::Grid, "S again goes back");
    typ(&mut h.app, "S");
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.context(), Context::Grid);
}

#[test]
fn years_move_with_arrows_and_h_l_within_the_horizon() {
    let mut h = follow_app();
    press(&mut h.app, KeyCode::Right);
    assert_eq!(editor(&h.app).follow_year(), Some(2025));
    typ(&mut h.app, "l");
    typ(&mut h.app, "l");
    assert_eq!(editor(&h.app).follow_year(), Some(2026), "stops at the horizon's end");
    press(&mut h.app, KeyCode::Left);
    typ(&mut h.app, "hhhh");
    assert_eq!(editor(&h.app).follow_year(), Some(2023), "stops at its start");
}

#[test]
fn rows_move_with_j_k_g_and_end_on_the_indicators() {
    let mut h = follow_app();
    typ(&mut h.app, "j");
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Action(dafo::domain::Came::Correct, 1)));
    typ(&mut h.app, "k");
    typ(&mut h.app, "k");
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Action(dafo::domain::Came::Correct, 0)));
    typ(&mut h.app, "G");
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Indicator(2)), "indicators are the last rows");
    press(&mut h.app, KeyCode::Home);
    press(&mut h.app, KeyCode::Down);
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Action(dafo::domain::Came::Correct, 1)));
}

#[test]
fn digits_and_plus_minus_set_the_degree_with_undo_and_redo() {
    let mut h = follow_app();
    let app = &mut h.app;
    // 2025 has no review yet: C2 stands on 2024's.
    press(app, KeyCode::Right);
    let before = review(app, "C2", 2024).unwrap();
    typ(app, "j3");
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(75));
    assert_eq!(review(app, "C2", 2024).unwrap(), before, "last year is untouched");
    typ(app, "+");
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(80));
    typ(app, "--");
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(70));
    typ(app, "4");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((100, Status::Done)), "100 is hecha");
    assert_eq!(session(app).find_action("C2").map(|(c, i)| session(app).actions(c)[i].status), Some(Status::Done));
    typ(app, "0");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((0, Status::Pending)));
    typ(app, "1");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((25, Status::InProgress)));
    typ(app, "u");
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(0), "undo: one step back");
    // The status line names what was taken back: the review of C2 in 2025.
    let said = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(said.contains("C2 2025"), "{said}");
    let redo = Event::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    let a = app.action_for(&redo).unwrap();
    app.handle(a);
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(25), "redo");
    // A degree stays within 0-100.
    typ(app, "4+");
    assert_eq!(review(app, "C2", 2025).map(|r| r.0), Some(100));
}

#[test]
fn s_cycles_the_status_only_and_a_full_round_comes_back() {
    let mut h = follow_app();
    let app = &mut h.app;
    // 2024 (the view opens on it): C2 stands at 75 en curso.
    typ(app, "j");
    assert_eq!(review(app, "C2", 2024).map(|r| (r.0, r.1)), Some((75, Status::InProgress)));
    let round = [Status::Done, Status::Dropped, Status::Pending, Status::InProgress];
    for status in round {
        typ(app, "s");
        assert_eq!(review(app, "C2", 2024).map(|r| (r.0, r.1)), Some((75, status)), "s leaves the degree");
    }
    press(app, KeyCode::Right);
    typ(app, "2");
    assert_eq!(review(app, "C2", 2025).map(|r| r.1), Some(Status::InProgress));
    typ(app, "s");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Done)));
    typ(app, "u");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::InProgress)));
    typ(app, "s");
    typ(app, "s");
    assert_eq!(review(app, "C2", 2025).map(|r| r.1), Some(Status::Dropped));
    // A descartada action's status no longer follows its degree.
    typ(app, "3");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((75, Status::Dropped)));
    typ(app, "s");
    assert_eq!(review(app, "C2", 2025).map(|r| r.1), Some(Status::Pending));
}

#[test]
fn a_degree_for_a_year_before_the_action_starts_is_kept_but_said() {
    let mut h = follow_app();
    let app = &mut h.app;
    // C4 starts in 2024: a degree in 2023 is before its start.
    let (c, i) = session(app).find_action("C4").unwrap();
    assert_eq!(session(app).actions(c)[i].start.map(|d| d.year()), Some(2024));
    let at = dafo::app::follow::items(session(app)).iter().position(|r| *r == FollowRow::Action(c, i)).unwrap();
    typ(app, "g");
    for _ in 0..at {
        typ(app, "j");
    }
    for _ in 0..5 {
        press(app, KeyCode::Left);
    }
    assert_eq!(editor(app).follow_year(), Some(2023));
    typ(app, "2");
    assert_eq!(review(app, "C4", 2023).map(|r| r.0), Some(50), "kept: the facilitator may know better");
    let said = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(said.contains("C4 empieza en 2024") && said.contains("2023"), "{said}");
    // In a year it has begun, nothing to say.
    press(app, KeyCode::Right);
    typ(app, "2");
    let said = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(!said.contains("empieza en"), "{said}");
}

#[test]
fn x_drops_an_action_in_one_key_and_again_takes_it_back() {
    let mut h = follow_app();
    let app = &mut h.app;
    press(app, KeyCode::Right);
    typ(app, "j2x");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Dropped)));
    typ(app, "x");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::InProgress)));
    // After a status set by hand, `x` `x` comes back to it, not to the one the degree suggests.
    typ(app, "ss");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Dropped)));
    typ(app, "s");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Pending)));
    typ(app, "x");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Dropped)));
    typ(app, "x");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((50, Status::Pending)));
    typ(app, "4");
    assert_eq!(review(app, "C2", 2025).map(|r| (r.0, r.1)), Some((100, Status::Pending)), "set by hand: it stays");
}

#[test]
fn n_writes_the_years_note_while_last_years_stays_in_sight() {
    let mut h = follow_app();
    let app = &mut h.app;
    press(app, KeyCode::Right);
    typ(app, "j");
    let last = review(app, "C2", 2024).unwrap();
    typ(app, "n");
    assert_eq!(app.context(), Context::Input);
    typ(app, "Cita en 48 horas en tres barrios");
    // While typing, the detail pane still shows 2024's degree and note.
    let shown = text(app, 120, 40);
    assert!(shown.contains("2024: "), "{shown}");
    if let Some(note) = &last.2 {
        let head: String = note.chars().take(20).collect();
        assert!(shown.contains(&head), "last year's note in sight:\n{shown}");
    }
    press(app, KeyCode::Enter);
    let now = review(app, "C2", 2025).unwrap();
    assert_eq!(now.2.as_deref(), Some("Cita en 48 horas en tres barrios"));
    assert_eq!((now.0, now.1), (last.0, last.1), "a first note starts where the action stood");
    // n again opens with the note; emptied, it is cleared.
    typ(app, "n");
    match editor(app).mode().input() {
        Some(i) => assert_eq!(i.value(), "Cita en 48 horas en tres barrios"),
        None => panic!("no input line"),
    }
    press(app, KeyCode::Esc);
    typ(app, "u");
    assert_eq!(review(app, "C2", 2025), None, "undo takes the whole first review away");
}

#[test]
fn v_enters_an_indicators_value_and_refuses_words() {
    let mut h = follow_app();
    let app = &mut h.app;
    typ(app, "v");
    assert_eq!(app.context(), Context::Input, "on an action row v takes its money (see below)");
    press(app, KeyCode::Esc);
    typ(app, "G");
    press(app, KeyCode::Right);
    let id = session(app).indicators[2].id.clone();
    typ(app, "v");
    assert_eq!(app.context(), Context::Input);
    typ(app, "doce");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Input, "a word is refused and the line stays open");
    assert!(editor(app).notice().is_some_and(|n| n.error));
    for _ in 0..4 {
        press(app, KeyCode::Backspace);
    }
    typ(app, "12,5");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicator_value(&id, 2025), Some(12.5));
    // Enter on the row does the same; emptied, the value is cleared.
    press(app, KeyCode::Enter);
    for _ in 0..4 {
        press(app, KeyCode::Backspace);
    }
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicator_value(&id, 2025), None);
    typ(app, "u");
    assert_eq!(session(app).indicator_value(&id, 2025), Some(12.5));
}

#[test]
fn v_on_an_action_records_money_committed_and_paid_read_the_sessions_way() {
    let mut h = follow_app();
    let app = &mut h.app;
    press(app, KeyCode::Right);
    let Some(FollowRow::Action(c, i)) = editor(app).follow_selected() else { panic!("an action row") };
    let id = session(app).actions(c)[i].id.clone();
    let money = |app: &App| session(app).action_review(&id, 2025).map(|r| (r.committed, r.paid));
    let cents = |c: u64| Some(dafo::domain::Euros { cents: c });
    typ(app, "v");
    // Three parts, a negative amount, an English-looking one that reads two ways: refused, the line stays open.
    for bad in ["1; 2; 3", "-5; 1", "1,620; 1"] {
        typ(app, bad);
        press(app, KeyCode::Enter);
        assert_eq!(app.context(), Context::Input, "{bad}");
        assert!(editor(app).notice().is_some_and(|n| n.error), "{bad}");
        for _ in 0..bad.chars().count() {
            press(app, KeyCode::Backspace);
        }
    }
    assert_eq!(money(app), None);
    typ(app, "1.500; 1.200,50");
    press(app, KeyCode::Enter);
    assert_eq!(money(app), Some((cents(150_000), cents(120_050))));
    let notice = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("comprometido 1.500 €, pagado 1.200,50 €"), "said back as understood: {notice}");
    let shown = text(app, 120, 40);
    assert!(
        shown.contains("2025: ▰▰▰▰ 100 ● hecha · comprometido 1.500 €, pagado 1.200,50 €"),
        "the detail shows it: {shown}"
    );
    // Reopened, it shows what reads back the same; only paid emptied clears only paid.
    typ(app, "v");
    assert_eq!(editor(app).mode().input().map(|i| i.value()), Some("1500; 1200,50".to_owned()));
    for _ in 0.."1200,50".len() {
        press(app, KeyCode::Backspace);
    }
    press(app, KeyCode::Enter);
    assert_eq!(money(app), Some((cents(150_000), None)));
    typ(app, "u");
    assert_eq!(money(app), Some((cents(150_000), cents(120_050))));
}

#[test]
fn a_value_reads_the_sessions_way_and_reopens_as_stored() {
    let mut h = follow_app();
    let app = &mut h.app;
    typ(app, "G");
    press(app, KeyCode::Right);
    let id = session(app).indicators[2].id.clone();
    typ(app, "v");
    // `1,625` in Spanish is 1,625 by the rule and 1625 as English writes it: refused.
    typ(app, "1,625");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Input, "the line stays open");
    let notice = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("1,6250 o 1.625"), "{notice}");
    assert_eq!(session(app).indicator_value(&id, 2025), None);
    for _ in 0..5 {
        press(app, KeyCode::Backspace);
    }
    typ(app, "1,6250");
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicator_value(&id, 2025), Some(1.625));
    // Opened again and confirmed untouched, the value stays what it was (not 1625).
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicator_value(&id, 2025), Some(1.625));
}

/// `Esc` on a value line opened and left as it was keeps no draft, in every
/// language (the line shows `4,5` in Spanish and `4.5` in English): the status
/// line says nothing of one, and `u` undoes the last edit instead of reopening it.
#[test]
fn esc_on_an_untouched_value_keeps_no_draft_and_u_undoes_the_last_edit() {
    for lang in [Lang::Es, Lang::En, Lang::Ca] {
        let mut s = plan();
        let v = s.indicator_values.iter_mut().find(|v| v.indicator == "I3" && v.year == 2024).unwrap();
        v.actual = 4.5;
        let mut h = crate::common::after_the_plan(held(s, lang));
        let app = &mut h.app;
        typ(app, "S");
        let before = session(app).clone();
        typ(app, "3");
        assert_ne!(session(app), &before, "{lang:?}: a degree set, to undo later");
        typ(app, "G");
        typ(app, "v");
        let shown = editor(app).mode().input().map(|i| i.value());
        assert_eq!(shown, Some(lang.locale().exact(4.5)), "{lang:?}");
        press(app, KeyCode::Esc);
        let kept = (lang.text().meeting.draft_kept)("u");
        assert_ne!(editor(app).notice().map(|n| n.text.clone()), Some(kept), "{lang:?}: no draft to speak of");
        typ(app, "u");
        assert!(editor(app).mode().input().is_none(), "{lang:?}: u reopened the untouched line");
        assert_eq!(session(app), &before, "{lang:?}: u undid the degree");
    }
}

/// A paste of several lines or cells on a value line (two spreadsheet cells) is refused
/// whole and said, never read as one number (`12` and `5` as 125, `1` and
/// `620` as 1620); a cell copied with its line break is one value.
#[test]
fn several_lines_pasted_on_a_value_line_are_refused_not_joined() {
    let mut h = follow_app();
    let app = &mut h.app;
    typ(app, "G");
    press(app, KeyCode::Right);
    let id = session(app).indicators[2].id.clone();
    typ(app, "v");
    let refused = (Lang::Es.text().limits.one_value_paste)(2);
    // Two cells of a spreadsheet row come separated by a tab: as many values.
    for paste in ["12\r\n5", "1\n620", "0,15\r3", "1\t620", "2\t500\r\n"] {
        app.handle(Action::Paste(paste.into()));
        assert_eq!(editor(app).mode().input().map(|i| i.value()), Some(String::new()), "{paste:?}");
        assert!(editor(app).notice().is_some_and(|n| n.error && n.text == refused), "{paste:?}");
    }
    app.handle(Action::Paste("12,5\r\n".into()));
    press(app, KeyCode::Enter);
    assert_eq!(session(app).indicator_value(&id, 2025), Some(12.5));
    // The money of an action the same: `committed; paid` is one line.
    typ(app, "g");
    let Some(FollowRow::Action(..)) = editor(app).follow_selected() else { panic!("an action row") };
    typ(app, "v");
    app.handle(Action::Paste("1500\n1200".into()));
    assert_eq!(editor(app).mode().input().map(|i| i.value()), Some(String::new()));
    assert!(editor(app).notice().is_some_and(|n| n.text == refused));
}

/// The year's record reads its date as the forms do: the year written whole.
#[test]
fn the_records_date_takes_the_year_written_whole() {
    let mut h = follow_app();
    let app = &mut h.app;
    press(app, KeyCode::Right);
    typ(app, "r");
    press(app, KeyCode::Tab);
    typ(app, "10/12/25");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Form, "a two-digit year keeps the form open");
    let notice = editor(app).notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(
        notice.contains("DD/MM/AAAA") && notice.contains("31/12/2026") && notice.ends_with(": 10/12/25"),
        "{notice}"
    );
    assert!(session(app).year_review(2025).is_none());
    press(app, KeyCode::Backspace);
    press(app, KeyCode::Backspace);
    typ(app, "2025");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Follow);
    assert_eq!(session(app).year_review(2025).and_then(|r| r.date), Some(jiff::civil::date(2025, 12, 10)));
}

#[test]
fn r_edits_the_years_record_through_a_form() {
    let mut h = follow_app();
    let app = &mut h.app;
    press(app, KeyCode::Right);
    assert!(session(app).year_review(2025).is_none());
    typ(app, "r");
    assert_eq!(app.context(), Context::Form);
    typ(app, "Comisión técnica");
    press(app, KeyCode::Tab);
    typ(app, "2025-13-40");
    press(app, KeyCode::Tab);
    typ(app, "Buen año");
    press(app, KeyCode::Tab);
    typ(app, "Falta personal; Retrasos en licitaciones");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Form, "a bad date keeps the form open");
    // The date field is active again: clear it and type a good one.
    for _ in 0..10 {
        press(app, KeyCode::Backspace);
    }
    typ(app, "2025-12-10");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Follow);
    let r = session(app).year_review(2025).unwrap().clone();
    assert_eq!(r.body.as_deref(), Some("Comisión técnica"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2025-12-10"));
    assert_eq!(r.summary.as_deref(), Some("Buen año"));
    assert_eq!(r.problems, vec!["Falta personal", "Retrasos en licitaciones"]);
    // Esc leaves the form with nothing changed; u takes the record away.
    typ(app, "r");
    press(app, KeyCode::Esc);
    assert_eq!(session(app).year_review(2025), Some(&r));
    typ(app, "u");
    assert!(session(app).year_review(2025).is_none());
}

#[test]
fn presentation_moves_years_and_changes_nothing() {
    let mut h = follow_app();
    let app = &mut h.app;
    let before = session(app).reviews.clone();
    typ(app, "p");
    assert_eq!(app.context(), Context::Present);
    press(app, KeyCode::Left);
    assert_eq!(editor(app).follow_year(), Some(2023));
    typ(app, "+-");
    assert_eq!(session(app).reviews, before, "the room only watches");
    let shown = text(app, 80, 24);
    assert!(shown.contains("2023: 0 en retraso · grado medio"), "{shown}");
    typ(app, "p");
    assert_eq!(app.context(), Context::Follow);
}

#[test]
fn a_session_without_horizon_says_what_is_missing() {
    let mut s = plan();
    s.meta.horizon = None;
    let mut h = crate::common::after_the_plan(held(s, Lang::Es));
    typ(&mut h.app, "S");
    typ(&mut h.app, "3+n");
    assert_eq!(h.app.context(), Context::Follow, "no year, nothing opens");
    let shown = text(&h.app, 80, 24);
    assert!(shown.contains("horizonte"), "{shown}");
    let empty = held(Session::new("x", jiff::Timestamp::UNIX_EPOCH), Lang::En);
    let mut app = empty.app;
    typ(&mut app, "S");
    assert!(text(&app, 80, 24).contains("horizon"));
}

#[test]
fn a_read_only_degree_is_refused() {
    // Degrees go through the domain: outside the horizon is an error, never a panic.
    let s = plan();
    assert!(s.review_action("C1", 2030, Degree::new(50), None, None).is_err());
}

#[test]
fn follow_view_80x24() {
    let h = follow_app();
    insta::assert_snapshot!(common::styles::styled(&screen(&h.app, ThemeName::Dark, 80, 24)));
}

#[test]
fn follow_view_80x24_mono() {
    let h = follow_app();
    insta::assert_snapshot!(common::styles::styled(&screen(&h.app, ThemeName::Mono, 80, 24)));
}

#[test]
fn follow_view_120x40() {
    let mut h = follow_app();
    typ(&mut h.app, "jjj");
    insta::assert_snapshot!(common::styles::styled(&screen(&h.app, ThemeName::Dark, 120, 40)));
}

#[test]
fn follow_view_120x40_mono() {
    let mut h = follow_app();
    typ(&mut h.app, "G");
    insta::assert_snapshot!(common::styles::styled(&screen(&h.app, ThemeName::Mono, 120, 40)));
}

#[test]
fn follow_presentation_120x40() {
    let mut h = follow_app();
    typ(&mut h.app, "p");
    insta::assert_snapshot!(common::styles::styled(&screen(&h.app, ThemeName::Dark, 120, 40)));
}

#[test]
fn follow_record_form_80x24() {
    let mut h = follow_app();
    typ(&mut h.app, "r");
    insta::assert_snapshot!(screen(&h.app, ThemeName::Dark, 80, 24).to_string());
}

#[test]
fn follow_help_80x24_lists_the_views_keys() {
    let mut h = follow_app();
    typ(&mut h.app, "?");
    let shown = text(&h.app, 80, 24);
    for key in ["0-4", "grado", "nota", "acta"] {
        assert!(shown.contains(key), "{key} missing in the help:\n{shown}");
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn follow_view_in_english_80x24() {
    let mut h = crate::common::after_the_plan(held(plan(), Lang::En));
    typ(&mut h.app, "Sl");
    insta::assert_snapshot!(text(&h.app, 80, 24));
}

#[test]
fn a_problem_with_its_own_semicolon_survives_the_form_untouched() {
    let mut s = plan();
    let e =
        s.change_year_review(2024, |r| r.problems = vec!["Falta personal; sobre todo en verano".to_owned()]).unwrap();
    s.apply(e.unwrap()).unwrap();
    let mut h = crate::common::after_the_plan(held(s, Lang::Es));
    let app = &mut h.app;
    typ(app, "Sr");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    typ(app, " más");
    press(app, KeyCode::Enter);
    let r = session(app).year_review(2024).unwrap();
    assert_eq!(r.problems, vec!["Falta personal; sobre todo en verano"]);
    assert!(r.summary.as_deref().is_some_and(|t| t.ends_with(" más")));
}

/// At 80x24 the year's line was cut at the edge with no mark, and the date and
/// the count of problems (after the reviewing body's long name) were the part
/// lost; each note in the detail pane was cut after a word, unmarked too.
#[test]
fn at_80x24_the_years_line_keeps_its_date_and_what_is_cut_ends_in_an_ellipsis() {
    let h = follow_app();
    let screen = text(&h.app, 80, 24);
    let rows: Vec<&str> = screen.lines().map(|l| l.trim_matches('"')).collect();
    let top = rows.iter().find(|l| l.starts_with("2024:")).unwrap_or_else(|| panic!("{screen}"));
    assert!(
        top.contains("12/12/2024") && top.contains("problemas") && top.trim_end().ends_with('…'),
        "date and problems in sight, the body cut: {top}"
    );
    // A detail row that reaches the pane's right border was cut: it says so.
    let details: Vec<&&str> = rows.iter().filter(|l| l.starts_with("│202")).collect();
    assert!(!details.is_empty(), "{screen}");
    for row in details {
        let inner = row.trim_end_matches('│').trim_end_matches(' ');
        let full = unicode_width::UnicodeWidthStr::width(row.trim_end_matches('│'))
            == unicode_width::UnicodeWidthStr::width(inner);
        assert!(!full || inner.ends_with('…'), "cut without a mark: {row}");
    }
}

/// A year's record with a summary only: the view's top line ended in a bare
/// `·` (an audit). It shows the summary, and a year without one shows no `·`.
#[test]
fn a_record_with_only_a_summary_shows_it_on_the_top_line() {
    let mut s = plan();
    s.review_years.retain(|r| r.year != 2024);
    let summary = Some("Revisado en pleno".into());
    s.review_years.push(dafo::domain::YearReview { year: 2024, summary, ..Default::default() });
    let mut h = crate::common::after_the_plan(held(s, Lang::Es));
    typ(&mut h.app, "S");
    let shown = text(&h.app, 120, 30);
    let top = shown.lines().find(|l| l.contains("2024:")).unwrap_or_default().trim_end_matches(['"', ' ']).to_owned();
    assert!(top.ends_with("Revisado en pleno"), "{top}");
}

/// At 80x24 the table's rows below the fold are counted ("↓ N más") and,
/// scrolled to the end, those above ("↑ N más"); C3's detail ends in `…` where
/// its 2024 note is cut, at 80 columns as at 81 and wider.
#[test]
fn follow_view_counts_hidden_rows_and_shows_cut_detail_80x24() {
    let mut h = follow_app();
    let all = text(&h.app, 80, 24);
    assert!(all.contains("↓ 10 más"), "rows below the fold are counted:\n{all}");
    typ(&mut h.app, "G");
    let all = text(&h.app, 80, 24);
    assert!(all.contains("↑ 10 más") && !all.contains("↓ "), "rows above are counted:\n{all}");
    typ(&mut h.app, "gjj");
    assert_eq!(editor(&h.app).follow_selected(), Some(FollowRow::Action(dafo::domain::Came::Correct, 2)));
    for w in [80, 81, 90, 100] {
        let all = text(&h.app, w, 24);
        let line = all.lines().find(|l| l.contains("│2024: ")).unwrap_or_default().to_owned();
        assert!(line.contains('…'), "the cut 2024 line ends in … at {w} columns:\n{all}");
    }
}

/// In the middle of a year the `S` view counted en retraso every action due
/// that year below 100 (5 in June 2025), while `dafo report` counted only what
/// was due before the day (2), and a year not yet begun showed every action
/// due in it as late. One rule now, judged on the day for a year not over: the
/// screen's year line and the report's list of late actions agree.
#[test]
fn the_screen_and_the_report_say_the_same_actions_are_late_on_any_day() {
    for (today, year) in [("2025-06-15", 2025), ("2025-06-15", 2026), ("2027-06-30", 2025), ("2024-03-01", 2024)] {
        let mut h = held(plan(), Lang::Es);
        if let Screen::Editor(e) = &mut h.app.screen {
            e.set_today(today.parse().unwrap());
        }
        typ(&mut h.app, "S");
        while editor(&h.app).follow_year().unwrap() < year {
            press(&mut h.app, ratatui::crossterm::event::KeyCode::Right);
        }
        assert_eq!(editor(&h.app).follow_year(), Some(year));
        let screen = common::screen_rows(&h.app, 120, 40).join("\n");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["report", h.path.to_str().unwrap(), "--year", &year.to_string(), "--format", "json"])
            .env("DAFO_TODAY", today)
            .env_remove("DAFO_DIR")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let late = json["years"][0]["late"].as_array().unwrap().len();
        assert!(
            screen.contains(&format!("{year}: {late} en retraso")),
            "{today}, {year}: the report says {late}\n{screen}"
        );
        // Of a year not begun, only what was already due: C2 and C3 (2024), not E1 or M3 (2026).
        if year == 2026 {
            let ids: Vec<&str> =
                json["years"][0]["late"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
            assert!(!ids.contains(&"E1") && !ids.contains(&"M3"), "{ids:?}");
        }
    }
}

/// A session with no horizon: the view told the room to create the session
/// again with `dafo new --horizon`, though `M` writes the horizon in place, and
/// its footer offered degree, status and note keys that did nothing there.
#[test]
fn with_no_horizon_the_view_points_to_the_sessions_details_and_offers_no_dead_keys() {
    let mut s = plan();
    s.meta.horizon = None;
    for (lang, said, dead) in [
        (Lang::Es, "datos de la sesión, tecla M", "grado"),
        (Lang::En, "session's details, key M", "degree"),
        (Lang::Ca, "dades de la sessió, tecla M", "grau"),
    ] {
        let mut h = held(s.clone(), lang);
        typ(&mut h.app, "S");
        let shown = text(&h.app, 80, 24);
        assert!(shown.replace('\n', " ").contains(said), "{lang:?}:\n{shown}");
        assert!(!shown.contains("dafo new"), "{lang:?}:\n{shown}");
        let footer = shown.lines().last().unwrap_or_default().to_owned();
        assert!(!footer.contains(dead) && footer.contains('q'), "{lang:?} footer: {footer}");
        // M opens the details; the horizon written there brings the view.
        typ(&mut h.app, "M");
        assert!(matches!(&h.app.screen, Screen::Editor(e) if e.covered()), "{lang:?}");
    }
}
