//! `review`, `report` and `merge` speak the language of the session they read,
//! through the built binary: an English session's report is English, a merge of
//! two Catalan groups is a "Diagnòstic conjunt"; `--lang` still wins; and
//! `dafo review` takes the IDs the screen shows (`CF1` in English). Import
//! speaks the language of the file it imports once the file says it (its CSV
//! session row, its Markdown headings), else the language in force.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use dafo::domain::Degree;

const SAMPLE: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// The binary with no language from the environment or a configuration file.
fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

fn all(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The bundled plan (a Spanish session with reviews), saved as made in `language`.
fn plan_in(dir: &Path, name: &str, language: &str) -> PathBuf {
    let mut s = dafo::storage::load(Path::new(SAMPLE)).unwrap();
    s.meta.language = language.to_owned();
    let path = dir.join(name);
    dafo::storage::save(&path, &s).unwrap();
    path
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn review_speaks_the_session_language_and_lang_still_wins() {
    let dir = tempfile::tempdir().unwrap();
    for (language, saved) in [("en", "2025: 1 change saved"), ("ca", "2025: 1 canvi desat")] {
        let plan = plan_in(dir.path(), &format!("{language}.ron"), language);
        let o = dafo(&["review", p(&plan), "--year", "2025", "C1=40"]);
        assert!(o.status.success() && all(&o).contains(saved), "{language}: {}", all(&o));
        // A refusal speaks it too.
        let o = dafo(&["review", p(&plan), "--year", "2025", "C1=400"]);
        assert!(!o.status.success() && !all(&o).contains("no se ha cambiado nada"), "{language}: {}", all(&o));
    }
    let en = dir.path().join("en.ron");
    let o = dafo(&["review", p(&en), "--year", "2025", "C1=45", "--lang", "es"]);
    assert!(all(&o).contains("2025: 1 cambio guardado"), "{}", all(&o));
    let o = dafo(&["review", p(&en), "--year", "2025", "C1=400"]);
    assert!(all(&o).contains("nothing was changed"), "{}", all(&o));
}

#[test]
fn review_takes_the_ids_the_screen_shows() {
    let dir = tempfile::tempdir().unwrap();
    let en = plan_in(dir.path(), "en.ron", "en");
    // English shows the stored AF1 (Afrontar) as CF1 (Confront); the stored ID works too.
    let o = dafo(&["review", p(&en), "--year", "2025", "CF1=50:done", "AF2=30", "--note", "CF2=Two meetings"]);
    assert!(o.status.success(), "{}", all(&o));
    let s = dafo::storage::load(&en).unwrap();
    assert_eq!(s.action_review("AF1", 2025).map(|r| r.degree), Degree::new(50));
    assert_eq!(s.action_review("AF2", 2025).map(|r| r.degree), Degree::new(30));
    assert_eq!(s.action_review("AF2", 2025).and_then(|r| r.note.clone()).as_deref(), Some("Two meetings"));
    // An unknown one is named as typed in the language shown, and nothing changes.
    let before = std::fs::read(&en).unwrap();
    let o = dafo(&["review", p(&en), "--year", "2025", "CF99=50"]);
    assert!(!o.status.success() && all(&o).contains("no action has the ID CF99"), "{}", all(&o));
    assert_eq!(std::fs::read(&en).unwrap(), before);
}

#[test]
fn report_speaks_the_session_language() {
    let dir = tempfile::tempdir().unwrap();
    for (language, title) in [("en", "Follow-up report"), ("ca", "Informe de seguiment")] {
        let plan = plan_in(dir.path(), &format!("{language}.ron"), language);
        let html = all(&dafo(&["report", p(&plan), "-f", "html"]));
        assert!(html.contains(&format!("<html lang=\"{language}\">")) && html.contains(title), "{language}: {html}");
        assert!(!html.contains("Informe de seguimiento"), "{language}: {html}");
        // Its refusals too: a year outside the plan's horizon (2023-2026).
        let o = dafo(&["report", p(&plan), "--year", "2030"]);
        assert!(!o.status.success() && all(&o).contains("2030"), "{language}: {}", all(&o));
        assert!(!all(&o).contains("queda fuera del horizonte"), "{language}: {}", all(&o));
        assert_eq!(all(&o).contains("outside the plan's horizon"), language == "en", "{language}: {}", all(&o));
    }
    let en = dir.path().join("en.ron");
    let md = all(&dafo(&["report", p(&en), "-f", "md", "--lang", "es"]));
    assert!(md.contains("Informe de seguimiento"), "{md}");
}

#[test]
fn merge_speaks_the_groups_language() {
    let dir = tempfile::tempdir().unwrap();
    for (language, title, written) in [("ca", "Diagnòstic conjunt", "escrit ("), ("en", "Joint diagnosis", "written (")]
    {
        let a = plan_in(dir.path(), &format!("{language}-a.ron"), language);
        let mut s = dafo::storage::load(&a).unwrap();
        s.meta.group = Some("B".into());
        s.strengths.truncate(1);
        let b = dir.path().join(format!("{language}-b.ron"));
        dafo::storage::save(&b, &s).unwrap();
        let out = dir.path().join(format!("{language}-joint.ron"));
        let o = dafo(&["merge", p(&a), p(&b), "-o", p(&out)]);
        assert!(o.status.success() && all(&o).contains(written), "{language}: {}", all(&o));
        let merged = dafo::storage::load(&out).unwrap();
        assert_eq!((merged.meta.title.as_str(), merged.meta.language.as_str()), (title, language));
    }
}

#[test]
fn import_refusals_speak_the_language_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("x.csv");
    std::fs::write(&csv, "quadrant,text\nFortalezas,ok\nNada,mal\n").unwrap();
    let out = dir.path().join("x.ron");
    for (lang, says) in [
        ("es", ":3: cuadrante desconocido \"Nada\""),
        ("ca", ":3: quadrant desconegut \"Nada\""),
        ("en", ":3: unknown quadrant \"Nada\""),
    ] {
        let o = dafo(&["import", p(&csv), "-o", p(&out), "--lang", lang]);
        assert!(!o.status.success() && all(&o).contains(says), "{lang}: {}", all(&o));
        assert!(!out.exists());
    }
    let o = dafo(&["import", p(&csv), "-o", p(&out)]);
    assert!(all(&o).contains("cuadrante desconocido"), "{}", all(&o));
    // A plan table's column errors too, with line and column.
    let md = dir.path().join("plan.md");
    std::fs::write(&md, "# P\n\n## Indicadores\n\n| ID | Indicador | Color |\n|---|---|---|\n| I1 | Usuarios | 3 |\n")
        .unwrap();
    for (lang, says) in [
        ("ca", "plan.md:5:20: columna desconeguda \"Color\""),
        ("es", "plan.md:5:20: columna desconocida \"Color\""),
        ("en", "plan.md:5:20: unknown column \"Color\""),
    ] {
        let o = dafo(&["import", p(&md), "-o", p(&out), "--lang", lang]);
        assert!(!o.status.success() && all(&o).contains(says), "{lang}: {}", all(&o));
    }
}

/// `dafo import` of a CSV export keeps the language the CSV's session row says
/// (an audit found a Catalan session's export imported back as Spanish); a CSV
/// without that column gets the language the import runs in.
#[test]
fn an_imported_csv_keeps_the_language_it_carries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("back.ron");
    for language in ["ca", "en", "es"] {
        let session = plan_in(dir.path(), &format!("{language}.ron"), language);
        let csv = dir.path().join(format!("{language}.csv"));
        let o = dafo(&["export", p(&session), "-o", p(&csv), "--force"]);
        assert!(o.status.success(), "{}", all(&o));
        for run_in in ["es", "en"] {
            let o = dafo(&["import", p(&csv), "-o", p(&out), "--force", "--lang", run_in]);
            assert!(o.status.success(), "{}", all(&o));
            assert_eq!(dafo::storage::load(&out).unwrap().meta.language, language, "imported in {run_in}");
        }
    }
    let bare = dir.path().join("bare.csv");
    std::fs::write(&bare, "quadrant,text\nFortalezas,ok\n").unwrap();
    for run_in in ["ca", "en"] {
        let o = dafo(&["import", p(&bare), "-o", p(&out), "--force", "--lang", run_in]);
        assert!(o.status.success(), "{}", all(&o));
        assert_eq!(dafo::storage::load(&out).unwrap().meta.language, run_in);
    }
}

/// `dafo import` of an English or Catalan export (CSV, the informe's Markdown, a
/// plan-less session's Markdown) says what it imported in that language and
/// keeps it as the session's, with no --lang (it said it in Spanish, with
/// F/D/O/A, and stored a Markdown import as Spanish); --lang still wins for
/// what is said.
#[test]
fn an_import_speaks_the_language_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("back.ron");
    let language = |path: &Path| dafo::storage::load(path).unwrap().meta.language;
    for (lang, said) in
        [("en", "imported (3 S, 3 W, 2 O, 2 T; 11 actions"), ("ca", "importat (3 F, 3 D, 2 O, 2 A; 11 accions")]
    {
        let session = plan_in(dir.path(), &format!("{lang}.ron"), lang);
        for ext in ["csv", "md"] {
            let file = dir.path().join(format!("{lang}.{ext}"));
            assert!(dafo(&["export", p(&session), "-o", p(&file), "--force"]).status.success());
            let o = crate::common::dafo_command(&["import", p(&file), "-o", p(&out), "--force"])
                .env("LANG", "C.UTF-8")
                .output()
                .unwrap();
            assert!(o.status.success() && all(&o).contains(said), "{lang} {ext}: {}", all(&o));
            assert_eq!(language(&out), lang, "{ext}");
            let o = dafo(&["import", p(&file), "-o", p(&out), "--force", "--lang", "es"]);
            assert!(all(&o).contains("importado (3 F, 3 D, 2 O, 2 A; 11 acciones"), "{lang} {ext}: {}", all(&o));
            assert_eq!(language(&out), lang, "{ext} with --lang es");
        }
    }
    for (lang, md, said) in [
        ("en", "# Workshop\n\n## Strengths\n- Team\n\n## Threats\n- Cuts\n", "imported (1 S, 0 W, 0 O, 1 T"),
        ("ca", "# Taller\n\n## Fortaleses\n- Equip\n\n## Amenaces\n- Retallades\n", "importat (1 F, 0 D, 0 O, 1 A"),
    ] {
        let file = dir.path().join(format!("bare-{lang}.md"));
        std::fs::write(&file, md).unwrap();
        let o = dafo(&["import", p(&file), "-o", p(&out), "--force"]);
        assert!(o.status.success() && all(&o).contains(said), "{lang}: {}", all(&o));
        assert_eq!(language(&out), lang);
    }
}

/// A refusal after the file said the language of its content (the CSV's
/// session row, a plan heading) is said in that language unless --lang says
/// another (a bad number in an English CSV was refused in Spanish); one before
/// speaks the language in force.
#[test]
fn an_import_refusal_speaks_the_language_the_file_said() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.ron");
    let csv = dir.path().join("x.csv");
    for (lang, says) in [
        ("en", "x.csv:4: actual must be a number, not \"1,500\""),
        ("ca", "x.csv:4: la columna actual ha de ser un nombre, no \"1,500\""),
        ("", "x.csv:4: la columna actual ha de ser un número, no \"1,500\""),
    ] {
        let rows = format!(
            "id,kind,quadrant,text,horizon,year,actual,language\n,session,,T,2025-2027,,,{lang}\nF1,factor,Fortalezas,x,,,,\nI1,indicator_value,,,,2025,\"1,500\",\n"
        );
        std::fs::write(&csv, rows).unwrap();
        // The locale says another language.
        let locale = if lang == "en" { "ca_ES.UTF-8" } else { "en_GB.UTF-8" };
        let o = crate::common::dafo_command(&["import", p(&csv), "-o", p(&out)]).env("LANG", locale).output().unwrap();
        assert!(!o.status.success() && all(&o).contains(says), "{lang}: {}", all(&o));
        let o = dafo(&["import", p(&csv), "-o", p(&out), "--lang", "es"]);
        assert!(all(&o).contains("x.csv:4: la columna actual ha de ser un número"), "{lang}: {}", all(&o));
        assert!(!out.exists());
    }
    // Before the session row the file has said nothing: the language in force.
    std::fs::write(&csv, "id,kind,quadrant,text,language\n,factor,Nada,x,\n,session,,T,ca\n").unwrap();
    let o =
        crate::common::dafo_command(&["import", p(&csv), "-o", p(&out)]).env("LANG", "en_GB.UTF-8").output().unwrap();
    assert!(all(&o).contains("x.csv:2: unknown quadrant \"Nada\""), "{}", all(&o));
    // A plan's table under an English or Catalan heading, its columns named in that language.
    let md = dir.path().join("plan.md");
    for (heading, says) in [
        ("Indicators", "plan.md:5:20: unknown column \"Colour\"; the columns are ID, Indicator, Unit,"),
        ("Indicadors", "plan.md:5:20: columna desconeguda \"Colour\"; les columnes són ID, Indicador, Unitat,"),
    ] {
        let text = format!("# P\n\n## {heading}\n\n| ID | Indicator | Colour |\n|---|---|---|\n| I1 | Users | 3 |\n");
        std::fs::write(&md, text).unwrap();
        let o = dafo(&["import", p(&md), "-o", p(&out)]);
        assert!(!o.status.success() && all(&o).contains(says), "{heading}: {}", all(&o));
    }
}

/// An action's amount the CSV import refuses is said in the import's language
/// (it came out in English: "-5 is not an amount of euros").
#[test]
fn a_refused_amount_in_a_csv_is_said_in_the_import_language() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("a.csv");
    let out = dir.path().join("a.ron");
    let header = "id,kind,quadrant,text,votes,impact,links,owner,due,status,indicator,weight,rating,sources,horizon,start,resources,amount";
    for amount in ["-5", "0.001"] {
        let rows = format!(
            "{header}\n,session,,T,,,,,,,,,,,,,,\nD1,factor,Debilidades,x,0,,,,,,,,,,,,,\nC1,action,Corregir,y,0,,D1,,,pending,,,,,,,,{amount}\n"
        );
        std::fs::write(&csv, rows).unwrap();
        for (lang, says) in [
            ("es", format!("a.csv:4: \"{amount}\" no es un importe en euros")),
            ("ca", format!("a.csv:4: \"{amount}\" no és un import en euros")),
            ("en", format!("a.csv:4: \"{amount}\" is not an amount of euros")),
        ] {
            let o = dafo(&["import", p(&csv), "-o", p(&out), "--force", "--lang", lang]);
            assert!(!o.status.success() && all(&o).contains(&says), "{lang}: {}", all(&o));
            assert!(!out.exists());
        }
    }
}

#[test]
fn the_git_merge_driver_speaks_our_side_language() {
    let dir = tempfile::tempdir().unwrap();
    let base = plan_in(dir.path(), "base.ron", "ca");
    let mut s = dafo::storage::load(&base).unwrap();
    let side = |name: &str, text: &str, s: &mut dafo::domain::Session| {
        s.strengths[0].text = text.to_owned();
        let path = dir.path().join(name);
        dafo::storage::save(&path, s).unwrap();
        path
    };
    let ours = side("ours.ron", "La nostra versió", &mut s);
    let theirs = side("theirs.ron", "La seua versió", &mut s);
    let o = dafo(&["merge-driver", p(&base), p(&ours), p(&theirs), "plan.ron"]);
    assert!(!o.status.success() && all(&o).contains("plan.ron: conflicte"), "{}", all(&o));
    assert!(!all(&o).contains("conflicto"), "{}", all(&o));
}
