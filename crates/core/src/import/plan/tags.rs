//! Reading the exports' `Áreas temáticas` and `Impactos transversales` back
//! from Markdown (any of the three languages): a `###` heading per name, the
//! items that carry it as `- **ID** text`, and the line that says the list is
//! the session's own. The headings of `--by-theme`'s grids are passed over.

use crate::domain::Session;
use crate::domain::themes::{Tag, union};
use crate::i18n::Lang;

use super::fold;

/// The tags section a level-2 heading opens, in any language.
pub(super) fn section(h: &str) -> Option<Tag> {
    let f = fold(h);
    Lang::ALL.iter().find_map(|l| {
        let w = l.text().keymap.themes;
        if f == fold(w.themes_title) {
            Some(Tag::Theme)
        } else if f == fold(w.impacts_title) {
            Some(Tag::Impact)
        } else {
            None
        }
    })
}

/// Whether a level-2 heading is one of `--by-theme`'s grids (`DAFO · empleo`).
pub(super) fn is_theme_grid(h: &str) -> bool {
    let f = fold(h);
    Lang::ALL.iter().any(|l| f.starts_with(&fold(&(l.text().keymap.themes.by_theme)(""))))
}

/// What the sections said.
#[derive(Default)]
pub(super) struct Tags {
    /// The name of the `###` heading being read.
    pub name: Option<String>,
    /// (list, name, item ID as stored).
    found: Vec<(Tag, String, String)>,
    /// Names in order, per list, and whether the list is the session's own.
    names: [Vec<String>; 2],
    own: [bool; 2],
}

fn at(tag: Tag) -> usize {
    usize::from(tag == Tag::Impact)
}

impl Tags {
    /// One line of a section: the own-list line, or an item under a name.
    pub fn line(&mut self, tag: Tag, trimmed: &str, item: Option<&str>) {
        let own = Lang::ALL.iter().any(|l| {
            let lead = super::unescape(trimmed.trim_matches('*'));
            lead.trim_end_matches('.') == l.text().keymap.themes.own_list
        });
        if own {
            self.own[at(tag)] = true;
            return;
        }
        let Some(name) = self.name.clone() else { return };
        self.names[at(tag)] = union(&self.names[at(tag)], std::slice::from_ref(&name));
        let id = item.and_then(|i| i.strip_prefix("**")).and_then(|i| i.split_once("**")).map(|(id, _)| id);
        if let Some(id) = id {
            self.found.push((tag, name, crate::i18n::stored_id(&super::unescape(id))));
        }
    }

    /// Gives each item its names, and the session its own lists.
    pub fn apply(self, s: &mut Session) {
        for (tag, name, id) in self.found {
            if let Some((q, i)) = s.find_factor(&id) {
                if tag == Tag::Theme {
                    s.factors_mut(q)[i].themes.push(name);
                }
            } else if let Some((c, i)) = s.find_action(&id) {
                let a = &mut s.actions_mut(c)[i];
                if tag == Tag::Theme { a.themes.push(name) } else { a.impacts.push(name) }
            }
        }
        let [themes, impacts] = self.names;
        if self.own[0] {
            s.meta.themes = themes;
        }
        if self.own[1] {
            s.meta.impacts = impacts;
        }
    }
}
