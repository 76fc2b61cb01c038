//! Áreas temáticas (economía, empleo, juventud…) and cross-cutting impacts
//! (género, juventud, medio ambiente y clima) of a session: its two lists (its
//! own, kept in `meta.themes` / `meta.impacts`, else the language's defaults,
//! which the caller passes in), the names factors and actions carry, tagging
//! as one undoable edit, and the names no list has (`dafo check` reports them).

use super::edit::Edit;
use super::quadrant::Quadrant;
use super::session::Session;
use super::text::clean_text;

/// Which list: áreas temáticas (factors and actions) or impacts (actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Theme,
    Impact,
}

/// `a` then what `b` adds, each name once.
pub fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for x in b {
        if !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// The session's list of `tag`: its own, else `defaults` (the language's).
pub fn list(session: &Session, tag: Tag, defaults: &[&str]) -> Vec<String> {
    let own = match tag {
        Tag::Theme => &session.meta.themes,
        Tag::Impact => &session.meta.impacts,
    };
    if own.is_empty() { defaults.iter().map(|d| (*d).to_owned()).collect() } else { own.clone() }
}

/// The names of `tag` the item `id` (a factor or an action) carries.
pub fn of_item(session: &Session, tag: Tag, id: &str) -> Option<Vec<String>> {
    if let Some((q, i)) = session.find_factor(id) {
        return (tag == Tag::Theme).then(|| session.factors(q)[i].themes.clone());
    }
    let (c, i) = session.find_action(id)?;
    let a = &session.actions(c)[i];
    Some(match tag {
        Tag::Theme => a.themes.clone(),
        Tag::Impact => a.impacts.clone(),
    })
}

/// Gives the item `id` the names `chosen` (cleaned, each once, in `list`'s
/// order, new ones last); the session keeps `list` plus the new names as its
/// own list. One edit (one undo); `None` when nothing changes.
pub fn tag(session: &Session, tag: Tag, id: &str, chosen: &[String], list: &[String]) -> Option<Edit> {
    let chosen: Vec<String> =
        union(&[], &chosen.iter().map(|c| clean_text(c)).filter(|c| !c.is_empty()).collect::<Vec<_>>());
    let names: Vec<String> = list
        .iter()
        .filter(|l| chosen.contains(l))
        .chain(chosen.iter().filter(|c| !list.contains(c)))
        .cloned()
        .collect();
    let mut edits = Vec::new();
    let own = union(list, &names);
    let mut meta = session.meta.clone();
    match tag {
        Tag::Theme => meta.themes = own,
        Tag::Impact => meta.impacts = own,
    }
    if meta != session.meta {
        edits.push(Edit::Meta(Box::new(meta)));
    }
    if let Some((q, i)) = session.find_factor(id) {
        if tag == Tag::Theme {
            edits.extend(session.change_factor(q, i, |f| f.themes = names));
        }
    } else if let Some((c, i)) = session.find_action(id) {
        edits.extend(session.change_action(c, i, |a| match tag {
            Tag::Theme => a.themes = names,
            Tag::Impact => a.impacts = names,
        }));
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Every name an item carries that its list does not have: (item ID, which
/// list, name), factors first, then actions.
pub fn unknown(session: &Session, themes: &[String], impacts: &[String]) -> Vec<(String, Tag, String)> {
    let mut out = Vec::new();
    let mut check = |id: &str, tag: Tag, names: &[String], list: &[String]| {
        out.extend(names.iter().filter(|n| !list.contains(n)).map(|n| (id.to_owned(), tag, n.clone())));
    };
    for q in Quadrant::ALL {
        for f in session.factors(q) {
            check(&f.id, Tag::Theme, &f.themes, themes);
        }
    }
    for (_, a) in session.all_actions() {
        check(&a.id, Tag::Theme, &a.themes, themes);
        check(&a.id, Tag::Impact, &a.impacts, impacts);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CameAction, Factor};
    use jiff::Timestamp;

    fn session() -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        s.strengths.push(Factor::new("F1", "x"));
        s.correct.push(CameAction::new("C1", "y", vec![]));
        s
    }

    #[test]
    fn tagging_keeps_the_list_order_adds_new_names_and_undoes_in_one_step() {
        let mut s = session();
        let defaults = ["economía", "empleo", "juventud"];
        let list = list(&s, Tag::Theme, &defaults);
        let chosen = vec!["juventud".to_owned(), " nueva ".to_owned(), "economía".to_owned(), "juventud".to_owned()];
        let edit = tag(&s, Tag::Theme, "F1", &chosen, &list).unwrap();
        let before = s.clone();
        let undo = s.apply(edit).unwrap();
        assert_eq!(s.strengths[0].themes, ["economía", "juventud", "nueva"]);
        assert_eq!(s.meta.themes, ["economía", "empleo", "juventud", "nueva"]);
        s.apply(undo).unwrap();
        assert_eq!(s, before);
        assert!(tag(&s, Tag::Impact, "F1", &["género".to_owned()], &[]).is_some_and(|e| {
            // A factor carries no impacts: only the list changes.
            matches!(&e, Edit::Batch(v) if v.len() == 1)
        }));
    }

    #[test]
    fn names_outside_the_lists_are_reported() {
        let mut s = session();
        s.strengths[0].themes = vec!["empleo".into(), "pesca".into()];
        s.correct[0].impacts = vec!["género".into(), "clima".into()];
        let got = unknown(&s, &["empleo".into()], &["género".into()]);
        assert_eq!(got, [("F1".into(), Tag::Theme, "pesca".into()), ("C1".into(), Tag::Impact, "clima".into())]);
        assert_eq!(union(&["a".into(), "b".into()], &["b".into(), "c".into()]), ["a", "b", "c"]);
    }
}
