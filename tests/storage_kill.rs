//! Crash test: a dafo saving a session over and over is killed with SIGKILL at random
//! moments; after every kill the file must read and hold every version the process
//! reported as saved. `DAFO_KILLS=N` changes the number of kills (200 by default);
//! the ignored test does 1,000.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions
#![cfg(unix)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dafo::storage::{self, commands::soak_version};
use proptest::prelude::RngExt;

use crate::common;

fn stray_temps(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).count())
        .unwrap_or(0)
}

fn kill_loop(kills: usize, budget: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("soak.ron");
    let backups = dir.path().join(storage::backup::BACKUP_DIR);
    let mut rng = common::clock_rng();
    let started = Instant::now();
    let (mut reported, mut on_disk, mut mid_save) = (0u64, 0u64, 0usize);
    let mut done = 0;
    while done < kills && started.elapsed() < budget {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["__soak", file.to_str().unwrap(), "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.random_range(0..40_000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert!(status.code().is_none(), "the soak process stopped by itself: {status}\n{err}");
        // Only whole lines: a version is reported once its save returned.
        let complete = out.rfind('\n').map_or("", |end| &out[..end]);
        if let Some(last) = complete.lines().last() {
            reported = reported.max(last.parse().unwrap());
        }
        if file.exists() {
            let loaded = storage::load_session(&file).unwrap_or_else(|e| panic!("after kill {done}: {e}"));
            let version = soak_version(&loaded.session).unwrap();
            assert!(version >= reported, "after kill {done}: file has {version}, {reported} was reported saved");
            assert!(version >= on_disk, "after kill {done}: went back from {on_disk} to {version}");
            // At most the save in flight when killed is unreported (the run resumes from
            // the file, which may hold the unreported save of the run before).
            let resumed_from = reported.max(on_disk);
            assert!(version <= resumed_from + 1, "after kill {done}: {version} on disk, resumed from {resumed_from}");
            mid_save += usize::from(version > reported);
            on_disk = version;
        } else {
            assert_eq!(reported, 0, "the file vanished");
        }
        // A killed save leaves at most one temp file; the next save removes it.
        let strays = stray_temps(dir.path()) + stray_temps(&backups);
        assert!(strays <= 1, "after kill {done}: {strays} temp files left");
        let backup_count = storage::backup::list_backups(&file).len();
        assert!(backup_count <= storage::backup::GENERATIONS, "{backup_count} backups");
        done += 1;
    }
    println!(
        "{done} kills in {:.1?}: last version on disk {on_disk}, {mid_save} kills after a save reached the disk but before it was reported",
        started.elapsed()
    );
    assert!(done >= kills.min(50), "only {done} kills within {budget:?}");
    assert!(on_disk > 0, "no save ever completed");
    // A fresh run still takes over the lock left by the killed one and saves.
    let out = Command::new(env!("CARGO_BIN_EXE_dafo")).args(["__soak", file.to_str().unwrap(), "1"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(soak_version(&storage::load(&file).unwrap()), Some(on_disk + 1));
    assert_eq!(stray_temps(dir.path()) + stray_temps(&backups), 0);
    assert!(!storage::lock::lock_path(&file).exists(), "a clean exit leaves no lock file");
}

#[test]
fn sigkill_while_saving_never_loses_a_saved_version() {
    let kills = std::env::var("DAFO_KILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    kill_loop(kills, Duration::from_secs(60));
}

#[test]
#[ignore = "a thousand kills take about half a minute; run with --ignored"]
fn a_thousand_kills() {
    kill_loop(1000, Duration::from_secs(600));
}
