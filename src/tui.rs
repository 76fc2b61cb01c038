//! The terminal event loop: init, draw, read events, autosave, restore.

use std::io::{BufWriter, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use crate::app::App;
use crate::ui::{self, mouse::Clicks, theme::Theme};

mod input;
mod parse;
pub mod review;

pub use input::{ESC_WAIT, PASTE_WAIT};

/// Longest sleep without input: changes from outside (a reload, a conflict)
/// are noticed and drawn within it.
const IDLE_POLL: Duration = Duration::from_millis(250);

/// Sleep while a save or a copy runs off the input thread: its outcome is
/// drawn this soon after it arrives.
const BUSY_POLL: Duration = Duration::from_millis(20);

/// Set to quit right after the first frame: how `cargo bench --bench startup`
/// measures start-up time in a pseudo-terminal.
pub const FIRST_FRAME_ENV: &str = "DAFO_BENCH_FIRST_FRAME";

/// The terminal the loop draws on: stdout behind a buffer that holds a whole
/// frame (ratatui flushes it at the end of each draw), so a frame reaches the
/// terminal in one write, never half-drawn, waking the terminal once.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Bytes of a large frame (200x60 with colours) with room to spare.
const FRAME_BYTES: usize = 1 << 16;

/// What `ratatui::init` does, with the buffered backend: raw mode, the alternate
/// screen, bracketed paste (a pasted block arrives as one event, never as
/// keystrokes) and the mouse, in one write; a panic gives all of it back
/// before its message is printed.
fn init() -> std::io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        // Never `ratatui::restore`: its message on a closed terminal would panic
        // inside this hook, which aborts without releasing the session.
        let _ = ratatui::try_restore();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(FRAME_BYTES, stdout())))
}

/// Runs the app until the user quits. The terminal is restored on return and
/// on panic (the hook `init` sets); pending changes are flushed to disk in both cases.
pub fn run(mut app: App) -> std::io::Result<()> {
    // A refused keys.ron is said on the screen too (stderr is hidden by the TUI).
    if let Some(problem) = crate::app::keys_file::problem() {
        *app.notice_mut() = Some(crate::app::Notice::new(problem.to_owned(), true));
    }
    // SIGTERM (`kill`) and SIGHUP (the terminal window closed) end the loop like `q`
    // does: pending changes are flushed, the terminal restored, the lock released.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    // Opened before the screen is taken: if there is no terminal to read, say so plainly.
    let mut input = input::Input::open()?;
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            let _ = ratatui::try_restore();
            return Err(e);
        }
    };
    let result = event_loop(&mut terminal, &mut input, &mut app, &stop);
    // A copy under way finishes (its holder process must start) before leaving.
    app.settle();
    app.flush();
    // The session is let go (lock file and journal removed) before the terminal
    // is touched again: when the pty has closed (SIGHUP, EOF, EIO) any write to
    // it fails, and nothing that fails there may keep the lock file behind.
    drop(app);
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
    result
}

fn event_loop(
    terminal: &mut Screen,
    input: &mut input::Input,
    app: &mut App,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let mut redraw = true;
    let first_frame_only = std::env::var_os(FIRST_FRAME_ENV).is_some();
    let mut clicks = Clicks::default();
    // The time-dependent part of the last frame drawn.
    let mut shown = None;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if redraw {
            // The theme can change with `t`: it is part of the state.
            let theme = Theme::named(app.look.theme);
            terminal.draw(|f| ui::draw(app, &theme, f))?;
            shown = ui::status::clock_face(app);
            if first_frame_only {
                break;
            }
        }
        let now = Instant::now();
        let longest = if app.busy() { BUSY_POLL } else { IDLE_POLL };
        let timeout = app.deadline().map_or(longest, |d| d.saturating_duration_since(now)).min(longest);
        redraw = false;
        if input.poll(timeout)? {
            // Drain everything already queued before drawing again: no flicker
            // and no lag when keys arrive faster than frames.
            loop {
                let ev = input.read()?;
                let size = terminal.size()?;
                let too_small = size.width < ui::MIN_WIDTH || size.height < ui::MIN_HEIGHT;
                let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                let actions = match &ev {
                    // Nothing can be seen: a key now would change things no one sees.
                    Event::Key(_) | Event::Paste(_) | Event::Mouse(_) if too_small => Vec::new(),
                    Event::Mouse(m) => ui::mouse::actions(app, area, m, Instant::now(), &mut clicks),
                    _ => app.action_for(&ev).into_iter().collect(),
                };
                for action in actions {
                    for effect in app.update(action) {
                        app.run(effect);
                    }
                    redraw = true;
                }
                if app.quit || !input.poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        let was_dirty = app.deadline().is_some();
        // Every change that comes without a key (a save done or failed, a
        // reload, a conflict, a copy) is drawn as soon as it is known.
        redraw |= app.tick(Instant::now());
        redraw |= was_dirty != app.deadline().is_some();
        // The time-box and "guardado hace 2 s" change with time alone: drawn when
        // what they show changes, not on every wake-up.
        redraw |= app.clock_showing() && ui::status::clock_face(app) != shown;
    }
    Ok(())
}
