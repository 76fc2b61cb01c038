//! Broken session files give typed problems, at their line and column, said in
//! es, en and ca without ron's English words.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use ron::error::Error;

use super::{Kind, RonProblem};
use crate::domain::{HorizonError, ValueRefused};
use crate::i18n::Lang;
use crate::storage::{LoadError, ParseProblem, parse};

fn fixture() -> String {
    std::fs::read_to_string(crate::repo::path("tests/fixtures/plan.ron")).unwrap()
}

/// The fixture with `from` (which must be there) made `to`: the problem, and the
/// line where `to` is.
fn broken(from: &str, to: &str) -> (LoadError, usize) {
    let good = fixture();
    assert!(good.contains(from), "{from}");
    let text = good.replacen(from, to, 1);
    let line = text[..text.find(to).unwrap()].matches('\n').count() + 1;
    (parse(&text, Path::new("roto.ron")).unwrap_err(), line)
}

#[test]
fn common_mistakes_in_a_session_are_typed_problems_at_their_place() {
    let f = "(id: \"F1\", text: \"Equipo";
    let within = |s: &str| Some(s.to_owned());
    let statuses = ["Pending", "InProgress", "Done", "Dropped"].map(str::to_owned).to_vec();
    // The fixture's text, what it is made, the problem, and the line below `to` it is found on.
    for (from, to, problem, below) in [
        (f, "(id: \"F1\" text: \"Equipo", RonProblem::ExpectedComma, 0),
        // An unclosed parenthesis: the next line's `(` is not a field's name.
        ("rating: 4),\n", "rating: 4,\n", RonProblem::ExpectedName, 1),
        (f, "(text: \"Equipo", RonProblem::MissingField { field: "id".into(), within: within("Factor") }, 0),
        ("votes: 5,", "votes: \"cinco\",", RonProblem::WrongKind(Kind::WholeNumber), 0),
        ("weight: 0.3, rating: 4", "weight: verdad, rating: 4", RonProblem::WrongKind(Kind::Number), 0),
        ("votes: 5,", "votes: -5,", RonProblem::IntegerOutOfRange, 0),
        (
            "status: Done",
            "status: Hecha",
            RonProblem::UnknownVariant { found: "Hecha".into(), within: within("Status"), expected: statuses.clone() },
            0,
        ),
        (
            "\", votes: 5,",
            "\", votes: 5, colour: 3,",
            RonProblem::UnknownField {
                found: "colour".into(),
                within: within("Factor"),
                expected: [
                    "id", "text", "votes", "impact", "weight", "rating", "carried", "sources", "origins", "conflict",
                    "themes",
                ]
                .map(str::to_owned)
                .to_vec(),
            },
            0,
        ),
        (
            "\", votes: 5,",
            "\", votes: 5, votes: 6,",
            RonProblem::DuplicateField { field: "votes".into(), within: within("Factor") },
            0,
        ),
        // An unclosed string runs on to the next `"`, a line below.
        ("implicado y estable\"", "implicado y estable", RonProblem::ExpectedComma, 1),
        ("Nueva ley de servicios sociales\"", "Nueva ley \\q\"", RonProblem::BadEscape, 0),
        (
            "impact: 4,",
            "impact: 9,",
            RonProblem::Value(ValueRefused::Range {
                what: "impact".into(),
                low: "1".into(),
                high: "5".into(),
                value: "9".into(),
            }),
            0,
        ),
        (
            "language: \"es\",",
            "language: \"es\", horizon: \"2026-2023\",",
            RonProblem::Value(ValueRefused::Horizon(HorizonError::Backwards { start: 2026, end: 2023 })),
            0,
        ),
        (
            "due: \"2027-03-01\"",
            "amount: -5, due: \"2027-03-01\"",
            RonProblem::Value(ValueRefused::Amount("-5".into())),
            0,
        ),
        ("due: \"2027-03-01\"", "due: \"2027-13-01\"", RonProblem::BadValue, 0),
        // A real day, but in a year no form reads back: refused with the range.
        (
            "due: \"2027-03-01\"",
            "due: \"0000-03-01\"",
            RonProblem::Value(ValueRefused::Range {
                what: "date".into(),
                low: "1900-01-01".into(),
                high: "2200-12-31".into(),
                value: "0000-03-01".into(),
            }),
            0,
        ),
    ] {
        let (err, line) = broken(from, to);
        let LoadError::Parse { line: at, problem: ParseProblem::Ron(got), .. } = &err else { panic!("{to}: {err:?}") };
        assert_eq!((&**got, *at), (&problem, line + below), "{to}");
    }
    // Text after the session, and a file cut short (after a line, in a line, its last `)` lost).
    let good = fixture();
    let half = good.len() / 2;
    for (text, problem) in [
        (format!("{good}\nsobra"), RonProblem::Trailing),
        (good[..good[..half].rfind('\n').unwrap()].to_owned(), RonProblem::Eof),
        (good[..good[..half].rfind(", ").unwrap() + 2].to_owned(), RonProblem::Eof),
        (good.trim_end().trim_end_matches(')').to_owned(), RonProblem::Eof),
        (format!("{}\n\n", good.trim_end().trim_end_matches(')')), RonProblem::Eof),
    ] {
        match parse(&text, Path::new("roto.ron")) {
            Err(LoadError::Parse { problem: ParseProblem::Ron(got), .. }) => assert_eq!(*got, problem),
            other => panic!("{other:?}"),
        }
    }
}

/// Every date a session holds is checked on load (an action's start and due
/// date, a meeting's, a year's review, the session's own): a year no form
/// reads back is refused at its line, never shown as a day that reads as none.
#[test]
fn every_date_of_a_session_is_refused_outside_its_years() {
    use jiff::civil::date;
    let mut s = parse(&fixture(), Path::new("bien.ron")).unwrap();
    let a = &mut s.correct[0];
    (a.start, a.due) = (Some(date(2026, 2, 1)), Some(date(2026, 3, 1)));
    let mut meeting = crate::domain::meetings::Meeting::of("técnicos");
    meeting.date = Some(date(2026, 4, 1));
    s.meta.meetings.push(meeting);
    s.review_years.push(crate::domain::YearReview { year: 2026, date: Some(date(2026, 5, 1)), ..Default::default() });
    let good = crate::storage::to_ron(&s);
    assert!(parse(&good, Path::new("bien.ron")).is_ok());
    for (field, day) in [
        ("start", "2026-02-01"),
        ("due", "2026-03-01"),
        ("date", "2026-04-01"),
        ("date", "2026-05-01"),
        ("created", "2026-11-10"),
    ] {
        let written = format!("{field}: \"{day}");
        assert_eq!(good.matches(&written).count(), 1, "{written}");
        for year in ["0000", "1899", "2201", "9999"] {
            let bad = format!("{year}{}", &day[4..]);
            let text = good.replacen(&written, &format!("{field}: \"{bad}"), 1);
            let line = text[..text.find(&bad).unwrap()].matches('\n').count() + 1;
            let err = parse(&text, Path::new("roto.ron")).unwrap_err();
            let LoadError::Parse { line: at, problem: ParseProblem::Ron(got), .. } = &err else {
                panic!("{bad}: {err:?}")
            };
            let RonProblem::Value(ValueRefused::Range { what, value, .. }) = &**got else { panic!("{bad}: {got:?}") };
            assert_eq!((what.as_str(), value.as_str(), *at), ("date", bad.as_str(), line), "{field} {bad}");
        }
    }
}

#[test]
fn a_degree_out_of_range_is_a_typed_refusal() {
    let e = ron::from_str::<crate::domain::Degree>("120").unwrap_err();
    assert_eq!(RonProblem::from(&e.code), RonProblem::Value(ValueRefused::Degree(120)));
}

/// What ron says for each of its errors (its English `Display`) is never what a
/// Spanish or Catalan user reads; only errors a dafo file cannot give are `Other`.
#[test]
fn no_error_of_ron_is_said_in_its_own_words() {
    let cannot_arise =
        [Error::Fmt, Error::Io("disk".into()), Error::NoSuchExtension("zz".into()), Error::ExpectedAttribute];
    let others = [
        Error::Eof,
        Error::ExpectedArray,
        Error::ExpectedArrayEnd,
        Error::ExpectedAttributeEnd,
        Error::ExpectedBoolean,
        Error::ExpectedComma,
        Error::ExpectedChar,
        Error::ExpectedByteLiteral,
        Error::ExpectedFloat,
        Error::FloatUnderscore,
        Error::ExpectedInteger,
        Error::ExpectedOption,
        Error::ExpectedOptionEnd,
        Error::ExpectedMap,
        Error::ExpectedMapColon,
        Error::ExpectedMapEnd,
        Error::ExpectedDifferentStructName { expected: "Session", found: "version".into() },
        Error::ExpectedStructLike,
        Error::ExpectedNamedStructLike("Session"),
        Error::ExpectedStructLikeEnd,
        Error::ExpectedUnit,
        Error::ExpectedString,
        Error::ExpectedByteString,
        Error::ExpectedStringEnd,
        Error::ExpectedIdentifier,
        Error::InvalidEscape("Unknown escape character"),
        Error::IntegerOutOfBounds,
        Error::InvalidIntegerDigit { digit: 'G', base: 16 },
        Error::UnclosedBlockComment,
        Error::UnclosedLineComment,
        Error::UnderscoreAtBeginning,
        Error::UnexpectedChar('\u{1b}'),
        Error::TrailingCharacters,
        Error::InvalidValueForType { expected: "a string".into(), found: "the unsigned integer `5`".into() },
        Error::InvalidValueForType { expected: "a timestamp string".into(), found: "a sequence".into() },
        Error::ExpectedDifferentLength { expected: "a tuple of size 2".into(), found: 3 },
        Error::NoSuchEnumVariant { expected: &["Done"], found: "Hecha".into(), outer: Some("Status".into()) },
        Error::NoSuchStructField { expected: &["id"], found: "colour".into(), outer: None },
        Error::MissingStructField { field: "id", outer: Some("Factor".into()) },
        Error::DuplicateStructField { field: "id", outer: Some("Factor".into()) },
        Error::InvalidIdentifier("r#".into()),
        Error::SuggestRawIdentifier("4".into()),
        Error::ExpectedRawValue,
        Error::ExceededRecursionLimit,
        Error::ExpectedStructName("Session".into()),
        Error::Message("invalid date: month 13".into()),
        Error::Utf8Error(String::from_utf8(vec![0xff]).unwrap_err().utf8_error()),
    ];
    for e in cannot_arise.iter().chain(&others) {
        let problem = RonProblem::from(e);
        assert_eq!(problem == RonProblem::Other, cannot_arise.contains(e), "{e:?}: {problem:?}");
        let english = e.to_string();
        for lang in [Lang::Es, Lang::Ca] {
            let said = problem.message(lang);
            assert!(!said.is_empty() && !said.contains(&english), "{lang:?} {e:?}: {said}");
            assert!(!said.chars().any(char::is_control), "{lang:?} {e:?}: {said}");
        }
    }
}

#[test]
fn a_problem_is_said_with_the_names_the_file_writes() {
    let (err, line) = broken("\", votes: 5,", "\", votes: 5, colour: 3,");
    let at = format!("roto.ron:{line}:");
    for (lang, words) in [
        (
            Lang::Es,
            "no se lee como sesión: el campo `colour` no existe en `Factor`; se esperaba uno de estos: `id`, `text`",
        ),
        (Lang::En, "does not read as a session: unknown field `colour` in `Factor`; expected one of: `id`, `text`"),
        (
            Lang::Ca,
            "no es llig com a sessió: el camp `colour` no existeix dins de `Factor`; s'esperava un d'aquests: `id`, `text`",
        ),
    ] {
        let said = err.message(lang);
        assert!(said.starts_with(&at) && said.contains(words), "{lang:?}: {said}");
    }
    // The English `Display` of the error uses the same words, not ron's.
    let shown = err.to_string();
    assert!(shown.starts_with(&at) && shown.contains("unknown field `colour` in `Factor`"), "{shown}");
}

/// `NaN` and `inf` read as numbers in RON, but no export, sheet or merge can carry
/// them: an indicator's number that is not one is refused where it stands.
#[test]
fn an_indicator_number_that_is_not_a_number_is_refused_with_its_place() {
    let sample = include_str!("../../../../sessions/almendral-plan-servicios-sociales-2023-2026.ron");
    let (field, value) = ["baseline: ", "actual: ", "target: "]
        .iter()
        .find_map(|f| sample.find(f).map(|at| (at + f.len(), *f)))
        .expect("the sample has indicator numbers");
    for bad in ["NaN", "inf", "-inf"] {
        let end = field + sample[field..].find([',', ')']).unwrap();
        let text = format!("{}{bad}{}", &sample[..field], &sample[end..]);
        let line = sample[..field].matches('\n').count() + 1;
        match parse(&text, Path::new("plan.ron")) {
            Err(e @ LoadError::Parse { .. }) => {
                let said = e.message(crate::i18n::Lang::Es);
                assert!(said.contains(&format!("plan.ron:{line}:")), "{value}{bad}: {said}");
                assert!(said.contains("no es un número"), "{said}");
            }
            other => panic!("{value}{bad} read: {other:?}"),
        }
    }
}
