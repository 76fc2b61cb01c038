//! CAME actions: what the room will do about each factor, linked to the factors it answers.

use serde::{Deserialize, Serialize};

use super::edit::{Edit, ListOp};
use super::plan::Euros;
use super::quadrant::Quadrant;
use super::session::Session;
use super::text::clean_text;

/// The four CAME quadrants, each the answer to one DAFO quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Came {
    /// Mantener las fortalezas.
    Maintain,
    /// Corregir las debilidades.
    Correct,
    /// Explotar las oportunidades.
    Exploit,
    /// Afrontar las amenazas.
    Confront,
}

impl Came {
    /// In grid order, each in the place of the quadrant it comes from.
    pub const ALL: [Came; 4] = [Came::Maintain, Came::Correct, Came::Exploit, Came::Confront];

    /// The DAFO quadrant this CAME quadrant answers.
    pub fn source(self) -> Quadrant {
        match self {
            Came::Maintain => Quadrant::Strengths,
            Came::Correct => Quadrant::Weaknesses,
            Came::Exploit => Quadrant::Opportunities,
            Came::Confront => Quadrant::Threats,
        }
    }

    /// The CAME quadrant that answers `q`.
    pub fn of(q: Quadrant) -> Came {
        Came::ALL[q.index()]
    }

    /// Prefix of stored action IDs: `M1`, `C2`, `E1`, `AF3`. Afrontar is `AF`
    /// (format version 4), so no action shares an ID with a threat (`A3`), a factor,
    /// a strategy or a plan item. See docs/format.md.
    pub fn prefix(self) -> &'static str {
        match self {
            Came::Maintain => "M",
            Came::Correct => "C",
            Came::Exploit => "E",
            Came::Confront => "AF",
        }
    }

    /// The prefix this quadrant's actions had before format version 4: Afrontar
    /// actions were `A1`, `A2`, like threats. Importers reading an action section
    /// of an older export accept it as an alias.
    pub fn legacy_prefix(self) -> &'static str {
        match self {
            Came::Confront => "A",
            other => other.prefix(),
        }
    }

    /// The quadrant whose action IDs start with `prefix`, stored or (in an action's
    /// own context) legacy.
    pub fn from_action_prefix(prefix: &str) -> Option<Came> {
        Came::ALL.into_iter().find(|c| c.prefix() == prefix || c.legacy_prefix() == prefix)
    }

    /// The ID-counter key of this quadrant's actions. Threat factors already use
    /// `A`, so action counters are kept under their own key.
    pub(crate) fn counter_key(self) -> &'static str {
        match self {
            Came::Maintain => "accion-M",
            Came::Correct => "accion-C",
            Came::Exploit => "accion-E",
            Came::Confront => "accion-A",
        }
    }
}

/// How far an action got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Pending,
    InProgress,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Pending, Status::InProgress, Status::Done, Status::Dropped];

    /// The next status, for cycling with one key.
    pub fn next(self) -> Status {
        Status::ALL[(Status::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1) % 4]
    }

    /// Still to do: carried over to next year's session.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Pending | Status::InProgress)
    }
}

/// One CAME action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameAction {
    pub id: String,
    pub text: String,
    /// IDs of the factors this action answers.
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Due date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "super::rules::field::date", skip_serializing_if = "Option::is_none")]
    pub due: Option<jiff::civil::Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(default, skip_serializing_if = "is_pending")]
    pub status: Status,
    /// Carried over from last year's session, still to confirm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
    /// Set by the git merge driver when two versions of this action clash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<super::conflict::Conflict>,
    // ---- Plan fields (format version 3), left out when empty. ----
    /// Start date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "super::rules::field::date", skip_serializing_if = "Option::is_none")]
    pub start: Option<jiff::civil::Date>,
    /// Resources it needs, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<String>,
    /// Budget in euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Euros>,
    /// Budget per year of the horizon (the plan financiero); its sum is the
    /// action's total, and `amount` is then left empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<super::money::YearAmount>,
    /// Where the money comes from: a name of the session's funding sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<String>,
    /// Partners (socios, entidades colaboradoras).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// The línea it serves (one at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    /// IDs of the indicators that measure it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    /// Áreas temáticas and cross-cutting impacts, by name (see `domain::themes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub impacts: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_pending(s: &Status) -> bool {
    *s == Status::Pending
}

impl CameAction {
    /// Overdue: not done yet (pending or in progress) and due before `today`.
    /// The one rule the screen, the status line and every export follow.
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }

    pub fn new(id: impl Into<String>, text: impl Into<String>, links: Vec<String>) -> CameAction {
        CameAction {
            id: id.into(),
            text: text.into(),
            links,
            votes: 0,
            owner: None,
            due: None,
            indicator: None,
            status: Status::Pending,
            carried: false,
            conflict: None,
            start: None,
            resources: None,
            amount: None,
            budget: Vec::new(),
            funding: None,
            partners: Vec::new(),
            line: None,
            indicators: Vec::new(),
            themes: Vec::new(),
            impacts: Vec::new(),
        }
    }
}

impl Session {
    /// The actions of a CAME quadrant, in the facilitator's order.
    pub fn actions(&self, c: Came) -> &[CameAction] {
        match c {
            Came::Maintain => &self.maintain,
            Came::Correct => &self.correct,
            Came::Exploit => &self.exploit,
            Came::Confront => &self.confront,
        }
    }

    pub fn actions_mut(&mut self, c: Came) -> &mut Vec<CameAction> {
        match c {
            Came::Maintain => &mut self.maintain,
            Came::Correct => &mut self.correct,
            Came::Exploit => &mut self.exploit,
            Came::Confront => &mut self.confront,
        }
    }

    /// Every action, in grid order.
    pub fn all_actions(&self) -> impl Iterator<Item = (Came, &CameAction)> {
        Came::ALL.into_iter().flat_map(move |c| self.actions(c).iter().map(move |a| (c, a)))
    }

    /// Where the action with this ID is.
    pub fn find_action(&self, id: &str) -> Option<(Came, usize)> {
        Came::ALL.into_iter().find_map(|c| self.actions(c).iter().position(|a| a.id == id).map(|i| (c, i)))
    }

    /// Whether some action answers the factor with this ID.
    pub fn is_answered(&self, factor_id: &str) -> bool {
        self.all_actions().any(|(_, a)| a.links.iter().any(|l| l == factor_id))
    }

    /// Factors of `q` that no action answers yet. Linear: every action's links
    /// are read once, not once per factor.
    pub fn unanswered(&self, q: Quadrant) -> usize {
        let answered = self.answered();
        self.factors(q).iter().filter(|f| !answered.contains(f.id.as_str())).count()
    }

    /// First factor of `q` without an action: where new actions go by default.
    pub fn first_unanswered(&self, q: Quadrant) -> Option<usize> {
        let answered = self.answered();
        self.factors(q).iter().position(|f| !answered.contains(f.id.as_str()))
    }

    /// The IDs some action links to.
    fn answered(&self) -> std::collections::HashSet<&str> {
        self.all_actions().flat_map(|(_, a)| a.links.iter().map(String::as_str)).collect()
    }

    /// A new action at the end of `c`, linked to `links`. `None` for empty text.
    pub fn add_action(&mut self, c: Came, text: &str, links: Vec<String>) -> Option<Edit> {
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        let at = self.actions(c).len();
        let n = self.bump(c.counter_key());
        let id = format!("{}{n}", c.prefix());
        Some(Edit::Action(c, ListOp::Insert(at, CameAction::new(id, text, links))))
    }

    /// Replaces action `i` of `c` with `f(old)`; `None` if nothing changes.
    /// The texts `f` changes are cleaned; those it leaves stay exactly as stored.
    pub fn change_action(&self, c: Came, i: usize, f: impl FnOnce(&mut CameAction)) -> Option<Edit> {
        let old = self.actions(c).get(i)?;
        let mut new = old.clone();
        f(&mut new);
        if new.text != old.text {
            new.text = clean_text(&new.text);
        }
        for (field, was) in
            [(&mut new.owner, &old.owner), (&mut new.indicator, &old.indicator), (&mut new.resources, &old.resources)]
        {
            if field != was {
                *field = field.as_deref().map(clean_text).filter(|s| !s.is_empty());
            }
        }
        if new.funding != old.funding {
            new.funding = new.funding.as_deref().map(super::money::clean_source).filter(|s| !s.is_empty());
        }
        if new.partners != old.partners {
            super::plan_edit::clean_list(&mut new.partners);
        }
        (new != *old && !new.text.is_empty()).then_some(Edit::Action(c, ListOp::Replace(i, new)))
    }

    /// Removes action `i` of `c`.
    pub fn delete_action(&self, c: Came, i: usize) -> Option<Edit> {
        self.actions(c).get(i)?;
        Some(Edit::Action(c, ListOp::Remove(i)))
    }

    /// Moves action `i` of `c` up or down inside its quadrant.
    pub fn shift_action(&self, c: Came, i: usize, delta: isize) -> Option<Edit> {
        let list = self.actions(c);
        let action = list.get(i)?.clone();
        let to = i.checked_add_signed(delta).filter(|&t| t < list.len())?;
        Some(Edit::Batch(vec![Edit::Action(c, ListOp::Remove(i)), Edit::Action(c, ListOp::Insert(to, action))]))
    }

    /// Edits that rename factor `old` to `new` in every action link and strategy,
    /// so a factor moved to another quadrant keeps its actions.
    pub(crate) fn relink(&self, old: &str, new: &str) -> Vec<Edit> {
        let swap = |id: &String| if id == old { new.to_owned() } else { id.clone() };
        let mut edits = Vec::new();
        for c in Came::ALL {
            for (i, a) in self.actions(c).iter().enumerate() {
                if a.links.iter().any(|l| l == old) {
                    let links = a.links.iter().map(swap).collect();
                    edits.push(Edit::Action(c, ListOp::Replace(i, CameAction { links, ..a.clone() })));
                }
            }
        }
        for (i, s) in self.strategies.iter().enumerate() {
            if s.factors.iter().any(|l| l == old) {
                let mut s = s.clone();
                s.factors = [swap(&s.factors[0]), swap(&s.factors[1])];
                edits.push(Edit::Strategy(ListOp::Replace(i, s)));
            }
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn with_factors() -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for (q, t) in [(Quadrant::Weaknesses, "Listas de espera"), (Quadrant::Weaknesses, "Poca coordinación")] {
            let e = s.add_factor(q, t).unwrap();
            s.apply(e).unwrap();
        }
        s
    }

    #[test]
    fn action_ids_do_not_collide_with_threat_ids() {
        let mut s = with_factors();
        let e = s.add_factor(Quadrant::Threats, "Envejecimiento").unwrap();
        s.apply(e).unwrap();
        let e = s.add_action(Came::Confront, "Plan de envejecimiento activo", vec!["A1".into()]).unwrap();
        s.apply(e).unwrap();
        let e = s.add_factor(Quadrant::Threats, "Despoblación").unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.confront[0].id, "AF1");
        assert_eq!(s.threats[1].id, "A2");
        assert_eq!(Came::from_action_prefix("A"), Some(Came::Confront));
        assert_eq!(Came::from_action_prefix("AF"), Some(Came::Confront));
    }

    #[test]
    fn coverage_counts_unanswered_factors() {
        let mut s = with_factors();
        assert_eq!(s.unanswered(Quadrant::Weaknesses), 2);
        let e = s.add_action(Came::Correct, "Mesa de coordinación", vec!["D2".into()]).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.unanswered(Quadrant::Weaknesses), 1);
        assert_eq!(s.first_unanswered(Quadrant::Weaknesses), Some(0));
        assert!(s.is_answered("D2"));
    }

    #[test]
    fn moving_a_factor_keeps_its_actions_and_undo_restores() {
        let mut s = with_factors();
        let e = s.add_action(Came::Correct, "Ventanilla única", vec!["D1".into()]).unwrap();
        s.apply(e).unwrap();
        let before = s.clone();
        let e = s.move_factor(Quadrant::Weaknesses, 0, Quadrant::Threats).unwrap();
        let inverse = s.apply(e).unwrap();
        assert_eq!(s.correct[0].links, ["A1"]);
        s.apply(inverse).unwrap();
        assert_eq!(s.correct, before.correct);
    }

    #[test]
    fn status_cycles() {
        assert_eq!(Status::Pending.next(), Status::InProgress);
        assert_eq!(Status::Dropped.next(), Status::Pending);
        assert!(Status::InProgress.is_open() && !Status::Done.is_open());
    }

    #[test]
    fn change_action_cleans_optional_fields() {
        let mut s = with_factors();
        let e = s.add_action(Came::Correct, "x", vec![]).unwrap();
        s.apply(e).unwrap();
        let e = s
            .change_action(Came::Correct, 0, |a| {
                a.owner = Some("  Servicios \u{1b}[1msociales ".into());
                a.indicator = Some("   ".into());
            })
            .unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.correct[0].owner.as_deref(), Some("Servicios sociales"));
        assert_eq!(s.correct[0].indicator, None);
        assert!(s.change_action(Came::Correct, 0, |_| {}).is_none());
    }
}
