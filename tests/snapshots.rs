//! Layer 2: the screens rendered into a `TestBackend` at projector sizes, snapshotted with
//! insta as text plus a style map (`common::styles`), so colours are checked too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use dafo::app::{Action, App, Screen};

use crate::common;
use common::styles::styled;
use common::{Held, held, held_sample};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn sample_app(lang: Lang) -> Held {
    held_sample(lang)
}

fn app_of(session: Session, lang: Lang) -> Held {
    held(session, lang)
}

fn screen(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    terminal.backend().clone()
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(styled(&screen(&sample_app(Lang::Es), 80, 24)));
}

/// The picture on the README's first screen is this screen, line for line: the
/// bundled sample as `cargo run --release` opens it in an 80x24 terminal.
#[test]
fn the_readme_first_screen_is_the_sample_at_80x24() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first = &readme[readme.find("<!-- first screen").unwrap()..];
    let block = &first[first.find("```text\n").unwrap() + 8..];
    let pictured: Vec<&str> = block[..block.find("```").unwrap()].lines().map(str::trim_end).collect();
    let backend = screen(&sample_app(Lang::Es), 80, 24);
    let buffer = backend.buffer();
    let drawn: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            let line: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_owned()
        })
        .collect();
    pretty_assertions::assert_eq!(pictured, drawn);
}

#[test]
fn main_screen_120x40() {
    insta::assert_snapshot!(styled(&screen(&sample_app(Lang::Es), 120, 40)));
}

#[test]
fn main_screen_english_200x60() {
    insta::assert_snapshot!(styled(&screen(&sample_app(Lang::En), 200, 60)));
}

#[test]
fn typing_into_threats_80x24() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::Focus(Quadrant::Threats));
    app.update(Action::Last);
    app.update(Action::StartAdd);
    keys(&mut app, "Cierre de servicios rurales");
    insta::assert_snapshot!(styled(&screen(&app, 80, 24)));
}

#[test]
fn help_80x24() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(styled(&screen(&app, 80, 24)));
}

#[test]
fn help_120x40() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(styled(&screen(&app, 120, 40)));
}

#[test]
fn browser_80x24() {
    insta::assert_snapshot!(styled(&screen(
        &common::browser_in(Path::new("sessions"), Lang::Es, TimeZone::UTC),
        80,
        24
    )));
}

#[test]
fn browser_120x40() {
    insta::assert_snapshot!(styled(&screen(
        &common::browser_in(Path::new("sessions"), Lang::Es, TimeZone::UTC),
        120,
        40
    )));
}

#[test]
fn empty_session_shows_how_to_begin() {
    let app = app_of(Session::new("Nueva", jiff::Timestamp::UNIX_EPOCH), Lang::Es);
    insta::assert_snapshot!(styled(&screen(&app, 80, 24)));
}

#[test]
fn scrolled_quadrant_shows_what_is_hidden() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::Focus(Quadrant::Weaknesses));
    app.update(Action::Last);
    insta::assert_snapshot!(styled(&screen(&app, 80, 24)));
}

#[test]
fn too_small_terminal_says_so() {
    insta::assert_snapshot!(styled(&screen(&sample_app(Lang::Es), 39, 11)));
}

#[test]
fn hostile_text_is_drawn_harmlessly() {
    let mut s = Session::new("Título \u{1b}]0;pwned\u{7} con \u{1b}[2J escape", jiff::Timestamp::UNIX_EPOCH);
    // Text that did not come through the UI (a hand-edited file) is cleaned when drawn.
    s.strengths.push(dafo::domain::Factor::new("F1", "rojo \u{1b}[31mROJO\u{1b}[0m \u{202e}invertido\u{7}"));
    s.strengths.push(dafo::domain::Factor::new("F2", "ancho 漢字漢字 😀 emoji"));
    let app = app_of(s, Lang::Es);
    let backend = screen(&app, 80, 24);
    let text = format!("{backend}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    insta::assert_snapshot!(styled(&backend));
}

#[test]
fn every_size_from_tiny_to_huge_renders_without_panic() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::StartAdd);
    for w in (0..=210).step_by(7) {
        for h in (0..=64).step_by(5) {
            screen(&app, w, h);
        }
    }
}

fn view(keys_to_press: &[Action], w: u16, h: u16) -> TestBackend {
    let mut app = sample_app(Lang::Es);
    for a in keys_to_press {
        app.update(a.clone());
    }
    screen(&app, w, h)
}

#[test]
fn came_view_80x24() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCame], 80, 24)));
}

#[test]
fn came_view_120x40() {
    insta::assert_snapshot!(styled(&view(
        &[Action::ShowCame, Action::Focus(Quadrant::Weaknesses), Action::Right],
        120,
        40
    )));
}

#[test]
fn came_view_200x60_side_by_side() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCame], 200, 60)));
}

#[test]
fn came_link_picker_80x24() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCame, Action::Right, Action::StartLink], 80, 24)));
}

#[test]
fn came_action_form_120x40() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCame, Action::Right, Action::StartForm], 120, 40)));
}

/// CAME at 40x12: a quadrant too short for both lists showed their two
/// headings and no item, no "↓ N más", while `s` changed a hidden action. The
/// list the keys act on now takes the quadrant: its selected item shows.
#[test]
fn came_at_40x12_shows_what_the_keys_act_on() {
    for q in Quadrant::ALL {
        for pane in [None, Some(Action::Right)] {
            let mut press = vec![Action::ShowCame, Action::Focus(q)];
            press.extend(pane.clone());
            let mut app = sample_app(Lang::Es);
            for a in &press {
                app.update(a.clone());
            }
            let Screen::Editor(e) = &app.app.screen else { unreachable!() };
            let s = e.session();
            let shown = match pane {
                None => e.selection(q).map(|i| s.factors(q)[i].id.clone()),
                Some(_) => {
                    let c = dafo::domain::Came::of(q);
                    e.action_selection(c).map(|i| s.actions(c)[i].id.clone())
                }
            };
            let Some(id) = shown else { continue };
            let text = format!("{}", screen(&app, 40, 12));
            assert!(text.contains(&id), "{q:?} {pane:?}: {id} not shown\n{text}");
        }
    }
}

/// An empty action list's hint at 80x24 was cut mid-word with no mark
/// (`(a: nueva acción para el factor elegid`).
#[test]
fn came_hint_is_cut_with_a_mark_at_80x24() {
    let mut s = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    for q in Quadrant::ALL {
        s.factors_mut(q).push(dafo::domain::Factor::new(format!("{}1", q.prefix()), "algo"));
    }
    let mut h = app_of(s, Lang::Es);
    h.app.update(Action::ShowCame);
    let text = format!("{}", screen(&h.app, 80, 24));
    let hints: Vec<&str> = text.lines().filter(|l| l.contains("(a: ")).collect();
    assert!(!hints.is_empty(), "{text}");
    for line in hints {
        let hint = &line[line.find("(a: ").unwrap_or(0)..];
        let hint = hint.split(['│', '┃']).next().unwrap_or_default().trim_end();
        assert!(hint.ends_with(')') || hint.ends_with('…'), "{hint:?} in\n{text}");
    }
}

#[test]
fn crossed_matrix_80x24() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCrossed], 80, 24)));
}

#[test]
fn crossed_matrix_social_work_labels_120x40() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCrossed, Action::ToggleLabels], 120, 40)));
}

#[test]
fn weights_view_80x24() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowWeights], 80, 24)));
}

#[test]
fn weights_view_120x40() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowWeights], 120, 40)));
}

#[test]
fn came_help_80x24() {
    insta::assert_snapshot!(styled(&view(&[Action::ShowCame, Action::ToggleHelp], 80, 24)));
}

#[test]
fn help_80x24_scrolled_to_the_end() {
    let mut app = sample_app(Lang::Es);
    app.update(Action::ToggleHelp);
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let backend = screen(&app, 80, 24);
    let text = format!("{backend}");
    assert!(text.contains("salir (se guarda solo)"), "{text}");
    insta::assert_snapshot!(styled(&backend));
}

#[test]
fn an_item_at_the_text_limit_and_10_000_items_keep_the_layout() {
    let mut s = Session::new("Grande", jiff::Timestamp::UNIX_EPOCH);
    // As long as an item's text may be (`domain::limits::ITEM_TEXT_MAX`).
    let huge = "palabra ".repeat(dafo::domain::limits::ITEM_TEXT_MAX / 8);
    let e = s.add_factor(Quadrant::Strengths, &huge).unwrap();
    s.apply(e).unwrap();
    let many: Vec<String> = (0..10_000).map(|i| format!("amenaza {i} con 漢字 y 😀")).collect();
    let e = s.add_factors(Quadrant::Threats, many.iter().map(String::as_str)).unwrap();
    s.apply(e).unwrap();
    let mut app = app_of(s, Lang::Es);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let backend = screen(&app, w, h);
        let buf = backend.buffer();
        // The four quadrant frames are where they belong, whatever their contents.
        assert_eq!(buf[(0, 1)].symbol(), "┏", "{w}x{h}");
        assert_eq!(buf[(w / 2, 1)].symbol(), "╭", "{w}x{h}");
        assert_eq!(buf[(w - 1, h - 3)].symbol(), "╯", "{w}x{h}");
        let text = format!("{backend}");
        assert!(text.contains(" más "), "hidden items are announced: {text}");
    }
    // The last of 10,000 threats can be reached and shown.
    app.update(Action::Focus(Quadrant::Threats));
    app.update(Action::Last);
    let text = format!("{}", screen(&app, 80, 24));
    assert!(text.contains("amenaza 9999"), "{text}");
}

/// Where the active field of the open form is drawn: the row that carries the
/// `›` marker and the label, cut or whole; `None` when no row does.
fn active_row(rows: &[String], label: &str) -> Option<usize> {
    rows.iter().position(|r| {
        let Some((_, after)) = r.split_once("› ") else { return false };
        let shown = after.trim_end_matches(|c: char| c == '║' || c.is_whitespace());
        let head: String = shown.split('…').next().unwrap_or("").chars().take(label.chars().count()).collect();
        // Side by side, the label is cut (`…`) and the value follows it.
        !head.trim_end().is_empty() && (label.starts_with(head.trim_end()) || shown.starts_with(label))
    })
}

/// Tabs through every field of the open form at `w`x`h`: each time the active
/// field's label (with `›`) and what it holds (its end) are drawn, the value
/// beside the label or on the row below it. `active` reads the open form's
/// active field and its value; a field in `untyped` is not typed into (the
/// línea: a key opens its picker).
fn every_field_is_drawn_when_active(
    h: &mut Held,
    (w, ht): (u16, u16),
    labels: &[String],
    untyped: &[usize],
    active: impl Fn(&App) -> (usize, String),
) {
    for step in 0..labels.len() {
        let (i, _) = active(h);
        assert_eq!(i, step, "Tab moves to the next field");
        // What was typed ends the value, where its cursor is: that end is in sight.
        let typed = !untyped.contains(&i);
        if typed {
            keys(h, &format!("q{i}z"));
        }
        let (_, value) = active(h);
        let tail: String = value.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
        let value = if typed { format!("q{i}z") } else { tail };
        let rows = common::screen_rows(h, w, ht);
        let at = active_row(&rows, &labels[i]).unwrap_or_else(|| {
            panic!("{w}x{ht}: field {i} «{}» is active and not drawn:\n{}", labels[i], rows.join("\n"))
        });
        if !value.is_empty() {
            let near = rows[at..(at + 2).min(rows.len())].iter().any(|r| r.contains(&value));
            assert!(near, "{w}x{ht}: the value «{value}» of field {i} is not drawn:\n{}", rows.join("\n"));
        }
        assert_eq!(rows.iter().filter(|r| r.contains('›')).count(), 1, "one active marker:\n{}", rows.join("\n"));
        h.app.update(Action::Down);
    }
}

fn form_active(app: &App) -> (usize, String) {
    let f = app.overlays().form().expect("the form is open");
    (f.active, f.fields[f.active].lines().join(""))
}

#[test]
fn the_action_form_scrolls_to_its_active_field_at_40x12() {
    let mut h = sample_app(Lang::Es);
    for a in [Action::ShowCame, Action::Right, Action::StartForm] {
        h.app.update(a);
    }
    let labels = h.overlays().form().expect("the action form").labels(Lang::Es);
    assert_eq!(labels.len(), 9);
    every_field_is_drawn_when_active(&mut h, (40, 12), &labels, &[dafo::app::form::LINE_FIELD], form_active);
}

#[test]
fn the_session_details_form_scrolls_to_its_active_field_at_100x13() {
    let mut h = sample_app(Lang::Es);
    h.app.update(Action::EditMeta);
    let labels = h.overlays().form().expect("the details form").labels(Lang::Es);
    every_field_is_drawn_when_active(&mut h, (100, 13), &labels, &[], form_active);
}

#[test]
fn the_year_record_form_scrolls_to_its_active_field_at_40x12() {
    let mut h = sample_app(Lang::Es);
    h.app.update(Action::ShowFollow);
    h.app.update(Action::FollowRecord);
    let labels: Vec<String> = Lang::Es.text().follow.record_fields.iter().map(|l| (*l).to_owned()).collect();
    every_field_is_drawn_when_active(&mut h, (40, 12), &labels, &[], |app| {
        let f = app.overlays().record().expect("the record form");
        (f.active, f.fields[f.active].lines().join(""))
    });
}

/// The action form at 40x12 on its last field: the page that holds it, whole
/// rows, `↑ 2 más` on the top border for the fields above.
#[test]
fn came_action_form_scrolled_to_its_last_field_40x12() {
    let mut press = vec![Action::ShowCame, Action::Right, Action::StartForm];
    press.extend(std::iter::repeat_n(Action::Down, 8));
    insta::assert_snapshot!(styled(&view(&press, 40, 12)));
}
