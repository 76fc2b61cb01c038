//! A language lives in one place: its catalogue file (`es.rs`, `en.rs`, `ca.rs`)
//! and its line in `languages!` (`mod.rs`). No other source file holds
//! per-language tables (`static ES: …`, `match lang { Lang::Es => … }`,
//! `"es" => …`).

use std::path::Path;

use super::Lang;

/// Source files that still hold per-language tables of their own, waiting to move
/// into the catalogues. This list only shrinks: a file moved must leave it, a
/// new file must not join it.
const NOT_YET: &[&str] = &[];

/// Whether a source text names a language to hold its words: a `static`/`const`
/// named after a language's tag (`ES`, `EN_KEYS`) or a `Lang::Es =>` arm.
fn names_a_language(text: &str) -> bool {
    Lang::ALL.iter().any(|l| {
        let upper = l.tag().to_ascii_uppercase();
        let arm = format!("Lang::{l:?} =>");
        let tag_arm = format!("\"{}\" =>", l.tag());
        text.contains(&arm)
            || text.contains(&tag_arm)
            || ["static", "const"]
                .iter()
                .any(|k| [':', '_'].iter().any(|end| text.contains(&format!("{k} {upper}{end}"))))
    })
}

/// The `.rs` files under `dir`, as paths relative to `src/`, sorted.
fn sources(src: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(src).expect("under src").to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn a_language_lives_only_in_its_catalogue_file() {
    // The core's sources and the dafo package's (command line, TUI).
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let root = crate::repo::path("src");
    let mut own: Vec<String> = Lang::ALL.iter().map(|l| format!("i18n/{}.rs", l.tag())).collect();
    own.push("i18n/mod.rs".to_owned());
    own.push("i18n/one_place_tests.rs".to_owned());
    let mut found = Vec::new();
    for src in [core, root] {
        let mut all = Vec::new();
        sources(&src, &src, &mut all);
        found.extend(
            all.into_iter()
                .filter(|name| !own.contains(name))
                .filter(|name| names_a_language(&std::fs::read_to_string(src.join(name)).expect("readable"))),
        );
    }
    found.sort();
    assert_eq!(found, NOT_YET, "source files holding words of one language outside its catalogue");
}

#[test]
fn the_check_sees_a_table_and_an_arm() {
    assert!(names_a_language("pub static ES: SalaWords = SalaWords {"));
    assert!(names_a_language("pub const CA_KEYS: FollowKeys = FollowKeys {"));
    assert!(names_a_language("match self { super::Lang::En => &EN, }"));
    assert!(names_a_language("match language { \"ca\" => \"ca-ES\".into(), }"));
    assert!(!names_a_language("const ESC: u8 = 0x1b; let t = lang.text().sala;"));
}

#[test]
fn a_refused_status_names_the_words_of_every_language() {
    for l in Lang::ALL {
        let said = (l.text().review_errors.not_a_status)("potser");
        for other in Lang::ALL {
            assert!(said.contains(&other.text().domain.status.join(", ")), "{l:?} {other:?}: {said}");
        }
    }
}
