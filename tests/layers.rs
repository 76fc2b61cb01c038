//! The layers stay one-way: the core crate (crates/core: the session model, its
//! files, words, imports, exports and merges) builds without the terminal and
//! command-line crates. Asked of `cargo metadata`, so a dependency that slips in
//! through another crate is caught too.
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// The crates the core must never build with.
const NOT_IN_THE_CORE: [&str; 3] = ["ratatui", "crossterm", "clap"];

/// The names of every crate `package` builds with, its own dependencies' too:
/// normal and build dependencies, on this machine's platform; no
/// dev-dependencies (tests may use anything). Offline: the crates of other
/// platforms (Windows' console crates...) are not downloaded on a fresh
/// machine, and `cargo metadata` without a platform filter would need them.
fn built_with(package: &str) -> BTreeSet<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let host = Command::new(rustc).args(["--print", "host-tuple"]).output().unwrap();
    assert!(host.status.success(), "rustc --print host-tuple: {}", String::from_utf8_lossy(&host.stderr));
    let host = String::from_utf8(host.stdout).unwrap();
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--locked", "--filter-platform", host.trim()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let name_of: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let root = name_of.iter().find(|(_, name)| **name == package).map(|(id, _)| *id);
    let mut todo = vec![root.unwrap_or_else(|| panic!("{package} is not in the workspace"))];
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let not_dev = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].as_str() != Some("dev"));
            let dep_id = dep["pkg"].as_str().unwrap();
            if not_dev && seen.insert(name_of[dep_id].to_owned()) {
                todo.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn the_core_builds_without_ratatui_crossterm_or_clap() {
    let core = built_with("dafo-core");
    // The walk sees the core's real dependencies, near and far.
    for used in ["serde", "jiff", "docx-rs", "serde_derive"] {
        assert!(core.contains(used), "{used} missing from {core:?}");
    }
    let leaked: Vec<&str> = NOT_IN_THE_CORE.into_iter().filter(|c| core.contains(*c)).collect();
    assert!(leaked.is_empty(), "the core crate builds with {leaked:?}: {core:?}");
    // And the same walk from the dafo package finds them, so it can see them at all.
    let dafo = built_with("dafo");
    assert!(dafo.contains("dafo-core"));
    for ui in NOT_IN_THE_CORE {
        assert!(dafo.contains(ui), "{ui} missing from dafo's {dafo:?}");
    }
}

#[test]
fn the_charts_build_without_a_text_stack_or_system_fonts() {
    // The docx charts' words are outlines of the embedded fonts (ab_glyph);
    // resvg draws shapes only (issue 23: build time and binary size).
    let core = built_with("dafo-core");
    assert!(core.contains("resvg") && core.contains("ab_glyph"), "{core:?}");
    let text_stack = ["fontdb", "fontconfig-parser", "harfrust", "skrifa", "read-fonts", "unicode-bidi"];
    let found: Vec<&str> = text_stack.into_iter().filter(|c| core.contains(*c)).collect();
    assert!(found.is_empty(), "the core builds with {found:?}");
}
