//! Issue 24's frictions, counted in keys: each test types a task through the
//! keymap (as `tests/update.rs` does) and asserts both that it works and how
//! many keys it took (the length of the sequence). The counts before the
//! change are the sequences main needed; they are in `fric3-report.md`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::keys::{ed, key, notice};
use common::{Held, held_sample};
use dafo::app::App;
use dafo::domain::{Came, Quadrant};
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// One key of a counted sequence.
#[derive(Clone, Copy)]
enum K {
    /// A character, as typed (Shift is part of it).
    C(char),
    /// A named key.
    N(KeyCode),
    /// A character with Ctrl held.
    Ctrl(char),
}

use K::{C, Ctrl, N};

/// Each character of `text` as a key of a sequence.
fn chars(text: &str) -> Vec<K> {
    text.chars().map(C).collect()
}

/// Presses every key of `seq` and returns how many there were.
fn run(app: &mut App, seq: &[K]) -> usize {
    for k in seq {
        match *k {
            C(c) => key(app, KeyCode::Char(c), KeyModifiers::NONE),
            N(code) => {
                let mods = if code == KeyCode::BackTab { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
                key(app, code, mods)
            }
            Ctrl(c) => key(app, KeyCode::Char(c), KeyModifiers::CONTROL),
        }
    }
    seq.len()
}

/// Keys of a sequence that are not characters of the numbers typed (digits,
/// their decimal comma or point): what the weights' target counts.
fn besides_numbers(seq: &[K]) -> usize {
    seq.iter().filter(|k| !matches!(k, C(c) if c.is_ascii_digit() || *c == ',' || *c == '.')).count()
}

/// The sample with no EFI/EFE weight or rating, as a room starts `W`.
fn unweighted(lang: Lang) -> Held {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    for q in Quadrant::ALL {
        let factors = s.factors_mut(q);
        factors.iter_mut().for_each(|f| (f.weight, f.rating) = (None, None));
    }
    common::held(s, lang)
}

fn came_action<'a>(h: &'a Held, id: &str) -> &'a dafo::domain::CameAction {
    let s = ed(h).session();
    let (c, i) = s.find_action(id).unwrap();
    &s.actions(c)[i]
}

/// The sample in CAME with a new action C4 for D3 just typed: the line is open.
fn with_new_action(lang: Lang) -> Held {
    let mut h = held_sample(lang);
    run(&mut h, &[C('c'), C('2')]);
    run(&mut h, &[C('a')]);
    run(&mut h, &chars("Bolsa de vivienda para profesionales"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert_eq!(came_action(&h, "C4").line, None, "a new action starts in the tray");
    h
}

// ---- 1. Placing an action in a línea ----

#[test]
fn placing_a_new_action_in_a_linea_takes_four_keys_from_its_line() {
    let mut h = with_new_action(Lang::Es);
    // The line of new actions is still open: Ctrl-l, the línea's number (2.1, its dot optional), Enter.
    let n = run(&mut h, &[Ctrl('l'), C('2'), C('1'), N(KeyCode::Enter)]);
    assert_eq!(n, 4);
    assert_eq!(came_action(&h, "C4").line.as_deref(), Some("L4"));
    assert_eq!(notice(&h), "C4 → 2.1");
    assert!(ed(&h).mode().input().is_some(), "back on the line, for the next action");
    // The next action for the same línea: the picker starts on it.
    run(&mut h, &chars("Vivienda de alquiler para quien viene a cuidar"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert_eq!(run(&mut h, &[Ctrl('l'), N(KeyCode::Enter)]), 2);
    assert_eq!(came_action(&h, "C5").line.as_deref(), Some("L4"));
    // Esc in the picker: back on the line, nothing placed.
    run(&mut h, &chars("Tercera"));
    run(&mut h, &[N(KeyCode::Enter), Ctrl('l'), N(KeyCode::Esc)]);
    assert_eq!(came_action(&h, "C6").line, None);
    assert!(ed(&h).mode().input().is_some());
    // One undo step each (Esc closes the line first).
    run(&mut h, &[N(KeyCode::Esc), C('u')]);
    assert_eq!(ed(&h).session().actions(Came::Correct).len(), 5, "u took back C6");
    run(&mut h, &[C('u')]);
    assert_eq!(came_action(&h, "C5").line, None);
}

#[test]
fn ctrl_l_before_any_action_was_added_says_what_to_do() {
    let mut h = held_sample(Lang::En);
    run(&mut h, &[C('c'), C('2'), C('a'), Ctrl('l')]);
    assert_eq!(notice(&h), "Type the action and press Enter first: then its line");
    assert!(ed(&h).mode().input().is_some());
}

#[test]
fn placing_a_selected_action_from_the_came_action_list_takes_four_keys() {
    let mut h = with_new_action(Lang::Es);
    // To the action just added: close the line, the action list.
    run(&mut h, &[N(KeyCode::Esc), C('l')]);
    assert_eq!(run(&mut h, &[C('n'), C('2'), C('1'), N(KeyCode::Enter)]), 4);
    assert_eq!(came_action(&h, "C4").line.as_deref(), Some("L4"));
    // Again for the same action: the picker starts on its línea; the last option sends it back to the tray.
    run(&mut h, &[C('n')]);
    let current = |h: &Held| match ed(h).picker() {
        Some(p) => p.current().map(|(n, _)| n.clone()),
        None => panic!("no picker: {:?}", ed(h).mode()),
    };
    assert_eq!(current(&h).as_deref(), Some("2.1"));
    run(&mut h, &[Ctrl('n'), Ctrl('n'), Ctrl('n'), Ctrl('n')]);
    assert_eq!(current(&h).as_deref(), Some("—"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert_eq!(came_action(&h, "C4").line, None, "the tray's option");
}

#[test]
fn placing_it_the_way_main_did_took_nine_keys_and_still_works() {
    let mut h = with_new_action(Lang::Es);
    run(&mut h, &[N(KeyCode::Esc)]);
    // Plan view, down the tree to 2.1 (EJ1, 1.1, 1.2, 1.3, EJ2, 2.1), two panes on to the tray, Enter.
    let mut seq = vec![C('P')];
    seq.extend([C('j'); 5]);
    seq.extend([N(KeyCode::Tab), N(KeyCode::Tab), N(KeyCode::Enter)]);
    assert_eq!(run(&mut h, &seq), 9);
    assert_eq!(came_action(&h, "C4").line.as_deref(), Some("L4"));
}

#[test]
fn the_action_sheet_has_a_linea_field_that_opens_the_linea_picker() {
    let mut h = with_new_action(Lang::Es);
    run(&mut h, &[N(KeyCode::Esc), C('l')]);
    // f, Shift-Tab to the last field (the línea), its number, Enter picks, Enter saves.
    let n = run(&mut h, &[C('f'), N(KeyCode::BackTab), C('2'), C('1'), N(KeyCode::Enter), N(KeyCode::Enter)]);
    assert_eq!(n, 6);
    assert_eq!(came_action(&h, "C4").line.as_deref(), Some("L4"));
    // Open again: the field shows it; Backspace empties it, Enter saves: back in the tray.
    run(&mut h, &[C('f'), N(KeyCode::BackTab)]);
    let Some(form) = ed(&h).form() else { panic!("the form is open") };
    assert_eq!(form.value(dafo::app::form::LINE_FIELD), "2.1 Atracción y retención de profesionales");
    run(&mut h, &[N(KeyCode::Backspace), N(KeyCode::Enter)]);
    assert_eq!(came_action(&h, "C4").line, None);
}

#[test]
fn the_linea_picker_from_the_plan_tray_and_its_refusals() {
    let mut h = with_new_action(Lang::En);
    run(&mut h, &[N(KeyCode::Esc), C('P'), N(KeyCode::Tab), N(KeyCode::Tab)]);
    // The tray: C4, then the strategy FA1 (a strategy goes in no línea).
    assert_eq!(run(&mut h, &[C('n'), C('3'), C('2'), N(KeyCode::Enter)]), 4);
    assert_eq!(came_action(&h, "C4").line.as_deref(), Some("L7"));
    run(&mut h, &[C('n')]);
    assert!(notice(&h).contains("strateg"), "{}", notice(&h));
    assert!(ed(&h).mode().is_grid());
}

// ---- 2. EFI/EFE weights and ratings ----

#[test]
fn weights_and_ratings_take_one_line_per_factor_and_the_selection_moves_on() {
    let mut h = unweighted(Lang::Es);
    run(&mut h, &[C('W')]);
    let efi: Vec<String> = [Quadrant::Strengths, Quadrant::Weaknesses]
        .into_iter()
        .flat_map(|q| ed(&h).session().factors(q).iter().map(|f| f.id.clone()).collect::<Vec<_>>())
        .collect();
    assert_eq!(efi.len(), 16);
    let mut total = run(&mut h, &[C('w')]);
    for (n, id) in efi.iter().enumerate() {
        // 0,05 or 0,07 and a rating 1-4: "0,05 3" Enter.
        let mut seq = chars(&format!("0,0{} {}", 5 + n % 3, 1 + n % 4));
        seq.push(N(KeyCode::Enter));
        assert_eq!(besides_numbers(&seq), 2, "a space and Enter besides the numbers");
        total += run(&mut h, &seq);
        let (q, i) = ed(&h).session().find_factor(id).unwrap();
        let f = &ed(&h).session().factors(q)[i];
        assert_eq!(
            (f.weight, f.rating),
            (Some(f64::from(5 + (n % 3) as u32) / 100.0), Some(1 + (n % 4) as u8)),
            "{id}"
        );
    }
    assert_eq!(total, 1 + 16 * 7, "w once, then seven keys a factor");
    assert!(ed(&h).mode().is_grid(), "the line closes when every factor has both");
    assert_eq!(notice(&h), "EFI: todos los factores tienen peso y valoración");
}

#[test]
fn a_weight_line_that_reads_two_ways_is_refused_and_stays_open() {
    let mut h = unweighted(Lang::Es);
    run(&mut h, &[C('W'), C('w')]);
    run(&mut h, &chars("1,000 3"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert!(notice(&h).contains("1,000"), "{}", notice(&h));
    assert_eq!(ed(&h).mode().input().map(|i| i.value()), Some("1,000 3".to_owned()));
    assert_eq!(ed(&h).session().strengths[0].weight, None);
    // In English the same factor takes 0.15 3, and a rating of 5 is refused.
    let mut h = unweighted(Lang::En);
    run(&mut h, &[C('W'), C('w')]);
    run(&mut h, &chars("0.15 5"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert!(notice(&h).starts_with("Rating 1 to 4"), "{}", notice(&h));
    run(&mut h, &[N(KeyCode::Backspace), C('4'), N(KeyCode::Enter)]);
    assert_eq!((ed(&h).session().strengths[0].weight, ed(&h).session().strengths[0].rating), (Some(0.15), Some(4)));
    // The selection moved on to the next factor lacking them (S2), its line open.
    assert_eq!(ed(&h).views().weights.rows[0], 1);
    assert!(ed(&h).mode().input().is_some());
}

// ---- 3. CAME actions for several factors ----

#[test]
fn tab_moves_the_new_action_line_to_the_next_factor_without_closing_it() {
    let mut h = held_sample(Lang::Es);
    run(&mut h, &[C('c'), C('2'), C('g'), C('a')]);
    run(&mut h, &chars("Primera"));
    run(&mut h, &[N(KeyCode::Enter)]);
    // One key to the next factor (main: Esc, j, a).
    assert_eq!(run(&mut h, &[N(KeyCode::Tab)]), 1);
    run(&mut h, &chars("Segunda"));
    run(&mut h, &[N(KeyCode::Enter), N(KeyCode::Tab)]);
    run(&mut h, &chars("Tercera"));
    run(&mut h, &[N(KeyCode::Enter), N(KeyCode::BackTab)]);
    run(&mut h, &chars("Cuarta"));
    run(&mut h, &[N(KeyCode::Enter)]);
    assert!(ed(&h).mode().input().is_some(), "the line is still open");
    let links: Vec<(String, Vec<String>)> =
        ed(&h).session().correct[3..].iter().map(|a| (a.text.clone(), a.links.clone())).collect();
    let l = |t: &str, f: &str| (t.to_owned(), vec![f.to_owned()]);
    assert_eq!(links, [l("Primera", "D1"), l("Segunda", "D2"), l("Tercera", "D3"), l("Cuarta", "D2")]);
    // Another line (a factor's) types the Tab as before.
    run(&mut h, &[N(KeyCode::Esc), N(KeyCode::Esc), C('1'), C('a'), C('x'), N(KeyCode::Tab), C('y')]);
    assert!(ed(&h).mode().input().is_some_and(|i| i.value().starts_with('x') && i.value().ends_with('y')));
    assert_eq!(ed(&h).focus(), Quadrant::Strengths, "and the quadrant stays");
}

// ---- 4. Votes and the jump between quadrants ----

#[test]
fn j_past_the_edge_says_which_quadrant_and_a_vote_names_its_item() {
    for (lang, to, voted) in [
        (Lang::Es, "→ Oportunidades", "●6 O1"),
        (Lang::En, "→ Opportunities", "●6 O1"),
        (Lang::Ca, "→ Oportunitats", "●6 O1"),
    ] {
        let mut h = held_sample(lang);
        // Strengths, its last factor, one more down: the opportunities below.
        run(&mut h, &[C('1'), C('G'), C('j')]);
        assert_eq!(ed(&h).focus(), Quadrant::Opportunities);
        assert_eq!(notice(&h), to, "{lang:?}");
        run(&mut h, &[C('+')]);
        assert_eq!(notice(&h), voted, "{lang:?}");
        assert_eq!(ed(&h).session().opportunities[0].votes, 6);
        // Inside a quadrant, j says nothing.
        run(&mut h, &[C('j')]);
        assert_eq!(notice(&h), "");
    }
}

// ---- 5. Pickers ----

#[test]
fn pickers_move_with_ctrl_n_ctrl_p_and_arrows_and_letters_search() {
    let mut h = held_sample(Lang::Es);
    // The links of C1 (answers D1): the weaknesses listed.
    run(&mut h, &[C('c'), C('2'), C('l'), C('v')]);
    let current = |h: &Held| match ed(h).picker() {
        Some(p) => (p.current().map(|(id, _)| id.clone()), p.filter.lines().join("")),
        None => panic!("no picker: {:?}", ed(h).mode()),
    };
    assert_eq!(current(&h), (Some("D1".to_owned()), String::new()));
    run(&mut h, &[Ctrl('n'), Ctrl('n')]);
    assert_eq!(current(&h).0.as_deref(), Some("D3"));
    run(&mut h, &[Ctrl('p'), N(KeyCode::Down), N(KeyCode::Up)]);
    assert_eq!(current(&h).0.as_deref(), Some("D2"));
    // j and k are letters: they search.
    run(&mut h, &[C('j'), C('k')]);
    assert_eq!(current(&h).1, "jk");
}

// ---- Screens (80x24, 120x40; es, en, ca) ----

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A screen's name and the keys that reach it.
type Reached = (&'static str, fn(&mut Held));

/// Each changed screen, reached by keys, in each language at both sizes.
#[test]
fn changed_screens_in_three_languages_at_two_sizes() {
    let screens: [Reached; 6] = [
        ("jump", |h| {
            run(h, &[C('1'), C('G'), C('j')]);
        }),
        ("picker", |h| {
            run(h, &[C('c'), C('2'), C('l'), C('v')]);
        }),
        ("came_line", |h| {
            run(h, &[C('c'), C('2'), C('a'), N(KeyCode::Tab)]);
        }),
        ("weights_line", |h| {
            // The sample's weights and ratings, as the line shows them to change.
            run(h, &[C('W'), C('w')]);
        }),
        ("action_sheet", |h| {
            run(h, &[C('c'), C('2'), C('l'), C('f'), N(KeyCode::BackTab)]);
        }),
        ("line_picker", |h| {
            run(h, &[C('c'), C('2'), C('l'), C('n')]);
        }),
    ];
    for (name, keys) in screens {
        for lang in [Lang::Es, Lang::En, Lang::Ca] {
            let mut h = held_sample(lang);
            keys(&mut h);
            for (w, ht) in [(80, 24), (120, 40)] {
                let tag = format!("{lang:?}").to_lowercase();
                insta::assert_snapshot!(format!("{name}_{tag}_{w}x{ht}"), screen(&h, w, ht));
            }
        }
    }
}
