//! The one keymap table: dispatch, the footer hints and the help overlay all read it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, JoinKeep};
use super::room::RoomAction;
use super::sala::SalaAction;
use crate::domain::Quadrant;
use crate::i18n::{KeymapText, Lang};
use crate::merge::review::ReviewStep;

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
    /// The plan view, keys on the retos.
    PlanChallenges,
    /// The plan view, keys on the indicators.
    PlanIndicators,
    /// The plan view, keys on misión, visión and valores.
    PlanBand,
    /// The Seguimiento view: actions and indicators by year.
    Follow,
    Input,
    /// The input line of a new CAME action: Tab and the arrows move it to another factor.
    ActionInput,
    MovePick,
    /// Waiting for a digit: the impact (1-5) of the selected factor.
    ImpactPick,
    /// A searchable list of factors (links, strategy pairs).
    Picker,
    /// The action form (owner, due date, indicator).
    Form,
    /// The file changed on disk while edits were unsaved.
    Conflict,
    /// The list of the plan's and the follow-up's git merge clashes.
    Clashes,
    Help,
    /// Presentation mode (issue 6): only keys that move around or show things.
    Present,
    /// `dafo merge --review` in a terminal: the list of possible pairs.
    MergeReview,
    /// Joining: a factor is marked, the selection picks the one to join it into.
    JoinMark,
    /// Joining: which wording stays.
    JoinWording,
    /// The room pane (issue 28): the QR code, the address, the code and the inbox.
    Sala,
}

impl Context {
    /// Every context, for checks over the whole table.
    pub const ALL: [Context; 27] = [
        Context::Browser,
        Context::Grid,
        Context::CameFactors,
        Context::CameActions,
        Context::Crossed,
        Context::Weights,
        Context::PlanTree,
        Context::PlanActions,
        Context::PlanTray,
        Context::PlanChallenges,
        Context::PlanIndicators,
        Context::PlanBand,
        Context::Follow,
        Context::Input,
        Context::ActionInput,
        Context::MovePick,
        Context::ImpactPick,
        Context::Picker,
        Context::Form,
        Context::Conflict,
        Context::Clashes,
        Context::Present,
        Context::Help,
        Context::MergeReview,
        Context::JoinMark,
        Context::JoinWording,
        Context::Sala,
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
        let groups = &lang.text().keymap.groups;
        match self {
            Group::Navigate => groups[0],
            Group::Capture => groups[1],
            Group::Tidy => groups[2],
            Group::Session => groups[3],
            Group::Room => groups[4],
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

    /// How the key is written in hints and help, in `lang` (`Espacio`, `Space`).
    pub fn label(&self, lang: Lang) -> String {
        let names = &lang.text().keys;
        let base = match self.code {
            KeyCode::Char(' ') => names.space.to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => names.enter.to_owned(),
            KeyCode::Esc => names.esc.to_owned(),
            KeyCode::Tab => names.tab.to_owned(),
            KeyCode::BackTab => names.back_tab.to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Home => names.home.to_owned(),
            KeyCode::End => names.end.to_owned(),
            KeyCode::Delete => names.delete.to_owned(),
            KeyCode::Backspace => names.backspace.to_owned(),
            KeyCode::PageUp => names.page_up.to_owned(),
            KeyCode::PageDown => names.page_down.to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("{}-{base}", names.ctrl) } else { base }
    }
}

/// A text of the keymap catalogue: the field of [`KeymapText`] a binding reads.
pub type Text = fn(&'static KeymapText) -> &'static str;

/// One row of the keymap: in any of `ctx`, any of `keys` does `action`.
#[derive(Debug, Clone)]
pub struct Binding {
    pub ctx: &'static [Context],
    pub keys: &'static [Key],
    pub action: Action,
    pub group: Group,
    /// What the binding does, in the help.
    pub text: Text,
    /// Shown in the footer of its context, with this shorter text if set.
    pub footer: bool,
    pub hint: Option<Text>,
}

impl Binding {
    pub fn describe(&self, lang: Lang) -> &'static str {
        (self.text)(&lang.text().keymap)
    }

    /// The text of the footer hint.
    pub fn hint(&self, lang: Lang) -> &'static str {
        self.hint.map_or_else(|| self.describe(lang), |h| h(&lang.text().keymap))
    }

    /// The key shown in the footer: the first one, or a digit range (`0-4`).
    pub fn footer_key(&self, lang: Lang) -> String {
        let all = self.keys_label(lang);
        if all.contains('-') && !all.contains(' ') {
            all
        } else {
            self.keys.first().map(|k| k.label(lang)).unwrap_or_default()
        }
    }

    /// The keys joined for display: `e / Enter`; a run of digits as `0-5`.
    pub fn keys_label(&self, lang: Lang) -> String {
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
        self.keys.iter().map(|k| k.label(lang)).collect::<Vec<_>>().join(" / ")
    }
}

macro_rules! row {
    ($ctx:expr, [$($key:expr),+], $action:expr, $group:ident, $($text:ident).+ $([$i:literal])?, $footer:literal) => {
        Binding {
            ctx: $ctx,
            keys: const { &[$($key),+] },
            action: $action,
            group: Group::$group,
            text: |t| t.$($text).+ $([$i])?,
            footer: $footer,
            hint: None,
        }
    };
    ($ctx:expr, [$($key:expr),+], $action:expr, $group:ident, $($text:ident).+ $([$i:literal])?, ($($hint:ident).+)) => {
        Binding { hint: Some(|t| t.$($hint).+), ..row!($ctx, [$($key),+], $action, $group, $($text).+ $([$i])?, true) }
    };
}

/// A context's own row: `bind!(Grid | Crossed, [keys], action, group, text, footer or (hint))`.
macro_rules! bind {
    ($($ctx:ident)|+, $($rest:tt)+) => {
        Entry::Own(row!(&[$(Context::$ctx),+], $($rest)+))
    };
}

/// A row every view shares, and the other contexts named in brackets.
macro_rules! shared {
    ([$($ctx:ident),*], $($rest:tt)+) => {
        Entry::Shared(row!(&[$(Context::$ctx),*], $($rest)+))
    };
}

/// A shared row that some views do without.
macro_rules! without {
    ($($ctx:ident)|+, $action:expr) => {
        Entry::Without(&[$(Context::$ctx),+], $action)
    };
}

/// Every view: where the shared rows are bound. They are [`Context::ALL`]'s
/// entries from the grid to Seguimiento (after the browser, before the input
/// line and the overlays).
pub const VIEWS: &[Context] = {
    let (_, after_browser) = Context::ALL.as_slice().split_at(1);
    after_browser.split_at(12).0
};

/// A row of the default table as written: the base that every view shares,
/// and each view's overrides merged on top of it.
enum Entry {
    /// Bound in every view ([`VIEWS`]) and in the contexts the row names too.
    Shared(Binding),
    /// A context's own row. Where a shared row does the same action or uses
    /// one of its keys, this one takes its place in these contexts.
    Own(Binding),
    /// The shared row doing this action is not bound in these contexts.
    Without(&'static [Context], Action),
}

/// What takes a shared row's place, context by context: a view's own rows
/// (same action or key) and the `without!` entries.
struct Overrides<'a> {
    without: Vec<(&'a Action, Context)>,
    own_in: [Vec<&'a Binding>; Context::ALL.len()],
}

impl<'a> Overrides<'a> {
    /// Each context's own rows, found in one pass over the entries.
    fn of(entries: &'a [Entry]) -> Overrides<'a> {
        let mut without = Vec::new();
        let mut own_in: [Vec<&Binding>; Context::ALL.len()] = std::array::from_fn(|_| Vec::new());
        for entry in entries {
            match entry {
                Entry::Without(ctx, action) => without.extend(ctx.iter().map(|c| (action, *c))),
                Entry::Own(b) => {
                    for i in b.ctx.iter().filter_map(|c| place(*c)) {
                        own_in[i].push(b);
                    }
                }
                Entry::Shared(_) => {}
            }
        }
        Overrides { without, own_in }
    }

    /// Whether the shared row gives way in `ctx`.
    fn take(&self, shared: &Binding, ctx: Context) -> bool {
        self.without.contains(&(&shared.action, ctx))
            || place(ctx)
                .map_or(&[][..], |i| &self.own_in[i])
                .iter()
                .any(|b| b.action == shared.action || b.keys.iter().any(|k| shared.keys.contains(k)))
    }
}

/// Where `ctx` is in [`Context::ALL`].
fn place(ctx: Context) -> Option<usize> {
    Context::ALL.iter().position(|c| *c == ctx)
}

/// The table the entries make, in their order: each shared row is bound in
/// every view but those where a view's own row (same action or key) or a
/// `without!` takes its place.
fn merge(entries: &[Entry]) -> Vec<Binding> {
    let overrides = Overrides::of(entries);
    let bound_in = |b: &Binding| -> &'static [Context] {
        let ctx: Vec<Context> = VIEWS.iter().chain(b.ctx).copied().filter(|c| !overrides.take(b, *c)).collect();
        Box::leak(ctx.into_boxed_slice())
    };
    let mut table = Vec::with_capacity(entries.len());
    for entry in entries {
        match entry {
            Entry::Shared(b) => table.push(Binding { ctx: bound_in(b), ..b.clone() }),
            Entry::Own(b) => table.push(b.clone()),
            Entry::Without(..) => {}
        }
    }
    table
}

/// The rows of the default table bound in `ctx`, in its order, found without
/// merging the other contexts: the first frame's footer needs only its own
/// view's, and the whole merge (every shared row against every view) is most
/// of what the keymap costs before it. A shared row keeps its `ctx` as written.
/// Each context's rows are found once.
fn default_rows_of(ctx: Context) -> &'static [&'static Binding] {
    static ROWS: [std::sync::OnceLock<Vec<&'static Binding>>; Context::ALL.len()] =
        [const { std::sync::OnceLock::new() }; Context::ALL.len()];
    let find = || {
        let entries = entries();
        let overrides = Overrides::of(entries);
        entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Own(b) if b.ctx.contains(&ctx) => Some(b),
                Entry::Shared(b) if (VIEWS.contains(&ctx) || b.ctx.contains(&ctx)) && !overrides.take(b, ctx) => {
                    Some(b)
                }
                _ => None,
            })
            .collect()
    };
    match place(ctx) {
        Some(i) => ROWS[i].get_or_init(find),
        // Every context is in `Context::ALL`: never taken.
        None => &[],
    }
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

/// The whole default keymap: what every view shares, each view's own rows
/// merged on top. Order matters: it is the order of the footer and the help.
pub fn defaults() -> &'static [Binding] {
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| merge(entries()))
}

/// The default table as written: shared rows, each view's own rows, and what
/// some views do without.
#[rustfmt::skip]
fn entries() -> &'static [Entry] {
    use Action as A;
    use KeyCode as C;
    use RoomAction as R;
    use SalaAction as S;
    static ENTRIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        vec![
            // ---- The DAFO grid, the CAME view and the crossed matrix ----
            bind!(Grid, [k('a')], A::StartAdd, Capture, add, true),
            bind!(CameFactors | CameActions, [k('a')], A::StartAdd, Capture, add_action, (add_action_hint)),
            bind!(Crossed, [k('a')], A::StartAdd, Capture, add_strategy, (add_strategy_hint)),
            bind!(Grid | Crossed, [k('e'), code(C::Enter)], A::StartEdit, Capture, edit, true),
            bind!(CameFactors, [k('e'), code(C::Enter)], A::StartEdit, Capture, edit_factor, (edit_factor_hint)),
            bind!(CameActions, [k('e'), code(C::Enter)], A::StartEdit, Capture, edit_action, (edit_action_hint)),
            bind!(Grid | Crossed, [k('x'), code(C::Delete)], A::Delete, Capture, delete, false),
            bind!(CameFactors, [k('x'), code(C::Delete)], A::Delete, Capture, delete_factor, false),
            bind!(CameActions, [k('x'), code(C::Delete)], A::Delete, Capture, delete_action, false),
            bind!(CameActions, [k('v')], A::StartLink, Capture, link, (link_hint)),
            bind!(CameActions, [k('s')], A::CycleStatus, Capture, cycle_status, (cycle_status_hint)),
            bind!(CameActions, [k('f')], A::StartForm, Capture, form, (form_hint)),
            bind!(CameActions | PlanActions | PlanTray, [k('n')], A::PlaceInLine, Capture, quick.place_in_line, (quick.place_in_line_hint)),
            bind!(Weights, [k('w'), code(C::Enter)], A::StartEdit, Capture, weight, (weight_hint)),
            bind!(Weights, [k('0'), k('1'), k('2'), k('3'), k('4')], A::Rate(0), Capture, rate, (rate_hint)),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('1')], A::Focus(Quadrant::Strengths), Navigate, focus[0], false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('2')], A::Focus(Quadrant::Weaknesses), Navigate, focus[1], false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('3')], A::Focus(Quadrant::Opportunities), Navigate, focus[2], false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('4')], A::Focus(Quadrant::Threats), Navigate, focus[3], false),
            shared!([Present], [code(C::Tab)], A::NextQuadrant, Navigate, next_quadrant, false),
            without!(Follow, A::NextQuadrant),
            shared!([Present], [code(C::BackTab)], A::PrevQuadrant, Navigate, prev_quadrant, false),
            without!(Follow, A::PrevQuadrant),
            bind!(PlanTree | PlanActions | PlanTray | PlanChallenges | PlanIndicators | PlanBand, [code(C::Tab)], A::NextPane, Navigate, plan.next_pane, false),
            bind!(PlanTree | PlanActions | PlanTray | PlanChallenges | PlanIndicators | PlanBand, [code(C::BackTab)], A::PrevPane, Navigate, plan.prev_pane, false),
            shared!([Present, JoinMark], [k('k'), code(C::Up)], A::Up, Navigate, up, false),
            shared!([Present, JoinMark], [k('j'), code(C::Down)], A::Down, Navigate, down, false),
            shared!([Present], [k('h'), code(C::Left)], A::Left, Navigate, left, false),
            shared!([Present], [k('l'), code(C::Right)], A::Right, Navigate, right, false),
            shared!([Present, JoinMark], [k('g'), code(C::Home)], A::First, Navigate, first, false),
            shared!([Present, JoinMark], [k('G'), code(C::End)], A::Last, Navigate, last, false),
            bind!(Grid | CameFactors | CameActions | PlanTree | PlanChallenges | PlanIndicators | PlanBand, [k('K')], A::ShiftUp, Tidy, shift_up, false),
            bind!(Grid | CameFactors | CameActions | PlanTree | PlanChallenges | PlanIndicators | PlanBand, [k('J')], A::ShiftDown, Tidy, shift_down, false),
            bind!(Grid, [k('m')], A::StartMove, Tidy, start_move, (start_move_hint)),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('+')], A::Vote(1), Tidy, vote_up, false),
            bind!(Grid | CameFactors | CameActions | Crossed | Present, [k('-')], A::Vote(-1), Tidy, vote_down, false),
            bind!(Grid | CameFactors, [k('i')], A::StartImpact, Tidy, impact, false),
            bind!(Grid, [k('F')], A::CycleSource, Tidy, cycle_source, false),
            bind!(Grid, [k('f')], A::FilterTheme, Tidy, themes.filter, false),
            bind!(Grid | CameFactors | CameActions, [k('A')], A::TagThemes, Tidy, themes.tag, false),
            bind!(CameActions, [k('I')], A::TagImpacts, Tidy, themes.tag_impacts, false),
            // ---- Joining two factors (issue 24) ----
            bind!(Grid, [k('U')], A::StartJoin, Tidy, join.start, false),
            bind!(JoinMark, [code(C::Enter), k('U')], A::Submit, Tidy, join.here, (join.here_hint)),
            bind!(JoinWording, [k('1'), code(C::Enter)], A::JoinKeep(JoinKeep::Target), Tidy, join.keep_target, (join.keep_target_hint)),
            bind!(JoinWording, [k('2')], A::JoinKeep(JoinKeep::Other), Tidy, join.keep_other, (join.keep_other_hint)),
            bind!(JoinWording, [k('e')], A::StartEdit, Tidy, join.write, (join.write_hint)),
            bind!(Grid | CameFactors | CameActions | Crossed, [k('R')], A::KeepVersion, Tidy, keep_version, false),
            bind!(Grid | CameFactors, [k('o')], A::CycleSort, Tidy, sort, false),
            shared!([], [k('u')], A::Undo, Tidy, undo, true),
            shared!([], [ctrl('r')], A::Redo, Tidy, redo, false),
            shared!([], [k('c')], A::ShowCame, Session, show_came, (show_came_hint)),
            shared!([], [k('X')], A::ShowCrossed, Session, show_crossed, false),
            shared!([], [k('W')], A::ShowWeights, Session, show_weights, false),
            shared!([], [k('P')], A::ShowPlan, Session, show_plan, false),
            bind!(PlanTree, [k('A')], A::PlanAddAxis, Capture, plan_add_axis, (plan_add_axis_hint)),
            bind!(PlanTree, [k('a')], A::PlanAddLine, Capture, plan_add_line, (plan_add_line_hint)),
            bind!(PlanTree, [k('x'), code(C::Delete)], A::PlanDelete, Capture, plan_delete, false),
            bind!(PlanTray, [code(C::Enter)], A::PlanPlace, Capture, plan_place, (plan_place_hint)),
            bind!(PlanActions, [k('x'), code(C::Delete)], A::PlanTakeOut, Capture, plan_take_out, (plan_take_out_hint)),
            bind!(PlanTree, [k('e'), code(C::Enter)], A::StartEdit, Capture, plan.edit_tree, (plan.edit_hint)),
            bind!(PlanTree, [k('m')], A::StartMove, Tidy, plan.move_line, false),
            bind!(PlanTree | PlanActions, [k('v')], A::StartLink, Capture, plan.link_indicators, false),
            bind!(PlanActions | PlanTray, [k('f')], A::StartForm, Capture, plan.action_form, (plan.action_form_hint)),
            bind!(PlanActions, [k('e'), code(C::Enter)], A::StartEdit, Capture, plan.edit_action, false),
            bind!(PlanBand, [k('a')], A::StartAdd, Capture, plan.add_value, (plan.add_value_hint)),
            bind!(PlanBand, [k('e'), code(C::Enter)], A::StartEdit, Capture, plan.edit_band, (plan.edit_hint)),
            bind!(PlanBand, [k('x'), code(C::Delete)], A::Delete, Capture, plan.delete_band, false),
            bind!(PlanChallenges, [k('a')], A::StartAdd, Capture, plan.add_challenge, (plan.add_challenge_hint)),
            bind!(PlanChallenges, [k('e'), code(C::Enter)], A::StartEdit, Capture, plan.edit_challenge, (plan.edit_hint)),
            bind!(PlanChallenges, [k('v')], A::StartLink, Capture, plan.link_challenge, (plan.link_challenge_hint)),
            bind!(PlanChallenges, [k('x'), code(C::Delete)], A::Delete, Capture, plan.delete_challenge, false),
            bind!(PlanIndicators, [k('a')], A::StartAdd, Capture, plan.add_indicator, (plan.add_indicator_hint)),
            bind!(PlanIndicators, [k('e'), code(C::Enter)], A::StartEdit, Capture, plan.edit_indicator, (plan.edit_hint)),
            bind!(PlanIndicators, [k('x'), code(C::Delete)], A::Delete, Capture, plan.delete_indicator, false),
            bind!(PlanTree | PlanActions | PlanTray | PlanChallenges | PlanIndicators | PlanBand, [k('t')], A::ToggleSchedule, Session, toggle_schedule, (toggle_schedule_hint)),
            // ---- Seguimiento (S) ----
            shared!([], [k('S')], A::ShowFollow, Session, follow.show, false),
            bind!(Follow, [k('0'), k('1'), k('2'), k('3'), k('4')], A::Rate(0), Capture, follow.degree, (follow.degree_hint)),
            bind!(Follow, [k('+')], A::DegreeStep(5), Capture, follow.step_up, false),
            bind!(Follow, [k('-')], A::DegreeStep(-5), Capture, follow.step_down, false),
            bind!(Follow, [k('s')], A::CycleStatus, Capture, follow.status, (follow.status_hint)),
            bind!(Follow, [k('x')], A::FollowDrop, Capture, follow.drop, false),
            bind!(Follow, [k('n')], A::FollowNote, Capture, follow.note, (follow.note_hint)),
            bind!(Follow, [k('v'), code(C::Enter)], A::FollowValue, Capture, follow.value, (follow.value_hint)),
            bind!(Follow, [k('r')], A::FollowRecord, Capture, follow.record, (follow.record_hint)),
            shared!([], [k('M')], A::EditMeta, Session, plan.edit_meta, false),
            bind!(CameFactors | CameActions | Crossed, [k('L')], A::ToggleLabels, Session, toggle_labels, false),
            shared!([], [code(C::Esc)], A::Back, Session, back, false),
            without!(Grid, A::Back),
            shared!([], [k('y')], A::Copy, Session, copy, false),
            bind!(CameFactors | CameActions, [k('y')], A::Copy, Session, copy, (copy_hint)),
            shared!([], [k('Y')], A::CopyAs, Session, copy_as, false),
            shared!([], [ctrl('s')], A::Save, Session, save, false),
            shared!([], [k('?')], A::ToggleHelp, Session, help, true),
            shared!([], [k('q')], A::Quit, Session, quit_saved, (quit_hint)),
            // ---- Typing an item ----
            bind!(Input | ActionInput, [code(C::Enter)], A::Submit, Capture, submit_input, (submit_hint)),
            bind!(Input | ActionInput, [code(C::Esc)], A::Cancel, Capture, close, true),
            // A new CAME action's line moves to another factor without closing.
            bind!(ActionInput, [code(C::Tab)], A::NextTarget, Navigate, quick.target_next, (quick.other_factor)),
            bind!(ActionInput, [code(C::BackTab)], A::PrevTarget, Navigate, quick.target_prev, false),
            bind!(ActionInput, [ctrl('l')], A::PlaceInLine, Capture, quick.place_added, (quick.place_in_line_hint)),
            // ---- Choosing where to move an item ----
            bind!(MovePick, [k('1')], A::MoveTo(Quadrant::Strengths), Tidy, move_to[0], true),
            bind!(MovePick, [k('2')], A::MoveTo(Quadrant::Weaknesses), Tidy, move_to[1], true),
            bind!(MovePick, [k('3')], A::MoveTo(Quadrant::Opportunities), Tidy, move_to[2], true),
            bind!(MovePick, [k('4')], A::MoveTo(Quadrant::Threats), Tidy, move_to[3], true),
            bind!(MovePick | ImpactPick | Picker | Form | JoinMark | JoinWording, [code(C::Esc)], A::Cancel, Tidy, cancel, true),
            // ---- Impact 1-5 ----
            bind!(ImpactPick, [k('0'), k('1'), k('2'), k('3'), k('4'), k('5')], A::Rate(0), Tidy, impact_pick, (impact_pick_hint)),
            // ---- Picking factors from a list ----
            bind!(Form, [code(C::Up)], A::Up, Navigate, previous, false),
            bind!(Form, [code(C::Down)], A::Down, Navigate, next, false),
            // Letters (j and k too) go into the search: the list moves with arrows and Ctrl-n / Ctrl-p.
            bind!(Picker, [code(C::Up), ctrl('p')], A::Up, Navigate, previous, false),
            bind!(Picker, [code(C::Down), ctrl('n')], A::Down, Navigate, next, false),
            bind!(Picker, [k(' ')], A::Toggle, Capture, toggle, (toggle_hint)),
            bind!(Picker, [code(C::Enter)], A::Submit, Capture, submit_picker, (submit_hint)),
            bind!(Form, [code(C::Tab)], A::Down, Navigate, next_field, (next_field_hint)),
            bind!(Form, [code(C::BackTab)], A::Up, Navigate, prev_field, false),
            bind!(Form, [code(C::Enter)], A::Submit, Capture, submit_form, (submit_form_hint)),
            // ---- The file changed on disk while edits were unsaved ----
            bind!(Conflict, [k('r')], A::ReloadTheirs, Session, reload_theirs, (reload_theirs_hint)),
            bind!(Conflict, [k('o')], A::KeepMine, Session, keep_mine, (keep_mine_hint)),
            // ---- The plan's and the follow-up's git merge clashes ----
            bind!(PlanTree | PlanActions | PlanTray | PlanChallenges | PlanIndicators | PlanBand | Follow, [k('R')], A::ShowClashes, Tidy, clashes.show, false),
            bind!(Clashes, [k('1')], A::ClashHere, Tidy, clashes.keep_here, (clashes.keep_here_hint)),
            bind!(Clashes, [k('2')], A::ClashOther, Tidy, clashes.keep_other, (clashes.keep_other_hint)),
            bind!(Clashes, [k('3')], A::ClashBoth, Tidy, clashes.keep_both, (clashes.keep_both_hint)),
            bind!(Clashes, [k('e'), code(C::Enter)], A::StartEdit, Capture, clashes.edit, (clashes.edit_hint)),
            bind!(Clashes, [k('k'), code(C::Up)], A::Up, Navigate, previous, false),
            bind!(Clashes, [k('j'), code(C::Down)], A::Down, Navigate, next, false),
            bind!(Clashes, [code(C::Esc), k('q')], A::Cancel, Session, clashes.close, (clashes.close_hint)),
            // ---- Help overlay ----
            bind!(Help, [code(C::Esc), k('?'), k('q')], A::ToggleHelp, Session, close_help, true),
            bind!(Help, [k('j'), code(C::Down)], A::Down, Navigate, scroll_down, (scroll_down_hint)),
            bind!(Help, [k('k'), code(C::Up)], A::Up, Navigate, scroll_up, (scroll_up_hint)),
            // ---- Session browser ----
            bind!(Browser, [code(C::Enter)], A::Open, Session, open, true),
            bind!(Browser, [k('n')], A::NewSession, Session, new_session, true),
            bind!(Browser, [k('N')], A::NewSessionFrom, Session, new_session_from, (new_session_from_hint)),
            bind!(Browser, [k('k'), code(C::Up)], A::Up, Navigate, previous, false),
            bind!(Browser, [k('j'), code(C::Down)], A::Down, Navigate, next, false),
            bind!(Browser, [k('?')], A::ToggleHelp, Session, help, true),
            bind!(Browser, [k('q')], A::Quit, Session, quit, true),
            // ---- In the room (issue 6) ----
            shared!([], [k('p')], A::Room(R::TogglePresent), Room, present, false),
            bind!(Follow, [k('p')], A::Room(R::TogglePresent), Room, follow.present, false),
            bind!(Present, [k('p'), code(C::Esc)], A::Room(R::TogglePresent), Room, leave_present, (leave_present_hint)),
            shared!([Present], [k('z')], A::Room(R::ToggleZoom), Room, zoom, false),
            without!(Weights | Follow, A::Room(R::ToggleZoom)),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | Follow | Present, [k('T')], A::Room(R::CycleTimer), Room, timer, false),
            bind!(Grid | CameFactors | CameActions | Present, [k('V')], A::Room(R::ToggleVotes), Room, toggle_votes, false),
            bind!(Grid | CameFactors | CameActions | Crossed | Weights | Follow | Present | Browser, [k('t')], A::Room(R::CycleTheme), Room, cycle_theme, false),
            bind!(Present, [k('?')], A::ToggleHelp, Session, help, false),
            // ---- The room taking part (issue 28) ----
            bind!(Grid | CameFactors | CameActions | Crossed | Weights, [k('O')], A::Sala(S::Open), Room, sala.key_open, false),
            bind!(Sala, [k('a'), code(C::Enter)], A::Sala(S::Accept), Room, sala.key_accept, (sala.hint_accept)),
            bind!(Sala, [k('e')], A::Sala(S::Edit), Room, sala.key_edit, false),
            bind!(Sala, [k('J')], A::Sala(S::Join), Room, sala.key_join, false),
            bind!(Sala, [k('1')], A::Sala(S::Move(Quadrant::Strengths)), Room, sala.key_move, false),
            bind!(Sala, [k('2')], A::Sala(S::Move(Quadrant::Weaknesses)), Room, sala.key_move, false),
            bind!(Sala, [k('3')], A::Sala(S::Move(Quadrant::Opportunities)), Room, sala.key_move, false),
            bind!(Sala, [k('4')], A::Sala(S::Move(Quadrant::Threats)), Room, sala.key_move, false),
            bind!(Sala, [k('x'), code(C::Delete)], A::Sala(S::Reject), Room, sala.key_reject, false),
            bind!(Sala, [k('A')], A::Sala(S::AcceptAll), Room, sala.key_accept_all, false),
            bind!(Sala, [k('f')], A::Sala(S::Phase), Room, sala.key_phase, (sala.hint_phase)),
            bind!(Sala, [k('n')], A::Sala(S::Names), Room, sala.key_names, false),
            bind!(Sala, [k('+')], A::Sala(S::BudgetUp), Room, sala.key_budget_up, false),
            bind!(Sala, [k('-')], A::Sala(S::BudgetDown), Room, sala.key_budget_down, false),
            bind!(Sala, [k('*')], A::Sala(S::PerItem), Room, sala.key_per_item, false),
            bind!(Sala, [k('V')], A::Sala(S::Results), Room, sala.key_results, false),
            bind!(Sala, [k('b')], A::Sala(S::Ban), Room, sala.key_ban, false),
            bind!(Sala, [k('c')], A::Sala(S::Joining), Room, sala.key_joining, false),
            bind!(Sala, [k('S')], A::Sala(S::Stop), Room, sala.key_stop, false),
            bind!(Sala, [k('k'), code(C::Up)], A::Up, Navigate, up, false),
            bind!(Sala, [k('j'), code(C::Down)], A::Down, Navigate, down, false),
            bind!(Sala, [k('u')], A::Undo, Tidy, undo, false),
            bind!(Sala, [ctrl('r')], A::Redo, Tidy, redo, false),
            bind!(Sala, [code(C::Esc), k('O')], A::Back, Room, sala.key_back, true),
            bind!(Sala, [k('?')], A::ToggleHelp, Session, help, false),
            // ---- dafo merge --review: the possible pairs, one by one ----
            Entry::Own(review(const { &[k('y'), k('s')] }, ReviewStep::Accept, |t| t.merge.accept, |t| t.merge.hints[0])),
            Entry::Own(review(const { &[k('n')] }, ReviewStep::KeepApart, |t| t.merge.keep_apart, |t| t.merge.hints[1])),
            Entry::Own(review(const { &[k('u')] }, ReviewStep::UndoLast, |t| t.merge.undo_last, |t| t.merge.hints[2])),
            Entry::Own(review(const { &[k('q'), code(C::Esc)] }, ReviewStep::Finish, |t| t.merge.finish, |t| t.merge.hints[3])),
            Entry::Own(review(const { &[code(C::Tab)] }, ReviewStep::OtherWording, |t| t.join.other_wording, |t| t.join.other_wording_hint)),
        ]
    })
}

/// A binding of the merge review list, shown in its footer.
fn review(keys: &'static [Key], step: ReviewStep, text: Text, hint: Text) -> Binding {
    let action = Action::MergeReview(step);
    Binding { ctx: &[Context::MergeReview], keys, action, group: Group::Tidy, text, footer: true, hint: Some(hint) }
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
pub fn key_for(ctx: Context, action: &Action, lang: Lang) -> String {
    of_context(ctx)
        .find(|b| b.action == *action)
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_owned(), |k| k.label(lang))
}

/// The bindings shown in the footer of a context, in the table's order.
pub fn footer(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    // From `keys.ron`: its table; otherwise this context's rows of the defaults.
    let (table, rows): (&'static [Binding], &'static [&'static Binding]) = match ACTIVE.get() {
        Some(table) => (table, &[]),
        None => (&[], default_rows_of(ctx)),
    };
    table.iter().filter(move |b| b.ctx.contains(&ctx)).chain(rows.iter().copied()).filter(|b| b.footer)
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

    /// The footer asks only its own context's rows of the defaults: the same
    /// rows, in the same order, as the whole merged table has there.
    #[test]
    fn each_context_s_own_rows_are_the_merged_table_s() {
        for ctx in Context::ALL {
            let merged: Vec<_> = defaults().iter().filter(|b| b.ctx.contains(&ctx)).collect();
            let own = default_rows_of(ctx);
            let row = |b: &Binding| (b.action.clone(), b.keys, b.footer, b.hint(Lang::Es), b.describe(Lang::Es));
            assert_eq!(
                own.iter().map(|b| row(b)).collect::<Vec<_>>(),
                merged.iter().map(|b| row(b)).collect::<Vec<_>>(),
                "{ctx:?}"
            );
            let shown: Vec<_> = merged.iter().filter(|b| b.footer).map(|b| row(b)).collect();
            assert_eq!(footer(ctx).map(row).collect::<Vec<_>>(), shown, "{ctx:?}");
        }
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
    fn shared_rows_are_bound_in_every_view_unless_the_view_has_its_own() {
        let en = Lang::En;
        let row = |ctx: Context, action: Action| of_context(ctx).find(|b| b.action == action);
        assert_eq!((VIEWS.first(), VIEWS.last()), (Some(&Context::Grid), Some(&Context::Follow)));
        for &ctx in VIEWS {
            for action in [Action::Save, Action::Quit, Action::Undo, Action::ShowPlan, Action::CopyAs, Action::Up] {
                assert!(row(ctx, action.clone()).is_some(), "{action:?} in {ctx:?}");
            }
        }
        // A view's own row takes the shared one's place: its text, its hint.
        let copy = |ctx| row(ctx, Action::Copy).map(|b| b.hint(en));
        assert_ne!(copy(Context::CameActions), copy(Context::Grid));
        assert_eq!(of_context(Context::CameActions).filter(|b| b.action == Action::Copy).count(), 1);
        let tab = |ctx| row(ctx, Action::NextQuadrant).map(|b| b.describe(en));
        let next_pane = row(Context::PlanTree, Action::NextPane).map(|b| b.describe(en));
        assert_eq!(next_pane, Some(en.text().keymap.plan.next_pane), "the plan's Tab is its own");
        assert_eq!(tab(Context::PlanTree), None, "a key of a view's own row takes the shared one's place");
        assert_eq!(tab(Context::Grid), Some(en.text().keymap.next_quadrant));
        assert_eq!(tab(Context::Present), Some(en.text().keymap.next_quadrant), "presentation shares it too");
        let present = Action::Room(RoomAction::TogglePresent);
        assert_eq!(row(Context::Follow, present).map(|b| b.describe(en)), Some(en.text().keymap.follow.present));
        // Views can do without a shared row.
        assert_eq!(tab(Context::Follow), None);
        assert_eq!(lookup(Context::Grid, &press(KeyCode::Esc, KeyModifiers::NONE)), None);
        assert_eq!(lookup(Context::Weights, &press(KeyCode::Char('z'), KeyModifiers::NONE)), None);
        assert_eq!(lookup(Context::Crossed, &press(KeyCode::Esc, KeyModifiers::NONE)), Some(Action::Back));
    }

    #[test]
    fn every_context_has_a_footer() {
        for ctx in Context::ALL {
            assert!(footer(ctx).count() > 0, "{ctx:?}");
        }
    }
}
