//! The session document: metadata, the four factor lists and ID counters.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::came::{Came, CameAction};
use super::clash::Clash;
use super::conflict::Conflict;
use super::edit::{Edit, ListOp};
use super::plan::{Axis, Challenge, Horizon, Indicator, Line};
use super::quadrant::Quadrant;
use super::review::{ActionReview, IndicatorValue, YearReview};
use super::rules::{self, Impact, ItemId, MAX_ID_NUMBER, Rating, Weight};
use super::sources::Origin;
use super::strategy::Strategy;
use super::text::clean_text;

/// Version of the file format written by this build. Older versions are migrated
/// on load; newer ones are refused.
pub const FORMAT_VERSION: u32 = 4;

/// A whole workshop session, as stored in one RON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    pub meta: Meta,
    /// Highest number handed out per ID prefix, so IDs are never reused,
    /// not even after a delete.
    /// (`u64`: files whose IDs reach `u32::MAX` go on counting; see [`super::rules::MAX_ID_NUMBER`].)
    #[serde(default)]
    pub last_ids: BTreeMap<String, u64>,
    #[serde(default)]
    pub strengths: Vec<Factor>,
    #[serde(default)]
    pub weaknesses: Vec<Factor>,
    #[serde(default)]
    pub opportunities: Vec<Factor>,
    #[serde(default)]
    pub threats: Vec<Factor>,
    /// CAME actions (format version 2), one list per CAME quadrant.
    #[serde(default)]
    pub maintain: Vec<CameAction>,
    #[serde(default)]
    pub correct: Vec<CameAction>,
    #[serde(default)]
    pub exploit: Vec<CameAction>,
    #[serde(default)]
    pub confront: Vec<CameAction>,
    /// Crossed strategies (FO, FA, DO, DA).
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    // ---- The plan (format version 3); each left out of the file when empty. ----
    /// Misión: what the body is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    /// Visión: where it wants to be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    /// Valores, a short list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Fuentes de financiación actions may name (empty: the language's default list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<String>,
    /// Retos estratégicos (R1…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// Ejes (EJ1…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub axes: Vec<Axis>,
    /// Líneas (L1…) of every eje; each names its eje.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Line>,
    /// Indicators (I1…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    // ---- Seguimiento (format version 3, optional); each left out when empty. ----
    /// Action reviews, one per action and year, in year order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ActionReview>,
    /// The record of each year's review meeting, in year order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review_years: Vec<YearReview>,
    /// Indicators' actual values, one per indicator and year, in year order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_values: Vec<IndicatorValue>,
    /// Clashes the git merge driver left in the plan and the follow-up (see
    /// `domain::clash`); `dafo check` refuses the file while any is left.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clashes: Vec<Clash>,
}

/// Who, what, when and where of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    #[serde(deserialize_with = "rules::field::day")]
    pub created: Timestamp,
    pub modified: Timestamp,
    /// Language of the content (not of the UI), e.g. `"es"`.
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<String>,
    /// Which names the CAME verbs and crossed strategies get on screen and in exports.
    #[serde(default, skip_serializing_if = "LabelSet::is_classic")]
    pub labels: LabelSet,
    /// The group whose session this is (técnicos, políticos, asociaciones…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The years the plan covers (format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// The participation process: the group sessions (and questionnaires) the
    /// diagnosis was made from, kept by `dafo merge` (see `domain::meetings`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<super::meetings::Meeting>,
    /// What `dafo merge` decided, in short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge: Option<super::meetings::MergeRecord>,
    /// The session's áreas temáticas and cross-cutting impacts, when it keeps
    /// its own lists (else the language's defaults: see `domain::themes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub impacts: Vec<String>,
    /// The body the document is made for or by (ayuntamiento, asociación):
    /// the informe's cover and its author (issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A logo for the informe's cover: a PNG, JPEG or SVG file, relative to
    /// the session file's folder unless absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// The set of display labels a team prefers for CAME and the crossed matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LabelSet {
    /// Corregir, Afrontar, Mantener, Explotar; ofensivas, defensivas, reorientación, supervivencia.
    #[default]
    Classic,
    /// Labels from social-work functions (información y promoción; prevención,
    /// sensibilización y mediación; atención integral; incidencia política,
    /// planificación y evaluación), and *Adaptar* for *Afrontar*.
    SocialWork,
}

impl LabelSet {
    pub fn is_classic(&self) -> bool {
        *self == LabelSet::Classic
    }

    pub fn toggle(self) -> LabelSet {
        match self {
            LabelSet::Classic => LabelSet::SocialWork,
            LabelSet::SocialWork => LabelSet::Classic,
        }
    }
}

/// The language of a session that does not say one (files from before the
/// language was stored; a CSV export's session row leaves it empty).
pub const DEFAULT_LANGUAGE: &str = "es";

fn default_language() -> String {
    DEFAULT_LANGUAGE.to_owned()
}

/// One DAFO factor: a short sentence the room agreed on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    pub text: String,
    /// Dot votes.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// Impact score 1-5 ([`Impact`]; a file out of range is refused on load).
    #[serde(default, deserialize_with = "rules::field::impact", skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    /// EFI/EFE weight, 0.0-1.0 ([`Weight`]); the weights of one matrix sum to 1.0.
    #[serde(default, deserialize_with = "rules::field::weight", skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// EFI/EFE rating, 1-4 ([`Rating`]).
    #[serde(default, deserialize_with = "rules::field::rating", skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// Carried over from an earlier session (`dafo new --from`), still to be
    /// confirmed or dropped by the room. Absent from the file when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub carried: bool,
    /// Groups this factor came from (técnicos, encuesta…); empty means the
    /// session's own group. See `domain::sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Every original wording and score, per source, kept by `dafo merge`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<Origin>,
    /// Set by the git merge driver when two versions of this factor clash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    /// Áreas temáticas of the factor, by name (see `domain::themes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Factor {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Factor {
        Factor {
            id: id.into(),
            text: text.into(),
            votes: 0,
            impact: None,
            weight: None,
            rating: None,
            carried: false,
            sources: Vec::new(),
            origins: Vec::new(),
            conflict: None,
            themes: Vec::new(),
        }
    }
}

impl Session {
    /// An empty session created at `now`.
    pub fn new(title: &str, now: Timestamp) -> Session {
        Session {
            version: FORMAT_VERSION,
            meta: Meta {
                title: clean_text(title),
                created: now,
                modified: now,
                language: default_language(),
                place: None,
                participants: None,
                labels: LabelSet::Classic,
                group: None,
                horizon: None,
                meetings: Vec::new(),
                merge: None,
                themes: Vec::new(),
                impacts: Vec::new(),
                body: None,
                logo: None,
            },
            last_ids: BTreeMap::new(),
            strengths: Vec::new(),
            weaknesses: Vec::new(),
            opportunities: Vec::new(),
            threats: Vec::new(),
            maintain: Vec::new(),
            correct: Vec::new(),
            exploit: Vec::new(),
            confront: Vec::new(),
            strategies: Vec::new(),
            mission: None,
            vision: None,
            values: Vec::new(),
            funding: Vec::new(),
            challenges: Vec::new(),
            axes: Vec::new(),
            lines: Vec::new(),
            indicators: Vec::new(),
            reviews: Vec::new(),
            review_years: Vec::new(),
            indicator_values: Vec::new(),
            clashes: Vec::new(),
        }
    }

    /// The factors of a quadrant, in the facilitator's order.
    pub fn factors(&self, q: Quadrant) -> &[Factor] {
        match q {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }

    /// The factors of quadrant `q`, to change (for building sessions; edits of an open one go through `Document`).
    pub fn factors_mut(&mut self, q: Quadrant) -> &mut Vec<Factor> {
        match q {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }

    /// Number of factors per quadrant, in grid order.
    pub fn counts(&self) -> [usize; 4] {
        Quadrant::ALL.map(|q| self.factors(q).len())
    }

    /// Total number of factors.
    pub fn total(&self) -> usize {
        self.counts().iter().sum()
    }

    /// Where the factor with this ID is. IDs are unique in a session (the
    /// loader refuses a repeated one), so the first place looked at is where
    /// the factor usually is: `D7` seventh of the Debilidades. Else every list
    /// is searched, so exports that look up each action's links do not take
    /// links × factors steps on a large session made in order.
    pub fn find_factor(&self, id: &str) -> Option<(Quadrant, usize)> {
        self.factor_where_numbered(id).or_else(|| {
            Quadrant::ALL.into_iter().find_map(|q| self.factors(q).iter().position(|f| f.id == id).map(|i| (q, i)))
        })
    }

    /// `D7` if it is the seventh factor of the quadrant its prefix names.
    fn factor_where_numbered(&self, id: &str) -> Option<(Quadrant, usize)> {
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = &id[..id.len() - digits.len()];
        let q = Quadrant::ALL.into_iter().find(|q| q.prefix() == prefix)?;
        let i = digits.parse::<usize>().ok()?.checked_sub(1)?;
        (self.factors(q).get(i)?.id == id).then_some((q, i))
    }

    /// Hands out the next unused ID with this prefix (`F1`, `F2`, ...).
    pub fn next_id(&mut self, prefix: &str) -> String {
        let n = self.bump(prefix);
        format!("{prefix}{n}")
    }

    /// Increments and returns the ID counter `key`. Loading refuses counters above
    /// [`MAX_ID_NUMBER`], so this never wraps round to an ID in use.
    pub(crate) fn bump(&mut self, key: &str) -> u64 {
        let n = self.last_ids.entry(key.to_owned()).or_insert(0);
        *n = n.saturating_add(1);
        *n
    }

    /// The first ID counter past [`MAX_ID_NUMBER`] (only a hand-made file has one):
    /// its key and value. Such a file is refused on load.
    pub fn counter_at_its_end(&self) -> Option<(&str, u64)> {
        self.last_ids.iter().find(|(_, n)| **n > MAX_ID_NUMBER).map(|(k, n)| (k.as_str(), *n))
    }

    /// Raises the ID counters above every ID present, so that a hand-edited file
    /// can never make an ID be handed out twice. Called after loading.
    pub fn normalise_ids(&mut self) {
        let highest: Vec<(&'static str, u64)> = (self.id_lists().into_iter())
            .map(|list| {
                (list.counter, list.ids.iter().filter_map(|id| ItemId::number_for(id, list.prefix)).max().unwrap_or(0))
            })
            .collect();
        self.raise_counters(highest);
    }

    /// Raises each counter named (a key of `last_ids`) to at least its number.
    pub(crate) fn raise_counters(&mut self, highest: impl IntoIterator<Item = (&'static str, u64)>) {
        for (key, top) in highest {
            if top > 0 {
                let counter = self.last_ids.entry(key.to_owned()).or_insert(0);
                *counter = (*counter).max(top);
            }
        }
    }

    /// Every list of items that carry IDs, in file order, each with the key of its
    /// counter in `last_ids` and the prefix its IDs must have.
    pub(crate) fn id_lists(&self) -> Vec<IdList<'_>> {
        fn list<'a>(counter: &'static str, prefix: &'static str, ids: Vec<&'a str>) -> IdList<'a> {
            IdList { counter, prefix, ids }
        }
        let mut lists = Vec::with_capacity(16);
        for q in Quadrant::ALL {
            lists.push(list(q.prefix(), q.prefix(), self.factors(q).iter().map(|f| f.id.as_str()).collect()));
        }
        for c in Came::ALL {
            lists.push(list(c.counter_key(), c.prefix(), self.actions(c).iter().map(|a| a.id.as_str()).collect()));
        }
        for k in super::strategy::Crossed::ALL {
            let ids = self.strategies.iter().filter(|s| s.kind == k).map(|s| s.id.as_str());
            lists.push(list(k.prefix(), k.prefix(), ids.collect()));
        }
        for (prefix, ids) in self.plan_ids() {
            lists.push(list(prefix, prefix, ids));
        }
        lists
    }

    // ---- Edit builders: each returns the edit to apply, so undo covers it. ----

    /// A new factor at the end of `q`, with a fresh ID. `None` for empty text.
    pub fn add_factor(&mut self, q: Quadrant, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        let at = self.factors(q).len();
        let id = self.next_id(q.prefix());
        Some(Edit::Factor(q, ListOp::Insert(at, Factor::new(id, text))))
    }

    /// Several new factors at the end of `q`, in order, as one edit. `None` if
    /// every text is empty.
    pub fn add_factors<'t>(&mut self, q: Quadrant, texts: impl IntoIterator<Item = &'t str>) -> Option<Edit> {
        let start = self.factors(q).len();
        let edits: Vec<Edit> = texts
            .into_iter()
            .map(clean_text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .into_iter()
            .enumerate()
            .map(|(n, text)| Edit::Factor(q, ListOp::Insert(start + n, Factor::new(self.next_id(q.prefix()), text))))
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// Rewords factor `i` of `q`. `None` if nothing changes or the text is empty.
    /// Editing a factor carried over from last year confirms it, even unchanged.
    pub fn reword_factor(&self, q: Quadrant, i: usize, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        let old = self.factors(q).get(i)?;
        if text.is_empty() || (text == old.text && !old.carried) {
            return None;
        }
        Some(Edit::Factor(q, ListOp::Replace(i, Factor { text, carried: false, ..old.clone() })))
    }

    /// Removes factor `i` of `q`.
    pub fn delete_factor(&self, q: Quadrant, i: usize) -> Option<Edit> {
        self.factors(q).get(i)?;
        Some(Edit::Factor(q, ListOp::Remove(i)))
    }

    /// Moves factor `i` of `q` up (`delta < 0`) or down inside its quadrant.
    pub fn shift_factor(&self, q: Quadrant, i: usize, delta: isize) -> Option<Edit> {
        let list = self.factors(q);
        let factor = list.get(i)?.clone();
        let to = i.checked_add_signed(delta).filter(|&t| t < list.len())?;
        Some(Edit::Batch(vec![Edit::Factor(q, ListOp::Remove(i)), Edit::Factor(q, ListOp::Insert(to, factor))]))
    }

    /// Moves factor `i` of `q` to the end of quadrant `to`. It gets a fresh ID
    /// of its new quadrant (a weakness `D3` moved to threats becomes `A7`).
    pub fn move_factor(&mut self, q: Quadrant, i: usize, to: Quadrant) -> Option<Edit> {
        if q == to {
            return None;
        }
        let factor = self.factors(q).get(i)?.clone();
        let at = self.factors(to).len();
        let id = self.next_id(to.prefix());
        let mut edits = self.relink(&factor.id, &id);
        edits.push(Edit::Factor(q, ListOp::Remove(i)));
        edits.push(Edit::Factor(to, ListOp::Insert(at, Factor { id, ..factor })));
        Some(Edit::Batch(edits))
    }

    /// Adds `delta` dot votes to factor `i` of `q` (never below zero).
    pub fn vote_factor(&self, q: Quadrant, i: usize, delta: i32) -> Option<Edit> {
        self.change_factor(q, i, |f| f.votes = f.votes.saturating_add_signed(delta))
    }

    /// Replaces factor `i` of `q` with `f(old)`; `None` if nothing changes or a value
    /// is out of range ([`Impact`], [`Weight`], [`Rating`]: the same rules as loading
    /// and importing, so nothing is clamped here that a file would be refused for).
    pub fn change_factor(&self, q: Quadrant, i: usize, f: impl FnOnce(&mut Factor)) -> Option<Edit> {
        let old = self.factors(q).get(i)?;
        let mut new = old.clone();
        f(&mut new);
        let fits = new.impact.is_none_or(|v| Impact::try_from(v).is_ok())
            && new.rating.is_none_or(|v| Rating::try_from(v).is_ok())
            && new.weight.is_none_or(|w| Weight::try_from(w).is_ok());
        (fits && new != *old).then_some(Edit::Factor(q, ListOp::Replace(i, new)))
    }
}

/// The IDs of one list of items (a quadrant, a CAME group, a kind of crossed
/// strategy, retos, ejes, líneas or indicators), in file order.
pub(crate) struct IdList<'a> {
    /// The key of the list's counter in [`Session::last_ids`].
    pub counter: &'static str,
    /// The prefix every ID of the list carries.
    pub prefix: &'static str,
    pub ids: Vec<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new("Prueba", Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn ids_are_never_reused() {
        let mut s = session();
        let e = s.add_factor(Quadrant::Strengths, "Uno").unwrap();
        s.apply(e).unwrap();
        let e = s.delete_factor(Quadrant::Strengths, 0).unwrap();
        s.apply(e).unwrap();
        let e = s.add_factor(Quadrant::Strengths, "Dos").unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.strengths[0].id, "F2");
    }

    #[test]
    fn empty_text_adds_nothing() {
        let mut s = session();
        assert!(s.add_factor(Quadrant::Threats, "  \u{1b}[31m ").is_none());
    }

    #[test]
    fn moving_to_another_quadrant_renames() {
        let mut s = session();
        let e = s.add_factor(Quadrant::Weaknesses, "Listas de espera").unwrap();
        s.apply(e).unwrap();
        let e = s.move_factor(Quadrant::Weaknesses, 0, Quadrant::Threats).unwrap();
        s.apply(e).unwrap();
        assert!(s.weaknesses.is_empty());
        assert_eq!(s.threats[0].id, "A1");
        assert_eq!(s.threats[0].text, "Listas de espera");
    }

    #[test]
    fn factors_are_found_in_place_or_anywhere_else() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        s.weaknesses = vec![Factor::new("D2", "b"), Factor::new("D1", "a"), Factor::new("F9", "moved here")];
        s.strengths = vec![Factor::new("F1", "x"), Factor::new("D3", "moved there")];
        assert_eq!(s.find_factor("F1"), Some((Quadrant::Strengths, 0)));
        assert_eq!(s.find_factor("D2"), Some((Quadrant::Weaknesses, 0)));
        assert_eq!(s.find_factor("D1"), Some((Quadrant::Weaknesses, 1)));
        assert_eq!(s.find_factor("F9"), Some((Quadrant::Weaknesses, 2)));
        assert_eq!(s.find_factor("D3"), Some((Quadrant::Strengths, 1)));
        for missing in ["D4", "D0", "X1", "", "D", "F18446744073709551616"] {
            assert_eq!(s.find_factor(missing), None, "{missing}");
        }
    }

    #[test]
    fn normalise_ids_raises_counters() {
        let mut s = session();
        s.strengths.push(Factor::new("F9", "a"));
        s.normalise_ids();
        assert_eq!(s.next_id("F"), "F10");
    }

    #[test]
    fn ids_go_on_past_u32_max_and_never_repeat() {
        let mut s = session();
        s.strengths.push(Factor::new("F4294967295", "a"));
        s.normalise_ids();
        assert_eq!(s.next_id("F"), "F4294967296");
        let mut s = session();
        s.last_ids.insert("F".into(), u64::from(u32::MAX));
        assert_eq!(s.next_id("F"), "F4294967296");
        assert_eq!(s.counter_at_its_end(), None);
        s.last_ids.insert("F".into(), u64::MAX);
        assert_eq!(s.counter_at_its_end(), Some(("F", u64::MAX)));
    }

    #[test]
    fn shift_stays_in_bounds() {
        let mut s = session();
        for t in ["a", "b"] {
            let e = s.add_factor(Quadrant::Strengths, t).unwrap();
            s.apply(e).unwrap();
        }
        assert!(s.shift_factor(Quadrant::Strengths, 0, -1).is_none());
        assert!(s.shift_factor(Quadrant::Strengths, 1, 1).is_none());
        let e = s.shift_factor(Quadrant::Strengths, 1, -1).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.strengths[0].text, "b");
    }
}
