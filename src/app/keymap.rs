//! The one keymap table: dispatch, the footer hints and the help overlay all read it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::room::RoomAction;
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// Where a key is pressed: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browser,
    Grid,
    Input,
    MovePick,
    Help,
    /// Presentation mode (issue 6): only keys that move around or show things.
    Present,
}

/// What a binding is for, to group the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Navigate,
    Capture,
    Tidy,
    Session,
    /// Projecting: themes, presentation, zoom, time-box, votes.
    Room,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Navigate, Group::Capture, Group::Tidy, Group::Room, Group::Session];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Group::Navigate => lang.pick("Moverse", "Move around"),
            Group::Capture => lang.pick("Capturar", "Capture"),
            Group::Tidy => lang.pick("Ordenar y priorizar", "Tidy and prioritise"),
            Group::Session => lang.pick("Sesión", "Session"),
            Group::Room => lang.pick("En la sala", "In the room"),
        }
    }
}

/// A key as the table names it: a code and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// The key of a terminal event. Shift is part of the character itself
    /// (`K`, `?`), so it is ignored for characters.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Key { code, ctrl: ev.modifiers.contains(KeyModifiers::CONTROL) }
    }

    /// How the key is written in hints and help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Espacio".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Home => "Inicio".to_owned(),
            KeyCode::End => "Fin".to_owned(),
            KeyCode::Delete => "Supr".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("Ctrl-{base}") } else { base }
    }
}

/// One row of the keymap: in `ctx`, any of `keys` does `action`.
#[derive(Debug, Clone)]
pub struct Binding {
    pub ctx: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub group: Group,
    pub es: &'static str,
    pub en: &'static str,
    /// Shown in the footer of its context, with this shorter text if set.
    pub footer: bool,
    pub hint: Option<(&'static str, &'static str)>,
}

impl Binding {
    pub fn describe(&self, lang: Lang) -> &'static str {
        lang.pick(self.es, self.en)
    }

    /// The text of the footer hint.
    pub fn hint(&self, lang: Lang) -> &'static str {
        self.hint.map_or_else(|| self.describe(lang), |(es, en)| lang.pick(es, en))
    }

    /// The keys joined for display: `e / Enter`.
    pub fn keys_label(&self) -> String {
        self.keys.iter().map(Key::label).collect::<Vec<_>>().join(" / ")
    }
}

macro_rules! bind {
    ($ctx:ident, [$($key:expr),+], $action:expr, $group:ident, $es:literal, $en:literal, $footer:literal) => {
        Binding {
            ctx: Context::$ctx,
            keys: const { &[$($key),+] },
            action: $action,
            group: Group::$group,
            es: $es,
            en: $en,
            footer: $footer,
            hint: None,
        }
    };
    ($ctx:ident, [$($key:expr),+], $action:expr, $group:ident, $es:literal, $en:literal, ($hes:literal, $hen:literal)) => {
        Binding { hint: Some(($hes, $hen)), ..bind!($ctx, [$($key),+], $action, $group, $es, $en, true) }
    };
}

/// The whole keymap. Order matters: it is the order of the footer and the help.
pub fn bindings() -> &'static [Binding] {
    use Action as A;
    use KeyCode as C;
    use RoomAction as R;
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            // ---- The DAFO grid ----
            bind!(Grid, [k('a')], A::StartAdd, Capture, "añadir", "add", true),
            bind!(Grid, [k('e'), code(C::Enter)], A::StartEdit, Capture, "editar", "edit", true),
            bind!(Grid, [k('x'), code(C::Delete)], A::Delete, Capture, "borrar", "delete", true),
            bind!(Grid, [k('1')], A::Focus(Quadrant::Strengths), Navigate, "Fortalezas", "Strengths", false),
            bind!(Grid, [k('2')], A::Focus(Quadrant::Weaknesses), Navigate, "Debilidades", "Weaknesses", false),
            bind!(Grid, [k('3')], A::Focus(Quadrant::Opportunities), Navigate, "Oportunidades", "Opportunities", false),
            bind!(Grid, [k('4')], A::Focus(Quadrant::Threats), Navigate, "Amenazas", "Threats", false),
            bind!(Grid, [code(C::Tab)], A::NextQuadrant, Navigate, "cuadrante siguiente", "next quadrant", false),
            bind!(
                Grid,
                [code(C::BackTab)],
                A::PrevQuadrant,
                Navigate,
                "cuadrante anterior",
                "previous quadrant",
                false
            ),
            bind!(Grid, [k('k'), code(C::Up)], A::Up, Navigate, "elemento anterior", "previous item", false),
            bind!(Grid, [k('j'), code(C::Down)], A::Down, Navigate, "elemento siguiente", "next item", false),
            bind!(
                Grid,
                [k('h'), code(C::Left)],
                A::Left,
                Navigate,
                "cuadrante a la izquierda",
                "quadrant to the left",
                false
            ),
            bind!(
                Grid,
                [k('l'), code(C::Right)],
                A::Right,
                Navigate,
                "cuadrante a la derecha",
                "quadrant to the right",
                false
            ),
            bind!(Grid, [k('g'), code(C::Home)], A::First, Navigate, "primer elemento", "first item", false),
            bind!(Grid, [k('G'), code(C::End)], A::Last, Navigate, "último elemento", "last item", false),
            bind!(Grid, [k('K')], A::ShiftUp, Tidy, "subir elemento", "move item up", false),
            bind!(Grid, [k('J')], A::ShiftDown, Tidy, "bajar elemento", "move item down", false),
            bind!(
                Grid,
                [k('m')],
                A::StartMove,
                Tidy,
                "mover a otro cuadrante",
                "move to another quadrant",
                ("mover", "move")
            ),
            bind!(Grid, [k('+')], A::VoteUp, Tidy, "un voto más", "add a vote", false),
            bind!(Grid, [k('-')], A::VoteDown, Tidy, "un voto menos", "remove a vote", false),
            bind!(Grid, [k('u')], A::Undo, Tidy, "deshacer", "undo", true),
            bind!(Grid, [ctrl('r')], A::Redo, Tidy, "rehacer", "redo", false),
            bind!(Grid, [ctrl('s')], A::Save, Session, "guardar ahora", "save now", false),
            bind!(Grid, [k('?')], A::ToggleHelp, Session, "ayuda", "help", true),
            bind!(
                Grid,
                [k('q')],
                A::Quit,
                Session,
                "salir (todo está guardado)",
                "quit (all is saved)",
                ("salir", "quit")
            ),
            // ---- In the room (issue 6) ----
            bind!(Grid, [k('p')], A::Room(R::TogglePresent), Room, "modo presentación", "presentation mode", false),
            bind!(Grid, [k('z')], A::Room(R::ToggleZoom), Room, "ampliar el cuadrante", "zoom the quadrant", false),
            bind!(
                Grid,
                [k('T')],
                A::Room(R::CycleTimer),
                Room,
                "tiempo: 10/15/5 min/no",
                "time-box 10/15/5 min/off",
                false
            ),
            bind!(Grid, [k('V')], A::Room(R::ToggleVotes), Room, "ocultar/mostrar votos", "hide/show votes", false),
            bind!(
                Grid,
                [k('t')],
                A::Room(R::CycleTheme),
                Room,
                "tema: oscuro/claro/mono",
                "theme dark/light/mono",
                false
            ),
            // ---- Typing an item ----
            bind!(Input, [code(C::Enter)], A::Submit, Capture, "añade y sigue", "add, keep typing", true),
            bind!(Input, [code(C::Esc)], A::Cancel, Capture, "cerrar", "close", true),
            // ---- Choosing where to move an item ----
            bind!(MovePick, [k('1')], A::MoveTo(Quadrant::Strengths), Tidy, "a Fortalezas", "to Strengths", true),
            bind!(MovePick, [k('2')], A::MoveTo(Quadrant::Weaknesses), Tidy, "a Debilidades", "to Weaknesses", true),
            bind!(
                MovePick,
                [k('3')],
                A::MoveTo(Quadrant::Opportunities),
                Tidy,
                "a Oportunidades",
                "to Opportunities",
                true
            ),
            bind!(MovePick, [k('4')], A::MoveTo(Quadrant::Threats), Tidy, "a Amenazas", "to Threats", true),
            bind!(MovePick, [code(C::Esc)], A::Cancel, Tidy, "cancelar", "cancel", true),
            // ---- Help overlay ----
            bind!(Help, [code(C::Esc), k('?'), k('q')], A::ToggleHelp, Session, "cerrar la ayuda", "close help", true),
            // ---- Session browser ----
            bind!(Browser, [code(C::Enter)], A::Open, Session, "abrir", "open", true),
            bind!(Browser, [k('n')], A::NewSession, Session, "nueva sesión", "new session", true),
            bind!(Browser, [k('k'), code(C::Up)], A::Up, Navigate, "anterior", "previous", false),
            bind!(Browser, [k('j'), code(C::Down)], A::Down, Navigate, "siguiente", "next", false),
            bind!(Browser, [k('?')], A::ToggleHelp, Session, "ayuda", "help", true),
            bind!(Browser, [k('q')], A::Quit, Session, "salir", "quit", true),
            // ---- In the room (issue 6) ----
            bind!(
                Browser,
                [k('t')],
                A::Room(R::CycleTheme),
                Room,
                "tema: oscuro/claro/mono",
                "theme dark/light/mono",
                false
            ),
            // ---- Presentation mode (issue 6) ----
            bind!(
                Present,
                [k('p'), code(C::Esc)],
                A::Room(R::TogglePresent),
                Room,
                "salir de la presentación",
                "leave presentation",
                ("salir", "leave")
            ),
            bind!(Present, [k('z')], A::Room(R::ToggleZoom), Room, "ampliar el cuadrante", "zoom the quadrant", true),
            bind!(Present, [k('1')], A::Focus(Quadrant::Strengths), Navigate, "Fortalezas", "Strengths", false),
            bind!(Present, [k('2')], A::Focus(Quadrant::Weaknesses), Navigate, "Debilidades", "Weaknesses", false),
            bind!(
                Present,
                [k('3')],
                A::Focus(Quadrant::Opportunities),
                Navigate,
                "Oportunidades",
                "Opportunities",
                false
            ),
            bind!(Present, [k('4')], A::Focus(Quadrant::Threats), Navigate, "Amenazas", "Threats", false),
            bind!(Present, [code(C::Tab)], A::NextQuadrant, Navigate, "cuadrante siguiente", "next quadrant", false),
            bind!(
                Present,
                [code(C::BackTab)],
                A::PrevQuadrant,
                Navigate,
                "cuadrante anterior",
                "previous quadrant",
                false
            ),
            bind!(Present, [k('k'), code(C::Up)], A::Up, Navigate, "elemento anterior", "previous item", false),
            bind!(Present, [k('j'), code(C::Down)], A::Down, Navigate, "elemento siguiente", "next item", false),
            bind!(
                Present,
                [k('h'), code(C::Left)],
                A::Left,
                Navigate,
                "cuadrante a la izquierda",
                "quadrant to the left",
                false
            ),
            bind!(
                Present,
                [k('l'), code(C::Right)],
                A::Right,
                Navigate,
                "cuadrante a la derecha",
                "quadrant to the right",
                false
            ),
            bind!(Present, [k('g'), code(C::Home)], A::First, Navigate, "primer elemento", "first item", false),
            bind!(Present, [k('G'), code(C::End)], A::Last, Navigate, "último elemento", "last item", false),
            bind!(Present, [k('+')], A::VoteUp, Tidy, "un voto más", "add a vote", false),
            bind!(Present, [k('-')], A::VoteDown, Tidy, "un voto menos", "remove a vote", false),
            bind!(
                Present,
                [k('T')],
                A::Room(R::CycleTimer),
                Room,
                "tiempo: 10/15/5 min/no",
                "time-box 10/15/5 min/off",
                true
            ),
            bind!(Present, [k('V')], A::Room(R::ToggleVotes), Room, "ocultar/mostrar votos", "hide/show votes", true),
            bind!(Present, [k('t')], A::Room(R::CycleTheme), Room, "tema", "theme", false),
            bind!(Present, [k('?')], A::ToggleHelp, Session, "ayuda", "help", false),
        ]
    })
}

/// The action bound to a key in a context.
pub fn lookup(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(ev);
    bindings().iter().find(|b| b.ctx == ctx && b.keys.contains(&key)).map(|b| b.action.clone())
}

/// The bindings shown in the footer of a context.
pub fn footer(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    bindings().iter().filter(move |b| b.ctx == ctx && b.footer)
}

/// The bindings of a context, for the help overlay.
pub fn of_context(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    bindings().iter().filter(move |b| b.ctx == ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn contract_keys_are_bound() {
        let grid = |c, m| lookup(Context::Grid, &press(c, m));
        assert_eq!(grid(KeyCode::Char('1'), KeyModifiers::NONE), Some(Action::Focus(Quadrant::Strengths)));
        assert_eq!(grid(KeyCode::Char('4'), KeyModifiers::NONE), Some(Action::Focus(Quadrant::Threats)));
        assert_eq!(grid(KeyCode::Char('a'), KeyModifiers::NONE), Some(Action::StartAdd));
        assert_eq!(grid(KeyCode::Enter, KeyModifiers::NONE), Some(Action::StartEdit));
        assert_eq!(grid(KeyCode::Delete, KeyModifiers::NONE), Some(Action::Delete));
        assert_eq!(grid(KeyCode::Char('r'), KeyModifiers::CONTROL), Some(Action::Redo));
        assert_eq!(grid(KeyCode::Char('s'), KeyModifiers::CONTROL), Some(Action::Save));
        assert_eq!(grid(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Action::ToggleHelp));
        assert_eq!(grid(KeyCode::Char('K'), KeyModifiers::SHIFT), Some(Action::ShiftUp));
        assert_eq!(grid(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Action::PrevQuadrant));
        assert_eq!(grid(KeyCode::Char('r'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let all = bindings();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.ctx == b.ctx {
                    assert!(!a.keys.iter().any(|k| b.keys.contains(k)), "{:?} bound twice", a.keys);
                }
            }
        }
    }

    #[test]
    fn every_context_has_a_footer() {
        for ctx in [Context::Browser, Context::Grid, Context::Input, Context::MovePick, Context::Help, Context::Present]
        {
            assert!(footer(ctx).count() > 0, "{ctx:?}");
        }
    }
}
