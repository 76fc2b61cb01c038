//! The terminal event loop: init, draw, read events, autosave, restore.

use std::io::{BufWriter, Stdout, Write, stdout};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use crate::app::App;
use crate::app::event::{AppEvent, AppEventSender};
use crate::ui::{self, mouse::Clicks, theme::Theme};

mod input;
// dafo's own tty parser: where dafo reads the tty itself (see `input`), and in tests everywhere.
#[cfg(any(test, all(unix, not(target_os = "macos"), not(feature = "crossterm-input"))))]
mod parse;
pub mod review;
mod signals;

pub use input::{ESC_WAIT, PASTE_WAIT};

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
/// on panic (the hook `init` sets); pending changes are flushed to disk in both
/// cases. Ends with whether every change reached the file (`q q` after a save
/// that failed leaves without them).
pub fn run(mut app: App) -> std::io::Result<bool> {
    // A refused keys.ron is said on the screen too (stderr is hidden by the TUI).
    if let Some(problem) = crate::app::keys_file::problem() {
        *app.notice_mut() = Some(crate::app::Notice::new(problem.to_owned(), true));
    }
    // Everything that wakes the loop comes on one channel.
    let (events, rx) = AppEventSender::channel();
    // SIGTERM (`kill`) and SIGHUP (the terminal window closed) end the loop like `q`
    // does: pending changes are flushed, the terminal restored, the lock released.
    // Caught now; one that comes before the first frame is forwarded right after it.
    let signals = signals::Signals::catch();
    // Opened before the screen is taken: if there is no terminal to read, say so
    // plainly. Keys typed before the first frame wait in the tty.
    let reader = input::Reader::open()?;
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            let _ = ratatui::try_restore();
            return Err(e);
        }
    };
    app.connect(events.clone());
    // The threads that read the terminal and forward the signals start once the
    // first frame is on the screen: the room sees the session sooner.
    let mut threads = None;
    let result = event_loop(&mut terminal, &rx, &mut app, || {
        let reader = reader.start(events.clone())?;
        threads = Some((reader, signals.forward(events)));
        Ok(())
    });
    // Nothing reads the terminal or waits for signals once the loop is over.
    drop(threads);
    // A copy under way finishes (its holder process must start) before leaving.
    app.settle();
    app.flush();
    let saved = !app.unsaved();
    // The session is let go (lock file and journal removed) before the terminal
    // is touched again: when the pty has closed (SIGHUP, EOF, EIO) any write to
    // it fails, and nothing that fails there may keep the lock file behind.
    let lang = app.lang();
    drop(app);
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
    // Said on the terminal when there still is one (SIGTERM), after the screen is given back.
    if let Ok(Some(kept)) = &result {
        let said = (lang.text().ui.form_words_kept)(&crate::domain::text::display_safe(&kept.display().to_string()));
        let _ = writeln!(std::io::stderr(), "dafo: {said}");
    }
    result.map(|_| saved)
}

/// The loop; `start` runs once, right after the first frame is drawn. Ends
/// with the file a stop signal wrote a form's unchecked words to, if any.
fn event_loop(
    terminal: &mut Screen,
    rx: &Receiver<AppEvent>,
    app: &mut App,
    start: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<Option<std::path::PathBuf>> {
    let first_frame_only = std::env::var_os(FIRST_FRAME_ENV).is_some();
    let mut clicks = Clicks::default();
    // The time-dependent part of the last frame drawn.
    let mut shown = None;
    let mut redraw = true;
    // The first tick follows the first frame: the terminal's reader, the signals'
    // thread, the saver's thread and the watch on the file start then, not before
    // the screen shows.
    let mut start = Some(start);
    loop {
        if redraw {
            // The theme can change with `t`: it is part of the state.
            let theme = Theme::named(app.look.theme);
            terminal.draw(|f| ui::draw(app, &theme, f))?;
            shown = ui::status::clock_face(app);
            if first_frame_only {
                break;
            }
        }
        redraw = false;
        if let Some(start) = start.take() {
            start()?;
            if app.tick(Instant::now()) {
                redraw = true;
                continue;
            }
        }
        // Sleeps until something happens or the state's own next deadline (an
        // autosave, the clock on screen): never on a timer of its own.
        let first = match app.deadline() {
            Some(deadline) => match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(event) => Some(event),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(event) => Some(event),
                Err(_) => break,
            },
        };
        // Everything already queued is handled before drawing again: no flicker
        // and no lag when keys arrive faster than frames.
        let was_unsaved = app.unsaved();
        for event in first.into_iter().chain(std::iter::from_fn(|| rx.try_recv().ok())) {
            match event {
                AppEvent::Terminal(ev) => redraw |= handle_terminal(terminal, app, &ev, &mut clicks)?,
                AppEvent::Closed(e) => return Err(e),
                AppEvent::Stop => return Ok(app.enter_typed_words()),
                // Their outcomes are collected by the tick below.
                AppEvent::Background | AppEvent::Disk => {}
                // A participant's request: the room decides and answers; the
                // inbox and the counts on screen may have changed.
                AppEvent::Sala(call) => {
                    app.sala_call(*call);
                    redraw = true;
                }
            }
            if app.quit {
                return Ok(None);
            }
        }
        // Every change that comes without a key (a save done or failed, a
        // reload, a conflict, a copy) is drawn as soon as it is known.
        redraw |= app.tick(Instant::now());
        // "guardando…" ↔ "✓ guardado" on the title bar.
        redraw |= was_unsaved != app.unsaved();
        // The time-box and "guardado hace 2 s" change with time alone: drawn when
        // what they show changes, not on every wake-up.
        redraw |= app.clock_showing() && ui::status::clock_face(app) != shown;
        if app.quit {
            break;
        }
    }
    Ok(None)
}

/// A key, paste, mouse event or resize: its actions, through `update`; true
/// when the screen must be drawn again.
fn handle_terminal(terminal: &Screen, app: &mut App, ev: &Event, clicks: &mut Clicks) -> std::io::Result<bool> {
    let size = terminal.size()?;
    let too_small = size.width < ui::MIN_WIDTH || size.height < ui::MIN_HEIGHT;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let actions = match ev {
        // Nothing can be seen: a key now would change things no one sees.
        Event::Key(_) | Event::Paste(_) | Event::Mouse(_) if too_small => Vec::new(),
        Event::Mouse(m) => ui::mouse::actions(app, area, m, Instant::now(), clicks),
        _ => app.action_for(ev).into_iter().collect(),
    };
    let mut redraw = false;
    for action in actions {
        for effect in app.update(action) {
            app.run(effect);
        }
        redraw = true;
    }
    Ok(redraw)
}
