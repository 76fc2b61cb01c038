//! The outside tools some tests drive (tmux, `script`, a display, LibreOffice...),
//! looked for when the test runs, not when it is built: a changed `PATH` rebuilds
//! nothing. A test asks `if !needs(Tool::Tmux) { return; }`. A missing tool then
//! fails the test when `CI` is set; elsewhere the test stops early and says so on
//! the real standard error ("skipped: ... needs tmux"), which the test harness does
//! not capture, so a skip always shows in the run and `.ci/run` counts it.

use std::io::Write;
use std::path::Path;

/// A tool, or a set of tools, some tests need.
#[derive(Clone, Copy, Debug)]
pub enum Tool {
    /// tmux, to drive the real binary in a pane.
    Tmux,
    /// util-linux `script`, a pseudo-terminal around one command.
    Script,
    /// An X11 or Wayland display (for the clipboard).
    Display,
    /// A way to run as a user for whom permission bits count: not root, or `setpriv`.
    Unprivileged,
    /// LibreOffice and poppler: `soffice`, `pdftotext`, `pdfinfo`.
    Office,
    /// A private X server and a clipboard reader: `Xvfb`, `xclip`.
    XvfbXclip,
    /// strace, to count the system calls a command makes.
    Strace,
    /// LibreOffice Calc (`soffice` with its spreadsheet module), to re-save sheets.
    Calc,
    /// Headless Chromium and its WebDriver: `chromium`, `chromedriver`.
    Chromium,
    /// Node.js and npm, to install axe-core (tests/browser).
    Node,
    /// python-docx under the system Python, an independent reader of Word files.
    PythonDocx,
}

impl Tool {
    /// What is missing, and how to get it.
    fn what(self) -> &'static str {
        match self {
            Tool::Tmux => "tmux (apt-get install tmux)",
            Tool::Script => "`script` (util-linux)",
            Tool::Display => "a display: run under `xvfb-run -a cargo test`",
            Tool::Unprivileged => "a non-root user, or setpriv to become one",
            Tool::Office => "soffice and pdftotext (apt-get install libreoffice-writer-nogui poppler-utils)",
            Tool::XvfbXclip => "Xvfb and xclip (apt-get install xvfb xclip)",
            Tool::Strace => "strace (apt-get install strace)",
            Tool::Calc => "LibreOffice Calc (apt-get install libreoffice-calc-nogui)",
            Tool::Chromium => "chromium and chromedriver (apt-get install chromium chromium-driver)",
            Tool::Node => "node and npm (apt-get install nodejs npm)",
            Tool::PythonDocx => "python-docx (apt-get install python3-docx)",
        }
    }

    /// Whether the tool is there now.
    pub fn found(self) -> bool {
        match self {
            Tool::Tmux => on_path("tmux"),
            Tool::Script => on_path("script"),
            Tool::Display => {
                ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
            }
            Tool::Unprivileged => !is_root() || on_path("setpriv"),
            Tool::Office => ["soffice", "pdftotext", "pdfinfo"].iter().all(|p| on_path(p)),
            Tool::XvfbXclip => ["Xvfb", "xclip"].iter().all(|p| on_path(p)),
            Tool::Strace => on_path("strace"),
            Tool::Calc => calc_found(),
            Tool::Chromium => ["chromium", "chromedriver"].iter().all(|p| on_path(p)),
            Tool::Node => ["node", "npm"].iter().all(|p| on_path(p)),
            Tool::PythonDocx => std::process::Command::new("/usr/bin/python3")
                .args(["-c", "import docx"])
                .output()
                .is_ok_and(|o| o.status.success()),
        }
    }
}

/// Whether `CI` is set (to anything but the empty string).
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// True when `tool` is there. When it is not: under `CI` the calling test fails here;
/// elsewhere a "skipped" line goes to the real standard error and this returns false.
#[must_use]
pub fn needs(tool: Tool) -> bool {
    if tool.found() {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(!in_ci(), "{test} needs {}; CI is set, so a missing tool is a failure", tool.what());
    // Straight to the process's stderr: libtest captures `eprintln!`, not this.
    let _ = writeln!(std::io::stderr(), "skipped: {test} needs {}", tool.what());
    false
}

/// Whether the `soffice` on PATH has Calc beside it (`libsclo.so` in its program folder).
fn calc_found() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join("soffice")).any(|p| {
            is_executable(&p)
                && std::fs::canonicalize(&p)
                    .ok()
                    .and_then(|real| real.parent().map(|d| d.join("libsclo.so").is_file()))
                    .unwrap_or(false)
        })
    })
}

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

/// Whether this process runs as root, read from /proc (no unsafe code).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines().find(|l| l.starts_with("Uid:")).is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
    })
}
