//! Áreas temáticas and cross-cutting impacts (issue 27): `dafo check` refuses
//! names outside the session's lists, the TUI tags factors and actions through
//! the picker and filters the grid by theme, and the exports carry them.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::Output;

use dafo::domain::{CameAction, Factor, Session};

fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).output().unwrap()
}

/// A small session: two factors, one action; themes and impacts on some.
fn tagged() -> Session {
    let mut s = Session::new("Comarca", jiff::Timestamp::UNIX_EPOCH);
    let mut f1 = Factor::new("F1", "Tejido asociativo joven");
    f1.themes = vec!["juventud".into(), "empleo".into()];
    s.strengths.push(f1);
    s.weaknesses.push(Factor::new("D1", "Paro de larga duración"));
    let mut c1 = CameAction::new("C1", "Lanzadera de empleo", vec!["D1".into()]);
    c1.themes = vec!["empleo".into()];
    c1.impacts = vec!["género".into(), "juventud".into()];
    s.correct.push(c1);
    s.normalise_ids();
    s
}

fn save(dir: &Path, name: &str, s: &Session) -> String {
    let path = dir.join(name);
    dafo::storage::save(&path, s).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn check_accepts_the_default_lists_and_refuses_an_unknown_theme_or_impact() {
    let tmp = tempfile::tempdir().unwrap();
    let s = tagged();
    let good = save(tmp.path(), "good.ron", &s);
    let out = dafo(&["check", &good]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    // The file keeps the names; a session without any keeps no new field.
    let text = std::fs::read_to_string(&good).unwrap();
    assert!(text.contains("themes: [\"juventud\", \"empleo\"]"), "{text}");
    let plain = save(tmp.path(), "plain.ron", &Session::new("x", jiff::Timestamp::UNIX_EPOCH));
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(!text.contains("themes") && !text.contains("impacts"), "{text}");
    let mut bad = s.clone();
    bad.weaknesses[0].themes = vec!["pesca".into()];
    bad.correct[0].impacts.push("clima".into());
    let bad = save(tmp.path(), "bad.ron", &bad);
    let out = dafo(&["--lang", "es", "check", &bad]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("D1: el área temática «pesca» no está en la lista de la sesión"), "{said}");
    assert!(said.contains("C1: el impacto «clima» no está en la lista de la sesión"), "{said}");
    // A session with its own list: a name of that list is fine.
    let mut own = s.clone();
    own.meta.themes = vec!["juventud".into(), "empleo".into(), "pesca".into()];
    own.weaknesses[0].themes = vec!["pesca".into()];
    let own = save(tmp.path(), "own.ron", &own);
    assert!(dafo(&["check", &own]).status.success());
}

mod tui {
    use super::tagged;
    use dafo::app::{App, Screen};
    use dafo::domain::Session;
    use dafo::i18n::Lang;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    fn key(app: &mut App, code: KeyCode) {
        if let Some(a) = app.action_for(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
            app.update(a);
        }
    }

    fn typed(app: &mut App, text: &str) {
        text.chars().for_each(|c| key(app, KeyCode::Char(c)));
    }

    fn session(app: &App) -> &Session {
        match &app.screen {
            Screen::Editor(e) => e.session(),
            Screen::Browser(_) => panic!("no session open"),
        }
    }

    fn screen(app: &App) -> String {
        crate::common::screen_rows(app, 120, 30).join("\n")
    }

    #[test]
    fn capital_a_tags_the_selected_factor_adds_a_typed_theme_and_undoes_in_one_step() {
        let mut h = crate::common::held(tagged(), Lang::Es);
        typed(&mut h, "A");
        let shown = screen(&h);
        assert!(shown.contains("Áreas temáticas de F1"), "{shown}");
        assert!(shown.contains("[x] juventud") && shown.contains("[ ] economía"), "{shown}");
        typed(&mut h, "pesca");
        let shown = screen(&h);
        assert!(shown.contains("+ añadir «pesca» a la lista"), "{shown}");
        key(&mut h, KeyCode::Enter);
        key(&mut h, KeyCode::Enter);
        let s = session(&h);
        assert_eq!(s.strengths[0].themes, ["empleo", "juventud", "pesca"], "in the list's order, the new one last");
        assert_eq!(s.meta.themes.last().map(String::as_str), Some("pesca"));
        assert!(s.meta.themes.contains(&"turismo".to_owned()), "the defaults became the session's own list");
        typed(&mut h, "u");
        let s = session(&h);
        assert_eq!(
            (s.strengths[0].themes.clone(), s.meta.themes.clone()),
            (tagged().strengths[0].themes.clone(), vec![])
        );
    }

    #[test]
    fn f_filters_the_grid_by_theme_and_capital_i_tags_an_action_with_impacts() {
        let mut s = tagged();
        s.weaknesses[0].themes = vec!["economía".into()];
        let mut h = crate::common::held(s, Lang::Es);
        typed(&mut h, "f");
        // The first theme in the list's order that a factor carries: economía.
        let shown = screen(&h);
        assert!(shown.contains("Área temática: economía (1)"), "{shown}");
        assert!(shown.contains("Paro de larga") && !shown.contains("Tejido asociativo"), "{shown}");
        typed(&mut h, "f");
        let shown = screen(&h);
        assert!(shown.contains("Área temática: empleo (1)") && shown.contains("Tejido asociativo"), "{shown}");
        assert!(!shown.contains("Paro de larga"), "{shown}");
        typed(&mut h, "ff");
        let shown = screen(&h);
        assert!(shown.contains("Todas las áreas temáticas"), "{shown}");
        assert!(shown.contains("Paro de larga") && shown.contains("Tejido asociativo"), "{shown}");
        // CAME view, action pane of Corregir: I opens the impacts of C1.
        typed(&mut h, "c2");
        key(&mut h, KeyCode::Right);
        typed(&mut h, "I");
        let shown = screen(&h);
        assert!(shown.contains("Impactos transversales de C1") && shown.contains("[x] género"), "{shown}");
        // Uncheck género (the first line), keep juventud, check medio ambiente y clima.
        typed(&mut h, " ");
        key(&mut h, KeyCode::Down);
        key(&mut h, KeyCode::Down);
        typed(&mut h, " ");
        key(&mut h, KeyCode::Enter);
        assert_eq!(session(&h).correct[0].impacts, ["juventud", "medio ambiente y clima"]);
    }
}

#[test]
fn themes_and_impacts_come_back_from_md_csv_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = tagged();
    // A plan: its Markdown carries the actions (a plan-less one gives back factors only).
    s.meta.horizon = Some("2027-2030".parse().unwrap());
    s.meta.impacts = vec!["género".into(), "juventud".into(), "medio ambiente y clima".into(), "rural".into()];
    let file = save(tmp.path(), "s.ron", &s);
    for format in ["md", "csv", "json"] {
        let out = tmp.path().join(format!("s.{format}"));
        let o = dafo(&["export", &file, "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let back = tmp.path().join(format!("back-{format}.ron"));
        let o = if format == "json" {
            std::fs::write(&back, "").unwrap();
            let text = std::fs::read_to_string(&out).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            // The structure for other tools names them too.
            assert_eq!(v["strengths"][0]["themes"], serde_json::json!(["juventud", "empleo"]));
            assert_eq!(v["actions"][0]["impacts"], serde_json::json!(["género", "juventud"]));
            let again: Session = serde_json::from_value(v["session"].clone()).unwrap();
            dafo::storage::save(&back, &again).unwrap();
            None
        } else {
            Some(dafo(&["import", out.to_str().unwrap(), "-o", back.to_str().unwrap(), "--force"]))
        };
        if let Some(o) = o {
            assert!(o.status.success(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
        }
        let back = dafo::storage::load(&back).unwrap();
        // Markdown lists items under each name, so their names come back in the list's order.
        let order = if format == "md" { ["empleo", "juventud"] } else { ["juventud", "empleo"] };
        assert_eq!(back.strengths[0].themes, order, "{format}");
        assert_eq!(back.correct[0].themes, ["empleo"], "{format}");
        assert_eq!(back.correct[0].impacts, ["género", "juventud"], "{format}");
        assert_eq!(back.meta.impacts, s.meta.impacts, "{format}");
        assert!(back.meta.themes.is_empty(), "{format}: the defaults stay implicit");
    }
    let md = std::fs::read_to_string(tmp.path().join("s.md")).unwrap();
    assert!(md.contains("## Impactos transversales\n\n*Lista propia de la sesión.*"), "{md}");
    assert!(md.contains("### rural\n\nNinguna acción."), "{md}");
}

#[test]
fn by_theme_gives_one_dafo_per_theme_after_the_whole_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = tagged();
    s.weaknesses[0].themes = vec!["empleo".into()];
    let file = save(tmp.path(), "s.ron", &s);
    let export = |format: &str, extra: &[&str]| {
        let out = tmp.path().join(format!("t.{format}"));
        let mut args = vec!["export", &file, "-o", out.to_str().unwrap(), "--force"];
        args.extend(extra);
        (dafo(&args), out)
    };
    let (o, md) = export("md", &["--by-theme"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = std::fs::read_to_string(md).unwrap();
    let (whole, empleo, juventud) = (
        md.find("## Matriz DAFO\n").unwrap(),
        md.find("## DAFO · empleo").unwrap(),
        md.find("## DAFO · juventud").unwrap(),
    );
    assert!(whole < empleo && empleo < juventud, "{md}");
    let juventud_grid = &md[juventud..md[juventud..].find("## Fortalezas").map_or(md.len(), |e| juventud + e)];
    assert!(juventud_grid.contains("Tejido asociativo") && !juventud_grid.contains("Paro de larga"), "{juventud_grid}");
    // Without the flag: no grid per theme; the Markdown still imports.
    let (_, plain) = export("md", &[]);
    assert!(!std::fs::read_to_string(&plain).unwrap().contains("DAFO · "));
    let (o, md_path) = export("md", &["--by-theme"]);
    assert!(o.status.success());
    let back = tmp.path().join("back.ron");
    let o = dafo(&["import", md_path.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (o, txt) = export("txt", &["--by-theme"]);
    assert!(o.status.success());
    let txt = std::fs::read_to_string(txt).unwrap();
    // Plain text has no grid: each theme's DAFO is its lists, after the whole DAFO's.
    assert!(txt.find("AMENAZAS").unwrap() < txt.find("DAFO · EMPLEO").unwrap(), "{txt}");
    let (o, html) = export("html", &["--by-theme"]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(html).unwrap().contains("DAFO · juventud"));
    let (o, docx) = export("docx", &["--by-theme"]);
    assert!(o.status.success());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(docx).unwrap())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("DAFO · empleo") && xml.contains("DAFO · juventud"));
    let (o, _) = export("csv", &["--by-theme"]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("--by-theme da un DAFO por área temática en md, html, docx o txt, no en csv")
    );
}

#[test]
fn merge_keeps_every_group_s_names_known() {
    let tmp = tempfile::tempdir().unwrap();
    // One group keeps its own list, the other uses the defaults.
    let mut a = tagged();
    a.meta.group = Some("técnicos".into());
    a.meta.themes = vec!["pesca".into()];
    a.strengths[0].themes = vec!["pesca".into()];
    a.correct[0].themes.clear();
    let mut b = tagged();
    b.meta.group = Some("políticos".into());
    let (a, b) = (save(tmp.path(), "a.ron", &a), save(tmp.path(), "b.ron", &b));
    let out = tmp.path().join("m.ron");
    let o = dafo(&["merge", &a, &b, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = dafo::storage::load(&out).unwrap();
    assert_eq!(m.meta.themes.first().map(String::as_str), Some("pesca"));
    assert!(m.meta.themes.contains(&"juventud".to_owned()));
    let joined = m.strengths.iter().find(|f| f.text.starts_with("Tejido")).unwrap();
    assert_eq!(joined.themes, ["pesca", "juventud", "empleo"], "both groups' names");
    let o = dafo(&["check", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

/// End to end in tmux: the real binary tags a factor with a new theme, filters
/// by it, and the saved file keeps the tag and the session's list.
#[test]
fn the_binary_tags_a_factor_in_tmux_and_saves_it() {
    use crate::common::{Tmux, dafo_bin, sh_quote};
    if !crate::common::needs(crate::common::Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = save(dir.path(), "s.ron", &tagged());
    let Some(t) = Tmux::start(&format!("{} {}", dafo_bin(), sh_quote(&file)), dir.path(), 110, 30) else { return };
    t.wait_for("Tejido asociativo");
    t.press("A");
    t.wait_for("Áreas temáticas de F1");
    t.type_text("pesca");
    t.wait_for("+ añadir «pesca» a la lista");
    t.press("Enter");
    t.press("Enter");
    t.press("f");
    let screen = t.wait_for("Área temática: empleo (1)");
    assert!(screen.contains("Tejido asociativo") && !screen.contains("Paro de larga"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let s = dafo::storage::load(Path::new(&file)).unwrap();
    assert_eq!(s.strengths[0].themes, ["empleo", "juventud", "pesca"]);
    assert_eq!(s.meta.themes.last().map(String::as_str), Some("pesca"));
}
