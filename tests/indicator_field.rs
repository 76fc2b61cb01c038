//! The action sheet's one indicator field (issue 24): the linked indicators,
//! then a free note. Typed IDs link, the rest is the note; an old file's free
//! text opens as the note and is kept word for word.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::keys::{ed, press, typ};
use common::{Held, held};
use dafo::app::App;
use dafo::domain::{CameAction, Direction, Factor, Indicator, Session};
use dafo::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn workshop(note: Option<&str>) -> Held {
    held(session(note), Lang::Es)
}

fn session(note: Option<&str>) -> Session {
    let mut s = Session::new("Plan", jiff::Timestamp::UNIX_EPOCH);
    s.weaknesses = vec![Factor::new("D1", "Listas de espera")];
    let mut a = CameAction::new("C1", "Plan de choque", vec!["D1".into()]);
    a.indicator = note.map(str::to_owned);
    s.correct = vec![a];
    for (id, name) in [("I1", "Personas atendidas"), ("I2", "Días de espera")] {
        let (unit, baseline, target, direction, milestones) = (None, None, None, Direction::Up, Vec::new());
        s.indicators.push(Indicator {
            id: id.into(),
            name: name.into(),
            unit,
            baseline,
            target,
            direction,
            milestones,
        });
    }
    s.normalise_ids();
    s
}

/// The CAME view, the weaknesses' actions, the sheet of C1, on its indicator field.
fn open_indicator_field(app: &mut App) {
    if ed(app).view() != dafo::app::editor::View::Came {
        typ(app, "c2l");
    }
    typ(app, "f");
    for _ in 0..6 {
        press(app, KeyCode::Tab);
    }
    assert!(ed(app).form().is_some_and(|f| f.active == 6));
}

fn field(app: &App) -> String {
    match ed(app).form() {
        Some(f) => f.fields[6].lines().join(" "),
        None => panic!("no form open"),
    }
}

fn action(app: &App) -> CameAction {
    ed(app).session().correct[0].clone()
}

#[test]
fn ids_typed_in_the_sheet_link_and_the_rest_is_the_note() {
    let mut h = workshop(None);
    open_indicator_field(&mut h);
    typ(&mut h, "I2, i1, Altas; bajas del servicio");
    press(&mut h, KeyCode::Enter);
    let a = action(&h);
    assert_eq!(a.indicators, ["I2", "I1"]);
    assert_eq!(a.indicator.as_deref(), Some("Altas; bajas del servicio"));
    // Opened again, the one field shows both, and an untouched sheet changes nothing.
    open_indicator_field(&mut h);
    assert_eq!(field(&h), "I2, I1, Altas; bajas del servicio");
    press(&mut h, KeyCode::Enter);
    assert_eq!(action(&h), a);
    h.app.flush();
    let on_disk = dafo::storage::load(&h.path).unwrap();
    assert_eq!(on_disk.correct[0], a, "saved as shown");
}

#[test]
fn an_old_files_free_text_opens_as_the_note_and_nothing_is_lost() {
    let mut h = workshop(Some("Altas en el servicio, I1"));
    open_indicator_field(&mut h);
    assert_eq!(field(&h), "Altas en el servicio, I1");
    press(&mut h, KeyCode::Enter);
    let a = action(&h);
    assert!(a.indicators.is_empty());
    assert_eq!(a.indicator.as_deref(), Some("Altas en el servicio, I1"), "word for word");
}

#[test]
fn an_indicator_to_keep_is_typed_shown_and_measured_by_how_close_it_stayed() {
    let mut h = workshop(None);
    typ(&mut h, "P");
    while h.app.context() != dafo::app::keymap::Context::PlanIndicators {
        press(&mut h, KeyCode::Tab);
    }
    typ(&mut h, "a");
    typ(&mut h, "Cobertura de la teleasistencia");
    press(&mut h, KeyCode::Tab);
    typ(&mut h, "%");
    press(&mut h, KeyCode::Tab);
    typ(&mut h, "90");
    press(&mut h, KeyCode::Tab);
    press(&mut h, KeyCode::Tab);
    // The field offers «sube»: typed over.
    common::keys::key(&mut h, KeyCode::Char('u'), ratatui::crossterm::event::KeyModifiers::CONTROL);
    typ(&mut h, "mantener");
    press(&mut h, KeyCode::Enter);
    let ind = ed(&h).session().indicators.last().unwrap().clone();
    assert!(ed(&h).mode().is_grid(), "{:?} {:?}", ed(&h).mode(), h.app.notice());
    assert_eq!((ind.baseline, ind.direction), (Some(90.0), Direction::Keep));
    assert_eq!(dafo::domain::indicator_progress(&ind, 81.0), Some(90.0));
    // The form opens again on «mantener», and the plan shows `=`.
    typ(&mut h, "e");
    assert!(ed(&h).form().is_some_and(|f| f.fields[4].lines().join("") == "mantener"));
    press(&mut h, KeyCode::Esc);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| dafo::ui::draw(&h.app, &dafo::ui::theme::Theme::dark(), f)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("Cobertura de la teleasistencia") && screen.contains("="), "{screen}");
}

#[test]
fn hitos_are_typed_in_the_indicator_form_kept_and_shown_in_the_follow_up() {
    let mut s = session(None);
    s.meta.horizon = Some(dafo::domain::Horizon::new(2024, 2026).unwrap());
    s.indicator_values.push(dafo::domain::IndicatorValue { indicator: "I1".into(), year: 2024, actual: 28.0 });
    let mut h = held(s, Lang::Es);
    typ(&mut h, "P");
    while h.app.context() != dafo::app::keymap::Context::PlanIndicators {
        press(&mut h, KeyCode::Tab);
    }
    typ(&mut h, "ge");
    for _ in 0..5 {
        press(&mut h, KeyCode::Tab);
    }
    // One that does not read keeps the form open on the field, saying why.
    typ(&mut h, "2024 30");
    press(&mut h, KeyCode::Enter);
    assert!(ed(&h).form().is_some_and(|f| f.active == 5), "{:?} {:?}", ed(&h).mode(), h.app.notice());
    assert!(h.app.notice().is_some_and(|n| n.text.contains("«2024 30»")), "{:?}", h.app.notice());
    common::keys::key(&mut h, KeyCode::Char('u'), ratatui::crossterm::event::KeyModifiers::CONTROL);
    typ(&mut h, "2025: 45,5; 2024: 30");
    press(&mut h, KeyCode::Enter);
    let want = vec![
        dafo::domain::Milestone { year: 2024, target: 30.0 },
        dafo::domain::Milestone { year: 2025, target: 45.5 },
    ];
    assert_eq!(ed(&h).session().indicators[0].milestones, want);
    // The form shows them again as typed, in year order; saved as they are.
    typ(&mut h, "e");
    assert!(ed(&h).form().is_some_and(|f| f.fields[5].lines().join("") == "2024: 30; 2025: 45,5"));
    press(&mut h, KeyCode::Esc);
    h.app.flush();
    assert_eq!(dafo::storage::load(&h.path).unwrap().indicators[0].milestones, want);
    // The follow-up shows the year's hito beside the value reached.
    typ(&mut h, "S");
    // The last rows are the indicators: I2, then up to I1.
    typ(&mut h, "Gk");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| dafo::ui::draw(&h.app, &dafo::ui::theme::Theme::dark(), f)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("2024: 28") && screen.contains("hito 30"), "{screen}");
}
