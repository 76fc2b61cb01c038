//! The one path into the event loop: everything that can change the screen
//! (a key, a paste, a resize, a save or copy finished off the input thread,
//! the session file changed by another program, a signal to stop) arrives as an
//! [`AppEvent`] on one channel, which the loop blocks on. Nothing wakes the loop
//! on a timer but the deadlines the state itself has (autosave, a clock on screen).
//!
//! Background work keeps its results where the state reads them (the saver's
//! queue, the copies' queue) and rings [`AppEventSender::wake`] when one is
//! ready, so the loop collects it at once instead of polling for it.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

use ratatui::crossterm::event::Event;

/// What wakes the event loop.
#[derive(Debug)]
pub enum AppEvent {
    /// A key, a paste, a mouse event or a resize from the terminal.
    Terminal(Event),
    /// Work off the input thread finished (a save, a journal record, a copy):
    /// its outcome waits in its queue for [`crate::app::App::tick`].
    Background,
    /// The session file (or its folder) changed on disk.
    Disk,
    /// SIGTERM or SIGHUP: leave as `q` does, saving what is pending.
    Stop,
    /// The terminal cannot be read any more (closed, EOF, EIO).
    Closed(std::io::Error),
    /// A participant's request to the room (issue 28), waiting for its answer.
    Sala(Box<crate::sala::http::Call>),
}

/// Sends events into the loop; cloned by every source. Sending to a loop that
/// has ended does nothing.
#[derive(Clone, Debug)]
pub struct AppEventSender(Sender<AppEvent>);

impl AppEventSender {
    /// A new channel: the sender for the sources, the receiver for the loop.
    pub fn channel() -> (AppEventSender, Receiver<AppEvent>) {
        let (tx, rx) = channel();
        (AppEventSender(tx), rx)
    }

    /// Sends `event`; false when the loop is gone (the source should stop).
    pub fn send(&self, event: AppEvent) -> bool {
        self.0.send(event).is_ok()
    }

    /// Tells the loop that background work has an outcome waiting.
    pub fn wake(&self) {
        let _ = self.0.send(AppEvent::Background);
    }
}

/// Where a background worker finds the loop to wake: set when the loop
/// connects, possibly after the worker started; empty in tests without a loop
/// (they collect outcomes with `settle`).
#[derive(Clone, Default, Debug)]
pub struct Bell(Arc<Mutex<Option<AppEventSender>>>);

impl Bell {
    /// Connects the bell to the loop's channel.
    pub fn connect(&self, sender: AppEventSender) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(sender);
    }

    /// The loop's sender, when connected.
    pub fn sender(&self) -> Option<AppEventSender> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Wakes the loop, if one is connected.
    pub fn ring(&self) {
        if let Some(sender) = self.sender() {
            sender.wake();
        }
    }

    /// Sends `event` to the loop, if one is connected.
    pub fn send(&self, event: AppEvent) {
        if let Some(sender) = self.sender() {
            sender.send(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bell_connected_after_it_was_shared_still_reaches_the_loop() {
        let bell = Bell::default();
        let worker_side = bell.clone();
        worker_side.ring(); // before the loop connects: nothing, no panic
        let (sender, rx) = AppEventSender::channel();
        bell.connect(sender);
        worker_side.ring();
        assert!(matches!(rx.try_recv(), Ok(AppEvent::Background)));
        assert!(rx.try_recv().is_err());
    }

    #[test]
    fn a_loop_that_ended_makes_sources_stop_without_error() {
        let (sender, rx) = AppEventSender::channel();
        drop(rx);
        assert!(!sender.send(AppEvent::Disk));
        sender.wake();
    }
}
