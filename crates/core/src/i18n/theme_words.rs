//! Words of the áreas temáticas and cross-cutting impacts (issue 27): each
//! language's default lists, the keys, the picker, the filter's messages,
//! `dafo check`'s complaint and the exports' headings: their shape; each
//! language's words are in its catalogue (`KeymapText::themes`).

/// The theme and impact texts of one language.
#[derive(Debug)]
pub struct ThemeText {
    /// The áreas temáticas a session starts with (until it keeps its own list).
    pub themes: &'static [&'static str],
    /// The cross-cutting impacts an action can carry, by default.
    pub impacts: &'static [&'static str],
    // ---- Keymap ----
    pub tag: &'static str,
    pub tag_impacts: &'static str,
    pub filter: &'static str,
    // ---- Picker and messages ----
    /// Picker title: `Áreas temáticas de D3`.
    pub pick_themes: fn(&str) -> String,
    pub pick_impacts: fn(&str) -> String,
    /// The picker's line that adds the typed name to the session's list.
    pub add_new: fn(&str) -> String,
    /// The grid's filter: `Área temática: empleo (4)`.
    pub filtered: fn(&str, usize) -> String,
    pub all: &'static str,
    /// Nothing selected to tag.
    pub nothing: &'static str,
    // ---- `dafo check` ----
    /// (item ID, theme): the item names a theme that is not in the session's list.
    pub unknown_theme: fn(&str, &str) -> String,
    pub unknown_impact: fn(&str, &str) -> String,
    // ---- Exports ----
    /// Heading of one theme's DAFO: `DAFO · Empleo`.
    pub by_theme: fn(&str) -> String,
    /// Themes and impacts under an item: `Áreas: empleo, juventud`.
    pub themes_label: &'static str,
    pub impacts_label: &'static str,
    /// The informe's section of actions by impact.
    pub impacts_title: &'static str,
    pub no_actions: &'static str,
    /// The section of factors and actions by área temática.
    pub themes_title: &'static str,
    pub no_items: &'static str,
    /// The line under a section whose list is the session's own (not the defaults).
    pub own_list: &'static str,
    /// `--by-theme` with a format that has no DAFO grid to repeat: (format).
    pub by_theme_format: fn(&str) -> String,
}

/// The table of the session's own language (its default lists), Spanish when unknown.
pub fn of_session(s: &crate::domain::Session) -> &'static ThemeText {
    super::Lang::from_tag(&s.meta.language).unwrap_or_default().text().keymap.themes
}

/// The session's list of `tag`: its own, else its language's defaults.
pub fn list(s: &crate::domain::Session, tag: crate::domain::themes::Tag) -> Vec<String> {
    use crate::domain::themes::Tag;
    let w = of_session(s);
    crate::domain::themes::list(s, tag, if tag == Tag::Theme { w.themes } else { w.impacts })
}

/// What `dafo check` says of each name outside its list, in `lang`.
pub fn unknown_lines(s: &crate::domain::Session, lang: super::Lang) -> Vec<String> {
    use crate::domain::themes::{Tag, unknown};
    let w = lang.text().keymap.themes;
    unknown(s, &list(s, Tag::Theme), &list(s, Tag::Impact))
        .into_iter()
        .map(|(id, tag, name)| {
            let id = lang.show_id(&id);
            if tag == Tag::Theme { (w.unknown_theme)(&id, &name) } else { (w.unknown_impact)(&id, &name) }
        })
        .collect()
}
