//! Sources of factors: which group (técnicos, políticos, asociaciones, encuesta…)
//! raised each factor, the short marks shown after a factor (`[T·P]`), the
//! count of factors per source and quadrant, and score ranges across sources.
//! Pure functions, so every exporter and the grid render the same thing.

use serde::{Deserialize, Serialize};

use super::quadrant::Quadrant;
use super::session::{Factor, Session};
use super::text::clean_text;

/// One group's wording and scores of a factor, kept when sessions are merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub source: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A source name as stored: cleaned, lower-case kept as typed. `None` if empty.
pub fn source_name(raw: &str) -> Option<String> {
    let name = clean_text(raw);
    (!name.is_empty()).then_some(name)
}

/// The sources of `factor` in `session`: its own list, else the session's group.
pub fn sources_of(session: &Session, factor: &Factor) -> Vec<String> {
    if factor.sources.is_empty() { session.meta.group.iter().cloned().collect() } else { factor.sources.clone() }
}

/// Tags every factor of `session` with `source` (`dafo import --source`).
pub fn tag_all(session: &mut Session, source: &str) {
    for q in Quadrant::ALL {
        for f in session.factors_mut(q) {
            if !f.sources.iter().any(|s| s == source) {
                f.sources.push(source.to_owned());
            }
        }
    }
}

/// Every source named in the session, in order of first appearance.
pub fn all_sources(session: &Session) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for q in Quadrant::ALL {
        for f in session.factors(q) {
            for s in sources_of(session, f) {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Short marks for `sources`: the first letter, upper-case, lengthened until
/// no two sources share a mark (técnicos T, políticos P, asociaciones A).
pub fn marks(sources: &[String]) -> Vec<(String, String)> {
    let letters = |s: &str, n: usize| -> String { s.chars().take(n).collect::<String>().to_uppercase() };
    sources
        .iter()
        .map(|s| {
            let longest = s.chars().count().max(1);
            let mark = (1..=longest)
                .map(|n| letters(s, n))
                .find(|m| sources.iter().filter(|o| *o != s).all(|o| letters(o, m.chars().count()) != *m))
                .unwrap_or_else(|| s.to_uppercase());
            (s.clone(), mark)
        })
        .collect()
}

/// The suffix shown after a factor: `[T·P]`, or empty when the session names
/// no sources (or only its own group, which says nothing).
pub fn suffix(session: &Session, factor: &Factor) -> String {
    // Untagged factors are the session's own group: no marks, and no walk
    // over every factor for each one drawn.
    if factor.sources.is_empty() {
        return String::new();
    }
    let all = all_sources(session);
    let marks = marks(&all);
    let mine = sources_of(session, factor);
    let shown: Vec<&str> = marks.iter().filter(|(s, _)| mine.contains(s)).map(|(_, m)| m.as_str()).collect();
    if shown.is_empty() { String::new() } else { format!("[{}]", shown.join("·")) }
}

/// How many factors of each quadrant each source raised, in grid order; empty
/// when the session names no sources.
pub fn counts(session: &Session) -> Vec<(Quadrant, Vec<(String, usize)>)> {
    let all = all_sources(session);
    if all.is_empty() {
        return Vec::new();
    }
    Quadrant::ALL
        .into_iter()
        .map(|q| {
            let per = all
                .iter()
                .map(|s| {
                    let n = session.factors(q).iter().filter(|f| sources_of(session, f).contains(s)).count();
                    (s.clone(), n)
                })
                .collect();
            (q, per)
        })
        .collect()
}

/// One line of the legend and counts: `técnicos (T) 3 · políticos (P) 2`.
pub fn counts_line(session: &Session, q: Quadrant) -> Option<String> {
    let marks = marks(&all_sources(session));
    let (_, per) = counts(session).into_iter().find(|(k, _)| *k == q)?;
    let parts: Vec<String> = per
        .iter()
        .map(|(s, n)| {
            let mark = marks.iter().find(|(name, _)| name == s).map(|(_, m)| m.as_str()).unwrap_or("");
            format!("{s} ({mark}) {n}")
        })
        .collect();
    Some(parts.join(" · "))
}

/// The lowest and highest value of a score over the factor's origins (or the
/// factor's own value), when they differ: "impact 3–5" until the room decides.
pub fn range<T: PartialOrd + Copy>(own: Option<T>, per_source: impl Iterator<Item = Option<T>>) -> Option<(T, T)> {
    let values: Vec<T> = own.into_iter().chain(per_source.flatten()).collect();
    let mut it = values.iter().copied();
    let first = it.next()?;
    let (lo, hi) = it.fold((first, first), |(lo, hi), v| (if v < lo { v } else { lo }, if v > hi { v } else { hi }));
    Some((lo, hi))
}

/// The impact of a factor as shown: `4`, or `3–5` when its sources disagree.
pub fn impact_text(factor: &Factor) -> Option<String> {
    let (lo, hi) = range(factor.impact, factor.origins.iter().map(|o| o.impact))?;
    Some(if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn session() -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut a = Factor::new("D1", "Listas de espera");
        a.sources = vec!["técnicos".into(), "políticos".into()];
        let mut b = Factor::new("D2", "Poca coordinación");
        b.sources = vec!["asociaciones".into()];
        let mut c = Factor::new("D3", "Personal temporal");
        c.sources = vec!["técnicos".into(), "tercer sector".into()];
        s.weaknesses = vec![a, b, c];
        s
    }

    #[test]
    fn marks_are_unique() {
        let s = session();
        let m = marks(&all_sources(&s));
        let got: Vec<&str> = m.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(got, ["TÉ", "P", "A", "TE"]);
    }

    #[test]
    fn suffix_and_counts() {
        let mut s = session();
        s.weaknesses[2].sources = vec!["técnicos".into()];
        assert_eq!(suffix(&s, &s.weaknesses[0]), "[T·P]");
        assert_eq!(suffix(&s, &s.weaknesses[1]), "[A]");
        assert_eq!(
            counts_line(&s, Quadrant::Weaknesses).unwrap(),
            "técnicos (T) 2 · políticos (P) 1 · asociaciones (A) 1"
        );
        assert_eq!(
            counts_line(&s, Quadrant::Threats).unwrap(),
            "técnicos (T) 0 · políticos (P) 0 · asociaciones (A) 0"
        );
    }

    #[test]
    fn the_group_is_the_default_source() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        s.strengths.push(Factor::new("F1", "Red de centros"));
        assert!(counts(&s).is_empty());
        assert_eq!(suffix(&s, &s.strengths[0]), "");
        s.meta.group = Some("técnicos".into());
        assert_eq!(sources_of(&s, &s.strengths[0]), ["técnicos"]);
        assert_eq!(suffix(&s, &s.strengths[0]), "", "a one-group session needs no marks");
        assert_eq!(counts(&s)[0].1, [("técnicos".to_owned(), 1)]);
    }

    #[test]
    fn impact_range_spans_sources() {
        let mut f = Factor::new("F1", "x");
        assert_eq!(impact_text(&f), None);
        f.origins = [Some(3), None, Some(5)]
            .into_iter()
            .map(|impact| Origin { source: "s".into(), text: "x".into(), votes: 0, impact, weight: None, rating: None })
            .collect();
        assert_eq!(impact_text(&f).unwrap(), "3–5");
    }
}
