//! Layer 2: every view, popup, help and the browser rendered in English and in
//! Catalan at 80x24 and 120x40, their text scanned for words of another language
//! (issues 10 and 16: no Spanish left in English mode, Catalan across the TUI).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Held, held};
use dafo::app::room::RoomAction;
use dafo::app::{Action, App};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Spanish words the English interface must never show (content here is English).
const SPANISH: &[&str] = &[
    "Fortalezas",
    "Debilidades",
    "Oportunidades",
    "Amenazas",
    "Corregir",
    "Afrontar",
    "Mantener",
    "Explotar",
    "pendiente",
    "hecha",
    "guardado",
    "Guardado",
    "Espacio",
    "Inicio",
    "Fin",
    "Supr",
    "Mayús",
    "sin acción",
    "Sin acción",
    "Pulsa",
    "pulsa",
    "acciones",
    "Acciones",
    "acción",
    "factores",
    "Ayuda",
    "ayuda",
    "Buscar",
    "Ficha",
    "ficha",
    "Responsable",
    "salir",
    "añadir",
    "cuadrante",
    "elemento",
    "Título",
    "Archivo",
    "sesiones",
    "DAFO",
    "CAME",
    "EFI",
    "FO",
    "FA",
    "deshacer",
    "Elige",
    "elige",
    "Marca",
    "marca",
    "Tema",
    "Votos",
    "ocultos",
    "Etiquetas",
    "Borrado",
    "para",
    "cambia",
];

/// Spanish words a Catalan interface must not show (Catalan spells them otherwise).
const SPANISH_NOT_CATALAN: &[&str] = &[
    "Fortalezas",
    "Debilidades",
    "Oportunidades",
    "Amenazas",
    "Mantener",
    "Espacio",
    "Inicio",
    "Mayús",
    "guardado",
    "Pulsa",
    "acciones",
    "factores",
    "Ayuda",
    "Buscar",
    "Ficha",
    "salir",
    "añadir",
    "cuadrante",
    "elemento",
    "sin acción",
    "deshacer",
    "Elige",
    "ocultos",
];

/// A session with English words only, made through the interface itself.
fn english_app(lang: Lang) -> Held {
    let mut session = Session::new("Care review 2026", jiff::Timestamp::now());
    // A horizon, so the plan's cronograma and the seguimiento's years show too.
    session.meta.horizon = "2026-2027".parse().ok();
    assert!(session.meta.horizon.is_some());
    let mut h = held(session, lang);
    let app = &mut h.app;
    let words = [
        (Quadrant::Strengths, ["Skilled volunteers", "Good local network"]),
        (Quadrant::Weaknesses, ["Small budget", "Old website"]),
        (Quadrant::Opportunities, ["New council grant", "Partner charities"]),
        (Quadrant::Threats, ["Rising rents", "Fewer donors"]),
    ];
    for (q, texts) in words {
        app.update(Action::Focus(q));
        app.update(Action::StartAdd);
        for t in texts {
            app.update(Action::Paste(t.into()));
            app.update(Action::Submit);
        }
        app.update(Action::Cancel);
    }
    // One action, linked to the first strength.
    app.update(Action::ShowCame);
    app.update(Action::Focus(Quadrant::Strengths));
    app.update(Action::StartAdd);
    app.update(Action::Paste("Train two new coordinators".into()));
    app.update(Action::Submit);
    app.update(Action::Cancel);
    app.update(Action::Back);
    h
}

fn text_of(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>()).collect::<Vec<_>>().join("\n")
}

/// Whether `word` appears in `text` as a whole word (not inside another).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every screen worth checking: a name and the actions that lead to it from the grid.
fn screens() -> Vec<(&'static str, Vec<Action>)> {
    use Action as A;
    let help = |mut v: Vec<Action>| {
        v.push(A::ToggleHelp);
        v
    };
    vec![
        ("grid", vec![]),
        ("grid help", help(vec![])),
        ("grid input", vec![A::StartAdd]),
        ("grid input help", help(vec![A::StartAdd])),
        ("move", vec![A::StartMove]),
        ("move help", help(vec![A::StartMove])),
        ("impact", help(vec![A::StartImpact])),
        ("sorted", vec![A::CycleSort]),
        ("deleted", vec![A::Focus(Quadrant::Threats), A::Delete]),
        ("came", vec![A::ShowCame]),
        ("came help", help(vec![A::ShowCame])),
        ("came actions", vec![A::ShowCame, A::Right]),
        ("came actions help", help(vec![A::ShowCame, A::Right])),
        ("came link", vec![A::ShowCame, A::Right, A::StartLink]),
        ("came link help", help(vec![A::ShowCame, A::Right, A::StartLink])),
        ("came form", vec![A::ShowCame, A::Right, A::StartForm]),
        ("came form help", help(vec![A::ShowCame, A::Right, A::StartForm])),
        ("came status", vec![A::ShowCame, A::Right, A::CycleStatus, A::CycleStatus]),
        ("came labels", vec![A::ShowCame, A::ToggleLabels]),
        ("came new action", vec![A::ShowCame, A::Focus(Quadrant::Weaknesses), A::StartAdd]),
        ("crossed", vec![A::ShowCrossed]),
        ("crossed help", help(vec![A::ShowCrossed])),
        ("crossed pick", vec![A::ShowCrossed, A::StartAdd]),
        ("crossed pick 2", vec![A::ShowCrossed, A::StartAdd, A::Submit]),
        ("weights", vec![A::ShowWeights]),
        ("weights help", help(vec![A::ShowWeights])),
        ("weights input", vec![A::ShowWeights, A::StartEdit]),
        ("copy as", vec![A::CopyAs]),
        ("copy as help", help(vec![A::CopyAs])),
        ("theme", vec![A::Room(RoomAction::CycleTheme)]),
        ("timer", vec![A::Room(RoomAction::CycleTimer)]),
        ("votes hidden", vec![A::Room(RoomAction::ToggleVotes)]),
        ("presenting", vec![A::Room(RoomAction::TogglePresent)]),
        ("presenting help", help(vec![A::Room(RoomAction::TogglePresent)])),
        ("plan", vec![A::ShowPlan]),
        ("plan help", help(vec![A::ShowPlan])),
        ("plan new eje", vec![A::ShowPlan, A::PlanAddAxis]),
        ("plan presented", vec![A::ShowPlan, A::Room(RoomAction::TogglePresent)]),
        ("session details", vec![A::EditMeta]),
        ("follow", vec![A::ShowFollow]),
        ("follow help", help(vec![A::ShowFollow])),
        ("follow record", vec![A::ShowFollow, A::FollowRecord]),
        ("zoomed", vec![A::Room(RoomAction::ToggleZoom)]),
    ]
}

fn scan(lang: Lang, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, steps) in screens() {
        let mut h = english_app(lang);
        for a in steps {
            h.app.update(a);
        }
        for (w, ht) in [(80, 24), (120, 40)] {
            let text = text_of(&h.app, w, ht);
            for word in forbidden.iter().filter(|word| has_word(&text, word)) {
                found.push(format!("{name} {w}x{ht}: {word:?}\n{text}"));
            }
        }
    }
    found
}

#[test]
fn the_scan_finds_spanish_on_spanish_screens() {
    // The same screens in Spanish do show those words: the scan is not blind.
    let found = scan(Lang::Es, SPANISH);
    for word in ["Fortalezas", "Espacio", "Inicio", "Supr", "guardado", "DAFO", "CAME", "EFI", "sin acción"] {
        assert!(found.iter().any(|f| f.contains(&format!("{word:?}"))), "{word} not found in Spanish");
    }
}

#[test]
fn no_spanish_on_any_english_screen() {
    let found = scan(Lang::En, SPANISH);
    assert!(found.is_empty(), "{} Spanish words on English screens; first:\n{}", found.len(), found[0]);
}

#[test]
fn no_spanish_on_any_catalan_screen() {
    let found = scan(Lang::Ca, SPANISH_NOT_CATALAN);
    assert!(found.is_empty(), "{} Spanish words on Catalan screens; first:\n{}", found.len(), found[0]);
}

#[test]
fn catalan_grid_and_help_name_the_quadrants_in_catalan() {
    let mut h = english_app(Lang::Ca);
    let grid = text_of(&h.app, 120, 40);
    for q in ["Fortaleses", "Debilitats", "Oportunitats", "Amenaces"] {
        assert!(has_word(&grid, q), "{q} missing from the Catalan grid:\n{grid}");
    }
    h.app.update(Action::ToggleHelp);
    let help = text_of(&h.app, 120, 40);
    for word in ["Ajuda", "quadrant", "Inici", "Maj-Tab"] {
        assert!(help.contains(word), "{word} missing from the Catalan help:\n{help}");
    }
    h.app.update(Action::ToggleHelp);
    h.app.update(Action::ShowCame);
    let came = text_of(&h.app, 120, 40);
    for verb in ["Mantenir", "Corregir", "Explotar", "Afrontar"] {
        assert!(has_word(&came, verb), "{verb} missing from the Catalan CAME view:\n{came}");
    }
}

#[test]
fn english_help_names_keys_in_english() {
    let mut h = english_app(Lang::En);
    h.app.update(Action::ToggleHelp);
    let help = text_of(&h.app, 120, 40);
    for word in ["Home", "End", "Del", "Shift-Tab"] {
        assert!(help.contains(word), "{word} missing from the English help:\n{help}");
    }
}

#[test]
fn browser_in_english_and_catalan() {
    let dir = tempfile::tempdir().unwrap();
    let made = "2026-02-20T09:15:00Z".parse().unwrap();
    let mut s = Session::new("Care review 2026", made);
    s.meta.modified = made;
    dafo::storage::save(&dir.path().join("care.ron"), &s).unwrap();
    // Dates as the language writes them, as on its other screens (Catalan showed 2026-02-20).
    let dates = [(Lang::En, "2026-02-20 09:15"), (Lang::Ca, "20/02/2026 09:15")];
    for ((lang, forbidden, counts), (_, modified)) in
        [(Lang::En, SPANISH, "S  W  O  T"), (Lang::Ca, SPANISH_NOT_CATALAN, "F  D  O  A")].into_iter().zip(dates)
    {
        let mut app = common::browser_in(dir.path(), lang, jiff::tz::TimeZone::UTC);
        for (w, h) in [(80, 24), (120, 40)] {
            let text = text_of(&app, w, h);
            assert!(text.contains(counts), "{lang:?} browser columns:\n{text}");
            assert!(text.contains(modified), "{lang:?} browser dates:\n{text}");
            assert!(forbidden.iter().all(|word| !has_word(&text, word)), "{lang:?} browser:\n{text}");
        }
        app.update(Action::NewSession);
        let naming = text_of(&app, 80, 24);
        assert!(forbidden.iter().all(|word| !has_word(&naming, word)), "{lang:?} naming:\n{naming}");
        app.update(Action::Cancel);
        app.update(Action::ToggleHelp);
        let help = text_of(&app, 80, 24);
        assert!(forbidden.iter().all(|word| !has_word(&help, word)), "{lang:?} browser help:\n{help}");
    }
}

/// The browser says when a session was last saved where the room is, not in
/// the UTC the file keeps: saved at 23:30 UTC is 00:30 the next day in
/// Madrid's winter (it showed `10/03/2026 23:30`).
#[test]
fn the_browser_gives_the_time_of_the_last_save_in_the_rooms_zone() {
    let dir = tempfile::tempdir().unwrap();
    let made = "2026-03-09T10:00:00Z".parse().unwrap();
    let mut s = Session::new("Revisión de marzo", made);
    s.meta.modified = "2026-03-10T23:30:00Z".parse().unwrap();
    dafo::storage::save(&dir.path().join("marzo.ron"), &s).unwrap();
    let madrid = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
    for (zone, saved) in [(madrid, "11/03/2026 00:30"), (jiff::tz::TimeZone::UTC, "10/03/2026 23:30")] {
        let text = text_of(&common::browser_in(dir.path(), Lang::Es, zone), 120, 40);
        assert!(text.contains(saved), "{saved}:\n{text}");
        // The day the session was made is its own (the one its documents give).
        assert!(text.contains("09/03/2026"), "{text}");
    }
}

#[test]
fn first_start_card_in_english() {
    let h = held(Session::new("Care review 2026", jiff::Timestamp::now()), Lang::En);
    for (w, ht) in [(80, 24), (120, 40)] {
        let text = text_of(&h.app, w, ht);
        assert!(text.contains("How to begin"), "{text}");
        assert!(SPANISH.iter().all(|word| !has_word(&text, word)), "{text}");
    }
}

/// The text of one screen of [`screens`], by name.
fn named(lang: Lang, name: &str, w: u16, h: u16) -> String {
    let (_, steps) = screens().into_iter().find(|(n, _)| *n == name).expect("a screen of that name");
    let mut held = english_app(lang);
    for a in steps {
        held.app.update(a);
    }
    text_of(&held.app, w, h)
}

#[test]
fn english_screens_use_the_english_names_issue_16_lists() {
    let cases = [
        ("came link", "Space checks"),
        ("crossed pick", "Pick the internal factor (SO×)"),
        ("weights", "IFE · internal factors"),
        ("grid help", "g/G Home/End"),
        ("grid help", "x / Del"),
        ("grid", "SWOT · Care review 2026"),
        ("grid", "c actions"),
        ("came", "Actions · Care review 2026"),
        ("came", "y copy"),
        ("came actions", "f form"),
        ("came", "Without action:"),
        ("came labels", "Social-work labels"),
    ];
    for (name, wanted) in cases {
        let text = named(Lang::En, name, 120, 40);
        assert!(text.contains(wanted), "{name}: {wanted:?} missing:\n{text}");
    }
}

#[test]
fn came_titles_keep_count_and_coverage_at_80x24() {
    let en = named(Lang::En, "came", 80, 24);
    assert!(en.contains("Maintain (1) ━") && en.contains("━ 1/2 unanswered ┓"), "{en}");
    assert!(en.contains("1 action  "), "a singular count: {en}");
    for lang in [Lang::En, Lang::Es, Lang::Ca] {
        let text = named(lang, "came", 80, 24);
        let verbs: Vec<&str> = dafo::domain::Came::ALL.iter().map(|&c| lang.came(Default::default(), c)).collect();
        for verb in verbs {
            let line = text.lines().find(|l| l.contains(verb)).unwrap_or_else(|| panic!("{verb} missing:\n{text}"));
            // The count right after the verb, then a coverage with both numbers.
            assert!(line.contains(&format!("{verb} (")), "{line}");
            let ui = &lang.text().ui;
            let fits = (0..=2).any(|open| {
                [(ui.came_coverage)(open, 2), (ui.came_coverage_short)(open, 2), format!(" {open}/2 ")]
                    .iter()
                    .any(|c| line.contains(c.as_str()))
            });
            assert!(fits, "coverage cut: {line}");
        }
    }
}

/// The grid shows an English session's strengths as S1, but the weights view,
/// the presentation and the pickers wrote the stored F1 (and the picker's
/// search for `s1` found nothing): one display of IDs on every screen.
#[test]
fn english_ids_on_the_weights_presentation_and_pickers_are_the_grids() {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    };
    for name in ["weights", "crossed pick", "came link", "presenting"] {
        for (w, h) in [(80, 24), (120, 40)] {
            let text = named(Lang::En, name, w, h);
            let ws = words(&text);
            assert!(ws.iter().any(|w| w == "S1" || w == "T1" || w == "W1"), "{name} {w}x{h}: no English ID:\n{text}");
            for stored in ["F1", "D1", "A1", "AF1", "AF2"] {
                assert!(!ws.iter().any(|w| w == stored), "{name} {w}x{h}: {stored} in English:\n{text}");
            }
        }
    }
}
