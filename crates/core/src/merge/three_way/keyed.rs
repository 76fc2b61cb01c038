//! The plan and the follow-up in the three-way merge: lists whose entries are
//! known by a key rather than an `id` (reviews by action and year, yearly
//! records by year, indicator values by indicator and year) merge entry by
//! entry; the misión and visión merge as whole texts; valores as a set. A real
//! clash keeps one version in place and the other as a [`Clash`], so nothing
//! is lost and `dafo check` refuses the file until someone chooses.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::merge_item;
use crate::domain::clash::{Clash, Key, Version};

/// The lists merged by key, and the fields their key is made of.
pub(super) fn key_fields(list: &str) -> Option<&'static [&'static str]> {
    Some(match list {
        "reviews" => &["action", "year"],
        "review_years" => &["year"],
        "indicator_values" => &["indicator", "year"],
        _ => return None,
    })
}

fn key_of(item: &Value, fields: &[&str]) -> String {
    fields.iter().map(|f| item.get(*f).map(Value::to_string).unwrap_or_default()).collect::<Vec<_>>().join(" ")
}

fn index<'a>(v: &'a Value, fields: &[&str]) -> HashMap<String, &'a Value> {
    v.as_array().into_iter().flatten().map(|i| (key_of(i, fields), i)).collect()
}

/// The typed version of an entry of `list`, as a clash keeps it.
pub(super) fn version(list: &str, v: Value) -> Option<Version> {
    Some(match list {
        "mission" => Version::Mission(serde_json::from_value(v).ok()?),
        "vision" => Version::Vision(serde_json::from_value(v).ok()?),
        "challenges" => Version::Challenge(serde_json::from_value(v).ok()?),
        "axes" => Version::Axis(serde_json::from_value(v).ok()?),
        "lines" => Version::Line(serde_json::from_value(v).ok()?),
        "indicators" => Version::Indicator(serde_json::from_value(v).ok()?),
        "reviews" => Version::Review(serde_json::from_value(v).ok()?),
        "review_years" => Version::Year(serde_json::from_value(v).ok()?),
        "indicator_values" => Version::Value(serde_json::from_value(v).ok()?),
        _ => return None,
    })
}

/// A clash: `other` is the version not kept in place, `kept` the one kept
/// (for its key when a side deleted the entry: ours if `deleted_here`, else
/// theirs).
pub(super) fn clash(list: &str, kept: &Value, other: Option<&Value>, deleted_here: bool) -> Option<Clash> {
    match other {
        Some(o) => version(list, o.clone()).map(Clash::Other),
        None if deleted_here => version(list, kept.clone()).map(|v| Clash::DeletedHere(v.key())),
        None => version(list, kept.clone()).map(|v| Clash::Deleted(v.key())),
    }
}

/// Merges a list of entries by key. Entries of one year stay in year order.
pub(super) fn merge_keyed(list: &str, o: &Value, a: &Value, b: &Value, clashes: &mut Vec<Clash>) -> Value {
    let Some(fields) = key_fields(list) else { return a.clone() };
    let (om, am, bm) = (index(o, fields), index(a, fields), index(b, fields));
    let mut out: Vec<Value> = Vec::new();
    // `deleted_here`: ours deleted the entry theirs changed.
    let mut record = |kept: &Value, other: Option<&Value>, deleted_here: bool, out: &mut Vec<Value>| {
        clashes.extend(clash(list, kept, other, deleted_here));
        out.push(kept.clone());
    };
    for item in a.as_array().into_iter().flatten() {
        let key = key_of(item, fields);
        match (om.get(&key), bm.get(&key)) {
            (base, Some(theirs)) => {
                let (merged, other) = merge_item(base.copied().unwrap_or(&Value::Null), item, theirs);
                match other {
                    Some(other) => record(&merged, Some(&other), false, &mut out),
                    None => out.push(merged),
                }
            }
            (Some(base), None) if *base == item => {}
            (Some(_), None) => record(item, None, false, &mut out),
            (None, None) => out.push(item.clone()),
        }
    }
    for item in b.as_array().into_iter().flatten() {
        let key = key_of(item, fields);
        match (om.get(&key), am.contains_key(&key)) {
            (_, true) => {}
            (None, false) => out.push(item.clone()),
            (Some(base), false) if *base == item => {}
            (Some(_), false) => record(item, None, true, &mut out),
        }
    }
    if fields.contains(&"year") {
        out.sort_by_key(|v| v.get("year").and_then(Value::as_i64).unwrap_or(0));
    }
    Value::Array(out)
}

/// Merges the misión or the visión: a text changed on both sides differently
/// keeps ours in place and theirs as a clash; changed against removed keeps the
/// changed one.
pub(super) fn merge_text(list: &str, o: &Value, a: &Value, b: &Value, clashes: &mut Vec<Clash>) -> Value {
    if a == o || a == b {
        return b.clone();
    }
    if b == o {
        return a.clone();
    }
    let key = if list == "mission" { Key::Mission } else { Key::Vision };
    let kept = match (a.is_null(), b.is_null()) {
        // Ours removed it, theirs changed it: theirs is kept in place.
        (true, _) => {
            clashes.push(Clash::DeletedHere(key));
            b
        }
        (_, true) => {
            clashes.push(Clash::Deleted(key));
            a
        }
        _ => {
            clashes.extend(version(list, b.clone()).map(Clash::Other));
            a
        }
    };
    kept.clone()
}

/// Merges a list of plain values (valores, clashes left by an earlier merge)
/// as a set: what either side added is kept, what one side removed goes.
/// Our order first, then their additions.
pub(super) fn merge_set(o: &Value, a: &Value, b: &Value) -> Value {
    let text = |v: &Value| v.to_string();
    let items = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let (oi, ai, bi) = (items(o), items(a), items(b));
    let base: HashSet<String> = oi.iter().map(text).collect();
    let ours: HashSet<String> = ai.iter().map(text).collect();
    let theirs: HashSet<String> = bi.iter().map(text).collect();
    let mut out: Vec<Value> =
        ai.into_iter().filter(|v| theirs.contains(&text(v)) || !base.contains(&text(v))).collect();
    let mut seen: HashSet<String> = out.iter().map(text).collect();
    for v in bi {
        let t = text(&v);
        if !ours.contains(&t) && !base.contains(&t) && seen.insert(t) {
            out.push(v);
        }
    }
    if out.is_empty() { Value::Null } else { Value::Array(out) }
}

/// IDs of items whose entries in `list` (reviews of an action, values of an
/// indicator) one side added or changed: deleting such an item on the other
/// side is a clash, not a delete.
pub(super) fn touched(list: &str, o: &Value, side: &Value) -> HashSet<String> {
    let Some(fields) = key_fields(list) else { return HashSet::new() };
    let om = index(o, fields);
    let owner = fields[0];
    side.as_array()
        .into_iter()
        .flatten()
        .filter(|v| om.get(&key_of(v, fields)) != Some(v))
        .filter_map(|v| v.get(owner)?.as_str().map(str::to_owned))
        .collect()
}
