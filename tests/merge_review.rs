//! `dafo merge --review` in a terminal (issue 15): the review list of possible
//! pairs. A snapshot of the list on TestBackend, and the real binary in tmux
//! merging the sample group sessions with one pair merged and one kept apart.
#![allow(clippy::unwrap_used)]

use crate::common;
use crate::common::{Tool, needs};

use std::path::{Path, PathBuf};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::{Factor, Session};
use dafo::i18n::Lang;
use dafo::merge::review::{ReviewState, ReviewStep};
use dafo::merge::{Input, Options, merge};
use dafo::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A wording the associations add in these tests: a possible pair (likeness
/// 0,56) with the home-help programme the other two groups name.
const HOME_HELP: &str = "Ayuda a domicilio con buena valoración de las familias";

/// The three sample group sessions in `dir`, the associations with one
/// strength more, so that the merge has two possible pairs.
fn groups_in(dir: &Path) -> Vec<PathBuf> {
    ["tecnicos", "politicos", "asociaciones"]
        .iter()
        .map(|name| {
            let mut s = dafo::storage::load(Path::new(&format!("sessions/grupos/{name}.ron"))).unwrap();
            if *name == "asociaciones" {
                let id = s.next_id("F");
                s.strengths.push(Factor::new(id, HOME_HELP));
            }
            let path = dir.join(format!("{name}.ron"));
            dafo::storage::save(&path, &s).unwrap();
            path
        })
        .collect()
}

fn merged(dir: &Path) -> dafo::merge::Merged {
    let inputs: Vec<Input> = groups_in(dir)
        .iter()
        .map(|p| Input::new(dafo::storage::load(p).unwrap(), &p.file_stem().unwrap().to_string_lossy()))
        .collect();
    let opts = Options {
        title: "Diagnóstico".into(),
        now: jiff::Timestamp::UNIX_EPOCH,
        accept_similar: false,
        joined: Vec::new(),
        prefer: dafo::merge::Prefer::default(),
        wordings: Vec::new(),
    };
    merge(&inputs, &opts)
}

fn screen(state: &ReviewState, lang: Lang, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::mono();
    terminal.draw(|f| dafo::ui::merge_review::render(state, &theme, lang, f.area(), f.buffer_mut())).unwrap();
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_review_list_shows_both_wordings_quadrant_sources_and_likeness() {
    let dir = tempfile::tempdir().unwrap();
    let m = merged(dir.path());
    assert_eq!(m.grey.len(), 2, "{:?}", m.grey);
    let mut state = ReviewState::new(m.grey.clone());
    state.apply(ReviewStep::Accept);
    let en = screen(&state, Lang::En, 80, 24);
    for part in ["Possible pairs · pair 2 of 2 · 1 merged · 0 kept apart", "Do they say the same?", "likeness 0."] {
        assert!(en.contains(part), "{part:?}:\n{en}");
    }
    let pair = &state.pairs[1];
    for f in [&pair.a, &pair.b] {
        assert!(en.contains(&f.text[..30]), "{}:\n{en}", f.text);
        assert!(en.contains(&format!("Sources: {}", f.sources.join(", "))), "{en}");
    }
    assert!(en.contains("✓ ") && en.contains("merged"), "the first answer is listed:\n{en}");
    assert!(en.contains("y merge  n keep apart  u undo  q finish"), "keys:\n{en}");
    for spanish in ["Fuentes", "unir", "separar", "parecido", "Debilidades", "Pares", "deshacer"] {
        assert!(!en.contains(spanish), "Spanish {spanish:?} in English:\n{en}");
    }
    insta::assert_snapshot!("review_list_80x24_en", en);
    state.apply(ReviewStep::KeepApart);
    let es = screen(&state, Lang::Es, 80, 24);
    assert!(es.contains("Todos respondidos: q termina, u deshace"), "{es}");
    insta::assert_snapshot!("review_list_done_80x24_es", es);
}

#[test]
fn merge_review_in_a_terminal_merges_one_pair_and_keeps_one_apart() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = groups_in(dir.path()).iter().map(|p| sh_quote(&p.to_string_lossy())).collect();
    let cmd = format!("{} --lang en merge {} -o joint.ron --review", dafo_bin(), files.join(" "));
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    t.wait_for("pair 1 of 2");
    t.press("y");
    t.wait_for("pair 2 of 2 · 1 merged");
    // Undo takes the answer back; then answer both.
    t.press("u");
    t.wait_for("pair 1 of 2 · 0 merged");
    t.press("y");
    t.wait_for("pair 2 of 2");
    t.press("n");
    t.wait_for("All answered");
    t.press("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.screen());
    let report = t.screen();
    assert!(report.contains("Joined on review: 1"), "{report}");
    let s: Session = dafo::storage::load(&dir.path().join("joint.ron")).unwrap();
    let plain = merged(tempfile::tempdir().unwrap().path());
    let (first, second) = (&plain.grey[0], &plain.grey[1]);
    let all = || s.strengths.iter().chain(&s.weaknesses).chain(&s.opportunities).chain(&s.threats);
    let holds = |text: &str| all().filter(|f| f.text == text || f.origins.iter().any(|o| o.text == text)).count();
    // The accepted pair is one factor holding both wordings; the other pair stays two factors.
    let one = all().find(|f| f.text == first.a.text || f.origins.iter().any(|o| o.text == first.a.text)).unwrap();
    assert!(one.text == first.b.text || one.origins.iter().any(|o| o.text == first.b.text), "{one:?}");
    assert_eq!((holds(&second.a.text), holds(&second.b.text)), (1, 1));
    let apart = all().find(|f| f.text == second.a.text).unwrap();
    assert!(apart.text != second.b.text && apart.origins.iter().all(|o| o.text != second.b.text), "{apart:?}");
    assert_eq!(s.total(), plain.session.total() - 1, "exactly one pair merged");
}

#[test]
fn s_for_si_accepts_a_pair_as_y_does() {
    use dafo::app::keymap::{Context, lookup};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let accept = lookup(Context::MergeReview, &key('y'));
    assert!(accept.is_some());
    assert_eq!(lookup(Context::MergeReview, &key('s')), accept, "the line prompt says s = unir");
}

#[test]
fn the_review_list_offers_the_longest_wording_and_tab_keeps_the_other() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = groups_in(dir.path()).iter().map(|p| sh_quote(&p.to_string_lossy())).collect();
    let cmd = format!("{} merge {} -o juntos.ron --review", dafo_bin(), files.join(" "));
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    t.wait_for("par 1 de 2");
    assert!(t.screen().contains("✓ queda esta redacción"), "{}", t.screen());
    // The first pair keeps its shorter wording (Tab), the second the longest (offered).
    t.press("Tab");
    t.press("y");
    t.wait_for("par 2 de 2");
    t.press("y");
    t.wait_for("Todos respondidos");
    t.press("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.screen());
    let s: Session = dafo::storage::load(&dir.path().join("juntos.ron")).unwrap();
    let plain = merged(tempfile::tempdir().unwrap().path());
    let all = || s.strengths.iter().chain(&s.weaknesses).chain(&s.opportunities).chain(&s.threats);
    for (n, pair) in plain.grey.iter().enumerate() {
        let (a, b) = (pair.a.text.as_str(), pair.b.text.as_str());
        let (long, short) = if b.chars().count() > a.chars().count() { (b, a) } else { (a, b) };
        let want = if n == 0 { short } else { long };
        let f = all().find(|f| f.text == want).unwrap_or_else(|| panic!("{want:?} stays: {s:?}"));
        let other = if want == long { short } else { long };
        assert!(f.origins.iter().any(|o| o.text == other), "the other wording is kept: {f:?}");
    }
}
