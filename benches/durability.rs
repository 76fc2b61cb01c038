//! Per-change durability: from `Enter` on a new factor to that factor being on disk
//! (its journal record written and fdatasynced by the saver's thread, or a save),
//! at 300, 10,000 and 100,000 factors, with autosave running as in a workshop.
//! Also the cost of one journal record as it is now (the change) against a record
//! of the whole session (the journal before), and of one autosave.
//! `cargo bench --bench durability`; `DAFO_BENCH_SIZES=300,10000` picks sizes,
//! `DAFO_BENCH_ENTERS=N` the Enters per size.

use std::io::Write;
use std::time::{Duration, Instant};

mod common;
use common::big_session;
use dafo::app::{App, Screen};
use dafo::i18n::Lang;
use dafo::storage;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn main() {
    let sizes: Vec<usize> = std::env::var("DAFO_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![300, 10_000, 100_000]);
    let enters: usize = std::env::var("DAFO_BENCH_ENTERS").ok().and_then(|n| n.parse().ok()).unwrap_or(60);
    for n in sizes {
        measure(n, enters);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    format!(
        "p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms (n={})",
        ms(pct(0.5)),
        ms(pct(0.99)),
        ms(times[times.len() - 1]),
        times.len()
    )
}

fn measure(n: usize, enters: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let session = big_session(n);
    storage::save(&path, &session).expect("save");

    // The journal before: the whole session serialized, appended and synced per change.
    let mut whole = Vec::new();
    let mut file = std::fs::File::create(dir.path().join("whole.journal")).expect("file");
    for _ in 0..5 {
        let t = Instant::now();
        let text = storage::to_ron(&session);
        file.write_all(text.as_bytes()).expect("write");
        file.sync_data().expect("sync");
        whole.push(t.elapsed());
    }

    let mut app = App::open(&path, Lang::Es).expect("open");
    let press = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let key = |app: &mut App, c: KeyCode| {
        if let Some(a) = app.action_for(&press(c)) {
            app.update(a);
        }
    };
    key(&mut app, KeyCode::Char('a'));
    let mut durable = Vec::with_capacity(enters);
    let mut enter_key = Vec::with_capacity(enters);
    let mut copies = 0;
    for i in 0..enters {
        for c in format!("Nuevo factor {i}").chars() {
            key(&mut app, KeyCode::Char(c));
        }
        app.tick(Instant::now());
        let before = shown(&app);
        let t = Instant::now();
        key(&mut app, KeyCode::Enter);
        app.tick(Instant::now());
        enter_key.push(t.elapsed());
        // A change to a session the saver still holds copies it first (`Arc::make_mut`).
        copies += usize::from(shown(&app) != before);
        let Screen::Editor(e) = &app.screen else { panic!("no editor") };
        let revision = e.revision();
        loop {
            let Screen::Editor(e) = &app.screen else { panic!("no editor") };
            if e.durable_revision() >= revision {
                break;
            }
            std::thread::sleep(Duration::from_micros(100));
            app.tick(Instant::now());
        }
        durable.push(t.elapsed());
        // About one item every 150-400 ms, as a facilitator types them: autosaves
        // start between Enters (0.25 s after a pause, within 0.6 s while typing).
        std::thread::sleep(Duration::from_millis(150 + (i as u64 * 37) % 250));
        app.tick(Instant::now());
    }
    let t = Instant::now();
    app.flush();
    let flush = t.elapsed();
    let on_disk = storage::load(&path).expect("reads").total();
    assert_eq!(on_disk, n + enters, "every Enter on disk");
    let journal_len = std::fs::metadata(storage::journal::journal_path(&path)).map(|m| m.len()).unwrap_or(0);
    println!("{n} factors ({:.1} MB file):", std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6);
    println!("  Enter to durable on disk   {}", summary(durable));
    println!("  Enter + tick (input thread) {}", summary(enter_key));
    println!("  Enters that copied the session (a save still held it): {copies} of {enters}");
    println!("  whole-session record (the journal before) {}", summary(whole));
    println!("  last save on leaving {:.2} ms; journal left {journal_len} bytes", ms(flush));
}

/// Where the editor's session is in memory: another address after an Enter
/// means the session was copied to be changed.
fn shown(app: &App) -> *const dafo::domain::Session {
    let Screen::Editor(e) = &app.screen else { panic!("no editor") };
    std::ptr::from_ref(e.session())
}
