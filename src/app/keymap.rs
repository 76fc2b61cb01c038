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
    /// The DAFO grid.
    Grid,
    /// The CAME view, keys on a quadrant's factor list.
    CameFactors,
    /// The CAME view, keys on a quadrant's action list.
    CameActions,
    /// The crossed matrix (FO, DO, FA, DA).
    Crossed,
    /// The EFI / EFE weighted evaluation.
    Weights,
    /// The plan view, keys on the tree of ejes and líneas.
    PlanTree,
    /// The plan view, keys on the actions of the selected línea.
    PlanActions,
    /// The plan view, keys on the tray of actions with no línea.
    PlanTray,
    Input,
    MovePick,
    /// Waiting for a digit: the impact (1-5) of the selected factor.
    ImpactPick,
    /// A searchable list of factors (links, strategy pairs).
    Picker,
    /// The action form (owner, due date, indicator).
    Form,
    /// The file changed on disk while edits were unsaved.
    Conflict,
    Help,
    /// Presentation mode (issue 6): only keys that move around or show things.
    Present,
}

impl Context {
    /// Every context, for checks over the whole table.
    pub const ALL: [Context; 17] = [
        Context::Browser,
        Context::Grid,
        Context::CameFactors,
        Context::CameActions,
        Context::Crossed,
        Context::Weights,
        Context::PlanTree,
        Context::PlanActions,
        Context::PlanTray,
        Context::Input,
        Context::MovePick,
        Context::ImpactPick,
        Context::Picker,
        Context::Form,
        Context::Conflict,
        Context::Present,
        Context::Help,
    ];
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

/// One row of the keymap: in any of `ctx`, any of `keys` does `action`.
#[derive(Debug, Clone)]
pub struct Binding {
    pub ctx: &'static [Context],
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

    /// The key shown in the footer: the first one, or a digit range (`0-4`).
    pub fn footer_key(&self) -> String {
        let all = self.keys_label();
        if all.contains('-') && !all.contains(' ') {
            all
        } else {
            self.keys.first().map(Key::label).unwrap_or_default()
        }
    }

    /// The keys joined for display: `e / Enter`; a run of digits as `0-5`.
    pub fn keys_label(&self) -> String {
        let digits: Vec<u32> = self
            .keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) => c.to_digit(10),
                _ => None,
            })
            .collect();
        if digits.len() > 2 && digits.len() == self.keys.len() {
            return format!("{}-{}", digits[0], digits[digits.len() - 1]);
        }
        self.keys.iter().map(Key::label).collect::<Vec<_>>().join(" / ")
    }
}

macro_rules! bind {
    ($($ctx:ident)|+, [$($key:expr),+], $action:expr, $group:ident, $es:literal, $en:literal, $footer:literal) => {
        Binding {
            ctx: &[$(Context::$ctx),+],
            keys: const { &[$($key),+] },
            action: $action,
            group: Group::$group,
            es: $es,
            en: $en,
            footer: $footer,
            hint: None,
        }
    };
    ($($ctx:ident)|+, [$($key:expr),+], $action:expr, $group:ident, $es:literal, $en:literal, ($hes:literal, $hen:literal)) => {
        Binding { hint: Some(($hes, $hen)), ..bind!($($ctx)|+, [$($key),+], $action, $group, $es, $en, true) }
    };
}

/// The keymap in use: the defaults, or the table [`install`]ed from `keys.ron`.
pub fn bindings() -> &'static [Binding] {
    ACTIVE.get().map_or_else(defaults, Vec::as_slice)
}

static ACTIVE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();

/// Makes `table` the keymap (once, at start-up, before the first key).
pub fn install(table: Vec<Binding>) {
    let _ = ACTIVE.set(table);
}

/// The whole default keymap. Order matters: it is the order of the footer and the help.
#[rustfmt::skip]
pub fn defaults() -> &'static [Binding] {
    use Action as A;
    use KeyCode as C;
    use RoomAction as R;
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            // ---- The DAFO grid, the CAME view and the crossed matrix ----
            bind!(Grid, [k('a')], A::StartAdd, Capture, "añadir", "add", true),
            bind!(CameFactors | CameActions, [k('a')], A::StartAdd, Capture, "nueva acción para el factor elegido", "new action for the chosen factor", ("acción", "action")),
            bind!(Crossed, [k('a')], A::StartAdd, Capture, "nueva estrategia: elige dos factores y escribe", "new strategy: pick two factors, type", ("nueva", "new")),
            bind!(Grid | Crossed, [k('e'), code(C::Enter)], A::StartEdit, Capture, "editar", "edit", true),
            bind!(CameFactors, [k('e'), code(C::Enter)], A::StartEdit, Capture, "editar el factor", "edit the factor", ("editar factor", "edit factor")),
            bind!(CameActions, [k('e'), code(C::Enter)], A::StartEdit, Capture, "editar la acción", "edit the action", ("editar acción", "edit action")),
            bind!(Grid | Crossed, [k('x'), code(C::Delete)], A::Delete, Capture, "borrar", "delete", false),
            bind!(CameFactors, [k('x'), code(C::Delete)], A::Delete, Capture, "borrar el factor", "delete the factor", false),
            bind!(CameActions, [k('x'), code(C::Delete)], A::Delete, Capture, "borrar la acción", "delete the action", false),
            bind!(CameActions, [k('v')], A::StartLink, Capture, "vincular la acción a factores", "link the action to factors", ("vincular", "link")),
            bind!(CameActions, [k('s')], A::CycleStatus, Capture, "estado: pendiente, en curso, hecha, descartada", "status: pending, in progress, done, dropped", ("estado", "status")),
            bind!(CameActions, [k('f')], A::StartForm, Capture, "ficha: responsable, fecha, indicador", "form: owner, due date, indicator", ("ficha", "form")),
            bind!(Weights, [k('w'), code(C::Enter)], A::StartEdit, Capture, "peso (0-1, admite 0,15 o 15%)", "weight (0-1, also 0,15 or 15%)", ("peso", "weight")),
            bind!(Weights, [k('0'), k('1'), k('2'), k('3'), k('4')], A::Rate(0), Capture, "valoración 1-4 (0 la quita)", "rating 1-4 (0 clears it)", ("valorar", "rate")),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('1')], A::Focus(Quadrant::Strengths), Navigate, "Fortalezas", "Strengths", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('2')], A::Focus(Quadrant::Weaknesses), Navigate, "Debilidades", "Weaknesses", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('3')], A::Focus(Quadrant::Opportunities), Navigate, "Oportunidades", "Opportunities", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('4')], A::Focus(Quadrant::Threats), Navigate, "Amenazas", "Threats", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [code(C::Tab)], A::NextQuadrant, Navigate, "cuadrante siguiente", "next quadrant", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [code(C::BackTab)], A::PrevQuadrant, Navigate, "cuadrante anterior", "previous quadrant", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('k'), code(C::Up)], A::Up, Navigate, "elemento anterior", "previous item", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('j'), code(C::Down)], A::Down, Navigate, "elemento siguiente", "next item", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('h'), code(C::Left)], A::Left, Navigate, "a la izquierda", "to the left", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('l'), code(C::Right)], A::Right, Navigate, "a la derecha", "to the right", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('g'), code(C::Home)], A::First, Navigate, "primer elemento", "first item", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray | Present, [k('G'), code(C::End)], A::Last, Navigate, "último elemento", "last item", false),
            bind!(Grid | CameFactors | CameActions | PlanTree, [k('K')], A::ShiftUp, Tidy, "subir elemento", "move item up", false),
            bind!(Grid | CameFactors | CameActions | PlanTree, [k('J')], A::ShiftDown, Tidy, "bajar elemento", "move item down", false),
            bind!(Grid, [k('m')], A::StartMove, Tidy, "mover a otro cuadrante", "move to another quadrant", ("mover", "move")),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('+')], A::VoteUp, Tidy, "un voto más", "add a vote", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('-')], A::VoteDown, Tidy, "un voto menos", "remove a vote", false),
            bind!(Grid | CameFactors, [k('i')], A::StartImpact, Tidy, "impacto, luego 1-5", "impact, then 1-5", false),
            bind!(Grid | CameFactors, [k('o')], A::CycleSort, Tidy, "ordenar: votos, impacto, propio", "sort: votes, impact, own", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('u')], A::Undo, Tidy, "deshacer", "undo", true),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [ctrl('r')], A::Redo, Tidy, "rehacer", "redo", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('c')], A::ShowCame, Session, "vista CAME / DAFO", "CAME / DAFO view", ("CAME", "CAME")),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('X')], A::ShowCrossed, Session, "matriz cruzada FO/DO/FA/DA", "crossed matrix", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('W')], A::ShowWeights, Session, "pesos EFI / EFE", "EFI / EFE weights", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('P')], A::ShowPlan, Session, "vista del plan: ejes, líneas, acciones", "plan view: ejes, líneas, actions", false),
            bind!(PlanTree, [k('A')], A::PlanAddAxis, Capture, "nuevo eje", "new eje", ("eje", "eje")),
            bind!(PlanTree, [k('a')], A::PlanAddLine, Capture, "nueva línea en el eje elegido", "new línea in the selected eje", ("línea", "línea")),
            bind!(PlanTree, [k('x'), code(C::Delete)], A::PlanDelete, Capture, "borrar el eje (con sus líneas) o la línea", "delete the eje (with its líneas) or the línea", false),
            bind!(PlanTray, [code(C::Enter)], A::PlanPlace, Capture, "poner en la línea elegida", "place in the selected línea", ("poner en la línea", "place")),
            bind!(PlanActions, [k('x'), code(C::Delete)], A::PlanTakeOut, Capture, "sacar de la línea (vuelve a la bandeja)", "take out of the línea (back to the tray)", ("sacar", "take out")),
            bind!(PlanTree | PlanActions | PlanTray, [k('t')], A::ToggleSchedule, Session, "cronograma / árbol", "cronograma / tree", ("cronograma", "cronograma")),
            bind!(CameFactors | CameActions | Crossed, [k('L')], A::ToggleLabels, Session, "etiquetas clásicas / de trabajo social", "classic / social-work labels", false),
            bind!(CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [code(C::Esc)], A::Back, Session, "volver al DAFO", "back to the DAFO", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('y')], A::Copy, Session, "copiar el resumen (Markdown + HTML para Word)", "copy the summary (Markdown + HTML for Word)", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('Y')], A::CopyAs, Session, "copiar en otro formato", "copy in another format", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [ctrl('s')], A::Save, Session, "guardar ahora", "save now", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('?')], A::ToggleHelp, Session, "ayuda", "help", true),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | PlanTree | PlanActions | PlanTray, [k('q')], A::Quit, Session, "salir (se guarda solo)", "quit (all is saved)", ("salir", "quit")),
            // ---- Typing an item ----
            bind!(Input, [code(C::Enter)], A::Submit, Capture, "aceptar (al añadir, la línea sigue abierta)", "accept (when adding, the line stays open)", ("aceptar", "accept")),
            bind!(Input, [code(C::Esc)], A::Cancel, Capture, "cerrar", "close", true),
            // ---- Choosing where to move an item ----
            bind!(MovePick, [k('1')], A::MoveTo(Quadrant::Strengths), Tidy, "a Fortalezas", "to Strengths", true),
            bind!(MovePick, [k('2')], A::MoveTo(Quadrant::Weaknesses), Tidy, "a Debilidades", "to Weaknesses", true),
            bind!(MovePick, [k('3')], A::MoveTo(Quadrant::Opportunities), Tidy, "a Oportunidades", "to Opportunities", true),
            bind!(MovePick, [k('4')], A::MoveTo(Quadrant::Threats), Tidy, "a Amenazas", "to Threats", true),
            bind!(MovePick | ImpactPick | Picker | Form, [code(C::Esc)], A::Cancel, Tidy, "cancelar", "cancel", true),
            // ---- Impact 1-5 ----
            bind!(ImpactPick, [k('0'), k('1'), k('2'), k('3'), k('4'), k('5')], A::Rate(0), Tidy, "impacto (0 lo quita)", "impact (0 clears)", ("impacto", "impact")),
            // ---- Picking factors from a list ----
            bind!(Picker | Form, [code(C::Up)], A::Up, Navigate, "anterior", "previous", false),
            bind!(Picker | Form, [code(C::Down)], A::Down, Navigate, "siguiente", "next", false),
            bind!(Picker, [k(' ')], A::Toggle, Capture, "marcar / desmarcar (o elegir, si solo se elige uno)", "check / uncheck (or pick, when there is one to pick)", ("marcar", "check")),
            bind!(Picker, [code(C::Enter)], A::Submit, Capture, "aceptar (escribe para buscar)", "accept (type to search)", ("aceptar", "accept")),
            bind!(Form, [code(C::Tab)], A::Down, Navigate, "campo siguiente", "next field", ("campo", "field")),
            bind!(Form, [code(C::BackTab)], A::Up, Navigate, "campo anterior", "previous field", false),
            bind!(Form, [code(C::Enter)], A::Submit, Capture, "guardar la ficha", "save the form", ("guardar", "save")),
            // ---- The file changed on disk while edits were unsaved ----
            bind!(Conflict, [k('r')], A::ReloadTheirs, Session, "cargar la versión del disco (la tuya se guarda aparte)", "load the version on disk (yours is kept aside)", ("cargar la del disco", "load theirs")),
            bind!(Conflict, [k('o')], A::KeepMine, Session, "conservar la tuya (la otra queda en copia)", "keep yours (theirs goes to a backup)", ("conservar la mía", "keep mine")),
            // ---- Help overlay ----
            bind!(Help, [code(C::Esc), k('?'), k('q')], A::ToggleHelp, Session, "cerrar la ayuda", "close help", true),
            bind!(Help, [k('j'), code(C::Down)], A::Down, Navigate, "bajar", "scroll down", ("bajar", "down")),
            bind!(Help, [k('k'), code(C::Up)], A::Up, Navigate, "subir", "scroll up", ("subir", "up")),
            // ---- Session browser ----
            bind!(Browser, [code(C::Enter)], A::Open, Session, "abrir", "open", true),
            bind!(Browser, [k('n')], A::NewSession, Session, "nueva sesión", "new session", true),
            bind!(Browser, [k('k'), code(C::Up)], A::Up, Navigate, "anterior", "previous", false),
            bind!(Browser, [k('j'), code(C::Down)], A::Down, Navigate, "siguiente", "next", false),
            bind!(Browser, [k('?')], A::ToggleHelp, Session, "ayuda", "help", true),
            bind!(Browser, [k('q')], A::Quit, Session, "salir", "quit", true),
            // ---- In the room (issue 6) ----
            bind!(Grid, [k('p')], A::Room(R::TogglePresent), Room, "modo presentación", "presentation mode", false),
            bind!(Present, [k('p'), code(C::Esc)], A::Room(R::TogglePresent), Room, "salir de la presentación", "leave presentation", ("salir", "leave")),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('z')], A::Room(R::ToggleZoom), Room, "ampliar el cuadrante", "zoom the quadrant", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | Present, [k('T')], A::Room(R::CycleTimer), Room, "tiempo: 10/15/5 min/no", "time-box 10/15/5 min/off", false),
            bind!(Grid | CameFactors | CameActions | Present, [k('V')], A::Room(R::ToggleVotes), Room, "ocultar/mostrar votos", "hide/show votes", false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | Present | Browser, [k('t')], A::Room(R::CycleTheme), Room, "tema: oscuro/claro/mono", "theme dark/light/mono", false),
            bind!(Present, [k('?')], A::ToggleHelp, Session, "ayuda", "help", false),
        ]
    })
}

/// The action bound to a key in a context.
pub fn lookup(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(ev);
    let action = bindings().iter().find(|b| b.ctx.contains(&ctx) && b.keys.contains(&key)).map(|b| b.action.clone());
    match (action, key.code) {
        (Some(Action::Rate(_)), KeyCode::Char(d)) => d.to_digit(10).map(|d| Action::Rate(d as u8)),
        (other, _) => other,
    }
}

/// The label of the first key doing `action` in `ctx` (what messages name,
/// so a remapped key never leaves a stale hint); `?` if none does.
pub fn key_for(ctx: Context, action: &Action) -> String {
    of_context(ctx)
        .find(|b| b.action == *action)
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_owned(), Key::label)
}

/// The bindings shown in the footer of a context.
pub fn footer(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    bindings().iter().filter(move |b| b.ctx.contains(&ctx) && b.footer)
}

/// The bindings of a context, for the help overlay.
pub fn of_context(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    bindings().iter().filter(move |b| b.ctx.contains(&ctx))
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
        for ctx in Context::ALL {
            let rows: Vec<_> = of_context(ctx).collect();
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[i + 1..] {
                    assert!(!a.keys.iter().any(|k| b.keys.contains(k)), "{:?} bound twice in {ctx:?}", a.keys);
                }
            }
        }
    }

    #[test]
    fn every_context_has_a_footer() {
        for ctx in Context::ALL {
            assert!(footer(ctx).count() > 0, "{ctx:?}");
        }
    }
}
