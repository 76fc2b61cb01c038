//! Layer 1: the bugs of issue 16 an English-speaking facilitator met, checked
//! through `update()` (and one render where the bug was about fitting).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use common::keys::press;

use std::path::PathBuf;
use std::sync::Arc;

use common::held;
use dafo::app::keymap::{self, Context, Key};
use dafo::app::{Action, App, Clipboard};
use dafo::clipboard::{Content, CopyOutcome, CopyReason};
use dafo::domain::Session;
use dafo::i18n::Lang;
use dafo::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn text_of(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::dark(), f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>()).collect::<Vec<_>>().join("\n")
}

fn notice(app: &App) -> String {
    app.notice().map(|n| n.text.clone()).unwrap_or_default()
}

/// A clipboard that is never there: the content goes to a file, as without X11.
struct NoDisplay;

impl Clipboard for NoDisplay {
    fn copy(&self, _: &Content) -> CopyOutcome {
        CopyOutcome::File {
            reason: CopyReason::Unknown {
                description: "X11 server connection timed out because the DISPLAY is unreachable".into(),
            },
            file: PathBuf::from("/tmp/dafo-copy-a1B2c3.md"),
        }
    }
}

/// The sample session in a temp dir (kept as long as the app), without a clipboard.
fn sample(lang: Lang) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::SAMPLE, &path).unwrap();
    (App::open(&path, lang).unwrap().with_clipboard(Arc::new(NoDisplay)), dir)
}

#[test]
fn copy_without_clipboard_says_the_file_first_and_keeps_the_footer_at_80x24() {
    for (lang, saved, help) in [
        (Lang::En, "Saved to /tmp/dafo-copy-a1B2c3.md", "? help"),
        (Lang::Es, "Guardado en /tmp/dafo-copy-a1B2c3.md", "? ayuda"),
    ] {
        let (mut app, _dir) = sample(lang);
        app.handle(Action::Copy);
        app.settle();
        let msg = notice(&app);
        assert!(msg.starts_with(saved), "{msg}");
        assert!(msg.chars().count() <= 80, "{} columns: {msg}", msg.chars().count());
        let screen = text_of(&app, 80, 24);
        let rows: Vec<&str> = screen.lines().collect();
        assert!(rows[22].starts_with(saved), "{screen}");
        assert!(rows[23].contains(help), "the footer is hidden:\n{screen}");
    }
}

/// A clipboard that answers with `outcome`, whatever is copied.
struct Answers(CopyOutcome);

impl Clipboard for Answers {
    fn copy(&self, _: &Content) -> CopyOutcome {
        self.0.clone()
    }
}

#[test]
fn the_status_line_says_why_a_copy_missed_the_clipboard_in_the_screen_language() {
    let file = PathBuf::from("/tmp/dafo-copy-a1B2c3.md");
    let off = CopyOutcome::File { reason: CopyReason::Disabled, file: file.clone() };
    let failed = CopyOutcome::Failed { reason: CopyReason::NotConfirmed { seconds: 3 } };
    for lang in Lang::ALL.iter().copied() {
        for (outcome, why) in [
            // Cut to its first clause on the status line: the words before the variable's name.
            (&off, (lang.text().errors.clip_disabled)("").trim_end_matches(['(', ')', ' ']).to_owned()),
            (&failed, (lang.text().errors.clip_not_confirmed)(3)),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.ron");
            std::fs::copy(common::SAMPLE, &path).unwrap();
            let mut app = App::open(&path, lang).unwrap().with_clipboard(Arc::new(Answers(outcome.clone())));
            app.handle(Action::Copy);
            app.settle();
            let msg = notice(&app);
            assert!(msg.contains(&why), "{lang:?}: {msg}");
            if lang != Lang::En {
                let english = outcome.message(Lang::En);
                let english_why = english.rsplit(": ").next().unwrap().trim_end_matches(')');
                assert!(!msg.contains(english_why), "{lang:?}: {msg}");
            }
        }
    }
}

#[test]
fn space_and_esc_close_the_first_start_card() {
    for key in [KeyCode::Char(' '), KeyCode::Esc] {
        let mut h = held(Session::new("Care review 2026", jiff::Timestamp::now()), Lang::En);
        assert!(text_of(&h.app, 80, 24).contains("How to begin"));
        press(&mut h.app, key);
        let after = text_of(&h.app, 80, 24);
        assert!(!after.contains("How to begin"), "{key:?} left the card:\n{after}");
        // Closing the card does nothing else: still the grid, still empty.
        assert_eq!(h.app.context(), Context::Grid);
        press(&mut h.app, KeyCode::Char('a'));
        assert_eq!(h.app.context(), Context::Input);
    }
}

#[test]
fn l_says_which_label_set_is_now_on() {
    for (lang, social, classic) in [
        (Lang::En, "Social-work labels", "Classic labels"),
        (Lang::Es, "Etiquetas de trabajo social", "Etiquetas clásicas"),
        (Lang::Ca, "Etiquetes de treball social", "Etiquetes clàssiques"),
    ] {
        let (mut app, _dir) = sample(lang);
        app.handle(Action::ShowCame);
        app.handle(Action::ToggleLabels);
        assert_eq!(notice(&app), social);
        app.handle(Action::ToggleLabels);
        assert_eq!(notice(&app), classic);
    }
}

#[test]
fn counts_agree_with_their_number() {
    for (lang, one, many) in
        [(Lang::En, "1 action", "2 actions"), (Lang::Es, "1 acción", "2 acciones"), (Lang::Ca, "1 acció", "2 accions")]
    {
        let mut h = held(Session::new("t", jiff::Timestamp::now()), lang);
        let app = &mut h.app;
        app.handle(Action::StartAdd);
        app.handle(Action::Paste("one".into()));
        app.handle(Action::Submit);
        app.handle(Action::Cancel);
        app.handle(Action::ShowCame);
        let add = |app: &mut App, text: &str| {
            app.handle(Action::StartAdd);
            app.handle(Action::Paste(text.into()));
            app.handle(Action::Submit);
            app.handle(Action::Cancel);
        };
        add(app, "first");
        let screen = text_of(app, 80, 24);
        let status = screen.lines().nth(22).unwrap_or_default();
        assert!(status.trim_end().ends_with(one), "{screen}");
        add(app, "second");
        let screen = text_of(app, 80, 24);
        let status = screen.lines().nth(22).unwrap_or_default();
        assert!(status.trim_end().ends_with(many), "{screen}");
    }
}

#[test]
fn key_labels_are_translated() {
    let space = Key { code: KeyCode::Char(' '), ctrl: false };
    let home = Key { code: KeyCode::Home, ctrl: false };
    let del = Key { code: KeyCode::Delete, ctrl: false };
    let label = |k: &Key, l| k.label(l);
    assert_eq!([label(&space, Lang::En), label(&home, Lang::En), label(&del, Lang::En)], ["Space", "Home", "Del"]);
    assert_eq!([label(&space, Lang::Es), label(&home, Lang::Es), label(&del, Lang::Es)], ["Espacio", "Inicio", "Supr"]);
    assert_eq!([label(&space, Lang::Ca), label(&home, Lang::Ca)], ["Espai", "Inici"]);
    assert_eq!(keymap::key_for(Context::Picker, &Action::Toggle, Lang::En), "Space");
}

#[test]
fn every_keymap_row_reads_its_text_in_every_language() {
    for &lang in Lang::ALL {
        for b in keymap::defaults() {
            assert!(!b.describe(lang).is_empty(), "{:?} {lang:?}", b.action);
            assert!(!b.hint(lang).is_empty(), "{:?} {lang:?}", b.action);
        }
    }
    let row = keymap::defaults().iter().find(|b| b.action == Action::ShowCame).unwrap();
    assert_eq!([row.hint(Lang::Es), row.hint(Lang::En), row.hint(Lang::Ca)], ["CAME", "actions", "CAME"]);
}

#[test]
fn came_footer_shows_form_copy_and_help_at_80x24() {
    for (lang, form, copy, help) in [
        (Lang::En, "f form", "y copy", "? help"),
        (Lang::Es, "f ficha", "y copiar", "? ayuda"),
        (Lang::Ca, "f fitxa", "y copiar", "? ajuda"),
    ] {
        let (mut app, _dir) = sample(lang);
        app.handle(Action::ShowCame);
        app.handle(Action::Right);
        let screen = text_of(&app, 80, 24);
        let footer = screen.lines().last().unwrap_or_default();
        for wanted in [form, copy, help] {
            assert!(footer.contains(wanted), "{lang:?}: {wanted:?} not in the footer: {footer}");
        }
        // Wide enough, nothing is dropped.
        let wide = text_of(&app, 200, 60);
        assert!(wide.lines().last().unwrap_or_default().contains("u "), "{wide}");
    }
}

/// The language has one owner, the screen showing: the browser hands it to the
/// session it opens, and the session hands it back.
#[test]
fn the_language_goes_from_the_browser_to_the_session_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::browser(dir.path(), Lang::Ca);
    common::keys::typ(&mut app, "n");
    common::keys::typ(&mut app, "Taller");
    press(&mut app, KeyCode::Enter);
    let dafo::app::Screen::Editor(editor) = &app.screen else { panic!("the new session opens") };
    assert_eq!((app.lang(), editor.lang()), (Lang::Ca, Lang::Ca));
    // It stores the language it was made in, as `dafo new` does (it said "es").
    assert_eq!(editor.session().meta.language, "ca");
    common::keys::typ(&mut app, "q");
    assert!(matches!(app.screen, dafo::app::Screen::Browser(_)), "q goes back to the list");
    assert_eq!(app.lang(), Lang::Ca);
}
