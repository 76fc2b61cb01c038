//! Reads the terminal on a thread of its own and sends what it reads into the
//! event loop's channel, as [`AppEvent::Terminal`] (or [`AppEvent::Closed`] when the
//! terminal goes away).
//!
//! On Linux and the BSDs dafo reads the tty itself instead of through
//! `crossterm::event`: crossterm 0.29 waits forever for the end of a cut-short
//! sequence (`ESC [ <`) or of a paste that never ends (`ESC [ 200~` alone), and
//! takes no key meanwhile, `q` and Ctrl-C included (crossterm issue #1060). There
//! the bytes are read with `poll`, parsed by [`Parser`], and a sequence still open
//! after a short silence is given up on: Esc alone arrives [`ESC_WAIT`] after it is
//! pressed, an open paste is kept as it came, and keys are taken again.
//!
//! Elsewhere (macOS, whose `poll()` answers POLLNVAL on a tty; Windows, which has
//! no tty to read) and with the `crossterm-input` feature (so that this path is
//! built and tested on Linux too), the thread reads through `crossterm::event`.

use std::io;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::app::event::{AppEvent, AppEventSender};

/// How long an incomplete escape sequence waits for its next byte. A terminal
/// sends a key's sequence in one write, so this is also how long Esc alone takes
/// to arrive; 50 ms is not felt, and covers a sequence split by ssh or tmux.
pub const ESC_WAIT: Duration = Duration::from_millis(50);

/// How long an open bracketed paste waits for more text before it is taken as
/// ended. A long paste comes in a steady stream; a pause this long means its end
/// marker was lost.
pub const PASTE_WAIT: Duration = Duration::from_millis(500);

/// The thread reading the terminal. Dropping it stops the thread and, where the
/// reader can be woken (dafo's own), waits for it, so nothing reads the terminal
/// once the screen is given back.
pub struct Reader {
    stop: imp::Stop,
    thread: Option<JoinHandle<()>>,
}

/// The terminal opened, its resize signal caught, nothing read yet: what
/// [`Reader::open`] gives before the first frame. Keys typed meanwhile wait in
/// the tty; [`Opened::start`] reads them.
pub struct Opened {
    source: imp::Source,
    stop: imp::Stop,
}

impl Reader {
    /// Opens the terminal (an error, said plainly, when there is none); the
    /// thread that reads it starts with [`Opened::start`].
    pub fn open() -> io::Result<Opened> {
        let (source, stop) = imp::open()?;
        Ok(Opened { source, stop })
    }
}

impl Opened {
    /// Starts reading the terminal into `events`.
    pub fn start(self, events: AppEventSender) -> io::Result<Reader> {
        let Opened { mut source, stop } = self;
        let thread = std::thread::Builder::new().name("dafo-terminal".to_owned()).spawn(move || {
            loop {
                match source.next() {
                    Ok(Some(event)) => {
                        if !events.send(AppEvent::Terminal(event)) {
                            return;
                        }
                    }
                    Ok(None) => return,
                    Err(e) => {
                        events.send(AppEvent::Closed(e));
                        return;
                    }
                }
            }
        })?;
        Ok(Reader { stop, thread: Some(thread) })
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.stop.request();
        if let Some(thread) = self.thread.take()
            && imp::Stop::JOINS
        {
            let _ = thread.join();
        }
    }
}

#[cfg(all(unix, not(target_os = "macos"), not(feature = "crossterm-input")))]
mod imp {
    //! The tty read with `poll`, a pipe the resize signal writes to, and one
    //! that stops the reader.

    use std::fs::{File, OpenOptions};
    use std::io::{self, IsTerminal, Read, Write};
    use std::os::fd::AsFd;
    use std::os::unix::net::UnixStream;
    use std::time::{Duration, Instant};

    use ratatui::crossterm::event::Event;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    use super::{ESC_WAIT, PASTE_WAIT};
    use crate::tui::parse::Parser;

    /// The terminal's input: the tty, the resize and stop pipes, the parser.
    pub struct Source {
        tty: File,
        resized: UnixStream,
        stopped: UnixStream,
        signal: signal_hook::SigId,
        parser: Parser,
        last_byte: Instant,
    }

    /// Asks the reader to stop.
    pub struct Stop(UnixStream);

    impl Stop {
        /// Whether the reader ends as soon as it is asked to (and can be waited for).
        pub const JOINS: bool = true;

        pub fn request(&mut self) {
            let _ = self.0.write_all(&[1]);
        }
    }

    /// Reads stdin when it is the terminal, `/dev/tty` otherwise (as crossterm does).
    pub fn open() -> io::Result<(Source, Stop)> {
        let tty = if io::stdin().is_terminal() {
            File::from(io::stdin().as_fd().try_clone_to_owned()?)
        } else {
            OpenOptions::new().read(true).open("/dev/tty")?
        };
        let (resized, notify) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let signal = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, notify)?;
        let (stopped, stop) = UnixStream::pair()?;
        let source = Source { tty, resized, stopped, signal, parser: Parser::default(), last_byte: Instant::now() };
        Ok((source, Stop(stop)))
    }

    impl Source {
        /// The next event, waiting for it; `None` once asked to stop.
        pub fn next(&mut self) -> io::Result<Option<Event>> {
            loop {
                if let Some(event) = self.parser.events.pop_front() {
                    return Ok(Some(event));
                }
                let now = Instant::now();
                match self.give_up_at() {
                    Some(due) if now >= due => self.parser.give_up(),
                    due => {
                        if !self.wait(due.map(|d| d.saturating_duration_since(now)))? {
                            return Ok(None);
                        }
                    }
                }
            }
        }

        /// When what is incomplete is given up on, if anything is.
        fn give_up_at(&self) -> Option<Instant> {
            if self.parser.in_paste() {
                Some(self.last_byte + PASTE_WAIT)
            } else if self.parser.in_sequence() {
                Some(self.last_byte + ESC_WAIT)
            } else {
                None
            }
        }

        /// One `poll` of the tty and the two pipes (forever when `timeout` is
        /// `None`), then reads what is ready; false when asked to stop.
        fn wait(&mut self, timeout: Option<Duration>) -> io::Result<bool> {
            let timespec = timeout.map(|t| Timespec::try_from(t).unwrap_or(Timespec { tv_sec: 3600, tv_nsec: 0 }));
            let (tty_ready, resized, stopped) = {
                let mut fds = [
                    PollFd::new(&self.tty, PollFlags::IN),
                    PollFd::new(&self.resized, PollFlags::IN),
                    PollFd::new(&self.stopped, PollFlags::IN),
                ];
                match poll(&mut fds, timespec.as_ref()) {
                    Ok(_) => {}
                    Err(rustix::io::Errno::INTR) => return Ok(true),
                    Err(e) => return Err(e.into()),
                }
                let ready = |i: usize| !fds[i].revents().is_empty();
                (ready(0), ready(1), ready(2))
            };
            if stopped {
                return Ok(false);
            }
            if resized {
                let mut sink = [0u8; 64];
                while matches!((&self.resized).read(&mut sink), Ok(n) if n > 0) {}
                let (width, height) = ratatui::crossterm::terminal::size()?;
                self.parser.events.push_back(Event::Resize(width, height));
            }
            if tty_ready {
                let mut buf = [0u8; 4096];
                let n = match self.tty.read(&mut buf) {
                    Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal was closed")),
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(true),
                    Err(e) => return Err(e),
                };
                self.parser.feed(&buf[..n]);
                self.last_byte = Instant::now();
            }
            Ok(true)
        }
    }

    impl Drop for Source {
        fn drop(&mut self) {
            signal_hook::low_level::unregister(self.signal);
        }
    }
}

// Built in every test build too, where dafo's own reader is the one in use: a
// change that breaks the macOS and Windows reader fails `cargo test` and
// clippy on Linux, not only `.ci/portability`.
#[cfg(any(test, not(all(unix, not(target_os = "macos"), not(feature = "crossterm-input")))))]
#[cfg_attr(all(test, unix, not(target_os = "macos"), not(feature = "crossterm-input")), allow(dead_code))]
mod crossterm_reader {
    //! crossterm's own event reader, blocking: it cannot be woken to stop, so a
    //! stop request is seen at the next event, and [`Stop::JOINS`] is false (the
    //! thread is not waited for; the process leaves soon after the loop).

    use std::io::{self, IsTerminal};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use ratatui::crossterm::event::{self, Event};

    pub struct Source(Arc<AtomicBool>);

    /// Asks the reader to stop.
    pub struct Stop(Arc<AtomicBool>);

    impl Stop {
        /// Whether the reader ends as soon as it is asked to (and can be waited for).
        pub const JOINS: bool = false;

        pub fn request(&mut self) {
            self.0.store(true, Ordering::Release);
        }
    }

    /// Fails plainly when there is no terminal to read (crossterm would read
    /// whatever stdin is).
    pub fn open() -> io::Result<(Source, Stop)> {
        if !io::stdin().is_terminal() && !io::stdout().is_terminal() {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no terminal"));
        }
        let flag = Arc::new(AtomicBool::new(false));
        Ok((Source(Arc::clone(&flag)), Stop(flag)))
    }

    impl Source {
        /// The next event, waiting for it; `None` once asked to stop.
        pub fn next(&mut self) -> io::Result<Option<Event>> {
            let event = event::read()?;
            Ok((!self.0.load(Ordering::Acquire)).then_some(event))
        }
    }
}

#[cfg(not(all(unix, not(target_os = "macos"), not(feature = "crossterm-input"))))]
use crossterm_reader as imp;
