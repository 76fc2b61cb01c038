//! Every command's output with hostile names and fields (issue 22, "Text that
//! reaches the terminal"): a plan whose texts, metadata and file and folder
//! names hold escape sequences (CSI, OSC 52, BEL, C1) goes through each command
//! that writes to stdout or stderr; none of those bytes comes out. (`git-setup`
//! runs inside a repository: `cli_hardened` covers it.)
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use dafo::domain::Session;

/// A clear screen, an OSC 52 clipboard write ended by BEL, and a C1 CSI.
const HOSTILE: &str = "x\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m";

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn dafo(args: &[&str]) -> Output {
    crate::common::dafo_command(args).stdin(Stdio::null()).output().unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// No control character but line ends and tabs in either stream.
fn assert_clean(o: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).collect();
        assert!(bad.is_empty(), "{what}: {stream} holds {bad:?}: {text}");
    }
}

/// The sample plan with a hostile text in every kind of field.
fn hostile_plan() -> Session {
    let mut s = dafo::storage::load(Path::new(PLAN)).unwrap();
    let h = |t: &str| format!("{t}{HOSTILE}");
    s.meta.title = h("Plan");
    s.meta.place = Some(h("Lugar"));
    s.meta.participants = Some(h("Equipo"));
    s.meta.group = Some(h("Grupo"));
    s.mission = Some(h("Misión"));
    s.vision = Some(h("Visión"));
    s.values.push(h("Valor"));
    s.strengths[0].text = h("Fortaleza");
    s.correct[0].text = h("Acción");
    s.correct[0].owner = Some(h("Responsable"));
    if let Some(c) = s.challenges.first_mut() {
        c.text = h("Reto");
    }
    if let Some(a) = s.axes.first_mut() {
        a.text = h("Eje");
    }
    if let Some(l) = s.lines.first_mut() {
        l.text = h("Línea");
    }
    if let Some(i) = s.indicators.first_mut() {
        i.name = h("Indicador");
    }
    if let Some(r) = s.reviews.first_mut() {
        r.note = Some(h("Nota"));
    }
    s
}

#[test]
fn every_command_keeps_hostile_names_and_fields_off_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(format!("dir{HOSTILE}"));
    std::fs::create_dir(&dir).unwrap();
    let file = |stem: &str, ext: &str| -> PathBuf { dir.join(format!("{stem}{HOSTILE}.{ext}")) };
    let plan = file("plan", "ron");
    dafo::storage::save(&plan, &hostile_plan()).unwrap();
    let mut next = hostile_plan();
    next.strengths[1].text = format!("Otra{HOSTILE}");
    let newer = file("nuevo", "ron");
    dafo::storage::save(&newer, &next).unwrap();
    let run = |args: &[&str], what: &str| {
        let o = dafo(args);
        assert_clean(&o, what);
        o
    };
    let o = run(&["check", p(&plan)], "check");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    for format in ["md", "txt", "csv", "json", "html", "html-fragment"] {
        let o = run(&["show", p(&plan), "--format", format], &format!("show {format}"));
        assert!(o.status.success() && !o.stdout.is_empty(), "show {format}");
    }
    for ext in ["md", "txt", "csv", "json", "html", "docx"] {
        let out = file("export", ext);
        let o = run(&["export", p(&plan), "-o", p(&out)], &format!("export {ext}"));
        assert!(o.status.success() && out.exists(), "export {ext}: {}", String::from_utf8_lossy(&o.stderr));
    }
    run(&["list", p(&dir)], "list");
    run(&["list", p(&dir), "--json"], "list --json");
    run(&["diff", p(&plan), p(&newer)], "diff");
    run(&["diff", p(&plan), p(&newer), "--format", "md"], "diff md");
    let imported = file("importado", "ron");
    let o = run(&["import", p(&file("export", "md")), "-o", p(&imported)], "import");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    run(&["copy", p(&plan)], "copy");
    for format in ["txt", "md"] {
        let o = run(&["report", p(&plan), "--all", "--format", format], &format!("report {format}"));
        assert!(o.status.success(), "report {format}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let merged = file("fusion", "ron");
    run(&["merge", p(&plan), p(&newer), "-o", p(&merged)], "merge");
    run(&["recover", p(&plan)], "recover");
    let o = run(&["review", p(&plan), "--year", "2024", "C1=50", "--note", &format!("C1=nota{HOSTILE}")], "review");
    assert!(o.status.success(), "review: {}", String::from_utf8_lossy(&o.stderr));
    // The merge driver on two sides that clash on the title, under hostile names.
    let ours = file("nuestra", "ron");
    let theirs = file("suya", "ron");
    let mut mine = hostile_plan();
    mine.meta.title = format!("Nuestro título{HOSTILE}");
    dafo::storage::save(&ours, &mine).unwrap();
    let mut other = hostile_plan();
    other.meta.title = format!("Otro título{HOSTILE}");
    dafo::storage::save(&theirs, &other).unwrap();
    let o = run(&["merge-driver", p(&newer), p(&ours), p(&theirs), p(&plan)], "merge-driver");
    assert!(String::from_utf8_lossy(&o.stderr).contains("meta.title"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "a clash: {}", String::from_utf8_lossy(&o.stderr));
    // Refusals name the file too: one that does not read, one that is not there.
    let broken = file("roto", "ron");
    std::fs::write(&broken, format!("(version: 4, meta: (title: \"{HOSTILE}")).unwrap();
    let o = run(&["check", p(&broken)], "check of a broken file");
    assert!(!o.status.success());
    run(&["show", p(&file("no-existe", "ron"))], "show of a missing file");
    run(&["export", p(&plan), "-o", p(&file("export", "md"))], "export onto an existing file");
}
