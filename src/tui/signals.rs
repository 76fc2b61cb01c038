//! SIGTERM (`kill`) and SIGHUP (the terminal window closed) as events: the loop
//! leaves as `q` does, pending changes flushed, the terminal restored, the lock
//! released.

#[cfg(unix)]
use crate::app::event::AppEvent;
use crate::app::event::AppEventSender;

/// The thread that turns the signals into [`AppEvent::Stop`]; dropping it stops it.
pub struct Signals {
    #[cfg(unix)]
    handle: Option<signal_hook::iterator::Handle>,
}

/// The signals caught, no thread yet: one that comes before
/// [`Caught::forward`] waits and is forwarded then.
pub struct Caught {
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Signals>,
}

impl Signals {
    /// Catches the signals. Where they cannot be caught (a system without them)
    /// the default action stays: the lock and journal then bring the work back
    /// on the next opening.
    pub fn catch() -> Caught {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            Caught { signals: signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).ok() }
        }
        #[cfg(not(unix))]
        Caught {}
    }
}

impl Caught {
    /// Forwards the signals caught to `events`, on a thread of their own.
    pub fn forward(self, events: AppEventSender) -> Signals {
        #[cfg(unix)]
        {
            let Some(mut signals) = self.signals else {
                return Signals { handle: None };
            };
            let handle = signals.handle();
            let spawned = std::thread::Builder::new().name("dafo-signals".to_owned()).spawn(move || {
                for _ in signals.forever() {
                    if !events.send(AppEvent::Stop) {
                        break;
                    }
                }
            });
            Signals { handle: spawned.is_ok().then_some(handle) }
        }
        #[cfg(not(unix))]
        {
            let _ = events;
            Signals {}
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(handle) = self.handle.take() {
            handle.close();
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::time::Duration;

    use super::*;

    /// The first frame comes between catching and forwarding: a signal sent then
    /// (the window closed while the session opens) still ends the loop.
    #[test]
    fn a_signal_before_the_thread_starts_is_forwarded_when_it_does() {
        let caught = Signals::catch();
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).expect("raise SIGHUP");
        let (events, rx) = AppEventSender::channel();
        let _signals = caught.forward(events);
        let event = rx.recv_timeout(Duration::from_secs(10)).expect("the signal arrives as an event");
        assert!(matches!(event, AppEvent::Stop), "{event:?}");
    }
}
