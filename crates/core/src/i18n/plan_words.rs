//! The words of the plan: section headings, column names, status and direction
//! words. The Markdown form writes them and the importer reads any language's
//! back ([`all`]). This file holds their shape; each language's words are in its
//! catalogue (`Catalogue::plan_report`).

use crate::domain::{Direction, Status};

/// Picks one word out of a language's table.
pub type Pick = fn(&PlanWords) -> &'static str;

/// The plan's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct PlanWords {
    /// The start of the crossed strategies' heading, folded: `estrategias cruzadas`.
    pub crossed_heading: &'static str,
    /// The starts, folded, of the headings of other parts of a full export that
    /// the plan importer passes over ([`other_headings`]).
    pub other_headings: &'static [&'static str],
    /// `Horizonte` in the `Horizonte: 2023-2026` line.
    pub horizon: &'static str,
    /// Heading of the informe's section with misión, visión and valores.
    pub formulation: &'static str,
    /// Column of a reto's sources, and the group of actions with no línea.
    pub col_from: &'static str,
    pub no_line: &'static str,
    pub mission: &'static str,
    pub vision: &'static str,
    pub values: &'static str,
    pub challenges: &'static str,
    pub axes_lines: &'static str,
    pub action_plan: &'static str,
    pub indicators: &'static str,
    pub schedule: &'static str,
    pub coverage: &'static str,
    /// Columns of the plan de acción table.
    pub col_line: &'static str,
    pub col_action: &'static str,
    pub col_answers: &'static str,
    pub col_owner: &'static str,
    pub col_start: &'static str,
    pub col_due: &'static str,
    pub col_resources: &'static str,
    pub col_amount: &'static str,
    /// Amounts per year and the funding source (the plan financiero).
    pub col_budget: &'static str,
    pub col_funding: &'static str,
    pub col_partners: &'static str,
    pub col_indicator: &'static str,
    pub col_status: &'static str,
    /// Columns of the indicators table.
    pub col_name: &'static str,
    pub col_unit: &'static str,
    pub col_baseline: &'static str,
    pub col_target: &'static str,
    pub col_direction: &'static str,
    /// Hitos of an indicator, `2024: 30; 2025: 45` (issue 24).
    pub col_milestones: &'static str,
    pub col_measures: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    /// The direction of an indicator to keep where it is (issue 24).
    pub keep: &'static str,
    /// Put before an Afrontar action's ID among a reto's sources (`acción A1`),
    /// since a bare `A1` is the threat.
    pub action: &'static str,
    /// The quarter mark of the cronograma: `T` (trimestre), `Q`.
    pub quarter: &'static str,
    /// pending, in progress, done, dropped.
    pub statuses: [&'static str; 4],
    pub lines_without_actions: &'static str,
    pub actions_without_line: &'static str,
    pub undated: &'static str,
    pub outside: &'static str,
}

/// Every language's plan words: the importer accepts any of them.
pub fn all() -> impl Iterator<Item = &'static PlanWords> {
    crate::i18n::Lang::ALL.iter().map(|l| l.text().plan_report)
}

/// Headings of other parts of a full export that a plan file may carry and the
/// plan importer passes over (compared folded, by their start), in every language.
pub fn other_headings() -> impl Iterator<Item = &'static str> {
    all().flat_map(|w| w.other_headings.iter().copied())
}

impl PlanWords {
    pub fn for_lang(lang: crate::i18n::Lang) -> PlanWords {
        *lang.text().plan_report
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.statuses[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub fn direction(&self, d: Direction) -> &'static str {
        match d {
            Direction::Up => self.up,
            Direction::Down => self.down,
            Direction::Keep => self.keep,
        }
    }
}

/// How headings and words are compared: folded ([`crate::domain::text::fold`]),
/// runs of spaces made one.
pub fn fold(text: &str) -> String {
    crate::domain::text::fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is this word in some language (`pick` chooses the word).
pub fn is_word(text: &str, pick: impl Fn(&PlanWords) -> &'static str) -> bool {
    let t = fold(text);
    all().any(|w| fold(pick(w)) == t)
}

/// A status in any language, or its CSV token (`in_progress`).
pub fn status_from(text: &str) -> Option<Status> {
    let t = fold(text);
    Status::ALL
        .into_iter()
        .find(|&s| all().any(|w| fold(w.status(s)) == t))
        .or_else(|| crate::labels::status_from(text))
}

/// A direction in any language, or an arrow (`↑`, `↓`).
pub fn direction_from(text: &str) -> Option<Direction> {
    match text.trim() {
        "↑" => return Some(Direction::Up),
        "↓" => return Some(Direction::Down),
        "=" => return Some(Direction::Keep),
        _ => {}
    }
    let t = fold(text);
    // Catalan also says `mantenir`, Valencian `mantindre`.
    if t == "mantenir" {
        return Some(Direction::Keep);
    }
    [Direction::Up, Direction::Down, Direction::Keep].into_iter().find(|&d| all().any(|w| fold(w.direction(d)) == t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_in_every_language() {
        for w in all() {
            for s in Status::ALL {
                assert_eq!(status_from(w.status(s)), Some(s));
            }
            assert_eq!(direction_from(w.down), Some(Direction::Down), "{}", w.down);
            assert_eq!(direction_from(w.up), Some(Direction::Up), "{}", w.up);
            assert_eq!(direction_from(w.keep), Some(Direction::Keep), "{}", w.keep);
            assert!(is_word(&w.axes_lines.to_uppercase(), |x| x.axes_lines));
        }
        assert_eq!(status_from("in_progress"), Some(Status::InProgress));
        assert!(is_word("pla d'accio", |x| x.action_plan));
        assert_eq!(direction_from("↓"), Some(Direction::Down));
    }

    #[test]
    fn each_language_names_the_headings_the_importer_passes_over_folded() {
        for l in crate::i18n::Lang::ALL {
            let w = l.text().plan_report;
            assert!(fold(l.text().plan.strategies).starts_with(w.crossed_heading), "{l:?}");
            assert!(w.other_headings.contains(&w.crossed_heading), "{l:?}");
            for h in w.other_headings {
                assert_eq!(fold(h), *h, "{l:?}");
            }
        }
        assert!(other_headings().any(|h| h == "session details"));
    }
}
