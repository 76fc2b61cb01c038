//! A test whose outside tool is missing never passes in silence: it says
//! "skipped: <test> needs <tool>" on the run's own stderr, and under `CI` it fails.
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::process::{Command, Output};

/// Runs one test of this binary again, with no tool on PATH and `ci` as `CI`.
fn rerun_without_tools(test: &str, ci: Option<&str>) -> Output {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact"]).env("PATH", "/nonexistent");
    match ci {
        Some(v) => cmd.env("CI", v),
        None => cmd.env_remove("CI"),
    };
    cmd.output().unwrap()
}

#[test]
fn a_missing_tool_is_a_visible_skip_and_under_ci_a_failure() {
    let test = "cli_demo::the_browser_names_the_folder_in_use";
    let skipped = rerun_without_tools(test, None);
    let said = String::from_utf8_lossy(&skipped.stderr);
    assert!(skipped.status.success(), "{said}");
    assert!(said.contains(&format!("skipped: {test} needs tmux")), "no skip line: {said}");

    let failed = rerun_without_tools(test, Some("true"));
    let said = format!("{}{}", String::from_utf8_lossy(&failed.stdout), String::from_utf8_lossy(&failed.stderr));
    assert!(!failed.status.success(), "{said}");
    assert!(said.contains("CI is set, so a missing tool is a failure"), "{said}");
}
