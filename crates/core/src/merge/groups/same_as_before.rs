//! The merge finds the pairs it found when it compared every pair of factors
//! with `strsim`: same sessions, same reports, on the bundled groups and on
//! generated ones.

use super::*;
use crate::domain::similarity::GREY;

#[path = "../../../../../benches/common/groups.rs"]
mod generated;

/// The pair search as it was: every pair of items from different inputs, every
/// pair of their wordings folded again and scored with `strsim`'s hash maps.
fn every_pair(items: &[Item]) -> Vec<(usize, usize, f64)> {
    let fold = |t: &str| deunicode::deunicode(&crate::domain::text::display_safe(t)).to_lowercase();
    let similarity = |a: &str, b: &str| {
        let (a, b) = (fold(a), fold(b));
        if a == b { 1.0 } else { strsim::sorensen_dice(&a, &b) }
    };
    let wordings = |it: &Item| -> Vec<String> {
        std::iter::once(it.factor.text.clone()).chain(it.factor.origins.iter().map(|o| o.text.clone())).collect()
    };
    let mut out = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[i].input == items[j].input {
                continue;
            }
            let (a, b) = (wordings(&items[i]), wordings(&items[j]));
            let score = a.iter().flat_map(|x| b.iter().map(|y| similarity(x, y))).fold(0.0, f64::max);
            if score >= GREY {
                out.push((i, j, score));
            }
        }
    }
    out
}

fn opts(accept_similar: bool) -> Options {
    // The first group's wording: what the merge did before `--prefer`.
    super::tests::opts_preferring(Prefer::First, accept_similar)
}

/// Merges `inputs` both ways, with and without `--accept-similar`, and returns
/// how many near-duplicate, grey and cross-quadrant pairs there were.
fn same_as_before(inputs: &[Input]) -> (usize, usize, usize) {
    let items: Vec<Item> = inputs
        .iter()
        .enumerate()
        .flat_map(|(n, input)| {
            Quadrant::ALL
                .into_iter()
                .flat_map(move |q| input.session.factors(q).iter().map(move |f| Item::new(n, q, f.clone(), Vec::new())))
        })
        .collect();
    let before = every_pair(&items);
    assert_eq!(alike::alike(&items), before);
    for accept in [false, true] {
        let (new, old) = (merge(inputs, &opts(accept)), merge_with(inputs, &opts(accept), every_pair));
        assert_eq!(format!("{new:?}"), format!("{old:?}"));
    }
    let same = |i: usize, j: usize| items[i].quadrant == items[j].quadrant;
    let count = |f: &dyn Fn(&(usize, usize, f64)) -> bool| before.iter().filter(|p| f(p)).count();
    (
        count(&|&(i, j, s)| same(i, j) && Likeness::of(s) == Likeness::Same),
        count(&|&(i, j, s)| same(i, j) && Likeness::of(s) == Likeness::Grey),
        count(&|&(i, j, s)| !same(i, j) && Likeness::of(s) == Likeness::Same),
    )
}

fn generated_inputs(groups: usize, per_group: usize, seed: u64) -> Vec<Input> {
    generated::groups(groups, per_group, seed)
        .into_iter()
        .map(|g| {
            let mut s = Session::new(&g.name, Timestamp::UNIX_EPOCH);
            s.meta.group = Some(g.name.clone());
            for (q, text, votes) in g.factors {
                let q = Quadrant::ALL[q];
                let mut f = Factor::new(s.next_id(q.prefix()), text);
                f.votes = votes;
                s.factors_mut(q).push(f);
            }
            Input::new(s, &g.name)
        })
        .collect()
}

#[test]
fn bundled_groups_merge_as_before() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["sessions/grupos", "sessions", "tests/fixtures"] {
        let mut here: Vec<_> = std::fs::read_dir(crate::repo::path(dir))
            .expect("bundled folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        here.sort();
        files.extend(here);
    }
    let inputs: Vec<Input> =
        files.iter().map(|f| Input::new(crate::storage::load(f).expect("bundled session loads"), "x")).collect();
    let groups = &inputs[..3];
    let (same, _, _) = same_as_before(groups);
    assert!(same > 0, "the bundled groups share factors");
    same_as_before(&inputs);
}

#[test]
fn generated_groups_merge_as_before() {
    for seed in [1, 7, 2026] {
        let inputs = generated_inputs(5, 40, seed);
        let (same, grey, cross) = same_as_before(&inputs);
        assert!(same > 0 && grey > 0 && cross > 0, "seed {seed}: {same} {grey} {cross}");
    }
}

#[test]
fn merged_sessions_merge_again_as_before() {
    // A merged session's factors carry every wording: all of them are compared.
    let first = merge(&generated_inputs(3, 30, 11), &opts(false));
    let mut inputs = vec![Input::new(first.session, "fusión")];
    inputs.extend(generated_inputs(3, 30, 12));
    assert!(inputs[0].session.strengths.iter().any(|f| f.origins.len() > 1));
    same_as_before(&inputs);
}
