//! What sits on top of a screen's view (help, presentation, the question about
//! an outside change): one stack per screen; an action goes to the top overlay
//! first, which consumes it or passes it on to the one below, down to the view.

use super::action::Action;
use super::effect::Effect;
use super::keymap::Context;
use super::room::RoomAction;
use super::selection::Views;
use crate::storage::DiskState;

/// The file changed on disk while edits were unsaved: the state found on disk.
/// What the facilitator was doing stays below, untouched, until it is answered.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub disk: DiskState,
    /// An answer is being carried out (off the input thread): keys wait for it.
    pub answering: bool,
}

/// Presentation mode (`p`): the room sees the view without chrome. Moving
/// around moves the view's own selection, so the selection and zoom it started
/// from are kept to be given back when it closes.
#[derive(Debug, Clone)]
pub struct Presentation {
    pub views: Views,
    pub zoom: bool,
}

/// One layer on top of a screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The `?` help, scrolled down this many lines.
    Help {
        scroll: u16,
    },
    Presentation(Box<Presentation>),
    Conflict(Conflict),
    /// A searchable list (links, pairs, a línea, a format): the editor handles
    /// its keys ([`super::Editor`]'s pickers), since choosing edits the session.
    Picker(Box<super::picker::Picker>),
    /// The action, indicator or session form: its keys go to the editor too.
    Form(Box<super::form::Form>),
    /// Seguimiento: a year's review record.
    Record(Box<super::follow_form::RecordForm>),
    /// The "how to begin" card of an empty session: it goes at the first key,
    /// which still does what it does.
    FirstStart,
}

/// What an overlay did with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// Taken: no layer below sees it.
    Consumed,
    /// Not for this overlay: the layer below gets it.
    Passed,
    /// Taken, and the overlay closes.
    Closed,
    /// The overlay closes, and the layer below gets the action too.
    Dismissed,
    /// Taken, asking for this work (done by `App::run`, never by `update`).
    Asks(Effect),
}

impl Overlay {
    /// What the overlay does with `action`; it changes only itself.
    pub fn handle(&mut self, action: &Action) -> Handled {
        match self {
            Overlay::Help { scroll } => match action {
                Action::ToggleHelp => Handled::Closed,
                Action::Up => {
                    *scroll = scroll.saturating_sub(1);
                    Handled::Consumed
                }
                Action::Down => {
                    *scroll = (*scroll + 1).min(200);
                    Handled::Consumed
                }
                Action::Resize => Handled::Passed,
                _ => Handled::Consumed,
            },
            // Only keys that move around or show things reach presentation (its
            // keymap context): they go on to the view. A paste would open the
            // input line, which is not shown.
            Overlay::Presentation(_) => match action {
                Action::Room(RoomAction::TogglePresent) => Handled::Closed,
                Action::Paste(_) => Handled::Consumed,
                _ => Handled::Passed,
            },
            // Only `r` or `o` answer, once; nothing else leaves the question.
            Overlay::Conflict(c) => match action {
                Action::Resize => Handled::Passed,
                _ if c.answering => Handled::Consumed,
                Action::ReloadTheirs => Handled::Asks(Effect::LoadTheirs),
                Action::KeepMine => Handled::Asks(Effect::KeepMine),
                _ => Handled::Consumed,
            },
            // Everything goes to the picker (letters search): `App::update` hands
            // it to the editor before asking here.
            Overlay::Picker(_) | Overlay::Form(_) | Overlay::Record(_) => Handled::Consumed,
            // A resize is no key; the help opens over the card, which stays under it.
            Overlay::FirstStart => match action {
                Action::Resize | Action::ToggleHelp => Handled::Passed,
                _ => Handled::Dismissed,
            },
        }
    }

    /// The keymap context keys are read in while this overlay is on top;
    /// `None` when it has no keys of its own (those below it count).
    pub fn context(&self) -> Option<Context> {
        match self {
            Overlay::Help { .. } => Some(Context::Help),
            Overlay::Presentation(_) => Some(Context::Present),
            Overlay::Conflict(_) => Some(Context::Conflict),
            Overlay::Picker(_) => Some(Context::Picker),
            Overlay::Form(_) | Overlay::Record(_) => Some(Context::Form),
            Overlay::FirstStart => None,
        }
    }

    /// Whether it is a picker or a form: built from the session, its keys
    /// handled by the editor, and the view under it is not the one taking keys.
    pub fn edits(&self) -> bool {
        matches!(self, Overlay::Picker(_) | Overlay::Form(_) | Overlay::Record(_))
    }

    /// Whether it draws over the whole screen, so nothing below needs drawing.
    pub fn covers_screen(&self) -> bool {
        matches!(self, Overlay::Presentation(_))
    }
}

/// A screen's overlays, bottom first.
#[derive(Debug, Clone, Default)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    pub fn iter(&self) -> std::slice::Iter<'_, Overlay> {
        self.0.iter()
    }

    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    /// The context of the topmost overlay that has keys of its own.
    pub fn context(&self) -> Option<Context> {
        self.0.iter().rev().find_map(Overlay::context)
    }

    /// Whether the first-start card is showing.
    pub fn card(&self) -> bool {
        self.0.iter().any(|o| matches!(o, Overlay::FirstStart))
    }

    /// Takes the first-start card away (the session is no longer empty).
    pub(super) fn close_card(&mut self) {
        self.0.retain(|o| !matches!(o, Overlay::FirstStart));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Opens `overlay` on top; the help stays on top of anything opened under it.
    pub fn push(&mut self, overlay: Overlay) {
        let at = self.0.iter().rposition(|o| !matches!(o, Overlay::Help { .. })).map_or(0, |i| i + 1);
        let at = if matches!(overlay, Overlay::Help { .. }) { self.0.len() } else { at };
        self.0.insert(at, overlay);
    }

    /// Opens the help, or closes it if it is open.
    pub fn toggle_help(&mut self) {
        match self.0.iter().position(|o| matches!(o, Overlay::Help { .. })) {
            Some(i) => {
                self.0.remove(i);
            }
            None => self.push(Overlay::Help { scroll: 0 }),
        }
    }

    /// The overlay at `i` (from the bottom), mutably.
    pub(super) fn get_mut(&mut self, i: usize) -> Option<&mut Overlay> {
        self.0.get_mut(i)
    }

    pub(super) fn remove(&mut self, i: usize) -> Overlay {
        self.0.remove(i)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The help's scroll, if it is open.
    pub fn help(&self) -> Option<u16> {
        self.0.iter().find_map(|o| match o {
            Overlay::Help { scroll } => Some(*scroll),
            _ => None,
        })
    }

    pub fn presentation(&self) -> Option<&Presentation> {
        self.0.iter().find_map(|o| match o {
            Overlay::Presentation(p) => Some(&**p),
            _ => None,
        })
    }

    pub fn conflict(&self) -> Option<&Conflict> {
        self.0.iter().find_map(|o| match o {
            Overlay::Conflict(c) => Some(c),
            _ => None,
        })
    }

    pub(super) fn conflict_mut(&mut self) -> Option<&mut Conflict> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Conflict(c) => Some(c),
            _ => None,
        })
    }

    /// Closes the pickers: their lists were built from a version of the
    /// session that was just replaced. (Forms stay, brought up to date:
    /// `Editor::refresh_forms`.)
    pub(super) fn close_pickers(&mut self) {
        self.0.retain(|o| !matches!(o, Overlay::Picker(_)));
    }

    /// The form open, if any (under a picker it opened, perhaps).
    pub fn form(&self) -> Option<&super::form::Form> {
        self.0.iter().rev().find_map(|o| match o {
            Overlay::Form(f) => Some(&**f),
            _ => None,
        })
    }

    pub(super) fn form_mut(&mut self) -> Option<&mut super::form::Form> {
        self.0.iter_mut().rev().find_map(|o| match o {
            Overlay::Form(f) => Some(&mut **f),
            _ => None,
        })
    }

    /// The year's review record being filled in, if any.
    pub fn record(&self) -> Option<&super::follow_form::RecordForm> {
        self.0.iter().rev().find_map(|o| match o {
            Overlay::Record(f) => Some(&**f),
            _ => None,
        })
    }

    /// Closes the conflict question, if open.
    pub(super) fn close_conflict(&mut self) {
        self.0.retain(|o| !matches!(o, Overlay::Conflict(_)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;

    fn present() -> Overlay {
        Overlay::Presentation(Box::new(Presentation { views: Views::default(), zoom: false }))
    }

    #[test]
    fn the_help_stays_on_top_of_what_opens_under_it() {
        let mut s = Overlays::default();
        s.toggle_help();
        s.push(present());
        assert_eq!(s.context(), Some(Context::Help));
        s.toggle_help();
        assert_eq!(s.context(), Some(Context::Present));
    }

    #[test]
    fn each_overlay_passes_on_what_it_does_not_consume() {
        let moves = [Action::Up, Action::Focus(Quadrant::Threats), Action::Room(RoomAction::ToggleZoom)];
        for action in moves {
            assert_eq!(present().handle(&action), Handled::Passed, "{action:?}");
        }
        assert_eq!(present().handle(&Action::Paste("x".into())), Handled::Consumed);
        assert_eq!(present().handle(&Action::Room(RoomAction::TogglePresent)), Handled::Closed);
        let mut help = Overlay::Help { scroll: 0 };
        assert_eq!(help.handle(&Action::Resize), Handled::Passed);
        for action in [Action::StartAdd, Action::Quit, Action::Paste("x".into()), Action::Down] {
            assert_eq!(help.handle(&action), Handled::Consumed, "{action:?}");
        }
        assert!(matches!(help, Overlay::Help { scroll: 1 }));
        assert_eq!(help.handle(&Action::ToggleHelp), Handled::Closed);
        for action in [Action::Resize, Action::ToggleHelp] {
            assert_eq!(Overlay::FirstStart.handle(&action), Handled::Passed, "{action:?}");
        }
        for action in [Action::StartAdd, Action::Up, Action::Paste("x".into())] {
            assert_eq!(Overlay::FirstStart.handle(&action), Handled::Dismissed, "{action:?}");
        }
    }
}
