//! Build-time detection of the outside programs some tests need. Each entry
//! of [`TOOLS`] names a cfg and the programs it needs on PATH; when all are
//! there (or when `CI` is set, so that a missing program fails the test
//! instead of hiding it) the cfg is on. Tests then say
//! `#[cfg_attr(not(has_x), ignore = "needs x: apt-get install x")]`, and a
//! run without the program shows them as ignored rather than passing.
//! To add a tool: one line in `TOOLS`.

use std::env;
use std::path::Path;

/// `(cfg, programs)`: the cfg is set when every program is on PATH.
const TOOLS: &[(&str, &[&str])] =
    &[("has_soffice", &["soffice", "pdftotext", "pdfinfo"]), ("has_xvfb_xclip", &["Xvfb", "xclip"])];

fn on_path(program: &str) -> bool {
    env::var_os("PATH").is_some_and(|paths| env::split_paths(&paths).any(|dir| is_program(&dir.join(program))))
}

fn is_program(path: &Path) -> bool {
    path.is_file()
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    let ci = env::var_os("CI").is_some_and(|v| !v.is_empty());
    for (cfg, programs) in TOOLS {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if ci || programs.iter().all(|p| on_path(p)) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
