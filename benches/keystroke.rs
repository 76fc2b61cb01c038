//! Keystroke to screen while typing into a 10,000-factor session with autosave on:
//! each key goes through `update`, `tick` (autosave) and a full render at 120x40.
//! Prints p50 / p99 / max and the process's peak memory. `cargo bench --bench keystroke`;
//! `DAFO_BENCH_FACTORS=100000` measures another size.

use std::time::{Duration, Instant};

mod common;
use common::big_session;
use dafo::app::App;
use dafo::i18n::Lang;
use dafo::storage;
use dafo::ui::{self, theme::Theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

const KEYS: usize = 4000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let factors: usize = std::env::var("DAFO_BENCH_FACTORS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    storage::save(&path, &big_session(factors)).expect("save");
    let mut app = App::open(&path, Lang::Es).expect("open");
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 120, 40);
    let press = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    // Open the input line, then type sentences, Enter after each: every Enter is
    // an edit, so autosave runs again and again while typing goes on.
    if let Some(a) = app.action_for(&press(KeyCode::Char('a'))) {
        app.update(a);
    }
    let sentence: Vec<char> = "Listas de espera en dependencia ".chars().collect();
    let mut times = Vec::with_capacity(KEYS);
    for i in 0..KEYS {
        let code = if i % sentence.len() == sentence.len() - 1 {
            KeyCode::Enter
        } else {
            KeyCode::Char(sentence[i % sentence.len()])
        };
        let t = Instant::now();
        if let Some(a) = app.action_for(&press(code)) {
            app.update(a);
        }
        app.tick(Instant::now());
        let mut buf = Buffer::empty(area);
        ui::render(&app, &theme, area, &mut buf);
        times.push(t.elapsed());
        // A fast typist: about 12 keys a second would make this bench slow; the
        // autosave deadline is what matters, so let time pass now and then.
        if i % 200 == 0 {
            std::thread::sleep(Duration::from_millis(300));
        }
    }
    app.flush();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("keystroke to screen, {factors} factors, autosave on, 120x40 ({KEYS} keys):");
    println!(
        "  p50 {:.3} ms   p99 {:.3} ms (target < 8 ms)   max {:.3} ms",
        ms(pct(0.5)),
        ms(pct(0.99)),
        ms(times[times.len() - 1])
    );
    if let Some(peak) = peak_memory_kib() {
        println!("  peak memory (VmHWM) {:.1} MB (target < 20 MB)", peak as f64 / 1024.0);
    }
    let saved = storage::load(&path).expect("saved file reads");
    println!("  factors on disk after typing: {}", saved.total());
}

/// Peak resident memory of this process, from /proc (Linux).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse().ok())
}
