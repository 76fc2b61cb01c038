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

impl Signals {
    /// Forwards the signals to `events`. Where they cannot be caught (no
    /// thread, or a system without them) the default action stays: the lock and
    /// journal then bring the work back on the next opening.
    pub fn forward(events: AppEventSender) -> Signals {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
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
