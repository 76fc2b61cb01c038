//! `dafo merge` of 3, 10 and 50 generated focus groups of about 110 factors
//! each (see `common/groups.rs`): the merge itself in process (criterion), then
//! the whole `dafo merge` command as a process, median of a few runs. Run with
//! `cargo bench --bench merge`. With `MERGE_BENCH_DIR=DIR` the group files are
//! kept in `DIR/3`, `DIR/10`, `DIR/50` to time other builds on the same input.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dafo::domain::{Factor, Quadrant, Session};
use dafo::merge::{Input, Options, merge};
use dafo::storage;

#[path = "common/groups.rs"]
mod groups;

const SIZES: [usize; 3] = [3, 10, 50];
const PER_GROUP: usize = 110;
const PROCESS_RUNS: usize = 5;

fn sessions(n: usize) -> Vec<Session> {
    groups::groups(n, PER_GROUP, 2026)
        .into_iter()
        .map(|g| {
            let mut s = Session::new(&g.name, jiff::Timestamp::UNIX_EPOCH);
            s.meta.group = Some(g.name.clone());
            for (q, text, votes) in g.factors {
                let q = Quadrant::ALL[q];
                let mut f = Factor::new(s.next_id(q.prefix()), text);
                f.votes = votes;
                let list = s.factors_mut(q);
                list.push(f);
            }
            s
        })
        .collect()
}

fn in_process(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for n in SIZES {
        let inputs: Vec<Input> = sessions(n).into_iter().map(|s| Input::new(s, "grupo")).collect();
        let factors: usize = inputs.iter().map(|i| i.session.total()).sum();
        let opts = Options {
            title: "Diagnóstico".into(),
            now: jiff::Timestamp::UNIX_EPOCH,
            accept_similar: false,
            joined: Vec::new(),
            prefer: dafo::merge::Prefer::default(),
            wordings: Vec::new(),
        };
        group
            .bench_function(format!("{n} groups ({factors} factors)"), |b| b.iter(|| merge(black_box(&inputs), &opts)));
    }
    group.finish();
}

/// Writes the groups of each size as files and times `dafo merge` on them.
fn whole_process() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = std::env::var_os("MERGE_BENCH_DIR").map(PathBuf::from).unwrap_or_else(|| temp.path().to_owned());
    let dafo = Path::new(env!("CARGO_BIN_EXE_dafo"));
    println!("dafo merge as a whole process, median of {PROCESS_RUNS} runs (after one warm-up):");
    for n in SIZES {
        let dir = root.join(n.to_string());
        std::fs::create_dir_all(&dir).expect("bench folder");
        let files: Vec<PathBuf> = sessions(n)
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = dir.join(format!("grupo-{:02}.ron", i + 1));
                storage::save(&path, s).expect("save group");
                path
            })
            .collect();
        let out = temp.path().join(format!("merged-{n}.ron"));
        let mut times: Vec<Duration> = (0..=PROCESS_RUNS)
            .map(|_| {
                let start = Instant::now();
                let status = Command::new(dafo)
                    .arg("merge")
                    .args(&files)
                    .arg("-o")
                    .arg(&out)
                    .arg("--force")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .expect("run dafo merge");
                assert!(status.success(), "dafo merge failed");
                start.elapsed()
            })
            .skip(1)
            .collect();
        times.sort();
        println!("  {n:>2} groups: {:>8.1} ms", times[PROCESS_RUNS / 2].as_secs_f64() * 1e3);
    }
}

fn benches(c: &mut Criterion) {
    whole_process();
    in_process(c);
}

criterion_group!(merge_benches, benches);
criterion_main!(merge_benches);
