//! Never lose a word, drafts included: what `Esc` on an input line or a form
//! keeps, what undo and redo say they did, and the sorted view's refusal to move items.

use super::action::Action;
use super::editor::{Editor, Input, InputTarget, Mode, Sort, View};
use super::follow_form::RecordForm;
use super::form::{Form, FormKind};
use super::overlay::Overlay;
use super::plan_edit::PlanText;
use crate::domain::text::display_safe;
use crate::domain::{Edit, ListOp, PlanEdit, Quadrant, ReviewEdit, Session, Statement};

/// Words typed on an input line, or in a form, closed with `Esc`, and where they were typed.
#[derive(Debug, Clone)]
pub struct Draft {
    view: View,
    focus: Quadrant,
    kept: Kept,
    /// Whether `u` brings it back: only in its own view, and only until the
    /// next edit (then `u` undoes that edit; the draft still waits on its line,
    /// or in its form).
    by_undo: bool,
}

/// What a draft holds.
#[derive(Debug, Clone)]
enum Kept {
    /// The words of an input line for this target.
    Line(InputTarget, String),
    /// A form with the fields changed in it (the others are filled again from
    /// the session when it comes back).
    Form(Box<Form>),
    /// A year's review record form, the same way.
    Record(Box<RecordForm>),
}

impl Draft {
    /// Whether an input line for `target` opened at `view`/`focus` is the draft's place.
    fn fits(&self, view: View, focus: Quadrant, target: &InputTarget, session: &Session) -> bool {
        let Kept::Line(kept, _) = &self.kept else { return false };
        let same_target = match (kept, target) {
            // A new action's links follow the cursor; the place is the quadrant.
            (InputTarget::AddAction(_), InputTarget::AddAction(_)) => true,
            (InputTarget::AddStrategy(a, _), InputTarget::AddStrategy(b, _)) => a == b,
            // A valor has no ID: the draft is for the valor it was typed for, wherever it is now.
            (InputTarget::PlanText(PlanText::Value(Some(a))), InputTarget::PlanText(PlanText::Value(Some(b)))) => {
                a.find(&session.values).is_some_and(|i| b.find(&session.values) == Some(i))
            }
            (a, b) => a == b,
        };
        same_target && self.view == view && self.focus == focus
    }

    /// Whether `other` was kept in this draft's place: the same input line, the
    /// same item's form, the same year's record.
    fn same_place(&self, other: &Draft, session: &Session) -> bool {
        match (&self.kept, &other.kept) {
            (Kept::Line(target, _), Kept::Line(..)) => other.fits(self.view, self.focus, target, session),
            (Kept::Form(a), Kept::Form(b)) => a.kind.same_item(&b.kind),
            (Kept::Record(a), Kept::Record(b)) => a.year == b.year,
            _ => false,
        }
    }

    /// Whether `u` in `view` reopens this draft rather than undoing an edit.
    pub(super) fn undo_restores(&self, view: View) -> bool {
        self.by_undo && self.view == view
    }

    /// An edit was made after the draft was kept: `u` now undoes edits.
    pub(super) fn settle(&mut self) {
        self.by_undo = false;
    }
}

impl Editor {
    /// `Esc` on an input line: words typed are kept as a draft, and the message says how to get them back.
    pub(super) fn keep_draft(&mut self, input: Input) {
        let text = input.value();
        if text.trim().is_empty() || self.unchanged(&input.target, &text) {
            return;
        }
        self.keep(Kept::Line(input.target, text));
    }

    /// `Esc` on a form (`overlay`, a form or a record): the fields changed are
    /// kept as a draft, and the message says how to get them back. A form with
    /// no words typed in it (left as it opened, or only cleared) keeps nothing
    /// and says nothing, as an input line. A draft brought back and closed
    /// again unchanged is dropped, and the message says so: the next `u` undoes.
    pub(super) fn keep_form_draft(&mut self, overlay: Overlay) {
        let kept = match overlay {
            Overlay::Form(form) if form.as_restored() => None,
            Overlay::Record(form) if form.as_restored() => None,
            Overlay::Form(form) if form.has_words() => Some(Kept::Form(form)),
            Overlay::Record(form) if form.has_words() => Some(Kept::Record(form)),
            _ => return,
        };
        match kept {
            Some(kept) => self.keep(kept),
            None => self.say(self.lang.text().meeting.draft_dropped.to_owned(), false),
        }
    }

    /// Keeps `kept` as the newest draft. One kept earlier for the same place
    /// (the same line, the same item's form, the same year's record) is
    /// replaced: these words were typed over it. A draft of another place
    /// stays, for its own line or form (it was lost so before).
    fn keep(&mut self, kept: Kept) {
        let (view, focus) = (self.views.showing, self.views.focus);
        let draft = Draft { view, focus, kept, by_undo: true };
        let session = &self.doc.session;
        self.drafts.retain(|d| !d.same_place(&draft, session));
        self.drafts.push(draft);
        let key = super::keymap::key_for(self.view_context(), &Action::Undo, self.lang);
        self.say((self.lang.text().meeting.draft_kept)(&key), false);
    }

    /// The newest draft that `found` picks, taken out of the drafts.
    fn take_where(&mut self, found: impl Fn(&Draft) -> bool) -> Option<Kept> {
        let i = self.drafts.iter().rposition(found)?;
        Some(self.drafts.remove(i).kept)
    }

    /// The form draft kept for the item of `kind`, if any.
    pub(super) fn take_form_draft(&mut self, kind: &FormKind) -> Option<Form> {
        match self.take_where(|d| matches!(&d.kept, Kept::Form(form) if form.kind.same_item(kind)))? {
            Kept::Form(form) => Some(*form),
            _ => None,
        }
    }

    /// The record form draft kept for `year`, if any.
    pub(super) fn take_record_draft(&mut self, year: i16) -> Option<RecordForm> {
        match self.take_where(|d| matches!(&d.kept, Kept::Record(form) if form.year == year))? {
            Kept::Record(form) => Some(*form),
            _ => None,
        }
    }

    /// Enter on an edit line whose item is gone (changed outside dafo while it was
    /// open): the words typed are never dropped. They stay on a line for a new item
    /// in the same place, or, with no such line, are shown whole.
    pub(super) fn target_gone(&mut self, id: &str, new_item: Option<InputTarget>, text: &str) {
        self.words_kept(&self.lang.show_id(id), new_item, text);
    }

    /// [`Editor::target_gone`] for an item named by `shown` (a valor, which has no ID).
    pub(super) fn words_kept(&mut self, shown: &str, new_item: Option<InputTarget>, text: &str) {
        let m = &self.lang.text().meeting;
        match new_item {
            Some(target) => {
                let msg = (m.gone_kept_on_line)(shown);
                // Straight to the line: a draft kept for that place must not replace these words.
                self.mode = Mode::Input(Input::new(target, text));
                self.say(msg, true);
            }
            None => {
                let msg = (m.gone_not_saved)(shown, &display_safe(text));
                self.say(msg, true);
            }
        }
    }

    /// Whether an edit line holds what is already stored (nothing to keep),
    /// written as the line shows it when opened (a value `4,5` in Spanish, not
    /// `4.5`): what differs from that is what was typed.
    fn unchanged(&self, target: &InputTarget, text: &str) -> bool {
        let s = self.session();
        let stored = match target {
            InputTarget::Edit(id) => s.find_factor(id).map(|(q, i)| s.factors(q)[i].text.clone()),
            InputTarget::EditAction(id) => s.find_action(id).map(|(c, i)| s.actions(c)[i].text.clone()),
            InputTarget::EditStrategy(id) => s.strategies.iter().find(|x| x.id == *id).map(|x| x.text.clone()),
            InputTarget::Weight(id) => {
                s.find_factor(id).map(|(q, i)| super::views::weight_line(self.lang, &s.factors(q)[i]))
            }
            InputTarget::PlanText(t) => t.stored(s),
            InputTarget::JoinText(_, into) => s.find_factor(into).map(|(q, i)| s.factors(q)[i].text.clone()),
            InputTarget::FollowNote(id, year) => {
                Some(s.action_review(id, *year).and_then(|r| r.note.clone()).unwrap_or_default())
            }
            InputTarget::FollowValue(id, year) => Some(super::follow::value_text(self.lang, s, id, *year)),
            InputTarget::FollowMoney(id, year) => Some(super::follow::money_text(self.lang, s, id, *year)),
            InputTarget::Add
            | InputTarget::AddAction(_)
            | InputTarget::AddStrategy(..)
            | InputTarget::PlanAdd(_)
            | InputTarget::Clash(_)
            | InputTarget::SalaItem(_) => None,
        };
        stored.is_some_and(|t| t.trim() == text.trim())
    }

    /// The draft's words, if an input line for `target` opens where it was typed.
    pub(super) fn take_draft(&mut self, target: &InputTarget) -> Option<String> {
        let (view, focus) = (self.views.showing, self.views.focus);
        let i = self.drafts.iter().rposition(|d| d.fits(view, focus, target, self.session()))?;
        match self.drafts.remove(i).kept {
            Kept::Line(_, text) => Some(text),
            _ => None,
        }
    }

    /// `u` with a draft kept: its input line or form opens again, where it was
    /// typed; a form's untouched fields show what is stored now.
    pub(super) fn restore_draft(&mut self) {
        let Some(d) = self.drafts.pop() else { return };
        self.views.showing = d.view;
        self.views.focus = d.focus;
        match d.kept {
            Kept::Line(target, text) => self.mode = Mode::Input(Input::new(target, &text)),
            Kept::Form(form) => {
                let mut form = match self.fresh_form(&form.kind) {
                    Some(fresh) => form.rebased(fresh),
                    None => *form,
                };
                form.mark_restored();
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            Kept::Record(form) => {
                let fresh = self.fresh_record(form.year);
                let mut form = form.rebased(fresh);
                form.mark_restored();
                self.overlays.push(Overlay::Record(Box::new(form)));
            }
        }
    }

    /// The name of the display order when it is not the facilitator's own.
    pub fn sort_name(&self) -> Option<&'static str> {
        let marks = &self.lang.text().meeting.sort_marks;
        match self.views.factors.sort {
            Sort::Own => None,
            Sort::Votes => Some(marks[0]),
            Sort::Impact => Some(marks[1]),
        }
    }

    /// What the next undo (or redo) does, in the words of the change it takes
    /// back: "añadir D7 Falta de locales…".
    pub(super) fn describe_next(&self, undo: bool) -> String {
        let kinds = &self.lang.text().meeting.edit_kinds;
        let Some(edit) = self.doc.next_step(undo) else { return String::new() };
        let s = self.session();
        // Keeping one version of a factor a git merge left twice (`R`) has a
        // join's shape: named as the clash it resolves.
        if let Some(kept) = s.kept_version(edit) {
            return format!("{} {}", self.lang.clashes().undo_kind, self.shown_id(&kept));
        }
        if let Some((gone, kept)) = crate::domain::join::joined_ids(edit, s) {
            return (self.lang.join_text().undo_name)(&self.shown_id(&gone), &self.shown_id(&kept));
        }
        let label = |id: &str, text: &str| self.item_label(id, text);
        // On the undo stack, a removal takes back an addition; on the redo stack it repeats a deletion.
        let (added, deleted) = if undo { (kinds[0], kinds[1]) } else { (kinds[1], kinds[0]) };
        let describe = |kind: &str, item: Option<String>| match item {
            Some(item) => format!("{kind} {item}"),
            None => kind.to_owned(),
        };
        match edit {
            Edit::Factor(q, op) => match op {
                ListOp::Remove(i) => describe(added, s.factors(*q).get(*i).map(|f| label(&f.id, &f.text))),
                ListOp::Insert(_, f) => describe(deleted, Some(label(&f.id, &f.text))),
                ListOp::Replace(_, f) => describe(kinds[2], Some(label(&f.id, &f.text))),
            },
            Edit::Action(c, op) => match op {
                ListOp::Remove(i) => describe(added, s.actions(*c).get(*i).map(|a| label(&a.id, &a.text))),
                ListOp::Insert(_, a) => describe(deleted, Some(label(&a.id, &a.text))),
                ListOp::Replace(_, a) => describe(kinds[2], Some(label(&a.id, &a.text))),
            },
            Edit::Strategy(op) => match op {
                ListOp::Remove(i) => describe(added, s.strategies.get(*i).map(|x| label(&x.id, &x.text))),
                ListOp::Insert(_, x) => describe(deleted, Some(label(&x.id, &x.text))),
                ListOp::Replace(_, x) => describe(kinds[2], Some(label(&x.id, &x.text))),
            },
            // Resolving a git merge clash: named by its entry.
            Edit::Clash(op) => describe(self.lang.clashes().undo_kind, self.clash_of(op)),
            Edit::Batch(edits) if edits.iter().any(|e| matches!(e, Edit::Clash(_))) => {
                let item = edits.iter().find_map(|e| if let Edit::Clash(op) = e { self.clash_of(op) } else { None });
                describe(self.lang.clashes().undo_kind, item)
            }
            Edit::Review(r) => describe(kinds[2], self.review_label(r)),
            // A seguimiento step (a degree with the status it brings, the action's
            // status included; or a note) is one change of one review.
            Edit::Batch(edits) if edits.iter().any(|e| matches!(e, Edit::Review(_))) => {
                let item = edits.iter().find_map(|e| if let Edit::Review(r) = e { self.review_label(r) } else { None });
                describe(kinds[2], item)
            }
            Edit::Meta(_) => describe(kinds[2], Some(self.lang.plan_ui().undo_meta.to_owned())),
            Edit::Plan(p) => {
                let (kind, item) = self.plan_label(p, added, deleted);
                describe(kind, item)
            }
            // Deleting a línea or an eje with what it held: named by the eje or línea.
            Edit::Batch(edits) if edits.iter().any(|e| matches!(e, Edit::Plan(_))) => {
                let rank = |p: &PlanEdit| match p {
                    PlanEdit::Axis(_) => 0,
                    PlanEdit::Line(_) => 1,
                    _ => 2,
                };
                let plans = edits.iter().filter_map(|e| if let Edit::Plan(p) = e { Some(p) } else { None });
                // A move or a reorder (`m`, `J`/`K`) takes an eje or línea out and
                // puts it back elsewhere: a change, not an addition or a deletion.
                let op_kind = |p: &PlanEdit| match p {
                    PlanEdit::Axis(ListOp::Insert(..)) | PlanEdit::Line(ListOp::Insert(..)) => Some((rank(p), true)),
                    PlanEdit::Axis(ListOp::Remove(_)) | PlanEdit::Line(ListOp::Remove(_)) => Some((rank(p), false)),
                    _ => None,
                };
                let ops: Vec<(u8, bool)> = plans.clone().filter_map(op_kind).collect();
                let moved = ops.iter().any(|&(r, ins)| ins && ops.contains(&(r, false)));
                match plans.min_by_key(|p| rank(p)) {
                    Some(p) => {
                        let (kind, item) = self.plan_label(p, added, deleted);
                        describe(if moved { kinds[2] } else { kind }, item)
                    }
                    None => kinds[3].to_owned(),
                }
            }
            // The version on screen before a reload of an outside change.
            Edit::Whole(_) => self.lang.text().meeting.edit_reload.to_owned(),
            Edit::Batch(_) => kinds[3].to_owned(),
        }
    }

    /// An item as an undo or redo names it: its ID as shown, then the start of its words.
    fn item_label(&self, id: &str, text: &str) -> String {
        format!("{} {}", self.shown_id(id), short(text))
    }

    /// The kind of change a plan edit on the undo (or redo) stack takes back
    /// (`added`/`deleted` as [`Editor::describe_next`] chose them), and what it is about.
    fn plan_label(
        &self,
        edit: &PlanEdit,
        added: &'static str,
        deleted: &'static str,
    ) -> (&'static str, Option<String>) {
        let kinds = &self.lang.text().meeting.edit_kinds;
        let s = self.session();
        let label = |id: &str, text: &str| self.item_label(id, text);
        fn op<T: Clone>(
            op: &ListOp<T>,
            list: &[T],
            kinds: (&'static str, &'static str, &'static str),
            name: impl Fn(&T) -> String,
        ) -> (&'static str, Option<String>) {
            let kind = match op {
                ListOp::Remove(_) => kinds.0,
                ListOp::Insert(..) => kinds.1,
                ListOp::Replace(..) => kinds.2,
            };
            (kind, touched(op, list).map(|x| name(&x)))
        }
        let k = (added, deleted, kinds[2]);
        match edit {
            PlanEdit::Statement(which, _) => {
                let words = self.lang.text().plan_report;
                let name = match which {
                    Statement::Mission => words.mission,
                    Statement::Vision => words.vision,
                };
                (kinds[2], Some(name.to_owned()))
            }
            PlanEdit::Value(o) => op(o, &s.values, k, |v| short(v)),
            PlanEdit::Challenge(o) => op(o, &s.challenges, k, |x| label(&x.id, &x.text)),
            PlanEdit::Axis(o) => op(o, &s.axes, k, |x| label(&x.id, &x.text)),
            PlanEdit::Line(o) => op(o, &s.lines, k, |x| label(&x.id, &x.text)),
            PlanEdit::Indicator(o) => op(o, &s.indicators, k, |x| label(&x.id, &x.name)),
            PlanEdit::Funding(o) => op(o, &s.funding, k, |v| short(v)),
        }
    }

    /// The entry a clash edit on the undo (or redo) stack is about.
    fn clash_of(&self, op: &crate::domain::ListOp<crate::domain::Clash>) -> Option<String> {
        use crate::domain::ListOp;
        let key = match op {
            ListOp::Insert(_, c) | ListOp::Replace(_, c) => c.key(),
            ListOp::Remove(i) => self.session().clashes.get(*i)?.key(),
        };
        Some(self.clash_label(&key))
    }

    /// What a review edit is about, as the seguimiento shows it: `C3 2024`, `I1 2025`, `2024`.
    fn review_label(&self, edit: &ReviewEdit) -> Option<String> {
        let s = self.session();
        match edit {
            ReviewEdit::Action(op) => {
                touched(op, &s.reviews).map(|r| format!("{} {}", self.shown_id(&r.action), r.year))
            }
            ReviewEdit::Year(op) => touched(op, &s.review_years).map(|y| y.year.to_string()),
            ReviewEdit::Value(op) => {
                touched(op, &s.indicator_values).map(|v| format!("{} {}", self.shown_id(&v.indicator), v.year))
            }
        }
    }
}

/// The item a list edit is about: the one it puts in, or the one it takes out of `list`.
fn touched<T: Clone>(op: &ListOp<T>, list: &[T]) -> Option<T> {
    match op {
        ListOp::Insert(_, x) | ListOp::Replace(_, x) => Some(x.clone()),
        ListOp::Remove(i) => list.get(*i).cloned(),
    }
}

/// The start of an item's text, enough to recognise it on the status line.
pub(super) fn short(text: &str) -> String {
    const MAX: usize = 32;
    let text = display_safe(text);
    if text.chars().count() <= MAX {
        return text.into_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    // At a word boundary when there is one.
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_owned();
    format!("{cut}…")
}
