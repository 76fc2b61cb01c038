//! The merge of N group sessions into one: same-quadrant near-duplicates become
//! one factor with every source and wording, grey-zone pairs are kept apart
//! (or joined on request), the same item in two quadrants is kept in both and
//! reported, actions and strategies follow their factors under fresh IDs.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;

use crate::domain::similarity::{Likeness, Profile};
use crate::domain::sources::sources_of;
use crate::domain::{Came, Factor, Origin, Quadrant, Session, Strategy};

/// One session to merge, and the source its factors stand for when they name
/// none (its group, else its file name).
#[derive(Debug, Clone)]
pub struct Input {
    pub source: String,
    pub session: Session,
}

impl Input {
    /// The input's source: the session's group, else `fallback` (the file stem).
    pub fn new(session: Session, fallback: &str) -> Input {
        let source = session.meta.group.clone().unwrap_or_else(|| fallback.to_owned());
        Input { source, session }
    }
}

/// How to merge.
#[derive(Debug, Clone)]
pub struct Options {
    pub title: String,
    pub now: Timestamp,
    /// Join grey-zone pairs too, not only near-duplicates.
    pub accept_similar: bool,
    /// Grey-zone pairs to join (a facilitator said yes): [`Pair::link`] values.
    pub joined: Vec<Link>,
    /// Which wording a factor several groups said takes (`--prefer`).
    pub prefer: Prefer,
    /// Wordings the facilitator chose in the review list: the pair's link and
    /// the text that stays, for the factor the pair joins into.
    pub wordings: Vec<(Link, String)>,
}

/// Which wording a merged factor takes when several groups said it; every
/// wording stays in its origins whatever the choice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Prefer {
    /// The longest (the most detailed); on a tie, the first group's.
    #[default]
    Longest,
    /// The first group's, in the order the files were given (dafo's choice
    /// before `--prefer` existed).
    First,
    /// This group's when it said it, else the longest.
    Group(String),
}

impl Prefer {
    /// Which of `wordings` (each a text and the groups that said it) is chosen.
    pub fn pick(&self, wordings: &[(&str, &[String])]) -> usize {
        let longest = || {
            let mut best = 0;
            for (i, (text, _)) in wordings.iter().enumerate() {
                if text.chars().count() > wordings[best].0.chars().count() {
                    best = i;
                }
            }
            best
        };
        match self {
            Prefer::Longest => longest(),
            Prefer::First => 0,
            // The group as typed, any case or accents (`politicos` is «políticos»).
            Prefer::Group(g) => wordings
                .iter()
                .position(|(_, sources)| sources.iter().any(|s| crate::i18n::fold(s) == crate::i18n::fold(g)))
                .unwrap_or_else(longest),
        }
    }
}

impl std::str::FromStr for Prefer {
    type Err = String;

    /// `longest`, `first`, or a group's name.
    fn from_str(text: &str) -> Result<Prefer, String> {
        let name = crate::domain::text::clean_text(text);
        Ok(match name.as_str() {
            "" => return Err("--prefer takes longest, first or a group's name".to_owned()),
            "longest" => Prefer::Longest,
            "first" => Prefer::First,
            _ => Prefer::Group(name),
        })
    }
}

/// Two factors of the inputs, each as (input index, factor ID).
pub type Link = ((usize, String), (usize, String));

/// A factor of the result, as the report names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub quadrant: Quadrant,
    pub id: String,
    pub text: String,
    pub sources: Vec<String>,
}

/// Two factors of the result that may say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub a: Named,
    pub b: Named,
    pub score: f64,
    /// The two input factors behind the pair's best score: join them with
    /// [`Options::joined`].
    pub link: Link,
}

/// The result of a merge and what the room should look at.
#[derive(Debug, Clone)]
pub struct Merged {
    pub session: Session,
    /// The sources merged, in input order.
    pub sources: Vec<String>,
    /// Factors read from the inputs.
    pub read: usize,
    /// The same item placed in different quadrants by different groups.
    pub disagreements: Vec<Pair>,
    /// Grey-zone pairs: kept apart (or, with `accept_similar`, joined).
    pub grey: Vec<Pair>,
    pub accepted_similar: bool,
    /// Grey-zone pairs joined because [`Options::joined`] named them.
    pub joined: usize,
    /// Every grey-zone pair was answered (`--review`): the report gives no hint
    /// on how to join them.
    pub reviewed: bool,
    /// Actions and strategies that named factors missing from their own group's
    /// file: links dropped, or a strategy left out. Said in the report, never silent.
    pub dangling: Vec<Dangling>,
}

/// An action or strategy of one group that points at factors its file does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Dangling {
    /// The group it came from, its ID there and its text.
    pub source: String,
    pub id: String,
    pub text: String,
    /// The factor IDs that do not exist.
    pub missing: Vec<String>,
    /// A strategy needs both its factors: it was left out. An action is kept without those links.
    pub left_out: bool,
}

struct Item {
    input: usize,
    quadrant: Quadrant,
    factor: Factor,
    sources: Vec<String>,
    /// Every wording this item carries (merged inputs keep several), made
    /// ready for comparison once.
    profiles: Vec<Profile>,
}

impl Item {
    fn new(input: usize, quadrant: Quadrant, factor: Factor, sources: Vec<String>) -> Item {
        let wordings = std::iter::once(factor.text.as_str()).chain(factor.origins.iter().map(|o| o.text.as_str()));
        let profiles = wordings.map(Profile::new).collect();
        Item { input, quadrant, factor, sources, profiles }
    }
}

/// Finds the pairs of items, from different inputs, whose best score reaches
/// the grey zone: (i, j, score), i < j, in (i, j) order.
type PairFinder = fn(&[Item]) -> Vec<(usize, usize, f64)>;

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    parent[i] = r;
    r
}

fn union_in(list: &mut Vec<String>, more: &[String]) {
    for s in more {
        if !list.contains(s) {
            list.push(s.clone());
        }
    }
}

/// One value when every source agrees, else none (shown as a range).
fn agreed<T: PartialEq + Copy>(values: impl Iterator<Item = Option<T>>) -> Option<T> {
    let v: Vec<Option<T>> = values.collect();
    let first = *v.first()?;
    v.iter().all(|x| *x == first).then_some(first).flatten()
}

fn origins_of(item: &Item) -> Vec<Origin> {
    if !item.factor.origins.is_empty() {
        return item.factor.origins.clone();
    }
    let f = &item.factor;
    vec![Origin {
        source: item.sources.join(" · "),
        text: f.text.clone(),
        votes: f.votes,
        impact: f.impact,
        weight: f.weight,
        rating: f.rating,
    }]
}

/// Joins the items of one cluster into one factor (ID set later), worded as
/// `chosen` says (the review list) or else as `prefer` picks.
fn join(items: &[&Item], prefer: &Prefer, chosen: Option<&str>) -> Factor {
    let first = items[0];
    if items.len() == 1 {
        return Factor { sources: first.sources.clone(), conflict: None, ..first.factor.clone() };
    }
    let wordings: Vec<(&str, &[String])> = items.iter().map(|i| (i.factor.text.as_str(), &i.sources[..])).collect();
    let text = chosen.map_or_else(|| wordings[prefer.pick(&wordings)].0.to_owned(), str::to_owned);
    let mut sources = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    for it in items {
        union_in(&mut sources, &it.sources);
        origins.extend(origins_of(it));
    }
    let mut f = Factor::new("", text);
    // Saturates: u32::MAX votes from two groups stay u32::MAX, never wrap round.
    f.votes = items.iter().fold(0u32, |sum, i| sum.saturating_add(i.factor.votes));
    f.impact = agreed(origins.iter().map(|o| o.impact));
    f.weight = agreed(origins.iter().map(|o| o.weight));
    f.rating = agreed(origins.iter().map(|o| o.rating));
    f.carried = items.iter().all(|i| i.factor.carried);
    f.sources = sources;
    f.origins = origins;
    f.themes = items.iter().fold(Vec::new(), |all, i| crate::domain::themes::union(&all, &i.factor.themes));
    f
}

/// The wording the review list chose for a cluster: that of a pair one of
/// whose factors is in it, when it is one of the cluster's wordings.
fn chosen_wording<'a>(opts: &'a Options, members: &[&Item]) -> Option<&'a str> {
    let is_member = |(input, id): &(usize, String)| members.iter().any(|m| m.input == *input && m.factor.id == *id);
    opts.wordings
        .iter()
        .filter(|((a, b), _)| is_member(a) || is_member(b))
        .map(|(_, text)| text.as_str())
        .find(|text| members.iter().any(|m| m.factor.text == *text))
}

/// Merges `inputs` into one session. Inputs are only read.
pub fn merge(inputs: &[Input], opts: &Options) -> Merged {
    merge_with(inputs, opts, alike::alike)
}

fn merge_with(inputs: &[Input], opts: &Options, find_pairs: PairFinder) -> Merged {
    let mut items: Vec<Item> = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        for q in Quadrant::ALL {
            for f in input.session.factors(q) {
                let mut sources = sources_of(&input.session, f);
                if sources.is_empty() {
                    sources.push(input.source.clone());
                }
                items.push(Item::new(n, q, f.clone(), sources));
            }
        }
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut grey_pairs = Vec::new();
    let mut cross_pairs = Vec::new();
    for (i, j, score) in find_pairs(&items) {
        match (Likeness::of(score), items[i].quadrant == items[j].quadrant) {
            (Likeness::Same, true) => {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
            (Likeness::Grey, true) => grey_pairs.push((i, j, score)),
            (Likeness::Same, false) => cross_pairs.push((i, j, score)),
            _ => {}
        }
    }
    let refs = |i: usize| (items[i].input, items[i].factor.id.clone());
    let mut joined = 0;
    for &(i, j, _) in &grey_pairs {
        let (a, b) = (refs(i), refs(j));
        if !opts.accept_similar
            && opts.joined.iter().any(|l| *l == (a.clone(), b.clone()) || *l == (b.clone(), a.clone()))
        {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            parent[ri.max(rj)] = ri.min(rj);
            joined += 1;
        }
    }
    if opts.accept_similar {
        for &(i, j, _) in &grey_pairs {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    // Clusters in order of first appearance.
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut out = Session::new(&opts.title, opts.now);
    if let Some(first) = inputs.first() {
        out.meta.language = first.session.meta.language.clone();
        out.meta.labels = first.session.meta.labels;
        out.meta.place = inputs.iter().find_map(|i| i.session.meta.place.clone());
    }
    // Each group's own meeting data, in input order (a merged diagnosis merged
    // again brings its whole list).
    out.meta.meetings =
        inputs.iter().flat_map(|i| crate::domain::meetings::of_session(&i.session, &i.source)).collect();
    // The groups' lists of themes and impacts: none while every group uses the
    // defaults, else every group's list (its own or its language's defaults), so
    // that each group's names stay known.
    for tag in [crate::domain::themes::Tag::Theme, crate::domain::themes::Tag::Impact] {
        let own = |s: &Session| {
            if tag == crate::domain::themes::Tag::Theme { s.meta.themes.len() } else { s.meta.impacts.len() }
        };
        let list = if inputs.iter().all(|i| own(&i.session) == 0) {
            Vec::new()
        } else {
            let lists = inputs.iter().map(|i| crate::i18n::theme_words::list(&i.session, tag));
            lists.fold(Vec::new(), |all, l| crate::domain::themes::union(&all, &l))
        };
        match tag {
            crate::domain::themes::Tag::Theme => out.meta.themes = list,
            crate::domain::themes::Tag::Impact => out.meta.impacts = list,
        }
    }
    let sources: Vec<String> = {
        let mut all = Vec::new();
        for it in &items {
            union_in(&mut all, &it.sources);
        }
        all
    };
    out.meta.participants = (!sources.is_empty()).then(|| sources.join(", "));
    // item index -> (quadrant, new id)
    let mut new_id: Vec<String> = vec![String::new(); items.len()];
    for q in Quadrant::ALL {
        let mut joined: Vec<(Vec<usize>, Factor)> = clusters
            .values()
            .filter(|c| items[c[0]].quadrant == q)
            .map(|c| {
                let members: Vec<&Item> = c.iter().map(|&i| &items[i]).collect();
                (c.clone(), join(&members, &opts.prefer, chosen_wording(opts, &members)))
            })
            .collect();
        joined.sort_by_key(|(_, f)| std::cmp::Reverse(f.sources.len()));
        for (members, mut f) in joined {
            f.id = out.next_id(q.prefix());
            for m in members {
                new_id[m] = f.id.clone();
            }
            out.factors_mut(q).push(f);
        }
    }
    let named = |out: &Session, id: &str| -> Option<Named> {
        let (q, i) = out.find_factor(id)?;
        let f = &out.factors(q)[i];
        Some(Named { quadrant: q, id: f.id.clone(), text: f.text.clone(), sources: f.sources.clone() })
    };
    let pairs = |list: &[(usize, usize, f64)]| -> Vec<Pair> {
        let mut best: BTreeMap<(String, String), (f64, usize, usize)> = BTreeMap::new();
        for &(i, j, score) in list {
            let (a, b) = (new_id[i].clone(), new_id[j].clone());
            if a != b {
                let key = if a < b { (a, b) } else { (b, a) };
                let e = best.entry(key).or_insert((score, i, j));
                if score > e.0 {
                    *e = (score, i, j);
                }
            }
        }
        let mut v: Vec<Pair> = best
            .into_iter()
            .filter_map(|((a, b), (score, i, j))| {
                let (a, b) = (named(&out, &a)?, named(&out, &b)?);
                let (a, b) = if (b.quadrant, &b.id) < (a.quadrant, &a.id) { (b, a) } else { (a, b) };
                Some(Pair { a, b, score, link: (refs(i), refs(j)) })
            })
            .collect();
        v.sort_by(|x, y| (x.a.quadrant, &x.a.id).cmp(&(y.a.quadrant, &y.a.id)));
        v
    };
    let grey = if opts.accept_similar { Vec::new() } else { pairs(&grey_pairs) };
    let accepted = if opts.accept_similar { grey_pairs.len() } else { 0 };
    let disagreements = pairs(&cross_pairs);
    // (input, old ID) -> new ID; the first item wins, as a search from the start would find it.
    let mut by_old: HashMap<(usize, &str), &str> = HashMap::new();
    for (it, id) in items.iter().zip(&new_id) {
        by_old.entry((it.input, it.factor.id.as_str())).or_insert(id.as_str());
    }
    let map = |input: usize, old: &str| -> Option<String> { by_old.get(&(input, old)).map(|id| (*id).to_owned()) };
    let dangling = carry_plan(inputs, &mut out, &map);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let several = Quadrant::ALL.iter().map(|&q| out.factors(q).iter().filter(|f| f.origins.len() > 1).count()).sum();
    out.meta.merge = Some(crate::domain::meetings::MergeRecord {
        read: count(items.len()),
        joined: count(several),
        disagreements: count(disagreements.len()),
        grey: count(grey.len()),
    });
    Merged {
        dangling,
        session: out,
        sources,
        read: items.len(),
        disagreements,
        grey,
        accepted_similar: opts.accept_similar && accepted > 0,
        reviewed: false,
        joined,
    }
}

/// Carries every input's actions and strategies, their links re-pointed to the
/// merged factors and their IDs fresh. Their places in a group's plan (línea,
/// indicators) stay behind: the merged diagnosis has no plan yet, and an ID such
/// as `L1` would point at whatever línea is made first there.
fn carry_plan(inputs: &[Input], out: &mut Session, map: &dyn Fn(usize, &str) -> Option<String>) -> Vec<Dangling> {
    let mut dangling = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        let note = |id: &str, text: &str, missing: Vec<String>, left_out: bool| Dangling {
            source: input.source.clone(),
            id: id.to_owned(),
            text: text.to_owned(),
            missing,
            left_out,
        };
        for c in Came::ALL {
            for a in input.session.actions(c) {
                let mut links: Vec<String> = Vec::new();
                let mut missing = Vec::new();
                for l in &a.links {
                    match map(n, l) {
                        Some(id) if !links.contains(&id) => links.push(id),
                        Some(_) => {}
                        None => missing.push(l.clone()),
                    }
                }
                if !missing.is_empty() {
                    dangling.push(note(&a.id, &a.text, missing, false));
                }
                let k = out.bump(c.counter_key());
                let action = crate::domain::CameAction {
                    id: format!("{}{k}", c.prefix()),
                    links,
                    conflict: None,
                    line: None,
                    indicators: Vec::new(),
                    ..a.clone()
                };
                out.actions_mut(c).push(action);
            }
        }
        for s in &input.session.strategies {
            let mapped = [0, 1].map(|k| map(n, &s.factors[k]));
            let missing: Vec<String> =
                s.factors.iter().zip(&mapped).filter(|(_, m)| m.is_none()).map(|(old, _)| old.clone()).collect();
            if !missing.is_empty() {
                dangling.push(note(&s.id, &s.text, missing, true));
            }
            if let [Some(i), Some(e)] = mapped {
                let k = out.bump(s.kind.prefix());
                out.strategies.push(Strategy {
                    id: format!("{}{k}", s.kind.prefix()),
                    factors: [i, e],
                    conflict: None,
                    line: None,
                    ..s.clone()
                });
            }
        }
    }
    dangling
}

mod alike;

#[cfg(test)]
mod same_as_before;
#[cfg(test)]
mod tests;
