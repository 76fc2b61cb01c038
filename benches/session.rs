//! Benchmarks: load and save of a 10,000-factor session, what opening it costs
//! beyond the parse, one frame of it at 120x40.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
mod common;
use common::big_session;
use dafo::app::App;
use dafo::i18n::Lang;
use dafo::storage;
use dafo::ui::{self, theme::Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn benches(c: &mut Criterion) {
    let session = big_session(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    storage::save(&path, &session).expect("save");
    let text = storage::to_ron(&session);

    c.bench_function("load 10k factors (read + parse)", |b| b.iter(|| storage::load(black_box(&path)).expect("load")));
    c.bench_function("parse 10k factors (in memory)", |b| {
        b.iter(|| storage::parse(black_box(&text), Path::new("big.ron")).expect("parse"))
    });
    // What opening adds to the parse: the file read again, its fingerprint (the
    // content hash a journal follows), and opening as the TUI does.
    c.bench_function("read 10k factors (bytes only)", |b| b.iter(|| std::fs::read(black_box(&path)).expect("read")));
    c.bench_function("read + content hash of 10k factors", |b| {
        b.iter(|| storage::file_hash(black_box(&path)).expect("hash"))
    });
    c.bench_function("open 10k factors as the TUI does (lock, read, parse, hash, editor)", |b| {
        b.iter(|| App::open(black_box(&path), Lang::Es).expect("open"))
    });
    c.bench_function("serialize 10k factors (in memory)", |b| b.iter(|| storage::to_ron(black_box(&session))));
    c.bench_function("save 10k factors (atomic: temp + fsync + rename)", |b| {
        b.iter(|| storage::save(black_box(&path), &session).expect("save"))
    });

    let tui_path = dir.path().join("tui.ron");
    storage::save(&tui_path, &session).expect("save");
    let (mut file, _) = storage::SessionFile::open(&tui_path).expect("open");
    c.bench_function("save 10k factors as autosave does (disk check + backup + atomic)", |b| {
        b.iter(|| file.save(black_box(&session)).expect("save"))
    });
    drop(file);

    let app = App::open(&path, Lang::Es).expect("open");
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 120, 40);
    c.bench_function("render one frame of 10k factors at 120x40", |b| {
        b.iter(|| {
            let mut buf = Buffer::empty(area);
            ui::render(black_box(&app), &theme, area, &mut buf);
            buf
        })
    });
}

criterion_group! {
    name = session;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(session);
