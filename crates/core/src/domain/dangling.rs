//! References to items a session does not hold: an action's links, línea and
//! indicators, a strategy's factors and línea, a reto's sources, a línea's eje
//! and indicators, a review's action, an indicator value's indicator. The
//! editor leaves some behind on purpose (a deleted factor's links show as
//! `D3?` until undone or relinked), and a hand edit or a merge may leave
//! others: `dafo check` names every one as a warning, so none passes unseen (a
//! merge that would leave one marks a conflict, which `check` refuses).

use std::collections::HashSet;

use super::plan::Source;
use super::session::Session;

/// One reference to an item the session does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dangling {
    /// The ID of what holds the reference: an item, or the action or
    /// indicator of a review or value (with its `year`).
    pub holder: String,
    pub year: Option<i16>,
    /// The ID it names.
    pub missing: String,
}

fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> HashSet<&'a str> {
    ids.map(String::as_str).collect()
}

impl Session {
    /// Every reference to an item this session does not hold, in file order.
    pub fn dangling(&self) -> Vec<Dangling> {
        let factors = ids(super::Quadrant::ALL.iter().flat_map(|&q| self.factors(q)).map(|f| &f.id));
        let actions = ids(self.all_actions().map(|(_, a)| &a.id));
        let strategies = ids(self.strategies.iter().map(|s| &s.id));
        let axes = ids(self.axes.iter().map(|a| &a.id));
        let lines = ids(self.lines.iter().map(|l| &l.id));
        let indicators = ids(self.indicators.iter().map(|i| &i.id));
        let mut out = Vec::new();
        let mut note = |holder: &str, year: Option<i16>, known: &HashSet<&str>, id: &str| {
            if !known.contains(id) {
                out.push(Dangling { holder: holder.to_owned(), year, missing: id.to_owned() });
            }
        };
        for (_, a) in self.all_actions() {
            a.links.iter().for_each(|f| note(&a.id, None, &factors, f));
            a.line.iter().for_each(|l| note(&a.id, None, &lines, l));
            a.indicators.iter().for_each(|i| note(&a.id, None, &indicators, i));
        }
        for s in &self.strategies {
            s.factors.iter().for_each(|f| note(&s.id, None, &factors, f));
            s.line.iter().for_each(|l| note(&s.id, None, &lines, l));
        }
        for c in &self.challenges {
            for source in &c.from {
                let known = match source {
                    Source::Factor(_) => &factors,
                    Source::Action(_) => &actions,
                    Source::Strategy(_) => &strategies,
                };
                note(&c.id, None, known, source.id());
            }
        }
        for l in &self.lines {
            note(&l.id, None, &axes, &l.axis);
            l.indicators.iter().for_each(|i| note(&l.id, None, &indicators, i));
        }
        for r in &self.reviews {
            note(&r.action, Some(r.year), &actions, &r.action);
        }
        for v in &self.indicator_values {
            note(&v.indicator, Some(v.year), &indicators, &v.indicator);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionReview, Axis, CameAction, Challenge, Factor, IndicatorValue, Line};
    use jiff::Timestamp;

    fn found(s: &Session) -> Vec<(String, Option<i16>, String)> {
        s.dangling().into_iter().map(|d| (d.holder, d.year, d.missing)).collect()
    }

    #[test]
    fn every_kind_of_reference_to_a_missing_item_is_found_and_none_to_one_there() {
        let mut s = Session::new("Plan", Timestamp::UNIX_EPOCH);
        s.weaknesses.push(Factor::new("D1", "Listas de espera"));
        s.axes.push(Axis { id: "EJ1".into(), text: "Atención".into() });
        s.lines.push(Line { id: "L1".into(), axis: "EJ1".into(), text: "Cita previa".into(), indicators: vec![] });
        let mut c1 = CameAction::new("C1", "Ventanilla única", vec!["D1".into()]);
        c1.line = Some("L1".into());
        s.correct.push(c1);
        s.challenges.push(Challenge {
            id: "R1".into(),
            text: "Esperar menos".into(),
            from: vec![Source::Factor("D1".into()), Source::Action("C1".into())],
        });
        assert_eq!(found(&s), []);
        s.correct[0].links.push("D3".into());
        s.correct[0].line = Some("L6".into());
        s.correct[0].indicators = vec!["I2".into()];
        s.lines.push(Line {
            id: "L2".into(),
            axis: "EJ3".into(),
            text: "Vivienda".into(),
            indicators: vec!["I1".into()],
        });
        s.challenges[0].from.push(Source::Strategy("DO1".into()));
        s.reviews.push(ActionReview {
            action: "C9".into(),
            year: 2024,
            degree: Default::default(),
            status: Default::default(),
            note: None,
            committed: None,
            paid: None,
        });
        s.indicator_values.push(IndicatorValue { indicator: "I4".into(), year: 2025, actual: 1.0 });
        let pair = |h: &str, m: &str| (h.to_owned(), None, m.to_owned());
        assert_eq!(
            found(&s),
            [
                pair("C1", "D3"),
                pair("C1", "L6"),
                pair("C1", "I2"),
                pair("R1", "DO1"),
                pair("L2", "EJ3"),
                pair("L2", "I1"),
                ("C9".into(), Some(2024), "C9".into()),
                ("I4".into(), Some(2025), "I4".into()),
            ]
        );
    }
}
