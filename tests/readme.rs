//! The README's first screen, for a facilitator, works as written: each `dafo …`
//! command in it runs here (the real binary, a fresh home, from a folder with no
//! `sessions/`), and each other command is one `.ci/package` runs.
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::dafo_bin;

/// The commands of the `sh` blocks between the first-screen marks, without comments.
fn first_screen_commands(readme: &str) -> Vec<String> {
    let start = readme.find("<!-- first screen").expect("README marks its first screen");
    let end = readme.find("<!-- /first screen -->").expect("README marks the end of its first screen");
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in readme[start..end].lines() {
        match line.trim() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            l if in_sh && !l.is_empty() => commands.push(l.split(" # ").next().unwrap().trim().to_owned()),
            _ => {}
        }
    }
    commands
}

#[test]
fn every_command_of_the_readme_first_screen_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let package = std::fs::read_to_string(root.join(".ci/package")).unwrap();
    let commands = first_screen_commands(&readme);
    assert!(commands.iter().any(|c| c == "dafo demo"), "{commands:?}");

    let tmp = tempfile::tempdir().unwrap();
    let (home, work) = (tmp.path().join("home"), tmp.path().join("work"));
    std::fs::create_dir_all(&work).unwrap();
    let bin_dir = Path::new(dafo_bin()).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin_dir.to_owned()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    for command in &commands {
        if let Some(rest) = command.strip_prefix("sudo apt install ./") {
            // .ci/package builds this very file and installs it into a throwaway root.
            let deb = rest.trim();
            assert!(deb.starts_with("target/debian/dafo_") && deb.ends_with("_amd64.deb"), "{deb}");
            assert!(package.contains("dpkg") && package.contains("target/debian/"), ".ci/package installs no .deb");
            continue;
        }
        if !command.starts_with("dafo ") {
            assert!(
                package.lines().any(|l| l.trim_start().starts_with(command.as_str())),
                ".ci/package never runs {command}"
            );
            continue;
        }
        let out = Command::new("sh")
            .args(["-c", command])
            .current_dir(&work)
            .env("PATH", &path)
            .env("HOME", &home)
            .env_remove("XDG_DATA_HOME")
            .env_remove("DAFO_DIR")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{command}: {said}");
    }
    assert!(home.join(".local/share/dafo/sessions/palencia-ciudad-de-los-cuidados.ron").is_file());
    let docx = std::fs::read(work.join("informe.docx")).unwrap();
    assert!(docx.starts_with(b"PK"), "informe.docx is not a Word file");
}

#[test]
fn the_developer_commands_are_the_two_the_readme_promises() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let dev = &readme[readme.find("## For developers").unwrap()..];
    let block = &dev[dev.find("```sh").unwrap() + 5..];
    let block = &block[..block.find("```").unwrap()];
    let commands: Vec<&str> =
        block.lines().filter_map(|l| l.split(" # ").next()).map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(commands, ["cargo run --release", "cargo test"]);
}
