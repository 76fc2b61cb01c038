//! `dafo merge --review` with a terminal attached: the review list of
//! possible pairs drawn full screen until the facilitator finishes. Keys come
//! from the keymap's `MergeReview` context; the terminal is restored on return.

use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyEventKind};

use crate::i18n::Lang;
use crate::merge::review::ReviewState;
use crate::ui::merge_review::{render, step_for};
use crate::ui::theme::Theme;

/// Shows `state` and applies the keys until it is finished.
pub fn run(state: &mut ReviewState, lang: Lang) -> std::io::Result<()> {
    // Opened before the screen is taken: without a terminal to read, say so plainly.
    let mut input = super::input::Input::open()?;
    let theme = Theme::from_env();
    let mut terminal = ratatui::init();
    let result = (|| -> std::io::Result<()> {
        let mut redraw = true;
        while !state.finished {
            if redraw {
                terminal.draw(|f| render(state, &theme, lang, f.area(), f.buffer_mut()))?;
            }
            redraw = false;
            if !input.poll(Duration::from_millis(250))? {
                continue;
            }
            match input.read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if let Some(step) = step_for(&k) {
                        state.apply(step);
                        redraw = true;
                    }
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
        Ok(())
    })();
    let _ = ratatui::try_restore();
    result
}
