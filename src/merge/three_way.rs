//! The three-way merge of one session edited on two branches (the git merge
//! driver). Works on the session's JSON value, so it covers every list of items
//! with an `id`, including lists this module does not know by name:
//! - items are matched by ID; an item changed on one side takes that change,
//!   fields changed on both sides merge field by field, votes added on both
//!   sides add up (the same count on both is taken once);
//! - an item deleted on one side and untouched on the other is deleted;
//! - the same new ID created on both sides with different content: the other
//!   side's item is renumbered and every reference to it follows;
//! - ID counters take the highest value, the modified date the latest;
//! - a real conflict (the same field changed differently, or an edit against a
//!   delete) keeps both versions: the other side's becomes a sibling item marked
//!   with [`Conflict`]. Nothing is ever written as conflict markers.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::domain::{Conflict, Session};

/// Lists whose items can carry a [`Conflict`] mark.
const MARKABLE: [&str; 9] =
    ["strengths", "weaknesses", "opportunities", "threats", "maintain", "correct", "exploit", "confront", "strategies"];
/// Lists of factors: other items refer to their IDs.
const FACTOR_LISTS: [&str; 4] = ["strengths", "weaknesses", "opportunities", "threats"];
/// Lists of CAME actions, whose ID counters are kept as `accion-<prefix>`.
const ACTION_LISTS: [&str; 4] = ["maintain", "correct", "exploit", "confront"];

/// The merged session and what needs a person.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub session: Session,
    /// Conflicts marked in the session, one line each.
    pub conflicts: Vec<String>,
    /// Clashes that could not be marked (a metadata field, an unmarkable list):
    /// our side was kept.
    pub unmarked: Vec<String>,
}

impl Outcome {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.unmarked.is_empty()
    }
}

/// Hands out fresh IDs per list and prefix, above every ID seen and every counter.
struct Ids {
    top: BTreeMap<(String, String), u32>,
}

fn split_id(id: &str) -> (&str, Option<u32>) {
    let digits = id.len() - id.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
    let (prefix, n) = id.split_at(digits);
    (prefix, n.parse().ok())
}

fn counter_key(list: &str, prefix: &str) -> String {
    if ACTION_LISTS.contains(&list) { format!("accion-{prefix}") } else { prefix.to_owned() }
}

impl Ids {
    fn new(sides: &[&Value]) -> Ids {
        let mut top: BTreeMap<(String, String), u32> = BTreeMap::new();
        for side in sides {
            for (list, items) in id_lists(side) {
                for item in items {
                    if let Some(id) = item_id(item) {
                        let (prefix, n) = split_id(id);
                        let counter = side["last_ids"][counter_key(list, prefix)].as_u64().unwrap_or(0) as u32;
                        let e = top.entry((list.to_owned(), prefix.to_owned())).or_insert(0);
                        *e = (*e).max(n.unwrap_or(0)).max(counter);
                    }
                }
            }
        }
        Ids { top }
    }
    fn fresh(&mut self, list: &str, like: &str) -> String {
        let (prefix, _) = split_id(like);
        let n = self.top.entry((list.to_owned(), prefix.to_owned())).or_insert(0);
        *n += 1;
        format!("{prefix}{n}")
    }
}

fn item_id(v: &Value) -> Option<&str> {
    v.get("id")?.as_str()
}

/// The top-level lists of items with IDs.
fn id_lists(v: &Value) -> Vec<(&str, &Vec<Value>)> {
    let Some(obj) = v.as_object() else { return Vec::new() };
    obj.iter()
        .filter_map(|(k, v)| {
            let items = v.as_array()?;
            (!items.is_empty() && items.iter().all(|i| item_id(i).is_some())).then_some((k.as_str(), items))
        })
        .collect()
}

fn is_id_list(values: &[&Value]) -> bool {
    let mut any = false;
    for v in values {
        if v.is_null() {
            continue;
        }
        match v.as_array() {
            Some(items) if items.iter().all(|i| item_id(i).is_some()) => any |= !items.is_empty(),
            _ => return false,
        }
    }
    any
}

/// Replaces references to `old` with `new` in `side`'s items: strings inside
/// arrays (links, factor pairs, indicators). Factor IDs are referred to from
/// anywhere; other IDs from anywhere but the factor references (`links`,
/// `factors`). The plan refers by field too: a línea's `axis`, an action's or
/// strategy's `line`, and a reto's sources (`Factor("D1")`, `Action("C2")`).
fn rewrite_refs(side: &mut Value, list: &str, old: &str, new: &str) {
    struct Ref<'a> {
        factor: bool,
        /// The object key whose string value names an item of this list.
        field: Option<&'a str>,
        old: &'a str,
        new: &'a str,
    }
    fn walk(v: &mut Value, key: &str, r: &Ref) {
        match v {
            Value::Array(items) => {
                let refs_ok = r.factor || !matches!(key, "links" | "factors");
                for item in items {
                    if let Value::String(s) = item {
                        if refs_ok && s == r.old {
                            *s = r.new.to_owned();
                        }
                    } else {
                        walk(item, key, r);
                    }
                }
            }
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    match v {
                        Value::String(s) if r.field == Some(k.as_str()) && s == r.old => *s = r.new.to_owned(),
                        _ => walk(v, k, r),
                    }
                }
            }
            _ => {}
        }
    }
    let factor = FACTOR_LISTS.contains(&list);
    let field = match list {
        "axes" => Some("axis"),
        "lines" => Some("line"),
        "strategies" => Some("Strategy"),
        _ if factor => Some("Factor"),
        _ if ACTION_LISTS.contains(&list) => Some("Action"),
        _ => None,
    };
    let r = Ref { factor, field, old, new };
    if let Some(obj) = side.as_object_mut() {
        for (k, v) in obj.iter_mut() {
            if k != "meta" && k != "last_ids" {
                walk(v, k, &r);
            }
        }
    }
}

/// Items created on both sides under the same ID with different content: the
/// other side's item gets a fresh ID, and its references follow.
fn renumber_twins(base: &Value, ours: &Value, theirs: &mut Value, ids: &mut Ids) {
    let mut renames = Vec::new();
    for (list, items) in id_lists(theirs) {
        let base_ids: BTreeSet<&str> = base[list].as_array().into_iter().flatten().filter_map(item_id).collect();
        let our_items: BTreeMap<&str, &Value> =
            ours[list].as_array().into_iter().flatten().filter_map(|i| Some((item_id(i)?, i))).collect();
        for item in items {
            let Some(id) = item_id(item) else { continue };
            if !base_ids.contains(id) && our_items.get(id).is_some_and(|o| *o != item) {
                renames.push((list.to_owned(), id.to_owned()));
            }
        }
    }
    for (list, old) in renames {
        let new = ids.fresh(&list, &old);
        if let Some(items) = theirs[list.as_str()].as_array_mut() {
            for item in items.iter_mut().filter(|i| item_id(i) == Some(old.as_str())) {
                item["id"] = Value::String(new.clone());
            }
        }
        rewrite_refs(theirs, &list, &old, &new);
    }
}

fn get<'a>(v: Option<&'a Value>, key: &str) -> &'a Value {
    v.and_then(|v| v.get(key)).unwrap_or(&Value::Null)
}

/// Field-by-field merge of one item. Returns the merged item and, when some
/// field clashes, the other side's version of it.
fn merge_item(o: &Value, a: &Value, b: &Value) -> (Value, Option<Value>) {
    let keys: BTreeSet<&String> = [o, a, b].iter().filter_map(|v| v.as_object()).flat_map(|m| m.keys()).collect();
    let (mut ours, mut theirs, mut clash) = (Map::new(), Map::new(), false);
    for k in keys {
        let (ov, av, bv) = (get(Some(o), k), get(Some(a), k), get(Some(b), k));
        let (x, y) = if k == "votes" && av != bv {
            let n = |v: &Value| v.as_i64().unwrap_or(0);
            let sum = (n(av) + n(bv) - n(ov)).max(0);
            let v = if sum == 0 { Value::Null } else { Value::from(sum) };
            (v.clone(), v)
        } else if av == ov || av == bv {
            (bv.clone(), bv.clone())
        } else if bv == ov {
            (av.clone(), av.clone())
        } else {
            clash = true;
            (av.clone(), bv.clone())
        };
        if !x.is_null() {
            ours.insert(k.clone(), x);
        }
        if !y.is_null() {
            theirs.insert(k.clone(), y);
        }
    }
    (Value::Object(ours), clash.then_some(Value::Object(theirs)))
}

fn mark(item: &mut Value, c: &Conflict) {
    if let (Some(obj), Ok(v)) = (item.as_object_mut(), serde_json::to_value(c)) {
        obj.insert("conflict".to_owned(), v);
    }
}

fn short(item: &Value) -> String {
    let id = item_id(item).unwrap_or("?");
    let text = item.get("text").and_then(Value::as_str).unwrap_or("");
    format!("{id} «{}»", crate::domain::text::display_safe(text))
}

struct Acc<'a> {
    ids: &'a mut Ids,
    out: &'a mut Outcome,
}

/// Merges one list of items by ID.
fn merge_list(list: &str, o: &Value, a: &Value, b: &Value, acc: &mut Acc) -> Value {
    let index = |v: &Value| -> BTreeMap<String, Value> {
        v.as_array().into_iter().flatten().filter_map(|i| Some((item_id(i)?.to_owned(), i.clone()))).collect()
    };
    let (om, am, bm) = (index(o), index(a), index(b));
    let markable = MARKABLE.contains(&list);
    let mut result: Vec<Value> = Vec::new();
    for item in a.as_array().into_iter().flatten() {
        let Some(id) = item_id(item) else { continue };
        match (om.get(id), bm.get(id)) {
            (Some(ov), Some(bv)) => {
                let (merged, clash) = merge_item(ov, item, bv);
                match clash {
                    Some(mut other) if markable => {
                        let sibling = acc.ids.fresh(list, id);
                        other["id"] = Value::String(sibling.clone());
                        let mut ours = merged;
                        mark(&mut ours, &Conflict::OtherVersion(sibling));
                        mark(&mut other, &Conflict::OtherVersion(id.to_owned()));
                        acc.out.conflicts.push(format!("{} / {}", short(&ours), short(&other)));
                        result.push(ours);
                        result.push(other);
                    }
                    Some(other) => {
                        acc.out.unmarked.push(format!("{list}: {} / {}", short(&merged), short(&other)));
                        result.push(merged);
                    }
                    None => result.push(merged),
                }
            }
            (Some(ov), None) if ov == item => {}
            (Some(_), None) => {
                let mut kept = item.clone();
                if markable {
                    mark(&mut kept, &Conflict::DeletedElsewhere);
                    acc.out.conflicts.push(short(&kept));
                } else {
                    acc.out.unmarked.push(format!("{list}: {}", short(&kept)));
                }
                result.push(kept);
            }
            (None, _) => result.push(item.clone()),
        }
    }
    // Their items we do not have yet, each after its predecessor on their side.
    let mut anchor: Option<String> = None;
    for item in b.as_array().into_iter().flatten() {
        let Some(id) = item_id(item) else { continue };
        let add = match (om.get(id), am.get(id)) {
            (None, None) => Some(item.clone()),
            (Some(ov), None) if ov != item => {
                let mut kept = item.clone();
                if markable {
                    mark(&mut kept, &Conflict::DeletedElsewhere);
                    acc.out.conflicts.push(short(&kept));
                    Some(kept)
                } else {
                    acc.out.unmarked.push(format!("{list}: {}", short(&kept)));
                    None
                }
            }
            _ => None,
        };
        if let Some(v) = add {
            let mut at = anchor
                .as_deref()
                .and_then(|an| result.iter().position(|r| item_id(r) == Some(an)))
                .map_or(0, |p| p + 1);
            // Our own additions after the same anchor stay first.
            while result.get(at).and_then(item_id).is_some_and(|r| !bm.contains_key(r) && !om.contains_key(r)) {
                at += 1;
            }
            result.insert(at, v);
        }
        if result.iter().any(|r| item_id(r) == Some(id)) {
            anchor = Some(id.to_owned());
        }
    }
    // Their reordering comes through when we kept the original order.
    let ids = |v: &Value| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(item_id).map(str::to_owned).collect()
    };
    let (oi, ai, bi) = (ids(o), ids(a), ids(b));
    let kept = |side: &[String], other: &[String]| -> Vec<String> {
        side.iter().filter(|i| other.contains(i)).cloned().collect()
    };
    if kept(&ai, &oi) == kept(&oi, &ai) && kept(&bi, &oi) != kept(&oi, &bi) {
        result = follow_order(result, &bi);
    }
    Value::Array(result)
}

/// Puts the items named in `order` in that order; every other item goes right
/// after the item it followed.
fn follow_order(result: Vec<Value>, order: &[String]) -> Vec<Value> {
    let has = |id: &str| result.iter().any(|r| item_id(r) == Some(id));
    let ordered: BTreeSet<&str> = order.iter().map(String::as_str).filter(|id| has(id)).collect();
    let mut out: Vec<Value> =
        order.iter().filter_map(|id| result.iter().find(|r| item_id(r) == Some(id.as_str())).cloned()).collect();
    let mut anchor: Option<String> = None;
    for r in &result {
        let Some(id) = item_id(r) else { continue };
        if !ordered.contains(id) {
            let at =
                anchor.as_deref().and_then(|a| out.iter().position(|x| item_id(x) == Some(a))).map_or(0, |p| p + 1);
            out.insert(at, r.clone());
        }
        anchor = Some(id.to_owned());
    }
    out
}

fn merge_meta(o: &Value, a: &Value, b: &Value, out: &mut Outcome) -> Value {
    let keys: BTreeSet<&String> = [o, a, b].iter().filter_map(|v| v.as_object()).flat_map(|m| m.keys()).collect();
    let mut m = Map::new();
    for k in keys {
        let (ov, av, bv) = (get(Some(o), k), get(Some(a), k), get(Some(b), k));
        let v = if k == "modified" {
            let ts = |v: &Value| v.as_str().and_then(|s| s.parse::<jiff::Timestamp>().ok());
            if ts(bv) > ts(av) { bv.clone() } else { av.clone() }
        } else if av == ov || av == bv {
            bv.clone()
        } else if bv == ov {
            av.clone()
        } else {
            out.unmarked.push(format!("meta.{k}: {av} / {bv}"));
            av.clone()
        };
        if !v.is_null() {
            m.insert(k.clone(), v);
        }
    }
    Value::Object(m)
}

fn max_counters(a: &Value, b: &Value) -> Value {
    let mut m = a.as_object().cloned().unwrap_or_default();
    for (k, v) in b.as_object().into_iter().flatten() {
        let top = v.as_u64().unwrap_or(0).max(m.get(k).and_then(Value::as_u64).unwrap_or(0));
        m.insert(k.clone(), Value::from(top));
    }
    Value::Object(m)
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge3(base: &Session, ours: &Session, theirs: &Session) -> Result<Outcome, String> {
    let json = |s: &Session| serde_json::to_value(s).map_err(|e| e.to_string());
    let (o, a, mut b) = (json(base)?, json(ours)?, json(theirs)?);
    let mut ids = Ids::new(&[&o, &a, &b]);
    renumber_twins(&o, &a, &mut b, &mut ids);
    let mut out = Outcome { session: ours.clone(), conflicts: Vec::new(), unmarked: Vec::new() };
    let keys: BTreeSet<String> =
        [&o, &a, &b].iter().filter_map(|v| v.as_object()).flat_map(|m| m.keys().cloned()).collect();
    let mut merged = Map::new();
    for k in keys {
        let (ov, av, bv) = (get(Some(&o), &k), get(Some(&a), &k), get(Some(&b), &k));
        let v = match k.as_str() {
            "meta" => merge_meta(ov, av, bv, &mut out),
            "last_ids" => max_counters(av, bv),
            "version" => av.clone(),
            _ if is_id_list(&[ov, av, bv]) => merge_list(&k, ov, av, bv, &mut Acc { ids: &mut ids, out: &mut out }),
            _ if av == ov || av == bv => bv.clone(),
            _ if bv == ov => av.clone(),
            _ => {
                out.unmarked.push(k.clone());
                av.clone()
            }
        };
        if !v.is_null() {
            merged.insert(k, v);
        }
    }
    let mut session: Session = serde_json::from_value(Value::Object(merged)).map_err(|e| e.to_string())?;
    session.normalise_ids();
    out.session = session;
    Ok(out)
}

#[cfg(test)]
mod tests;
