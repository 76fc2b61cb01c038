//! `dafo review FILE --year 2024 C1=75 C2=100:hecha M1=0:descartada
//! [--note C1="texto"] [--value I1=35] [--body …] [--date …] [--summary …]
//! [--problem …]`: records a year's review from a script. It takes the file's
//! lock like the TUI, applies everything as one step or nothing at all, and
//! saves atomically.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::{Degree, Edit, ReviewError, Session, Status};
use crate::export::plan_words::status_from;
use crate::i18n::Lang;
use crate::i18n::locale::Unread;
use crate::i18n::stored_id;
use crate::storage::SessionFile;

use super::CommandError;

/// What `dafo review` was asked to record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewArgs {
    pub year: i16,
    /// `ID=DEGREE[:STATUS]`.
    pub assignments: Vec<String>,
    /// `ID=TEXT`.
    pub notes: Vec<String>,
    /// `INDICATOR=NUMBER`.
    pub values: Vec<String>,
    /// `ID=AMOUNT`: money committed and paid, read in the session's language.
    pub committed: Vec<String>,
    pub paid: Vec<String>,
    pub body: Option<String>,
    /// The meeting's date as typed: read in the session's language (`31/12/2025`,
    /// `2025-12-31`), refused in its words.
    pub date: Option<String>,
    pub summary: Option<String>,
    /// Límites y problemas emergentes, added to the year's list.
    pub problems: Vec<String>,
}

/// A status word in Spanish, English or Catalan (`hecha`, `done`, `feta`,
/// `en-curso`, `in_progress`…).
pub fn status_word(text: &str) -> Option<Status> {
    let t = text.trim().replace(['-', '_'], " ");
    match crate::export::plan_words::fold(&t).as_str() {
        "hecho" | "finished" | "completed" => Some(Status::Done),
        "descartado" | "cancelled" | "canceled" => Some(Status::Dropped),
        _ => status_from(&t),
    }
}

/// A refusal in `lang`: the file, the reason, and that nothing was changed.
fn invalid(path: &Path, lang: Lang, message: impl std::fmt::Display) -> CommandError {
    let nothing = lang.text().review_errors.nothing_changed;
    CommandError::Review(format!("{}: {message}; {nothing}", path.display()))
}

/// Splits `KEY=VALUE`, refusing anything else.
fn split<'a>(path: &Path, lang: Lang, arg: &'a str, form: &str) -> Result<(&'a str, &'a str), CommandError> {
    arg.split_once('=')
        .map(|(k, v)| (k.trim(), v))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| invalid(path, lang, (lang.text().review_errors.not_in_form)(arg, form)))
}

/// Every edit the arguments ask for, built one after the other on a working
/// copy, as one step. `Ok(None)` when nothing would change. Refusals speak `lang`.
pub fn edits(session: &Session, path: &Path, args: &ReviewArgs, lang: Lang) -> Result<Option<Edit>, CommandError> {
    let words = lang.text().review_errors;
    let mut work = session.clone();
    let mut steps = Vec::new();
    // An unknown ID is named as this language shows it (`CF9` in English, not `AF9`).
    let err = |e: ReviewError| {
        let e = match e {
            ReviewError::UnknownAction(id) => ReviewError::UnknownAction(lang.show_id(&id)),
            other => other,
        };
        invalid(path, lang, words.of(&e))
    };
    let mut push = |work: &mut Session, edit: Option<Edit>| -> Result<(), CommandError> {
        if let Some(edit) = edit {
            work.apply(edit.clone()).map_err(|e| invalid(path, lang, e))?;
            steps.push(edit);
        }
        Ok(())
    };
    work.check_review_year(args.year).map_err(err)?;
    let date = match args.date.as_deref() {
        // The record form's refusal (`Fecha no válida (DD/MM/AAAA…)`), mid-line: in lower case.
        Some(text) => Some(lang.locale().read_date_or(text, lang.text().follow.bad_date).map_err(|said| {
            let mut chars = said.chars();
            let said: String = chars.next().into_iter().flat_map(char::to_lowercase).chain(chars).collect();
            invalid(path, lang, said)
        })?),
        None => None,
    };
    if let Some(date) = date {
        // A review of a year is written during it or in the year after (the last year's, early the next),
        // and never after the last day a session holds (`rules::DATES`).
        let last = (session.meta.horizon.map_or(args.year, |h| h.end.max(args.year)) + 1)
            .min(crate::domain::rules::DATES.1.year());
        if !(args.year..=last).contains(&date.year()) {
            let said = (lang.text().limits.review_date_outside)(&lang.locale().date(date), args.year, last);
            return Err(invalid(path, lang, said));
        }
    }
    // The forms as `--help` names them (its value names: English, as clap prints
    // help), in backticks; the examples in the language.
    let done = lang.text().plan_report.status(Status::Done);
    for arg in &args.assignments {
        let (id, value) = split(path, lang, arg, &format!("`ID=DEGREE[:STATUS]` (`C1=75`, `C2=100:{done}`)"))?;
        let id = &stored_id(id);
        let (degree, status) = match value.split_once(':') {
            Some((d, s)) => {
                let status = status_word(s).ok_or_else(|| invalid(path, lang, (words.not_a_status)(s)))?;
                (d, Some(status))
            }
            None => (value, None),
        };
        let degree: Degree = degree.parse().map_err(|_: String| {
            invalid(path, lang, format!("{}: {}", lang.show_id(id), (words.not_a_degree)(degree)))
        })?;
        let edit = work.review_action(id, args.year, Some(degree), status, None).map_err(err)?;
        push(&mut work, edit)?;
        // Kept, but never silent: a degree for a year before the action starts.
        let start = work.find_action(id).and_then(|(c, i)| work.actions(c)[i].start).map(|d| d.year());
        if let Some(start) = start.filter(|&y| y > args.year && degree > Degree::ZERO) {
            let msg = (lang.text().follow.before_start)(&lang.show_id(id), start, args.year);
            eprintln!("dafo: {}", crate::domain::text::display_safe_lines(&format!("{}: {msg}", path.display())));
        }
    }
    for arg in &args.notes {
        let (id, text) = split(path, lang, arg, &format!("`ID=TEXT` (`C1=\"{}\"`)", words.note_example))?;
        let id = &stored_id(id);
        let edit = work.review_action(id, args.year, None, None, Some(text)).map_err(err)?;
        push(&mut work, edit)?;
    }
    for arg in &args.values {
        let (id, number) = split(path, lang, arg, "`ID=NUMBER` (`I1=35`)")?;
        let actual = lang.locale().read_number(number).map_err(|e| match e {
            Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => invalid(path, lang, format!("{id}: {msg}")),
            Unread::NotANumber => invalid(path, lang, format!("{id}: {}", (words.not_a_number)(number))),
        })?;
        let edit = work.set_indicator_value(id, args.year, Some(actual)).map_err(err)?;
        push(&mut work, edit)?;
    }
    for (list, paid) in [(&args.committed, false), (&args.paid, true)] {
        for arg in list {
            let (id, number) = split(path, lang, arg, "`ID=AMOUNT` (`C1=1500`)")?;
            let id = &stored_id(id);
            let amount = crate::i18n::money_words::read_amount(lang, number)
                .map_err(|m| invalid(path, lang, format!("{}: {m}", lang.show_id(id))))?;
            let (committed, paid) = if paid { (None, Some(amount)) } else { (Some(amount), None) };
            let edit = work.review_money(id, args.year, committed, paid).map_err(err)?;
            push(&mut work, edit)?;
        }
    }
    let edit = work
        .change_year_review(args.year, |r| {
            r.body = args.body.clone().or(r.body.take());
            r.date = date.or(r.date);
            r.summary = args.summary.clone().or(r.summary.take());
            for p in &args.problems {
                if !r.problems.contains(p) {
                    r.problems.push(p.clone());
                }
            }
        })
        .map_err(err)?;
    push(&mut work, edit)?;
    Ok((!steps.is_empty()).then_some(Edit::Batch(steps)))
}

/// How long `dafo review` waits for another `dafo review` of the same file.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether `dafo review` waits for the holder of the lock once more or refuses.
/// Never past its deadline, whatever the holder looks like. The holder's
/// command line is read from `/proc` after its pid from the lock file: if the
/// holder ends in between and another process gets its pid, that process is
/// read instead. So a holder that does not look like a `dafo review` is refused
/// only when the lock names it a second time in a row: it then held the lock
/// when its pid was read, and a pid cannot change hands while its process lives.
#[derive(Debug)]
struct LockWait {
    give_up: std::time::Instant,
    /// The holder (pid, host, since) last seen not to be a `dafo review`.
    seen: Option<(u32, String, jiff::Timestamp)>,
}

impl LockWait {
    fn new(now: std::time::Instant) -> LockWait {
        LockWait { give_up: now + LOCK_WAIT, seen: None }
    }

    /// `true`: wait a moment and try again; `false`: refuse, naming the holder.
    fn again(
        &mut self,
        holder: Option<(u32, String, jiff::Timestamp)>,
        is_review: bool,
        now: std::time::Instant,
    ) -> bool {
        if now >= self.give_up {
            return false;
        }
        if is_review {
            self.seen = None;
            return true;
        }
        let first = self.seen != holder;
        self.seen = holder;
        first
    }
}

/// Opens `path` under its lock for a review. Another `dafo review` of the same
/// file is over in a moment: wait for it (up to LOCK_WAIT), then refuse naming
/// the holder. A TUI holder is refused as soon as the lock names it twice in a row
/// (see `LockWait`). A journal left by a crash is replayed and said.
pub fn open_locked(path: &Path, lang: Lang) -> Result<(SessionFile, Session), CommandError> {
    let mut wait = LockWait::new(std::time::Instant::now());
    let (file, session) = loop {
        let (file, session) = SessionFile::open(path)?;
        match file.read_only() {
            Some(held) if wait.again(held.identity(), held.held_by_review(), std::time::Instant::now()) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Some(held) => return Err(invalid(path, lang, held.summary(lang))),
            None => break (file, session),
        }
    };
    if let Some(note) = file.journal_found().and_then(|r| super::pending::replay_note(r, lang)) {
        eprintln!("{}: {note}", crate::domain::text::display_safe_lines(&path.display().to_string()));
    }
    Ok((file, session))
}

/// Records `edit` (counted as `n` changes) and saves atomically; prints `plan.ron: 2024: 3 cambios guardados`.
pub fn save(
    path: &Path,
    year: i16,
    file: &mut SessionFile,
    session: &mut Session,
    edit: Edit,
    lang: Lang,
) -> Result<(), CommandError> {
    let n = match &edit {
        Edit::Batch(steps) => steps.len(),
        _ => 1,
    };
    session.apply(edit).map_err(|e| invalid(path, lang, e))?;
    session.meta.modified = jiff::Timestamp::now();
    file.save(session).map_err(|e| CommandError::Review(e.message(lang)))?;
    let saved = (lang.text().report.changes_saved)(n);
    super::print_text(&format!("{}: {year}: {saved}\n", path.display()))
}

/// Runs `dafo review`: prints what was recorded, e.g. `plan.ron: 2024: 3 cambios guardados`.
pub fn run(path: &Path, args: &ReviewArgs, lang: Lang) -> Result<ExitCode, CommandError> {
    let (mut file, mut session) = open_locked(path, lang)?;
    let Some(edit) = edits(&session, path, args, lang)? else {
        super::print_text(&format!("{}: {}: {}\n", path.display(), args.year, lang.text().report.nothing_to_change))?;
        return Ok(ExitCode::SUCCESS);
    };
    save(path, args.year, &mut file, &mut session, edit, lang)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Came, Horizon};
    use jiff::Timestamp;

    fn plan() -> Session {
        let mut s = Session::new("Plan", Timestamp::UNIX_EPOCH);
        s.meta.horizon = Horizon::new(2023, 2026).ok();
        for t in ["a", "b", "c"] {
            let e = s.add_action(Came::Correct, t, vec![]).unwrap();
            s.apply(e).unwrap();
        }
        let e = s.add_indicator("Casos").unwrap();
        s.apply(e).unwrap();
        s
    }

    fn args(year: i16, assignments: &[&str]) -> ReviewArgs {
        ReviewArgs { year, assignments: assignments.iter().map(|a| a.to_string()).collect(), ..ReviewArgs::default() }
    }

    #[test]
    fn status_words_in_three_languages() {
        for (w, s) in [
            ("hecha", Status::Done),
            ("done", Status::Done),
            ("feta", Status::Done),
            ("En-curso", Status::InProgress),
            ("in_progress", Status::InProgress),
            ("en curs", Status::InProgress),
            ("descartada", Status::Dropped),
            ("dropped", Status::Dropped),
            ("pendent", Status::Pending),
        ] {
            assert_eq!(status_word(w), Some(s), "{w}");
        }
        assert_eq!(status_word("quizá"), None);
    }

    #[test]
    fn assignments_notes_values_and_the_record_are_one_step() {
        let s = plan();
        let mut a = args(2024, &["C1=75", "C2=100:hecha", "C3=0:descartada"]);
        a.notes = vec!["C1=Dos mesas celebradas".into()];
        a.values = vec!["I1=12,5".into()];
        a.problems = vec!["Falta de personal".into()];
        let edit = edits(&s, Path::new("p.ron"), &a, Lang::En).unwrap().unwrap();
        let mut done = s.clone();
        let inverse = done.apply(edit).unwrap();
        let r = done.action_review("C1", 2024).unwrap();
        assert_eq!(
            (r.degree.get(), r.status, r.note.as_deref()),
            (75, Status::InProgress, Some("Dos mesas celebradas"))
        );
        assert_eq!(done.action_review("C3", 2024).map(|r| r.status), Some(Status::Dropped));
        assert_eq!(done.correct[1].status, Status::Done);
        assert_eq!(done.indicator_value("I1", 2024), Some(12.5));
        assert_eq!(done.year_review(2024).map(|r| r.problems.len()), Some(1));
        done.apply(inverse).unwrap();
        assert_eq!(done, s);
        assert!(edits(&done, Path::new("p.ron"), &args(2024, &[]), Lang::En).unwrap().is_none());
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        let s = plan();
        let path = Path::new("p.ron");
        for (year, a, says) in [
            (2024, "C9=50", "no action has the ID C9"),
            (2024, "C1=101", "not a degree"),
            (2024, "C1=-3", "not a degree"),
            (2024, "C1=50:quizá", "not a status"),
            (2024, "C1", "is not `ID=DEGREE"),
            (2027, "C1=50", "outside the plan's horizon (2023-2026)"),
        ] {
            let err = edits(&s, path, &args(year, &["C2=10", a]), Lang::En).unwrap_err().to_string();
            assert!(err.starts_with("p.ron: ") && err.contains(says) && err.ends_with("nothing was changed"), "{err}");
        }
        // The action named as the language shows it.
        let err = edits(&s, path, &args(2024, &["C1=101"]), Lang::En).unwrap_err().to_string();
        assert!(err.contains(&format!("{}: ", Lang::En.show_id("C1"))), "{err}");
        let mut a = args(2024, &[]);
        a.values = vec!["I1=mucho".into()];
        assert!(edits(&s, path, &a, Lang::En).unwrap_err().to_string().contains("not a number"));
    }

    /// The forms are `--help`'s value names (English, as clap prints help), in
    /// backticks; the examples are in the language.
    #[test]
    fn a_refused_form_names_help_s_placeholder_in_backticks_and_examples_in_the_language() {
        let s = plan();
        let path = Path::new("p.ron");
        let refused = |lang: Lang, a: ReviewArgs| edits(&s, path, &a, lang).unwrap_err().to_string();
        let with = |set: fn(&mut ReviewArgs)| {
            let mut a = args(2024, &[]);
            set(&mut a);
            a
        };
        for lang in Lang::ALL.iter().copied() {
            let said = [
                refused(lang, args(2024, &["C1"])),
                refused(lang, with(|a| a.notes = vec!["C1".into()])),
                refused(lang, with(|a| a.values = vec!["I1".into()])),
                refused(lang, with(|a| a.committed = vec!["C1".into()])),
                refused(lang, with(|a| a.paid = vec!["C1".into()])),
            ];
            let forms = ["`ID=DEGREE[:STATUS]`", "`ID=TEXT`", "`ID=NUMBER`", "`ID=AMOUNT`", "`ID=AMOUNT`"];
            for (said, form) in said.iter().zip(forms) {
                assert!(said.contains(form), "{lang:?}: {said}");
                // Outside backticks: none of the placeholders' English words.
                let plain: String = said.split('`').step_by(2).collect();
                for word in ["DEGREE", "STATUS", "TEXT", "NUMBER", "AMOUNT", "INDICATOR"] {
                    assert!(!plain.contains(word), "{lang:?}: {word} in {said}");
                }
            }
            let done = lang.text().plan_report.status(Status::Done);
            assert!(said[0].contains(&format!("`C2=100:{done}`")), "{lang:?}: {}", said[0]);
            assert!(said[1].contains(lang.text().review_errors.note_example), "{lang:?}: {}", said[1]);
        }
        assert!(!refused(Lang::En, args(2024, &["C1"])).contains("hecha"));
        assert!(!refused(Lang::Ca, with(|a| a.notes = vec!["C1".into()])).contains("reuniones"));
    }

    /// `--value I1=99999999999999999999` is not "not a number": it has too many
    /// digits. `--value I1=-0` is stored as 0, not -0.0.
    #[test]
    fn a_value_with_too_many_digits_says_so_and_a_negative_zero_is_zero() {
        let s = plan();
        let path = Path::new("p.ron");
        for lang in Lang::ALL.iter().copied() {
            let mut a = args(2024, &[]);
            a.values = vec!["I1=99999999999999999999".into()];
            let e = edits(&s, path, &a, lang).unwrap_err().to_string();
            let said = (lang.locale().too_many_digits)("99999999999999999999");
            assert!(e.contains(&format!("I1: {said}")), "{lang:?}: {e}");
            assert!(!e.contains(&(lang.text().review_errors.not_a_number)("99999999999999999999")), "{lang:?}: {e}");
            a.values = vec!["I1=-0".into()];
            let mut done = s.clone();
            done.apply(edits(&s, path, &a, lang).unwrap().unwrap()).unwrap();
            let x = done.indicator_value("I1", 2024).unwrap();
            assert!(x == 0.0 && x.is_sign_positive(), "{lang:?}: {x:?}");
        }
    }

    #[test]
    fn the_date_reads_as_the_language_writes_it_and_a_bad_one_is_refused_in_its_words() {
        let s = plan();
        let path = Path::new("p.ron");
        let dated = |lang: Lang, text: &str| {
            let mut a = args(2024, &[]);
            a.date = Some(text.into());
            edits(&s, path, &a, lang).map(|edit| {
                let mut done = s.clone();
                done.apply(edit.unwrap()).unwrap();
                done.year_review(2024).and_then(|r| r.date)
            })
        };
        let day = jiff::civil::date(2024, 12, 31);
        for (lang, text) in
            [(Lang::Es, "31/12/2024"), (Lang::Ca, "31/12/2024"), (Lang::Es, "2024-12-31"), (Lang::En, "2024-12-31")]
        {
            assert_eq!(dated(lang, text).unwrap(), Some(day), "{lang:?} {text}");
        }
        for (lang, text, said) in [
            (Lang::Es, "2024-13-01", "p.ron: fecha no válida (DD/MM/AAAA"),
            (Lang::Es, "30/02/2024", "p.ron: fecha no válida (DD/MM/AAAA"),
            (Lang::Ca, "31/12/24", "p.ron: data no vàlida (DD/MM/AAAA"),
            (Lang::En, "31/12/2024", "p.ron: not a date (YYYY-MM-DD"),
        ] {
            let e = dated(lang, text).unwrap_err().to_string();
            assert!(e.starts_with(said) && e.contains(&format!("): {text};")), "{lang:?} {text}: {e}");
        }
    }

    #[test]
    fn a_holder_not_reviewing_is_refused_only_when_named_twice_and_no_wait_outlasts_the_bound() {
        let t0 = std::time::Instant::now();
        let tui = Some((41, "h".to_owned(), Timestamp::UNIX_EPOCH));
        let other = Some((42, "h".to_owned(), Timestamp::UNIX_EPOCH));
        let mut w = LockWait::new(t0);
        // The pid read may belong to a process that got it after the holder ended: look again.
        assert!(w.again(tui.clone(), false, t0));
        assert!(!w.again(tui.clone(), false, t0), "the same holder twice: refused at once");
        let mut w = LockWait::new(t0);
        assert!(w.again(tui.clone(), false, t0));
        assert!(w.again(other.clone(), false, t0), "another holder now: looked at again");
        assert!(w.again(other.clone(), true, t0), "a review is waited for");
        assert!(w.again(other.clone(), false, t0), "a holder seen as a review, then not, is looked at twice");
        // Bounded: past LOCK_WAIT nothing is waited for, a review either.
        let late = t0 + LOCK_WAIT;
        assert!(!LockWait::new(t0).again(tui.clone(), true, late));
        assert!(!LockWait::new(t0).again(None, true, late));
    }
}
