//! Reads the terminal for the event loop, with a timeout on every sequence.
//!
//! dafo reads the tty itself instead of through `crossterm::event`: crossterm 0.29
//! waits forever for the end of a cut-short sequence (`ESC [ <`) or of a paste
//! that never ends (`ESC [ 200~` alone), and takes no key meanwhile, `q` and
//! Ctrl-C included (crossterm issue #1060). Here the bytes are read with `poll`,
//! parsed by [`Parser`], and a sequence still open after a short silence is given
//! up on: Esc alone arrives [`ESC_WAIT`] after it is pressed, an open paste is
//! kept as it came, and keys are taken again.

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::parse::Parser;

/// How long an incomplete escape sequence waits for its next byte. A terminal
/// sends a key's sequence in one write, so this is also how long Esc alone takes
/// to arrive; 50 ms is not felt, and covers a sequence split by ssh or tmux.
pub const ESC_WAIT: Duration = Duration::from_millis(50);

/// How long an open bracketed paste waits for more text before it is taken as
/// ended. A long paste comes in a steady stream; a pause this long means its end
/// marker was lost.
pub const PASTE_WAIT: Duration = Duration::from_millis(500);

/// The terminal's input: the tty, a pipe the resize signal writes to, the parser.
pub struct Input {
    tty: File,
    resized: UnixStream,
    signal: signal_hook::SigId,
    parser: Parser,
    last_byte: Instant,
}

impl Input {
    /// Reads stdin when it is the terminal, `/dev/tty` otherwise (as crossterm does).
    pub fn open() -> io::Result<Input> {
        let tty = if io::stdin().is_terminal() {
            File::from(io::stdin().as_fd().try_clone_to_owned()?)
        } else {
            OpenOptions::new().read(true).open("/dev/tty")?
        };
        let (resized, notify) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let signal = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, notify)?;
        Ok(Input { tty, resized, signal, parser: Parser::default(), last_byte: Instant::now() })
    }

    /// Waits at most `timeout` for an event; true when [`Input::read`] has one.
    pub fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        let end = Instant::now() + timeout;
        let mut polled = false;
        loop {
            let now = Instant::now();
            if self.give_up_at().is_some_and(|due| now >= due) {
                self.parser.give_up();
            }
            if !self.parser.events.is_empty() {
                return Ok(true);
            }
            if polled && now >= end {
                return Ok(false);
            }
            let until = self.give_up_at().map_or(end, |due| due.min(end));
            self.wait(until.saturating_duration_since(now))?;
            polled = true;
        }
    }

    /// The next event, waiting for it if none is ready.
    pub fn read(&mut self) -> io::Result<Event> {
        loop {
            if let Some(event) = self.parser.events.pop_front() {
                return Ok(event);
            }
            self.poll(Duration::from_secs(3600))?;
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

    /// One `poll` of the tty and the resize pipe, then reads what is ready.
    fn wait(&mut self, timeout: Duration) -> io::Result<()> {
        let timespec = Timespec::try_from(timeout).unwrap_or(Timespec { tv_sec: 3600, tv_nsec: 0 });
        let (tty_ready, resized) = {
            let mut fds = [PollFd::new(&self.tty, PollFlags::IN), PollFd::new(&self.resized, PollFlags::IN)];
            match poll(&mut fds, Some(&timespec)) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => return Ok(()),
                Err(e) => return Err(e.into()),
            }
            (!fds[0].revents().is_empty(), !fds[1].revents().is_empty())
        };
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
                Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
                Err(e) => return Err(e),
            };
            self.parser.feed(&buf[..n]);
            self.last_byte = Instant::now();
        }
        Ok(())
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.signal);
    }
}
