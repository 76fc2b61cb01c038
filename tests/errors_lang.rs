//! Errors speak the language in force through the built binary (issue 23): clap's
//! own mistakes, the system's refusals (a missing file, a path through a file, a
//! read-only folder) in es, en and ca; `recover` and `copy` speak the session's language.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use dafo::i18n::Lang;

/// The binary with `DAFO_LANG` set to `lang` (nothing else from this machine).
fn dafo_in(lang: Lang, args: &[&str]) -> Output {
    crate::common::dafo_command(args).env("DAFO_LANG", lang.tag()).output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A small session saved as made in `language`.
fn session_in(dir: &Path, name: &str, language: &str) -> PathBuf {
    let mut s = dafo::domain::Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    s.meta.language = language.to_owned();
    let path = dir.join(name);
    dafo::storage::save(&path, &s).unwrap();
    path
}

#[test]
fn an_unknown_option_is_refused_in_the_language_in_force_with_exit_2() {
    for (lang, said, usage) in [
        (Lang::Es, "error: argumento desconocido «--bogus»", "Uso: dafo"),
        (Lang::En, "error: unexpected argument '--bogus' found", "Usage: dafo"),
        (Lang::Ca, "error: argument desconegut «--bogus»", "Ús: dafo"),
    ] {
        let o = dafo_in(lang, &["--bogus"]);
        assert_eq!(o.status.code(), Some(2), "{lang:?}: {}", err(&o));
        assert!(err(&o).starts_with(said) && err(&o).contains(usage), "{lang:?}: {}", err(&o));
        assert!(err(&o).contains(lang.text().errors.cli_help_hint), "{lang:?}: {}", err(&o));
    }
    // --lang wins over DAFO_LANG, even on a line that does not parse.
    let o = dafo_in(Lang::Es, &["--lang", "ca", "--bogus"]);
    assert!(err(&o).starts_with("error: argument desconegut"), "{}", err(&o));
    // A missing argument and a value refused, in Catalan.
    let o = dafo_in(Lang::Ca, &["review"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).starts_with("error: falten arguments obligatoris: --year <YEAR>, <FILE>"), "{}", err(&o));
    let o = dafo_in(Lang::Es, &["--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("valor no válido «fr» para --lang <LANG>"), "{}", err(&o));
}

#[test]
fn help_and_version_pass_through_as_clap_prints_them() {
    let o = dafo_in(Lang::Es, &["--version"]);
    assert!(o.status.success() && out(&o).starts_with("dafo "), "{}", out(&o));
    let o = dafo_in(Lang::Ca, &["--help"]);
    assert!(o.status.success() && out(&o).contains("Usage: dafo"), "{}", out(&o));
}

#[test]
fn a_missing_file_says_so_in_each_language_with_the_system_detail() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-esta.ron");
    for (lang, said) in [(Lang::Es, "no existe: "), (Lang::En, "does not exist: "), (Lang::Ca, "no existeix: ")] {
        let o = dafo_in(lang, &["show", p(&missing)]);
        assert_eq!(o.status.code(), Some(1), "{lang:?}");
        let e = err(&o);
        assert!(e.contains(&format!("no-esta.ron: {said}No such file or directory")), "{lang:?}: {e}");
        assert!(!e.contains("os error"), "{lang:?}: {e}");
    }
}

#[test]
fn a_path_through_a_file_says_so_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_in(dir.path(), "s.ron", "es");
    let through = dir.path().join("s.ron").join("out.md");
    for (lang, said) in [
        (Lang::Es, "una parte de la ruta no es una carpeta"),
        (Lang::En, "part of the path is not a folder"),
        (Lang::Ca, "una part del camí no és una carpeta"),
    ] {
        // --lang: the session (Spanish) would speak otherwise.
        let o = dafo_in(lang, &["export", p(&s), "-o", p(&through), "--lang", lang.tag()]);
        assert!(!o.status.success(), "{lang:?}");
        assert!(err(&o).contains(said), "{lang:?}: {}", err(&o));
    }
}

/// The end of a failed write's message: the language's words, then the system's
/// own text and nothing after (no `(os error N)`, no English "at path" naming a
/// hidden temp file).
fn assert_refusal_ends(e: &str, words: &str, system: &str, what: &str) {
    let line = e.lines().last().unwrap_or_default();
    assert!(line.ends_with(&format!("{words}: {system}")), "{what}: {e}");
    // The temp files beside `x.md`, `x.docx`, `out.md`... are named `.x.md.XXXXXX.tmp`.
    for leak in ["os error", "at path", "/.x.", "/.out.", ".tmp\""] {
        assert!(!e.contains(leak), "{what}: {leak:?} in {e}");
    }
}

/// Every command that writes a file with `-o`, writing to `out`.
fn writes_to(dir: &Path, out: &Path) -> Vec<(&'static str, Vec<String>)> {
    // A plan with reviews (for `report`), copied where `nobody` reads it too.
    let almendral = dir.join("almendral.ron");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/almendral-plan-servicios-sociales-2023-2026.ron");
    std::fs::copy(sample, &almendral).unwrap();
    let a = session_in(dir, "a.ron", "es");
    let b = session_in(dir, "b.ron", "es");
    let md = dir.join("lista.md");
    std::fs::write(&md, "# Taller\n\n## Fortalezas\n\n- Equipo\n").unwrap();
    let docx = out.with_extension("docx");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    vec![
        ("export md", vec!["export".into(), s(&almendral), "-o".into(), s(out)]),
        ("export docx", vec!["export".into(), s(&almendral), "-o".into(), s(&docx)]),
        ("report", vec!["report".into(), s(&almendral), "-o".into(), s(out)]),
        ("merge", vec!["merge".into(), s(&a), s(&b), "-o".into(), s(&out.with_extension("ron"))]),
        ("import", vec!["import".into(), s(&md), "-o".into(), s(&out.with_extension("ron"))]),
    ]
}

#[test]
fn a_failed_write_says_why_in_each_language_without_english_or_a_temp_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let a_file = session_in(dir.path(), "s.ron", "es");
    for (out, system) in
        [(dir.path().join("nodir").join("x.md"), "No such file or directory"), (a_file.join("x.md"), "Not a directory")]
    {
        for (what, args) in writes_to(dir.path(), &out) {
            for lang in Lang::ALL.iter().copied() {
                let e = lang.text().errors;
                let words = if system == "Not a directory" { e.os_not_folder } else { e.os_not_found };
                let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
                args.extend(["--lang", lang.tag()]);
                let o = dafo_in(lang, &args);
                assert_eq!(o.status.code(), Some(1), "{what} {lang:?}: {}", err(&o));
                assert_refusal_ends(&err(&o), words, system, &format!("{what} {lang:?}"));
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_says_so_in_each_language() {
    use std::os::unix::fs::PermissionsExt as _;
    if !crate::common::needs(crate::common::Tool::Unprivileged) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = session_in(dir.path(), "s.ron", "es");
    let locked = dir.path().join("solo-lectura");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        // Root (as in CI) ignores permission bits: run this test again as `nobody`.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        crate::common::nobody::rerun(module_path!(), "a_folder_without_write_permission_says_so_in_each_language");
        return;
    }
    for (lang, said) in [(Lang::Es, "sin permiso"), (Lang::En, "no permission"), (Lang::Ca, "sense permís")] {
        let o = dafo_in(lang, &["export", p(&s), "-o", p(&locked.join("out.md")), "--lang", lang.tag()]);
        assert!(!o.status.success(), "{lang:?}");
        assert_refusal_ends(&err(&o), said, "Permission denied", &format!("{lang:?}"));
        // Every other command that writes a file, too.
        for (what, args) in writes_to(dir.path(), &locked.join("out.md")) {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--lang", lang.tag()]);
            let o = dafo_in(lang, &args);
            assert_eq!(o.status.code(), Some(1), "{what} {lang:?}: {}", err(&o));
            assert_refusal_ends(&err(&o), said, "Permission denied", &format!("{what} {lang:?}"));
        }
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn recover_speaks_the_session_language() {
    let dir = tempfile::tempdir().unwrap();
    for (language, said) in [
        ("en", "reads fine; nothing to recover"),
        ("ca", "es llig bé; no hi ha res a recuperar"),
        ("es", "se lee bien; no hay nada que recuperar"),
    ] {
        let s = session_in(dir.path(), &format!("{language}.ron"), language);
        // The environment says Spanish: the session's own language wins.
        let o = dafo_in(Lang::Es, &["recover", p(&s)]);
        assert!(o.status.success(), "{language}: {}", err(&o));
        assert!(out(&o).contains(said), "{language}: {}", out(&o));
    }
    // A file that is not there cannot tell: the language in force speaks.
    let o = dafo_in(Lang::Ca, &["recover", p(&dir.path().join("cap.ron"))]);
    assert!(!o.status.success());
    assert!(err(&o).contains("no existeix") && !err(&o).contains("No backup"), "{}", err(&o));
}

/// What a catalogue's message with two values says around them.
fn around(said: fn(&str, &str) -> String) -> Vec<String> {
    said("\u{1}", "\u{1}").split('\u{1}').filter(|p| !p.trim().is_empty()).map(str::to_owned).collect()
}

/// `recover` of a damaged file speaks the session's language: the backup's it
/// restores, else the damaged file's own (its `meta` still reads), unless
/// `--lang`; where neither can tell, the language in force.
#[test]
fn recover_of_a_damaged_file_speaks_the_session_language() {
    let dir = tempfile::tempdir().unwrap();
    for language in ["en", "ca"] {
        let lang = Lang::from_tag(language).unwrap();
        let s = session_in(dir.path(), &format!("{language}.ron"), language);
        let good = std::fs::read(&s).unwrap();
        dafo::storage::backup::keep_backup(&s, &good, true).unwrap();
        let damage = || {
            let mut bytes = good.clone();
            bytes.extend_from_slice(b"broken\n");
            std::fs::write(&s, bytes).unwrap();
        };
        // The environment says Spanish: the session's language wins, from the backup.
        damage();
        let o = dafo_in(Lang::Es, &["recover", p(&s)]);
        assert!(o.status.success(), "{language}: {}", err(&o));
        for part in around(lang.text().errors.recover_restored) {
            assert!(out(&o).contains(&part), "{language}: {part:?} in {}", out(&o));
        }
        assert!(out(&o).contains(lang.text().errors.ron_trailing), "{language}: {}", out(&o));
        // --lang wins over it.
        damage();
        let o = dafo_in(Lang::Ca, &["recover", p(&s), "--lang", "es"]);
        assert!(o.status.success() && out(&o).contains(" recuperado de "), "{language}: {}", out(&o));
        // No backup: the damaged file's own language, read from its `meta`.
        std::fs::remove_dir_all(dir.path().join(".dafo-backups")).unwrap();
        damage();
        let o = dafo_in(Lang::Es, &["recover", p(&s)]);
        assert_eq!(o.status.code(), Some(1), "{language}: {}", err(&o));
        assert!(err(&o).contains(lang.text().errors.ron_trailing), "{language}: {}", err(&o));
        assert!(!err(&o).contains("no se lee"), "{language}: {}", err(&o));
    }
    // A file whose `meta` does not read cannot tell: the language in force.
    let s = dir.path().join("roto.ron");
    std::fs::write(&s, "(version: 4, meta: (title \"T\", language: \"en\"))").unwrap();
    let o = dafo_in(Lang::Ca, &["recover", p(&s)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("no es llig com a sessió"), "{}", err(&o));
}

#[test]
fn copy_speaks_the_session_language() {
    let dir = tempfile::tempdir().unwrap();
    for language in ["en", "ca"] {
        let s = session_in(dir.path(), &format!("{language}.ron"), language);
        let o = dafo_in(Lang::Es, &["copy", p(&s)]);
        assert!(o.status.success(), "{language}: {}", err(&o));
        // No clipboard in tests: saved to a file, said in the session's language.
        let lang = Lang::from_tag(language).unwrap();
        let saved = (lang.text().ui.copy_saved)("FILE", "WHY");
        let lead = saved.split("FILE").next().unwrap();
        assert!(err(&o).contains(lead), "{language}: {}", err(&o));
        assert!(!err(&o).contains("no system clipboard"), "{language}: {}", err(&o));
        assert!(!err(&o).contains("Guardado en"), "{language}: {}", err(&o));
        // Why there was no clipboard, in the session's language too.
        let why = (lang.text().errors.clip_disabled)(dafo::clipboard::NO_CLIPBOARD_ENV);
        assert!(err(&o).contains(&why), "{language}: {}", err(&o));
        assert!(!err(&o).contains("is set"), "{language}: {}", err(&o));
    }
}

#[test]
fn the_browser_says_why_a_file_does_not_read_in_the_screen_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("roto.ron"), "(version: 4, meta: (title: \"x\"").unwrap();
    for lang in Lang::ALL.iter().copied() {
        let app = dafo::app::App::browser(dir.path(), lang);
        let screen = crate::common::screen_rows(&app, 160, 20).join("\n");
        let said = lang.text().errors.not_a_session;
        assert!(screen.contains("roto.ron:1:") && screen.contains(said), "{lang:?}:\n{screen}");
        for other in Lang::ALL.iter().filter(|o| **o != lang) {
            assert!(!screen.contains(other.text().errors.not_a_session), "{lang:?} shows {other:?}:\n{screen}");
        }
    }
}

/// `dafo check` of a session with one common mistake says, in es, en and ca,
/// file:line:column and what is wrong in that language; never the RON parser's
/// own English words. Field and variant names stay as the file writes them.
#[test]
fn a_session_that_does_not_parse_says_why_in_each_language() {
    let good = std::fs::read_to_string("tests/fixtures/plan.ron").unwrap();
    let line = |text: &str, needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    // What the fixture's text is made, the line below it the parser stops at,
    // and what is said in es, en and ca.
    let cases: [(&str, &str, usize, [&str; 3]); 10] = [
        (
            "(id: \"F1\", text:",
            "(id: \"F1\" text:",
            0,
            [
                "falta una coma (o el cierre de un paréntesis, corchete o llave)",
                "expected a comma (or a closing bracket)",
                "falta una coma (o el tancament d'un parèntesi, claudàtor o clau)",
            ],
        ),
        // An unclosed parenthesis: the next line's `(` is not the name of a field.
        (
            "rating: 4),\n",
            "rating: 4,\n",
            1,
            [
                "se esperaba el nombre de un campo o de una opción",
                "expected the name of a field or an option",
                "s'esperava el nom d'un camp o d'una opció",
            ],
        ),
        (
            "(id: \"F1\", text:",
            "(text:",
            0,
            [
                "falta el campo `id` en `Factor`",
                "missing field `id` in `Factor`",
                "falta el camp `id` dins de `Factor`",
            ],
        ),
        (
            "\", votes: 5,",
            "\", votes: 5, colour: 3,",
            0,
            [
                "el campo `colour` no existe en `Factor`; se esperaba uno de estos: `id`, `text`, `votes`",
                "unknown field `colour` in `Factor`; expected one of: `id`, `text`, `votes`",
                "el camp `colour` no existeix dins de `Factor`; s'esperava un d'aquests: `id`, `text`, `votes`",
            ],
        ),
        (
            "votes: 5,",
            "votes: \"cinco\",",
            0,
            ["aquí se esperaba un número entero", "expected a whole number here", "ací s'esperava un nombre enter"],
        ),
        (
            "status: Done",
            "status: Hecha",
            0,
            [
                "`Hecha` no es un valor posible en `Status`; se esperaba uno de estos: `Pending`, `InProgress`, `Done`, `Dropped`",
                "unknown variant `Hecha` in `Status`; expected one of: `Pending`, `InProgress`, `Done`, `Dropped`",
                "`Hecha` no és un valor possible dins de `Status`; s'esperava un d'aquests: `Pending`, `InProgress`, `Done`, `Dropped`",
            ],
        ),
        (
            "impact: 4,",
            "impact: 9,",
            0,
            [
                "el impacto debe ser de 1 a 5, no 9",
                "impact must be 1 to 5, not 9",
                "l'impacte ha de ser de 1 a 5, no 9",
            ],
        ),
        // A date no form could read back (year 0, its century unknown): refused where it is written.
        (
            "due: \"2027-03-01\"",
            "due: \"0000-03-01\"",
            0,
            [
                "la fecha debe ser de 1900-01-01 a 2200-12-31, no 0000-03-01",
                "a date must be 1900-01-01 to 2200-12-31, not 0000-03-01",
                "la data ha de ser de 1900-01-01 a 2200-12-31, no 0000-03-01",
            ],
        ),
        (
            "created: \"2026-11-10T09:30:00Z\"",
            "created: \"0026-11-10T09:30:00Z\"",
            0,
            [
                "la fecha debe ser de 1900-01-01 a 2200-12-31, no 0026-11-10",
                "a date must be 1900-01-01 to 2200-12-31, not 0026-11-10",
                "la data ha de ser de 1900-01-01 a 2200-12-31, no 0026-11-10",
            ],
        ),
        (
            "\n)\n",
            "\n)\nsobra\n",
            1,
            ["sobra texto después del final", "unexpected text after the end", "sobra text després del final"],
        ),
    ];
    for (i, (from, to, below, said)) in cases.iter().enumerate() {
        assert!(good.contains(from), "{from}");
        let text = good.replacen(from, to, 1);
        let path = dir.path().join(format!("roto-{i}.ron"));
        std::fs::write(&path, &text).unwrap();
        let ron_words = ron::from_str::<dafo::domain::Session>(&text).unwrap_err().code.to_string();
        let at = format!("{}:{}:", p(&path), line(&text, to) + below);
        for (lang, words) in [Lang::Es, Lang::En, Lang::Ca].into_iter().zip(said) {
            // `--lang`: a file that does not read speaks the language its `meta`
            // names (Spanish) before the environment's, as one that reads does.
            let o = crate::common::dafo_command(&["--lang", lang.tag(), "check", p(&path)]).output().unwrap();
            let e = err(&o);
            assert!(!o.status.success(), "{lang:?} {to}: {e}");
            assert!(e.contains(&at) && e.contains(words), "{lang:?} {to}: {e}");
            assert!(!e.contains(&ron_words), "{lang:?} {to}: ron's words in {e}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "the file is left as it was");
        }
    }
}
