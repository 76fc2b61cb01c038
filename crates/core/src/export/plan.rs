//! What the CAME part of a session looks like in every export: actions by CAME
//! quadrant with the factors they answer, crossed strategies, coverage, and the
//! EFI/EFE evaluation. Shared by the renderers, so they say the same things.

use crate::domain::{CameAction, Evaluation, Factor, Matrix, Quadrant, Session};
use crate::i18n::{Lang, PlanWords};
use crate::labels;

use super::doc::Detail;
use super::safe;

/// Words of the CAME sections, from the language's catalogue.
pub(crate) type Words = PlanWords;

impl PlanWords {
    pub fn new(lang: Lang) -> Words {
        lang.text().plan
    }

    /// "3 votos", "1 vote", or empty for none.
    pub fn vote_count(&self, n: u32) -> String {
        match n {
            0 => String::new(),
            1 => format!("1 {}", self.vote),
            n => format!("{n} {}", self.votes),
        }
    }
}

/// Whether the session has anything of the CAME stage to show.
pub(crate) fn has_actions(s: &Session) -> bool {
    s.all_actions().next().is_some()
}

/// A linked factor ID as `lang` shows it, made safe, with `?` when no factor has
/// it (a dangling link).
pub(crate) fn link(s: &Session, lang: Lang, id: &str) -> String {
    let shown = safe(&lang.show_id(id)).into_owned();
    if s.find_factor(id).is_some() { shown } else { format!("{shown}?") }
}

/// The linked IDs of an action or strategy: `D1, D9?`.
pub(crate) fn links<'a>(s: &Session, lang: Lang, ids: impl IntoIterator<Item = &'a String>, sep: &str) -> String {
    ids.into_iter().map(|id| link(s, lang, id)).collect::<Vec<_>>().join(sep)
}

/// Heading of a CAME quadrant: "Mantener (Fortalezas)".
pub(crate) fn came_heading(s: &Session, lang: Lang, c: crate::domain::Came) -> String {
    format!("{} ({})", labels::came(lang, s.meta.labels, c), lang.quadrant(c.source()))
}

/// Heading of a kind of strategy: "Información y promoción (FO)".
pub(crate) fn crossed_heading(s: &Session, lang: Lang, k: crate::domain::Crossed) -> String {
    format!("{} ({})", labels::crossed(lang, s.meta.labels, k), labels::crossed_code(lang, k))
}

/// "1 de 3 factores sin acción" / "1 of 3 factors without action".
pub(crate) fn coverage(s: &Session, lang: Lang, q: Quadrant) -> String {
    (lang.text().plan.coverage)(s.unanswered(q), s.factors(q).len())
}

/// The optional details of an action, each already labelled and safe:
/// status, owner, due, indicator, votes, carried over. The due date's detail
/// says which column repeats it (`due_column`): it is found by what it is, not
/// by comparing written dates.
pub(crate) fn details(lang: Lang, a: &CameAction, due_column: usize) -> Vec<Detail> {
    let w = Words::new(lang);
    let plain = |text: String| Detail::plain(text, None);
    let mut out = vec![plain(labels::status(lang, a.status).to_owned())];
    if let Some(o) = a.owner.as_deref().filter(|o| !o.trim().is_empty()) {
        out.push(plain(format!("{}: {}", w.owner, safe(o))));
    }
    if let Some(d) = a.due {
        out.push(Detail::plain(format!("{}: {}", w.due, lang.locale().date(d)), Some(due_column)));
    }
    // The linked indicators, the free text as their note.
    if let Some(text) = indicators_with_note(lang, a) {
        out.push(plain(format!("{}: {}", w.indicator, safe(&text))));
    }
    if a.votes > 0 {
        out.push(plain(w.vote_count(a.votes)));
    }
    if a.carried {
        out.push(plain(w.carried.to_owned()));
    }
    out
}

/// A number with `decimals` decimals in the language's notation ([`Lang::number`]).
pub(crate) fn num(lang: Lang, x: f64, decimals: usize) -> String {
    lang.number(x, decimals)
}

/// One weighed matrix: all its factors (those without a weight too), and the sums.
pub(crate) struct Table<'a> {
    pub matrix: Matrix,
    pub rows: Vec<&'a Factor>,
    pub eval: Evaluation,
}

impl Table<'_> {
    /// How many factors have no weight, so the sum leaves them out.
    pub fn unweighted(&self) -> usize {
        self.rows.iter().filter(|f| f.weight.is_none()).count()
    }
}

/// The EFI and EFE tables of the matrices where some weight is set.
pub(crate) fn tables(s: &Session) -> Vec<Table<'_>> {
    Matrix::ALL
        .into_iter()
        .map(|m| Table {
            matrix: m,
            rows: m.quadrants().iter().flat_map(|&q| s.factors(q)).collect(),
            eval: s.evaluate(m),
        })
        .filter(|t| t.eval.weighted > 0)
        .collect()
}

/// "Matriz EFI (factores internos)" / "IFE matrix (internal factors)".
pub(crate) fn matrix_heading(lang: Lang, m: Matrix) -> &'static str {
    lang.matrix_heading(m)
}

/// Weight × rating of a factor, when it has both.
pub(crate) fn weighted(f: &Factor) -> Option<f64> {
    Some(f.weight? * f64::from(f.rating?))
}

/// The reading of a total, and a warning when the weights do not sum to 1.
pub(crate) fn notes(lang: Lang, e: &Evaluation, unweighted: usize) -> Vec<String> {
    let plan = &lang.text().plan;
    let mut out = vec![(plan.total_note)(&num(lang, e.total, 2))];
    if !e.balanced() {
        out.push((plan.unbalanced)(&num(lang, e.weight_sum, 2)));
    }
    if unweighted > 0 {
        out.push((plan.incomplete_sum)(unweighted));
    }
    out
}

/// An action's linked indicators and its indicator note, as one text:
/// `I1, I2 (nota: Altas)`, `Altas` (the note alone), `I1`; `None` when it has neither.
pub fn indicators_with_note(lang: Lang, a: &CameAction) -> Option<String> {
    let ids = a.indicators.join(", ");
    let word = lang.indicator_words().note;
    match (ids.is_empty(), a.indicator.as_deref().filter(|n| !n.trim().is_empty())) {
        (true, None) => None,
        (false, None) => Some(ids),
        // With no indicator linked, the note is all there is: not `nota: …`
        // after the indicator's label (the trial read `indicador: nota: …`).
        (true, Some(note)) => Some(note.to_owned()),
        (false, Some(note)) => Some(format!("{ids} ({word}: {note})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CAME lists and the screen print an indicator note with no indicator
    /// linked as the note alone: `Indicador: Mapa publicado`, not
    /// `Indicador: nota: Mapa publicado`; beside linked IDs it says it is a note.
    #[test]
    fn a_note_without_indicators_is_not_called_a_note() {
        let mut a = CameAction::new("M1", "Mapa", vec![]);
        assert_eq!(indicators_with_note(Lang::Es, &a), None);
        a.indicator = Some("Mapa publicado".into());
        for lang in [Lang::Es, Lang::En, Lang::Ca] {
            assert_eq!(indicators_with_note(lang, &a).as_deref(), Some("Mapa publicado"), "{lang:?}");
        }
        a.indicators = vec!["I1".into(), "I2".into()];
        assert_eq!(indicators_with_note(Lang::Es, &a).as_deref(), Some("I1, I2 (nota: Mapa publicado)"));
        a.indicator = None;
        assert_eq!(indicators_with_note(Lang::Es, &a).as_deref(), Some("I1, I2"));
    }
}
