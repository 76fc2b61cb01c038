//! Comparison of two sessions (this year's DAFO against last year's): what was
//! added, removed, reworded, moved between quadrants, and whose votes or impact
//! changed; which CAME actions were added, removed, reworded or changed status
//! (the yearly review of a plan); which crossed strategies were added or
//! removed. Items are matched by ID first, then by text similarity.

mod report;

use crate::domain::text::clean_text;
use crate::domain::{Came, CameAction, Factor, Quadrant, Session, Strategy};

pub use crate::domain::similarity::similarity;

pub use report::render;

/// Texts at least this similar (Sørensen-Dice on folded text, 0..1) are taken
/// as the same factor reworded, when their IDs do not match. The measure and
/// its thresholds live in [`crate::domain::similarity`], shared with `merge`.
pub const SIMILAR: f64 = crate::domain::similarity::SAME;

/// Whether votes changed in a way worth reporting. A new year's session starts
/// without votes (`dafo new --from` resets them), so a fall to zero is a reset,
/// not news, for every factor and action alike, confirmed or not.
pub fn votes_changed(old: u32, new: u32) -> bool {
    old != new && new != 0
}

/// Output formats of `dafo diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffFormat {
    #[default]
    Txt,
    Md,
}

impl crate::choice::Choice for DiffFormat {
    const VALUES: &'static [DiffFormat] = &[DiffFormat::Txt, DiffFormat::Md];

    fn name(self) -> &'static str {
        match self {
            DiffFormat::Txt => "txt",
            DiffFormat::Md => "md",
        }
    }
}

/// A factor and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub quadrant: Quadrant,
    pub factor: Factor,
}

/// A factor present in both sessions that changed in some way.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub old: Placed,
    pub new: Placed,
}

impl Change {
    pub fn moved(&self) -> bool {
        self.old.quadrant != self.new.quadrant
    }
    pub fn reworded(&self) -> bool {
        self.old.factor.text != self.new.factor.text
    }
    /// Votes or impact changed; a reset of votes to zero is not a change ([`votes_changed`]).
    pub fn rescored(&self) -> bool {
        let (o, n) = (&self.old.factor, &self.new.factor);
        votes_changed(o.votes, n.votes) || o.impact != n.impact
    }
}

/// An action and its CAME quadrant.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedAction {
    pub came: Came,
    pub action: CameAction,
}

/// An action present in both sessions that changed in some way.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionChange {
    pub old: PlacedAction,
    pub new: PlacedAction,
}

/// Optional text as shown: cleaned, empty as none.
fn shown(t: &Option<String>) -> Option<String> {
    t.as_deref().map(clean_text).filter(|t| !t.is_empty())
}

impl ActionChange {
    pub fn reworded(&self) -> bool {
        clean_text(&self.old.action.text) != clean_text(&self.new.action.text)
    }
    pub fn status_changed(&self) -> bool {
        self.old.action.status != self.new.action.status
    }
    /// Owner, due date, indicator, links, votes or CAME quadrant changed, or
    /// what the plan says of it ([`ActionChange::plan_changed`]).
    pub fn details_changed(&self) -> bool {
        let (o, n) = (&self.old.action, &self.new.action);
        self.old.came != self.new.came
            || shown(&o.owner) != shown(&n.owner)
            || o.due != n.due
            || shown(&o.indicator) != shown(&n.indicator)
            || o.links != n.links
            || votes_changed(o.votes, n.votes)
            || self.plan_changed()
    }

    /// Its línea, indicators, start, money, funding, partners or resources
    /// changed (a diff of a plan's two years said "no changes" when they did).
    pub fn plan_changed(&self) -> bool {
        let (o, n) = (&self.old.action, &self.new.action);
        o.line != n.line
            || o.indicators != n.indicators
            || o.start != n.start
            || o.amount != n.amount
            || o.budget != n.budget
            || o.funding != n.funding
            || o.partners != n.partners
            || shown(&o.resources) != shown(&n.resources)
    }
    fn any(&self) -> bool {
        self.reworded() || self.status_changed() || self.details_changed()
    }
}

/// Everything that differs between two sessions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionDiff {
    pub added: Vec<Placed>,
    pub removed: Vec<Placed>,
    pub changed: Vec<Change>,
    /// Factors found in both, identical apart from maybe their ID.
    pub unchanged: usize,
    /// Factors carried over from the old session and not yet confirmed in the
    /// new one (`↻`), otherwise unchanged: nobody has looked at them yet.
    pub unconfirmed: Vec<Placed>,
    pub actions_added: Vec<PlacedAction>,
    pub actions_removed: Vec<PlacedAction>,
    pub actions_changed: Vec<ActionChange>,
    /// Actions found in both, identical apart from maybe their ID.
    pub actions_unchanged: usize,
    /// Actions carried over and not yet confirmed, otherwise unchanged.
    pub actions_unconfirmed: Vec<PlacedAction>,
    pub strategies_added: Vec<Strategy>,
    pub strategies_removed: Vec<Strategy>,
    /// Strategies found in both (maybe reworded).
    pub strategies_kept: usize,
    /// The parts of the plan, and of its follow-up, that differ.
    pub plan: Vec<PlanPart>,
}

/// A part of the plan that two sessions hold differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPart {
    Horizon,
    Mission,
    Vision,
    Values,
    Challenges,
    AxesLines,
    Indicators,
    Funding,
    /// The yearly reviews, the years' records or the indicators' values.
    FollowUp,
}

/// The parts of the plan `old` and `new` hold differently, in the plan's order.
fn plan_parts(old: &Session, new: &Session) -> Vec<PlanPart> {
    let texts = |v: &[String]| v.iter().map(|t| clean_text(t)).collect::<Vec<_>>();
    // The actions' reviews in any order (the file keeps them by year).
    fn reviews(s: &Session) -> Vec<&crate::domain::ActionReview> {
        let mut r: Vec<&crate::domain::ActionReview> = s.reviews.iter().collect();
        r.sort_by(|a, b| (&a.action, a.year).cmp(&(&b.action, b.year)));
        r
    }
    [
        (PlanPart::Horizon, old.meta.horizon != new.meta.horizon),
        (PlanPart::Mission, shown(&old.mission) != shown(&new.mission)),
        (PlanPart::Vision, shown(&old.vision) != shown(&new.vision)),
        (PlanPart::Values, texts(&old.values) != texts(&new.values)),
        (PlanPart::Challenges, old.challenges != new.challenges),
        (PlanPart::AxesLines, old.axes != new.axes || old.lines != new.lines),
        (PlanPart::Indicators, old.indicators != new.indicators),
        (PlanPart::Funding, texts(&old.funding) != texts(&new.funding)),
        (
            PlanPart::FollowUp,
            reviews(old) != reviews(new)
                || old.review_years != new.review_years
                || old.indicator_values != new.indicator_values,
        ),
    ]
    .into_iter()
    .filter_map(|(part, differs)| differs.then_some(part))
    .collect()
}

impl SessionDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.actions_added.is_empty()
            && self.actions_removed.is_empty()
            && self.actions_changed.is_empty()
            && self.strategies_added.is_empty()
            && self.strategies_removed.is_empty()
            && self.plan.is_empty()
    }
}

fn placed(s: &Session) -> Vec<Placed> {
    Quadrant::ALL
        .iter()
        .flat_map(|&q| s.factors(q).iter().map(move |f| Placed { quadrant: q, factor: f.clone() }))
        .collect()
}

/// Pairs the items of `old` and `new`: same ID first (IDs are never reused, so
/// the same ID is the same item, however reworded), then the most similar texts
/// (at least [`SIMILAR`]). Returns the pairs, the items
/// only in `old` and the items only in `new`.
fn pair<T>(
    old: Vec<T>,
    new: Vec<T>,
    id: impl Fn(&T) -> &str,
    text: impl Fn(&T) -> &str,
) -> (Vec<(T, T)>, Vec<T>, Vec<T>) {
    let mut olds: Vec<Option<T>> = old.into_iter().map(Some).collect();
    let mut news: Vec<Option<T>> = new.into_iter().map(Some).collect();
    let mut pairs = Vec::new();
    // 1. Same ID.
    for o in olds.iter_mut() {
        let Some(op) = o else { continue };
        let hit = news.iter_mut().find(|n| n.as_ref().is_some_and(|np| id(np) == id(op)));
        if let Some(n) = hit
            && let (Some(op), Some(np)) = (o.take(), n.take())
        {
            pairs.push((op, np));
        }
    }
    // 2. The most similar texts first, across quadrants.
    let mut candidates = Vec::new();
    for (i, o) in olds.iter().enumerate() {
        for (j, n) in news.iter().enumerate() {
            if let (Some(o), Some(n)) = (o, n) {
                let score = similarity(text(o), text(n));
                if score >= SIMILAR {
                    candidates.push((score, i, j));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if olds[i].is_some()
            && news[j].is_some()
            && let (Some(op), Some(np)) = (olds[i].take(), news[j].take())
        {
            pairs.push((op, np));
        }
    }
    (pairs, olds.into_iter().flatten().collect(), news.into_iter().flatten().collect())
}

fn placed_actions(s: &Session) -> Vec<PlacedAction> {
    s.all_actions().map(|(came, a)| PlacedAction { came, action: a.clone() }).collect()
}

/// Compares `old` with `new`.
pub fn diff(old: &Session, new: &Session) -> SessionDiff {
    let (pairs, removed, added) = pair(placed(old), placed(new), |p| &p.factor.id, |p| &p.factor.text);
    let mut out = SessionDiff { added, removed, ..SessionDiff::default() };
    for (old, new) in pairs {
        let change = Change { old, new };
        if change.moved() || change.reworded() || change.rescored() {
            out.changed.push(change);
        } else if change.new.factor.carried {
            out.unconfirmed.push(change.new);
        } else {
            out.unchanged += 1;
        }
    }
    let key = |p: &Placed| (p.quadrant, p.factor.id.clone());
    out.changed.sort_by_key(|c| key(&c.new));

    let (pairs, removed, added) = pair(placed_actions(old), placed_actions(new), |p| &p.action.id, |p| &p.action.text);
    (out.actions_removed, out.actions_added) = (removed, added);
    for (old, new) in pairs {
        let change = ActionChange { old, new };
        if change.any() {
            out.actions_changed.push(change);
        } else if change.new.action.carried {
            out.actions_unconfirmed.push(change.new);
        } else {
            out.actions_unchanged += 1;
        }
    }
    out.actions_changed.sort_by_key(|c| (c.new.came, c.new.action.id.clone()));

    let (pairs, removed, added) = pair(old.strategies.clone(), new.strategies.clone(), |s| &s.id, |s| &s.text);
    (out.strategies_removed, out.strategies_added, out.strategies_kept) = (removed, added, pairs.len());
    out.plan = plan_parts(old, new);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use jiff::Timestamp;

    fn session(items: &[(Quadrant, &str, &str, u32)]) -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for &(q, id, text, votes) in items {
            let mut f = Factor::new(id, text);
            f.votes = votes;
            s.factors_mut(q).push(f);
        }
        s
    }

    #[test]
    fn finds_every_kind_of_change() {
        use Quadrant::*;
        let old = session(&[
            (Strengths, "F1", "Red de centros de día", 3),
            (Weaknesses, "D1", "Listas de espera en dependencia", 0),
            (Weaknesses, "D2", "Falta de datos compartidos", 0),
            (Threats, "A1", "Envejecimiento de la población", 0),
        ]);
        let new = session(&[
            (Strengths, "F1", "Red de centros de día", 5),
            (Weaknesses, "D1", "Listas de espera en la dependencia", 0),
            (Threats, "A2", "Falta de datos compartidos", 0),
            (Opportunities, "O1", "Fondos europeos", 0),
        ]);
        let d = diff(&old, &new);
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].factor.id, "O1");
        assert_eq!(d.removed.len(), 1);
        assert_eq!(d.removed[0].factor.id, "A1");
        assert_eq!(d.changed.len(), 3);
        assert!(d.changed.iter().any(|c| c.moved() && c.new.factor.id == "A2"));
        assert!(d.changed.iter().any(|c| c.reworded() && c.new.factor.id == "D1"));
        assert!(d.changed.iter().any(|c| c.rescored() && c.new.factor.id == "F1"));
    }

    #[test]
    fn a_factor_reworded_with_its_id_kept_is_reworded_not_added_and_removed() {
        let old = session(&[(Quadrant::Strengths, "F1", "Red de centros de día", 0)]);
        let new = session(&[(Quadrant::Strengths, "F1", "Universidad cercana", 0)]);
        let d = diff(&old, &new);
        assert_eq!((d.added.len(), d.removed.len(), d.changed.len()), (0, 0, 1));
        assert!(d.changed[0].reworded() && !d.changed[0].moved());
        let report = render(&d, &old, &new, Lang::En, DiffFormat::Txt);
        assert!(report.contains("REWORDED (1)") && !report.contains("ADDED"), "{report}");
        assert!(report.contains("S1  [Strengths] Universidad cercana"), "English IDs: {report}");
        assert!(report.contains("Red de centros de día"), "the old text is shown: {report}");
    }

    /// Last year's session and this year's made from it: every vote reset, all
    /// items carried (`↻`); `F1` and action `C1` confirmed since, `D1` and `AF1` not.
    fn carried_over() -> (Session, Session) {
        let mut old = session(&[
            (Quadrant::Strengths, "F1", "Red de centros de día", 3),
            (Quadrant::Weaknesses, "D1", "Listas de espera", 2),
            (Quadrant::Threats, "A1", "Despoblación", 4),
        ]);
        let mut action = |c: Came, id: &str, text: &str, votes: u32| {
            let mut a = CameAction::new(id, text, vec![]);
            a.votes = votes;
            old.actions_mut(c).push(a);
        };
        action(Came::Correct, "C1", "Ventanilla única", 2);
        action(Came::Confront, "AF1", "Mesa con el Ayuntamiento", 1);
        let mut new = old.clone();
        for q in Quadrant::ALL {
            for f in new.factors_mut(q) {
                (f.votes, f.carried) = (0, true);
            }
        }
        for c in Came::ALL {
            for a in new.actions_mut(c) {
                (a.votes, a.carried) = (0, true);
            }
        }
        (new.strengths[0].carried, new.correct[0].carried) = (false, false);
        (old, new)
    }

    #[test]
    fn vote_resets_are_never_changes_and_unconfirmed_items_get_a_section() {
        let (old, new) = carried_over();
        let d = diff(&old, &new);
        assert!(d.changed.is_empty() && d.actions_changed.is_empty(), "{d:?}");
        assert_eq!(d.unchanged, 1, "F1, confirmed");
        let ids: Vec<&str> = d.unconfirmed.iter().map(|p| p.factor.id.as_str()).collect();
        assert_eq!(ids, ["D1", "A1"]);
        assert_eq!(d.actions_unchanged, 1);
        assert_eq!(d.actions_unconfirmed.iter().map(|p| p.action.id.as_str()).collect::<Vec<_>>(), ["AF1"]);
        let report = render(&d, &old, &new, Lang::Es, DiffFormat::Txt);
        assert!(!report.contains("votos 3 → 0") && !report.contains("→ 0"), "{report}");
        assert!(report.contains("SIN CONFIRMAR (TRAÍDOS DEL AÑO ANTERIOR) (2)"), "{report}");
        assert!(report.contains("ACCIONES SIN CONFIRMAR (TRAÍDAS DEL AÑO ANTERIOR) (1)"), "{report}");
        // New votes in the new session are news again.
        let mut voted = new.clone();
        voted.weaknesses[0].votes = 5;
        assert!(diff(&old, &voted).changed.iter().any(|c| c.rescored() && c.new.factor.id == "D1"));
    }

    #[test]
    fn identical_sessions_have_no_changes() {
        let s = session(&[(Quadrant::Strengths, "F1", "a b c", 1)]);
        let d = diff(&s, &s);
        assert!(d.is_empty());
        assert_eq!(d.unchanged, 1);
    }

    #[test]
    fn reports_action_status_changes_and_strategies() {
        use crate::domain::{CameAction, Crossed, Status};
        let mut old = session(&[(Quadrant::Weaknesses, "D1", "Listas de espera", 0)]);
        let action = |id: &str, text: &str, status: Status| {
            let mut a = CameAction::new(id, text, vec!["D1".into()]);
            a.status = status;
            a
        };
        old.correct = vec![
            action("C1", "Ventanilla única de dependencia", Status::Pending),
            action("C2", "Mesa de coordinación sociosanitaria", Status::Pending),
            action("C3", "Estudio de necesidades", Status::InProgress),
        ];
        old.strategies.push(Strategy {
            id: "DO1".into(),
            kind: Crossed::DO,
            factors: ["D1".into(), "O1".into()],
            text: "Fondos para la ventanilla".into(),
            votes: 0,
            conflict: None,
            line: None,
        });
        let mut new = old.clone();
        new.correct[1].status = Status::Done;
        new.correct[0].text = "Ventanilla única de la dependencia".into();
        new.correct[0].owner = Some("Servicios sociales".into());
        new.correct.remove(2);
        new.confront.push(action("A1", "Plan de envejecimiento activo", Status::Pending));
        new.strategies.clear();
        let d = diff(&old, &new);
        assert_eq!(d.actions_added[0].action.id, "A1");
        assert_eq!(d.actions_removed[0].action.id, "C3");
        assert_eq!(d.actions_changed.len(), 2);
        assert_eq!(d.strategies_removed.len(), 1);
        let text = render(&d, &old, &new, Lang::Es, DiffFormat::Txt);
        assert!(text.contains("C2  pendiente → hecha: Mesa de coordinación sociosanitaria"), "{text}");
        assert!(text.contains("responsable - → Servicios sociales"), "{text}");
        assert!(text.contains("CAMBIOS DE ESTADO (1)"), "{text}");
        assert!(text.contains("DO1  [Estrategias de reorientación] Fondos para la ventanilla (D1 × O1)"), "{text}");
        assert!(diff(&new, &new).is_empty());
    }
}
