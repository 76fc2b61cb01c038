//! `dafo merge --review`: asks, pair by pair, whether two grey-zone factors
//! say the same thing. [`ReviewState`] is the review list the TUI shows
//! (accept, keep apart, undo the last answer, finish); [`review`] reads
//! answers line by line (`s`/`y` joins, anything else keeps apart) when no
//! terminal is attached, so a script can answer too.

use std::io::{BufRead, Write};

use crate::export::safe;
use crate::i18n::Lang;

use super::groups::{Link, Pair, Prefer};

/// The links of the pairs the answers join. At the end of the input the
/// remaining pairs stay apart.
pub fn review(pairs: &[Pair], lang: Lang, input: &mut impl BufRead, out: &mut impl Write) -> Vec<Link> {
    let w = lang.text().merge;
    let mut joined = Vec::new();
    for (n, p) in pairs.iter().enumerate() {
        let _ =
            writeln!(out, "\n[{}/{}] {} ({} {})", n + 1, pairs.len(), w.question, w.likeness, lang.decimal(p.score));
        for f in [&p.a, &p.b] {
            let _ = writeln!(out, "  {} {} ({})", lang.show_id(&f.id), safe(&f.text), safe(&f.sources.join(", ")));
        }
        let _ = write!(out, "{} ", w.line_prompt);
        let _ = out.flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if w.line_yes.contains(&line.trim().to_lowercase().as_str()) {
                    joined.push(p.link.clone());
                }
            }
        }
    }
    let _ = writeln!(out);
    joined
}

/// What the facilitator can say about the pair on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStep {
    /// They say the same thing: merge them.
    Accept,
    /// Different things: keep both.
    KeepApart,
    /// Take back the last answer and show its pair again.
    UndoLast,
    /// Stop: the pairs not answered yet stay apart.
    Finish,
    /// The other wording of the pair on screen stays if they are merged.
    OtherWording,
}

/// The review list: the grey-zone pairs and the answers so far, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewState {
    pub pairs: Vec<Pair>,
    /// One answer per pair answered, in order: `true` joins.
    pub answers: Vec<bool>,
    pub finished: bool,
    /// Which wording of the pair on screen stays if they are merged: 0 its
    /// first factor's, 1 the second's (first shown: the one `prefer` picks).
    pub pick: usize,
    /// The wording chosen with each answer, in order.
    pub picks: Vec<usize>,
    prefer: Prefer,
}

impl ReviewState {
    /// The review of `pairs`, offering the longest wording of each first.
    pub fn new(pairs: Vec<Pair>) -> ReviewState {
        ReviewState::preferring(pairs, Prefer::default())
    }

    /// The review of `pairs`, offering first the wording `prefer` picks.
    pub fn preferring(pairs: Vec<Pair>, prefer: Prefer) -> ReviewState {
        let finished = pairs.is_empty();
        let mut state = ReviewState { pairs, answers: Vec::new(), finished, pick: 0, picks: Vec::new(), prefer };
        state.pick = state.offered();
        state
    }

    /// The wording offered first for the pair on screen.
    fn offered(&self) -> usize {
        self.current().map_or(0, |(_, p)| {
            self.prefer.pick(&[(p.a.text.as_str(), &p.a.sources[..]), (p.b.text.as_str(), &p.b.sources[..])])
        })
    }

    /// The pair to answer now, with its index; `None` when all are answered.
    pub fn current(&self) -> Option<(usize, &Pair)> {
        let n = self.answers.len();
        self.pairs.get(n).map(|p| (n, p))
    }

    /// Applies one answer or command. With every pair answered the list
    /// waits for [`ReviewStep::Finish`], so the last answer can still be taken back.
    pub fn apply(&mut self, step: ReviewStep) {
        if self.finished {
            return;
        }
        match step {
            ReviewStep::Accept | ReviewStep::KeepApart => {
                if self.current().is_some() {
                    self.answers.push(step == ReviewStep::Accept);
                    self.picks.push(self.pick);
                    self.pick = self.offered();
                }
            }
            ReviewStep::UndoLast => {
                self.answers.pop();
                // The pair comes back with the wording chosen for it.
                self.pick = self.picks.pop().unwrap_or_else(|| self.offered());
            }
            ReviewStep::Finish => self.finished = true,
            ReviewStep::OtherWording => {
                if self.current().is_some() {
                    self.pick = 1 - self.pick.min(1);
                }
            }
        }
    }

    /// The links of the pairs accepted, for [`super::Options::joined`].
    pub fn joined(&self) -> Vec<Link> {
        self.pairs.iter().zip(&self.answers).filter(|(_, join)| **join).map(|(p, _)| p.link.clone()).collect()
    }

    /// The wordings chosen for the pairs accepted, for [`super::Options::wordings`].
    pub fn wordings(&self) -> Vec<(Link, String)> {
        let chosen = self.pairs.iter().zip(&self.answers).zip(&self.picks);
        chosen
            .filter(|((_, join), _)| **join)
            .map(|((p, _), &pick)| (p.link.clone(), if pick == 0 { p.a.text.clone() } else { p.b.text.clone() }))
            .collect()
    }

    /// How many pairs were accepted and kept apart so far.
    pub fn counts(&self) -> (usize, usize) {
        let joined = self.answers.iter().filter(|j| **j).count();
        (joined, self.answers.len() - joined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use crate::merge::groups::Named;

    fn pair(n: usize) -> Pair {
        let named =
            |id: &str| Named { quadrant: Quadrant::Weaknesses, id: id.into(), text: "x".into(), sources: vec![] };
        Pair { a: named("D1"), b: named("D2"), score: 0.57, link: ((0, format!("D{n}")), (1, "D1".into())) }
    }

    #[test]
    fn the_review_list_accepts_keeps_apart_undoes_and_finishes() {
        let pairs = vec![pair(1), pair(2), pair(3)];
        let mut r = ReviewState::new(pairs.clone());
        assert_eq!(r.current().map(|(i, _)| i), Some(0));
        r.apply(ReviewStep::Accept);
        r.apply(ReviewStep::KeepApart);
        assert_eq!((r.counts(), r.current().map(|(i, _)| i)), ((1, 1), Some(2)));
        // Undo takes back the last answer: its pair is on screen again.
        r.apply(ReviewStep::UndoLast);
        assert_eq!((r.counts(), r.current().map(|(i, _)| i)), ((1, 0), Some(1)));
        r.apply(ReviewStep::Accept);
        r.apply(ReviewStep::KeepApart);
        assert!(!r.finished && r.current().is_none(), "all answered: waits for finish");
        assert_eq!(r.joined(), [pairs[0].link.clone(), pairs[1].link.clone()]);
        // More answers change nothing; the last one can still be taken back.
        r.apply(ReviewStep::Accept);
        assert_eq!(r.counts(), (2, 1));
        r.apply(ReviewStep::UndoLast);
        r.apply(ReviewStep::Accept);
        assert_eq!(r.joined().len(), 3);
        r.apply(ReviewStep::Finish);
        r.apply(ReviewStep::UndoLast);
        assert!(r.finished && r.joined().len() == 3, "finished is final");
    }

    #[test]
    fn finishing_early_keeps_the_rest_apart_and_undo_on_nothing_is_harmless() {
        let mut r = ReviewState::new(vec![pair(1), pair(2)]);
        r.apply(ReviewStep::UndoLast);
        assert_eq!((r.answers.len(), r.finished), (0, false));
        r.apply(ReviewStep::Accept);
        r.apply(ReviewStep::Finish);
        assert!(r.finished);
        assert_eq!(r.joined().len(), 1);
        assert!(ReviewState::new(Vec::new()).finished, "nothing to review");
    }

    fn worded(n: usize, a: &str, b: &str) -> Pair {
        let mut p = pair(n);
        p.a.text = a.into();
        p.a.sources = vec!["técnicos".into()];
        p.b.text = b.into();
        p.b.sources = vec!["asociaciones".into()];
        p
    }

    #[test]
    fn the_longest_wording_is_offered_first_and_the_other_can_be_picked() {
        let pairs = vec![
            worded(1, "Listas de espera", "Listas de espera largas en la valoración"),
            worded(2, "Poca coordinación entre servicios", "Poca coordinación"),
            worded(3, "Ayuda a domicilio", "Ayuda a domicilio valorada"),
        ];
        let mut r = ReviewState::new(pairs.clone());
        assert_eq!(r.pick, 1, "the longest first");
        r.apply(ReviewStep::Accept);
        assert_eq!(r.pick, 0, "the next pair's longest");
        r.apply(ReviewStep::OtherWording);
        assert_eq!(r.pick, 1);
        r.apply(ReviewStep::Accept);
        r.apply(ReviewStep::KeepApart);
        let texts: Vec<String> = r.wordings().into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Listas de espera largas en la valoración", "Poca coordinación"]);
        assert_eq!(r.wordings()[1].0, pairs[1].link);
        // Undo brings the pair back with the wording chosen for it.
        r.apply(ReviewStep::UndoLast);
        r.apply(ReviewStep::UndoLast);
        assert_eq!((r.current().map(|(i, _)| i), r.pick), (Some(1), 1));
        // With --prefer, the review offers that group's wording first.
        let r = ReviewState::preferring(pairs.clone(), Prefer::Group("técnicos".into()));
        assert_eq!(r.pick, 0);
        let r = ReviewState::preferring(pairs, Prefer::First);
        assert_eq!(r.pick, 0);
    }

    #[test]
    fn answers_join_or_keep_apart() {
        let pairs = [pair(1), pair(2), pair(3)];
        let mut out = Vec::new();
        let joined = review(&pairs, Lang::Es, &mut "s\n\nSí\n".as_bytes(), &mut out);
        assert_eq!(joined, [pairs[0].link.clone(), pairs[2].link.clone()]);
        assert!(String::from_utf8(out).unwrap().contains("[3/3] ¿Dicen lo mismo? (parecido 0,57)"));
        let joined = review(&pairs, Lang::En, &mut "y\n".as_bytes(), &mut Vec::new());
        assert_eq!(joined, [pairs[0].link.clone()], "the end of the input keeps the rest apart");
    }

    /// A group's name comes from a session file: its escape sequences never reach the terminal.
    #[test]
    fn sources_from_the_files_are_shown_without_escape_sequences() {
        let mut p = pair(1);
        p.a.sources = vec!["\u{1b}]0;PWNED\u{1b}\\asoc\u{1b}[31m".into(), "\u{1b}]52;c;aGk=\u{7}pol".into()];
        let mut out = Vec::new();
        review(&[p], Lang::Es, &mut "n\n".as_bytes(), &mut out);
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("asoc") && out.contains("pol"), "{out:?}");
    }
}
