//! Keys users can change: an optional `keys.ron` names, per keymap context, an
//! action and the keys for it, overriding the defaults. A bad file is refused
//! with file:line:column and the defaults stay.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;

use super::keymap::{self, Binding, Context, Key};

/// `{ "Grid": { "StartAdd": ["n"] } }`: context → action → keys.
type Overrides = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// A map read from the file with no name twice: a second `"StartAdd"` (or a
/// second `"Grid"`) would silently replace the first.
struct Once<V>(BTreeMap<String, V>);

/// How a name given twice is told apart from other RON errors, to be said in the user's language.
const TWICE: &str = "dafo-keys-twice:";

impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for Once<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Once<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Once<V>, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    if out.contains_key(&k) {
                        return Err(serde::de::Error::custom(format!("{TWICE}{k}")));
                    }
                    out.insert(k, v);
                }
                Ok(Once(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// Where `keys.ron` is looked for when `--keys` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("dafo").join("keys.ron"))
}

/// Reads `path` and makes its keys the table's. A missing default file is no
/// error (`Ok(false)`); anything wrong is refused, naming file:line:column.
pub fn load_and_install(path: &Path, explicit: bool, lang: crate::i18n::Lang) -> Result<bool, String> {
    let result = read_and_install(path, explicit, lang);
    if let Err(e) = &result {
        let _ = PROBLEM.set(format!("keys.ron: {e} ({})", lang.text().errors.default_keys_used));
    }
    result
}

/// Why the keys file was refused, to show on the first screen too.
pub fn problem() -> Option<&'static str> {
    PROBLEM.get().map(String::as_str)
}

static PROBLEM: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn read_and_install(path: &Path, explicit: bool, lang: crate::i18n::Lang) -> Result<bool, String> {
    use crate::storage::bounded::{SMALL_FILE_LIMIT, read_regular_text};
    // A FIFO or a link to a device is refused at once, never read blocking or without end.
    let text = match read_regular_text(path, SMALL_FILE_LIMIT) {
        Ok(text) => text,
        Err(e) if e.is_not_found() && !explicit => return Ok(false),
        Err(e) => return Err(e.message(lang)),
    };
    // Read once: the clash check and the table both work on what it says.
    let at_path = |e: String| format!("{}:{e}", path.display());
    let overrides = read_overrides(&text, lang).map_err(at_path)?;
    if let Some(e) = clash_in(&overrides, &text, lang) {
        return Err(at_path(e));
    }
    keymap::install(apply(&overrides, &text, keymap::bindings(), lang).map_err(at_path)?);
    Ok(true)
}

/// Where text is typed: a key that types a character there (`e`, `Space`) must
/// keep typing it, or a binding in `keys.ron` would make `e` cancel the line.
const TYPING: [Context; 4] = [Context::Input, Context::ActionInput, Context::Form, Context::Picker];

/// `line:column: why` of the first key `text` binds in a typing context that
/// would type a character there; `None` when there is none (or `text` does not
/// read: [`parse`] says why).
pub fn typing_clash(text: &str, lang: crate::i18n::Lang) -> Option<String> {
    clash_in(&ron::from_str(text).ok()?, text, lang)
}

/// [`typing_clash`] of overrides already read from `text`.
fn clash_in(overrides: &Overrides, text: &str, lang: crate::i18n::Lang) -> Option<String> {
    for (ctx_name, actions) in overrides {
        if !TYPING.iter().any(|c| format!("{c:?}") == *ctx_name) {
            continue;
        }
        for name in actions.values().flatten() {
            if parse_key(name).is_some_and(|k| !k.ctrl && matches!(k.code, KeyCode::Char(_))) {
                return Some(format!("{}: {}", locate(text, name), (lang.text().limits.typing_key)(name, ctx_name)));
            }
        }
    }
    None
}

/// The default table with the overrides of `text` applied; errors read `line:column: why`.
pub fn parse(text: &str, defaults: &[Binding], lang: crate::i18n::Lang) -> Result<Vec<Binding>, String> {
    apply(&read_overrides(text, lang)?, text, defaults, lang)
}

/// What `text` overrides, or `line:column: why` it does not read as a keys file.
fn read_overrides(text: &str, lang: crate::i18n::Lang) -> Result<Overrides, String> {
    let read: Once<Once<Vec<String>>> = ron::from_str(text).map_err(|e| {
        if let ron::Error::Message(m) = &e.code
            && let Some(name) = m.strip_prefix(TWICE)
        {
            return format!("{}:{}: {}", e.span.start.line, e.span.start.col, (lang.text().errors.keys_twice)(name));
        }
        let why = crate::storage::RonProblem::of(&e, text).message(lang);
        format!("{}:{}: {} ({why})", e.span.start.line, e.span.start.col, lang.text().errors.keys_not_a_keymap)
    })?;
    Ok(read.0.into_iter().map(|(ctx, actions)| (ctx, actions.0)).collect())
}

/// The default table with `overrides` (read from `text`, where errors point) applied.
fn apply(
    overrides: &Overrides,
    text: &str,
    defaults: &[Binding],
    lang: crate::i18n::Lang,
) -> Result<Vec<Binding>, String> {
    let words = &lang.text().errors;
    let at = |needle: &str| locate(text, needle);
    let mut table = defaults.to_vec();
    for (ctx_name, actions) in overrides {
        let Some(ctx) = Context::ALL.iter().copied().find(|c| format!("{c:?}") == *ctx_name) else {
            return Err(format!("{}: {}", at(ctx_name), (words.keys_unknown_context)(ctx_name)));
        };
        for (action_name, key_names) in actions {
            let keys = key_names
                .iter()
                .map(|k| parse_key(k).ok_or_else(|| format!("{}: {}", at(k), (words.keys_unknown_key)(k))))
                .collect::<Result<Vec<Key>, String>>()?;
            if keys.is_empty() {
                return Err(format!("{}: {}", at(action_name), (words.keys_no_key)(action_name)));
            }
            let Some(pos) = table.iter().position(|b| b.ctx.contains(&ctx) && answers_to(b, action_name)) else {
                return Err(format!("{}: {}", at(action_name), (words.keys_no_action)(action_name, ctx_name)));
            };
            // The row may serve several contexts: only this one changes.
            let mut row = table[pos].clone();
            let others: Vec<Context> = row.ctx.iter().copied().filter(|c| *c != ctx).collect();
            table[pos].ctx = Box::leak(others.into_boxed_slice());
            row.ctx = Box::leak(vec![ctx].into_boxed_slice());
            row.keys = Box::leak(keys.into_boxed_slice());
            if let Some(clash) =
                table.iter().find(|b| b.ctx.contains(&ctx) && b.keys.iter().any(|k| row.keys.contains(k)))
            {
                let taken = (words.keys_taken)(action_name, &action_label(clash), ctx_name);
                return Err(format!("{}: {taken}", at(action_name)));
            }
            table.insert(pos, row);
        }
    }
    Ok(table)
}

/// How an action is named in `keys.ron` and in `dafo keys`: `StartAdd`, `Focus(Strengths)`, `Room(CycleTheme)`.
pub fn action_label(b: &Binding) -> String {
    format!("{:?}", b.action)
}

/// Whether `name` in `keys.ron` means the action of `b`: its name, or the one
/// an older version of dafo gave it (files written then still load).
fn answers_to(b: &Binding, name: &str) -> bool {
    action_label(b) == name || old_name(&b.action) == Some(name)
}

/// The name an action had before actions were named for what they do, not by
/// their key: `VoteUp` was a vote in the grid and a degree step in Seguimiento.
fn old_name(action: &crate::app::Action) -> Option<&'static str> {
    use crate::app::Action;
    match action {
        Action::Vote(1) | Action::DegreeStep(5) => Some("VoteUp"),
        Action::Vote(-1) | Action::DegreeStep(-5) => Some("VoteDown"),
        Action::NextPane | Action::NextTarget => Some("NextQuadrant"),
        Action::PrevPane | Action::PrevTarget => Some("PrevQuadrant"),
        _ => None,
    }
}

/// `line:column` of the first quoted `needle` in `text` (1:1 if not found).
fn locate(text: &str, needle: &str) -> String {
    let quoted = format!("\"{needle}\"");
    let offset = text.find(&quoted).unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{col}")
}

/// A key as written in the file: `a`, `Ctrl-s`, `Enter`, `Esc`, `Tab`, `F2`…
pub fn parse_key(name: &str) -> Option<Key> {
    let (ctrl, base) = match name.strip_prefix("Ctrl-") {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    let code = match base {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" | "BackTab" => KeyCode::BackTab,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        "Home" | "Inicio" => KeyCode::Home,
        "End" | "Fin" => KeyCode::End,
        "Delete" | "Supr" => KeyCode::Delete,
        "Backspace" => KeyCode::Backspace,
        "Space" | "Espacio" => KeyCode::Char(' '),
        // F1 to F12, as docs/keys.md says: no key sends F0 or F13.
        f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
        c => {
            let mut chars = c.chars();
            let ch = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(if ctrl { ch.to_ascii_lowercase() } else { ch })
        }
    };
    Some(Key { code, ctrl })
}

/// `dafo keys`: the effective table, one line per context and action.
pub fn print_table(lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for ctx in Context::ALL {
        out.push_str(&format!("{ctx:?}\n"));
        for b in keymap::of_context(ctx) {
            out.push_str(&format!("  {:<28} {:<16} {}\n", action_label(b), b.keys_label(lang), b.describe(lang)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second `"StartAdd"` (or a second `"Grid"`) silently replaced the
    /// first; `F0`, which no key sends, was taken and left the action without a key.
    #[test]
    fn a_name_given_twice_or_a_key_no_keyboard_has_is_refused_at_its_place() {
        use crate::i18n::Lang;
        for (file, line) in [
            ("{ \"Grid\": { \"StartAdd\": [\"n\"],\n \"StartAdd\": [\"b\"] } }", 2),
            ("{ \"Grid\": { \"StartAdd\": [\"n\"] },\n\n \"Grid\": { \"Quit\": [\"x\"] } }", 3),
        ] {
            let e = read_overrides(file, Lang::Es).unwrap_err();
            assert!(e.starts_with(&format!("{line}:")) && e.contains("dos veces"), "{e}");
        }
        assert!(read_overrides("{ \"Grid\": { \"StartAdd\": [\"n\"] } }", Lang::Es).is_ok());
        for bad in ["F0", "F13", "F256"] {
            assert!(parse_key(bad).is_none(), "{bad}");
        }
        assert!(parse_key("F1").is_some() && parse_key("F12").is_some());
    }

    #[test]
    fn remaps_one_context_and_leaves_the_others() {
        use crate::i18n::Lang;
        let table = parse(r#"{ "Grid": { "StartAdd": ["n"] } }"#, keymap::bindings(), Lang::En).expect("reads");
        let add_in = |ctx: Context| {
            table
                .iter()
                .find(|b| b.ctx.contains(&ctx) && b.action == crate::app::Action::StartAdd)
                .map(|b| b.keys_label(crate::i18n::Lang::En))
        };
        assert_eq!(add_in(Context::Grid).as_deref(), Some("n"));
        assert_eq!(add_in(Context::CameFactors).as_deref(), Some("a"));
    }

    /// docs/keys.md's example file loads as it says, and its list of contexts is the
    /// one a keys file can name.
    #[test]
    fn the_documented_example_loads_and_every_context_is_documented() {
        use crate::app::Action;
        use crate::i18n::Lang;
        let doc = include_str!("../../docs/keys.md");
        let example = &doc[doc.find("```ron\n").expect("an example") + 7..];
        let example = &example[..example.find("```").expect("its end")];
        let table = parse(example, keymap::bindings(), Lang::En).expect("the documented example loads");
        let keys_of = |ctx: Context, action: Action| {
            table.iter().find(|b| b.ctx.contains(&ctx) && b.action == action).map(|b| b.keys_label(Lang::En))
        };
        assert_eq!(keys_of(Context::Grid, Action::StartAdd).as_deref(), Some("n"));
        assert_eq!(keys_of(Context::CameActions, Action::StartLink).as_deref(), Some("v / b"));
        let listed =
            &doc[doc.find("- **Contexts:**").expect("the contexts")..doc.find("- **Actions:**").expect("then")];
        for ctx in Context::ALL {
            assert!(listed.contains(&format!("`{ctx:?}`")), "docs/keys.md does not list the context {ctx:?}");
        }
    }

    #[test]
    fn keys_files_naming_actions_the_old_way_still_load() {
        use crate::app::Action;
        let file = r#"{ "Grid": { "VoteUp": ["w"] }, "Follow": { "VoteDown": ["<"], "VoteUp": [">"] } }"#;
        let table = parse(file, keymap::bindings(), Lang::En).expect("an old keys file reads");
        let keys_of = |ctx: Context, action: Action| {
            table.iter().find(|b| b.ctx.contains(&ctx) && b.action == action).map(|b| b.keys_label(Lang::En))
        };
        use crate::i18n::Lang;
        assert_eq!(keys_of(Context::Grid, Action::Vote(1)).as_deref(), Some("w"));
        assert_eq!(keys_of(Context::Grid, Action::Vote(-1)).as_deref(), Some("-"), "what it does not name stays");
        assert_eq!(keys_of(Context::Follow, Action::DegreeStep(-5)).as_deref(), Some("<"));
        assert_eq!(keys_of(Context::Follow, Action::DegreeStep(5)).as_deref(), Some(">"));
        assert_eq!(keys_of(Context::CameFactors, Action::Vote(1)).as_deref(), Some("+"), "only Grid changed");
        let file = r#"{ "PlanTree": { "NextQuadrant": ["F2"] }, "ActionInput": { "PrevQuadrant": ["F3"] } }"#;
        let table = parse(file, keymap::bindings(), Lang::En).expect("an old keys file reads");
        let keys_of = |ctx: Context, action: Action| {
            table.iter().find(|b| b.ctx.contains(&ctx) && b.action == action).map(|b| b.keys_label(Lang::En))
        };
        assert_eq!(keys_of(Context::PlanTree, Action::NextPane).as_deref(), Some("F2"));
        assert_eq!(keys_of(Context::ActionInput, Action::PrevTarget).as_deref(), Some("F3"));
        // The new names read too.
        let table = parse(r#"{ "Follow": { "DegreeStep(5)": ["]"] } }"#, keymap::bindings(), Lang::En).expect("reads");
        assert!(table.iter().any(|b| b.ctx == [Context::Follow] && b.action == Action::DegreeStep(5)));
    }

    #[test]
    fn a_bad_file_names_line_and_column() {
        use crate::i18n::Lang;
        let err = parse("{\n  \"Grid\": {\n    \"StartAdd\": [\"nope-key\"],\n  },\n}", keymap::bindings(), Lang::En)
            .unwrap_err();
        assert!(err.starts_with("3:18:"), "{err}");
        let err = parse("{ \"Grid\": { \"Nothing\": [\"n\"] } }", keymap::bindings(), Lang::En).unwrap_err();
        assert!(err.starts_with("1:13:") && err.contains("Nothing"), "{err}");
        let err = parse("{ \"Grid\": ", keymap::bindings(), Lang::En).unwrap_err();
        assert!(err.starts_with("1:"), "{err}");
        let err = parse("{ \"Grid\": { \"StartAdd\": [\"e\"] } }", keymap::bindings(), Lang::En).unwrap_err();
        assert!(err.contains("already"), "{err}");
    }

    #[test]
    fn a_bad_keys_file_is_explained_in_the_language_in_force() {
        use crate::i18n::Lang;
        let bad = |text: &str, lang| parse(text, keymap::bindings(), lang).unwrap_err();
        let files = [
            "{ \"Nowhere\": { \"StartAdd\": [\"n\"] } }",
            "{ \"Grid\": { \"StartAdd\": [\"nope-key\"] } }",
            "{ \"Grid\": { \"StartAdd\": [] } }",
            "{ \"Grid\": { \"Nothing\": [\"n\"] } }",
            "{ \"Grid\": { \"StartAdd\": [\"e\"] } }",
            "{ \"Grid\": ",
        ];
        let es = [
            "no hay ningún contexto",
            "no se conoce la tecla",
            "necesita al menos una tecla",
            "no hay ninguna acción",
            "ya hace",
            "no se lee como un mapa de teclas",
        ];
        let ca = [
            "no hi ha cap context",
            "no es coneix la tecla",
            "necessita almenys una tecla",
            "no hi ha cap acció",
            "ja fa",
            "no es llig com un mapa de tecles",
        ];
        let en = [
            "there is no context",
            "unknown key",
            "needs at least one key",
            "there is no action",
            "already does",
            "does not read as a keymap",
        ];
        for (i, file) in files.iter().enumerate() {
            for (lang, words) in [(Lang::Es, &es), (Lang::Ca, &ca), (Lang::En, &en)] {
                let err = bad(file, lang);
                assert!(err.contains(words[i]), "{lang:?}: {err}");
                if lang != Lang::En {
                    for english in en {
                        assert!(!err.contains(english), "{lang:?}: English in {err}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_keys_file_that_does_not_parse_says_why_in_the_language_in_force_not_in_rons_words() {
        use crate::i18n::Lang;
        let files = ["{ \"Grid\": ", "{ \"Grid\" { } }", "{ Grid: { } }", "{ \"Grid\": { \"StartAdd\": \"n\" } }"];
        let said = [
            (
                Lang::Es,
                [
                    "el archivo termina antes de tiempo",
                    "falta `:`",
                    "aquí se esperaba un texto entre comillas",
                    "se esperaba la apertura `[`",
                ],
            ),
            (
                Lang::En,
                ["the file ends too early", "expected `:`", "expected a quoted text here", "expected opening `[`"],
            ),
            (
                Lang::Ca,
                [
                    "el fitxer acaba abans d'hora",
                    "falta `:`",
                    "ací s'esperava un text entre cometes",
                    "s'esperava l'obertura `[`",
                ],
            ),
        ];
        for (i, file) in files.iter().enumerate() {
            let ron_words = ron::from_str::<Overrides>(file).unwrap_err().code.to_string();
            for (lang, words) in &said {
                let err = parse(file, keymap::bindings(), *lang).unwrap_err();
                assert!(err.starts_with("1:") && err.contains(words[i]), "{lang:?}: {err}");
                assert!(!err.contains(&ron_words), "{lang:?}: ron's words in {err}");
            }
        }
    }

    #[test]
    fn a_key_that_types_cannot_be_bound_where_text_is_typed() {
        use crate::i18n::Lang;
        let file = "{\n  \"Input\": {\n    \"Cancel\": [\"e\"],\n  },\n}";
        let err = typing_clash(file, Lang::En).expect("refused");
        assert!(err.starts_with("3:16: the key \"e\" types text in Input"), "{err}");
        for lang in Lang::ALL {
            assert!(typing_clash("{ \"Form\": { \"Cancel\": [\"Space\"] } }", *lang).is_some());
        }
        // Control keys and other keys stay free to bind; elsewhere printable keys are fine.
        assert_eq!(typing_clash("{ \"Input\": { \"Cancel\": [\"Ctrl-g\", \"F2\"] } }", Lang::Es), None);
        assert_eq!(typing_clash("{ \"Grid\": { \"StartAdd\": [\"n\"] } }", Lang::Es), None);
        // Through the file, nothing is installed.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.ron");
        std::fs::write(&path, file).unwrap();
        let err = read_and_install(&path, true, Lang::Es).unwrap_err();
        assert!(err.contains("keys.ron:3:16: la tecla \"e\" escribe texto en Input"), "{err}");
    }
}
