//! Forms of one-line fields: the action form (owner, dates, resources, amount,
//! partners, indicator of a CAME action), an indicator and the session's
//! metadata (`meta_form.rs`). Keys move between fields and type; Enter checks
//! the fields changed since the form opened and applies them as one undo step,
//! or names the field to correct. A field left as it was writes nothing: what
//! is stored stays exactly as it is, even if another program changed it meanwhile.

use ratatui_textarea::TextArea;

use crate::domain::limits::ITEM_TEXT_MAX;

use super::action::Action;
use super::editor::Editor;
use super::overlay::Overlay;
use crate::domain::text::clean_text;
use crate::domain::{Came, CameAction, Edit, Euros, Session, YearAmount};
use crate::i18n::Lang;
use crate::i18n::locale::Unread;

/// What a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// The plan fields of the action with this ID, and the línea chosen for it.
    Action { came: Came, id: String, line: Option<String> },
    /// The indicator with this ID, or a new one.
    Indicator(Option<String>),
    /// Title, date, place, participants, group and horizon of the session.
    Meta,
}

impl FormKind {
    /// Whether both edit the same item (the línea chosen aside).
    pub fn same_item(&self, other: &FormKind) -> bool {
        match (self, other) {
            (FormKind::Action { came: a, id: x, .. }, FormKind::Action { came: b, id: y, .. }) => a == b && x == y,
            (a, b) => a == b,
        }
    }
}

/// The form's state: what it edits, its fields and the active one.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<TextArea<'static>>,
    pub active: usize,
    /// What the fields held when filled and when brought back: only the
    /// fields that differ from the first are applied.
    seen: Seen,
    /// The action's línea when the form was filled from the session.
    opened_line: Option<String>,
}

/// What a form's fields held when it was filled from the session, and, once
/// brought back from a draft, as they came back (`Esc` with them still so drops
/// the draft instead of keeping it again). Shared by [`Form`] and the year's
/// record form.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    opened: Vec<String>,
    restored: Option<Vec<String>>,
}

impl Seen {
    pub(super) fn new<'a>(fields: impl IntoIterator<Item = &'a TextArea<'static>>) -> Seen {
        Seen { opened: fields.into_iter().map(value_of).collect(), restored: None }
    }

    /// Whether field `i`, now `value`, differs from what it held when filled.
    pub(super) fn changed(&self, i: usize, value: &str) -> bool {
        self.opened.get(i).is_none_or(|o| o != value)
    }

    /// The form came back from a draft with these `values`.
    pub(super) fn mark_restored(&mut self, values: Vec<String>) {
        self.restored = Some(values);
    }

    /// Whether it came back from a draft and its `values` are still as they came back.
    pub(super) fn as_restored(&self, values: &[String]) -> bool {
        self.restored.as_deref() == Some(values)
    }

    /// Takes over `other`'s having come back from a draft (a form laid over a fresh one).
    pub(super) fn keep_restored(&mut self, other: Seen) {
        self.restored = other.restored;
    }
}

/// The action form's línea field: chosen in the línea picker, not typed.
pub const LINE_FIELD: usize = 8;
/// A funding source as read from its field, and the list to fix as the session's.
type Funding = (Option<String>, Option<Vec<String>>);

/// The action form's funding source field.
pub const FUNDING_FIELD: usize = 7;

/// A field holding `value`, the cursor at its end.
pub(super) fn field(value: Option<String>) -> TextArea<'static> {
    let mut t = TextArea::new(vec![value.unwrap_or_default()]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// Reads the partners field: entries between commas (or semicolons), except
/// that a partner of `stored` whose name holds a comma, written whole, stays
/// one partner (`Ayuntamiento, Área social`), so that the field shows every
/// stored list in a way that reads back the same.
pub fn read_partners(stored: &[String], text: &str) -> Vec<String> {
    let whole: Vec<&str> = stored.iter().map(String::as_str).filter(|p| p.contains([',', ';'])).collect();
    let ends_entry = |rest: &str| rest.trim_start().chars().next().is_none_or(|c| matches!(c, ',' | ';'));
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let name = whole
            .iter()
            .filter(|p| trimmed.starts_with(**p) && ends_entry(&trimmed[p.len()..]))
            .max_by_key(|p| p.len());
        let (entry, after) = match name {
            Some(name) => (*name, trimmed[name.len()..].trim_start()),
            None => match rest.find([',', ';']) {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            },
        };
        let entry = clean_text(entry);
        if !entry.is_empty() {
            out.push(entry);
        }
        // `after` is empty, or starts at the separator.
        match after.get(1..) {
            Some(next) => rest = next,
            None => return out,
        }
    }
}

/// The action sheet's one indicator field: the linked indicators, then the
/// free note (`I1, I2, Altas en el servicio`).
pub fn indicator_field(a: &CameAction) -> String {
    let mut parts = a.indicators.clone();
    parts.extend(a.indicator.clone().filter(|n| !n.trim().is_empty()));
    parts.join(", ")
}

/// Reads the indicator field: its leading entries that name an indicator of
/// `s` (or one the action already links, even deleted) are linked, each once;
/// the rest, as typed, is the note.
pub fn read_indicator_field(s: &Session, linked: &[String], text: &str) -> (Vec<String>, Option<String>) {
    let mut ids: Vec<String> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (entry, after) = match rest.find([',', ';']) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let id = entry.trim().to_uppercase();
        if !id.is_empty() && s.find_indicator(&id).is_none() && !linked.contains(&id) {
            break;
        }
        if !id.is_empty() && !ids.contains(&id) {
            ids.push(id);
        }
        rest = after;
    }
    let note = clean_text(rest);
    (ids, (!note.is_empty()).then_some(note))
}

impl Form {
    /// A form of `kind` filled with `fields`, as the session holds them now.
    pub(super) fn new(kind: FormKind, fields: Vec<TextArea<'static>>) -> Form {
        let seen = Seen::new(&fields);
        let opened_line = match &kind {
            FormKind::Action { line, .. } => line.clone(),
            FormKind::Indicator(_) | FormKind::Meta => None,
        };
        Form { kind, fields, active: 0, seen, opened_line }
    }

    /// Whether field `i` was changed since the form was filled (the línea
    /// field: whether another línea was chosen).
    pub fn changed(&self, i: usize) -> bool {
        match &self.kind {
            FormKind::Action { line, .. } if i == LINE_FIELD => *line != self.opened_line,
            _ => self.seen.changed(i, &self.value(i)),
        }
    }

    /// Whether any field was changed since the form was filled.
    pub fn touched(&self) -> bool {
        (0..self.fields.len()).any(|i| self.changed(i))
    }

    /// Whether words were typed in it: a changed field that is not empty (a
    /// form whose changes only clear fields keeps no draft, as an emptied
    /// input line keeps none).
    pub fn has_words(&self) -> bool {
        (0..self.fields.len()).any(|i| self.changed(i) && !self.value(i).is_empty())
    }

    /// This form's changes laid over `fresh`, the same form filled from the
    /// session as it is now: the fields changed here keep what was typed, the
    /// others show (and will keep) what is stored now.
    pub(super) fn rebased(self, mut fresh: Form) -> Form {
        if !self.kind.same_item(&fresh.kind) || self.fields.len() != fresh.fields.len() {
            return self;
        }
        for i in 0..self.fields.len() {
            if self.changed(i) {
                fresh.fields[i] = self.fields[i].clone();
            }
        }
        if let (FormKind::Action { line: mine, .. }, FormKind::Action { line: now, .. }) = (&self.kind, &mut fresh.kind)
            && *mine != self.opened_line
        {
            now.clone_from(mine);
        }
        fresh.active = self.active;
        fresh.seen.keep_restored(self.seen);
        fresh
    }

    /// Notes that the form came back from a draft, as it is now.
    pub(super) fn mark_restored(&mut self) {
        self.seen.mark_restored(self.values());
    }

    /// Whether it came back from a draft and nothing was changed in it since.
    pub fn as_restored(&self) -> bool {
        self.seen.as_restored(&self.values())
    }

    fn values(&self) -> Vec<String> {
        (0..self.fields.len()).map(|i| self.value(i)).collect()
    }

    /// What was typed in the changed fields, labelled, to be shown when it cannot be saved.
    pub(super) fn typed(&self, lang: Lang) -> String {
        let labels = self.labels(lang);
        (0..self.fields.len())
            .filter(|&i| self.changed(i))
            .map(|i| format!("{}: {}", labels.get(i).map_or("", String::as_str), self.value(i)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The action form of `a`, its amount written as `lang` writes money in tables (`1500,50`).
    pub fn of(came: Came, a: &CameAction, s: &crate::domain::Session, lang: Lang) -> Form {
        let amount = match a.budget.as_slice() {
            [] => a.amount.map(|e| lang.locale().money_plain(e.cents)),
            years => Some(crate::i18n::money_words::write_budget(lang.locale(), years)),
        };
        let fields = vec![
            field(a.owner.clone()),
            field(a.start.map(|d| lang.locale().date(d))),
            field(a.due.map(|d| lang.locale().date(d))),
            field(a.resources.clone()),
            field(amount),
            field(Some(a.partners.join(", "))),
            field(Some(indicator_field(a))),
            field(a.funding.clone()),
            field(Some(super::line_pick::line_field_text(s, a.line.as_deref()))),
        ];
        Form::new(FormKind::Action { came, id: a.id.clone(), line: a.line.clone() }, fields)
    }

    /// Shows the línea chosen in the línea field.
    pub(super) fn set_line_field(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(LINE_FIELD) {
            *f = field(Some(text.to_owned()));
        }
    }

    /// Field labels, in order.
    pub fn labels(&self, lang: Lang) -> Vec<String> {
        let (w, p) = (lang.text().plan_report, lang.plan_ui());
        let hint = |label: &str, hint: &str| format!("{label} ({hint})");
        match self.kind {
            FormKind::Action { .. } => vec![
                w.col_owner.to_owned(),
                hint(w.col_start, p.date_hint),
                hint(w.col_due, p.date_hint),
                w.col_resources.to_owned(),
                hint(lang.money().amount_label, lang.money().amount_hint),
                hint(w.col_partners, p.list_hint),
                hint(lang.indicator_words().field, lang.indicator_words().field_hint),
                lang.money().funding_label.to_owned(),
                hint(w.col_line, lang.text().quick.line_field_hint),
            ],
            FormKind::Indicator(_) => vec![
                w.col_name.to_owned(),
                w.col_unit.to_owned(),
                w.col_baseline.to_owned(),
                w.col_target.to_owned(),
                hint(w.col_direction, p.direction_hint),
                hint(lang.indicator_words().milestones, lang.indicator_words().milestones_hint),
            ],
            FormKind::Meta => {
                let m = p.meta_fields;
                vec![
                    m[0].to_owned(),
                    hint(m[1], p.date_hint),
                    m[2].to_owned(),
                    m[3].to_owned(),
                    m[4].to_owned(),
                    hint(w.horizon, p.horizon_hint),
                    lang.text().survey.process_columns[4].to_owned(),
                    lang.text().survey.process_columns[3].to_owned(),
                    lang.text().survey.by_sex.to_owned(),
                    lang.text().survey.by_age.to_owned(),
                    lang.money().sources_label.to_owned(),
                ]
            }
        }
    }

    /// The popup's title: what is edited.
    pub fn title(&self, lang: Lang) -> String {
        match &self.kind {
            FormKind::Action { id, .. } | FormKind::Indicator(Some(id)) => {
                format!("{} {}", lang.text().ui.form_for, lang.show_id(id))
            }
            FormKind::Indicator(None) => lang.plan_ui().new_indicator.to_owned(),
            FormKind::Meta => lang.plan_ui().meta_title.to_owned(),
        }
    }

    /// Whether field `i` takes one value (a date, an amount, a number, a
    /// horizon, counts) rather than text: a paste of several lines is refused
    /// ([`super::readline::pasted_lines`]).
    pub fn takes_one_value(&self, i: usize) -> bool {
        let fields: &[usize] = match self.kind {
            // Start, due, amount.
            FormKind::Action { .. } => &[1, 2, 4],
            // Baseline, target, hitos.
            FormKind::Indicator(_) => &[2, 3, 5],
            // Date, horizon, attendees, by sex, by age.
            FormKind::Meta => &[1, 5, 7, 8, 9],
        };
        fields.contains(&i)
    }

    /// The text of field `i`, cleaned as it will be stored.
    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(value_of).unwrap_or_default()
    }
}

/// Puts `value` in `slot` when there is one: a form's field that was changed.
pub(super) fn put<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

/// A field's text, cleaned as it will be stored.
pub(super) fn value_of(field: &TextArea<'static>) -> String {
    clean_text(&field.lines().join(" "))
}

impl Editor {
    /// The action form of the selected action of the CAME view.
    pub(super) fn open_form(&mut self) {
        let c = Came::of(self.focus());
        if let Some(i) = self.action_selection(c) {
            self.open_action_form(c, i);
        }
    }

    pub(super) fn open_action_form(&mut self, c: Came, i: usize) {
        if let Some(a) = self.session().actions(c).get(i) {
            let form = Form::of(c, a, self.session(), self.lang);
            self.push_form(form);
        }
    }

    /// Opens `fresh`, a form just filled from the session; a draft kept for
    /// the same item comes back over it.
    pub(super) fn push_form(&mut self, fresh: Form) {
        let form = match self.take_form_draft(&fresh.kind) {
            Some(draft) => {
                let mut form = draft.rebased(fresh);
                form.mark_restored();
                form
            }
            None => fresh,
        };
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// The form of `kind` filled from the session as it is now; `None` when
    /// its item is gone.
    pub(super) fn fresh_form(&self, kind: &FormKind) -> Option<Form> {
        let s = self.session();
        match kind {
            FormKind::Action { came, id, .. } => {
                let (c, i) = s.find_action(id).filter(|(c, _)| c == came)?;
                Some(Form::of(c, &s.actions(c)[i], s, self.lang))
            }
            FormKind::Indicator(None) => Some(self.indicator_form(None)),
            FormKind::Indicator(Some(id)) => s.find_indicator(id).map(|i| self.indicator_form(Some(i))),
            FormKind::Meta => Some(self.meta_form()),
        }
    }

    /// The session was replaced (a reload): each open form keeps what was
    /// typed in it, and its other fields show what is stored now.
    pub(super) fn refresh_forms(&mut self) {
        let fresh: Vec<Option<Overlay>> = self
            .overlays
            .iter()
            .map(|o| match o {
                Overlay::Form(f) => self.fresh_form(&f.kind).map(|x| Overlay::Form(Box::new(x))),
                Overlay::Record(r) => Some(Overlay::Record(Box::new(self.fresh_record(r.year)))),
                _ => None,
            })
            .collect();
        for (at, fresh) in fresh.into_iter().enumerate() {
            match (self.overlays.get_mut(at), fresh) {
                (Some(Overlay::Form(form)), Some(Overlay::Form(fresh))) => {
                    **form = form.as_ref().clone().rebased(*fresh)
                }
                (Some(Overlay::Record(form)), Some(Overlay::Record(fresh))) => {
                    **form = form.as_ref().clone().rebased(*fresh)
                }
                _ => {}
            }
        }
    }

    /// Keys in the form (taken out of the mode; put back unless it closes).
    pub(super) fn update_form(&mut self, mut form: Form, action: Action) {
        let n = form.fields.len().max(1);
        match action {
            Action::Up => form.active = (form.active + n - 1) % n,
            Action::Down => form.active = (form.active + 1) % n,
            // The línea field: a key that types opens the línea picker (with the
            // key as its search); deleting clears the línea.
            Action::TextKey(key) if super::line_pick::on_line_field(&form) => {
                use ratatui::crossterm::event::KeyCode;
                if let FormKind::Action { id, line, .. } = &mut form.kind {
                    if let Some(search) = super::line_pick::opens_picker(&key) {
                        let (id, current) = (id.clone(), line.clone());
                        self.overlays.push(Overlay::Form(Box::new(form)));
                        return self.pick_line(&id, current, &search);
                    }
                    if matches!(key.code, KeyCode::Backspace | KeyCode::Delete) {
                        *line = None;
                        form.set_line_field("");
                    }
                }
            }
            Action::Paste(_) if super::line_pick::on_line_field(&form) => {}
            // Every field holds at most an item's text (`domain::limits`).
            Action::TextKey(key) => {
                if let Some(f) = form.fields.get_mut(form.active)
                    && !super::readline::type_key_within(f, key, ITEM_TEXT_MAX)
                {
                    self.say((self.lang.text().limits.input_full)(ITEM_TEXT_MAX), true);
                }
            }
            // A field of one value takes one line; a field of text, the lines joined.
            Action::Paste(text) => {
                if !self.refuse_values(&text, form.takes_one_value(form.active))
                    && let Some(f) = form.fields.get_mut(form.active)
                    && !super::readline::paste_within(f, &super::readline::pasted_inline(&text), ITEM_TEXT_MAX)
                {
                    self.say((self.lang.text().limits.input_full)(ITEM_TEXT_MAX), true);
                }
            }
            // Nothing changed in a stored item's form: nothing to write (not even a cleaning).
            Action::Submit if !form.touched() && form.kind != FormKind::Indicator(None) => return,
            Action::Submit => {
                let result = match form.kind.clone() {
                    FormKind::Action { came, id, line } => self.submit_action_form(&form, came, &id, line),
                    FormKind::Indicator(id) => self.submit_indicator_form(&form, id.as_deref()),
                    FormKind::Meta => self.submit_meta_form(&form),
                };
                // A field that does not read: say why, keep the form open on it.
                if let Err((field, why)) = result {
                    self.say(why, true);
                    form.active = field;
                    self.overlays.push(Overlay::Form(Box::new(form)));
                }
                return;
            }
            // What was typed is kept as a draft (`u`, or the same form opened again, brings it back).
            Action::Cancel => return self.keep_form_draft(Overlay::Form(Box::new(form))),
            _ => {}
        }
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// A date field: empty is none; otherwise a date as the language writes it
    /// (what the form shows: `31/01/2027`, `2027-01-31`), or `YYYY-MM-DD` in any
    /// language, else the field's error.
    pub(super) fn date_field(&self, form: &Form, i: usize) -> Result<Option<jiff::civil::Date>, (usize, String)> {
        let text = form.value(i);
        if text.is_empty() {
            return Ok(None);
        }
        self.lang.locale().read_date_or(&text, self.lang.text().ui.bad_date).map(Some).map_err(|said| (i, said))
    }

    fn submit_action_form(
        &mut self,
        form: &Form,
        came: Came,
        id: &str,
        line: Option<String>,
    ) -> Result<(), (usize, String)> {
        // Only the fields changed are read and written: the others stay as stored.
        let changed = |i: usize| form.changed(i);
        let start = if changed(1) { Some(self.date_field(form, 1)?) } else { None };
        let due = if changed(2) { Some(self.date_field(form, 2)?) } else { None };
        let money = if changed(4) { Some(self.amount_field(&form.value(4))?) } else { None };
        let (funding, sources) = match changed(FUNDING_FIELD) {
            true => self.funding_field(&form.value(FUNDING_FIELD)).map(|(f, s)| (Some(f), s))?,
            false => (None, None),
        };
        let Some((c, i)) = self.session().find_action(id).filter(|(c, _)| *c == came) else {
            self.form_target_gone(form, id);
            return Ok(());
        };
        let s = self.session();
        let old = &s.actions(c)[i];
        // A due date before the start, as either is changed, is refused on the due date's field.
        if (start.is_some() || due.is_some())
            && let (Some(from), Some(to)) = (start.unwrap_or(old.start), due.unwrap_or(old.due))
            && to < from
        {
            let l = self.lang.locale();
            return Err((2, (self.lang.text().ui.due_before_start)(&l.date(to), &l.date(from))));
        }
        let text = |i: usize| changed(i).then(|| form.value(i));
        let (owner, resources) = (text(0), text(3));
        let partners = text(5).map(|t| read_partners(&old.partners, &t));
        let indicators = text(6).map(|t| read_indicator_field(s, &old.indicators, &t));
        // A línea deleted while the form was open is not written: the action keeps its own.
        let line_gone = line.as_deref().is_some_and(|l| s.find_line(l).is_none());
        let line = (changed(LINE_FIELD) && !line_gone).then_some(line);
        let budget = money.as_ref().map(|(_, b)| b.clone()).unwrap_or_default();
        let edit = s.change_action(c, i, |a| {
            put(&mut a.owner, owner.map(Some));
            put(&mut a.start, start);
            put(&mut a.due, due);
            put(&mut a.resources, resources.map(Some));
            if let Some((amount, budget)) = money {
                a.amount = amount;
                a.budget = budget;
            }
            put(&mut a.funding, funding);
            put(&mut a.partners, partners);
            if let Some((indicators, note)) = indicators {
                a.indicators = indicators;
                a.indicator = note;
            }
            put(&mut a.line, line);
        });
        let Some(edit) = edit else { return Ok(()) };
        // A source first chosen from the language's list fixes the session's list.
        let edit = match sources {
            Some(list) => Edit::Batch([self.session().set_funding(&list), Some(edit)].into_iter().flatten().collect()),
            None => edit,
        };
        if self.apply(edit) && !budget.is_empty() {
            let l = self.lang.locale();
            let total = budget.iter().map(|y| y.amount.cents).sum();
            let shown = crate::i18n::money_words::show_budget(l, &budget);
            self.say((self.lang.money().understood)(&shown, &l.money(total)), false);
        }
        Ok(())
    }

    /// Enter on a form whose item is gone (deleted outside dafo while it was
    /// open): nothing is saved, and what was typed is shown whole.
    pub(super) fn form_target_gone(&mut self, form: &Form, id: &str) {
        if !form.touched() {
            return;
        }
        let typed = form.typed(self.lang);
        self.target_gone(id, None, &typed);
    }

    /// The amount field: a total (`12.000`) or amounts per year (`2026: 1.500;
    /// 2027: 2.000`), read in the session's language. Per-year amounts must fall
    /// inside the horizon.
    fn amount_field(&self, text: &str) -> Result<(Option<Euros>, Vec<YearAmount>), (usize, String)> {
        use crate::i18n::money_words::{BudgetUnread, read_budget};
        let field = 4;
        if text.is_empty() {
            return Ok((None, Vec::new()));
        }
        if !text.contains([':', '=']) {
            let bad = || (field, format!("{}: {text}", self.lang.plan_ui().bad_amount));
            let euros = self.lang.locale().read_money(text).map_err(|e| match e {
                Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => (field, msg),
                Unread::NotANumber => bad(),
            })?;
            return Ok((Some(Euros::try_from(euros).map_err(|_| bad())?), Vec::new()));
        }
        let budget = read_budget(self.lang.locale(), text).map_err(|e| match e {
            BudgetUnread::Ambiguous(m) => (field, m),
            BudgetUnread::Part(p) => (field, (self.lang.money().bad_year_amount)(&p)),
        })?;
        if let Some(h) = self.session().meta.horizon
            && let Some(y) = budget.iter().find(|y| !(h.start..=h.end).contains(&y.year))
        {
            let outside = crate::domain::ReviewError::OutsideHorizon { year: y.year, horizon: h };
            return Err((field, self.lang.text().review_errors.of(&outside)));
        }
        Ok((None, budget))
    }

    /// The funding field: one of the session's sources (else the language's
    /// list), as written or by the start of its name (`fea` is FEADER), any
    /// case and accents; empty is none. With it, the language's list when the
    /// session has none yet, to be fixed as the session's.
    fn funding_field(&self, text: &str) -> Result<Funding, (usize, String)> {
        use crate::i18n::fold;
        if text.is_empty() {
            return Ok((None, None));
        }
        let s = self.session();
        let list = s.funding_sources(self.lang.money().default_funding);
        let typed = fold(text);
        let exact = list.iter().find(|n| fold(n) == typed);
        let starts: Vec<&str> = list.iter().copied().filter(|n| fold(n).starts_with(&typed)).collect();
        let name = match (exact, starts.as_slice()) {
            (Some(n), _) => n.to_string(),
            (None, [n]) => n.to_string(),
            _ => return Err((FUNDING_FIELD, (self.lang.money().not_a_source)(text, &list.join("; ")))),
        };
        let fix = s.funding.is_empty().then(|| list.iter().map(|n| n.to_string()).collect());
        Ok((Some(name), fix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indicator_field_links_ids_and_keeps_the_rest_as_the_note() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        for id in ["I1", "I2"] {
            s.indicators.push(crate::domain::Indicator {
                id: id.into(),
                name: "n".into(),
                unit: None,
                baseline: None,
                target: None,
                direction: crate::domain::Direction::Up,
                milestones: Vec::new(),
            });
        }
        let read = |t: &str| read_indicator_field(&s, &["I9".to_owned()], t);
        assert_eq!(read("I1, i2; Altas, bajas"), (vec!["I1".into(), "I2".into()], Some("Altas, bajas".into())));
        assert_eq!(read("I2, I2"), (vec!["I2".into()], None));
        // An old free text stays the note, word for word, even if it names an ID later on.
        assert_eq!(read("Altas en el servicio, I1"), (vec![], Some("Altas en el servicio, I1".into())));
        assert_eq!(read("I9, nota"), (vec!["I9".into()], Some("nota".into())), "a deleted link stays linked");
        assert_eq!(read(""), (vec![], None));
        let mut a = CameAction::new("C1", "x", Vec::new());
        a.indicators = vec!["I1".into()];
        a.indicator = Some("Altas".into());
        assert_eq!(indicator_field(&a), "I1, Altas");
        assert_eq!(read(&indicator_field(&a)), (a.indicators.clone(), a.indicator.clone()));
    }

    #[test]
    fn partners_with_a_comma_read_back_as_one() {
        let stored: Vec<String> = vec!["Ayuntamiento, Área social".into(), "Cruz Roja".into(), "A; B".into()];
        assert_eq!(read_partners(&stored, &stored.join(", ")), stored);
        // Typed around them, new ones split at commas as always.
        assert_eq!(
            read_partners(&stored, "Cáritas,Ayuntamiento, Área social ; Universidad, Área social"),
            vec!["Cáritas", "Ayuntamiento, Área social", "Universidad", "Área social"]
        );
        assert_eq!(read_partners(&[], "Cruz Roja, Cáritas; ,Universidad"), vec!["Cruz Roja", "Cáritas", "Universidad"]);
        assert_eq!(
            read_partners(&stored, "Ayuntamiento, Área social mayor"),
            vec!["Ayuntamiento", "Área social mayor"]
        );
        assert!(read_partners(&stored, " , ").is_empty());
    }
}
