//! Near-duplicates in the room's inbox: each waiting item filed with the first
//! earlier item of its quadrant it is like, with the likeness `dafo merge` uses,
//! as items come and go (never summed again per key or frame).

use std::collections::HashMap;

use super::state::Pending;
use crate::domain::Quadrant;
use crate::domain::similarity::{GREY, Profile};

/// Waiting items alike: the first one's text profile, its quadrant, and the
/// inbox numbers of its members, first one first.
#[derive(Debug)]
pub(super) struct Group {
    head: Profile,
    quadrant: Quadrant,
    members: Vec<u64>,
}

/// Files `item` in the first group of its quadrant whose first text it is like
/// (the likeness `dafo merge` uses, at least [`GREY`]), or in a new group.
pub(super) fn file(groups: &mut Vec<Group>, item: &Pending) {
    let profile = Profile::new(&item.text);
    match groups.iter_mut().find(|g| g.quadrant == item.quadrant && g.head.score(&profile) >= GREY) {
        Some(g) => g.members.push(item.seq),
        None => groups.push(Group { head: profile, quadrant: item.quadrant, members: vec![item.seq] }),
    }
}

pub(super) fn unfile(groups: &mut Vec<Group>, seq: u64) {
    for g in groups.iter_mut() {
        g.members.retain(|s| *s != seq);
    }
    groups.retain(|g| !g.members.is_empty());
}

/// Positions in `inbox` in group order, each with whether it is a near-duplicate
/// of the one before.
pub(super) fn flatten(groups: &[Group], inbox: &[Pending]) -> Vec<(usize, bool)> {
    let at: HashMap<u64, usize> = inbox.iter().enumerate().map(|(i, p)| (p.seq, i)).collect();
    groups
        .iter()
        .flat_map(|g| g.members.iter().enumerate().filter_map(|(n, s)| at.get(s).map(|i| (*i, n > 0))))
        .collect()
}

/// The inbox in the pane's order: each item right after the first earlier item
/// of its quadrant it is like (the likeness `dafo merge` uses, at least
/// [`GREY`]), with whether it is such a near-duplicate.
pub fn grouped(inbox: &[Pending]) -> Vec<(usize, bool)> {
    let mut groups = Vec::new();
    for item in inbox {
        file(&mut groups, item);
    }
    flatten(&groups, inbox)
}
