//! End-to-end tests of the review commands through the built binary: output,
//! files written, and error exits on missing and corrupt files.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use crate::common::{Tool, needs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dafo::domain::{Came, Quadrant, Session, Status};
use dafo::export::{Format, render};
use dafo::i18n::Lang;

const PALENCIA: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";
const TRICKY: &str = "tests/fixtures/tricky.ron";
const PLAN: &str = "tests/fixtures/plan.ron";

/// The language comes from the sessions and --lang, not from this machine.
fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn load(path: &str) -> Session {
    dafo::storage::load(Path::new(path)).unwrap()
}

/// A corrupt session file (a missing quote on line 12) in `dir`.
fn corrupt(dir: &Path) -> PathBuf {
    let path = dir.join("corrupt.ron");
    let text = std::fs::read_to_string(PALENCIA).unwrap().replacen("(id: \"F1\"", "(id: F1\"", 1);
    std::fs::write(&path, text).unwrap();
    path
}

/// The line `corrupt` breaks, whatever the sample looks like.
fn corrupt_line() -> usize {
    std::fs::read_to_string(PALENCIA).unwrap().lines().position(|l| l.contains("(id: \"F1\"")).unwrap() + 1
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn show_prints_every_format() {
    let s = load(TRICKY);
    for (name, format) in [
        ("md", Format::Md),
        ("txt", Format::Txt),
        ("html", Format::Html),
        ("html-fragment", Format::HtmlFragment),
        ("csv", Format::Csv),
        ("json", Format::Json),
    ] {
        let o = dafo(&["show", TRICKY, "--format", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o), render(&s, Lang::Es, format), "{name}");
        assert!(!o.stdout.contains(&0x1b), "{name} printed an escape byte");
    }
    let o = dafo(&["show", TRICKY, "--lang", "en"]);
    assert_eq!(stdout(&o), render(&s, Lang::En, Format::Txt));
}

#[test]
fn export_writes_atomically_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dafo.html");
    let o = dafo(&["export", PALENCIA, "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));

    let o = dafo(&["export", PALENCIA, "--format", "md", "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ya existe; usa --force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html, "left untouched");

    let o = dafo(&["export", PALENCIA, "--format", "md", "-o", p(&out), "--force"]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# Clúster"));

    let o = dafo(&["export", PALENCIA, "-o", p(&dir.path().join("x.odt"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("indica --format"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temp files left");
}

#[test]
fn missing_and_corrupt_files_fail_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = corrupt(dir.path());
    let missing = dir.path().join("nope.ron");
    let out = dir.path().join("o.md");
    let cases: Vec<Vec<&str>> = vec![
        vec!["show", p(&bad)],
        vec!["export", p(&bad), "-o", p(&out)],
        vec!["diff", PALENCIA, p(&bad)],
        vec!["copy", p(&bad)],
    ];
    for args in &cases {
        let o = dafo(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with(&format!("dafo: {}:{}:", bad.display(), corrupt_line())), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    for args in [vec!["show", p(&missing)], vec!["diff", p(&missing), PALENCIA], vec!["copy", p(&missing)]] {
        let o = dafo(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).starts_with(&format!("dafo: {}: ", missing.display())), "{}", stderr(&o));
    }
    assert!(!out.exists());
    let o = dafo(&["import", p(&dir.path().join("nope.md")), "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.md"), "{}", stderr(&o));
}

#[test]
fn list_shows_sessions_newest_first_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(PALENCIA, dir.path().join("palencia.ron")).unwrap();
    std::fs::copy(TRICKY, dir.path().join("tricky.ron")).unwrap();
    let mut older = load(TRICKY);
    older.meta.title = "Año anterior".into();
    older.meta.created = "2025-11-10T09:00:00Z".parse().unwrap();
    dafo::storage::save(&dir.path().join("old.ron"), &older).unwrap();
    corrupt(dir.path());
    std::fs::write(dir.path().join("notes.txt"), "not a session").unwrap();

    let o = dafo(&["list", p(dir.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    // Dates as the language writes them (Spanish said 2026-11-10); the JSON keeps YYYY-MM-DD.
    assert!(lines[0].starts_with("10/11/2026  Clúster") && lines[0].contains(" 8 F  8 D  7 O  7 A"), "{text}");
    assert!(lines[0].ends_with("palencia.ron"), "{text}");
    assert!(lines[1].contains("Diagnóstico") && lines[1].ends_with("tricky.ron"), "{text}");
    assert!(lines[2].starts_with("10/11/2025  Año anterior"), "{text}");
    assert!(lines[3].starts_with("?           "), "{text}");
    let english = stdout(&dafo(&["list", p(dir.path()), "--lang", "en"]));
    assert!(english.starts_with("2026-11-10  Clúster"), "{english}");
    let catalan = stdout(&dafo(&["list", p(dir.path()), "--lang", "ca"]));
    assert!(catalan.starts_with("10/11/2026  Clúster"), "{catalan}");
    assert!(lines[3].contains("no se lee") && lines[3].contains(&format!("corrupt.ron:{}:", corrupt_line())), "{text}");

    let o = dafo(&["list", p(dir.path()), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 4);
    assert_eq!(v[0]["counts"], serde_json::json!([8, 8, 7, 7]));
    assert_eq!(v[0]["date"], "2026-11-10");
    assert!(v[3]["error"].as_str().unwrap().contains(&format!("corrupt.ron:{}:", corrupt_line())));

    // The default directory comes from --dir / DAFO_DIR.
    let o = Command::new(env!("CARGO_BIN_EXE_dafo")).arg("list").env("DAFO_DIR", dir.path()).output().unwrap();
    assert_eq!(stdout(&o), text);

    let o = dafo(&["list", p(&dir.path().join("missing"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no se puede leer la carpeta"));
}

/// Next year's session: carried over, then tidied by the room.
fn next_year(old: &Session) -> Session {
    let mut s = dafo::commands::carry_over(old, "Palencia 2027", "2027-11-10T09:00:00Z".parse().unwrap());
    let edits = [
        s.reword_factor(Quadrant::Weaknesses, 1, "Largas listas de espera en la valoración de la dependencia"),
        s.vote_factor(Quadrant::Strengths, 0, 7),
        s.delete_factor(Quadrant::Threats, 5),
    ];
    for e in edits {
        s.apply(e.unwrap()).unwrap();
    }
    let e = s.move_factor(Quadrant::Weaknesses, 6, Quadrant::Threats).unwrap();
    s.apply(e).unwrap();
    let e = s.add_factor(Quadrant::Opportunities, "Nueva ley de servicios sociales").unwrap();
    s.apply(e).unwrap();
    s
}

#[test]
fn diff_reports_each_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("2027.ron");
    dafo::storage::save(&new, &next_year(&load(PALENCIA))).unwrap();
    let o = dafo(&["diff", PALENCIA, p(&new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    insta::assert_snapshot!("diff_txt", text);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    let o = dafo(&["diff", PALENCIA, p(&new), "--format", "md", "--lang", "en"]);
    insta::assert_snapshot!("diff_md_en", stdout(&o));
    let o = dafo(&["diff", PALENCIA, PALENCIA]);
    assert!(stdout(&o).contains("No hay cambios."));
}

#[test]
fn import_markdown_and_csv_round_trip_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let original = load(PALENCIA);
    for (ext, format) in [("md", "md"), ("csv", "csv")] {
        let exported = dir.path().join(format!("palencia.{ext}"));
        assert!(dafo(&["export", PALENCIA, "-f", format, "-o", p(&exported)]).status.success());
        let back = dir.path().join(format!("back-{ext}.ron"));
        let o = dafo(&["import", p(&exported), "-o", p(&back)]);
        assert!(o.status.success(), "{}", stderr(&o));
        // The sample has a plan: its informe, in Markdown or CSV, carries it whole.
        let plan = "9 acciones, 4 estrategias";
        assert!(stderr(&o).contains(&format!("importado (8 F, 8 D, 7 O, 7 A; {plan})")), "{}", stderr(&o));
        assert_eq!(load(p(&back)).lines.len(), original.lines.len(), "{ext}");
        let back = load(p(&back));
        for q in Quadrant::ALL {
            assert_eq!(back.factors(q), original.factors(q), "{ext} {q:?}");
        }
        // Both carry the title (the CSV in its `session` row).
        assert_eq!(back.meta.title, original.meta.title, "{ext}");
    }
    // Without -o: a new file in --dir, named after the title, never overwriting.
    let sessions = dir.path().join("sessions");
    let md = dir.path().join("lista.md");
    std::fs::write(&md, "# Taller de barrio\n\n## Fortalezas\n- Vecinos activos\n\n## Amenazas\n- Gentrificación\n")
        .unwrap();
    for expected in ["taller-de-barrio.ron", "taller-de-barrio-2.ron"] {
        let o = dafo(&["import", p(&md), "--dir", p(&sessions)]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(sessions.join(expected).exists(), "{}", stderr(&o));
    }
    let s = load(p(&sessions.join("taller-de-barrio.ron")));
    assert_eq!((s.strengths[0].id.as_str(), s.threats[0].text.as_str()), ("F1", "Gentrificación"));

    std::fs::write(&md, "Nada que importar\n").unwrap();
    let o = dafo(&["import", p(&md), "-o", p(&dir.path().join("x.ron"))]);
    assert_eq!(o.status.code(), Some(1));
    // The refusal speaks the language in force: Spanish here, English with --lang en.
    assert!(stderr(&o).contains("no hay factores"), "{}", stderr(&o));
    let o = dafo(&["import", p(&md), "-o", p(&dir.path().join("x.ron")), "--lang", "en"]);
    assert!(stderr(&o).contains("no factors found"), "{}", stderr(&o));
}

/// The words before and after the first `\0` of a message (where the path goes).
fn around(said: String) -> (String, String) {
    let (lead, rest) = said.split_once('\0').unwrap();
    (lead.to_owned(), rest.split('\0').next().unwrap().to_owned())
}

#[test]
fn copy_without_a_clipboard_saves_a_file_and_says_where() {
    // The copy always carries HTML beside the text, and the saved file is the HTML.
    let html = render(&load(TRICKY), Lang::Es, Format::HtmlFragment);
    for (format, ext, expected) in [("md", "html", html.clone()), ("txt", "html", html)] {
        let o = dafo(&["copy", TRICKY, "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        let err = stderr(&o);
        // "Guardado en PATH (sin portapapeles: why)": the session's language.
        let (lead, tail) = around((Lang::Es.text().ui.copy_saved)("\0", "\0"));
        let path = err.split(&lead).nth(1).and_then(|r| r.split(&tail).next()).unwrap();
        assert!(err.contains(&tail), "{err}");
        assert!(path.ends_with(ext), "{err}");
        assert_eq!(std::fs::read_to_string(path).unwrap(), expected);
        std::fs::remove_file(path).unwrap();
        assert!(o.stdout.is_empty(), "no OSC 52 when stdout is not a terminal");
    }
}

#[test]
fn completions_and_man_page() {
    let o = dafo(&["completions", "bash"]);
    assert!(o.status.success());
    let script = stdout(&o);
    assert!(script.contains("_dafo") && script.contains("export"));
    let o = dafo(&["man"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains(".TH dafo"), "{}", stdout(&o));
}

#[test]
fn copy_on_a_terminal_without_clipboard_sends_osc52() {
    if !needs(Tool::Script) {
        return;
    }
    use base64::Engine as _;
    // `script` gives the command a pseudo-terminal as stdout.
    assert!(
        Command::new("script").arg("--version").output().is_ok(),
        "the `script` command (util-linux) is not installed"
    );
    let cmd = format!(
        "env {}=1 TERM=xterm-256color {} copy {TRICKY} --format txt",
        dafo::clipboard::NO_CLIPBOARD_ENV,
        env!("CARGO_BIN_EXE_dafo")
    );
    let o = Command::new("script").args(["-qec", &cmd, "/dev/null"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let text = render(&load(TRICKY), Lang::Es, Format::Txt);
    let osc = format!("\u{1b}]52;c;{}\u{7}", base64::engine::general_purpose::STANDARD.encode(&text));
    assert!(out.contains(&osc), "{out}");
    let (lead, tail) = around((Lang::Es.text().ui.copy_osc52)("\0"));
    assert!(tail.contains("OSC 52") && out.contains(&tail), "{out}");
    // The terminal gets the text; the file the HTML that went beside it.
    let path = out.split(&lead).nth(1).and_then(|r| r.split(&tail).next()).unwrap();
    assert_eq!(std::fs::read_to_string(path).unwrap(), render(&load(TRICKY), Lang::Es, Format::HtmlFragment));
    std::fs::remove_file(path).unwrap();
}

/// Next year's plan: carried over, then reviewed by the room.
fn reviewed_plan(old: &Session) -> Session {
    let mut s = dafo::commands::carry_over(old, "Plan 2027", "2027-11-10T09:00:00Z".parse().unwrap());
    let i = s.correct.iter().position(|a| a.id == "C2").unwrap();
    let e = s.change_action(Came::Correct, i, |a| a.status = Status::Done).unwrap();
    s.apply(e).unwrap();
    let e = s
        .change_action(Came::Maintain, 0, |a| {
            a.text = "Plan de formación \"continua\" de todo el equipo".into();
            a.owner = Some("Recursos humanos".into());
        })
        .unwrap();
    s.apply(e).unwrap();
    let e = s.add_action(Came::Exploit, "Convenio con la universidad", vec!["O2".into()]).unwrap();
    s.apply(e).unwrap();
    let i = s.strategies.iter().position(|st| st.id == "DO1").unwrap();
    let e = s.delete_strategy(i).unwrap();
    s.apply(e).unwrap();
    s
}

#[test]
fn carry_over_keeps_open_actions_only() {
    let old = load(PLAN);
    let new = dafo::commands::carry_over(&old, "Plan 2027", "2027-11-10T09:00:00Z".parse().unwrap());
    let ids: Vec<&str> = new.all_actions().map(|(_, a)| a.id.as_str()).collect();
    assert_eq!(ids, ["M1", "C2", "E1", "AF1"], "C1 was done and C3 dropped");
    assert!(new.all_actions().all(|(_, a)| a.carried && a.votes == 0));
    assert_eq!(new.correct[0].links, ["D2", "D9"]);
    let strategies: Vec<&str> = new.strategies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(strategies, ["FO1", "DO1", "DA1"], "FO2 names a factor that no longer exists");
    assert_eq!(new.meta.labels, old.meta.labels);
}

#[test]
fn diff_reviews_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("2027.ron");
    dafo::storage::save(&new, &reviewed_plan(&load(PLAN))).unwrap();
    let o = dafo(&["diff", PLAN, p(&new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("C2  pendiente → hecha: Ventanilla única, con cita previa"), "{text}");
    assert!(text.contains("ACCIONES CERRADAS (2)"), "{text}");
    assert!(text.contains("C1  hecha: [Corregir] Auditoría de la web <script>"), "{text}");
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    insta::assert_snapshot!("diff_plan_txt", text);
    let o = dafo(&["diff", PLAN, p(&new), "--format", "md", "--lang", "en"]);
    let md = stdout(&o);
    assert!(md.contains("**C2** pending → done"), "{md}");
    insta::assert_snapshot!("diff_plan_md_en", md);
}

#[test]
fn import_csv_brings_back_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("plan.csv");
    assert!(dafo(&["export", PLAN, "-o", p(&csv)]).status.success());
    let back = dir.path().join("back.ron");
    let o = dafo(&["import", p(&csv), "-o", p(&back)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("importado (2 F, 3 D, 2 O, 2 A; 6 acciones, 4 estrategias)"), "{}", stderr(&o));
    let (old, back) = (load(PLAN), load(p(&back)));
    for c in Came::ALL {
        let ids =
            |s: &Session| s.actions(c).iter().map(|a| (a.id.clone(), a.links.clone(), a.status)).collect::<Vec<_>>();
        assert_eq!(ids(&back), ids(&old), "{c:?}");
    }
    assert_eq!(back.strategies.len(), 4);
    assert_eq!(back.strategies[1].factors, ["F2", "O9"]);
}

#[test]
fn the_help_of_show_names_every_format_it_writes() {
    let out = dafo(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let show = help.lines().find(|l| l.trim_start().starts_with("show ")).unwrap_or_default().to_owned();
    for format in ["Markdown", "HTML", "CSV", "JSON", "docx"] {
        assert!(show.contains(format), "{format} missing: {show}");
    }
}

#[test]
fn check_names_every_reference_to_an_item_the_session_does_not_hold() {
    // The fixture keeps two on purpose: C2's link to D9 and FO2's to O9. The
    // editor leaves such links (shown as D9?): named as a warning, not a failure.
    let o = dafo(&["--lang", "es", "check", PLAN]);
    assert!(o.status.success(), "{}", stdout(&o));
    let said = stdout(&o);
    assert!(said.contains("plan.ron: aviso: C2: remite a D9, que no está en la sesión"), "{said}");
    assert!(said.contains("plan.ron: aviso: FO2: remite a O9, que no está en la sesión"), "{said}");
    // A sample that was fine, after edits that leave references behind: a
    // factor deleted (as the grid's key does, M3 keeps its link), a línea's
    // eje and an indicator removed by hand, an action deleted with its reviews left.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("almendral.ron");
    let mut s = load("sessions/almendral-plan-servicios-sociales-2023-2026.ron");
    dafo::storage::save(&path, &s).unwrap();
    assert!(dafo(&["check", p(&path)]).status.success(), "the sample itself passes");
    let (q, i) = s.find_factor("D3").unwrap();
    let e = s.delete_factor(q, i).unwrap();
    s.apply(e).unwrap();
    s.axes.retain(|a| a.id != "EJ3");
    s.lines.retain(|l| l.axis != "EJ3" || l.id == "L6");
    let e = s.delete_indicator(s.find_indicator("I2").unwrap()).unwrap();
    s.apply(e).unwrap();
    let (c, i) = s.find_action("C2").unwrap();
    let e = s.delete_action(c, i).unwrap();
    s.apply(e).unwrap();
    dafo::storage::save(&path, &s).unwrap();
    let o = dafo(&["--lang", "es", "check", p(&path)]);
    assert!(o.status.success(), "{}", stdout(&o));
    let said = stdout(&o);
    for line in [
        "M3: remite a D3, que no está en la sesión",
        "L6: remite a EJ3, que no está en la sesión",
        "E2: remite a I2, que no está en la sesión",
        "C2 2024: remite a C2, que no está en la sesión",
    ] {
        assert!(said.contains(&format!("almendral.ron: aviso: {line}")), "{line}: {said}");
    }
    // In the reader's language, IDs as it shows them.
    let en = stdout(&dafo(&["--lang", "en", "check", p(&path)]));
    assert!(en.contains("M3: refers to W3, which is not in the session"), "{en}");
    let ca = stdout(&dafo(&["--lang", "ca", "check", p(&path)]));
    assert!(ca.contains("M3: remet a D3, que no és a la sessió"), "{ca}");
}

/// `export DAFO_DIR=` (a common way to unset a variable) made every command
/// fail with "falta un valor para --dir", an option nobody typed; the same
/// for DAFO_THEME. An empty variable is no setting, as DAFO_LANG already was.
#[test]
fn an_empty_dafo_dir_or_dafo_theme_is_no_setting() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("s.ron");
    dafo::storage::save(&file, &Session::new("Empty variables", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    for var in ["DAFO_DIR", "DAFO_THEME"] {
        let out = Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["--lang", "es", "check"])
            .arg(&file)
            .env_remove("DAFO_DIR")
            .env(var, "")
            .output()
            .unwrap();
        assert!(out.status.success(), "{var}=: {}", stderr(&out));
    }
}

/// `DAFO_THEME=neon dafo check` failed with exit 2 blaming `--theme`, an option
/// nobody typed, for a command that uses no theme. A wrong value is passed over
/// and said, naming the variable, as a wrong DAFO_LANG is; a right one is used.
#[test]
fn a_wrong_dafo_theme_is_named_as_the_variable_and_passed_over() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("s.ron");
    dafo::storage::save(&file, &Session::new("Tema", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let check = |lang: &str, theme: &str| {
        Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["--lang", lang, "check"])
            .arg(&file)
            .env("DAFO_THEME", theme)
            .env("XDG_CONFIG_HOME", tmp.path())
            .output()
            .unwrap()
    };
    for (lang, said) in [
        ("es", "DAFO_THEME: «neon» no es un tema de dafo (dark, light, mono); se pasa por alto"),
        ("en", "DAFO_THEME: \"neon\" is not a dafo theme (dark, light, mono); ignored"),
        ("ca", "DAFO_THEME: «neon»"),
    ] {
        let out = check(lang, "neon");
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
        assert!(!stderr(&out).contains("--theme"), "{}", stderr(&out));
    }
    let out = check("es", "Light");
    assert!(out.status.success() && stderr(&out).is_empty(), "{}", stderr(&out));
}

/// Two years of a plan that differ only in what the plan says (an action's
/// indicators and línea, its money, the misión, the follow-up): `dafo diff`
/// said "No hay cambios."
#[test]
fn diff_reports_what_the_plan_says_of_an_action_and_the_plans_own_parts() {
    let almendral = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("2027.ron");
    let mut s = load(almendral);
    let (c, i) = s.find_action("C2").unwrap();
    let indicator =
        s.indicators.iter().map(|x| x.id.clone()).find(|x| !s.actions(c)[i].indicators.contains(x)).unwrap();
    s.actions_mut(c)[i].indicators = vec![indicator.clone()];
    s.mission = Some("Otra misión".into());
    s.reviews.retain(|r| r.year != 2023);
    dafo::storage::save(&new, &s).unwrap();
    let o = dafo(&["diff", almendral, p(&new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("No hay cambios"), "{text}");
    assert!(text.contains("C2") && text.contains(&format!("indicadores I3 → {indicator}")), "{text}");
    assert!(
        text.contains("CAMBIOS EN EL PLAN (2)") && text.contains("Misión") && text.contains("Seguimiento"),
        "{text}"
    );
    // The same file against itself has none.
    let same = stdout(&dafo(&["diff", almendral, almendral]));
    assert!(same.contains("No hay cambios"), "{same}");
}

/// `new --from` dropped the session's lists of áreas temáticas and impacts:
/// with its own list the new file's items named themes outside the (now
/// default) list, and made in English the Spanish defaults' names were
/// unknown; `dafo check` refused the new file either way.
#[test]
fn a_carried_over_session_keeps_the_lists_its_items_names_come_from() {
    let sample = load("sessions/almendral-plan-servicios-sociales-2023-2026.ron");
    let mut own = sample.clone();
    own.meta.themes = vec!["servicios sociales".into(), "vivienda".into(), "pesca".into()];
    own.meta.impacts.clear();
    for q in Quadrant::ALL {
        for f in own.factors_mut(q) {
            f.themes.retain(|t| own_list_has(t));
        }
    }
    for c in Came::ALL {
        for a in own.actions_mut(c) {
            a.themes.retain(|t| own_list_has(t));
        }
    }
    own.threats[0].themes = vec!["vivienda".into(), "pesca".into()];
    fn own_list_has(t: &str) -> bool {
        ["servicios sociales", "vivienda", "pesca"].contains(&t)
    }
    for old in [sample, own] {
        assert!(dafo::i18n::theme_words::unknown_lines(&old, Lang::Es).is_empty(), "the old session checks");
        let mut new = dafo::commands::carry_over(&old, "Revisión 2025", "2027-11-10T09:00:00Z".parse().unwrap());
        assert!(dafo::i18n::theme_words::unknown_lines(&new, Lang::Es).is_empty(), "{:?}", new.meta.themes);
        // Made with --lang en: the session's language is English, its defaults English.
        new.meta.language = "en".into();
        let unknown = dafo::i18n::theme_words::unknown_lines(&new, Lang::En);
        assert!(unknown.is_empty(), "{unknown:?}");
    }
}
