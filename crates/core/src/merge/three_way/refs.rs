//! Renumbering in the three-way merge: items created on both branches under
//! the same ID get a fresh ID on the other branch's side, and every reference
//! to them there follows (links, strategies' factors, líneas' eje and
//! indicators, actions' línea and indicators, retos' sources, reviews' action,
//! indicator values' indicator). All renames are applied in one walk.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{ACTION_LISTS, FACTOR_LISTS, Ids, id_lists, item_id};

/// What kind of item an ID names; a reference names one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Factor,
    Action,
    Strategy,
    Axis,
    Line,
    Indicator,
}

/// The kind of the items of `list`.
pub(super) fn kind_of(list: &str) -> Option<Kind> {
    Some(match list {
        _ if FACTOR_LISTS.contains(&list) => Kind::Factor,
        _ if ACTION_LISTS.contains(&list) => Kind::Action,
        "strategies" => Kind::Strategy,
        "axes" => Kind::Axis,
        "lines" => Kind::Line,
        "indicators" => Kind::Indicator,
        _ => return None,
    })
}

/// The kind of ID held by the strings of an array under `key`.
fn array_kind(key: &str) -> Option<Kind> {
    match key {
        "links" | "factors" => Some(Kind::Factor),
        "indicators" => Some(Kind::Indicator),
        _ => None,
    }
}

/// The kind of ID held by a string field named `key` (a reto's source is
/// `{"Factor": "D1"}`).
fn field_kind(key: &str) -> Option<Kind> {
    Some(match key {
        "Factor" => Kind::Factor,
        "Action" | "action" => Kind::Action,
        "Strategy" => Kind::Strategy,
        "axis" => Kind::Axis,
        "line" => Kind::Line,
        "indicator" => Kind::Indicator,
        _ => return None,
    })
}

type Renames = HashMap<(Kind, String), String>;

fn rename(s: &mut String, kind: Kind, renames: &Renames) {
    if let Some(new) = renames.get(&(kind, s.clone())) {
        *s = new.clone();
    }
}

fn walk(v: &mut Value, key: &str, renames: &Renames) {
    match v {
        Value::Array(items) => {
            let kind = array_kind(key);
            for item in items {
                match (item, kind) {
                    (Value::String(s), Some(k)) => rename(s, k, renames),
                    (item, _) => walk(item, key, renames),
                }
            }
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match (v, field_kind(k)) {
                    (Value::String(s), Some(kind)) => rename(s, kind, renames),
                    (v, _) => walk(v, k, renames),
                }
            }
        }
        _ => {}
    }
}

/// Items created on both sides under the same ID with different content: the
/// other side's item gets a fresh ID, and its references follow.
pub(super) fn renumber_twins(base: &Value, ours: &Value, theirs: &mut Value, ids: &mut Ids) {
    let mut twins: Vec<(String, String)> = Vec::new();
    for (list, items) in id_lists(theirs) {
        let base_ids: HashSet<&str> = base[list].as_array().into_iter().flatten().filter_map(item_id).collect();
        let our_items: HashMap<&str, &Value> =
            ours[list].as_array().into_iter().flatten().filter_map(|i| Some((item_id(i)?, i))).collect();
        for item in items {
            let Some(id) = item_id(item) else { continue };
            if !base_ids.contains(id) && our_items.get(id).is_some_and(|o| *o != item) {
                twins.push((list.to_owned(), id.to_owned()));
            }
        }
    }
    if twins.is_empty() {
        return;
    }
    let mut by_list: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut renames = Renames::new();
    for (list, old) in twins {
        let new = ids.fresh(&list, &old);
        if let Some(kind) = kind_of(&list) {
            renames.insert((kind, old.clone()), new.clone());
        }
        by_list.entry(list).or_default().insert(old, new);
    }
    for (list, map) in &by_list {
        for item in theirs[list.as_str()].as_array_mut().into_iter().flatten() {
            if let Some(new) = item_id(item).and_then(|id| map.get(id)) {
                item["id"] = Value::String(new.clone());
            }
        }
    }
    if let Some(obj) = theirs.as_object_mut() {
        for (k, v) in obj.iter_mut() {
            if k != "meta" && k != "last_ids" {
                walk(v, k, &renames);
            }
        }
    }
}

/// Every reference `v` holds (under the key `key`), as its kind and the ID it names.
fn collect(v: &Value, key: &str, out: &mut Vec<(Kind, String)>) {
    match v {
        Value::Array(items) => {
            let kind = array_kind(key);
            for item in items {
                match (item, kind) {
                    (Value::String(s), Some(k)) => out.push((k, s.clone())),
                    (item, _) => collect(item, key, out),
                }
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                match (v, field_kind(k)) {
                    (Value::String(s), Some(kind)) => out.push((kind, s.clone())),
                    (v, _) => collect(v, k, out),
                }
            }
        }
        _ => {}
    }
}

/// Every reference in a session, with what holds it and what it names.
pub(super) type References = HashSet<(String, Kind, String)>;

/// Every reference in session `v`, each with what holds it: the list and the
/// item's ID (an entry without one, such as a review, by its whole content).
pub(super) fn references(v: &Value) -> References {
    let mut out = HashSet::new();
    let mut found = Vec::new();
    for (k, v) in v.as_object().into_iter().flatten() {
        if k == "meta" || k == "last_ids" {
            continue;
        }
        let items: Vec<&Value> = match v.as_array() {
            Some(items) => items.iter().collect(),
            None => vec![v],
        };
        for item in items {
            collect(item, k, &mut found);
            let holder = item_id(item).map_or_else(|| format!("{k} {item}"), |id| format!("{k} {id}"));
            out.extend(found.drain(..).map(|(kind, id)| (holder.clone(), kind, id)));
        }
    }
    out
}

/// The items `side` refers to where the base (its `before` references) did
/// not: a link, a línea, an eje or an indicator given to an item, or a new
/// item referring to them. By kind, their IDs.
pub(super) fn added(before: &References, side: &Value) -> HashMap<Kind, HashSet<String>> {
    let mut out: HashMap<Kind, HashSet<String>> = HashMap::new();
    for (holder, kind, id) in references(side) {
        if !before.contains(&(holder, kind, id.clone())) {
            out.entry(kind).or_default().insert(id);
        }
    }
    out
}
