//! Start to first frame, in a pseudo-terminal (`script`), for the sample session
//! and a 10,000-factor one, against the floor: a minimal ratatui program that
//! draws one frame. Run with `cargo bench --bench startup`.

use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::big_session;
use dafo::storage;

const RUNS: usize = 40;

fn main() {
    // Re-run as the floor: init, one frame, restore.
    if std::env::var_os("DAFO_FLOOR").is_some() {
        let mut terminal = ratatui::init();
        let _ = terminal.draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("floor"), f.area()));
        ratatui::restore();
        return;
    }
    if Command::new("script").arg("--version").output().is_err() {
        println!("SKIPPED: `script` (util-linux) is needed to give the programs a terminal");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    storage::save(&big, &big_session(10_000)).expect("save");
    let sample = std::path::Path::new("sessions/palencia-ciudad-de-los-cuidados.ron");
    let sample_copy = dir.path().join("sample.ron");
    std::fs::copy(sample, &sample_copy).expect("copy sample");
    let me = std::env::current_exe().expect("bench binary");
    let dafo = env!("CARGO_BIN_EXE_dafo");

    let floor = measure(&format!("{}", me.display()), &[("DAFO_FLOOR", "1")]);
    let first = [("DAFO_BENCH_FIRST_FRAME", "1")];
    let small = measure(&format!("{dafo} {}", sample_copy.display()), &first);
    let large = measure(&format!("{dafo} {}", big.display()), &first);
    println!("start to first frame, median of {RUNS} runs in a pty (script):");
    println!("  floor (minimal ratatui program)   {:>7.2} ms", ms(floor));
    println!(
        "  sample session                    {:>7.2} ms  ({:.2}x the floor; target <= 1.2x)",
        ms(small),
        ratio(small, floor)
    );
    println!("  10,000-factor session             {:>7.2} ms  (target <= 50 ms)", ms(large));
}

/// Median wall time of running `cmd` in a pseudo-terminal until it exits.
fn measure(cmd: &str, env: &[(&str, &str)]) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let mut c = Command::new("script");
            c.args(["-qefc", cmd, "/dev/null"]).env("TERM", "xterm-256color").env_remove("NO_COLOR");
            for (k, v) in env {
                c.env(k, v);
            }
            let t = Instant::now();
            let out = c.output().expect("script runs");
            assert!(out.status.success(), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}
