//! Shared end-to-end helpers: the real binary inside a tmux pane.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod keys;
#[cfg(unix)]
pub mod nobody;
pub mod room;
pub mod styles;
pub mod tools;
pub mod webdriver;
pub mod zip_bomb;

pub use tools::{Tool, needs};

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The `dafo` binary built for these tests.
pub fn dafo_bin() -> &'static str {
    env!("CARGO_BIN_EXE_dafo")
}

/// `dafo` with `args`, its language and folders from the test alone: no
/// `DAFO_DIR`, `DAFO_LANG`, locale or configuration file of this machine, and
/// never the real clipboard.
pub fn dafo_command(args: &[&str]) -> Command {
    let mut cmd = Command::new(dafo_bin());
    cmd.args(args)
        .env_remove("DAFO_DIR")
        .env_remove("DAFO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("XDG_CONFIG_HOME", "/nonexistent/dafo-test-config")
        .env(dafo::clipboard::NO_CLIPBOARD_ENV, "1");
    cmd
}

/// A tmux server of its own running one pane; killed on drop.
pub struct Tmux {
    socket: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Starts `command` in a `w`x`h` pane; `None` when tmux is missing and the test
    /// is skipped (see [`needs`]: under `CI` a missing tmux fails the test instead).
    pub fn start(command: &str, cwd: &Path, w: u16, h: u16) -> Option<Tmux> {
        if !needs(Tool::Tmux) {
            return None;
        }
        if let Err(e) = Command::new("tmux").arg("-V").output() {
            panic!("tmux cannot run ({e}); .ci/run installs it");
        }
        let socket = format!("dafo-test-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst));
        let t = Tmux { socket };
        let out = t
            .raw(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                "-s",
                "e2e",
                "-c",
            ])
            .arg(cwd)
            // The shell prints the exit status where capture-pane can read it, and
            // stays a while: tmux may drop the last output of a pane that dies at once.
            .arg(format!("{command}; echo \"[dafo-exit $?]\"; sleep 30"))
            .env("LANG", "C.UTF-8")
            .env_remove("NO_COLOR")
            .output()
            .expect("tmux runs");
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        t.tmux(&["set-option", "-g", "escape-time", "0"]);
        t.tmux(&["set-option", "-g", "remain-on-exit", "on"]);
        Some(t)
    }

    /// The PID of the program the pane's shell started (`comm` is its name, as
    /// `/proc/PID/comm` gives it), once it runs.
    pub fn child_pid(&self, comm: &str) -> Option<u32> {
        let out = self.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
        children
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .find(|pid: &u32| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == comm))
    }

    /// The tmux socket name, for extra tmux commands.
    pub fn socket_name(&self) -> String {
        self.socket.clone()
    }

    fn raw(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]).args(args);
        c
    }

    fn tmux(&self, args: &[&str]) -> Output {
        self.raw(args).output().expect("tmux runs")
    }

    /// Types text literally (UTF-8, accents), then waits a moment.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Presses one named key (`Enter`, `Escape`, `Tab`, `C-s`...). Keys go one
    /// at a time with a pause, so an Esc is never read as Alt+next key.
    pub fn press(&self, key: &str) {
        let before = (key == "Escape").then(|| self.screen());
        self.tmux(&["send-keys", "-t", "e2e", key]);
        // An Esc read together with the next key is Alt+key: give it time alone.
        let pause = if key == "Escape" { 250 } else { 60 };
        std::thread::sleep(Duration::from_millis(pause));
        // On a loaded machine dafo may not have read the Esc yet, and the next key
        // would join it: wait (up to 2 s) until the screen shows it was taken.
        if let Some(before) = before {
            let deadline = Instant::now() + Duration::from_secs(2);
            while self.screen() == before && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(30));
            }
        }
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen contains `needle`; panics with the screen if it never does.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {needle:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program to exit and returns its exit status.
    pub fn wait_exit(&self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            // The status line may be wrapped at the screen's edge: read it with lines joined.
            let joined = screen.replace('\n', "");
            if let Some(code) = joined.split("[dafo-exit ").nth(1).and_then(|rest| rest.split(']').next()) {
                return code.trim().parse().unwrap_or(-1);
            }
            if Instant::now() >= deadline {
                let state = self.tmux(&["display-message", "-p", "-t", "e2e", "dead=#{pane_dead} cmd=#{pane_current_command} signal=#{pane_dead_signal} status=#{pane_dead_status} pid=#{pane_pid}"]);
                panic!("program did not exit ({}); screen:\n{screen}", String::from_utf8_lossy(&state.stdout).trim());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.raw(&["kill-server"]).output();
    }
}

/// Quotes a path for the shell tmux runs the command in.
/// `cmd`'s output (stdin empty, stdout and stderr captured), or a panic naming
/// `what` if it has not finished within `secs`: for a command that could hang
/// (a FIFO read), which `output()` would wait on for ever. The child is killed.
#[allow(clippy::unwrap_used)] // Test support: it may panic.
pub fn output_within(cmd: &mut Command, secs: u64, what: &str) -> Output {
    use std::process::Stdio;
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(secs) {
            child.kill().unwrap();
            panic!("{what}: did not finish within {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// An app on a session file in a temp folder that lives as long as the app.
pub struct Held {
    pub app: dafo::app::App,
    pub dir: tempfile::TempDir,
    pub path: std::path::PathBuf,
}

impl std::ops::Deref for Held {
    type Target = dafo::app::App;
    fn deref(&self) -> &dafo::app::App {
        &self.app
    }
}

impl std::ops::DerefMut for Held {
    fn deref_mut(&mut self) -> &mut dafo::app::App {
        &mut self.app
    }
}

/// The bundled sample session.
pub const SAMPLE: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";

/// An app on `session`, written to a private temp file (each test holds its own lock).
pub fn held(session: dafo::domain::Session, lang: dafo::i18n::Lang) -> Held {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    dafo::storage::save(&path, &session).unwrap();
    let app = dafo::app::App::open(&path, lang).unwrap();
    Held { app, dir, path }
}

/// `h` with "today" fixed after the sample plan's horizon (2023-2026), so the
/// follow-up's marks (en retraso, vencidas) judge every year whole and do not
/// drift with the clock.
pub fn after_the_plan(mut h: Held) -> Held {
    if let dafo::app::Screen::Editor(e) = &mut h.app.screen {
        e.set_today(jiff::civil::date(2027, 6, 30));
    }
    h
}

/// The session browser of `dir`, its dates and times shown in `zone` (the
/// room's zone otherwise, which differs between machines).
pub fn browser_in(dir: &Path, lang: dafo::i18n::Lang, zone: jiff::tz::TimeZone) -> dafo::app::App {
    let mut app = dafo::app::App::browser(dir, lang);
    if let dafo::app::Screen::Browser(b) = &mut app.screen {
        b.zone = zone;
    }
    app
}

/// The sample session, opened from a private copy.
pub fn held_sample(lang: dafo::i18n::Lang) -> Held {
    held(dafo::storage::load(Path::new(SAMPLE)).unwrap(), lang)
}

/// A random generator for kill moments, seeded from the clock; the seed is
/// printed so that a failing run can be replayed (`seeded_rng(SEED)`).
pub fn clock_rng() -> proptest::test_runner::TestRng {
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    println!("seed {seed}");
    seeded_rng(seed)
}

/// The generator [`clock_rng`] gives for `seed`.
pub fn seeded_rng(seed: u64) -> proptest::test_runner::TestRng {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    proptest::test_runner::TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &bytes)
}

/// The app drawn on a `w`x`h` test terminal (dark theme), one string per row,
/// trailing spaces trimmed.
pub fn screen_rows(app: &dafo::app::App, w: u16, h: u16) -> Vec<String> {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal.draw(|f| dafo::ui::draw(app, &dafo::ui::theme::Theme::dark(), f)).expect("drawn");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect()
}
