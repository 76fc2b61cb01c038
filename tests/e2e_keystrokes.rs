//! Layer 3: issue 24's shortcuts typed into the real binary through tmux, as a
//! facilitator would: Tab moves a new action's line to the next factor, Ctrl-l
//! puts the action just added in a línea, and one line sets an EFI weight and
//! rating, the line moving on to the next factor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{SAMPLE, Tmux, dafo_bin, sh_quote};
use dafo::storage;

#[test]
fn new_actions_for_two_factors_placed_in_a_linea_and_a_weight_line() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut s = storage::load(std::path::Path::new(SAMPLE)).unwrap();
    s.strengths[0].weight = None;
    s.strengths[0].rating = None;
    storage::save(&path, &s).unwrap();
    let cmd = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("Fortalezas");
    t.press("c");
    t.wait_for("Corregir");
    t.press("2");
    t.press("a");
    t.type_text("Bolsa de vivienda");
    t.press("Enter");
    t.press("C-l");
    t.wait_for("Línea para C4");
    t.type_text("21");
    t.press("Enter");
    t.wait_for("C4 → 2.1");
    t.press("Tab");
    t.type_text("Oficina digital");
    t.press("Enter");
    t.press("Escape");
    // EFI: F1 lost its weight and rating; one line gives both back.
    t.press("W");
    t.wait_for("EFI");
    t.press("w");
    t.wait_for("Peso y valoración de F1");
    t.type_text("0,1 4");
    t.press("Enter");
    t.wait_for("EFI: todos los factores tienen peso y valoración");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let back = storage::load(&path).unwrap();
    let c4 = back.correct.iter().find(|a| a.id == "C4").unwrap();
    assert_eq!(
        (c4.text.as_str(), c4.line.as_deref(), c4.links.as_slice()),
        ("Bolsa de vivienda", Some("L4"), &["D3".to_owned()][..])
    );
    let c5 = back.correct.iter().find(|a| a.id == "C5").unwrap();
    assert_eq!((c5.text.as_str(), c5.links.as_slice()), ("Oficina digital", &["D4".to_owned()][..]));
    assert_eq!((back.strengths[0].weight, back.strengths[0].rating), (Some(0.1), Some(4)));
}
