//! Benchmark of the git merge driver's three-way merge (issue 25): two
//! branches of a 5,000- and a 20,000-factor session, each editing a tenth of
//! the factors and adding 50 per quadrant under the same new IDs (so the other
//! side's are renumbered). The time should grow linearly with the size.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
mod common;
use common::big_session;
use dafo::domain::{Quadrant, Session};
use dafo::merge::three_way::merge3;

fn side(base: &Session, tag: &str, every: usize) -> Session {
    let mut s = base.clone();
    for q in Quadrant::ALL {
        let list = s.factors_mut(q);
        for (i, f) in list.iter_mut().enumerate() {
            if i % 10 == every {
                f.text.push_str(tag);
            }
        }
        let texts: Vec<String> = (0..50).map(|i| format!("nuevo {tag} {i}")).collect();
        if let Some(e) = s.add_factors(q, texts.iter().map(String::as_str)) {
            let _ = s.apply(e);
        }
    }
    s
}

fn benches(c: &mut Criterion) {
    for n in [5_000, 20_000] {
        let base = big_session(n);
        let (ours, theirs) = (side(&base, " (a)", 0), side(&base, " (b)", 5));
        c.bench_function(&format!("merge driver, {n} factors"), |b| {
            b.iter(|| merge3(black_box(&base), &ours, &theirs).expect("merge"))
        });
    }
}

criterion_group! {
    name = merge_driver;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(merge_driver);
