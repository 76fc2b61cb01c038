//! The IDs a loaded session may hold: each item's ID is its list's prefix and a
//! number (`F12` among Fortalezas, `AF2` among Afrontar, `EJ1` among ejes), and no
//! two items share one. A hand-edited file that breaks this (`D7` among
//! Fortalezas, an empty ID, an ID holding escape sequences, a 20-digit number, a
//! second `F1`) is refused on load with its line and column.

use super::rules::ItemId;
use super::session::Session;

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

/// The highest number of each list of `s` (by the key of its counter), when every
/// ID keeps the rules; else the first ID (in file order) that breaks them, and
/// what is wrong. One reading of each ID, for loading's check and its counters.
pub fn check_ids(s: &Session) -> Result<Vec<(&'static str, u64)>, (String, IdProblem)> {
    // Every list has its own prefix (F, AF, FO, EJ...), and an ID of another
    // prefix is refused in it: two lists never hold the same ID, so each list is
    // checked for a second one on its own.
    s.id_lists().into_iter().map(|list| Ok((list.counter, highest_in(list.prefix, &list.ids)?))).collect()
}

/// The highest number among `ids`, or the first of them (in order) that is not
/// `expected`'s prefix and a number or repeats one before it. Two IDs are the same
/// when their prefix and number are: `F01` is shown, exported and typed as `F1`,
/// so beside an `F1` it is a second `F1`.
fn highest_in(expected: &'static str, ids: &[&str]) -> Result<u64, (String, IdProblem)> {
    let mut highest = 0;
    // Numbers that rise in file order (as dafo writes them) cannot repeat: the
    // numbers seen are only gathered from the first one that does not rise.
    let mut seen: Option<std::collections::HashSet<u64>> = None;
    for (i, &id) in ids.iter().enumerate() {
        let number = match ItemId::parts(id) {
            None => return Err((id.to_owned(), IdProblem::Malformed)),
            Some((prefix, _)) if prefix != expected => return Err((id.to_owned(), IdProblem::WrongPlace { expected })),
            Some((_, number)) => number,
        };
        if seen.is_none() && number > highest {
            highest = number;
            continue;
        }
        let seen =
            seen.get_or_insert_with(|| ids[..i].iter().filter_map(|id| ItemId::parts(id)).map(|(_, n)| n).collect());
        if !seen.insert(number) {
            return Err((id.to_owned(), IdProblem::Duplicate));
        }
        highest = highest.max(number);
    }
    Ok(highest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Factor, Quadrant};
    use jiff::Timestamp;

    fn with(f: impl FnOnce(&mut Session)) -> Option<(String, IdProblem)> {
        let mut s = Session::new("s", Timestamp::UNIX_EPOCH);
        s.strengths.push(Factor::new("F1", "a"));
        s.weaknesses.push(Factor::new("D1", "b"));
        f(&mut s);
        check_ids(&s).err()
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

    /// The rule as first written: one set of every (prefix, number) in file
    /// order, the first ID out of rule or seen before is the one named.
    fn by_one_set(lists: &[(&'static str, Vec<String>)]) -> Option<(String, IdProblem)> {
        let mut seen = std::collections::HashSet::new();
        for (expected, ids) in lists {
            for id in ids {
                match ItemId::parts(id) {
                    None => return Some((id.clone(), IdProblem::Malformed)),
                    Some((prefix, _)) if prefix != *expected => {
                        return Some((id.clone(), IdProblem::WrongPlace { expected }));
                    }
                    Some((prefix, n)) if !seen.insert((prefix.to_owned(), n)) => {
                        return Some((id.clone(), IdProblem::Duplicate));
                    }
                    Some(_) => {}
                }
            }
        }
        None
    }

    proptest::proptest! {
        /// However the IDs of the four quadrants come (rising, shuffled, repeated,
        /// `F01` beside `F1`, another quadrant's, malformed), the check names the
        /// ID the one-set rule names, and the counters end above every number.
        #[test]
        fn the_check_names_what_one_set_of_every_id_names(
            quadrants in proptest::collection::vec(
                proptest::collection::vec((0..6usize, 0..12u64, proptest::bool::ANY), 0..12),
                4,
            ),
        ) {
            let prefixes = ["F", "D", "O", "A", "", "FO"];
            let mut s = Session::new("s", Timestamp::UNIX_EPOCH);
            let mut lists = Vec::new();
            for (q, picks) in Quadrant::ALL.into_iter().zip(&quadrants) {
                let ids: Vec<String> = picks
                    .iter()
                    .map(|&(p, n, zero)| {
                        // Mostly this quadrant's own prefix, so that repeats are common.
                        let prefix = if p < 3 { q.prefix() } else { prefixes[p] };
                        format!("{prefix}{}{n}", if zero { "0" } else { "" })
                    })
                    .collect();
                s.factors_mut(q).extend(ids.iter().map(|id| Factor::new(id.as_str(), "x")));
                lists.push((q.prefix(), ids));
            }
            proptest::prop_assert_eq!(check_ids(&s).err(), by_one_set(&lists));
            if let Ok(highest) = check_ids(&s) {
                s.raise_counters(highest);
                for (q, (_, ids)) in Quadrant::ALL.into_iter().zip(&lists) {
                    let next = ItemId::parts(&s.next_id(q.prefix())).map(|(_, n)| n).unwrap();
                    let top = ids.iter().filter_map(|id| ItemId::parts(id)).map(|(_, n)| n).max().unwrap_or(0);
                    proptest::prop_assert!(next > top, "{} after {:?}", next, ids);
                }
            }
        }
    }
}
