//! The participation process (issue 27): each group's meeting data kept through
//! `dafo merge`, the informe's "Proceso participativo" section, the questionnaire
//! as one more session, and the formats that carry it (or say they do not).

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Output;

use dafo::domain::Session;
use dafo::domain::meetings::{Count, Meeting};

const GROUPS: [&str; 3] =
    ["sessions/grupos/tecnicos.ron", "sessions/grupos/politicos.ron", "sessions/grupos/asociaciones.ron"];

fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn load(p: &Path) -> Session {
    dafo::storage::load(p).unwrap()
}

fn merged(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("diagnostico.ron");
    let mut args = vec!["merge"];
    args.extend(GROUPS);
    args.extend(["-o", out.to_str().unwrap()]);
    ok(&dafo(&args));
    out
}

#[test]
fn merge_keeps_every_group_s_own_date_place_and_participants() {
    let tmp = tempfile::tempdir().unwrap();
    let s = load(&merged(tmp.path()));
    assert_eq!(s.meta.meetings.len(), 3);
    for (m, file) in s.meta.meetings.iter().zip(GROUPS) {
        let group = load(Path::new(file));
        assert_eq!(Some(&m.group), group.meta.group.as_ref());
        assert_eq!(m.place, group.meta.place, "{file}");
        assert_eq!(m.participants, group.meta.participants, "{file}");
        assert_eq!(m.date, Some(group.meta.created.to_zoned(jiff::tz::TimeZone::UTC).date()), "{file}");
    }
    let r = s.meta.merge.clone().unwrap();
    assert_eq!(
        r.read as usize,
        GROUPS.iter().map(|g| load(Path::new(g)).counts().iter().sum::<usize>()).sum::<usize>()
    );
    assert!(r.joined > 0 && r.disagreements > 0, "{r:?}");
    // Merged again (with a questionnaire), every session stays in the list.
    let survey = tmp.path().join("cuestionario.ron");
    ok(&dafo(&[
        "import",
        "tests/fixtures/survey/microsoft-forms.csv",
        "--survey",
        "--map",
        "Fortalezas=F",
        "--map",
        "Debilidades=D",
        "-o",
        survey.to_str().unwrap(),
    ]));
    let again = tmp.path().join("again.ron");
    let first = tmp.path().join("diagnostico.ron");
    ok(&dafo(&["merge", first.to_str().unwrap(), survey.to_str().unwrap(), "-o", again.to_str().unwrap()]));
    let groups: Vec<String> = load(&again).meta.meetings.iter().map(|m| m.group.clone()).collect();
    assert_eq!(groups, ["técnicos", "políticos", "asociaciones", "cuestionario"]);
    let q = &load(&again).meta.meetings[3];
    assert_eq!((q.attendees, q.technique.as_deref()), (Some(3), Some("cuestionario")));
}

#[test]
fn the_informe_has_the_participation_process_in_md_and_html() {
    let tmp = tempfile::tempdir().unwrap();
    let file = merged(tmp.path());
    let s = load(&file);
    let md = tmp.path().join("informe.md");
    ok(&dafo(&["export", file.to_str().unwrap(), "-f", "md", "-o", md.to_str().unwrap()]));
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("## Proceso participativo"), "{md}");
    assert!(md.contains("| Grupo | Fecha | Lugar | Participantes | Asistentes | Técnica | Factores |"), "{md}");
    for m in &s.meta.meetings {
        let n = dafo::domain::meetings::factors_from(&s, &m.group);
        let date = dafo::i18n::Lang::Es.locale().date(m.date.unwrap());
        let row = format!("| {} | {date} | {} |", m.group, m.place.as_deref().unwrap());
        assert!(md.contains(&row), "{row}\n{md}");
        assert!(md.lines().any(|l| l.starts_with(&row) && l.ends_with(&format!("| {n} |"))), "{n}\n{md}");
    }
    let r = s.meta.merge.clone().unwrap();
    assert!(md.contains(&format!("Se leyeron {} factores", r.read)), "{md}");
    assert!(md.contains(&format!("{} factores reúnen frases", r.joined)), "{md}");
    let html = tmp.path().join("informe.html");
    ok(&dafo(&["export", file.to_str().unwrap(), "-f", "html", "-o", html.to_str().unwrap()]));
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("Proceso participativo") && html.contains("Valdeloma, Casa Consistorial"));
    // The Markdown informe and the CSV import back with the whole process.
    for format in ["md", "csv"] {
        let out = tmp.path().join(format!("informe-again.{format}"));
        ok(&dafo(&["export", file.to_str().unwrap(), "-f", format, "-o", out.to_str().unwrap()]));
        let back = tmp.path().join(format!("back-{format}.ron"));
        ok(&dafo(&["import", out.to_str().unwrap(), "-o", back.to_str().unwrap()]));
        let back = load(&back);
        assert_eq!(back.meta.meetings, s.meta.meetings, "{format}");
        assert_eq!(back.meta.merge, s.meta.merge, "{format}");
    }
}

#[test]
fn attendees_by_sex_and_age_show_in_the_informe_and_a_plan_informe_imports_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron"));
    let mut m = Meeting::of("técnicos");
    m.attendees = Some(12);
    m.by_sex = vec![Count { label: "mujeres".into(), count: 7 }, Count { label: "hombres".into(), count: 5 }];
    m.by_age = vec![Count { label: "30-44".into(), count: 12 }];
    m.technique = Some("grupo focal".into());
    s.meta.meetings = vec![m];
    let file = tmp.path().join("p.ron");
    dafo::storage::save(&file, &s).unwrap();
    // The session file keeps it exactly.
    assert_eq!(load(&file).meta.meetings, s.meta.meetings);
    let md = tmp.path().join("p.md");
    ok(&dafo(&["export", file.to_str().unwrap(), "-f", "md", "-o", md.to_str().unwrap()]));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("| 12 (mujeres 7, hombres 5; edad: 30-44 12) | grupo focal |"), "{text}");
    let back = tmp.path().join("back.ron");
    ok(&dafo(&["import", md.to_str().unwrap(), "-o", back.to_str().unwrap()]));
    assert_eq!(load(&back).meta.meetings, s.meta.meetings);
    // In every language the plan importer reads the section back.
    for lang in ["en", "ca"] {
        let md = tmp.path().join(format!("p-{lang}.md"));
        ok(&dafo(&["--lang", lang, "export", file.to_str().unwrap(), "-f", "md", "-o", md.to_str().unwrap()]));
        let back = tmp.path().join(format!("back-{lang}.ron"));
        ok(&dafo(&["import", md.to_str().unwrap(), "-o", back.to_str().unwrap()]));
        assert_eq!(load(&back).meta.meetings, s.meta.meetings, "{lang}");
    }
    // JSON carries the whole session: the meetings come back.
    let json = tmp.path().join("p.json");
    ok(&dafo(&["export", file.to_str().unwrap(), "-f", "json", "-o", json.to_str().unwrap()]));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let again: Session = serde_json::from_value(v["session"].clone()).unwrap();
    assert_eq!(again.meta.meetings, s.meta.meetings);
}

#[test]
fn a_file_without_meetings_loads_and_saves_without_them() {
    let s = load(Path::new("sessions/grupos/tecnicos.ron"));
    assert!(s.meta.meetings.is_empty() && s.meta.merge.is_none());
    assert!(!dafo::storage::to_ron(&s).contains("meetings"));
}
