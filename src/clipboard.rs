//! Copying summaries out: the system clipboard through arboard (HTML and plain
//! text together), kept alive on X11/Wayland by a detached holder process, with
//! OSC 52 and a temp file as fallbacks when there is no clipboard (SSH, no display).
//!
//! On X11 and Wayland the clipboard's content belongs to a live process: when
//! it exits the content is gone. [`copy`] therefore starts `dafo` again as a
//! hidden `__hold-clipboard` subcommand in its own process group, hands it the
//! content on stdin and returns; the holder serves pastes (arboard's
//! `SetExtLinux::wait`) and exits by itself as soon as something else is copied
//! or the display closes. It is what `xclip` does too.

use std::fmt;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

mod reason;
#[cfg(test)]
mod reason_tests;

pub use reason::{CopyReason, OsFailure};

/// Set this environment variable (to anything) to skip the system clipboard
/// and go straight to the fallbacks.
pub const NO_CLIPBOARD_ENV: &str = "DAFO_NO_CLIPBOARD";

/// How long [`copy`] waits for the holder to own the clipboard.
#[cfg_attr(
    not(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten")))),
    allow(dead_code)
)]
const CONFIRM_SECONDS: u64 = 3;

/// Largest payload sent as OSC 52; many terminals drop longer ones.
const OSC52_MAX: usize = 100_000;

/// What was put on the clipboard: plain text and, optionally, HTML for word processors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub text: String,
    pub html: Option<String>,
}

/// What [`copy`] did; [`CopyOutcome::message`] says it in the user's language
/// (its `Display` is the English message, for logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyOutcome {
    /// On the system clipboard; `holder` is the process keeping it available, if any.
    Clipboard { holder: Option<u32> },
    /// No system clipboard: sent to the terminal with OSC 52 and saved to `file`.
    Osc52 { reason: CopyReason, file: PathBuf },
    /// No system clipboard and no terminal to ask: saved to `file`.
    File { reason: CopyReason, file: PathBuf },
    /// Nothing worked (not even writing a temp file).
    Failed { reason: CopyReason },
}

impl CopyOutcome {
    /// True unless nothing at all could be done.
    pub fn is_ok(&self) -> bool {
        !matches!(self, CopyOutcome::Failed { .. })
    }
}

impl fmt::Display for CopyOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl CopyOutcome {
    /// What happened, in `lang` (the reason in `lang` too, the system's own words after it).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        self.message_fitted(lang, |reason| reason)
    }

    /// [`CopyOutcome::message`], with `fit` applied to the reason beside a saved
    /// file (the status line cuts it short to keep the path on one line).
    pub fn message_fitted(&self, lang: crate::i18n::Lang, fit: impl FnOnce(String) -> String) -> String {
        let ui = &lang.text().ui;
        match self {
            CopyOutcome::Clipboard { .. } => ui.copied.to_owned(),
            CopyOutcome::Osc52 { file, .. } => (ui.copy_osc52)(&file.display().to_string()),
            CopyOutcome::File { reason, file } => (ui.copy_saved)(&file.display().to_string(), &fit(reason.said(lang))),
            CopyOutcome::Failed { reason } => format!("{}: {}", ui.copy_failed, reason.said(lang)),
        }
    }
}

/// Copies `text` (and `html`, offered alongside for word processors) so that it
/// can be pasted after this process exits. Never panics; see [`CopyOutcome`].
pub fn copy(text: &str, html: Option<&str>) -> CopyOutcome {
    let content = Content { text: text.to_owned(), html: html.map(str::to_owned) };
    let reason = if std::env::var_os(NO_CLIPBOARD_ENV).is_some() {
        CopyReason::Disabled
    } else {
        match arboard::Clipboard::new() {
            Ok(clipboard) => match to_system(clipboard, &content) {
                Ok(holder) => return CopyOutcome::Clipboard { holder },
                Err(e) => e,
            },
            Err(e) => CopyReason::from(e),
        }
    };
    fallback(&content, reason)
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
fn to_system(clipboard: arboard::Clipboard, content: &Content) -> Result<Option<u32>, CopyReason> {
    use std::os::unix::process::CommandExt as _;
    use std::process::{Command, Stdio};

    let exe = std::env::current_exe().map_err(|e| CopyReason::NoProgram(e.into()))?;
    // Made before the holder starts: failing here leaves no process behind.
    let payload =
        serde_json::to_vec(content).map_err(|e| CopyReason::HolderUnreachable(std::io::Error::from(e).into()))?;
    let child = Command::new(exe)
        .arg(HOLD_SUBCOMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .current_dir("/")
        // Its own process group: Ctrl-C in the terminal does not kill the holder.
        .process_group(0)
        .spawn()
        .map_err(|e| CopyReason::HolderNotStarted(e.into()))?;
    let child = hand_over(child, &payload)?;
    // Wait until the holder owns the clipboard, so that the paste works at once.
    let mut clipboard = clipboard;
    let same = |t: &str| t.replace("\r\n", "\n").trim_end() == content.text.replace("\r\n", "\n").trim_end();
    confirm(child, || clipboard.get_text().is_ok_and(|t| same(&t)))
}

/// Gives the holder `payload` on its stdin, then closes it (the holder reads to
/// the end). A holder that cannot be reached is stopped and waited for, so it
/// does not stay behind as a zombie of this dafo.
#[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
fn hand_over(mut child: std::process::Child, payload: &[u8]) -> Result<std::process::Child, CopyReason> {
    if let Some(mut stdin) = child.stdin.take()
        && let Err(e) = stdin.write_all(payload)
    {
        drop(stdin);
        let _ = child.kill();
        let _ = child.wait();
        return Err(CopyReason::HolderUnreachable(e.into()));
    }
    Ok(child)
}

/// Waits until `owned` says the holder owns the clipboard, for at most
/// [`CONFIRM_SECONDS`]. A holder that stopped has been waited for; one not
/// confirmed in time is stopped and waited for; a confirmed one keeps serving
/// pastes, and a thread of its own waits for it to exit, so that neither leaves a
/// zombie behind while this dafo runs on, and nobody waits for it here.
#[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
fn confirm(mut child: std::process::Child, mut owned: impl FnMut() -> bool) -> Result<Option<u32>, CopyReason> {
    let deadline = std::time::Instant::now() + Duration::from_secs(CONFIRM_SECONDS);
    loop {
        if owned() {
            let id = child.id();
            // Should the thread not start, the holder is left as before: a zombie once it exits.
            let _ = std::thread::Builder::new().name("dafo-clip-holder".to_owned()).spawn(move || child.wait());
            return Ok(Some(id));
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(CopyReason::HolderStopped { code: status.code() });
        }
        if std::time::Instant::now() > deadline {
            // Not confirmed: stop our holder rather than leave an unknown state behind.
            let _ = child.kill();
            let _ = child.wait();
            return Err(CopyReason::NotConfirmed { seconds: CONFIRM_SECONDS });
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten")))))]
fn to_system(mut clipboard: arboard::Clipboard, content: &Content) -> Result<Option<u32>, CopyReason> {
    // macOS and Windows keep the content after the process exits.
    set(&mut clipboard, content)?;
    Ok(None)
}

#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten")))))]
fn set(clipboard: &mut arboard::Clipboard, content: &Content) -> Result<(), arboard::Error> {
    match &content.html {
        Some(html) => clipboard.set_html(html.as_str(), Some(content.text.as_str())),
        None => clipboard.set_text(content.text.as_str()),
    }
}

/// Name of the hidden subcommand that runs [`hold`].
pub const HOLD_SUBCOMMAND: &str = "__hold-clipboard";

/// Body of the holder process: reads a [`Content`] as JSON from stdin, puts it
/// on the clipboard and serves it until another program takes the clipboard,
/// or until the display it serves goes away (arboard would wait forever then).
pub fn hold() -> Result<(), String> {
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).map_err(|e| e.to_string())?;
    let content: Content = serde_json::from_slice(&input).map_err(|e| e.to_string())?;
    let mut clipboard = arboard::Clipboard::new().map_err(|e| e.to_string())?;
    let sockets = display_sockets();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = hold_with(&mut clipboard, &content).map_err(|e| e.to_string());
        let _ = done.send(result);
    });
    loop {
        match finished.recv_timeout(Duration::from_secs(2)) {
            Ok(result) => return result,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Err("holder thread ended".to_owned()),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if sockets.iter().any(|s| !display_alive(s)) {
                    return Ok(());
                }
            }
        }
    }
}

/// Whether a display still answers on `socket`. The file alone is not enough: a
/// display server that was killed leaves its socket file behind, and a holder
/// that trusted it would wait for ever; connecting to a dead socket is refused.
#[cfg(unix)]
fn display_alive(socket: &std::path::Path) -> bool {
    socket.exists() && std::os::unix::net::UnixStream::connect(socket).is_ok()
}

/// Elsewhere there are no X11 or Wayland sockets to watch.
#[cfg(not(unix))]
fn display_alive(socket: &std::path::Path) -> bool {
    socket.exists()
}

/// The sockets of the X11 and Wayland displays this process talks to, when they
/// exist as files now (`/tmp/.X11-unix/X0`, `$XDG_RUNTIME_DIR/wayland-0`). When
/// one disappears the display is gone and nobody can paste any more.
fn display_sockets() -> Vec<PathBuf> {
    let mut sockets = Vec::new();
    if let Ok(display) = std::env::var("DISPLAY")
        && let Some((host, rest)) = display.rsplit_once(':')
        && (host.is_empty() || host == "unix")
    {
        let number = rest.split('.').next().unwrap_or("");
        sockets.push(PathBuf::from(format!("/tmp/.X11-unix/X{number}")));
    }
    if let Ok(wayland) = std::env::var("WAYLAND_DISPLAY")
        && !wayland.is_empty()
    {
        let path = PathBuf::from(&wayland);
        if path.is_absolute() {
            sockets.push(path);
        } else if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR") {
            sockets.push(PathBuf::from(dir).join(path));
        }
    }
    sockets.retain(|s| s.exists());
    sockets
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
fn hold_with(clipboard: &mut arboard::Clipboard, content: &Content) -> Result<(), arboard::Error> {
    use arboard::SetExtLinux as _;
    match &content.html {
        Some(html) => clipboard.set().wait().html(html.as_str(), Some(content.text.as_str())),
        None => clipboard.set().wait().text(content.text.as_str()),
    }
}

#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten")))))]
fn hold_with(clipboard: &mut arboard::Clipboard, content: &Content) -> Result<(), arboard::Error> {
    set(clipboard, content)
}

/// OSC 52 when stdout is a terminal that probably understands it, and in any
/// case a temp file, so the summary is never lost.
fn fallback(content: &Content, reason: CopyReason) -> CopyOutcome {
    let file = match save_temp(content) {
        Ok(file) => file,
        Err(e) => {
            return CopyOutcome::Failed { reason: CopyReason::NoTempFile { why: Box::new(reason), error: e.into() } };
        }
    };
    if terminal_supports_osc52() && content.text.len() * 4 / 3 < OSC52_MAX {
        let encoded = base64::engine::general_purpose::STANDARD.encode(content.text.as_bytes());
        let mut out = std::io::stdout();
        if write!(out, "\u{1b}]52;c;{encoded}\u{7}").and_then(|()| out.flush()).is_ok() {
            return CopyOutcome::Osc52 { reason, file };
        }
    }
    CopyOutcome::File { reason, file }
}

/// Stdout is a terminal and `TERM` names one that is not known to lack OSC 52.
fn terminal_supports_osc52() -> bool {
    if !std::io::stdout().is_terminal() {
        return false;
    }
    let term = std::env::var("TERM").unwrap_or_default();
    !term.is_empty() && term != "dumb" && term != "linux" && !term.starts_with("vt1")
}

fn save_temp(content: &Content) -> std::io::Result<PathBuf> {
    let (suffix, body) = match &content.html {
        Some(html) => (".html", html.as_str()),
        None => (".txt", content.text.as_str()),
    };
    // Its errors are the system's own (not tempfile's, which name the temp file in English).
    let file = crate::storage::temp_file_in(&std::env::temp_dir(), "dafo-copy-", suffix, 0o600)?;
    let (mut handle, path) = file.keep().map_err(|e| e.error)?;
    handle.write_all(body.as_bytes())?;
    handle.sync_all()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_display_whose_server_died_is_gone_even_if_its_socket_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("X7");
        let server = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert!(display_alive(&socket), "a listening server answers");
        // Killed without cleaning up: the file stays, nobody listens. A child
        // another test forks at that moment holds a copy of the listening socket
        // until its exec closes it (close-on-exec): a moment, waited out here.
        drop(server);
        assert!(socket.exists());
        let stale = (0..200).any(|_| {
            let gone = !display_alive(&socket);
            if !gone {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            gone
        });
        assert!(stale, "a stale socket file is no display");
        assert!(!display_alive(&dir.path().join("X8")), "no file, no display");
    }

    /// Whether process `pid` is gone, waited for (not a zombie: `/proc/PID` stays until then).
    #[cfg(target_os = "linux")]
    fn reaped(pid: u32) -> bool {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    }

    /// A stand-in for the holder (never the real clipboard): `sh` running `script`.
    #[cfg(target_os = "linux")]
    fn holder(script: &str) -> std::process::Child {
        use std::process::{Command, Stdio};
        Command::new("sh").args(["-c", script]).stdin(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_holder_is_waited_for_whether_it_could_be_reached_or_not() {
        // It exits without reading what is more than a pipe holds: unreachable, and reaped.
        let child = holder("exit 0");
        let pid = child.id();
        let refused = hand_over(child, &vec![b' '; 1 << 20]);
        assert!(matches!(refused, Err(CopyReason::HolderUnreachable(_))), "{refused:?}");
        assert!(reaped(pid), "an unreachable holder stays a zombie");
        // It owns the clipboard, serves a moment and exits (something else was copied).
        let child = hand_over(holder("cat >/dev/null; sleep 0.2"), b"{}").unwrap();
        let pid = child.id();
        assert_eq!(confirm(child, || true).unwrap(), Some(pid));
        let started = std::time::Instant::now();
        while !reaped(pid) {
            assert!(started.elapsed() < Duration::from_secs(10), "a holder that exited stays a zombie");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn messages_say_what_happened() {
        let o = CopyOutcome::File { reason: CopyReason::NotSupported, file: PathBuf::from("/tmp/x.txt") };
        assert_eq!(o.to_string(), "Saved to /tmp/x.txt (no clipboard: this system has no usable clipboard)");
        assert!(o.is_ok());
        assert!(!CopyOutcome::Failed { reason: CopyReason::Occupied }.is_ok());
    }

    #[test]
    fn temp_file_keeps_the_html_flavour() {
        let path = save_temp(&Content { text: "t".into(), html: Some("<p>t</p>".into()) }).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "<p>t</p>");
        assert_eq!(path.extension().unwrap(), "html");
        std::fs::remove_file(path).unwrap();
    }
}
