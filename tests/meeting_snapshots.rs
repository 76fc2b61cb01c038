//! Layer 2 for the room's trial and the review meeting (issues 12 and 16): the
//! CAME view sharing its rows, the marks explained, presentation in every view.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dafo::app::{Action, App, Screen};

use crate::common;
use common::held_sample;
use dafo::domain::Quadrant;
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn text(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().to_string()
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

/// The sample with "today" fixed, so overdue marks do not drift with the clock.
fn sample() -> common::Held {
    let mut h = held_sample(Lang::Es);
    if let Screen::Editor(e) = &mut h.app.screen {
        e.set_today(jiff::civil::date(2026, 11, 27));
    }
    h
}

#[test]
fn came_shares_rows_by_content_120x40() {
    let mut h = sample();
    h.app.update(Action::ShowCame);
    h.app.update(Action::Focus(Quadrant::Weaknesses));
    let screen = text(&h.app, 120, 40);
    // Mantener's actions take only the rows they need: both show, whole.
    assert!(screen.contains("M1 Mapa") && screen.contains("investigación → F5"), "{screen}");
    // A "↓ n más" hint has a row of its own: the item above it ends whole.
    assert!(screen.contains("y dependencia") && screen.contains("↓ 4 más"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn came_at_80x24_shows_several_factors_per_quadrant() {
    let mut h = sample();
    h.app.update(Action::ShowCame);
    let screen = text(&h.app, 80, 24);
    for id in ["F1", "F2", "F3", "D1", "D2", "O1", "O2", "A1", "A2"] {
        assert!(screen.contains(&format!("{id} ")), "{id} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn new_action_prompt_for_no_factor_leaves_no_stale_text_80x24() {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.threats.clear();
    let mut h = common::held(s, Lang::En);
    h.app.update(Action::ShowCame);
    h.app.update(Action::Focus(Quadrant::Threats));
    h.app.update(Action::StartAdd);
    let screen = text(&h.app, 80, 24);
    let line = screen.lines().find(|l| l.contains("New action for")).unwrap_or_else(|| panic!("{screen}"));
    // The label is "New action for —" alone: nothing of the plain input label shows through.
    let label = line.split("New action for").nth(1).unwrap();
    assert!(label.trim_start().starts_with('—'), "{line}");
    assert!(!label.contains("Esc") && !label.contains("Enter"), "{line}");
}

#[test]
fn new_action_prompt_names_the_factor_80x24() {
    let mut h = sample();
    h.app.update(Action::ShowCame);
    h.app.update(Action::Focus(Quadrant::Strengths));
    h.app.update(Action::StartAdd);
    let screen = text(&h.app, 80, 24);
    assert!(screen.contains("Nueva acción para F2 «Voluntad"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn long_item_wraps_while_typed_80x24() {
    let mut h = sample();
    h.app.update(Action::Focus(Quadrant::Threats));
    h.app.update(Action::StartAdd);
    let long =
        "Cierre de servicios rurales y pérdida de transporte público que aísla a las personas mayores de los pueblos";
    keys(&mut h.app, long);
    let screen = text(&h.app, 80, 24);
    // The first words and the last are both on screen.
    assert!(screen.contains("Cierre de") && screen.contains("pueblos"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn help_has_a_legend_of_the_marks_120x40() {
    let mut h = sample();
    h.app.update(Action::ToggleHelp);
    let screen = text(&h.app, 120, 40);
    for mark in ["↻", "○", "●", "★", "⚠"] {
        assert!(screen.contains(mark), "{mark} missing:\n{screen}");
    }
    assert!(screen.contains("Marcas"), "{screen}");
}

#[test]
fn presentation_of_the_grid_shows_every_item_with_its_stars_120x40() {
    let mut h = sample();
    h.app.update(Action::Room(dafo::app::room::RoomAction::TogglePresent));
    let screen = text(&h.app, 120, 40);
    assert!(!screen.contains("más"), "an item is hidden:\n{screen}");
    for id in ["F8", "D8", "O7", "A7", "★5"] {
        assert!(screen.contains(id), "{id} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn presentation_works_in_every_view() {
    for (key, title) in [('c', "Mantener"), ('X', "ofensivas"), ('W', "EFI")] {
        let mut h = sample();
        for k in [key, 'p'] {
            let ev = ratatui::crossterm::event::Event::Key(KeyEvent::new(KeyCode::Char(k), KeyModifiers::NONE));
            let action = h.app.action_for(&ev).unwrap();
            h.app.handle(action);
        }
        let Screen::Editor(e) = &h.app.screen else { panic!("no editor") };
        assert!(e.presenting(), "{key}");
        let screen = text(&h.app, 120, 40);
        assert!(screen.contains(title), "{key}: {title} missing:\n{screen}");
        // No chrome: the footer's keys are gone.
        assert!(!screen.contains("? ayuda"), "{key}:\n{screen}");
        if key == 'W' {
            // Every row on the wall is read whole; the rest is on the next page, named on the border.
            assert!(!screen.contains('…') && !screen.contains("↓"), "{screen}");
            assert!(screen.contains("página 1/2"), "{screen}");
        }
        if key == 'c' {
            // Every item on the wall is read whole, none cut with "…"; what does not
            // fit is on the next page, named on the heading (present_pages moves through them).
            assert!(!screen.contains('…') && !screen.contains("↓"), "{screen}");
            assert!(screen.contains("página 1/2"), "{screen}");
            insta::assert_snapshot!("presentation_came_120x40", screen);
        }
    }
}

#[test]
fn crossed_titles_alike_with_counts_120x40() {
    let mut h = sample();
    h.app.update(Action::ShowCrossed);
    let screen = text(&h.app, 120, 40);
    // Every cell names its strategies the same way, never cut mid-word, and counts them.
    assert!(!screen.contains("reorie "), "{screen}");
    for code in ["FO · ", "DO · ", "FA · ", "DA · "] {
        let line = screen.lines().find(|l| l.contains(code)).unwrap_or_else(|| panic!("{code}:\n{screen}"));
        let after = &line[line.find(code).unwrap()..];
        assert!(after.contains('(') && after.contains(')'), "{code} has no count:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn weights_wrap_factor_text_80x24() {
    let mut h = sample();
    h.app.update(Action::ShowWeights);
    let screen = text(&h.app, 80, 24);
    // F1's words past the first line are on screen too.
    assert!(screen.contains("tamaño medio"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_weights_row_taller_than_the_table_is_cut_not_left_out() {
    use dafo::domain::{Factor, Session};
    let mut s = Session::new("Pesos", jiff::Timestamp::UNIX_EPOCH);
    let long: Vec<String> = (0..400).map(|n| format!("palabra{n}")).collect();
    s.strengths.push(Factor::new("F1", long.join(" ")));
    s.strengths.extend((2..=60).map(|n| Factor::new(format!("F{n}"), format!("Factor número {n} de la lista"))));
    let mut h = common::held(s, Lang::Es);
    h.app.update(Action::ShowWeights);
    let screen = text(&h.app, 80, 24);
    assert!(screen.contains("F1") && screen.contains("palabra0 "), "the tall row is drawn:\n{screen}");
    assert!(screen.contains('…'), "and marked as cut:\n{screen}");
    // At the smallest size the app draws, the selected factor still shows.
    h.app.update(Action::Down);
    let screen = text(&h.app, 40, 12);
    assert!(screen.contains("F2"), "{screen}");
}

#[test]
fn browser_tells_similar_titles_apart_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Plan de cuidados del barrio de San Juan y la asociación vecinal";
    for name in ["plan-de-cuidados-2025.ron", "plan-de-cuidados-2026.ron"] {
        let s = dafo::domain::Session::new(long, jiff::Timestamp::UNIX_EPOCH);
        dafo::storage::save(&dir.path().join(name), &s).unwrap();
    }
    let app = common::browser_in(dir.path(), Lang::Es, jiff::tz::TimeZone::UTC);
    let screen = text(&app, 80, 24);
    assert!(screen.contains('…'), "{screen}");
    assert!(screen.contains("2025.ron") && screen.contains("2026.ron"), "{screen}");
    // The temporary folder's name changes each run: the heading line is left out.
    let screen: String = screen.lines().skip(1).map(|l| format!("{l}\n")).collect();
    insta::assert_snapshot!(screen);
}

#[test]
fn carried_and_overdue_are_marked_and_explained_120x40() {
    let mut s = dafo::domain::Session::new("Revisión anual", jiff::Timestamp::UNIX_EPOCH);
    for t in ["Red vecinal activa", "Local propio"] {
        let e = s.add_factor(Quadrant::Strengths, t).unwrap();
        s.apply(e).unwrap();
    }
    let e = s.add_action(dafo::domain::Came::Maintain, "Cuidar la red", vec!["F1".to_owned()]).unwrap();
    s.apply(e).unwrap();
    let e = s
        .change_action(dafo::domain::Came::Maintain, 0, |a| {
            a.carried = true;
            a.due = Some(jiff::civil::date(2025, 6, 30));
        })
        .unwrap();
    s.apply(e).unwrap();
    let e = s.change_factor(Quadrant::Strengths, 0, |f| f.carried = true).unwrap();
    s.apply(e).unwrap();
    let mut h = common::held(s, Lang::Es);
    if let Screen::Editor(e) = &mut h.app.screen {
        e.set_today(jiff::civil::date(2026, 3, 1));
    }
    h.app.update(Action::ShowCame);
    h.app.update(Action::Right);
    let screen = text(&h.app, 120, 40);
    assert!(screen.contains("⚠30/06/2025"), "{screen}");
    assert!(screen.contains("↻ 2 sin confirmar") && screen.contains("⚠ 1 vencida"), "{screen}");
    assert!(screen.contains("↻ viene del año pasado"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn presentation_pages_what_does_not_fit_80x24() {
    let mut h = sample();
    h.app.update(Action::Room(dafo::app::room::RoomAction::TogglePresent));
    let screen = text(&h.app, 80, 24);
    assert!(screen.contains("página 1/3"), "{screen}");
    assert!(!screen.contains("más"), "{screen}");
    // The last factor's page shows when it is selected.
    h.app.update(Action::Last);
    let last = text(&h.app, 80, 24);
    assert!(last.contains("F8") && last.contains("página 3/3"), "{last}");
    insta::assert_snapshot!(screen);
}

/// Issue 24, bug 12: at 80 columns the carried-over notice fits its line in
/// every language and the footer keeps its keys; a notice too long for one line
/// takes two rows with no word of the one-line draw left behind.
#[test]
fn carried_over_notice_fits_80x24_and_the_footer_keeps_its_keys() {
    for (lang, said) in [
        (Lang::Es, "↻ De la sesión anterior: 12 factores y 2 acciones abiertas, por confirmar"),
        (Lang::En, "↻ From the last session: 12 factors and 2 open actions, to confirm"),
        (Lang::Ca, "↻ De la sessió anterior: 12 factors i 2 accions obertes, per confirmar"),
    ] {
        let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
        for f in s.strengths.iter_mut().chain(s.weaknesses.iter_mut()).take(12) {
            f.carried = true;
        }
        for a in s.maintain.iter_mut().take(2) {
            a.carried = true;
        }
        let h = common::held(s, lang);
        let screen = text(&h.app, 80, 24);
        let rows: Vec<&str> = screen.lines().collect();
        assert!(rows[22].contains(said), "{lang:?} status:\n{screen}");
        // The footer: how to confirm (a carried item is selected), then keys.
        let hint = lang.text().meeting.carried_hint;
        let keys = rows[23].trim_matches('"').split(hint).nth(1).unwrap_or_default().trim();
        assert!(rows[23].contains(hint) && !keys.is_empty(), "{lang:?} footer:\n{screen}");
        if lang == Lang::Es {
            insta::assert_snapshot!(screen);
        }
    }
    let mut h = sample();
    let long =
        "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete";
    h.app.warn(long);
    let screen = text(&h.app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    let both = format!("{} {}", rows[22], rows[23]);
    let words: Vec<&str> = both.split(|c: char| !c.is_alphanumeric() && c != 'é').filter(|w| !w.is_empty()).collect();
    assert_eq!(words, long.split(' ').collect::<Vec<_>>(), "each word once:\n{screen}");
}

/// Issue 24, bug 16: a long item typed in a quadrant with free rows grows into
/// them before it scrolls, so its first words stay in sight (80x24, 160 characters).
#[test]
fn long_item_grows_into_the_free_rows_before_scrolling_80x24() {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.threats.truncate(1);
    let mut h = common::held(s, Lang::Es);
    h.app.update(Action::Focus(Quadrant::Threats));
    h.app.update(Action::StartAdd);
    let long = "Primeras palabras del texto: cierre de servicios rurales y pérdida de transporte público que aísla a \
                las personas mayores de los pueblos más pequeños, hasta el final";
    assert!(long.chars().count() >= 160);
    keys(&mut h.app, long);
    let screen = text(&h.app, 80, 24);
    assert!(screen.contains("Primeras palabras") && screen.contains("hasta el final"), "{screen}");
    // The item already there is still shown above it.
    assert!(screen.contains("A1 "), "{screen}");
    insta::assert_snapshot!(screen);
}
