//! Layer 1 for issue 6: the room's keys and the mouse through `App::update`, no terminal, no clock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use dafo::app::keymap::Context;
use dafo::app::room::{Look, ThemeName};
use dafo::app::{App, Mode};

use crate::common;
use common::keys::{ed, notice, press, typ};
use common::{held, held_sample};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::ui::mouse::{self, Clicks};
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::path::Path;

fn sample() -> (App, tempfile::TempDir) {
    let h = held_sample(Lang::Es);
    (h.app, h.dir)
}

fn click(app: &mut App, clicks: &mut Clicks, kind: MouseEventKind, col: u16, row: u16, now: Instant) {
    let ev = MouseEvent { kind, column: col, row, modifiers: KeyModifiers::NONE };
    for a in mouse::actions(app, Rect::new(0, 0, 80, 24), &ev, now, clicks) {
        app.handle(a);
    }
}

#[test]
fn t_cycles_the_theme_and_says_which() {
    let (mut app, _d) = sample();
    assert_eq!(app.look.theme, ThemeName::Dark);
    typ(&mut app, "t");
    assert_eq!(app.look.theme, ThemeName::Light);
    assert!(notice(&app).contains("claro"), "{}", notice(&app));
    typ(&mut app, "tt");
    assert_eq!(app.look.theme, ThemeName::Dark);
    // NO_COLOR pins monochrome: `t` explains instead of changing.
    app.look = Look::resolve(Some(ThemeName::Light), Some(std::ffi::OsStr::new("1")));
    typ(&mut app, "t");
    assert_eq!(app.look.theme, ThemeName::Mono);
    assert!(notice(&app).contains("NO_COLOR"));
}

#[test]
fn t_works_in_the_browser_too() {
    let mut app = App::browser(Path::new("sessions"), Lang::En);
    typ(&mut app, "t");
    assert_eq!(app.look.theme, ThemeName::Light);
    assert!(app.notice().unwrap().text.contains("light"));
}

#[test]
fn presentation_returns_exactly_where_you_were() {
    let (mut app, _d) = sample();
    typ(&mut app, "2jj");
    let before = (ed(&app).focus(), ed(&app).views().factors.selected);
    typ(&mut app, "p");
    assert!(ed(&app).presenting());
    assert_eq!(app.context(), Context::Present);
    // Moving around while presenting, and editing keys do nothing.
    typ(&mut app, "4jzaxm");
    assert_eq!(ed(&app).focus(), Quadrant::Threats);
    assert!(ed(&app).room().zoom);
    assert!(ed(&app).mode().is_grid());
    assert_eq!(ed(&app).session().factors(Quadrant::Threats).len(), 7, "x deletes nothing while presenting");
    press(&mut app, KeyCode::Esc);
    assert!(!ed(&app).presenting());
    assert!(!ed(&app).room().zoom);
    assert_eq!((ed(&app).focus(), ed(&app).views().factors.selected), before);
    assert_eq!(app.context(), Context::Grid);
    // `p` leaves too, and a paste while presenting opens nothing.
    typ(&mut app, "p");
    app.update(dafo::app::Action::Paste("texto".into()));
    assert!(ed(&app).mode().is_grid());
    typ(&mut app, "p");
    assert_eq!(app.context(), Context::Grid);
}

#[test]
fn z_zooms_outside_presentation_and_typing_still_works() {
    let (mut app, _d) = sample();
    typ(&mut app, "3z");
    assert!(ed(&app).room().zoom);
    typ(&mut app, "a");
    typ(&mut app, "Zona azul");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(ed(&app).session().factors(Quadrant::Opportunities).last().unwrap().text, "Zona azul");
    assert!(ed(&app).room().zoom, "the z typed in the text did not toggle zoom");
    typ(&mut app, "z");
    assert!(!ed(&app).room().zoom);
}

#[test]
fn capital_t_cycles_the_time_box_and_never_interrupts_typing() {
    let (mut app, _d) = sample();
    let t0 = Instant::now();
    typ(&mut app, "T");
    assert_eq!(ed(&app).room().timer.minutes(), Some(10));
    assert!(notice(&app).contains("10 min"));
    app.tick(t0);
    // The loop must wake up for the next second.
    let wake = app.deadline().unwrap();
    assert!(wake <= t0 + Duration::from_secs(1), "{wake:?}");
    // Typing a T while adding writes a T; ticks do not touch the input.
    typ(&mut app, "a");
    typ(&mut app, "Tiempo");
    app.tick(t0 + Duration::from_secs(30));
    typ(&mut app, " libre");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(ed(&app).session().factors(Quadrant::Strengths).last().unwrap().text, "Tiempo libre");
    assert_eq!(ed(&app).room().timer.minutes(), Some(10));
    let r = ed(&app).room().timer.reading(ed(&app).room().now).unwrap();
    assert_eq!(r.clock(), "09:30");
    typ(&mut app, "TTT");
    assert_eq!(ed(&app).room().timer.minutes(), None);
    assert!(notice(&app).contains("apagado"));
}

#[test]
fn capital_v_hides_and_reveals_votes() {
    let (mut app, _d) = sample();
    assert!(!ed(&app).room().votes_hidden, "shown by default");
    typ(&mut app, "V");
    assert!(ed(&app).room().votes_hidden);
    // Votes still count while hidden.
    let before = ed(&app).session().factors(Quadrant::Strengths)[0].votes;
    typ(&mut app, "+");
    assert_eq!(ed(&app).session().factors(Quadrant::Strengths)[0].votes, before + 1);
    typ(&mut app, "V");
    assert!(!ed(&app).room().votes_hidden);
}

#[test]
fn the_first_start_hint_goes_at_the_first_key_which_still_acts() {
    let mut app = held(Session::new("Nueva", jiff::Timestamp::UNIX_EPOCH), Lang::Es);
    assert!(ed(&app).overlays().card());
    app.update(dafo::app::Action::Resize);
    assert!(ed(&app).overlays().card(), "a resize is not a key");
    typ(&mut app, "a");
    assert!(!ed(&app).overlays().card());
    assert!(matches!(ed(&app).mode(), Mode::Input(_)));
    // A session with content never shows it.
    let (app, _d) = sample();
    assert!(!ed(&app).overlays().card());
}

#[test]
fn click_selects_and_double_click_edits() {
    let (mut app, _d) = sample();
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    // 80x24: Debilidades is the top-right quadrant; D1 takes three rows, D2 starts on row 5.
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 50, 5, t0);
    assert_eq!(ed(&app).focus(), Quadrant::Weaknesses);
    assert_eq!(ed(&app).selection(Quadrant::Weaknesses), Some(1));
    // Its second line belongs to the same item.
    let later = t0 + Duration::from_secs(2);
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 50, 6, later);
    assert!(ed(&app).mode().is_grid(), "slow clicks are two clicks");
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 50, 6, later + Duration::from_millis(200));
    assert!(matches!(ed(&app).mode(), Mode::Input(i) if i.target == dafo::app::editor::InputTarget::Edit("D2".into())));
    // While typing, the mouse does nothing.
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 5, 15, later + Duration::from_secs(1));
    assert_eq!(ed(&app).focus(), Quadrant::Weaknesses);
    press(&mut app, KeyCode::Esc);
    // A click on a quadrant's empty space focuses it and keeps its selection.
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 5, 13, later + Duration::from_secs(3));
    assert_eq!(ed(&app).focus(), Quadrant::Opportunities);
}

#[test]
fn the_wheel_moves_the_selection_of_the_quadrant_under_the_pointer() {
    let (mut app, _d) = sample();
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    click(&mut app, &mut clicks, MouseEventKind::ScrollDown, 60, 16, t0);
    click(&mut app, &mut clicks, MouseEventKind::ScrollDown, 60, 16, t0);
    assert_eq!(ed(&app).focus(), Quadrant::Threats);
    assert_eq!(ed(&app).selection(Quadrant::Threats), Some(2));
    click(&mut app, &mut clicks, MouseEventKind::ScrollUp, 60, 16, t0);
    assert_eq!(ed(&app).selection(Quadrant::Threats), Some(1));
}

#[test]
fn mouse_works_in_presentation_and_zoom_without_editing() {
    let (mut app, _d) = sample();
    let mut clicks = Clicks::default();
    let t0 = Instant::now();
    typ(&mut app, "p");
    // Presentation 80x24: Amenazas bottom-right, its item 2 starts on row 17.
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 60, 17, t0);
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 60, 17, t0);
    assert_eq!(ed(&app).focus(), Quadrant::Threats);
    assert_eq!(ed(&app).selection(Quadrant::Threats), Some(1));
    assert!(ed(&app).mode().is_grid(), "double-click does not edit while presenting");
    typ(&mut app, "z");
    // Zoomed: the whole body is Amenazas; item 1 is on rows 2-3.
    click(&mut app, &mut clicks, MouseEventKind::Down(MouseButton::Left), 10, 2, t0 + Duration::from_secs(1));
    assert_eq!(ed(&app).selection(Quadrant::Threats), Some(0));
}
