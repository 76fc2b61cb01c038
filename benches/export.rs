//! Exports of a workshop-size session (the Almendral sample) and of a
//! 10,000-factor one: docx, html and md, in process (criterion), and the size
//! of each output printed first. Peak memory is a whole-process figure: see
//! docs/performance.md (`/usr/bin/time -v dafo export FILE -o OUT`).
//! Run with `cargo bench --bench export`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use dafo::export::{Format, bytes_on};
use dafo::i18n::Lang;

mod common;
use common::big_session;

const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);
const FORMATS: [(&str, Format); 3] = [("docx", Format::Docx), ("html", Format::Html), ("md", Format::Md)];

fn benches(c: &mut Criterion) {
    let sample = dafo::storage::load(Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron"))
        .expect("the sample loads");
    let big = big_session(10_000);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for (name, session) in [("sample", &sample), ("10k factors", &big)] {
        for (ext, format) in FORMATS {
            let size = bytes_on(session, Lang::Es, format, DAY).len();
            println!("{ext} of {name}: {size} bytes");
            group.bench_function(format!("{ext} of {name}"), |b| {
                b.iter(|| bytes_on(black_box(session), Lang::Es, format, DAY))
            });
        }
    }
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
