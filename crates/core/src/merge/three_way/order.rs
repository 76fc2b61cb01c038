//! Where items go in a merged list: the other branch's additions after the
//! item they followed there, and that branch's reordering. Linear in the
//! number of items (look-ups by ID), so large sessions merge fast.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::item_id;

/// Places `additions` (each with the ID of the item it followed on their side,
/// or `None` at the start) into `result`: right after that item and after our
/// own additions that follow it (`ours_only` tells those apart), in their order.
pub(super) fn place_additions(
    result: Vec<Value>,
    additions: Vec<(Option<String>, Value)>,
    ours_only: impl Fn(&str) -> bool,
) -> Vec<Value> {
    if additions.is_empty() {
        return result;
    }
    let mut groups: HashMap<Option<String>, Vec<Value>> = HashMap::new();
    for (anchor, v) in additions {
        groups.entry(anchor).or_default().push(v);
    }
    let mut out = Vec::with_capacity(result.len() + groups.values().map(Vec::len).sum::<usize>());
    let mut pending = groups.remove(&None);
    for r in result {
        let id = item_id(&r).map(str::to_owned);
        if !id.as_deref().is_some_and(&ours_only) {
            out.extend(pending.take().into_iter().flatten());
        }
        out.push(r);
        if let Some(g) = id.and_then(|id| groups.remove(&Some(id))) {
            out.extend(pending.take().into_iter().flatten());
            pending = Some(g);
        }
    }
    out.extend(pending.into_iter().flatten());
    // Anchors that are not in the result (cannot happen: an anchor is always kept).
    for g in groups.into_values() {
        out.extend(g);
    }
    out
}

/// The items of `side` that `other` also has, in `side`'s order.
fn kept(side: &[&str], other: &[&str]) -> Vec<String> {
    let other: HashSet<&str> = other.iter().copied().collect();
    side.iter().filter(|i| other.contains(*i)).map(|i| (*i).to_owned()).collect()
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array().into_iter().flatten().filter_map(item_id).collect()
}

/// Their reordering comes through when we kept the original order.
pub(super) fn follow_their_order(result: Vec<Value>, o: &Value, a: &Value, b: &Value) -> Vec<Value> {
    let (oi, ai, bi) = (ids(o), ids(a), ids(b));
    if kept(&ai, &oi) == kept(&oi, &ai) && kept(&bi, &oi) != kept(&oi, &bi) {
        follow_order(result, &bi)
    } else {
        result
    }
}

/// Puts the items named in `order` in that order; every other item goes right
/// after the item it followed.
fn follow_order(result: Vec<Value>, order: &[&str]) -> Vec<Value> {
    let wanted: HashSet<&str> = order.iter().copied().collect();
    let mut placed: HashMap<String, Value> = HashMap::new();
    let mut groups: HashMap<Option<String>, Vec<Value>> = HashMap::new();
    let mut anchor: Option<String> = None;
    for r in result {
        let Some(id) = item_id(&r).map(str::to_owned) else { continue };
        if wanted.contains(id.as_str()) {
            anchor = Some(id.clone());
            placed.insert(id, r);
        } else {
            groups.entry(anchor.clone()).or_default().push(r);
        }
    }
    let mut out: Vec<Value> = groups.remove(&None).unwrap_or_default();
    for id in order {
        if let Some(v) = placed.remove(*id) {
            out.push(v);
            out.extend(groups.remove(&Some((*id).to_owned())).unwrap_or_default());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list(ids: &[&str]) -> Vec<Value> {
        ids.iter().map(|i| json!({ "id": i })).collect()
    }

    fn names(v: &[Value]) -> Vec<&str> {
        v.iter().filter_map(item_id).collect()
    }

    #[test]
    fn additions_go_after_their_anchor_and_our_own_additions() {
        let result = list(&["D1", "X1", "D2", "X2"]);
        let adds = vec![
            (None, json!({"id": "N0"})),
            (Some("D1".to_owned()), json!({"id": "N1"})),
            (Some("D1".to_owned()), json!({"id": "N2"})),
            (Some("D2".to_owned()), json!({"id": "N3"})),
        ];
        let out = place_additions(result, adds, |id| id.starts_with('X'));
        assert_eq!(names(&out), ["N0", "D1", "X1", "N1", "N2", "D2", "X2", "N3"]);
    }

    #[test]
    fn reordering_keeps_unordered_items_after_what_they_followed() {
        let result = list(&["A", "x", "B", "C", "y"]);
        let out = follow_order(result, &["C", "A", "B"]);
        assert_eq!(names(&out), ["C", "y", "A", "x", "B"]);
    }
}
