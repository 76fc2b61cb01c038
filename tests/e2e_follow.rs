//! Layer 3: the Seguimiento view in the real binary. On a copy of the
//! bundled plan, two years are reviewed (2025 and 2026: degrees, a status, a
//! note, an indicator's value), the session is closed and reopened, and
//! `dafo report` shows the values.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Status;
use dafo::storage;

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

#[test]
fn review_two_years_quit_reopen_and_report() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(PLAN, &path).unwrap();
    let open = format!("{} {}", dafo_bin(), sh_quote(&path.to_string_lossy()));

    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("S");
    t.wait_for("SEGUIMIENTO");
    t.wait_for("2024: 2 en retraso");
    // 2025: C2 (second row) to 100, with a note; C3 to 75 and descartada… then back to en curso.
    t.press("Right");
    t.wait_for("2025: ");
    t.type_text("j4");
    t.type_text("n");
    t.wait_for("Nota de C2 · 2025");
    t.type_text("Cita en 48 horas en todos los barrios");
    t.press("Enter");
    t.type_text("j3");
    // The indicator I3 (the last row): 3 días in 2025.
    t.type_text("G");
    t.type_text("v");
    t.wait_for("Valor de I3 · 2025");
    t.type_text("3");
    t.press("Enter");
    // 2026: C3 done.
    t.press("Right");
    t.wait_for("2026: ");
    t.type_text("g");
    t.type_text("jj4");
    let screen = t.wait_for("2026: ▰▰▰▰ 100 ● hecha");
    assert!(screen.contains("2025: ▰▰▰▱  75") || screen.contains("2025: ▰▰▰▱ 75"), "last year in sight:\n{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let saved = storage::load(&path).unwrap();
    let c2 = saved.action_review("C2", 2025).unwrap();
    assert_eq!((c2.degree.get(), c2.status), (100, Status::Done));
    assert_eq!(c2.note.as_deref(), Some("Cita en 48 horas en todos los barrios"));
    assert_eq!(saved.action_review("C3", 2025).map(|r| r.degree.get()), Some(75));
    assert_eq!(saved.action_review("C3", 2026).map(|r| (r.degree.get(), r.status)), Some((100, Status::Done)));
    assert_eq!(saved.indicator_value("I3", 2025), Some(3.0));

    // Reopened, the view shows both years as saved.
    let Some(t) = Tmux::start(&open, dir.path(), 120, 40) else { return };
    t.wait_for("Fortalezas");
    t.type_text("S");
    let screen = t.wait_for("2026: ");
    assert!(screen.contains("▰▰▰▰ 100 ●"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let out = std::process::Command::new(dafo_bin())
        .args(["report", &path.to_string_lossy(), "--all", "--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    let row = md.lines().find(|l| l.starts_with("| C2 |")).unwrap();
    assert!(row.contains("| 100 ● |"), "{row}");
    let row = md.lines().find(|l| l.starts_with("| C3 |")).unwrap();
    assert!(row.ends_with("| 75 ◐\\! | 100 ● |"), "en retraso in 2025, hecha in 2026: {row}");
    assert!(md.contains("Cita en 48 horas en todos los barrios"), "{md}");
}
