//! Issue 24, plan view keys: a key that does nothing says so on the status
//! line; after `A` adds an eje the selection stays on it, so `a` adds the línea
//! there; `A` and `a` name what they add ("Nuevo eje" / "Nueva línea en EJ4").
#![allow(clippy::unwrap_used)]

use crate::common;
use common::keys::{ed, notice, press, typ};
use common::{Held, held};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn plan(lang: Lang) -> Held {
    let s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    let mut h = held(s, lang);
    typ(&mut h.app, "P");
    h
}

fn screen(h: &Held, w: u16, hh: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, hh)).unwrap();
    terminal.draw(|f| ui::draw(&h.app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned() + "\n")
        .collect()
}

#[test]
fn a_key_that_does_nothing_says_so_and_changes_nothing() {
    for lang in [Lang::Es, Lang::En, Lang::Ca] {
        let mut h = plan(lang);
        // The first row of the tree is an eje: `m` moves only líneas.
        assert!(matches!(ed(&h.app).views().plan.pane, dafo::app::selection::PlanPane::Tree));
        let before = ed(&h.app).session().clone();
        typ(&mut h.app, "m");
        let said = notice(&h.app);
        assert_eq!(said, (lang.plan_ui().key_does_nothing)("m"), "{lang:?}");
        assert!(ed(&h.app).mode().is_grid(), "no picker, no input line left open");
        assert_eq!(ed(&h.app).session(), &before);
        // A key that did something says nothing of the kind.
        typ(&mut h.app, "j");
        assert_eq!(notice(&h.app), "", "{lang:?}");
    }
}

#[test]
fn after_adding_an_eje_the_next_linea_goes_in_it() {
    let mut h = plan(Lang::Es);
    let axes = ed(&h.app).session().axes.len();
    typ(&mut h.app, "A");
    typ(&mut h.app, "Eje nuevo");
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::Esc);
    let s = ed(&h.app).session();
    assert_eq!(s.axes.len(), axes + 1);
    let new_axis = s.axes[axes].id.clone();
    typ(&mut h.app, "a");
    typ(&mut h.app, "Línea del eje nuevo");
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::Esc);
    let s = ed(&h.app).session();
    let line = s.lines.iter().find(|l| l.text == "Línea del eje nuevo").unwrap();
    assert_eq!(line.axis, new_axis);
    // And the selection is on the línea just added.
    let rows = dafo::app::plan::tree(s);
    let at = ed(&h.app).views().plan.tree;
    assert!(matches!(rows[at], dafo::app::plan::TreeRow::Line(i) if s.lines[i].id == line.id), "{at}");
}

#[test]
fn new_eje_and_new_linea_prompts_say_which() {
    for (lang, code) in [(Lang::Es, "es"), (Lang::En, "en"), (Lang::Ca, "ca")] {
        let mut h = plan(lang);
        typ(&mut h.app, "A");
        let text = screen(&h, 80, 24);
        assert!(text.contains(lang.plan_ui().new_axis), "{code}:\n{text}");
        press(&mut h.app, KeyCode::Esc);
        // On eje 2 (its first row after eje 1's líneas), `a` names it.
        typ(&mut h.app, "jjjj");
        typ(&mut h.app, "a");
        let want = (lang.plan_ui().new_line_in)(&lang.show_id("EJ2"));
        for (w, hh) in [(80, 24), (120, 40)] {
            let text = screen(&h, w, hh);
            assert!(text.contains(&want), "{code} {w}x{hh}:\n{text}");
            insta::assert_snapshot!(format!("new_linea_prompt_{code}_{w}x{hh}"), text);
        }
    }
}
