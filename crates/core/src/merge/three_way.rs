//! The three-way merge of one session edited on two branches (the git merge
//! driver). Works on the session's JSON value, so it covers every list of items
//! with an `id`, including lists this module does not know by name:
//! - items are matched by ID; an item changed on one side takes that change,
//!   fields changed on both sides merge field by field, votes added on both
//!   sides add up (the same count on both is taken once);
//! - an item deleted on one side and untouched on the other is deleted; one
//!   the other side changed, or newly refers to (a link, a línea, an eje, an
//!   indicator, a reto's source: [`refs::added`]), is kept, as a conflict;
//! - the same new ID created on both sides with different content: the other
//!   side's item is renumbered and every reference to it follows ([`refs`]);
//! - the plan's and the follow-up's keyed entries (reviews, yearly records,
//!   indicator values), the misión, the visión and the valores merge entry by
//!   entry ([`keyed`]);
//! - an action's status follows its latest merged review where both sides'
//!   statuses came from their reviews; one set by hand merges as a field
//!   ([`status`]);
//! - ID counters take the highest value, the modified date the latest;
//! - a real conflict (the same field changed differently, or an edit against a
//!   delete) keeps both versions: in the grid's lists the other side's becomes a
//!   sibling item marked with [`Conflict`]; in the plan and the follow-up it is
//!   kept as a [`Clash`]. Deleting an action or an indicator against new reviews
//!   or values of it is such a conflict. Nothing is ever written as conflict
//!   markers. Linear in the number of items: every look-up goes by ID.

mod keyed;
mod order;
mod refs;
mod status;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value};

use crate::domain::clash::{Key, Version, meta_text};
use crate::domain::{Came, Clash, Conflict, Session};

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
    /// Clashes of the plan and the follow-up this merge added to the session's
    /// [`Session::clashes`].
    pub clashes: Vec<Clash>,
}

impl Outcome {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.unmarked.is_empty() && self.clashes.is_empty()
    }
}

/// Hands out fresh IDs per list and prefix, above every ID seen and every counter.
struct Ids {
    top: BTreeMap<(String, String), u64>,
}

fn split_id(id: &str) -> (&str, Option<u64>) {
    let digits = id.len() - id.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
    let (prefix, n) = id.split_at(digits);
    (prefix, n.parse().ok())
}

/// The CAME quadrant of an action list.
fn came_of(list: &str) -> Option<Came> {
    ACTION_LISTS.iter().position(|l| *l == list).map(|i| Came::ALL[i])
}

/// The ID prefix fresh IDs of `list` get: an action list's own (`AF` for
/// Afrontar, whatever older files used), else the ID's.
fn list_prefix<'a>(list: &str, prefix: &'a str) -> &'a str {
    match came_of(list) {
        Some(c) => c.prefix(),
        None => prefix,
    }
}

fn counter_key(list: &str, prefix: &str) -> String {
    came_of(list).map_or_else(|| prefix.to_owned(), |c| c.counter_key().to_owned())
}

impl Ids {
    fn new(sides: &[&Value]) -> Ids {
        let mut top: BTreeMap<(String, String), u64> = BTreeMap::new();
        for side in sides {
            for (list, items) in id_lists(side) {
                for item in items {
                    if let Some(id) = item_id(item) {
                        let (prefix, n) = split_id(id);
                        let counter = side["last_ids"][counter_key(list, prefix)].as_u64().unwrap_or(0);
                        let e = top.entry((list.to_owned(), list_prefix(list, prefix).to_owned())).or_insert(0);
                        *e = (*e).max(n.unwrap_or(0)).max(counter);
                    }
                }
            }
        }
        Ids { top }
    }
    fn fresh(&mut self, list: &str, like: &str) -> String {
        let prefix = list_prefix(list, split_id(like).0);
        let n = self.top.entry((list.to_owned(), prefix.to_owned())).or_insert(0);
        *n = n.saturating_add(1);
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
    /// Per side (ours, theirs), the IDs of the list's items that side newly
    /// refers to (links, a línea, an eje, indicators, a reto's sources) and of
    /// actions and indicators whose reviews or values it added or changed.
    touched: [HashSet<String>; 2],
    /// Per action, the status of its latest review once reviews are merged,
    /// where neither side set the status by hand ([`status`]): such an
    /// action's status follows its latest review, so two sides' statuses that
    /// differ only because each reviewed another year do not clash.
    latest: &'a HashMap<String, Value>,
}

/// Keeps an item one side changed (or whose reviews it changed) and the other
/// deleted: marked in the grid's lists, a clash in the plan's, either saying
/// which side deleted it (`ours` changed it: theirs deleted it; else ours
/// did). In a list that can hold neither, the clash is reported and the item
/// kept only if `ours`.
fn keep_deleted(list: &str, item: &Value, ours: bool, acc: &mut Acc) -> Option<Value> {
    let mut kept = item.clone();
    if MARKABLE.contains(&list) {
        mark(&mut kept, if ours { &Conflict::DeletedElsewhere } else { &Conflict::DeletedHere });
        acc.out.conflicts.push(short(&kept));
    } else if let Some(c) = keyed::clash(list, &kept, None, !ours) {
        acc.out.clashes.push(c);
    } else {
        acc.out.unmarked.push(format!("{list}: {}", short(&kept)));
        return ours.then_some(kept);
    }
    Some(kept)
}

/// Merges one list of items by ID.
fn merge_list(list: &str, o: &Value, a: &Value, b: &Value, acc: &mut Acc) -> Value {
    let index = |v: &'_ Value| -> HashMap<String, Value> {
        v.as_array().into_iter().flatten().filter_map(|i| Some((item_id(i)?.to_owned(), i.clone()))).collect()
    };
    let (om, am, bm) = (index(o), index(a), index(b));
    let markable = MARKABLE.contains(&list);
    let mut result: Vec<Value> = Vec::new();
    for item in a.as_array().into_iter().flatten() {
        let Some(id) = item_id(item) else { continue };
        match (om.get(id), bm.get(id)) {
            (Some(ov), Some(bv)) => {
                let (merged, clash) = match acc.latest.get(id) {
                    Some(status) if item.get("status") != bv.get("status") => {
                        let follow = |v: &Value| {
                            let mut v = v.clone();
                            if let Some(m) = v.as_object_mut() {
                                m.remove("status");
                                if !status.is_null() {
                                    m.insert("status".to_owned(), status.clone());
                                }
                            }
                            v
                        };
                        merge_item(ov, &follow(item), &follow(bv))
                    }
                    _ => merge_item(ov, item, bv),
                };
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
                        match keyed::clash(list, &merged, Some(&other), false) {
                            Some(c) => acc.out.clashes.push(c),
                            None => acc.out.unmarked.push(format!("{list}: {} / {}", short(&merged), short(&other))),
                        }
                        result.push(merged);
                    }
                    None => result.push(merged),
                }
            }
            (Some(ov), None) if ov == item && !acc.touched[0].contains(id) => {}
            (Some(_), None) => result.extend(keep_deleted(list, item, true, acc)),
            (None, _) => result.push(item.clone()),
        }
    }
    // Their items we do not have yet, each after its predecessor on their side.
    let in_result: HashSet<String> = result.iter().filter_map(item_id).map(str::to_owned).collect();
    let mut additions: Vec<(Option<String>, Value)> = Vec::new();
    let mut anchor: Option<String> = None;
    for item in b.as_array().into_iter().flatten() {
        let Some(id) = item_id(item) else { continue };
        let add = match (om.get(id), am.get(id)) {
            (None, None) => Some(item.clone()),
            (Some(ov), None) if ov != item || acc.touched[1].contains(id) => keep_deleted(list, item, false, acc),
            _ => None,
        };
        match add {
            Some(v) => additions.push((anchor.clone(), v)),
            None if in_result.contains(id) => anchor = Some(id.to_owned()),
            None => {}
        }
    }
    let ours_only = |r: &str| !bm.contains_key(r) && !om.contains_key(r);
    let result = order::place_additions(result, additions, ours_only);
    Value::Array(order::follow_their_order(result, o, a, b))
}

fn merge_meta(o: &Value, a: &Value, b: &Value, out: &mut Outcome) -> Value {
    let keys: BTreeSet<&String> = [o, a, b].iter().filter_map(|v| v.as_object()).flat_map(|m| m.keys()).collect();
    let mut m = Map::new();
    for k in keys {
        let (ov, av, bv) = (get(Some(o), k), get(Some(a), k), get(Some(b), k));
        let v = if k == "modified" {
            let ts = |v: &Value| v.as_str().and_then(|s| s.parse::<jiff::Timestamp>().ok());
            if ts(bv) > ts(av) { bv.clone() } else { av.clone() }
        } else if k == "themes" || k == "impacts" {
            // The session's lists of names: what each side added, what both kept.
            keyed::merge_set(ov, av, bv)
        } else if av == ov || av == bv {
            bv.clone()
        } else if bv == ov {
            av.clone()
        } else {
            // Ours stays in place; theirs is kept as a clash that `dafo check` refuses.
            out.clashes.push(if bv.is_null() {
                Clash::Deleted(Key::Meta(k.clone()))
            } else {
                Clash::Other(Version::Meta(k.clone(), meta_text(bv)))
            });
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
    refs::renumber_twins(&o, &a, &mut b, &mut ids);
    let mut out = Outcome { session: ours.clone(), conflicts: Vec::new(), unmarked: Vec::new(), clashes: Vec::new() };
    let keys: BTreeSet<String> =
        [&o, &a, &b].iter().filter_map(|v| v.as_object()).flat_map(|m| m.keys().cloned()).collect();
    let mut merged = Map::new();
    let reviews = keyed::merge_keyed("reviews", &o["reviews"], &a["reviews"], &b["reviews"], &mut Vec::new());
    let latest = status::following_reviews(&o, &a, &b, &reviews);
    let before = refs::references(&o);
    let added = [refs::added(&before, &a), refs::added(&before, &b)];
    for k in keys {
        let (ov, av, bv) = (get(Some(&o), &k), get(Some(&a), &k), get(Some(&b), &k));
        let v = match k.as_str() {
            "meta" => merge_meta(ov, av, bv, &mut out),
            "last_ids" => max_counters(av, bv),
            "version" => av.clone(),
            "mission" | "vision" => keyed::merge_text(&k, ov, av, bv, &mut out.clashes),
            "values" | "funding" | "clashes" => keyed::merge_set(ov, av, bv),
            _ if keyed::key_fields(&k).is_some() => keyed::merge_keyed(&k, ov, av, bv, &mut out.clashes),
            _ if is_id_list(&[ov, av, bv]) => {
                let dependents = if ACTION_LISTS.contains(&k.as_str()) {
                    "reviews"
                } else if k == "indicators" {
                    "indicator_values"
                } else {
                    ""
                };
                let (od, ad, bd) = (get(Some(&o), dependents), get(Some(&a), dependents), get(Some(&b), dependents));
                let mut touched = [keyed::touched(dependents, od, ad), keyed::touched(dependents, od, bd)];
                // Items a side newly refers to are touched by it as well.
                if let Some(kind) = refs::kind_of(&k) {
                    for (t, added) in touched.iter_mut().zip(&added) {
                        t.extend(added.get(&kind).into_iter().flatten().cloned());
                    }
                }
                merge_list(&k, ov, av, bv, &mut Acc { ids: &mut ids, out: &mut out, touched, latest: &latest })
            }
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
    for c in &out.clashes {
        if !session.clashes.contains(c) {
            session.clashes.push(c.clone());
        }
    }
    session.normalise_ids();
    out.session = session;
    Ok(out)
}

#[cfg(test)]
mod tests;
