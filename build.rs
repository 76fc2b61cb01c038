//! Build script: finds the tools some tests drive (tmux, a display, privileges) and
//! tells the tests through cfgs, so that a test lacking its tool shows as *ignored*
//! with a reason instead of passing in silence. With `CI` set every cfg is on: a
//! missing tool then fails its test loudly.
//!
//! Each row is (cfg, how to find it). To add a tool (soffice, pdftotext...), add a row.

use std::path::Path;

/// How a requirement is met.
enum Need {
    /// A program on PATH.
    Program(&'static str),
    /// Any of these environment variables set (a display).
    AnyEnv(&'static [&'static str]),
    /// Being able to drop to `nobody` with `setpriv` (tests of permission bits as root),
    /// or not being root at all.
    Unprivileged,
    /// Every one of these programs on PATH.
    Programs(&'static [&'static str]),
}

const TOOLS: &[(&str, Need)] = &[
    ("has_tmux", Need::Program("tmux")),
    ("has_script", Need::Program("script")),
    ("has_display", Need::AnyEnv(&["DISPLAY", "WAYLAND_DISPLAY"])),
    ("has_unprivileged", Need::Unprivileged),
    ("has_soffice", Need::Programs(&["soffice", "pdftotext", "pdfinfo"])),
    ("has_xvfb_xclip", Need::Programs(&["Xvfb", "xclip"])),
    ("has_strace", Need::Program("strace")),
];

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| is_executable(&dir.join(program))))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file() || path.with_extension("exe").is_file()
    }
}

fn is_root() -> bool {
    // The build runs as the user the tests run as; /proc tells without unsafe code.
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines().find(|l| l.starts_with("Uid:")).is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
    })
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=PATH");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    for (cfg, need) in TOOLS {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        let found = match need {
            Need::Program(p) => on_path(p),
            Need::AnyEnv(vars) => vars.iter().any(|v| {
                println!("cargo::rerun-if-env-changed={v}");
                std::env::var_os(v).is_some()
            }),
            Need::Unprivileged => !is_root() || on_path("setpriv"),
            Need::Programs(all) => all.iter().all(|p| on_path(p)),
        };
        if found || ci {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
