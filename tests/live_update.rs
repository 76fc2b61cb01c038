//! Layer 1: what happens without a key — changes on disk, conflicts, saves and
//! copies finishing off the input thread — driven through `update`, `run` and `tick`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dafo::app::{Action, App, Clipboard, Editor, Effect, Mode, Screen};
use dafo::clipboard::{Content, CopyOutcome};
use dafo::domain::{Factor, Quadrant, Session};
use dafo::i18n::Lang;
use dafo::storage;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::common::keys::{key, typ};

/// A clipboard that only remembers what it was given.
#[derive(Default)]
struct FakeClipboard {
    copies: Mutex<Vec<Content>>,
}

impl Clipboard for FakeClipboard {
    fn copy(&self, content: &Content) -> CopyOutcome {
        self.copies.lock().unwrap().push(content.clone());
        CopyOutcome::Clipboard { holder: None }
    }
}

struct Fixture {
    app: App,
    clipboard: Arc<FakeClipboard>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let clipboard = Arc::new(FakeClipboard::default());
    let app = App::open(&path, Lang::Es).unwrap().with_clipboard(clipboard.clone());
    Fixture { app, clipboard, path, _dir: dir }
}

fn editor(app: &App) -> &Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        Screen::Browser(_) => panic!("no session open"),
    }
}

/// Types a factor into the grid as the room says it: `keys` opens the line
/// (`a`, or `1a` for Fortalezas first), then the words, Enter and Esc.
fn add_factor(app: &mut App, keys: &str, text: &str) {
    typ(app, keys);
    typ(app, text);
    key(app, KeyCode::Enter, KeyModifiers::NONE);
    key(app, KeyCode::Esc, KeyModifiers::NONE);
}

fn texts(app: &App, q: Quadrant) -> Vec<String> {
    editor(app).session().factors(q).iter().map(|f| f.text.clone()).collect()
}

fn notice(app: &App) -> String {
    app.notice().map(|n| n.text.clone()).unwrap_or_default()
}

/// Another program rewrites the file, adding the threat "suyo".
fn rewrite_outside(path: &std::path::Path) {
    let mut other = storage::load(path).unwrap();
    other.threats.push(Factor::new("A1", "suyo"));
    std::thread::sleep(Duration::from_millis(20));
    storage::save(path, &other).unwrap();
}

#[test]
fn a_change_on_disk_reloads_is_drawn_and_its_notice_outlives_the_next_key() {
    let mut f = fixture();
    rewrite_outside(&f.path);
    assert!(f.app.tick(Instant::now()), "a reload must be drawn without a key");
    assert_eq!(texts(&f.app, Quadrant::Threats), ["suyo"]);
    assert!(notice(&f.app).contains("Recargado"), "{}", notice(&f.app));
    typ(&mut f.app, "j");
    assert!(notice(&f.app).contains("Recargado"), "the next key does not wipe the news: {}", notice(&f.app));
}

/// A session with an unsaved "mío" whose file another program then rewrote.
fn conflicted() -> Fixture {
    let mut f = fixture();
    add_factor(&mut f.app, "1a", "mío");
    rewrite_outside(&f.path);
    key(&mut f.app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    f.app.settle();
    f
}

#[test]
fn a_change_on_disk_with_unsaved_edits_asks_and_never_overwrites() {
    let mut f = conflicted();
    assert!(editor(&f.app).in_conflict());
    assert_eq!(storage::load(&f.path).unwrap().threats[0].text, "suyo");
    assert_eq!(f.app.update(Action::KeepMine), [Effect::KeepMine], "the answer is carried out off update");
    f.app.run(Effect::KeepMine);
    f.app.settle();
    let on_disk = storage::load(&f.path).unwrap();
    assert_eq!(on_disk.strengths[0].text, "mío");
    assert!(on_disk.threats.is_empty());
    let backups = std::fs::read_dir(f.path.parent().unwrap().join(".dafo-backups")).unwrap();
    let kept =
        backups.filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok()).any(|text| text.contains("suyo"));
    assert!(kept, "the other version is kept as a backup");
}

/// An audit found an open edit line reloaded under the facilitator: the
/// other program's wording of the same factor was shown, then replaced by the
/// line's Enter, and was nowhere on disk. The reload under an open line keeps
/// the version it read as a backup.
#[test]
fn a_reload_under_an_open_edit_line_keeps_the_other_wording_as_a_backup() {
    let mut f = fixture();
    add_factor(&mut f.app, "1a", "nuestro");
    key(&mut f.app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    f.app.settle();
    typ(&mut f.app, "e");
    typ(&mut f.app, " también");
    let mut other = storage::load(&f.path).unwrap();
    other.strengths[0].text = "suyo".into();
    std::thread::sleep(Duration::from_millis(20));
    storage::save(&f.path, &other).unwrap();
    assert!(f.app.tick(Instant::now()), "the reload is drawn without a key");
    assert_eq!(texts(&f.app, Quadrant::Strengths), ["suyo"]);
    assert!(matches!(editor(&f.app).mode(), Mode::Input(i) if i.value() == "nuestro también"));
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    f.app.settle();
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "nuestro también");
    let backups = std::fs::read_dir(f.path.parent().unwrap().join(".dafo-backups")).unwrap();
    let kept =
        backups.filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok()).any(|text| text.contains("\"suyo\""));
    assert!(kept, "the other program's wording is kept as a backup");
}

#[test]
fn reload_theirs_keeps_mine_beside_it() {
    let mut f = conflicted();
    typ(&mut f.app, "r");
    f.app.settle();
    assert_eq!(texts(&f.app, Quadrant::Threats), ["suyo"]);
    assert!(!editor(&f.app).in_conflict());
    let dir = f.path.parent().unwrap();
    let mine = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(".mia-")))
        .expect("my version kept beside the file");
    assert_eq!(storage::load(&mine).unwrap().strengths[0].text, "mío");
}

#[test]
fn a_conflict_found_by_tick_keeps_the_draft_and_no_other_key_leaves_it() {
    let mut f = fixture();
    typ(&mut f.app, "1a");
    typ(&mut f.app, "mío");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    typ(&mut f.app, "borrador");
    rewrite_outside(&f.path);
    assert!(f.app.tick(Instant::now()), "the question is drawn without a key");
    assert!(editor(&f.app).in_conflict());
    for k in ["j", "a", "q", "x", "p"] {
        typ(&mut f.app, k);
    }
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(editor(&f.app).in_conflict(), "only r or o answer the question");
    assert!(!f.app.quit);
    // The question sits over the input line, which keeps its draft under it; a
    // resize goes through to it.
    assert_eq!(f.app.update(Action::Resize), []);
    assert_eq!(f.app.context(), dafo::app::keymap::Context::Conflict);
    assert!(matches!(editor(&f.app).mode(), Mode::Input(i) if i.value() == "borrador"));
    typ(&mut f.app, "o");
    f.app.settle();
    let Mode::Input(input) = editor(&f.app).mode() else { panic!("the input line comes back") };
    assert_eq!(input.value(), "borrador");
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "mío");
}

#[test]
fn load_theirs_over_a_file_broken_outside_keeps_the_question_open() {
    let mut f = fixture();
    add_factor(&mut f.app, "1a", "mío");
    std::fs::write(&f.path, "(version: 2, garbage").unwrap();
    key(&mut f.app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    f.app.settle();
    assert!(editor(&f.app).in_conflict());
    typ(&mut f.app, "r");
    f.app.settle();
    assert!(editor(&f.app).in_conflict(), "theirs does not read: the question stays");
    assert!(f.app.notice().is_some_and(|n| n.error));
    // `o` is still "keep mine", never "sort by votes".
    typ(&mut f.app, "o");
    f.app.settle();
    assert!(!editor(&f.app).in_conflict());
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "mío");
    let damaged = std::fs::read_dir(f.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains("damaged")))
        .expect("the damaged file is kept");
    assert_eq!(std::fs::read_to_string(damaged).unwrap(), "(version: 2, garbage");
}

#[test]
fn ctrl_s_is_an_effect_and_writes_off_the_input_thread() {
    let mut f = fixture();
    add_factor(&mut f.app, "a", "uno");
    assert_eq!(f.app.update(Action::Save), [Effect::SaveNow]);
    assert!(storage::load(&f.path).unwrap().strengths.is_empty(), "update itself writes nothing");
    f.app.run(Effect::SaveNow);
    f.app.settle();
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "uno");
    assert!(notice(&f.app).contains("Guardado"), "{}", notice(&f.app));
}

#[test]
fn copying_goes_through_the_clipboard_seam_and_is_reported() {
    let mut f = fixture();
    add_factor(&mut f.app, "a", "Equipo motivado");
    let effects = f.app.update(Action::Copy);
    let [Effect::Copy(content)] = effects.as_slice() else { panic!("one copy asked: {effects:?}") };
    assert!(content.text.contains("Equipo motivado"));
    assert!(content.html.is_some(), "HTML for word processors too");
    assert!(f.clipboard.copies.lock().unwrap().is_empty(), "update does not copy");
    // `Y`, then Enter on the first format: the copy runs, off the input thread.
    typ(&mut f.app, "Y");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    f.app.settle();
    assert_eq!(f.clipboard.copies.lock().unwrap().len(), 1);
    assert!(notice(&f.app).contains("Copiado"), "{}", notice(&f.app));
}

#[test]
fn a_failed_save_is_reported_by_tick_as_soon_as_it_fails() {
    let mut f = fixture();
    typ(&mut f.app, "a");
    typ(&mut f.app, "importante");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    std::fs::remove_dir_all(f.path.parent().unwrap()).unwrap();
    let now = Instant::now();
    f.app.tick(now);
    // The save falls due; its failure is news the screen must show at once.
    let later = now + Duration::from_secs(1);
    // (The deletion itself may be news first: it is said as soon as a check sees it.)
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let redraw = f.app.tick(later);
        if editor(&f.app).autosave().error.is_some() {
            assert!(redraw, "the tick that learns of the failure has it drawn at once");
            break;
        }
        assert!(Instant::now() < deadline, "the failed save never came back");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_read_only_second_dafo_shows_the_first_ones_saves() {
    let mut f = fixture();
    let mut second = App::open(&f.path, Lang::Es).unwrap();
    assert!(editor(&second).read_only().is_some());
    second.tick(Instant::now());
    typ(&mut f.app, "a");
    typ(&mut f.app, "desde el primero");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    std::thread::sleep(Duration::from_millis(20));
    f.app.flush();
    let later = Instant::now() + Duration::from_secs(2);
    assert!(second.tick(later), "the second dafo redraws without a key");
    assert_eq!(texts(&second, Quadrant::Strengths), ["desde el primero"]);
}

#[test]
fn a_read_only_window_cannot_undo_the_holders_save_and_take_over_with_it() {
    let mut f = fixture();
    let mut second = App::open(&f.path, Lang::Es).unwrap();
    second.tick(Instant::now());
    add_factor(&mut f.app, "a", "desde el primero");
    std::thread::sleep(Duration::from_millis(20));
    f.app.flush();
    assert!(second.tick(Instant::now() + Duration::from_secs(2)));
    assert!(!notice(&second).contains("deshace"), "nothing to undo is offered: {}", notice(&second));
    // `u` in the read-only window is refused: it would bring back the version
    // before the holder's save, which a take-over would then save over it.
    typ(&mut second, "u");
    assert_eq!(texts(&second, Quadrant::Strengths), ["desde el primero"]);
    assert!(notice(&second).to_lowercase().contains("solo lectura"), "{}", notice(&second));
    // The holder quits; the second takes over with the holder's words intact.
    drop(f.app);
    assert!(second.tick(Instant::now() + Duration::from_secs(4)));
    assert!(editor(&second).read_only().is_none(), "took over");
    second.flush();
    assert_eq!(storage::load(&f.path).unwrap().strengths[0].text, "desde el primero");
}

#[test]
fn an_unanswered_conflict_does_not_keep_the_loop_awake() {
    let mut f = fixture();
    add_factor(&mut f.app, "a", "mío");
    f.app.tick(Instant::now());
    f.app.settle();
    assert!(f.app.deadline().is_some(), "a save is pending");
    rewrite_outside(&f.path);
    let later = Instant::now() + Duration::from_secs(2);
    assert!(f.app.tick(later), "the conflict is drawn at once");
    assert!(editor(&f.app).in_conflict());
    assert!(editor(&f.app).autosave().due(later), "the save is overdue, held by the question");
    // The loop sleeps until a key answers: a past deadline would make it poll with
    // a zero timeout, over and over, at full CPU.
    assert_eq!(f.app.deadline(), None);
    assert_eq!(storage::load(&f.path).unwrap().threats[0].text, "suyo", "nothing written meanwhile");
}

#[test]
fn enter_on_an_edit_line_whose_factor_went_meanwhile_keeps_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    let mut mine = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    mine.strengths.push(Factor::new("F1", "Lo de antes"));
    storage::save(&path, &mine).unwrap();
    let mut app = App::open(&path, Lang::Es).unwrap();
    typ(&mut app, "e");
    typ(&mut app, " y más");
    // Meanwhile another program removes F1; nothing here is unsaved, so it reloads.
    let mut other = storage::load(&path).unwrap();
    other.strengths.clear();
    std::thread::sleep(Duration::from_millis(20));
    storage::save(&path, &other).unwrap();
    assert!(app.tick(Instant::now() + Duration::from_secs(2)));
    assert!(texts(&app, Quadrant::Strengths).is_empty());
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(notice(&app).contains("F1 ya no está"), "{}", notice(&app));
    let Mode::Input(line) = editor(&app).mode() else { panic!("the words were dropped") };
    assert_eq!(line.value(), "Lo de antes y más");
    // Enter adds them as a new factor.
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(texts(&app, Quadrant::Strengths), ["Lo de antes y más"]);
}

#[test]
fn opening_says_what_became_of_a_journal_a_stopped_dafo_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    let journal = storage::journal::journal_path(&path);
    let (mut file, _) =
        storage::SessionFile::create(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    // The journal holds the change (the edit), not the session.
    let insert = |at: usize, id: &str, text: &str| {
        dafo::domain::Edit::Factor(Quadrant::Strengths, dafo::domain::ListOp::Insert(at, Factor::new(id, text)))
    };
    file.journal(&[(1, insert(0, "F1", "dicho antes del corte"))], &Default::default()).unwrap();
    // Stopped here, before any save (a kill would leave the lock file too; the
    // next open takes a dead holder's lock over).
    drop(file);
    let app = App::open(&path, Lang::Es).unwrap();
    assert_eq!(texts(&app, Quadrant::Strengths), ["dicho antes del corte"]);
    assert!(notice(&app).contains("Recuperados"), "{}", notice(&app));
    drop(app);

    // A journal that follows another version of the file is kept aside, and said so.
    let mut file = storage::SessionFile::open(&path).unwrap().0;
    file.journal(&[(1, insert(1, "F2", "lo que no encaja"))], &Default::default()).unwrap();
    drop(file);
    let mut other = storage::load(&path).unwrap();
    other.threats.push(Factor::new("A1", "escrito fuera"));
    std::thread::sleep(Duration::from_millis(20));
    storage::save(&path, &other).unwrap();
    let app = App::open(&path, Lang::Es).unwrap();
    assert!(notice(&app).contains("apartados en .taller.ron.journal-"), "{}", notice(&app));
    assert!(!journal.exists());
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains(".journal-"))
        .expect("the journal kept aside");
    assert!(std::fs::read_to_string(aside).unwrap().contains("lo que no encaja"));
}

#[test]
fn the_clock_in_the_status_line_asks_for_a_frame_once_a_second_not_every_wake_up() {
    let mut f = fixture();
    add_factor(&mut f.app, "a", "mío");
    f.app.tick(Instant::now());
    f.app.settle();
    f.app.tick(Instant::now() + Duration::from_secs(1));
    f.app.settle();
    let saved = editor(&f.app).autosave().last_saved.expect("saved");
    f.app.tick(saved + Duration::from_millis(1200));
    assert!(f.app.clock_showing(), "saved: \"hace 1 s\" is shown");
    let shown = dafo::ui::status::clock_face(&f.app);
    assert!(shown.is_some());
    // The loop wakes every 250 ms while idle: nothing it shows has changed.
    f.app.tick(saved + Duration::from_millis(1450));
    assert_eq!(dafo::ui::status::clock_face(&f.app), shown, "a frame for nothing");
    // Later "hace 1 s" reads "hace 2 s".
    f.app.tick(saved + Duration::from_millis(2100));
    assert_ne!(dafo::ui::status::clock_face(&f.app), shown);
}

/// Issue 24, bug 7: each view copies what it shows. The DAFO view copies the
/// DAFO with no plan (no "líneas sin acciones" it cannot show); the follow-up
/// view copies the report of the year on screen, not the whole session.
#[test]
fn each_view_copies_what_it_shows() {
    let sample =
        storage::load(std::path::Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let held = crate::common::held(sample, Lang::Es);
    let mut app = held.app;
    let copy = |app: &mut App| {
        let effects = app.update(Action::Copy);
        let [Effect::Copy(content)] = effects.as_slice() else { panic!("one copy asked: {effects:?}") };
        content.clone()
    };
    let dafo = copy(&mut app);
    assert!(dafo.text.contains("## Fortalezas"), "{}", dafo.text);
    for shown_elsewhere in ["Líneas sin acciones", "Plan de acción CAME", "Informe de seguimiento", "Misión"] {
        assert!(!dafo.text.contains(shown_elsewhere), "{shown_elsewhere} in the DAFO copy:\n{}", dafo.text);
    }
    // The plan view still copies the plan, with numbers that agree with its screen.
    typ(&mut app, "P");
    let plan = copy(&mut app);
    assert!(plan.text.contains("Misión"), "{}", plan.text);
    // The follow-up view: the report of its year, as `dafo report --year`.
    typ(&mut app, "S");
    let year = editor(&app).follow_year().unwrap();
    let follow = copy(&mut app);
    assert!(follow.text.starts_with(&format!("# Informe de seguimiento {year}:")), "{}", follow.text);
    assert!(!follow.text.contains("## Matriz DAFO"), "{}", follow.text);
    assert!(follow.html.as_deref().is_some_and(|h| h.contains("Informe de seguimiento")));
}

/// A picker or a form open when the question comes: a picker's list was built
/// from the version in memory, and loading theirs closes it; a form stays open
/// (what was typed in it is kept, over theirs). Keeping mine keeps either open.
#[test]
fn loading_theirs_closes_a_picker_and_keeps_a_form_open_under_the_question() {
    for (opens, answer, stays) in [("Y", "r", false), ("Y", "o", true), ("M", "r", true), ("M", "o", true)] {
        let mut f = fixture();
        add_factor(&mut f.app, "1a", "mío");
        typ(&mut f.app, opens);
        assert!(editor(&f.app).covered(), "{opens}");
        rewrite_outside(&f.path);
        assert!(f.app.tick(Instant::now()));
        assert_eq!(f.app.context(), dafo::app::keymap::Context::Conflict);
        typ(&mut f.app, answer);
        f.app.settle();
        assert!(!editor(&f.app).in_conflict());
        assert_eq!(editor(&f.app).covered(), stays, "{opens} {answer}");
        assert!(editor(&f.app).mode().is_grid());
    }
}

/// The plan of the Almendral social services, open in the plan view.
fn plan_held() -> crate::common::Held {
    let plan = storage::load(std::path::Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let mut h = crate::common::held(plan, Lang::Es);
    typ(&mut h.app, "P");
    h
}

/// Another program changes the file with `f`; nothing here is unsaved, so it reloads.
fn change_outside(app: &mut App, path: &std::path::Path, f: impl FnOnce(&mut Session)) {
    let mut other = storage::load(path).unwrap();
    f(&mut other);
    std::thread::sleep(Duration::from_millis(20));
    storage::save(path, &other).unwrap();
    // The disk is looked at every so often: a later moment for a second change.
    let reloaded = (1..10).any(|n| app.tick(Instant::now() + Duration::from_secs(2 * n)));
    assert!(reloaded, "reloaded");
}

fn tab(app: &mut App, n: usize) {
    (0..n).for_each(|_| key(app, KeyCode::Tab, KeyModifiers::NONE));
}

fn enter(app: &mut App) {
    key(app, KeyCode::Enter, KeyModifiers::NONE);
}

fn line(app: &App) -> Option<String> {
    editor(app).mode().input().map(|i| i.value())
}

/// Valores have no ID: an edit names the valor by its words, so a valor
/// another program inserts above it does not send the new words to its neighbour.
#[test]
fn rewording_a_valor_while_another_program_inserts_one_rewords_that_valor() {
    let mut h = plan_held();
    key(&mut h.app, KeyCode::BackTab, KeyModifiers::NONE);
    // 0 misión, 1 visión, 2 Proximidad, 3 Equidad.
    (0..3).for_each(|_| key(&mut h.app, KeyCode::Down, KeyModifiers::NONE));
    typ(&mut h.app, "e");
    assert_eq!(line(&h.app).as_deref(), Some("Equidad"));
    typ(&mut h.app, " de género");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| s.values.insert(0, "Solidaridad".into()));
    enter(&mut h.app);
    assert_eq!(editor(&h.app).session().values, ["Solidaridad", "Proximidad", "Equidad de género", "Transparencia"]);
}

/// A valor reworded or deleted outside while its edit line is open: Enter
/// keeps the words on the line of a new valor, and the status line says so.
#[test]
fn rewording_a_valor_changed_outside_keeps_the_words_on_a_new_valor_line() {
    let mut h = plan_held();
    key(&mut h.app, KeyCode::BackTab, KeyModifiers::NONE);
    (0..3).for_each(|_| key(&mut h.app, KeyCode::Down, KeyModifiers::NONE));
    typ(&mut h.app, "e");
    typ(&mut h.app, " de género");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| s.values[1] = "Equidad territorial".into());
    enter(&mut h.app);
    assert_eq!(editor(&h.app).session().values, ["Proximidad", "Equidad territorial", "Transparencia"]);
    assert!(notice(&h.app).contains("el valor «Equidad» ya no está"), "{}", notice(&h.app));
    assert_eq!(line(&h.app).as_deref(), Some("Equidad de género"), "the words were dropped");
    enter(&mut h.app);
    assert_eq!(editor(&h.app).session().values.last().map(String::as_str), Some("Equidad de género"));
}

#[test]
fn rewording_a_reto_deleted_outside_keeps_the_words_on_a_new_reto_line() {
    let mut h = plan_held();
    tab(&mut h.app, 3);
    assert_eq!(h.app.context(), dafo::app::keymap::Context::PlanChallenges);
    typ(&mut h.app, "e");
    typ(&mut h.app, " y PALABRAS NUEVAS");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| {
        s.challenges.remove(0);
    });
    enter(&mut h.app);
    assert!(notice(&h.app).contains("R1 ya no está"), "{}", notice(&h.app));
    let words = "Acortar las esperas de la atención primaria y de la dependencia y PALABRAS NUEVAS";
    assert_eq!(line(&h.app).as_deref(), Some(words), "the words were dropped");
    enter(&mut h.app);
    assert_eq!(editor(&h.app).session().challenges.last().map(|c| c.text.as_str()), Some(words));
}

/// An eje or a línea deleted outside while its text is being edited: the
/// eje's words stay on the line of a new eje; the línea's (its eje may be gone
/// too) are shown whole.
#[test]
fn rewording_an_eje_or_linea_deleted_outside_keeps_the_words() {
    let mut h = plan_held();
    assert_eq!(h.app.context(), dafo::app::keymap::Context::PlanTree);
    typ(&mut h.app, "e");
    typ(&mut h.app, " cercana");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| {
        s.axes.remove(0);
        s.lines.retain(|l| l.axis != "EJ1");
    });
    enter(&mut h.app);
    assert!(notice(&h.app).contains("EJ1 ya no está"), "{}", notice(&h.app));
    assert_eq!(line(&h.app).as_deref(), Some("Atención social de proximidad cercana"));
    key(&mut h.app, KeyCode::Esc, KeyModifiers::NONE);
    // Now EJ2, then its first línea, L3.
    typ(&mut h.app, "gj");
    typ(&mut h.app, "e");
    typ(&mut h.app, " y empleo");
    change_outside(&mut h.app, &path, |s| {
        s.lines.retain(|l| l.id != "L3");
    });
    enter(&mut h.app);
    let said = notice(&h.app);
    assert!(said.contains("ya no está") && said.contains("Itinerarios de inclusión sociolaboral y empleo"), "{said}");
}

/// The form of an indicator another program deletes: Enter keeps the form and
/// what was typed, now for a new indicator, and says so; Enter again adds it.
#[test]
fn the_form_of_an_indicator_deleted_outside_keeps_what_was_typed_as_a_new_one() {
    for lang in Lang::ALL.iter().copied() {
        let plan = storage::load(std::path::Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron"));
        let mut h = crate::common::held(plan.unwrap(), lang);
        typ(&mut h.app, "P");
        tab(&mut h.app, 4);
        assert_eq!(h.app.context(), dafo::app::keymap::Context::PlanIndicators);
        enter(&mut h.app);
        tab(&mut h.app, 3);
        (0..10).for_each(|_| key(&mut h.app, KeyCode::Backspace, KeyModifiers::NONE));
        typ(&mut h.app, "75");
        let path = h.path.clone();
        change_outside(&mut h.app, &path, |s| {
            s.indicators.remove(0);
        });
        enter(&mut h.app);
        let form = editor(&h.app).form().unwrap_or_else(|| panic!("{lang:?}: the form and its values were dropped"));
        assert_eq!(form.value(3), "75");
        let said = notice(&h.app);
        assert!(said.contains("I1") && said.contains("dafo"), "{lang:?}: {said}");
        enter(&mut h.app);
        let added = editor(&h.app).session().indicators.last().unwrap().clone();
        assert_eq!((added.id.as_str(), added.target), ("I4", Some(75.0)), "{lang:?}");
        assert_eq!(added.name, "Días de espera para la valoración de la dependencia");
    }
}

/// The input line of a new línea whose eje another program deletes: Enter
/// shows the words whole rather than dropping them unsaid.
#[test]
fn a_new_linea_for_an_eje_deleted_outside_shows_the_words() {
    let mut h = plan_held();
    assert_eq!(h.app.context(), dafo::app::keymap::Context::PlanTree);
    typ(&mut h.app, "a");
    typ(&mut h.app, "Centros de día");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| {
        s.axes.remove(0);
    });
    enter(&mut h.app);
    let said = notice(&h.app);
    assert!(said.contains("EJ1 ya no está") && said.contains("Centros de día"), "{said}");
}

/// A new crossed strategy whose factor another program deletes while its line
/// is open: Enter shows the words whole rather than dropping them unsaid.
#[test]
fn a_new_strategy_whose_factor_went_outside_shows_the_words() {
    let mut h = plan_held();
    // Crossed view, FO cell: pick F1, then O1, then type.
    typ(&mut h.app, "X1a");
    enter(&mut h.app);
    enter(&mut h.app);
    typ(&mut h.app, "Proximidad con fondos europeos");
    let path = h.path.clone();
    change_outside(&mut h.app, &path, |s| {
        s.opportunities.remove(0);
    });
    enter(&mut h.app);
    assert!(editor(&h.app).session().strategies.is_empty());
    let said = notice(&h.app);
    assert!(said.contains("O1 ya no está") && said.contains("Proximidad con fondos europeos"), "{said}");
}

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// The Almendral plan, opened from a private copy, its form for C1 open.
fn action_form_open() -> crate::common::Held {
    let mut h = crate::common::held(storage::load(std::path::Path::new(PLAN)).unwrap(), Lang::Es);
    typ(&mut h.app, "c2");
    key(&mut h.app, KeyCode::Right, KeyModifiers::NONE);
    typ(&mut h.app, "f");
    h
}

/// Moves to field `at` of the open form (from the first) and types `text` in place of its own.
fn retype_field(app: &mut App, at: usize, text: &str) {
    for _ in 0..at {
        key(app, KeyCode::Tab, KeyModifiers::NONE);
    }
    for _ in 0..200 {
        key(app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typ(app, text);
}

/// Another program saves the file with `change` made to it.
fn save_outside(path: &std::path::Path, change: impl FnOnce(&mut Session)) {
    let mut other = storage::load(path).unwrap();
    change(&mut other);
    std::thread::sleep(Duration::from_millis(20));
    storage::save(path, &other).unwrap();
}

/// A form open while another program changes the same item: the reload keeps
/// the form open, its untouched fields now show the new version, and Enter
/// writes only what was typed in it: the change made outside is not reverted.
/// So for the action form, the session's details (`M`) and a year's record.
#[test]
fn a_form_open_across_an_outside_reload_writes_only_what_was_typed() {
    let mut h = action_form_open();
    retype_field(&mut h.app, 3, "Nuevos recursos");
    save_outside(&h.path, |s| {
        s.correct[0].owner = Some("Otra persona".into());
        s.correct[0].resources = Some("Recursos de fuera".into());
    });
    assert!(h.app.tick(Instant::now()));
    let form = editor(&h.app).form().expect("the form stays open");
    assert_eq!((form.value(0), form.value(3)), ("Otra persona".into(), "Nuevos recursos".into()));
    key(&mut h.app, KeyCode::Enter, KeyModifiers::NONE);
    let a = &editor(&h.app).session().correct[0];
    assert_eq!(a.owner.as_deref(), Some("Otra persona"), "the outside change is kept");
    assert_eq!(a.resources.as_deref(), Some("Nuevos recursos"), "what was typed wins over the outside change");

    let mut h = crate::common::held(storage::load(std::path::Path::new(PLAN)).unwrap(), Lang::Es);
    typ(&mut h.app, "M");
    retype_field(&mut h.app, 2, "Centro cívico");
    save_outside(&h.path, |s| s.meta.title = "Título de fuera".into());
    assert!(h.app.tick(Instant::now()));
    assert_eq!(editor(&h.app).form().map(|f| f.value(0)).as_deref(), Some("Título de fuera"));
    key(&mut h.app, KeyCode::Enter, KeyModifiers::NONE);
    let m = &editor(&h.app).session().meta;
    assert_eq!((m.title.as_str(), m.place.as_deref()), ("Título de fuera", Some("Centro cívico")));

    let mut h = crate::common::held(storage::load(std::path::Path::new(PLAN)).unwrap(), Lang::Es);
    typ(&mut h.app, "S");
    typ(&mut h.app, "r");
    let year = editor(&h.app).overlays().record().map(|r| r.year).expect("the record form");
    retype_field(&mut h.app, 2, "Resumen nuestro");
    save_outside(&h.path, |s| {
        let mut r = s.year_review(year).cloned().unwrap_or_default();
        r.year = year;
        r.body = Some("Comisión de fuera".into());
        s.review_years.retain(|x| x.year != year);
        s.review_years.push(r);
    });
    assert!(h.app.tick(Instant::now()));
    key(&mut h.app, KeyCode::Enter, KeyModifiers::NONE);
    let r = editor(&h.app).session().year_review(year).cloned().unwrap_or_default();
    assert_eq!((r.body.as_deref(), r.summary.as_deref()), (Some("Comisión de fuera"), Some("Resumen nuestro")));
}

/// The question comes while a form holds typed values; "load theirs" keeps the
/// form open with them, over theirs, and Enter writes them into theirs.
#[test]
fn loading_theirs_keeps_what_was_typed_in_an_open_form() {
    let mut h = crate::common::held(storage::load(std::path::Path::new(PLAN)).unwrap(), Lang::Es);
    typ(&mut h.app, "c2");
    key(&mut h.app, KeyCode::Right, KeyModifiers::NONE);
    typ(&mut h.app, "J"); // C1 moves down (the selection with it): an unsaved edit
    typ(&mut h.app, "f");
    let kind = editor(&h.app).form().map(|f| f.kind.clone());
    assert!(matches!(kind, Some(dafo::app::form::FormKind::Action { ref id, .. }) if id == "C1"), "{kind:?}");
    retype_field(&mut h.app, 0, "Persona responsable nueva");
    save_outside(&h.path, |s| s.values.push("Suyo".into()));
    h.app.tick(Instant::now());
    assert!(editor(&h.app).in_conflict());
    typ(&mut h.app, "r");
    h.app.settle();
    h.app.tick(Instant::now());
    assert!(!editor(&h.app).in_conflict());
    let form = editor(&h.app).form().expect("the form stays open");
    assert_eq!(form.value(0), "Persona responsable nueva");
    key(&mut h.app, KeyCode::Enter, KeyModifiers::NONE);
    let s = editor(&h.app).session();
    assert_eq!(s.values.last().map(String::as_str), Some("Suyo"), "theirs");
    assert_eq!(s.correct[0].id, "C1", "theirs: C1 did not move");
    assert_eq!(s.correct[0].owner.as_deref(), Some("Persona responsable nueva"));
}

/// A lock left by a dafo that was killed is taken over on opening, and the
/// status line says so (it was taken over in silence).
#[test]
fn opening_says_it_took_over_the_lock_of_a_stopped_dafo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let dead = "(pid:4294967294,host:\"otra\",since:\"1970-01-01T00:00:00Z\")";
    std::fs::write(dir.path().join(".taller.ron.lock"), dead).unwrap();
    let app = App::open(&path, Lang::Es).unwrap();
    assert!(editor(&app).read_only().is_none(), "the lock is taken over");
    assert_eq!(notice(&app), (Lang::Es.text().ui.took_over_stopped)(4_294_967_294));
    // A lock nobody left says nothing.
    drop(app);
    let app = App::open(&path, Lang::Es).unwrap();
    assert!(!notice(&app).contains("4294967294"), "{}", notice(&app));
}
