//! The overlay stack through the keymap: keys go to the top overlay first, which
//! consumes them or passes them on to the one below, down to the view.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dafo::app::keymap::Context;
use dafo::app::overlay::Overlay;
use dafo::app::{Action, App};
use dafo::domain::Quadrant;
use dafo::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

use crate::common::held_sample;
use crate::common::keys::{ed, press, typ};

fn contexts(app: &App) -> Vec<Context> {
    app.overlays().iter().filter_map(Overlay::context).collect()
}

fn selected(app: &App) -> (Quadrant, Option<usize>) {
    let q = ed(app).focus();
    (q, ed(app).selection(q))
}

#[test]
fn presentation_passes_moves_on_to_the_view_and_keeps_editing_keys() {
    let h = held_sample(Lang::Es);
    let mut app = h.app;
    typ(&mut app, "p");
    assert_eq!(contexts(&app), [Context::Present]);
    typ(&mut app, "4j");
    assert_eq!(selected(&app), (Quadrant::Threats, Some(1)), "moves reach the view below");
    let threats = ed(&app).session().factors(Quadrant::Threats).len();
    app.update(Action::Paste("pegado".into()));
    typ(&mut app, "ax");
    assert_eq!(ed(&app).session().factors(Quadrant::Threats).len(), threats, "nothing edits under it");
    assert!(ed(&app).mode().is_grid());
}

#[test]
fn help_over_presentation_takes_the_keys_and_gives_them_back_when_closed() {
    let h = held_sample(Lang::En);
    let mut app = h.app;
    typ(&mut app, "2p");
    typ(&mut app, "?");
    assert_eq!(contexts(&app), [Context::Present, Context::Help]);
    let before = selected(&app);
    typ(&mut app, "jj4");
    assert_eq!(selected(&app), before, "the help consumes what it does not pass on");
    assert_eq!(app.overlays().help(), Some(2), "j scrolls the help");
    // A resize is everyone's: it goes through the help and the presentation.
    app.update(Action::Resize);
    assert_eq!(contexts(&app), [Context::Present, Context::Help]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Present);
    typ(&mut app, "j");
    assert_ne!(selected(&app), before, "the presentation has the keys again");
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays().is_empty());
    assert_eq!(selected(&app), before, "closing presentation returns to where it started");
}

#[test]
fn the_browser_has_its_own_stack_for_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::browser(dir.path(), Lang::Ca);
    typ(&mut app, "?");
    assert!(app.help_open());
    typ(&mut app, "q");
    assert!(!app.quit && !app.help_open(), "q closes the help first");
    typ(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn the_first_start_card_passes_its_key_on_and_stays_under_the_help() {
    let h = crate::common::held(dafo::domain::Session::new("Nueva", jiff::Timestamp::UNIX_EPOCH), Lang::Es);
    let mut app = h.app;
    assert!(app.overlays().card());
    assert_eq!(app.context(), Context::Grid, "the card has no keys of its own");
    typ(&mut app, "?");
    typ(&mut app, "a");
    assert!(app.overlays().card(), "keys the help takes do not reach it");
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open() && app.overlays().card());
    typ(&mut app, "a");
    assert!(!app.overlays().card());
    assert!(matches!(ed(&app).mode(), dafo::app::Mode::Input(_)), "the key went on to the grid");
}

/// A form sits over the view and a picker it opens sits over the form: each
/// waits below, as it was, and gets the keys back (no copy of it inside the picker).
#[test]
fn a_picker_opened_from_the_action_form_sits_over_it() {
    let h = held_sample(Lang::Es);
    let mut app = h.app;
    typ(&mut app, "c2lf");
    assert_eq!(contexts(&app), [Context::Form]);
    assert!(ed(&app).mode().is_grid(), "the view stays below the form");
    // The form's línea field: a letter opens the línea picker with it as its search.
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "z");
    assert_eq!(contexts(&app), [Context::Form, Context::Picker]);
    assert!(ed(&app).form().is_some_and(|f| f.active == 8), "the form waits below");
    assert_eq!(ed(&app).picker().map(|p| p.filter.lines().join("")).as_deref(), Some("z"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(contexts(&app), [Context::Form], "Esc closes the picker only");
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays().is_empty());
    assert_eq!(app.context(), Context::CameActions);
}
