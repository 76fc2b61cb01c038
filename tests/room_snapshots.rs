//! Layer 2 for issue 6: every theme and room mode rendered at 80x24 and 120x40, with the styles that matter checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use dafo::app::room::{RoomAction, ThemeName};
use dafo::app::{Action, App, Screen};

use crate::common;
use common::styles::{style_map, styled};
use common::{Held, held, held_sample};
use dafo::domain::Quadrant;
use dafo::i18n::Lang;
use dafo::storage;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn sample_app() -> Held {
    held_sample(Lang::Es)
}

fn room(app: &mut App, a: RoomAction) {
    app.update(Action::Room(a));
}

fn backend(app: &App, theme: ThemeName, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::named(theme), f)).unwrap();
    terminal.backend().clone()
}

fn buffer(app: &App, theme: ThemeName, w: u16, h: u16) -> Buffer {
    backend(app, theme, w, h).buffer().clone()
}

/// Snapshots `app` at both sizes under `name`: text and styles.
fn snap(name: &str, app: &App, theme: ThemeName) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), styled(&backend(app, theme, w, h)));
    }
}

/// Snapshots only the styles of `app` at both sizes, as `styles_{name}_WxH`: for a
/// screen whose text is already snapshotted in another theme (the text is the same).
fn snap_styles(name: &str, app: &App, theme: ThemeName) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("styles_{name}_{w}x{h}"), style_map(&buffer(app, theme, w, h)));
    }
}

/// The first cell whose symbol starts `text` on row `y`.
fn find(buf: &Buffer, y: u16, text: &str) -> u16 {
    let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect::<Vec<_>>().concat();
    let at = row.find(text).unwrap_or_else(|| panic!("{text:?} not on row {y}: {row}"));
    row[..at].chars().count() as u16
}

/// The dark theme (text and styles) is `snapshots__main_screen_*`; the others differ
/// only in their styles.
#[test]
fn every_theme_at_both_sizes() {
    let app = sample_app();
    for theme in [ThemeName::Light, ThemeName::Mono] {
        snap_styles(&format!("theme_{theme:?}").to_lowercase(), &app, theme);
    }
}

#[test]
fn light_theme_is_black_on_white_with_dark_accents() {
    let buf = buffer(&sample_app(), ThemeName::Light, 80, 24);
    let white = Color::Indexed(231);
    // The whole page is painted white, even cells nothing else touches.
    for (x, y) in [(0, 0), (79, 23), (40, 10), (70, 22)] {
        assert_eq!(buf[(x, y)].bg, white, "({x}, {y})");
    }
    assert_eq!(buf[(find(&buf, 2, "Coordinación"), 2)].fg, Color::Indexed(16), "item text is black");
    assert_eq!(buf[(find(&buf, 2, "Amplia"), 2)].bg, Color::Indexed(19), "selection on navy");
    let title = find(&buf, 1, "Fortalezas");
    assert_eq!(buf[(title, 1)].fg, Color::Indexed(22), "Fortalezas in dark green");
    assert!(buf[(title, 1)].modifier.contains(Modifier::BOLD));
    let threats = find(&buf, 12, "Amenazas");
    assert_eq!(buf[(threats, 12)].fg, Color::Indexed(130));
    // Overlays (help) are painted white too, not left in the terminal's colour.
    let mut app = sample_app();
    app.update(Action::ToggleHelp);
    let help = buffer(&app, ThemeName::Light, 80, 24);
    assert_eq!(help[(1, 1)].symbol(), "M");
    assert_eq!(help[(30, 11)].bg, white);
}

#[test]
fn mono_theme_uses_no_colour_at_all() {
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTimer);
    for (w, h) in SIZES {
        let buf = buffer(&app, ThemeName::Mono, w, h);
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
        // Quadrants still differ without colour: number and symbol in each title.
        let text = format!("{}", backend(&app, ThemeName::Mono, w, h));
        for mark in ["1 ▲", "2 ▼", "3 ◆", "4 ⚠"] {
            assert!(text.contains(mark), "{mark} missing");
        }
        // The focused quadrant has the heavy border.
        assert_eq!(buf[(0, 1)].symbol(), "┏");
    }
}

#[test]
fn zoomed_quadrant() {
    let mut app = sample_app();
    app.update(Action::Focus(Quadrant::Weaknesses));
    app.update(Action::Down);
    room(&mut app, RoomAction::ToggleZoom);
    snap("zoom", &app, ThemeName::Dark);
}

#[test]
fn presentation_grid() {
    let mut app = sample_app();
    app.update(Action::Focus(Quadrant::Opportunities));
    app.update(Action::Down);
    room(&mut app, RoomAction::TogglePresent);
    snap("present", &app, ThemeName::Dark);
    snap_styles("present_light", &app, ThemeName::Light);
}

#[test]
fn presentation_zoomed_with_votes_hidden() {
    let mut app = sample_app();
    room(&mut app, RoomAction::TogglePresent);
    room(&mut app, RoomAction::ToggleZoom);
    room(&mut app, RoomAction::ToggleVotes);
    snap("present_zoom_no_votes", &app, ThemeName::Dark);
}

#[test]
fn timer_running_and_in_its_last_minute() {
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTimer);
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(9 * 60 + 30));
    app.update(Action::Resize);
    snap("timer_warning", &app, ThemeName::Dark);
    let buf = buffer(&app, ThemeName::Dark, 80, 24);
    let x = find(&buf, 22, "⏱");
    assert_eq!(buf[(x, 22)].bg, Color::LightYellow, "last minute in the warning style");
    let light = buffer(&app, ThemeName::Light, 80, 24);
    assert_eq!(light[(x, 22)].bg, Color::Indexed(130));
    let mono = buffer(&app, ThemeName::Mono, 80, 24);
    assert!(mono[(x, 22)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn timer_in_presentation_and_time_up() {
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTimer);
    room(&mut app, RoomAction::CycleTimer);
    room(&mut app, RoomAction::TogglePresent);
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(16 * 60));
    snap("present_time_up", &app, ThemeName::Dark);
}

#[test]
fn votes_hidden_in_the_grid() {
    let mut app = sample_app();
    room(&mut app, RoomAction::ToggleVotes);
    app.update(Action::Resize);
    for (w, h) in SIZES {
        let text = format!("{}", backend(&app, ThemeName::Dark, w, h));
        assert!(!text.contains("●5") && text.contains("votos ocultos"), "{text}");
    }
    snap("votes_hidden", &app, ThemeName::Dark);
}

#[test]
fn theme_name_is_shown_when_cycled() {
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTheme);
    assert_eq!(app.look.theme, ThemeName::Light);
    let text = format!("{}", backend(&app, app.look.theme, 80, 24));
    assert!(text.contains("Tema: claro de alto contraste"), "{text}");
}

#[test]
fn first_start_hint_in_every_theme() {
    let app = held(dafo::domain::Session::new("Nueva", jiff::Timestamp::UNIX_EPOCH), Lang::Es);
    assert!(matches!(&app.screen, Screen::Editor(e) if e.overlays().card()));
    snap("hint_light", &app, ThemeName::Light);
    let buf = buffer(&app, ThemeName::Light, 80, 24);
    let y = (0..24).find(|&y| buf[(40, y)].symbol() == "═").unwrap();
    assert_eq!(buf[(40, y + 1)].bg, Color::Indexed(231), "card painted white over the grid");
}

#[test]
fn the_three_projector_sizes_fit() {
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTimer);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = format!("{}", backend(&app, ThemeName::Dark, w, h));
        assert!(text.contains("⏱ 10:00 / 10 min") && text.contains("q salir"), "{w}x{h}\n{text}");
        room(&mut app, RoomAction::TogglePresent);
        let text = format!("{}", backend(&app, ThemeName::Dark, w, h));
        assert!(text.contains("FORTALEZAS") && !text.contains("q salir"), "{w}x{h}\n{text}");
        room(&mut app, RoomAction::TogglePresent);
    }
}

#[test]
fn the_title_bar_says_how_long_ago_it_saved() {
    let mut app = held(dafo::domain::Session::new("Sala", jiff::Timestamp::UNIX_EPOCH), Lang::Es);
    let path = app.path.clone();
    assert!(!app.clock_showing());
    app.update(Action::StartAdd);
    app.update(Action::Paste("Equipo motivado".into()));
    app.update(Action::Submit);
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(1));
    // Autosave runs in the background: give it a moment to land, and its outcome a
    // moment to come back (the file is visible before the backup and its fsyncs end).
    let mut waited = 0;
    while (app.busy() || !app.clock_showing()) && waited < 500 {
        std::thread::sleep(Duration::from_millis(10));
        app.tick(t0 + Duration::from_secs(1));
        waited += 1;
    }
    app.tick(t0 + Duration::from_secs(1));
    assert!(storage::load(&path).unwrap().total() == 1, "autosaved");
    app.tick(t0 + Duration::from_secs(3));
    assert!(app.clock_showing(), "the loop must redraw the age as time passes");
    let text = format!("{}", backend(&app, ThemeName::Dark, 80, 24));
    assert!(text.lines().next().unwrap().contains("✓ guardado hace 2 s"), "{text}");
    app.tick(t0 + Duration::from_secs(125));
    let text = format!("{}", backend(&app, ThemeName::Dark, 80, 24));
    assert!(text.contains("✓ guardado hace 2 min"), "{text}");
}

#[test]
fn room_modes_render_and_hit_test_at_every_size_without_panic() {
    use dafo::ui::mouse;
    let mut app = sample_app();
    room(&mut app, RoomAction::CycleTimer);
    for step in [RoomAction::ToggleVotes, RoomAction::ToggleZoom, RoomAction::TogglePresent, RoomAction::ToggleZoom] {
        room(&mut app, step);
        for w in (0..=210).step_by(11) {
            for h in (0..=64).step_by(7) {
                buffer(&app, ThemeName::Light, w, h);
                let area = ratatui::layout::Rect::new(0, 0, w, h);
                for (x, y) in [(0, 0), (w / 2, h / 2), (w.saturating_sub(1), h.saturating_sub(1)), (w / 4, 3)] {
                    mouse::hit(&app, area, x, y);
                }
            }
        }
    }
}

#[test]
fn style_maps_tell_the_themes_apart_where_the_text_cannot() {
    let app = sample_app();
    let [dark, light, mono] = [ThemeName::Dark, ThemeName::Light, ThemeName::Mono].map(|t| backend(&app, t, 80, 24));
    assert_eq!(dark.to_string(), light.to_string());
    assert_eq!(dark.to_string(), mono.to_string());
    let maps = [&dark, &light, &mono].map(|b| style_map(b.buffer()));
    assert_ne!(maps[0], maps[1]);
    assert_ne!(maps[0], maps[2]);
    assert_ne!(maps[1], maps[2]);
    // Mono uses modifiers only, so no colour appears in its legend.
    assert!(!maps[2].contains("fg=") && !maps[2].contains("bg="), "{}", maps[2]);
}

#[test]
fn presenting_an_item_taller_than_the_screen_says_it_goes_on() {
    use dafo::domain::{Factor, Session};
    let mut s = Session::new("Largo", jiff::Timestamp::UNIX_EPOCH);
    let long: Vec<String> = (0..400).map(|n| format!("palabra{n}")).collect();
    s.strengths.push(Factor::new("F1", long.join(" ")));
    s.strengths.push(Factor::new("F2", "Corto"));
    let mut h = held(s, Lang::Es);
    room(&mut h.app, RoomAction::TogglePresent);
    let text: String = {
        let b = buffer(&h.app, ThemeName::Dark, 80, 24);
        (0..b.area.height).map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect::<String>() + "\n").collect()
    };
    assert!(text.contains("palabra0 "), "{text}");
    assert!(text.contains('…'), "the cut is marked:\n{text}");
    assert!(!text.contains("palabra399"), "{text}");
}
