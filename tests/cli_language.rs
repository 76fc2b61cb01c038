//! The language of the CLI and the exports, end to end through the binary: an
//! English session speaks English everywhere without `--lang`, a Catalan one
//! Catalan, and a new session remembers the language it was made in.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Output;

use dafo::domain::{Came, CameAction, Crossed, Factor, Quadrant, Session, Status, Strategy};

/// Words that must never reach an English reader.
const SPANISH: &[&str] = &[
    "Fortalezas",
    "Debilidades",
    "Oportunidades",
    "Amenazas",
    "Corregir",
    "Afrontar",
    "Mantener",
    "Explotar",
    "pendiente",
    "en curso",
    "hecha",
    "descartada",
    "guardado",
    "Espacio",
    "Inicio",
    "Supr",
    "sin acción",
    "Sin acción",
    "factores",
    "Acción",
    "acciones",
    "Responsable",
    "Plazo",
    "Estrategias",
    "Matriz",
    "EFI",
    "DAFO",
    "CAME",
    "Cambios",
    "votos",
    "impacto",
    "Fecha",
    "Generado",
    "importado",
    "escrito",
    "correcto",
    "Informe",
    "Grupos",
    "Ninguno",
    "Pares",
    "conjunto",
    " 5 F",
    " 6 D",
];

fn dafo(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = crate::common::dafo_command(args);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn all_output(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A session written in English, with something in every section: factors of
/// each quadrant, actions of every status, a strategy, weights and ratings.
fn english_session(language: &str) -> Session {
    let mut s = Session::new("Care plan 2027", "2027-01-15T10:00:00Z".parse().unwrap());
    s.meta.language = language.to_owned();
    s.meta.place = Some("Town hall".into());
    s.meta.participants = Some("Social workers and neighbours".into());
    let texts: [&[&str]; 4] = [
        &["Strong volunteer network", "Trusted local staff", "Good premises", "Shared agenda", "Open data"],
        &[
            "Long waiting lists",
            "Few evening hours",
            "Paper records",
            "Staff turnover",
            "No budget line",
            "Weak outreach",
        ],
        &["Regional funds", "University partnership", "New housing", "Digital tools", "Media interest"],
        &["Ageing population", "Budget cuts", "Rising rents", "Isolation", "Heat waves"],
    ];
    for (q, texts) in Quadrant::ALL.iter().zip(texts) {
        for (i, t) in texts.iter().enumerate() {
            let mut f = Factor::new(format!("{}{}", q.prefix(), i + 1), t.to_string());
            f.votes = (i as u32) % 3;
            f.impact = Some(3);
            f.weight = Some(0.1);
            f.rating = Some(u8::try_from(i % 4).unwrap() + 1);
            match q {
                Quadrant::Strengths => s.strengths.push(f),
                Quadrant::Weaknesses => s.weaknesses.push(f),
                Quadrant::Opportunities => s.opportunities.push(f),
                Quadrant::Threats => s.threats.push(f),
            }
        }
    }
    for (n, (c, status)) in [
        (Came::Correct, Status::Pending),
        (Came::Confront, Status::InProgress),
        (Came::Maintain, Status::Done),
        (Came::Exploit, Status::Dropped),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("{}{}", c.prefix(), n + 1);
        let link = format!("{}1", c.source().prefix());
        let mut a = CameAction::new(id, format!("Plan step {n}"), vec![link]);
        a.status = status;
        a.owner = Some("Mayor's office".into());
        a.due = Some("2027-06-30".parse().unwrap());
        a.indicator = Some("Families reached".into());
        a.votes = 2;
        a.carried = n == 0;
        match c {
            Came::Maintain => s.maintain.push(a),
            Came::Correct => s.correct.push(a),
            Came::Exploit => s.exploit.push(a),
            Came::Confront => s.confront.push(a),
        }
    }
    s.strategies.push(Strategy {
        id: "FO1".into(),
        kind: Crossed::FO,
        factors: ["F1".into(), "O1".into()],
        text: "Volunteers apply for regional funds".into(),
        votes: 1,
        line: None,
        conflict: None,
    });
    s
}

fn write(dir: &Path, name: &str, s: &Session) -> String {
    let path = dir.join(name);
    dafo::storage::save(&path, s).unwrap();
    p(&path).to_owned()
}

fn assert_no_spanish(what: &str, text: &str) {
    // `--help` names the tool's method as "DAFO/CAME (SWOT)"; nothing else may.
    let named = |w: &&&str| !(what.contains("help") && ["DAFO", "CAME"].contains(*w));
    for word in SPANISH.iter().filter(named) {
        assert!(!text.contains(word), "{what}: found Spanish {word:?} in:\n{text}");
    }
}

#[test]
fn an_english_session_speaks_english_without_lang() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "care.ron", &english_session("en"));
    let mut older = english_session("en");
    older.weaknesses.remove(0);
    older.correct[0].status = Status::Done;
    let old = write(dir.path(), "care-2026.ron", &older);
    let mut runs: Vec<(String, Output)> = Vec::new();
    for format in ["txt", "md", "html", "html-fragment", "csv", "json"] {
        runs.push((format!("show {format}"), dafo(&["show", &file, "-f", format], &[])));
    }
    runs.push(("check".into(), dafo(&["check", &file], &[])));
    runs.push(("list".into(), dafo(&["list", p(dir.path())], &[("DAFO_LANG", "en")])));
    runs.push(("diff txt".into(), dafo(&["diff", &old, &file], &[])));
    runs.push(("diff md".into(), dafo(&["diff", &old, &file, "-f", "md"], &[])));
    let out = dir.path().join("care.md");
    runs.push(("export".into(), dafo(&["export", &file, "-o", p(&out)], &[])));
    runs.push(("export again".into(), dafo(&["export", &file, "-o", p(&out)], &[])));
    runs.push((
        "import".into(),
        dafo(&["import", p(&out), "-o", p(&dir.path().join("back.ron"))], &[("LANG", "en_GB.UTF-8")]),
    ));
    let csv = dir.path().join("care.csv");
    runs.push(("export csv".into(), dafo(&["export", &file, "-o", p(&csv)], &[])));
    runs.push((
        "import csv".into(),
        dafo(&["import", p(&csv), "-o", p(&dir.path().join("csv.ron"))], &[("DAFO_LANG", "en")]),
    ));
    let merged = dir.path().join("joint.ron");
    runs.push(("merge".into(), dafo(&["merge", &old, &file, "-o", p(&merged)], &[("DAFO_LANG", "en")])));
    runs.push(("merge --help".into(), dafo(&["merge", "--help"], &[])));
    runs.push(("help".into(), dafo(&["--help"], &[])));
    runs.push(("new --help".into(), dafo(&["new", "--help"], &[])));
    runs.push(("import --help".into(), dafo(&["import", "--help"], &[])));
    for (what, o) in &runs {
        assert_no_spanish(what, &all_output(o));
    }
    let text = |what: &str| all_output(&runs.iter().find(|(w, _)| w == what).unwrap().1);
    assert!(text("check").contains("ok (5 S, 6 W, 5 O, 5 T)"), "{}", text("check"));
    assert!(text("list").contains(" 5 S  6 W  5 O  5 T"), "{}", text("list"));
    assert!(text("show html").contains("<html lang=\"en\">"));
    assert!(text("show md").contains("SWOT action plan") && text("show md").contains("IFE matrix"));
    assert!(text("show md").contains("Strengths") && text("show md").contains("Correct"));
    assert!(text("export").contains("written") && text("export again").contains("already exists"));
    assert!(text("import").contains("imported (5 S, 6 W, 5 O, 5 T; 0 actions, 0 strategies)"), "{}", text("import"));
    assert!(text("import csv").contains("(5 S, 6 W, 5 O, 5 T; 4 actions, 1 strategy)"), "{}", text("import csv"));
    assert!(!text("help").contains("[default: es]"), "{}", text("help"));
    assert!(text("merge").contains("MERGE REPORT: JOINT DIAGNOSIS"), "{}", text("merge"));
    assert!(text("merge").contains("written (5 S, 6 W, 5 O, 5 T)"), "{}", text("merge"));
    // The imported session remembers the language it was made in.
    let back = dafo::storage::load(&dir.path().join("back.ron")).unwrap();
    assert_eq!(back.meta.language, "en");
}

#[test]
fn catalan_names_the_quadrants_and_the_came_verbs() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "massanassa.ron", &english_session("es"));
    let txt = all_output(&dafo(&["show", &file, "--lang", "ca", "-f", "md"], &[]));
    for word in ["Fortaleses", "Debilitats", "Oportunitats", "Amenaces", "Corregir", "Afrontar", "Mantenir", "Explotar"]
    {
        assert!(txt.contains(word), "{word} missing in:\n{txt}");
    }
    assert!(txt.contains("Pla d'acció CAME") && txt.contains("pendent") && txt.contains("0,10"), "{txt}");
    // A Catalan export imports as a Catalan session (the language of its
    // headings), which speaks Catalan afterwards without --lang.
    let md = dir.path().join("m.md");
    assert!(dafo(&["export", &file, "-o", p(&md), "--lang", "ca"], &[]).status.success());
    let back = dir.path().join("back.ron");
    let o = dafo(&["import", p(&md), "-o", p(&back)], &[]);
    assert!(all_output(&o).contains("importat (5 F, 6 D, 5 O, 5 A"), "{}", all_output(&o));
    let html = all_output(&dafo(&["show", p(&back), "-f", "html"], &[("DAFO_LANG", "en")]));
    assert!(html.contains("<html lang=\"ca\">") && html.contains("Fortaleses"), "{html}");
}

#[test]
fn the_session_language_comes_before_the_environment_and_the_flag_before_both() {
    let dir = tempfile::tempdir().unwrap();
    let es = write(dir.path(), "es.ron", &english_session("es"));
    let en = write(dir.path(), "en.ron", &english_session("en"));
    let check = |file: &str, args: &[&str], envs: &[(&str, &str)]| {
        let mut all = vec!["check", file];
        all.extend_from_slice(args);
        all_output(&dafo(&all, envs))
    };
    assert!(check(&es, &[], &[("DAFO_LANG", "en")]).contains("correcto (5 F, 6 D"));
    assert!(check(&en, &[], &[("LANG", "es_ES.UTF-8")]).contains("ok (5 S, 6 W"));
    assert!(check(&en, &["--lang", "ca"], &[]).contains("correcte (5 F, 6 D"));
    // Without a session: DAFO_LANG, then the locale, then Spanish.
    let list = |envs: &[(&str, &str)]| all_output(&dafo(&["list", p(dir.path())], envs));
    assert!(list(&[("DAFO_LANG", "en"), ("LANG", "ca_ES.UTF-8")]).contains(" 5 S  6 W"));
    assert!(list(&[("LC_ALL", "ca_ES.UTF-8"), ("LANG", "en_US.UTF-8")]).contains(" 5 F  6 D"));
    assert!(list(&[]).contains(" 5 F  6 D"));
}

#[test]
fn config_ron_gives_a_default_language_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    std::fs::create_dir_all(conf.join("dafo")).unwrap();
    std::fs::write(conf.join("dafo/config.ron"), "(lang: \"en\", theme: \"light\")").unwrap();
    let sessions = dir.path().join("s");
    std::fs::create_dir_all(&sessions).unwrap();
    write(&sessions, "a.ron", &english_session("es"));
    let list = |envs: &[(&str, &str)]| all_output(&dafo(&["list", p(&sessions)], envs));
    assert!(list(&[("XDG_CONFIG_HOME", p(&conf))]).contains(" 5 S  6 W"));
    assert!(list(&[("XDG_CONFIG_HOME", p(&conf)), ("DAFO_LANG", "ca")]).contains(" 5 F  6 D"));
    std::fs::write(conf.join("dafo/config.ron"), "(\n  lang: 3)").unwrap();
    let out = list(&[("XDG_CONFIG_HOME", p(&conf))]);
    assert!(out.contains("config.ron:2:") && out.contains(" 5 F  6 D"), "{out}");
}

#[test]
fn a_language_or_theme_dafo_does_not_know_is_said_with_what_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    std::fs::create_dir_all(conf.join("dafo")).unwrap();
    std::fs::write(conf.join("dafo/config.ron"), "(lang: \"xx\", theme: \"neon\")").unwrap();
    let sessions = dir.path().join("s");
    std::fs::create_dir_all(&sessions).unwrap();
    write(&sessions, "a.ron", &english_session("es"));
    let list = |envs: &[(&str, &str)]| dafo(&["list", p(&sessions)], envs);
    let out = list(&[("XDG_CONFIG_HOME", p(&conf)), ("DAFO_LANG", "fr"), ("LANG", "en_GB.UTF-8")]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DAFO_LANG: \"fr\" is not a language dafo speaks (es, en, ca); ignored, using en"), "{err}");
    assert!(err.contains("config.ron: lang: \"xx\" is not a language dafo speaks"), "{err}");
    assert!(
        err.contains("config.ron: theme: \"neon\" is not a dafo theme (dark, light, mono); ignored, using dark"),
        "{err}"
    );
    // The listing itself is unchanged on stdout.
    assert!(String::from_utf8_lossy(&out.stdout).contains(" 5 S  6 W"));
    // Valencian tags are Catalan/Valencian, and nothing is said.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(conf.join("dafo/config.ron"), "(lang: \"va\", theme: \"light\")").unwrap();
    for envs in [
        [("XDG_CONFIG_HOME", p(&conf)), ("LANG", "es_ES.UTF-8")],
        [("DAFO_LANG", "ca-valencia"), ("LANG", "es_ES.UTF-8")],
    ] {
        let out = dafo(&["list", p(&empty)], &envs);
        assert!(all_output(&out).contains("no hi ha sessions"), "{envs:?}: {}", all_output(&out));
        assert!(!all_output(&out).contains("dafo:"), "{envs:?}: {}", all_output(&out));
    }
}

/// `--lang en` on a Spanish session wrote English words under `<html
/// lang="es">` and Word's `es-ES`: spell-checkers and screen readers took the
/// English for Spanish. A document declares the language it speaks; without
/// `--lang`, the session's own tag.
#[test]
fn a_document_declares_the_language_it_speaks() {
    let dir = tempfile::tempdir().unwrap();
    let sample = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
    let html = |args: &[&str]| String::from_utf8(dafo(args, &[("DAFO_TODAY", "2027-06-30")]).stdout).unwrap();
    assert!(html(&["show", "-f", "html", sample]).contains("<html lang=\"es\">"));
    assert!(html(&["show", "-f", "html", "--lang", "en", sample]).contains("<html lang=\"en\">"));
    assert!(html(&["--lang", "ca", "report", sample, "--all", "-f", "html"]).contains("<html lang=\"ca\">"));
    let docx = dir.path().join("en.docx");
    let o = dafo(&["export", "--lang", "en", sample, "-o", p(&docx)], &[]);
    assert!(o.status.success(), "{}", all_output(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core).unwrap();
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
}

/// An English session that does not read: `check`, `show`, `export` and `diff`
/// said why in Spanish (only `recover` read its language from its `meta`).
#[test]
fn a_session_that_does_not_read_is_refused_in_its_own_language() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(crate::common::SAMPLE).unwrap().replacen("language: \"es\"", "language: \"en\"", 1);
    let broken = text.replacen("impact: 5", "impact: 9", 1);
    assert_ne!(broken, text);
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, broken).unwrap();
    let good = dir.path().join("good.ron");
    std::fs::write(&good, &text).unwrap();
    let out = dir.path().join("x.md");
    for args in [
        vec!["check", p(&bad)],
        vec!["show", p(&bad)],
        vec!["export", p(&bad), "-o", p(&out)],
        vec!["diff", p(&good), p(&bad)],
    ] {
        let o = dafo(&args, &[("DAFO_LANG", "")]);
        let said = all_output(&o);
        assert!(!o.status.success() && said.contains("does not read as a session"), "{args:?}: {said}");
        assert_no_spanish(&format!("{args:?}"), &said);
    }
    // `--lang` still comes first.
    let o = dafo(&["--lang", "ca", "check", p(&bad)], &[]);
    assert!(all_output(&o).contains("no es llig com a sessió"), "{}", all_output(&o));
}
