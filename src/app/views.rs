//! What the keys do in the crossed matrix and the EFI/EFE view; the input line's other targets.

use super::action::Action;
use super::editor::{Editor, InputTarget};
use super::picker::{PickFor, Picker, options_of};
use crate::domain::{Came, Crossed, Matrix, Quadrant, Weight};

impl Editor {
    /// The crossed-matrix cell in focus.
    pub fn crossed_focus(&self) -> Crossed {
        Crossed::ALL[self.focus().index()]
    }

    /// Position in `session.strategies` of the selected strategy of `kind`.
    pub fn strategy_selection(&self, kind: Crossed) -> Option<usize> {
        let of: Vec<usize> = self.session().strategies_of(kind).map(|(i, _)| i).collect();
        (!of.is_empty()).then(|| of[self.views.crossed.strategies[kind.index()].min(of.len() - 1)])
    }

    /// The EFI/EFE matrix in focus.
    pub fn matrix(&self) -> Matrix {
        if self.focus().is_internal() { Matrix::Efi } else { Matrix::Efe }
    }

    /// The rows of a matrix: `(quadrant, index)` of its factors.
    pub fn matrix_rows(&self, m: Matrix) -> Vec<(Quadrant, usize)> {
        m.quadrants().into_iter().flat_map(|q| (0..self.session().factors(q).len()).map(move |i| (q, i))).collect()
    }

    pub(super) fn update_crossed(&mut self, action: Action) {
        let kind = self.crossed_focus();
        let count = self.session().strategies_of(kind).count();
        let sel = &mut self.views.crossed.strategies[kind.index()];
        match action {
            Action::KeepVersion => self.keep_version(),
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(count.saturating_sub(1)),
            Action::First => *sel = 0,
            Action::Last => *sel = count.saturating_sub(1),
            Action::Left => self.jump(-1, 0),
            Action::Right => self.jump(1, 0),
            Action::StartAdd => {
                let options = options_of(self, kind.quadrants()[0]);
                self.open_picker(Picker::new(PickFor::StrategyInternal(kind), options, Vec::new()));
            }
            Action::StartEdit => {
                if let Some(i) = self.strategy_selection(kind) {
                    let s = &self.session().strategies[i];
                    let (id, text) = (s.id.clone(), s.text.clone());
                    self.open_input(InputTarget::EditStrategy(id), &text);
                }
            }
            Action::Delete => {
                if let Some(i) = self.strategy_selection(kind)
                    && let Some(edit) = self.session().delete_strategy(i)
                {
                    let shown = self.shown_id(&self.session().strategies[i].id.clone());
                    if self.apply(edit) {
                        let gone = self.lang.text().ui.deleted_strategy;
                        let u = super::keymap::key_for(self.view_context(), &Action::Undo, self.lang);
                        let undo = format!("{u} {}", self.lang.text().ui.to_undo);
                        self.say(format!("{gone} {shown} ({undo})"), false);
                    }
                }
            }
            Action::Vote(delta) => {
                if let Some(i) = self.strategy_selection(kind)
                    && let Some(edit) = self.session().vote_strategy(i, delta)
                    && self.apply(edit)
                {
                    let st = &self.session().strategies[i];
                    self.say_votes(st.votes, &st.id.clone());
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_weights(&mut self, action: Action) {
        let m = self.matrix();
        let mi = usize::from(m == Matrix::Efe);
        let rows = self.matrix_rows(m);
        let sel = self.views.weights.rows[mi].min(rows.len().saturating_sub(1));
        match action {
            Action::Up => self.views.weights.rows[mi] = sel.saturating_sub(1),
            Action::Down => self.views.weights.rows[mi] = (sel + 1).min(rows.len().saturating_sub(1)),
            Action::First => self.views.weights.rows[mi] = 0,
            Action::Last => self.views.weights.rows[mi] = rows.len().saturating_sub(1),
            Action::Left | Action::Right => {
                self.views.focus = if m == Matrix::Efi { Quadrant::Opportunities } else { Quadrant::Strengths };
            }
            Action::StartEdit => {
                if let Some(&(q, i)) = rows.get(sel) {
                    let f = &self.session().factors(q)[i];
                    let (id, text) = (f.id.clone(), weight_line(self.lang, f));
                    self.open_input(InputTarget::Weight(id), &text);
                }
            }
            Action::Rate(n) => {
                if let Some(&(q, i)) = rows.get(sel)
                    && let Some(edit) = self.session().change_factor(q, i, |f| f.rating = (n > 0).then_some(n))
                {
                    self.apply(edit);
                }
            }
            _ => {}
        }
    }

    /// After a factor's weight line: the selection moves to the next factor of
    /// the matrix lacking a weight or a rating (after `id`, then from the top)
    /// and the line stays open for it; when none lacks one, it closes and says so.
    fn next_unweighted(&mut self, id: &str) {
        let m = self.matrix();
        let rows = self.matrix_rows(m);
        let s = self.session();
        let at = rows.iter().position(|&(q, i)| s.factors(q)[i].id == id).unwrap_or(0);
        let lacking = |&(q, i): &(crate::domain::Quadrant, usize)| {
            let f = &s.factors(q)[i];
            f.weight.is_none() || f.rating.is_none()
        };
        let next = (1..=rows.len()).map(|k| (at + k) % rows.len()).find(|&r| lacking(&rows[r]));
        match next {
            Some(r) => {
                let (q, i) = rows[r];
                let f = &s.factors(q)[i];
                let (next_id, text) = (f.id.clone(), weight_line(self.lang, f));
                self.views.weights.rows[usize::from(m == Matrix::Efe)] = r;
                self.open_input(InputTarget::Weight(next_id), &text);
            }
            None => self.say((self.lang.text().quick.matrix_complete)(self.lang.matrix(m)), false),
        }
    }

    /// Enter in the input line for actions, strategies and weights.
    pub(super) fn submit_other(&mut self, target: InputTarget, text: &str) {
        match target {
            InputTarget::AddAction(links) => {
                let c = Came::of(self.focus());
                let links_kept = links.clone();
                if let Some(edit) = self.doc.session_mut().add_action(c, text, links)
                    && self.apply(edit)
                {
                    self.views.came.actions[self.focus().index()] = self.session().actions(c).len() - 1;
                    self.last_added = self.session().actions(c).last().map(|a| a.id.clone());
                }
                // Rapid capture, as for factors: the line stays open.
                self.open_input(InputTarget::AddAction(links_kept), "");
            }
            InputTarget::EditAction(id) => match self.session().find_action(&id) {
                Some((c, i)) => {
                    let edit = self.session().change_action(c, i, |a| {
                        a.text = text.to_owned();
                        // Editing a carried-over action confirms it.
                        a.carried = false;
                    });
                    if let Some(edit) = edit {
                        self.apply(edit);
                    }
                }
                None => self.target_gone(&id, Some(InputTarget::AddAction(Vec::new())), text),
            },
            InputTarget::AddStrategy(kind, [internal, external]) => {
                // A factor it pairs went meanwhile, or left its quadrant (changed
                // outside dafo): the words are shown whole.
                let s = self.session();
                let gone = [&internal, &external]
                    .into_iter()
                    .zip(kind.quadrants())
                    .find(|(id, q)| s.find_factor(id).is_none_or(|(found, _)| found != *q))
                    .map(|(id, _)| id);
                if let Some(id) = gone.filter(|_| !text.trim().is_empty()) {
                    return self.target_gone(id, None, text);
                }
                if let Some(edit) = self.doc.session_mut().add_strategy(kind, &internal, &external, text)
                    && self.apply(edit)
                {
                    self.views.crossed.strategies[kind.index()] = self.session().strategies_of(kind).count() - 1;
                }
            }
            InputTarget::EditStrategy(id) => match self.session().strategies.iter().position(|s| s.id == id) {
                Some(i) => {
                    if let Some(edit) = self.session().reword_strategy(i, text) {
                        self.apply(edit);
                    }
                }
                // A strategy pairs two factors: a new one cannot be made from words alone.
                None => self.target_gone(&id, None, text),
            },
            InputTarget::Weight(id) => match parse_weight_line(self.lang, text) {
                Ok((weight, rating)) => {
                    if let Some((q, i)) = self.session().find_factor(&id)
                        && let Some(edit) = self.session().change_factor(q, i, |f| {
                            f.weight = weight;
                            if let Some(r) = rating {
                                f.rating = r;
                            }
                        })
                        && self.apply(edit)
                    {
                        self.next_unweighted(&id);
                    }
                }
                Err(why) => {
                    self.say(format!("{why}: {}", crate::domain::text::display_safe(text)), true);
                    // The line stays open with what was typed, to correct it.
                    self.open_input(InputTarget::Weight(id), text);
                }
            },
            InputTarget::PlanAdd(axis) => self.submit_plan_add(axis, text),
            InputTarget::PlanText(target) => self.submit_plan_text(target, text),
            target @ (InputTarget::FollowNote(..) | InputTarget::FollowValue(..) | InputTarget::FollowMoney(..)) => {
                self.submit_follow(target, text)
            }
            InputTarget::Add
            | InputTarget::Edit(_)
            | InputTarget::Clash(_)
            | InputTarget::JoinText(..)
            | InputTarget::SalaItem(_) => {}
        }
    }
}

/// A factor's weight and rating as its weight line shows them: `0,15 3`,
/// `0,15` with no rating; empty with no weight (a lone rating would read as
/// a weight, and an empty line leaves the rating as it is).
pub fn weight_line(lang: crate::i18n::Lang, f: &crate::domain::Factor) -> String {
    match (f.weight, f.rating) {
        (Some(w), Some(r)) => format!("{} {r}", lang.locale().exact(w)),
        (Some(w), None) => lang.locale().exact(w),
        (None, _) => String::new(),
    }
}

/// Reads a weight line as `lang` writes numbers: the weight (`0,15`, `15%`;
/// nothing clears it), then optionally the rating 1-4 (0 clears it; `None`:
/// left as it is). A number that reads two ways is refused, never guessed.
pub fn parse_weight_line(lang: crate::i18n::Lang, text: &str) -> Result<(Option<f64>, Option<Option<u8>>), String> {
    use crate::i18n::locale::Unread;
    let q = lang.text().quick;
    let words: Vec<&str> = text.split_whitespace().collect();
    // A percentage may be written with a space before its sign (`33,3 %`, as
    // Spanish and Catalan write it): the sign goes with the number.
    let (weight, percent, rest) = match words.as_slice() {
        [] => (None, false, &[][..]),
        [w, "%", rest @ ..] => (Some(*w), true, rest),
        [w, rest @ ..] => match w.strip_suffix('%') {
            Some(p) => (Some(p), true, rest),
            None => (Some(*w), false, rest),
        },
    };
    let (rating, more) = (rest.first(), rest.get(1));
    if more.is_some() {
        return Err(q.bad_rating.to_owned());
    }
    let weight = match weight {
        None => None,
        Some(number) => {
            let bad = || lang.text().ui.bad_weight.to_owned();
            if number.contains('%') {
                return Err(bad());
            }
            let x = lang.locale().read_number(number).map_err(|e| match e {
                Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => msg,
                Unread::NotANumber => bad(),
            })?;
            // A percentage is moved two places as the decimal typed, never
            // divided (`33,3%` is 0,333, not 0,33299999999999996).
            let weight = if percent { Weight::from_percent(x) } else { Weight::try_from(x) };
            Some(weight.map_err(|_| bad())?.get())
        }
    };
    let rating = match rating {
        None => None,
        Some(r) => match r.parse::<u8>() {
            Ok(0) => Some(None),
            Ok(n @ 1..=4) => Some(Some(n)),
            _ => return Err(q.bad_rating.to_owned()),
        },
    };
    Ok((weight, rating))
}

#[cfg(test)]
mod tests {
    use super::parse_weight_line;
    use crate::i18n::Lang;
    use proptest::prelude::*;

    /// `digits` with a decimal point `places` from the right, as Rust writes a
    /// number: `3330`, 4 → `0.333`; `100`, 2 → `1`.
    fn decimal(digits: u64, places: u32) -> String {
        let scale = 10u64.pow(places);
        let text = format!("{}.{:0width$}", digits / scale, digits % scale, width = places as usize);
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }

    proptest! {
        /// A weight typed as a percentage, with up to four decimals, with or
        /// without a space before its sign, is the fraction meant: its line
        /// shows that fraction's digits exactly and reads back as the same weight.
        #[test]
        fn a_percentage_is_the_weight_meant(places in 0u32..=4, n in 0u64..=1_000_000, lang in 0usize..3, spaced in any::<bool>()) {
            let l = Lang::ALL[lang];
            let scale = 10u64.pow(places);
            let n = n % (100 * scale + 1);
            let number = l.locale().localise(&format!("{}.{:0width$}", n / scale, n % scale, width = places as usize));
            let number = number.trim_end_matches(l.locale().decimal);
            let typed = format!("{number}{}%", if spaced { " " } else { "" });
            let read = parse_weight_line(l, &typed);
            if places == 3 && n >= scale {
                // `12,500` reads 12,5 or 12.500 (the other way): refused with both, never guessed.
                prop_assert!(read.is_err(), "{} read as {:?}", typed, read);
                return Ok(());
            }
            let meant = decimal(n, places + 2);
            prop_assert_eq!(read.clone(), Ok((meant.parse::<f64>().ok(), None)), "{}", typed);
            let Ok((Some(w), _)) = read else { return Err(TestCaseError::fail(typed)) };
            let shown = l.locale().exact(w);
            prop_assert_eq!(&shown, &l.locale().localise(&meant), "{}", typed);
            prop_assert_eq!(parse_weight_line(l, &shown), Ok((Some(w), None)), "{}", shown);
        }
    }

    #[test]
    fn a_percentage_with_decimals_is_stored_as_typed() {
        assert_eq!(parse_weight_line(Lang::Es, "33,3%"), Ok((Some(0.333), None)));
        assert_eq!(parse_weight_line(Lang::Es, "33,3 % 2"), Ok((Some(0.333), Some(Some(2)))));
        assert_eq!(parse_weight_line(Lang::En, "7.1% 4"), Ok((Some(0.071), Some(Some(4)))));
        assert_eq!(parse_weight_line(Lang::Ca, "12,25 %"), Ok((Some(0.1225), None)));
        for bad in ["5% %", "% 5", "33,3 % 2 1", "101 %"] {
            assert!(parse_weight_line(Lang::Es, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weight_lines_as_people_type_them_in_each_language() {
        assert_eq!(parse_weight_line(Lang::Es, "0,15 3"), Ok((Some(0.15), Some(Some(3)))));
        assert_eq!(parse_weight_line(Lang::En, "0.15 3"), Ok((Some(0.15), Some(Some(3)))));
        assert_eq!(parse_weight_line(Lang::Ca, " 0,2 "), Ok((Some(0.2), None)));
        assert_eq!(parse_weight_line(Lang::Es, "15% 4"), Ok((Some(0.15), Some(Some(4)))));
        assert_eq!(parse_weight_line(Lang::Es, "0,1 0"), Ok((Some(0.1), Some(None))));
        assert_eq!(parse_weight_line(Lang::Es, ""), Ok((None, None)));
        // A Spanish line read the English way only when it reads one way.
        assert_eq!(parse_weight_line(Lang::Es, "0.25 2"), Ok((Some(0.25), Some(Some(2)))));
    }

    #[test]
    fn weight_lines_that_do_not_read_are_refused_not_guessed() {
        assert!(parse_weight_line(Lang::Es, "1,5 3").is_err(), "over 1");
        assert!(parse_weight_line(Lang::Es, "NaN").is_err());
        assert!(parse_weight_line(Lang::Es, "abc 3").is_err());
        assert!(parse_weight_line(Lang::Es, "0,15 5").is_err(), "rating 1-4");
        assert!(parse_weight_line(Lang::Es, "0,15 3 2").is_err(), "three numbers");
        assert!(parse_weight_line(Lang::Es, "0,15 tres").is_err());
        // 1,000 reads 1 in Spanish and 1000 in English: refused with both readings.
        let two_ways = parse_weight_line(Lang::Es, "1,000 3").unwrap_err();
        assert!(two_ways.contains("1,000") && two_ways.contains("1.000"), "{two_ways}");
    }
}
