//! The one integration-test binary: every file in `tests/` is a module here, so the
//! library and its dependencies are linked into one test executable instead of one per
//! file (as jj's `cli/tests/runner.rs`). Cargo.toml sets `autotests = false`: a test
//! file that is not listed below would never run, and `every_test_file_is_listed` fails.

mod common;

mod apparatus;
mod apparatus_readers;
mod bounded_memory;
mod browser_publish;
mod charts_office;
mod clash_tui;
mod cli_clipboard;
mod cli_commands;
mod cli_copy;
mod cli_demo;
mod cli_exports;
mod cli_hardened;
mod cli_hostile_sweep;
mod cli_ids;
mod cli_language;
mod cli_merge;
mod cli_merge_twice;
mod cli_plan;
mod cli_publish;
mod cli_review;
mod cli_session_lang;
mod cli_sheets;
mod cli_stdin;
mod cli_survey;
mod cli_terminal;
mod docx_compressed;
mod e2e_browser_dir;
mod e2e_came;
mod e2e_capture;
mod e2e_escapes;
mod e2e_follow;
mod e2e_keys;
mod e2e_keystrokes;
mod e2e_live;
mod e2e_meeting;
mod e2e_plan;
mod e2e_readline;
mod e2e_review;
mod e2e_room;
mod e2e_settings;
mod e2e_sources;
mod errors_lang;
mod exports_csv_docx;
mod exports_marks;
mod follow_marks;
mod follow_view;
mod git_merge;
mod import_hostile;
mod indicator_field;
mod informe;
mod join_factors;
mod keystrokes;
mod lang_screens;
mod lang_update;
mod layers;
mod live_update;
mod meeting_form;
mod meeting_snapshots;
mod meeting_update;
mod merge_review;
mod office;
mod overlays;
mod packaging;
mod participation;
mod plan_edit;
mod plan_keys;
mod plan_view;
mod present_pages;
mod prop_keys;
mod readme;
mod room_browser;
mod room_domain;
mod room_e2e;
mod room_http;
mod room_load;
mod room_snapshots;
mod room_update;
mod roundtrip_prop;
mod skips;
mod snapshots;
mod sources_tui;
mod storage_app;
mod storage_faults;
mod storage_hostile;
mod storage_journal;
mod storage_kill;
mod storage_links;
mod storage_signals;
mod themes;
mod truncation;
mod update;

/// Each `tests/*.rs` (and each `tests/*/mod.rs`) must have its `mod` line above.
#[test]
fn every_test_file_is_listed() {
    let listed = include_str!("runner.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/ is readable") {
        let path = entry.expect("tests/ entry").path();
        let module = if path.is_dir() && path.join("mod.rs").is_file() {
            path.file_name()
        } else if path.extension().is_some_and(|e| e == "rs") {
            path.file_stem()
        } else {
            None
        };
        let Some(module) = module.and_then(|m| m.to_str()) else { continue };
        if module != "runner" && !listed.lines().any(|l| l == format!("mod {module};")) {
            missing.push(module.to_owned());
        }
    }
    assert!(missing.is_empty(), "test files not listed in tests/runner.rs (they would never run): {missing:?}");
}
