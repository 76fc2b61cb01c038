//! Start to first frame, timed from outside in a pseudo-terminal, for the sample
//! session and a 10,000-factor one, against the floor: `examples/startup_floor.rs`,
//! a minimal ratatui program drawing the same grid once. Run with
//! `cargo bench --bench startup` (it builds the floor with the bench profile first).
//!
//! Each program is spawned straight into a pty (no shell, no `script`); the clock
//! runs from just before the spawn to the moment the master side has read the end
//! of the first frame: ratatui hides the cursor right after flushing a frame's
//! cells, so the first `ESC[?25l` after `ESC[?1049h` closes frame one. dafo quits
//! there (`DAFO_BENCH_FIRST_FRAME`); the floor quits after its only frame. The two
//! run in turn (floor, dafo, floor, dafo...) so that drift hits both alike, and
//! the ratio is the median of the pairwise ratios.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod common;
use common::big_session;
use dafo::storage;

/// Enough pairs that the median ratio moves by a few hundredths between runs
/// (with 21 it moved by 0.3x on the same binaries); a pair takes about 6 ms.
const RUNS: usize = 201;
const WARMUP: usize = 10;
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SIZE: PtySize = PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 };

fn main() {
    let floor = build_floor();
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    storage::save(&big, &big_session(10_000)).expect("save");
    let sample = dir.path().join("sample.ron");
    std::fs::copy("sessions/palencia-ciudad-de-los-cuidados.ron", &sample).expect("copy sample");
    let dafo = Path::new(env!("CARGO_BIN_EXE_dafo"));
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() as f64 / 1e6).unwrap_or(f64::NAN);

    let floor_cmd = || spawnable(&floor, None, dir.path());
    let sample_cmd = || spawnable(dafo, Some(&sample), dir.path());
    let (floor_times, sample_times, ratios) = paired(floor_cmd, sample_cmd);
    let big_times: Vec<Duration> =
        (0..WARMUP + RUNS).map(|_| first_frame(spawnable(dafo, Some(&big), dir.path()))).skip(WARMUP).collect();

    println!("start to first frame in a {}x{} pty, median of {RUNS} runs:", SIZE.cols, SIZE.rows);
    println!("  floor (examples/startup_floor.rs, {:.2} MB)  {}", size(&floor), summary(&floor_times));
    println!("  dafo, sample session ({:.2} MB)            {}", size(dafo), summary(&sample_times));
    let (q1, median, q3) = quartiles(ratios);
    println!(
        "  ratio dafo / floor, median of pairs          {median:.2}x (quartiles {q1:.2}..{q3:.2})  (target <= 1.2x)"
    );
    println!("  dafo, 10,000-factor session                  {}  (target <= 50 ms)", summary(&big_times));
}

/// Builds the floor with the bench profile, as `cargo bench` builds dafo, and returns its path.
fn build_floor() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--profile", "bench", "--example", "startup_floor"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building the floor failed");
    let exe = std::env::current_exe().expect("bench path");
    // target/release/deps/startup-HASH -> target/release/examples/startup_floor
    let release = exe.parent().and_then(Path::parent).expect("target/release");
    release.join("examples").join(format!("startup_floor{}", std::env::consts::EXE_SUFFIX))
}

fn spawnable(program: &Path, file: Option<&Path>, cwd: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    if let Some(file) = file {
        cmd.arg(file);
    }
    cmd.cwd(cwd);
    cmd.env("TERM", "xterm-256color");
    cmd.env("DAFO_BENCH_FIRST_FRAME", "1");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs the floor and the program in turn, after a warm-up; returns both timings
/// and each pair's ratio, program over floor.
fn paired(
    floor: impl Fn() -> CommandBuilder,
    program: impl Fn() -> CommandBuilder,
) -> (Vec<Duration>, Vec<Duration>, Vec<f64>) {
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..WARMUP + RUNS {
        let ta = first_frame(floor());
        let tb = first_frame(program());
        if i >= WARMUP {
            a.push(ta);
            b.push(tb);
            ratios.push(tb.as_secs_f64() / ta.as_secs_f64());
        }
    }
    (a, b, ratios)
}

/// Spawns `cmd` in a fresh pty and returns the time from just before the spawn to
/// the end of its first frame read on the master side; then waits for it to exit.
fn first_frame(cmd: CommandBuilder) -> Duration {
    let pair = native_pty_system().openpty(SIZE).expect("openpty");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn in pty");
    drop(pair.slave);
    let mut seen = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let mut done = None;
    // Read until the child closes the pty (EOF or EIO), noting when the frame ended.
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        if done.is_none() {
            seen.extend_from_slice(&buf[..n]);
            if frame_ended(&seen) {
                done = Some(start.elapsed());
            }
        }
    }
    let status = child.wait().expect("child exits");
    assert!(status.success(), "exit {status:?}: {}", String::from_utf8_lossy(&seen));
    done.unwrap_or_else(|| panic!("no complete frame seen: {}", String::from_utf8_lossy(&seen)))
}

/// Whether `out` holds the alternate screen's start and, after it, the cursor hidden at the end of a frame.
fn frame_ended(out: &[u8]) -> bool {
    find(out, ENTER_ALT).is_some_and(|at| find(&out[at..], HIDE_CURSOR).is_some())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Median, quartiles and extremes: one slow run (the disk's journal, a preempted
/// process) moves the extremes, not the quartiles.
fn summary(times: &[Duration]) -> String {
    let ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
    let (min, max) = ms.iter().fold((f64::INFINITY, 0.0_f64), |(lo, hi), &t| (lo.min(t), hi.max(t)));
    let (q1, median, q3) = quartiles(ms);
    format!("{median:>6.2} ms (quartiles {q1:.2}..{q3:.2}, min {min:.2}, max {max:.2})")
}

/// First quartile, median and third quartile.
fn quartiles(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 4], v[v.len() / 2], v[v.len() * 3 / 4])
}
