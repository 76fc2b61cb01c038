//! Issue 24, bug 1: presenting CAME, the weights and the plan, what does not fit
//! goes on pages of whole items (never cut to one line with `…`), and moving
//! the selection reaches every item; an empty pane takes no room.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dafo::app::room::RoomAction;
use dafo::app::selection::PlanPane;
use dafo::app::{Action, App};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::keys::ed;
use crate::common::{self, Held, held};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 3] = [(Lang::Es, "es"), (Lang::En, "en"), (Lang::Ca, "ca")];

/// The end every long text gets: a word naming the item, to tell a whole item from a cut one.
fn tail(id: &str) -> String {
    format!(" con más detalle fin{id}")
}

/// The sample with every factor, action, eje, línea, reto and indicator made long.
fn long_session() -> Session {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    for q in Quadrant::ALL {
        let list = s.factors_mut(q);
        list.iter_mut().for_each(|f| f.text.push_str(&tail(&f.id)));
    }
    for a in s.maintain.iter_mut().chain(s.correct.iter_mut()).chain(s.exploit.iter_mut()).chain(s.confront.iter_mut())
    {
        a.text.push_str(&tail(&a.id));
    }
    s.axes.iter_mut().for_each(|a| a.text.push_str(&tail(&a.id)));
    s.lines.iter_mut().for_each(|l| l.text.push_str(&tail(&l.id)));
    s.challenges.iter_mut().for_each(|c| c.text.push_str(&tail(&c.id)));
    s.indicators.iter_mut().for_each(|i| i.name.push_str(&tail(&i.id)));
    s
}

fn presenting(view: Action, lang: Lang) -> Held {
    let mut h = held(long_session(), lang);
    h.app.update(view);
    h.app.update(Action::Room(RoomAction::TogglePresent));
    assert!(ed(&h.app).presenting());
    h
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned() + "\n")
        .collect()
}

/// The `fin…` words on `text`: the items shown to their last word.
fn ends(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with("fin") && w.len() > 3)
        .map(str::to_owned)
        .collect()
}

/// Renders at every size after each step, gathering the items seen: at 80x24
/// their IDs (a pane there may be shorter than one long item, cut with `…`
/// as in the grid), at 120x40 their last words, no item cut short.
fn seen(app: &App, into: &mut [std::collections::BTreeSet<String>; 2]) {
    let small = screen(app, 80, 24);
    into[0].extend(small.split(|c: char| !c.is_alphanumeric()).map(|w| format!("fin{w}")));
    let text = screen(app, 120, 40);
    let body: String = text.lines().filter(|l| !l.starts_with("Visión") && !l.contains("Misión")).collect();
    assert!(!body.contains('…'), "120x40: an item is cut:\n{text}");
    into[1].extend(ends(&text));
}

fn steps(app: &mut App, n: usize, into: &mut [std::collections::BTreeSet<String>; 2]) {
    app.update(Action::First);
    seen(app, into);
    // Not past the last: in the grid and CAME that goes on to the next quadrant.
    for _ in 1..n {
        app.update(Action::Down);
        seen(app, into);
    }
}

fn all_ends(ids: impl Iterator<Item = String>) -> std::collections::BTreeSet<String> {
    ids.map(|id| format!("fin{id}")).collect()
}

#[test]
fn moving_the_selection_while_presenting_came_shows_every_item_whole() {
    let mut h = presenting(Action::ShowCame, Lang::Es);
    let s = ed(&h.app).session().clone();
    let mut got = [Default::default(), Default::default()];
    for q in Quadrant::ALL {
        h.app.update(Action::Focus(q));
        h.app.update(Action::Left);
        steps(&mut h.app, s.factors(q).len(), &mut got);
        h.app.update(Action::Right);
        steps(&mut h.app, s.actions(dafo::domain::Came::of(q)).len(), &mut got);
    }
    let want = all_ends(
        Quadrant::ALL
            .iter()
            .flat_map(|&q| s.factors(q).iter().map(|f| f.id.clone()))
            .chain(s.all_actions().map(|(_, a)| a.id.clone())),
    );
    for (n, got) in got.iter().enumerate() {
        let missing: Vec<_> = want.difference(got).collect();
        assert!(missing.is_empty(), "{:?}: never shown whole: {missing:?}", SIZES[n]);
    }
}

#[test]
fn moving_the_selection_while_presenting_the_weights_shows_every_factor_whole() {
    let mut h = presenting(Action::ShowWeights, Lang::Es);
    let s = ed(&h.app).session().clone();
    let mut got = [Default::default(), Default::default()];
    let n = Quadrant::ALL.iter().map(|&q| s.factors(q).len()).sum();
    steps(&mut h.app, n, &mut got);
    h.app.update(Action::Right);
    steps(&mut h.app, n, &mut got);
    let want = all_ends(Quadrant::ALL.iter().flat_map(|&q| s.factors(q).iter().map(|f| f.id.clone())));
    for (n, got) in got.iter().enumerate() {
        let missing: Vec<_> = want.difference(got).collect();
        assert!(missing.is_empty(), "{:?}: never shown whole: {missing:?}", SIZES[n]);
    }
}

/// Tab until `pane` has the keys.
fn to_pane(app: &mut App, pane: PlanPane) {
    for _ in 0..PlanPane::ALL.len() {
        if ed(app).views().plan.pane == pane {
            return;
        }
        app.update(Action::NextQuadrant);
    }
    assert_eq!(ed(app).views().plan.pane, pane);
}

#[test]
fn moving_the_selection_while_presenting_the_plan_shows_every_row_whole() {
    let mut h = presenting(Action::ShowPlan, Lang::Es);
    let s = ed(&h.app).session().clone();
    let mut got = [Default::default(), Default::default()];
    let rows = dafo::app::plan::tree(&s).len();
    for row in 0..rows {
        to_pane(&mut h.app, PlanPane::Tree);
        h.app.update(Action::First);
        for _ in 0..row {
            h.app.update(Action::Down);
        }
        seen(&h.app, &mut got);
        to_pane(&mut h.app, PlanPane::Actions);
        steps(&mut h.app, 12, &mut got);
    }
    for pane in [PlanPane::Tray, PlanPane::Challenges, PlanPane::Indicators] {
        to_pane(&mut h.app, pane);
        steps(&mut h.app, 12, &mut got);
    }
    let rows = || {
        s.all_actions()
            .map(|(_, a)| a.id.clone())
            .chain(s.challenges.iter().map(|c| c.id.clone()))
            .chain(s.indicators.iter().map(|i| i.id.clone()))
    };
    // The tree names ejes and líneas by number (1, 1.1), not by ID: at 80x24 only the rows with IDs are counted.
    let small = all_ends(rows());
    let tree = s.axes.iter().map(|a| a.id.clone()).chain(s.lines.iter().map(|l| l.id.clone()));
    let want = all_ends(rows().chain(tree));
    for (n, got) in got.iter().enumerate() {
        let want = if n == 0 { &small } else { &want };
        let missing: Vec<_> = want.difference(got).collect();
        assert!(missing.is_empty(), "{:?}: never shown whole: {missing:?}", SIZES[n]);
    }
}

/// Each view presenting long texts, in each language, at both sizes: pages
/// named on the borders, no item cut to one line.
#[test]
fn presenting_long_texts_goes_on_pages() {
    for (view, name) in [(Action::ShowCame, "came"), (Action::ShowWeights, "weights"), (Action::ShowPlan, "plan")] {
        for (lang, code) in LANGS {
            let h = presenting(view.clone(), lang);
            let word = lang.text().meeting.page;
            for (w, hh) in SIZES {
                let text = screen(&h.app, w, hh);
                if w == 80 {
                    assert!(text.contains(&format!("{word} 1/")), "{name} {code} {w}x{hh}: no page named:\n{text}");
                }
                insta::assert_snapshot!(format!("present_pages_{name}_{code}_{w}x{hh}"), text);
            }
        }
    }
}

/// Presenting, a CAME quadrant with no actions shows no "add an action" hint
/// and gives its rows to its factors; a matrix with no factors gives its room
/// to the other.
#[test]
fn presenting_gives_empty_panes_no_room() {
    for (lang, code) in LANGS {
        let mut s = long_session();
        s.maintain.clear();
        s.opportunities.clear();
        s.threats.clear();
        let mut h = held(s, lang);
        h.app.update(Action::ShowCame);
        let hint = lang.text().keymap.add_action;
        let before = screen(&h.app, 120, 40);
        assert!(before.contains(hint), "{code}: not presenting, the hint shows:\n{before}");
        h.app.update(Action::Room(RoomAction::TogglePresent));
        for (w, hh) in SIZES {
            let text = screen(&h.app, w, hh);
            assert!(!text.contains(hint), "{code} {w}x{hh}:\n{text}");
            // No heading of an empty factor list: the actions take the room.
            let threats = format!("{} ─", lang.quadrant(Quadrant::Threats));
            assert!(!text.contains(&threats), "{code} {w}x{hh}:\n{text}");
            insta::assert_snapshot!(format!("present_came_no_actions_{code}_{w}x{hh}"), text);
        }
        h.app.update(Action::Room(RoomAction::TogglePresent));
        h.app.update(Action::ShowWeights);
        h.app.update(Action::Room(RoomAction::TogglePresent));
        let efe = lang.text().ui.weights_titles[1];
        for (w, hh) in SIZES {
            let text = screen(&h.app, w, hh);
            assert!(!text.contains(efe), "{code} {w}x{hh}: the empty EFE takes room:\n{text}");
        }
    }
}
