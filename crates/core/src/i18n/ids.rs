//! How item IDs are shown in each language, and read back: the one mapping used by
//! the screen, every export and every importer. Stored IDs never change with the
//! language (`F1`, `AF2`, `FO1`); English shows `S1`, `CF2`, `SO1`. Each language's
//! prefixes live in its catalogue (`letters`, `crossed_code`, `action_code`); see
//! docs/format.md for the table.

use crate::domain::{Came, Crossed, Dangling, ItemId, Quadrant};

use super::Lang;

/// Every stored prefix with the index of its kind in [`Lang::prefixes`].
fn stored_prefixes() -> [&'static str; 12] {
    let q = Quadrant::ALL.map(Quadrant::prefix);
    let k = Crossed::ALL.map(Crossed::prefix);
    let c = Came::ALL.map(Came::prefix);
    [q[0], q[1], q[2], q[3], k[0], k[1], k[2], k[3], c[0], c[1], c[2], c[3]]
}

impl Lang {
    /// This language's prefixes, in the order of [`stored_prefixes`].
    fn prefixes(self) -> [&'static str; 12] {
        let d = &self.text().domain;
        let (q, k, c) = (d.letters, d.crossed_code, d.action_code);
        [q[0], q[1], q[2], q[3], k[0], k[1], k[2], k[3], c[0], c[1], c[2], c[3]]
    }

    /// A stored ID as this language shows it: `F1` → `S1`, `FA2` → `ST2`, `AF3` →
    /// `CF3` in English; unchanged in Spanish and Catalan, and for plan items (`R1`,
    /// `EJ1`, `L1`, `I1`) and anything that is not an ID.
    pub fn show_id(self, id: &str) -> String {
        let Some((prefix, number)) = ItemId::parts(id) else { return id.to_owned() };
        match stored_prefixes().iter().position(|p| *p == prefix) {
            Some(i) => format!("{}{number}", self.prefixes()[i]),
            None => id.to_owned(),
        }
    }

    /// A reference to an item the session does not hold, as `dafo check` lists
    /// it: `C1: remite a D3, que no está en la sesión` (a review's holder with
    /// its year: `C9 2024`).
    pub fn dangling_line(self, d: &Dangling) -> String {
        let holder = match d.year {
            Some(year) => format!("{} {year}", self.show_id(&d.holder)),
            None => self.show_id(&d.holder),
        };
        (self.text().cli.dangling)(&holder, &self.show_id(&d.missing))
    }

    /// Several stored IDs, shown and joined with `sep`.
    pub fn show_ids<'a>(self, ids: impl IntoIterator<Item = &'a String>, sep: &str) -> String {
        ids.into_iter().map(|id| self.show_id(id)).collect::<Vec<_>>().join(sep)
    }
}

/// The stored form of an ID written in any language's display (`S1` → `F1`,
/// `ST2` → `FA2`, `CF3` → `AF3`), its number without leading zeros (`F01` →
/// `F1`: the same item for the loader's check, so an import keeping both made
/// a file that did not open); other text comes back unchanged. No language
/// shows a prefix that another kind stores, so this is never ambiguous
/// (checked by a test).
pub fn stored_id(id: &str) -> String {
    let trimmed = id.trim();
    let Ok(item) = ItemId::try_from(trimmed) else { return id.to_owned() };
    let stored = stored_prefixes();
    if stored.contains(&item.prefix()) {
        return item.to_string();
    }
    Lang::ALL
        .iter()
        .find_map(|l| l.prefixes().iter().position(|p| *p == item.prefix()))
        .map_or_else(|| trimmed.to_owned(), |i| ItemId::new(stored[i], item.number()).to_string())
}

/// The stored ID of an action of `c` as read from an export: any language's
/// display form, and the pre-version-4 `A3` of an Afrontar action, become `AF3`.
pub fn stored_action_id(c: Came, id: &str) -> String {
    crate::domain::renamed_action_id(c, &stored_id(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn english_shows_english_initials_and_reads_them_back() {
        assert_eq!(Lang::En.show_id("F1"), "S1");
        assert_eq!(Lang::En.show_id("A7"), "T7");
        assert_eq!(Lang::En.show_id("FA2"), "ST2");
        assert_eq!(Lang::En.show_id("AF3"), "CF3");
        assert_eq!(Lang::En.show_id("R1"), "R1");
        assert_eq!(Lang::Es.show_id("AF3"), "AF3");
        assert_eq!(Lang::Ca.show_id("D2"), "D2");
        assert_eq!(Lang::En.show_id("not an id"), "not an id");
        for (shown, stored) in [("S1", "F1"), ("T7", "A7"), ("WT2", "DA2"), ("CF3", "AF3"), ("F1", "F1"), ("L4", "L4")]
        {
            assert_eq!(stored_id(shown), stored);
        }
        assert_eq!(stored_action_id(Came::Confront, "A2"), "AF2");
        assert_eq!(stored_action_id(Came::Confront, "CF2"), "AF2");
    }

    #[test]
    fn no_prefix_means_two_things_in_any_language() {
        let plan = ["R", "EJ", "L", "I"];
        // Every prefix any language shows or stores names exactly one kind.
        let mut kind_of: HashMap<&str, usize> = HashMap::new();
        let stored = stored_prefixes();
        for (i, p) in stored.iter().enumerate() {
            assert_eq!(kind_of.insert(p, i), None, "{p} stored twice");
        }
        for p in plan {
            assert_eq!(kind_of.insert(p, usize::MAX), None, "{p} clashes with a plan prefix");
        }
        for &l in Lang::ALL {
            let shown = l.prefixes();
            for (i, p) in shown.iter().enumerate() {
                assert_eq!(*kind_of.entry(p).or_insert(i), i, "{l:?} shows {p} for two kinds");
                assert!(ItemId::try_from(format!("{p}1").as_str()).is_ok(), "{p}");
            }
            for (i, id) in stored.iter().enumerate() {
                let id = format!("{id}4");
                assert_eq!(stored_id(&l.show_id(&id)), id, "{l:?} kind {i}");
            }
        }
    }
}
