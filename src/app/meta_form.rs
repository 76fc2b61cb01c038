//! The indicator form (name, unit, baseline, target, direction) and the
//! session's metadata form (`M`: title, date, place, participants, group,
//! horizon, and the technique and attendees of the session's own meeting), each applied as one undo step.

use super::editor::Editor;
use super::form::{Form, FormKind, field, put};
use super::overlay::Overlay;
use crate::domain::meetings::{self, Meeting};
use crate::domain::text::clean_text;
use crate::domain::{Direction, Horizon, Indicator};
use crate::i18n::locale::Unread;

/// `up`/`down`/`keep` in any language, or an arrow or sign.
fn parse_direction(text: &str) -> Option<Direction> {
    let t = text.trim().to_lowercase();
    if t.is_empty() || matches!(t.as_str(), "+" | "↑") {
        return Some(Direction::Up);
    }
    if matches!(t.as_str(), "-" | "↓") {
        return Some(Direction::Down);
    }
    crate::i18n::plan_words::direction_from(&t)
}

impl Editor {
    /// The form of indicator `i`, or of a new one with `None`.
    pub(super) fn open_indicator_form(&mut self, i: Option<usize>) {
        let form = self.indicator_form(i);
        self.push_form(form);
    }

    /// The form of indicator `i` (or of a new one) filled from the session.
    pub(super) fn indicator_form(&self, i: Option<usize>) -> Form {
        let w = self.lang.text().plan_report;
        let ind = i.and_then(|i| self.session().indicators.get(i));
        // Exactly as stored, so that saving the form unchanged changes nothing.
        let number = |x: Option<f64>| x.map(|x| self.lang.locale().exact(x));
        let fields = vec![
            field(ind.map(|x| x.name.clone())),
            field(ind.and_then(|x| x.unit.clone())),
            field(ind.and_then(|x| number(x.baseline))),
            field(ind.and_then(|x| number(x.target))),
            field(Some(w.direction(ind.map(|x| x.direction).unwrap_or_default()).to_owned())),
            field(ind.map(|x| crate::export::milestones::shown(self.lang, &x.milestones))),
        ];
        Form::new(FormKind::Indicator(ind.map(|x| x.id.clone())), fields)
    }

    pub(super) fn submit_indicator_form(&mut self, form: &Form, id: Option<&str>) -> Result<(), (usize, String)> {
        let p = self.lang.plan_ui();
        // A stored indicator takes only the fields changed; a new one, all of them.
        let changed = |i: usize| id.is_none() || form.changed(i);
        let number = |i: usize| {
            let text = form.value(i);
            if !changed(i) {
                return Ok(None);
            }
            if text.is_empty() {
                return Ok(Some(None));
            }
            self.lang.locale().read_number(&text).map(|x| Some(Some(x))).map_err(|e| match e {
                Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => (i, msg),
                Unread::NotANumber => (i, format!("{text}: {}", p.bad_number)),
            })
        };
        let (baseline, target) = (number(2)?, number(3)?);
        let direction = match changed(4) {
            true => Some(parse_direction(&form.value(4)).ok_or_else(|| (4, p.bad_direction.to_owned()))?),
            false => None,
        };
        let locale = self.lang.locale();
        let milestones = match changed(5) {
            true => Some(
                crate::export::milestones::read(&form.value(5), |v| locale.read_number(v).ok())
                    .map_err(|e| (5, (self.lang.indicator_words().bad_milestones)(&e)))?,
            ),
            false => None,
        };
        let (name, unit) = (changed(0).then(|| form.value(0)), changed(1).then(|| Some(form.value(1))));
        // The name is required: refused here, not dropped with the rest by the domain.
        if name.as_deref().is_some_and(|name| clean_text(name).is_empty()) {
            return Err((0, p.empty_indicator_name.to_owned()));
        }
        let fill = |x: &mut Indicator| {
            put(&mut x.name, name);
            put(&mut x.unit, unit);
            put(&mut x.baseline, baseline);
            put(&mut x.target, target);
            put(&mut x.direction, direction);
            put(&mut x.milestones, milestones);
        };
        let edit = match id {
            None => {
                let edit = self.doc.session_mut().new_indicator(fill);
                if edit.is_some() {
                    self.views.plan.indicators = self.session().indicators.len();
                }
                edit
            }
            Some(id) => match self.session().find_indicator(id) {
                Some(i) => self.session().change_indicator(i, fill),
                None => {
                    // Gone meanwhile (changed outside dafo): what was typed stays in
                    // the form, now the form of a new indicator (which takes every field).
                    let mut kept = form.clone();
                    kept.kind = FormKind::Indicator(None);
                    self.overlays.push(Overlay::Form(Box::new(kept)));
                    let shown = self.lang.show_id(id);
                    self.say((p.indicator_gone_kept)(&shown), true);
                    return Ok(());
                }
            },
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
        Ok(())
    }

    /// The metadata form (`M`).
    pub(super) fn open_meta_form(&mut self) {
        let form = self.meta_form();
        self.push_form(form);
    }

    /// The metadata form filled from the session.
    pub(super) fn meta_form(&self) -> Form {
        let m = &self.session().meta;
        let mut fields = vec![
            field(Some(m.title.clone())),
            field(Some(crate::export::day_in(self.lang, m.created))),
            field(m.place.clone()),
            field(m.participants.clone()),
            field(m.group.clone()),
            field(m.horizon.map(|h| h.to_string())),
        ];
        // The session's own meeting (technique, attendees): see `domain::meetings`.
        let own = meetings::own_index(self.session()).and_then(|i| m.meetings.get(i));
        fields.extend([
            field(own.and_then(|x| x.technique.clone())),
            field(own.and_then(|x| x.attendees).map(|n| n.to_string())),
            field(own.map(|x| meetings::counts_text(&x.by_sex)).filter(|t| !t.is_empty())),
            field(own.map(|x| meetings::counts_text(&x.by_age)).filter(|t| !t.is_empty())),
            field(Some(self.session().funding_sources(self.lang.money().default_funding).join("; "))),
        ]);
        Form::new(FormKind::Meta, fields)
    }

    pub(super) fn submit_meta_form(&mut self, form: &Form) -> Result<(), (usize, String)> {
        let p = self.lang.plan_ui();
        // Only the fields changed are read and written: the others stay as stored.
        let changed = |i: usize| form.changed(i);
        let text = |i: usize| changed(i).then(|| form.value(i));
        let title = text(0);
        if title.as_deref() == Some("") {
            return Err((0, p.empty_title.to_owned()));
        }
        let date = if changed(1) { self.date_field(form, 1)? } else { None };
        let horizon = match text(5) {
            None => None,
            Some(t) if t.is_empty() => Some(None),
            Some(t) => Some(Some(t.parse::<Horizon>().map_err(|_| (5, format!("{}: {t}", p.bad_horizon)))?)),
        };
        let old = &self.session().meta;
        // The date changes only when another day is written: the time of day is kept otherwise.
        let created = match date {
            Some(d) if old.created.to_zoned(jiff::tz::TimeZone::UTC).date() != d => d
                .at(12, 0, 0, 0)
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp())
                .map_err(|e| (1, e.to_string()))?,
            _ => old.created,
        };
        let (place, participants, group) = (text(2), text(3), text(4).map(|g| clean_text(&g)));
        let technique = text(6).map(|t| Some(t).filter(|t| !t.is_empty()));
        let attendees = match text(7) {
            None => None,
            Some(t) if t.is_empty() => Some(None),
            Some(t) => Some(Some(t.parse::<u32>().map_err(|_| (7, format!("{t}: {}", p.bad_number)))?)),
        };
        let counts = |i: usize| match changed(i) {
            true => {
                meetings::read_counts(&form.value(i)).map(Some).map_err(|bad| (i, format!("{bad}: {}", p.bad_number)))
            }
            false => Ok(None),
        };
        let (by_sex, by_age) = (counts(8)?, counts(9)?);
        let own = meetings::own_index(self.session());
        // The session's own meeting is made when one of its fields is first filled in.
        let blank = technique.as_ref().is_none_or(Option::is_none)
            && attendees.is_none_or(|a| a.is_none())
            && by_sex.as_ref().is_none_or(Vec::is_empty)
            && by_age.as_ref().is_none_or(Vec::is_empty);
        // The funding sources: the language's list shown untouched stays the default (nothing stored).
        let sources = match text(META_SOURCES) {
            Some(t) => {
                let sources: Vec<String> = t.split(';').map(str::to_owned).collect();
                self.session().set_funding(&sources)
            }
            None => None,
        };
        let edit = self.session().change_meta(|m| {
            let slot = match own {
                Some(i) => m.meetings.get_mut(i),
                None if blank => None,
                None => {
                    let group = group.clone().or_else(|| m.group.clone()).filter(|g| !g.is_empty());
                    let name = group.unwrap_or_else(|| title.clone().unwrap_or_else(|| m.title.clone()));
                    m.meetings.push(Meeting::of(&name));
                    m.meetings.last_mut()
                }
            };
            if let Some(x) = slot {
                // The session's group is its meeting's: renamed together.
                if let Some(group) = group.clone().filter(|g| !g.is_empty()) {
                    x.group = group;
                }
                put(&mut x.technique, technique);
                put(&mut x.attendees, attendees);
                put(&mut x.by_sex, by_sex);
                put(&mut x.by_age, by_age);
            }
            put(&mut m.title, title);
            m.created = created;
            put(&mut m.place, place.map(Some));
            put(&mut m.participants, participants.map(Some));
            if let Some(group) = group {
                m.group = Some(group).filter(|g| !g.is_empty());
            }
            put(&mut m.horizon, horizon);
        });
        let edit = match (edit, sources) {
            (Some(e), Some(f)) => Some(crate::domain::Edit::Batch(vec![e, f])),
            (e, f) => e.or(f),
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
        Ok(())
    }
}

/// The metadata form's field of funding sources.
pub const META_SOURCES: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_read_in_every_language() {
        assert_eq!(parse_direction("baja"), Some(Direction::Down));
        assert_eq!(parse_direction("Down"), Some(Direction::Down));
        assert_eq!(parse_direction("baixa"), Some(Direction::Down));
        assert_eq!(parse_direction("sube"), Some(Direction::Up));
        assert_eq!(parse_direction(""), Some(Direction::Up));
        assert_eq!(parse_direction("↓"), Some(Direction::Down));
        assert_eq!(parse_direction("Mantener"), Some(Direction::Keep));
        assert_eq!(parse_direction("keep"), Some(Direction::Keep));
        assert_eq!(parse_direction("mantindre"), Some(Direction::Keep));
        assert_eq!(parse_direction("mantenir"), Some(Direction::Keep));
        assert_eq!(parse_direction("="), Some(Direction::Keep));
        assert_eq!(parse_direction("lateral"), None);
    }
}
