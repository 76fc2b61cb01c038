//! The IDs a loaded session may hold: each item's ID is its list's prefix and a
//! number (`F12` among Fortalezas, `AF2` among Afrontar, `EJ1` among ejes), and no
//! two items share one. A hand-edited file that breaks this (`D7` among
//! Fortalezas, an empty ID, an ID holding escape sequences, a 20-digit number, a
//! second `F1`) is refused on load with its line and column.

use super::plan_edit::{AXIS, CHALLENGE, INDICATOR, LINE};
use super::quadrant::Quadrant;
use super::rules::ItemId;
use super::session::Session;
use super::{Came, Crossed};

/// What is wrong with an item's ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Not letters and a number from 1 (empty, control characters, too long a number).
    Malformed,
    /// Letters and a number, but another list's prefix: `expected` is this list's.
    WrongPlace { expected: &'static str },
    /// A second item with the same ID.
    Duplicate,
}

/// The first ID of `s` (in file order) that breaks the rules, and what is wrong.
pub fn first_bad_id(s: &Session) -> Option<(String, IdProblem)> {
    let mut lists: Vec<(&'static str, Vec<&str>)> = Vec::new();
    for q in Quadrant::ALL {
        lists.push((q.prefix(), s.factors(q).iter().map(|f| f.id.as_str()).collect()));
    }
    for c in Came::ALL {
        lists.push((c.prefix(), s.actions(c).iter().map(|a| a.id.as_str()).collect()));
    }
    for k in Crossed::ALL {
        lists.push((k.prefix(), s.strategies.iter().filter(|x| x.kind == k).map(|x| x.id.as_str()).collect()));
    }
    for prefix in [CHALLENGE, AXIS, LINE, INDICATOR] {
        let ids: Vec<&str> = match prefix {
            CHALLENGE => s.challenges.iter().map(|x| x.id.as_str()).collect(),
            AXIS => s.axes.iter().map(|x| x.id.as_str()).collect(),
            LINE => s.lines.iter().map(|x| x.id.as_str()).collect(),
            _ => s.indicators.iter().map(|x| x.id.as_str()).collect(),
        };
        lists.push((prefix, ids));
    }
    // Two IDs are the same when their prefix and number are: `F01` is shown,
    // exported and typed as `F1`, so beside an `F1` it is a second `F1`.
    let mut seen = std::collections::HashSet::with_capacity(lists.iter().map(|(_, ids)| ids.len()).sum());
    for (expected, ids) in lists {
        for id in ids {
            match ItemId::parts(id) {
                None => return Some((id.to_owned(), IdProblem::Malformed)),
                Some((prefix, _)) if prefix != expected => {
                    return Some((id.to_owned(), IdProblem::WrongPlace { expected }));
                }
                Some(parts) if !seen.insert(parts) => return Some((id.to_owned(), IdProblem::Duplicate)),
                Some(_) => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Factor;
    use jiff::Timestamp;

    fn with(f: impl FnOnce(&mut Session)) -> Option<(String, IdProblem)> {
        let mut s = Session::new("s", Timestamp::UNIX_EPOCH);
        s.strengths.push(Factor::new("F1", "a"));
        s.weaknesses.push(Factor::new("D1", "b"));
        f(&mut s);
        first_bad_id(&s)
    }

    #[test]
    fn good_ids_pass_and_each_bad_one_is_named() {
        assert_eq!(with(|_| {}), None);
        let wrong = with(|s| s.strengths.push(Factor::new("D7", "x")));
        assert_eq!(wrong, Some(("D7".into(), IdProblem::WrongPlace { expected: "F" })));
        assert_eq!(with(|s| s.strengths.push(Factor::new("", "x"))), Some((String::new(), IdProblem::Malformed)));
        // Shown as F1 beside the F1 already there: the same ID twice.
        assert_eq!(with(|s| s.strengths.push(Factor::new("F01", "x"))), Some(("F01".into(), IdProblem::Duplicate)));
        let esc = "F \u{1b}[2J";
        assert_eq!(with(|s| s.strengths.push(Factor::new(esc, "x"))), Some((esc.into(), IdProblem::Malformed)));
        assert_eq!(with(|s| s.strengths.push(Factor::new("F1", "x"))), Some(("F1".into(), IdProblem::Duplicate)));
        let long = "F12345678901234567890";
        assert_eq!(with(|s| s.strengths.push(Factor::new(long, "x"))), Some((long.into(), IdProblem::Malformed)));
    }
}
