//! What the editor says and keeps when the file changes under it or cannot be written:
//! a reload by another program is named and undone with `u`, dafo's own last version
//! stays on disk, a second window names who holds the file, a read-only file says so,
//! and failing backups are told once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::time::{Duration, Instant};

use common::held;
use dafo::app::{Action, App, Screen};
use dafo::domain::{Quadrant, Session};
use dafo::i18n::Lang;
use dafo::storage;

fn editor(app: &App) -> &dafo::app::Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        Screen::Browser(_) => panic!("not in the editor"),
    }
}

fn notice(app: &App) -> String {
    editor(app).notice().map(|n| n.text.clone()).unwrap_or_default()
}

fn session(title: &str, items: &[&str]) -> Session {
    let mut s = Session::new(title, jiff::Timestamp::UNIX_EPOCH);
    for t in items {
        let e = s.add_factor(Quadrant::Strengths, t).unwrap();
        s.apply(e).unwrap();
    }
    s
}

/// Ticks for two seconds of fake time (each tick 300 ms later than any before), then
/// on until the background save has come back (at most 5 s of real time).
fn settle(app: &mut App) {
    use std::sync::Mutex;
    static CLOCK: Mutex<Option<Instant>> = Mutex::new(None);
    let mut clock = CLOCK.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut now = clock.unwrap_or_else(Instant::now).max(Instant::now());
    let deadline = Instant::now() + Duration::from_secs(5);
    for step in 0.. {
        now += Duration::from_millis(300);
        app.tick(now);
        std::thread::sleep(Duration::from_millis(10));
        let pending = editor(app).autosave().is_dirty();
        if (step >= 7 && !pending) || Instant::now() > deadline {
            break;
        }
    }
    *clock = Some(now);
}

/// Ctrl-s as the terminal loop runs it: the save effect, then ticks until its
/// outcome has come back from the saver thread.
fn save(app: &mut App) {
    app.handle(Action::Save);
    let deadline = Instant::now() + Duration::from_secs(5);
    while app.busy() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        app.tick(Instant::now());
    }
    app.tick(Instant::now());
}

#[test]
fn a_reload_is_named_undone_with_u_and_never_costs_our_last_version() {
    let mut app = held(session("Taller", &["uno"]), Lang::Es);
    app.update(Action::StartAdd);
    app.update(Action::Paste("dos".into()));
    app.update(Action::Submit);
    app.update(Action::Cancel);
    settle(&mut app);
    let ours = std::fs::read_to_string(&app.path).unwrap();
    assert!(ours.contains("dos"), "not saved: {ours}");
    // Another program puts an older version back (an atomic rename, like `git checkout`).
    storage::write_atomic(&app.path, storage::to_ron(&session("Taller", &["uno"])).as_bytes()).unwrap();
    settle(&mut app);
    assert!(notice(&app).contains("Recargado: cambiado fuera de dafo"), "{}", notice(&app));
    assert_eq!(editor(&app).session().strengths.len(), 1);
    // dafo's own version is on disk, in a backup no later save replaces.
    let backups = storage::backup::list_backups(&app.path);
    let kept: Vec<_> = backups.iter().filter(|b| b.to_string_lossy().ends_with(".kept.bak")).collect();
    assert_eq!(kept.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read_to_string(kept[0]).unwrap(), ours);
    // `u` brings back what was on screen before the reload, and it is saved again.
    app.update(Action::Undo);
    assert_eq!(editor(&app).session().strengths.len(), 2);
    assert_eq!(notice(&app), "deshecho: la recarga (cambiado fuera de dafo)");
    settle(&mut app);
    assert!(std::fs::read_to_string(&app.path).unwrap().contains("dos"));
    assert_eq!(std::fs::read_to_string(kept[0]).unwrap(), ours);
}

/// A file deleted outside dafo and written again by the next save: the
/// status line still said "deleted outside dafo; Ctrl-s writes it again".
#[test]
fn a_file_deleted_outside_and_written_again_is_no_longer_said_deleted() {
    let mut app = held(session("Taller", &["uno"]), Lang::Es);
    std::fs::remove_file(&app.path).unwrap();
    settle(&mut app);
    assert!(notice(&app).contains("se borró fuera de dafo"), "{}", notice(&app));
    // The room goes on: a factor added, and autosave writes the file again.
    app.update(Action::StartAdd);
    app.update(Action::Paste("dos".into()));
    app.update(Action::Submit);
    app.update(Action::Cancel);
    settle(&mut app);
    assert!(std::fs::read_to_string(&app.path).is_ok_and(|t| t.contains("dos")), "written again");
    assert!(!notice(&app).contains("se borró"), "{}", notice(&app));
}

#[test]
fn a_second_window_names_who_holds_the_file() {
    let first = held(session("Taller", &["uno"]), Lang::Es);
    let second = App::open(&first.path, Lang::Es).unwrap();
    let said = notice(&second);
    let me = storage::LockInfo::current();
    assert!(said.contains("otro dafo"), "{said}");
    assert!(said.contains(&format!("pid {}", me.pid)) && said.contains(&me.host), "{said}");
    // Its footer offers no key that would capture or tidy (it offered
    // `a añadir  e editar  m mover  u deshacer`, each refused there).
    let rows = crate::common::screen_rows(&second, 80, 24);
    let footer = rows.last().cloned().unwrap_or_default();
    assert!(footer.contains("q salir") && footer.contains("c CAME"), "{footer}");
    for refused in ["a añadir", "e editar", "m mover", "u deshacer"] {
        assert!(!footer.contains(refused), "{refused} in {footer}");
    }
}

/// Every key that would open an input line, a form, a picker or a question to
/// edit with is refused at once in a window that cannot save, in every view:
/// what it would open could only be thrown away.
#[test]
fn a_read_only_window_opens_nothing_to_edit_with_in_any_view() {
    use dafo::app::keymap;
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    let first = common::held_sample(Lang::En);
    let mut app = App::open(&first.path, Lang::En).unwrap();
    assert!(editor(&app).read_only().is_some());
    let mut refused = 0;
    let mut tried = Vec::new();
    for view in [None, Some('c'), Some('X'), Some('W'), Some('P'), Some('S')] {
        if let Some(k) = view {
            common::keys::typ(&mut app, &k.to_string());
        }
        let ctx = app.context();
        let opening: Vec<keymap::Key> = keymap::of_context(ctx)
            .filter(|b| b.action.opens_editing())
            .filter_map(|b| b.keys.first().copied())
            .collect();
        for key in opening {
            let mods = if key.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            let action = app.action_for(&Event::Key(KeyEvent::new(key.code, mods))).unwrap();
            app.handle(action.clone());
            assert!(editor(&app).mode().is_grid(), "{action:?} opened something in {ctx:?}");
            assert!(notice(&app).contains("Read-only"), "{action:?} in {ctx:?}: {}", notice(&app));
            assert_eq!(app.context(), ctx);
            tried.push(action);
            refused += 1;
        }
        app.update(Action::Paste("pegado".into()));
        assert!(editor(&app).mode().is_grid(), "a paste opened something in {ctx:?}");
        if let Some(k) = view {
            common::keys::typ(&mut app, &k.to_string());
        }
    }
    assert!(refused > 10, "only {refused} keys tried");
    // The theme picker too: its choice could only be refused.
    assert!(tried.contains(&Action::TagThemes), "{tried:?}");
    // And the impact picker, on CAME's actions.
    common::keys::typ(&mut app, "c");
    app.update(Action::Right);
    assert_eq!(app.context(), dafo::app::keymap::Context::CameActions);
    common::keys::typ(&mut app, "I");
    assert!(editor(&app).overlays().is_empty() && notice(&app).contains("Read-only"), "{}", notice(&app));
}

#[cfg(unix)]
#[test]
fn a_file_marked_read_only_opens_read_only_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    storage::save(&path, &session("Taller", &["uno"])).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = App::open(&path, Lang::Es).unwrap();
    assert!(notice(&app).contains("marcado de solo lectura"), "{}", notice(&app));
    app.update(Action::StartAdd);
    app.update(Action::Save);
    settle(&mut app);
    app.flush();
    assert_eq!(std::fs::read(&path).unwrap(), before, "a read-only file was rewritten");
}

#[test]
fn failing_backups_are_told_once_and_the_session_still_saves() {
    let mut app = held(session("Taller", &["uno"]), Lang::Es);
    std::fs::remove_dir_all(app.dir.path().join(storage::backup::BACKUP_DIR)).ok();
    std::fs::write(app.dir.path().join(storage::backup::BACKUP_DIR), "a file, not a folder").unwrap();
    app.update(Action::StartAdd);
    app.update(Action::Paste("dos".into()));
    app.update(Action::Submit);
    app.update(Action::Cancel);
    save(&mut app);
    assert!(notice(&app).contains("sin copia de seguridad"), "{}", notice(&app));
    assert!(std::fs::read_to_string(&app.path).unwrap().contains("dos"));
    app.update(Action::StartAdd);
    app.update(Action::Paste("tres".into()));
    app.update(Action::Submit);
    app.update(Action::Cancel);
    save(&mut app);
    assert!(!notice(&app).contains("sin copia de seguridad"), "said twice: {}", notice(&app));
    assert!(std::fs::read_to_string(&app.path).unwrap().contains("tres"));
}

/// Opening a file sweeps the temp files killed saves left beside it; a save another
/// program is making at that moment (its temp file still being written) is never
/// cut short by it (CI once lost one that way: the other program's rename failed).
#[test]
fn an_outside_save_in_flight_is_never_cut_by_dafo_opening_the_file() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    storage::save(&path, &session("Taller", &["uno"])).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = std::thread::spawn({
        let (path, stop) = (path.clone(), Arc::clone(&stop));
        move || {
            let mut saves = 0;
            while !stop.load(Ordering::Relaxed) {
                let text = storage::to_ron(&session("Taller", &["uno", &format!("fuera {saves}")]));
                storage::write_atomic(&path, text.as_bytes()).expect("an outside save was cut short");
                saves += 1;
            }
            saves
        }
    });
    for _ in 0..15 {
        let mut app = App::open(&path, Lang::Es).unwrap();
        settle(&mut app);
    }
    stop.store(true, Ordering::Relaxed);
    let saves = writer.join().expect("the outside program's saves all went through");
    assert!(saves > 0);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!left.iter().any(|n| n.to_string_lossy().ends_with(".tmp")), "{left:?}");
}
