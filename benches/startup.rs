//! Start to first frame, timed from outside in a pseudo-terminal, against two
//! references, as issue 23 settles the target:
//! - the floor, `examples/startup_floor.rs`: a minimal ratatui program doing the
//!   work any such tool must do (clap, the lock file, read and parse the same RON
//!   session with serde, draw its factors in the same wrapped 2x2 grid), at the
//!   sample session and at 32, 1,000 and 10,000 factors: target <= 1.15x;
//! - `vim -u NONE` opening the same factors as Markdown, at 32 and 1,000 factors
//!   (and 10,000, for information): target <= 1.1x.
//!
//! Run with `cargo bench --bench startup` (it builds the floor with the bench
//! profile first); `DAFO_BENCH_PAIRS=N` sets the number of pairs (201 by default,
//! at least 21 as the issue asks).
//!
//! Each program is spawned straight into a pty (no shell, no `script`); the clock
//! runs from just before the spawn to the moment the master side has read the end
//! of the first frame: ratatui hides the cursor right after flushing a frame's
//! cells, so for dafo and the floor the first `ESC[?25l` after `ESC[?1049h` closes
//! frame one; vim hides the cursor while it draws and shows it again when the
//! screen is complete, so for vim it is the first `ESC[?25h`. dafo quits there
//! (`DAFO_BENCH_FIRST_FRAME`), the floor after its only frame, vim when it is sent
//! `:qa!`. The two of a pair run in turn (reference, dafo, reference, dafo...) so
//! that drift hits both alike, and the ratio is the median of the pairwise ratios.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod common;
use common::big_session;
use dafo::domain::{Quadrant, Session};
use dafo::storage;

const WARMUP: usize = 10;
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const SIZE: PtySize = PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 };

/// How a program says its first frame is on the screen, and how it is made to quit.
#[derive(Clone, Copy)]
enum Kind {
    /// dafo and the floor: the first frame's end hides the cursor; they quit by themselves.
    Ratatui,
    /// vim: the cursor shown again ends the first screen; `:qa!` ends vim.
    Vim,
}

fn main() {
    // Enough pairs that the median ratio moves by a few hundredths between runs
    // (with 21 it moved by 0.3x on the same binaries); a pair takes about 6 ms.
    let pairs: usize = std::env::var("DAFO_BENCH_PAIRS").ok().and_then(|v| v.parse().ok()).unwrap_or(201).max(21);
    let dir = tempfile::tempdir().expect("temp dir");
    // Both programs run from copies, as installed (`cargo install`, the Debian
    // package) or read back from disk: the files the linker has just written
    // stay in the page cache in small pages, and a program that touches more of
    // its code then pays for more page faults at start (dafo 1.24x the floor
    // from the linker's files against 1.16x from copies, the same bytes).
    let installed = |built: &Path| {
        let copy = dir.path().join(built.file_name().expect("a program file"));
        std::fs::copy(built, &copy).expect("copy the program");
        copy
    };
    let floor = installed(&build_floor());
    let dafo = &installed(Path::new(env!("CARGO_BIN_EXE_dafo")));
    let sample = dir.path().join("sample.ron");
    std::fs::copy("sessions/palencia-ciudad-de-los-cuidados.ron", &sample).expect("copy sample");
    let megabytes = |p: &Path| std::fs::metadata(p).map(|m| m.len() as f64 / 1e6).unwrap_or(f64::NAN);

    println!(
        "start to first frame in a {}x{} pty, medians of {pairs} interleaved pairs (dafo {:.2} MB, floor {:.2} MB):",
        SIZE.cols,
        SIZE.rows,
        megabytes(dafo),
        megabytes(&floor)
    );
    let mut cases: Vec<(String, PathBuf, Option<PathBuf>)> = vec![("sample (30 factors)".into(), sample, None)];
    for n in [32, 1_000, 10_000] {
        let session = big_session(n);
        let ron = dir.path().join(format!("s{n}.ron"));
        storage::save(&ron, &session).expect("save");
        let md = dir.path().join(format!("s{n}.md"));
        std::fs::write(&md, markdown(&session)).expect("write markdown");
        cases.push((format!("{n} factors"), ron, Some(md)));
    }
    for (name, ron, md) in &cases {
        let reference = || spawnable(&floor, ron, dir.path());
        let program = || spawnable(dafo, ron, dir.path());
        let (a, b, ratios) = paired(pairs, (reference, Kind::Ratatui), (program, Kind::Ratatui));
        println!("  {name} ({:.3} MB)", megabytes(ron));
        println!("    floor                 {}", summary(&a));
        println!("    dafo                  {}", summary(&b));
        let (q1, median, q3) = quartiles(ratios);
        println!("    dafo / floor          {median:.2}x (quartiles {q1:.2}..{q3:.2})  (target <= 1.15x)");
        if let Some(md) = md {
            let vim = || {
                let mut cmd = CommandBuilder::new("vim");
                cmd.args(["-u", "NONE", "-i", "NONE", "-n"]);
                cmd.arg(md);
                term(cmd, dir.path())
            };
            let (a, _, ratios) = paired(pairs, (vim, Kind::Vim), (program, Kind::Ratatui));
            let (q1, median, q3) = quartiles(ratios);
            println!("    vim -u NONE, Markdown {} ({:.3} MB)", summary(&a), megabytes(md));
            println!(
                "    dafo / vim            {median:.2}x (quartiles {q1:.2}..{q3:.2})  (target <= 1.1x at 32 and 1,000)"
            );
        }
    }
}

/// The factors of `session` as a Markdown file: a heading per quadrant, an item per factor.
fn markdown(session: &Session) -> String {
    let mut out = format!("# {}\n", session.meta.title);
    for q in Quadrant::ALL {
        out.push_str(&format!("\n## {q:?}\n\n"));
        for f in session.factors(q) {
            out.push_str(&format!("- {} {}\n", f.id, f.text));
        }
    }
    out
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

fn spawnable(program: &Path, file: &Path, cwd: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.arg(file);
    cmd.env("DAFO_BENCH_FIRST_FRAME", "1");
    term(cmd, cwd)
}

fn term(mut cmd: CommandBuilder, cwd: &Path) -> CommandBuilder {
    cmd.cwd(cwd);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs the reference and the program in turn, after a warm-up; returns both
/// timings and each pair's ratio, program over reference.
fn paired(
    pairs: usize,
    reference: (impl Fn() -> CommandBuilder, Kind),
    program: (impl Fn() -> CommandBuilder, Kind),
) -> (Vec<Duration>, Vec<Duration>, Vec<f64>) {
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..WARMUP + pairs {
        let ta = first_frame(reference.0(), reference.1);
        let tb = first_frame(program.0(), program.1);
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
fn first_frame(cmd: CommandBuilder, kind: Kind) -> Duration {
    let pair = native_pty_system().openpty(SIZE).expect("openpty");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn in pty");
    drop(pair.slave);
    let end = match kind {
        Kind::Ratatui => HIDE_CURSOR,
        Kind::Vim => SHOW_CURSOR,
    };
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
            if frame_ended(&seen, end) {
                done = Some(start.elapsed());
                if let Kind::Vim = kind {
                    writer.write_all(b"\x1b:qa!\r").expect("quit vim");
                }
            }
        }
    }
    let status = child.wait().expect("child exits");
    assert!(status.success(), "exit {status:?}: {}", String::from_utf8_lossy(&seen));
    done.unwrap_or_else(|| panic!("no complete frame seen: {}", String::from_utf8_lossy(&seen)))
}

/// Whether `out` holds the alternate screen's start and, after it, `end`: the end of a first frame.
fn frame_ended(out: &[u8], end: &[u8]) -> bool {
    find(out, ENTER_ALT).is_some_and(|at| find(&out[at..], end).is_some())
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
