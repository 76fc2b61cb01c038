//! An action's status in the three-way merge. Recording an action's latest
//! review sets the action's status to the review's (`Session::review_action`),
//! so two branches that each reviewed another year carry different statuses
//! that are no clash: the action takes the status of its latest review once
//! the reviews are merged. But a status can also be set with no review (cycled
//! in the CAME view): where a branch did that, the status merges like any
//! other field (one side changed it: taken; both, differently: a clash), so a
//! change made by hand is never replaced unseen.

use std::collections::HashMap;

use serde_json::Value;

use super::{ACTION_LISTS, item_id};

const NONE: Value = Value::Null;

/// Each action's status on one side (`Null` for the default, left out of the file).
fn statuses(side: &Value) -> HashMap<&str, &Value> {
    ACTION_LISTS
        .iter()
        .flat_map(|list| side[*list].as_array().into_iter().flatten())
        .filter_map(|a| Some((item_id(a)?, a.get("status").unwrap_or(&NONE))))
        .collect()
}

/// Each action's reviews in a list of `reviews`, in its order.
fn reviews(reviews: &Value) -> HashMap<&str, Vec<&Value>> {
    let mut out: HashMap<&str, Vec<&Value>> = HashMap::new();
    for r in reviews.as_array().into_iter().flatten() {
        if let Some(id) = r.get("action").and_then(Value::as_str) {
            out.entry(id).or_default().push(r);
        }
    }
    out
}

/// The status of the latest of `reviews` (the last one of the latest year).
fn latest<'a>(reviews: &[&'a Value]) -> Option<&'a Value> {
    let year = |r: &&&Value| r.get("year").and_then(Value::as_i64).unwrap_or(0);
    reviews.iter().max_by_key(year).map(|r| r.get("status").unwrap_or(&NONE))
}

/// The statuses the merged actions take from their latest review once the
/// reviews are `merged` (in year order): those of actions whose status
/// neither side set by hand. A side set it by hand when it changed it and its
/// own reviews of the action do not account for the change (it left them as
/// they were, or their latest one's status is not the action's).
pub(super) fn following_reviews(o: &Value, a: &Value, b: &Value, merged: &Value) -> HashMap<String, Value> {
    let (so, ro) = (statuses(o), reviews(&o["reviews"]));
    let sides = [(statuses(a), reviews(&a["reviews"])), (statuses(b), reviews(&b["reviews"]))];
    let by_hand = |id: &str, (statuses, reviews): &(HashMap<&str, &Value>, HashMap<&str, Vec<&Value>>)| {
        let (now, mine) = (statuses.get(id).copied(), reviews.get(id));
        let reviewed = mine != ro.get(id) && mine.and_then(|r| latest(r)) == now;
        so.get(id).copied() != now && !reviewed
    };
    let mut out = HashMap::new();
    for (id, rs) in reviews(merged) {
        if !sides.iter().any(|side| by_hand(id, side)) {
            out.insert(id.to_owned(), latest(&rs).cloned().unwrap_or(Value::Null));
        }
    }
    out
}
