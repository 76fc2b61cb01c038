//! `dafo merge --review` with a terminal attached: the review list of
//! possible pairs drawn full screen until the facilitator finishes. Keys come
//! from the keymap's `MergeReview` context; the terminal is restored on return.

use ratatui::crossterm::event::{Event, KeyEventKind};

use crate::app::event::{AppEvent, AppEventSender};

use crate::i18n::Lang;
use crate::merge::review::ReviewState;
use crate::ui::merge_review::{render, step_for};
use crate::ui::theme::Theme;

/// Shows `state` and applies the keys until it is finished.
pub fn run(state: &mut ReviewState, lang: Lang) -> std::io::Result<()> {
    // Opened before the screen is taken: without a terminal to read, say so plainly.
    let (events, rx) = AppEventSender::channel();
    let reader = super::input::Reader::open()?.start(events)?;
    let theme = Theme::from_env();
    let mut terminal = ratatui::init();
    let result = (|| -> std::io::Result<()> {
        let mut redraw = true;
        while !state.finished {
            if redraw {
                terminal.draw(|f| render(state, &theme, lang, f.area(), f.buffer_mut()))?;
            }
            redraw = false;
            let Ok(event) = rx.recv() else { break };
            match event {
                AppEvent::Closed(e) => return Err(e),
                AppEvent::Terminal(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    if let Some(step) = step_for(&k) {
                        state.apply(step);
                        redraw = true;
                    }
                }
                AppEvent::Terminal(Event::Resize(..)) => redraw = true,
                _ => {}
            }
        }
        Ok(())
    })();
    drop(reader);
    let _ = ratatui::try_restore();
    result
}
