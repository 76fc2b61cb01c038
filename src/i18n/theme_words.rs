//! Words of the áreas temáticas and cross-cutting impacts (issue 27): each
//! language's default lists, the keys, the picker, the filter's messages,
//! `dafo check`'s complaint and the exports' headings. `KeymapText::themes`
//! points at a language's table.

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

pub static ES: ThemeText = ThemeText {
    themes: &[
        "economía",
        "empleo",
        "igualdad",
        "juventud",
        "medio ambiente",
        "servicios sociales",
        "turismo",
        "cultura",
        "educación",
        "salud",
        "vivienda",
        "movilidad",
    ],
    impacts: &["género", "juventud", "medio ambiente y clima"],
    tag: "áreas temáticas del elemento",
    tag_impacts: "impactos transversales de la acción",
    filter: "filtrar por área temática: una, otra, todas",
    pick_themes: |id| format!("Áreas temáticas de {id}"),
    pick_impacts: |id| format!("Impactos transversales de {id}"),
    add_new: |name| format!("+ añadir «{name}» a la lista"),
    filtered: |theme, n| format!("Área temática: {theme} ({n})"),
    all: "Todas las áreas temáticas",
    nothing: "No hay nada seleccionado",
    unknown_theme: |id, t| format!("{id}: el área temática «{t}» no está en la lista de la sesión"),
    unknown_impact: |id, t| format!("{id}: el impacto «{t}» no está en la lista de la sesión"),
    by_theme: |t| format!("DAFO · {t}"),
    themes_label: "Áreas",
    impacts_label: "Impactos",
    impacts_title: "Impactos transversales",
    no_actions: "Ninguna acción.",
    themes_title: "Áreas temáticas",
    no_items: "Ningún elemento.",
    own_list: "Lista propia de la sesión",
    by_theme_format: |f| format!("--by-theme da un DAFO por área temática en md, html, docx o txt, no en {f}"),
};

pub static EN: ThemeText = ThemeText {
    themes: &[
        "economy",
        "employment",
        "equality",
        "youth",
        "environment",
        "social services",
        "tourism",
        "culture",
        "education",
        "health",
        "housing",
        "mobility",
    ],
    impacts: &["gender", "youth", "environment and climate"],
    tag: "themes of the item",
    tag_impacts: "cross-cutting impacts of the action",
    filter: "filter by theme: one, the next, all",
    pick_themes: |id| format!("Themes of {id}"),
    pick_impacts: |id| format!("Cross-cutting impacts of {id}"),
    add_new: |name| format!("+ add \"{name}\" to the list"),
    filtered: |theme, n| format!("Theme: {theme} ({n})"),
    all: "All themes",
    nothing: "Nothing is selected",
    unknown_theme: |id, t| format!("{id}: the theme \"{t}\" is not in the session's list"),
    unknown_impact: |id, t| format!("{id}: the impact \"{t}\" is not in the session's list"),
    by_theme: |t| format!("SWOT · {t}"),
    themes_label: "Themes",
    impacts_label: "Impacts",
    impacts_title: "Cross-cutting impacts",
    no_actions: "No action.",
    themes_title: "Themes",
    no_items: "No item.",
    own_list: "The session's own list",
    by_theme_format: |f| format!("--by-theme gives one SWOT per theme in md, html, docx or txt, not in {f}"),
};

pub static CA: ThemeText = ThemeText {
    themes: &[
        "economia",
        "ocupació",
        "igualtat",
        "joventut",
        "medi ambient",
        "serveis socials",
        "turisme",
        "cultura",
        "educació",
        "salut",
        "habitatge",
        "mobilitat",
    ],
    impacts: &["gènere", "joventut", "medi ambient i clima"],
    tag: "àrees temàtiques de l'element",
    tag_impacts: "impactes transversals de l'acció",
    filter: "filtrar per àrea temàtica: una, una altra, totes",
    pick_themes: |id| format!("Àrees temàtiques de {id}"),
    pick_impacts: |id| format!("Impactes transversals de {id}"),
    add_new: |name| format!("+ afegir «{name}» a la llista"),
    filtered: |theme, n| format!("Àrea temàtica: {theme} ({n})"),
    all: "Totes les àrees temàtiques",
    nothing: "No hi ha res seleccionat",
    unknown_theme: |id, t| format!("{id}: l'àrea temàtica «{t}» no és a la llista de la sessió"),
    unknown_impact: |id, t| format!("{id}: l'impacte «{t}» no és a la llista de la sessió"),
    by_theme: |t| format!("DAFO · {t}"),
    themes_label: "Àrees",
    impacts_label: "Impactes",
    impacts_title: "Impactes transversals",
    no_actions: "Cap acció.",
    themes_title: "Àrees temàtiques",
    no_items: "Cap element.",
    own_list: "Llista pròpia de la sessió",
    by_theme_format: |f| format!("--by-theme dona un DAFO per àrea temàtica en md, html, docx o txt, no en {f}"),
};

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
