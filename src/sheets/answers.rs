//! What returned sheets answer, checked against the session: each row becomes
//! an [`Answer`] or a refusal naming file, sheet, row and column. Degrees are
//! whole numbers 0-100, statuses the session language's words, numbers read
//! by the language's own reader (`Locale::read_number`). Then each answer is
//! sorted into a change, an answer already in the session, or a conflict: the
//! session changed since the sheet was written (its fingerprint differs).

use std::collections::HashMap;
use std::path::Path;

use super::read::Grid;
use super::{Cell, Col, Kind, action_columns, action_fingerprint, column_letter, indicator_fingerprint};
use crate::commands::review::ReviewArgs;
use crate::domain::{Degree, Euros, Session, Status};
use crate::i18n::Lang;
use crate::i18n::locale::Unread;
use crate::i18n::plan_words::{PlanWords, fold};

/// What one row answers.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// Committed and paid: `None` when the cell was left empty.
    Action {
        degree: Option<Degree>,
        status: Option<Status>,
        note: Option<String>,
        committed: Option<Euros>,
        paid: Option<Euros>,
    },
    Value(f64),
}

/// One row's answer: the stored ID, what it says, the fingerprint the sheet
/// was written with, and where it came from (`file: sheet Acciones, fila 4`).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub id: String,
    pub what: What,
    pub fingerprint: String,
    pub at: String,
}

/// The rows read: answers, and refusals (each a whole line naming the place).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub answers: Vec<Answer>,
    pub refused: Vec<String>,
    /// How many rows the refusals are about.
    pub rows: usize,
    /// How many files had a sheet refused whole (its header, or another
    /// session's): counted as files, not as rows.
    pub files: usize,
}

/// `file: place`, made safe to print.
fn at(file: &Path, place: &str) -> String {
    crate::domain::text::display_safe_lines(&format!("{}: {place}", file.display()))
}

/// A cell's text for a message.
fn shown(cell: &Cell, lang: Lang) -> String {
    cell.shown(lang)
}

/// Which columns a header row names, by this language's headers for `year`.
fn columns(header: &[Cell], year: i16, lang: Lang) -> Vec<Option<Col>> {
    let w = lang.text().sheets;
    let known: Vec<Col> = action_columns(true).into_iter().chain(super::INDICATOR_COLUMNS).collect();
    header
        .iter()
        .map(|cell| match cell {
            Cell::Text(t) => known.iter().copied().find(|c| fold(&c.header(w, year)) == fold(t)),
            _ => None,
        })
        .collect()
}

/// The language `header` is written in: the one whose headers for `year` it
/// names most columns of, `lang` when it names as many in it. A sheet written
/// with `--lang en` is read back by a Spanish session as what it is.
fn sheet_lang(header: &[Cell], year: i16, lang: Lang) -> Lang {
    let named = |l: Lang| columns(header, year, l).iter().filter(|c| c.is_some()).count();
    let mut best = (lang, named(lang));
    for &l in Lang::ALL {
        let n = named(l);
        if n > best.1 {
            best = (l, n);
        }
    }
    best.0
}

/// A sheet refused whole: `why` said, its file counted once.
fn refuse_whole<'a>(out: &mut Parsed, files: &mut Vec<&'a Path>, file: &'a Path, why: String) {
    out.refused.push(why);
    if !files.contains(&file) {
        files.push(file);
        out.files += 1;
    }
}

/// Reads every grid's rows. Worksheets without an ID column are skipped when
/// they are the instructions; any other is refused whole.
pub fn parse(grids: &[Grid], s: &Session, year: i16, lang: Lang) -> Parsed {
    let w = lang.text().sheets;
    let mut out = Parsed::default();
    let mut seen: HashMap<(Kind, String), Answer> = HashMap::new();
    let mut contested: Vec<(Kind, String)> = Vec::new();
    let mut refused_files: Vec<&Path> = Vec::new();
    for grid in grids {
        let header = grid.cells.first().map(Vec::as_slice).unwrap_or(&[]);
        // The sheet's own language (its headers, status words, numbers); what
        // is said about it is in the session's.
        let glang = sheet_lang(header, year, lang);
        let gw = glang.text().sheets;
        // Rows and columns of the grid, named as the sheet numbers them.
        let place = |row: usize, col: Option<(usize, Col)>| -> String {
            let mut p = (w.place)(&grid.sheet, grid.origin.0 + row + 1);
            if let Some((c, k)) = col {
                p = format!("{p}, {}", (w.column)(&column_letter(grid.origin.1 + c), &k.header(gw, year)));
            }
            at(&grid.file, &p)
        };
        let cols = columns(header, year, glang);
        // A column given twice (copied beside itself, a second `Grado 2025`):
        // the last one read would win without a word, so the sheet is refused.
        let twice = cols.iter().enumerate().find_map(|(j, c)| {
            let k = (*c)?;
            cols[..j].iter().position(|d| *d == Some(k)).map(|i| (k, i, j))
        });
        if let Some((k, i, j)) = twice {
            let letter = |c: usize| column_letter(grid.origin.1 + c);
            let why = (w.twice)(&k.header(gw, year), &letter(i), &letter(j));
            refuse_whole(&mut out, &mut refused_files, &grid.file, format!("{}: {why}", place(0, None)));
            continue;
        }
        let find = |k: Col| cols.iter().position(|c| *c == Some(k));
        let kind = if find(Col::Value).is_some() {
            Kind::Indicators
        } else if [Col::Degree, Col::Status, Col::Note].iter().any(|&k| find(k).is_some()) {
            Kind::Actions
        } else {
            // The instructions (a worksheet, or the CSV a spreadsheet program
            // makes of it), in whichever language they were written.
            let first = grid.cells.first().and_then(|r| r.first()).map_or(String::new(), |c| shown(c, lang));
            let instructions = Lang::ALL.iter().any(|l| {
                let lw = l.text().sheets;
                grid.sheet == lw.instructions
                    || fold(&first) == fold(&(lw.guide)(&crate::export::safe(&s.meta.title), year)[0])
            });
            if !instructions {
                refuse_whole(
                    &mut out,
                    &mut refused_files,
                    &grid.file,
                    format!("{}: {}", place(0, None), (w.not_a_sheet)(year)),
                );
            }
            continue;
        };
        // Next year's sheet has this year's headers for its read-only columns.
        let next = [Col::Degree, Col::Status, Col::Note, Col::Value].map(|c| fold(&c.header(gw, year + 1)));
        let later = header.iter().any(|h| matches!(h, Cell::Text(t) if next.contains(&fold(t))));
        let (Some(id_col), Some(print_col), false) = (find(Col::Id), find(Col::Fingerprint), later) else {
            refuse_whole(
                &mut out,
                &mut refused_files,
                &grid.file,
                format!("{}: {}", place(0, None), (w.not_a_sheet)(year)),
            );
            continue;
        };
        // A sheet written from another session is refused whole. Sheets written
        // before fingerprints carried the session (16 hex digits, no `-`) are
        // read as they were: one from another plan passes where neither has a
        // review that year, as it always did; they are of one year, and the
        // next year's are stamped.
        let stamp = super::session_stamp(s);
        let other = grid.cells.iter().skip(1).any(|row| {
            let print = row.get(print_col).map_or(String::new(), |c| shown(c, glang));
            print.trim().split_once('-').is_some_and(|(from, _)| from != stamp)
        });
        if other {
            refuse_whole(
                &mut out,
                &mut refused_files,
                &grid.file,
                format!("{}: {}", place(0, None), (w.other_session)(&s.meta.title)),
            );
            continue;
        }
        let fills: Vec<(usize, Col)> =
            cols.iter().enumerate().filter_map(|(i, c)| c.filter(|c| c.fill()).map(|c| (i, c))).collect();
        for (r, row) in grid.cells.iter().enumerate().skip(1) {
            let cell = |c: usize| row.get(c).unwrap_or(&Cell::Empty);
            if fills.iter().all(|&(c, _)| *cell(c) == Cell::Empty) {
                continue;
            }
            let mut bad = Vec::new();
            let id = crate::i18n::stored_id(shown(cell(id_col), glang).trim());
            let known = match kind {
                Kind::Actions => s.find_action(&id).is_some(),
                Kind::Indicators => s.find_indicator(&id).is_some(),
            };
            if !known {
                let e = lang.text().review_errors;
                let said = match kind {
                    Kind::Actions => (e.unknown_action)(&lang.show_id(&id)),
                    Kind::Indicators => (e.unknown_indicator)(&id),
                };
                bad.push(format!("{}: {said}", place(r, Some((id_col, Col::Id)))));
            }
            let fingerprint = shown(cell(print_col), glang);
            if fingerprint.trim().is_empty() {
                bad.push(format!("{}: {}", place(r, Some((print_col, Col::Fingerprint))), (w.not_a_sheet)(year)));
            }
            let mut what = match kind {
                Kind::Actions => What::Action { degree: None, status: None, note: None, committed: None, paid: None },
                Kind::Indicators => What::Value(f64::NAN),
            };
            for &(c, k) in &fills {
                let value = cell(c);
                if *value == Cell::Empty {
                    continue;
                }
                if grid.formulas.contains(&(r, c)) {
                    bad.push(format!("{}: {}", place(r, Some((c, k))), w.formula));
                    continue;
                }
                // Why the cell is refused, if it is.
                let refused = match (k, &mut what) {
                    (Col::Degree, What::Action { degree, .. }) => match read_degree(value) {
                        Some(d) => {
                            *degree = Some(d);
                            None
                        }
                        None => Some((lang.text().review_errors.not_a_degree)(&shown(value, lang))),
                    },
                    (Col::Status, What::Action { status, .. }) => match read_status(value, glang) {
                        Some(st) => {
                            *status = Some(st);
                            None
                        }
                        None => {
                            let words = super::write::status_words(glang).join(", ");
                            Some((w.not_a_status)(&shown(value, lang), &words))
                        }
                    },
                    // A date or a percentage in a note is the text the owner sees.
                    (Col::Note, What::Action { note, .. }) => {
                        *note = Some(shown(value, glang));
                        None
                    }
                    (Col::Committed | Col::Paid, What::Action { committed, paid, .. }) => {
                        match read_money(value, glang) {
                            Ok(e) => {
                                *(if k == Col::Paid { paid } else { committed }) = Some(e);
                                None
                            }
                            Err(e) => Some(e),
                        }
                    }
                    (Col::Value, What::Value(v)) => match read_value(value, glang) {
                        Ok(x) => {
                            *v = x;
                            None
                        }
                        Err(e) => Some(e),
                    },
                    _ => None,
                };
                if let Some(why) = refused {
                    // What the cell's number format made of what was typed, said after.
                    let format = match value {
                        Cell::Date(_) => Some(w.date_format),
                        Cell::Percent(_) if matches!(k, Col::Committed | Col::Paid) => Some(w.percent_format),
                        _ => None,
                    };
                    let why = match format {
                        Some(f) => format!("{why}; {f}"),
                        None => why,
                    };
                    bad.push(format!("{}: {why}", place(r, Some((c, k)))));
                }
            }
            if !bad.is_empty() {
                out.refused.extend(bad);
                out.rows += 1;
                continue;
            }
            if matches!(what, What::Value(v) if v.is_nan()) {
                continue;
            }
            // The session's stamp, checked above, is not part of what changes.
            let fingerprint = fingerprint.trim();
            let fingerprint = fingerprint.split_once('-').map_or(fingerprint, |(_, print)| print).to_owned();
            let answer = Answer { id: id.clone(), what, fingerprint, at: place(r, None) };
            // The same answer twice is one answer; two different ones are both refused.
            match seen.get(&(kind, id.clone())) {
                Some(first) if first.what == answer.what => {}
                Some(first) => {
                    out.refused.push(format!("{}: {}", answer.at, (w.duplicate)(&lang.show_id(&id), &first.at)));
                    out.rows += 1;
                    if !contested.contains(&(kind, id.clone())) {
                        out.refused.push(format!("{}: {}", first.at, (w.duplicate)(&lang.show_id(&id), &answer.at)));
                        out.rows += 1;
                        contested.push((kind, id));
                    }
                }
                None => {
                    seen.insert((kind, id), answer.clone());
                    out.answers.push(answer);
                }
            }
        }
    }
    out.answers.retain(|a| !contested.contains(&(kind_of(&a.what), a.id.clone())));
    out
}

fn kind_of(what: &What) -> Kind {
    match what {
        What::Action { .. } => Kind::Actions,
        What::Value(_) => Kind::Indicators,
    }
}

/// A degree cell: a whole number 0-100, typed (`75`, `75%`) or stored as a
/// number, or a percentage as shown (a typed `75%` that the spreadsheet keeps
/// as 0.75 shown as `75%`). A date is none.
fn read_degree(cell: &Cell) -> Option<Degree> {
    match cell {
        Cell::Number(x) | Cell::Percent(x) if x.fract() == 0.0 && (0.0..=100.0).contains(x) => Degree::new(*x as u8),
        Cell::Text(t) => t.parse().ok(),
        _ => None,
    }
}

/// A status cell: one of the session language's four words, nothing else.
fn read_status(cell: &Cell, lang: Lang) -> Option<Status> {
    let Cell::Text(t) = cell else { return None };
    let words = PlanWords::for_lang(lang);
    Status::ALL.into_iter().find(|&s| fold(words.status(s)) == fold(t))
}

/// An indicator's value: a number cell as it is, a percentage as shown (`62%`
/// is 62), a text through the language's reader; a date is none.
fn read_value(cell: &Cell, lang: Lang) -> Result<f64, String> {
    match cell {
        // Past 2^53 a number cell no longer holds every whole number: the
        // digits typed (`12345678901234567890`) were already rounded, and are
        // refused as the same digits typed as text are.
        Cell::Number(x) if x.abs() >= 9_007_199_254_740_992.0 => {
            Err((lang.locale().too_many_digits)(&shown(cell, lang)))
        }
        Cell::Number(x) | Cell::Percent(x) if x.is_finite() => Ok(*x),
        Cell::Text(t) => lang.locale().read_number(t).map_err(|e| match e {
            Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => msg,
            Unread::NotANumber => (lang.text().review_errors.not_a_number)(t),
        }),
        other => Err((lang.text().review_errors.not_a_number)(&shown(other, lang))),
    }
}

/// A money cell: a number cell as it is, a text read the language's way; never
/// negative. A percentage or a date is no amount.
fn read_money(cell: &Cell, lang: Lang) -> Result<Euros, String> {
    let bad = |t: &str| format!("{t:?} {}", lang.plan_ui().bad_amount);
    match cell {
        Cell::Number(x) => Euros::try_from(*x).map_err(|_| bad(&shown(cell, lang))),
        Cell::Text(t) => crate::i18n::money_words::read_amount(lang, t)?.ok_or_else(|| bad(t)),
        Cell::Percent(_) | Cell::Date(_) | Cell::Empty => Err(bad(&shown(cell, lang))),
    }
}

/// The answers sorted against the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sorted {
    /// Answers that change the session, their degree filled in from where the
    /// action stood when the sheet left it blank.
    pub changes: Vec<Answer>,
    /// Answers for something changed in the session since the sheet was written.
    pub conflicts: Vec<Answer>,
    /// Answers the session already holds.
    pub already: usize,
}

/// Sorts `answers`: already in the session, a change, or a conflict (taken as a
/// change when `force_stale`).
pub fn sort(s: &Session, year: i16, answers: Vec<Answer>, force_stale: bool) -> Sorted {
    let mut out = Sorted::default();
    for mut a in answers {
        let (same, now) = match &mut a.what {
            What::Action { degree, status, note, committed, paid } => {
                // A blank degree keeps where the action stood, as the Seguimiento view does.
                if degree.is_none() {
                    *degree = s.latest_review(&a.id, year).map(|r| r.degree);
                }
                // A status cell left as the sheet was written (the session's
                // review unchanged since) is no status given: it follows the
                // degree by the one rule of `Session::review_action`.
                let now = s.action_review(&a.id, year);
                if a.fingerprint == action_fingerprint(s, &a.id, year) && *status == now.map(|r| r.status) {
                    *status = None;
                }
                let same = matches!(s.review_action(&a.id, year, *degree, *status, note.as_deref()), Ok(None));
                let kept = |asked: &Option<Euros>, stored: Option<Euros>| asked.is_none() || *asked == stored;
                let same =
                    same && kept(committed, now.and_then(|r| r.committed)) && kept(paid, now.and_then(|r| r.paid));
                (same, action_fingerprint(s, &a.id, year))
            }
            What::Value(v) => (s.indicator_value(&a.id, year) == Some(*v), indicator_fingerprint(s, &a.id, year)),
        };
        if same {
            out.already += 1;
        } else if now != a.fingerprint && !force_stale {
            out.conflicts.push(a);
        } else {
            out.changes.push(a);
        }
    }
    out
}

/// The `dafo review` arguments that record `changes` (the one review path).
pub fn review_args(year: i16, changes: &[Answer], lang: Lang) -> ReviewArgs {
    let words = PlanWords::for_lang(lang);
    let mut args = ReviewArgs { year, ..ReviewArgs::default() };
    for a in changes {
        match &a.what {
            What::Action { degree, status, note, committed, paid } => {
                let plain = |e: &Euros| lang.locale().money_plain(e.cents);
                args.committed.extend(committed.iter().map(|e| format!("{}={}", a.id, plain(e))));
                args.paid.extend(paid.iter().map(|e| format!("{}={}", a.id, plain(e))));
                if degree.is_some() || status.is_some() {
                    let d = degree.map_or(0, Degree::get);
                    args.assignments.push(match status {
                        Some(st) => format!("{}={d}:{}", a.id, words.status(*st)),
                        None => format!("{}={d}", a.id),
                    });
                }
                if let Some(n) = note {
                    args.notes.push(format!("{}={n}", a.id));
                }
            }
            What::Value(v) => args.values.push(format!("{}={}", a.id, lang.locale().exact(*v))),
        }
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `12345678901234567890` in a number cell of `Valor` was stored as
    /// 12345678901234567000; typed as text it was refused.
    #[test]
    fn a_number_cell_past_what_a_number_holds_is_refused_as_its_text_is() {
        let big = 12_345_678_901_234_567_890.0;
        for lang in [Lang::Es, Lang::En, Lang::Ca] {
            let as_cell = read_value(&Cell::Number(big), lang);
            let as_text = read_value(&Cell::Text("12345678901234567890".into()), lang);
            assert!(as_cell.is_err() && as_text.is_err(), "{lang:?}: {as_cell:?} {as_text:?}");
            assert_eq!(read_value(&Cell::Number(9_007_199_254_740_991.0), lang), Ok(9_007_199_254_740_991.0));
            assert_eq!(read_value(&Cell::Number(-12.5), lang), Ok(-12.5));
        }
    }
}
