//! Layer 3: the plan view in the real binary. An action is taken out of its
//! línea and put back from the tray, the session is closed and reopened, and
//! the informe's Markdown shows the action under its línea. A small plan is
//! built key by key (misión, eje, línea, placed action, reto linked to a
//! factor, indicator) and the Markdown export shows it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{SAMPLE, Tmux, dafo_bin, sh_quote};
use dafo::storage;

#[test]
fn place_an_action_quit_reopen_and_export_the_informe() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut s = storage::load(std::path::Path::new(SAMPLE)).unwrap();
    s.correct[0].line = None;
    storage::save(&path, &s).unwrap();
    let open = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("P");
    let screen = t.wait_for("Sin línea (2)");
    assert!(screen.contains("Acciones sin línea: 1"), "{screen}");
    // The tray holds C1 and the strategy FA1. The tree starts on eje 1, so línea 1.1 is the one selected; Tab twice to the tray.
    t.press("Tab");
    t.press("Tab");
    t.press("Enter");
    let screen = t.wait_for("Sin línea (1)");
    assert!(screen.contains("C1   Mesa de coordinación"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let saved = storage::load(&path).unwrap();
    assert_eq!(saved.correct[0].line.as_deref(), Some("L1"));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("P");
    let screen = t.wait_for("Acciones sin línea: 0");
    assert!(screen.contains("1.1 Acción"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let md = dir.path().join("informe.md");
    let status = std::process::Command::new(dafo_bin())
        .args(["export", &path.to_string_lossy(), "-f", "md", "-o", &md.to_string_lossy()])
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&md).unwrap();
    let group = text.find("### 1.1 Coordinación").unwrap();
    let next = text[group + 1..].find("###").map_or(text.len(), |n| group + 1 + n);
    assert!(text[group..next].contains("**C1**"), "{}", &text[group..next]);
}

/// The sample with no plan at all: no misión, retos, ejes, líneas or indicators,
/// and no action placed.
fn planless() -> dafo::domain::Session {
    let mut s = storage::load(std::path::Path::new(SAMPLE)).unwrap();
    s.mission = None;
    s.vision = None;
    s.values.clear();
    s.challenges.clear();
    s.axes.clear();
    s.lines.clear();
    s.indicators.clear();
    for list in [&mut s.maintain, &mut s.correct, &mut s.exploit, &mut s.confront] {
        for a in list.iter_mut() {
            a.line = None;
            a.indicators.clear();
        }
    }
    for st in &mut s.strategies {
        st.line = None;
    }
    s
}

#[test]
fn build_a_small_plan_in_the_tui_and_export_it() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    storage::save(&path, &planless()).unwrap();
    let first_action = storage::load(&path).unwrap().maintain[0].id.clone();
    let open = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("P");
    t.wait_for("Ejes y líneas");
    // The misión, in the top band (Shift-Tab from the tree).
    t.press("BTab");
    t.type_text("e");
    t.type_text("Cuidar cerca de casa");
    t.press("Enter");
    t.wait_for("Misión: Cuidar cerca de casa");
    // An eje and a línea in it, in the tree.
    t.press("Tab");
    t.type_text("A");
    t.type_text("Atención integrada");
    t.press("Enter");
    t.press("Escape");
    t.type_text("a");
    t.type_text("Coordinación sociosanitaria");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("1.1 Coordinación sociosanitaria");
    // The first action of the tray, placed in 1.1.
    t.press("Tab");
    t.press("Tab");
    t.press("Enter");
    t.wait_for(&format!("{first_action:<5}"));
    // A reto, linked to the weakness D1 through the picker.
    t.press("Tab");
    t.type_text("a");
    t.type_text("Coordinar lo social y lo sanitario");
    t.press("Enter");
    t.press("Escape");
    t.type_text("v");
    t.wait_for("Viene de");
    t.type_text("D1");
    t.press("Space");
    t.press("Enter");
    t.wait_for("(D1) Coordinar");
    // An indicator, from its form.
    t.press("Tab");
    t.type_text("a");
    t.wait_for("Nuevo indicador");
    t.type_text("Casos compartidos");
    t.press("Tab");
    t.type_text("casos");
    t.press("Tab");
    t.type_text("10");
    t.press("Tab");
    t.type_text("40");
    t.press("Enter");
    t.wait_for("Casos compartidos: 10 → 40 casos");
    // The session's place, in the metadata form.
    t.type_text("M");
    t.wait_for("Datos de la sesión");
    t.press("Tab");
    t.press("Tab");
    t.type_text("Centro cívico San Juanillo");
    t.press("Enter");
    t.wait_for("Casos compartidos");
    t.type_text("q");
    assert_eq!(t.wait_exit(), 0);

    let md_path = dir.path().join("informe.md");
    let out = std::process::Command::new(dafo_bin())
        .args(["export", &path.to_string_lossy(), "--format", "md", "-o", &md_path.to_string_lossy()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = std::fs::read_to_string(&md_path).unwrap();
    for needle in [
        "Cuidar cerca de casa",
        "Coordinar lo social y lo sanitario (D1)",
        "Atención integrada",
        "1.1 Coordinación sociosanitaria",
        "Casos compartidos",
        "Centro cívico San Juanillo",
    ] {
        assert!(md.contains(needle), "{needle:?} missing in:\n{md}");
    }
    let group = md.find("### 1.1 Coordinación").unwrap();
    let next = md[group + 1..].find("###").map_or(md.len(), |n| group + 1 + n);
    assert!(md[group..next].contains(&format!("**{first_action}**")), "{}", &md[group..next]);
}
