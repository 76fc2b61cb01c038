//! No English `#[error]` text reaches a Spanish or Catalan user (issue 23): one
//! value of every variant of every error type a user can meet, each said in
//! Spanish and Catalan, checked against the English `Display` text's own words.
//! The samples are built through exhaustive `match`es: a new variant without a
//! sample stops the build.

// Outside the core's own tests (for the dafo package's) the scan of the core's
// errors is not run: its samples are unused there.
#![cfg_attr(not(test), allow(dead_code))]
// Test support, built for tests only (`test` or the `error-scan` feature): it may panic.
#![allow(clippy::unwrap_used)]

use std::io;
use std::path::PathBuf;

use super::Lang;
use crate::domain::ValueRefused;
use crate::domain::join::JoinError;
use crate::domain::{EditError, HorizonError, RangeError, Rating, ReviewError};
use crate::export::import::ImportError;
use crate::storage::bounded::BoundedError;
use crate::storage::commands::CommandError as StorageCommandError;
use crate::storage::{DiskState, LoadError, LockError, ParseProblem, RecoverError, RonKind, RonProblem, SaveError};

/// One error: its English `Display` text and its message in a language.
pub struct Case {
    pub name: String,
    pub english: String,
    pub said: Box<dyn Fn(Lang) -> String>,
}

/// `e` as a [`Case`], said through `message`.
pub fn case<E: std::fmt::Display + std::fmt::Debug + 'static>(
    e: E,
    message: impl Fn(&E, Lang) -> String + 'static,
) -> Case {
    let name = format!("{e:?}").chars().take(60).collect();
    Case { name, english: e.to_string(), said: Box::new(move |lang| message(&e, lang)) }
}

/// The values the samples put into messages (a path, a typed value, a host), the
/// keywords a file uses (its column names, its Spanish headings) and names every
/// language writes alike: they are not the English text's own words.
const VALUES: &[&str] = &[
    "taller.ron",
    ".dafo-backups",
    "zzyzx",
    "NaN",
    "anfitrion",
    "dafo",
    "chmod",
    "pid",
    "git",
    "utf",
    "recover",
    "csv",
    "md",
    "txt",
    "html",
    "fragment",
    "json",
    "docx",
    "yyyy",
    "mm",
    "dd",
    "came",
    "mantener",
    "corregir",
    "explotar",
    "afrontar",
    "pendiente",
    "curso",
    "hecha",
    "descartada",
    "sube",
    "baja",
    "línea",
    "líneas",
    "ejes",
    "eje",
    "misión",
    "visión",
    "valores",
    "fortalezas",
    "debilidades",
    "oportunidades",
    "amenazas",
    "acción",
    "plazo",
    // Column names and keywords of the CSV files, the same in every language.
    "due",
    "year",
    "degree",
    "start",
    "target",
    "direction",
    "down",
    "horizon",
    "quadrant",
    "votes",
    "status",
    "pending",
    "in_progress",
    "progress",
    "done",
    "dropped",
    "zzz",
    // Words Spanish or Catalan write as English does.
    "factor",
    "factors",
    "plan",
    "euros",
    "text",
    "format",
    "error",
    "quadrants",
];

/// The words of `text` (letters only, lower case, at least three), without code
/// (`--format`, `` `dafo recover` ``).
fn words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut code = false;
    for c in text.chars() {
        if c == '`' {
            code = !code;
        } else if !code {
            plain.push(c);
        }
    }
    plain
        .split_whitespace()
        .filter(|w| !w.starts_with('-') && !w.starts_with("(-"))
        .flat_map(|w| w.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// The English text's own words: its words less those of the values put into it
/// (the system's detail among them).
fn english_words(case: &Case, values: &[String]) -> Vec<String> {
    let given: Vec<String> = values.iter().map(String::as_str).chain(VALUES.iter().copied()).flat_map(words).collect();
    let mut own: Vec<String> = words(&case.english).into_iter().filter(|w| !given.contains(w)).collect();
    own.sort();
    own.dedup();
    own
}

/// Every case said in Spanish and Catalan: not the English text, and none of its
/// own words. `values` are what the samples put in (they may appear anywhere).
pub fn assert_localized(cases: &[Case], values: &[String]) {
    let mut failures = Vec::new();
    for case in cases {
        let own = english_words(case, values);
        let en = (case.said)(Lang::En);
        for lang in [Lang::Es, Lang::Ca] {
            let said = (case.said)(lang);
            if !own.is_empty() && (said == case.english || said == en) {
                failures.push(format!("{lang:?} {}: said in English: {said}", case.name));
                continue;
            }
            let found = words(&said);
            let english: Vec<&String> = own.iter().filter(|w| found.contains(w)).collect();
            if !english.is_empty() {
                failures.push(format!("{lang:?} {}: English words {english:?} in: {said}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} messages leak English:\n{}", failures.len(), failures.join("\n"));
}

/// The codes of the system's refusals a user meets.
const CODES: [i32; 8] =
    [libc::ENOENT, libc::EACCES, libc::ENOSPC, libc::EROFS, libc::EEXIST, libc::EISDIR, libc::ENOTDIR, libc::EIO];

/// The system's refusals a user meets: each code, and the errors of real failed
/// writes (a missing folder, a path through a file) as dafo's atomic write gives
/// them, which once carried tempfile's English "at path" and the temp file's name.
fn io_errors() -> Vec<io::Error> {
    let mut all: Vec<io::Error> = CODES.into_iter().map(io::Error::from_raw_os_error).collect();
    all.extend(failed_writes());
    all
}

/// What writing `taller.ron` into a missing folder and through a file gives.
pub fn failed_writes() -> Vec<io::Error> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taller.ron");
    std::fs::write(&file, "x").unwrap();
    let missing = crate::storage::write_atomic(&dir.path().join("zzyzx").join("taller.ron"), b"x").unwrap_err();
    let through = crate::storage::write_atomic(&file.join("taller.ron"), b"x").unwrap_err();
    vec![missing, through]
}

/// What the samples put in: the system's own texts (only those: a temp file's
/// name or path put in by a wrapper is English words).
pub fn io_values() -> Vec<String> {
    CODES.into_iter().map(|code| io::Error::from_raw_os_error(code).to_string()).collect()
}

fn path() -> PathBuf {
    PathBuf::from("taller.ron")
}

fn load_errors() -> Vec<LoadError> {
    let mut all: Vec<LoadError> =
        io_errors().into_iter().map(|source| LoadError::Io { path: path(), source }).collect();
    all.extend([
        LoadError::Parse {
            path: path(),
            line: 3,
            column: 9,
            problem: ParseProblem::CounterAtEnd { key: "F".into(), n: 1_000_000 },
        },
        LoadError::Parse { path: path(), line: 3, column: 9, problem: ParseProblem::NotUtf8 },
        LoadError::Parse { path: path(), line: 3, column: 1, problem: ParseProblem::ConflictMarker },
        LoadError::Id {
            path: path(),
            line: 3,
            column: 9,
            id: "Zzyzx".into(),
            problem: crate::domain::id_check::IdProblem::Duplicate,
        },
        LoadError::TooLong {
            path: path(),
            line: 3,
            column: 9,
            field: crate::domain::limits::Field::Title,
            chars: 12_000,
            max: 10_000,
        },
        LoadError::TooNew { path: path(), found: 99 },
    ]);
    all.extend(bounded_errors().into_iter().map(LoadError::NotReadable));
    all.extend(ron_problems().into_iter().map(|p| LoadError::Parse {
        path: path(),
        line: 3,
        column: 9,
        problem: ParseProblem::Ron(Box::new(p)),
    }));
    for e in &all {
        match e {
            LoadError::Io { .. }
            | LoadError::Parse { .. }
            | LoadError::Id { .. }
            | LoadError::TooLong { .. }
            | LoadError::NotReadable(_)
            | LoadError::TooNew { .. } => {}
        }
    }
    all
}

/// Every problem the RON parser's errors become, each kind of value wanted and
/// each of dafo's own refusals of a value in a file.
pub fn ron_problems() -> Vec<RonProblem> {
    let within = || Some("Zzyzx".to_owned());
    let known = || vec!["quadrant".to_owned(), "votes".to_owned()];
    let mut all = vec![
        RonProblem::UnexpectedChar('#'),
        RonProblem::UnexpectedChar('\u{1b}'),
        RonProblem::ExpectedComma,
        RonProblem::ExpectedClosing(')'),
        RonProblem::ExpectedClosing(']'),
        RonProblem::ExpectedClosing('}'),
        RonProblem::ExpectedOpening('('),
        RonProblem::ExpectedOpening('['),
        RonProblem::ExpectedColon,
        RonProblem::StringEnd,
        RonProblem::ExpectedName,
        RonProblem::Trailing,
        RonProblem::Eof,
        RonProblem::MissingField { field: "quadrant".into(), within: within() },
        RonProblem::MissingField { field: "quadrant".into(), within: None },
        RonProblem::UnknownField { found: "zzz".into(), within: within(), expected: known() },
        RonProblem::UnknownField { found: "zzz".into(), within: None, expected: vec![] },
        RonProblem::UnknownVariant { found: "Zzyzx".into(), within: within(), expected: known() },
        RonProblem::DuplicateField { field: "votes".into(), within: within() },
        RonProblem::IntegerOutOfRange,
        RonProblem::BadNumber,
        RonProblem::BadEscape,
        RonProblem::UnclosedComment,
        RonProblem::NotUtf8,
        RonProblem::TooDeep,
        RonProblem::BadValue,
        RonProblem::Other,
    ];
    all.extend(RonKind::ALL.map(RonProblem::WrongKind));
    let refused = [
        ValueRefused::from(crate::domain::Impact::parse("9").unwrap_err()),
        ValueRefused::from(crate::domain::Weight::parse("2.5").unwrap_err()),
        ValueRefused::from(crate::domain::rules::checked_date(jiff::civil::date(0, 6, 1)).unwrap_err()),
        ValueRefused::Horizon(HorizonError::Syntax("Zzyzx".into())),
        ValueRefused::Horizon(HorizonError::Backwards { start: 2026, end: 2023 }),
        ValueRefused::Horizon(HorizonError::OutOfRange),
        ValueRefused::Amount("-5.5".into()),
        ValueRefused::Degree(120),
        ValueRefused::NotANumber("NaN".into()),
    ];
    for r in &refused {
        match r {
            ValueRefused::Range { .. }
            | ValueRefused::Horizon(_)
            | ValueRefused::Amount(_)
            | ValueRefused::Degree(_)
            | ValueRefused::NotANumber(_) => {}
        }
    }
    all.extend(refused.into_iter().map(RonProblem::Value));
    for p in &all {
        match p {
            RonProblem::UnexpectedChar(_)
            | RonProblem::ExpectedComma
            | RonProblem::ExpectedClosing(_)
            | RonProblem::ExpectedOpening(_)
            | RonProblem::ExpectedColon
            | RonProblem::StringEnd
            | RonProblem::ExpectedName
            | RonProblem::Trailing
            | RonProblem::Eof
            | RonProblem::MissingField { .. }
            | RonProblem::UnknownField { .. }
            | RonProblem::UnknownVariant { .. }
            | RonProblem::DuplicateField { .. }
            | RonProblem::WrongKind(_)
            | RonProblem::IntegerOutOfRange
            | RonProblem::BadNumber
            | RonProblem::BadEscape
            | RonProblem::UnclosedComment
            | RonProblem::NotUtf8
            | RonProblem::TooDeep
            | RonProblem::Value(_)
            | RonProblem::BadValue
            | RonProblem::Other => {}
        }
    }
    all
}

fn bounded_errors() -> Vec<BoundedError> {
    let mut all: Vec<BoundedError> =
        io_errors().into_iter().map(|source| BoundedError::Io { path: path(), source }).collect();
    all.push(BoundedError::NotRegular { path: path() });
    all.push(BoundedError::TooLarge { path: path(), limit: 1024 });
    for e in &all {
        match e {
            BoundedError::Io { .. } | BoundedError::NotRegular { .. } | BoundedError::TooLarge { .. } => {}
        }
    }
    all
}

fn lock_errors() -> Vec<LockError> {
    let since = jiff::Timestamp::UNIX_EPOCH;
    let mut all = vec![LockError::Held { path: path(), pid: 42, host: "anfitrion".into(), since }];
    all.extend(io_errors().into_iter().map(|source| LockError::Io { path: path(), source }));
    all.push(LockError::NotRegular { path: path() });
    all.push(LockError::FileReadOnly { path: path() });
    for e in &all {
        match e {
            LockError::Held { .. }
            | LockError::Io { .. }
            | LockError::NotRegular { .. }
            | LockError::FileReadOnly { .. } => {}
        }
    }
    all
}

fn save_errors() -> Vec<SaveError> {
    let mut all = vec![
        SaveError::ChangedOnDisk { path: path(), now: DiskState::of(&path(), b"x", false) },
        SaveError::AlreadyExists { path: path() },
    ];
    all.extend(load_errors().into_iter().map(|e| SaveError::Unreadable { error: Box::new(e) }));
    all.push(SaveError::DiskFull { path: path() });
    all.push(SaveError::ReadOnly { path: path() });
    all.push(SaveError::PermissionDenied { path: path() });
    all.extend(lock_errors().into_iter().map(|e| SaveError::NotHeld { path: path(), reason: Box::new(e) }));
    all.extend(io_errors().into_iter().map(|source| SaveError::Io { path: path(), source }));
    for e in &all {
        match e {
            SaveError::ChangedOnDisk { .. }
            | SaveError::AlreadyExists { .. }
            | SaveError::Unreadable { .. }
            | SaveError::DiskFull { .. }
            | SaveError::ReadOnly { .. }
            | SaveError::PermissionDenied { .. }
            | SaveError::NotHeld { .. }
            | SaveError::Io { .. } => {}
        }
    }
    all
}

fn recover_errors() -> Vec<RecoverError> {
    let mut all: Vec<RecoverError> = load_errors()
        .into_iter()
        .map(|error| RecoverError::NoGoodBackup { error, tried: 2, dir: PathBuf::from(".dafo-backups") })
        .collect();
    all.extend(load_errors().into_iter().map(RecoverError::Unrecoverable));
    all.extend(io_errors().into_iter().map(|source| RecoverError::Io { path: path(), source }));
    for e in &all {
        match e {
            RecoverError::NoGoodBackup { .. } | RecoverError::Unrecoverable(_) | RecoverError::Io { .. } => {}
        }
    }
    all
}

fn storage_command_errors() -> Vec<StorageCommandError> {
    let mut all: Vec<StorageCommandError> = lock_errors().into_iter().map(StorageCommandError::Lock).collect();
    all.extend(load_errors().into_iter().map(StorageCommandError::Load));
    all.extend(save_errors().into_iter().map(StorageCommandError::Save));
    all.extend(io_errors().into_iter().map(StorageCommandError::Io));
    for e in &all {
        match e {
            StorageCommandError::Lock(_)
            | StorageCommandError::Load(_)
            | StorageCommandError::Save(_)
            | StorageCommandError::Io(_) => {}
        }
    }
    all
}

/// The import's errors: every problem on a line, and each other variant.
pub fn import_errors() -> Vec<ImportError> {
    let csv = PathBuf::from("taller.csv");
    let problems = crate::export::import_problem::tests::every("Zzyzx");
    let mut all: Vec<ImportError> = problems
        .iter()
        .cloned()
        .map(|problem| ImportError::Csv { path: csv.clone(), line: 3, problem })
        .chain(problems.iter().cloned().map(|problem| ImportError::At {
            path: csv.clone(),
            line: 3,
            column: 2,
            problem,
        }))
        .collect();
    all.extend(io_errors().into_iter().map(|source| ImportError::Io { path: csv.clone(), source }));
    all.push(ImportError::Empty { path: csv.clone() });
    all.push(ImportError::UnknownKind { path: csv.clone() });
    all.push(ImportError::TooLong {
        path: csv.clone(),
        line: 3,
        field: crate::domain::limits::Field::Title,
        chars: 12_000,
        max: 10_000,
    });
    all.extend(bounded_errors().into_iter().map(ImportError::NotReadable));
    let in_file =
        ImportError::Csv { path: csv.clone(), line: 4, problem: crate::export::import_problem::Problem::Header };
    all.push(in_file.in_language(Some(Lang::En)));
    for e in &all {
        match e {
            ImportError::Io { .. }
            | ImportError::Csv { .. }
            | ImportError::Empty { .. }
            | ImportError::UnknownKind { .. }
            | ImportError::At { .. }
            | ImportError::TooLong { .. }
            | ImportError::NotReadable(_)
            | ImportError::InLanguage { .. } => {}
        }
    }
    all
}

fn domain_cases() -> Vec<Case> {
    let joins = vec![
        JoinError::Itself,
        JoinError::Missing("D9".into()),
        JoinError::OtherQuadrant("D1".into(), "O1".into()),
        JoinError::Marked("D2".into()),
        JoinError::Empty,
    ];
    for e in &joins {
        match e {
            JoinError::Itself
            | JoinError::Missing(_)
            | JoinError::OtherQuadrant(..)
            | JoinError::Marked(_)
            | JoinError::Empty => {}
        }
    }
    let horizons = vec![
        HorizonError::Syntax("Zzyzx".into()),
        HorizonError::Backwards { start: 2026, end: 2023 },
        HorizonError::OutOfRange,
    ];
    for e in &horizons {
        match e {
            HorizonError::Syntax(_) | HorizonError::Backwards { .. } | HorizonError::OutOfRange => {}
        }
    }
    let ranges: Vec<RangeError> = vec![
        Rating::parse("Zzyzx").unwrap_err(),
        crate::domain::Impact::parse("9").unwrap_err(),
        crate::domain::Weight::parse("2.5").unwrap_err(),
        crate::domain::ItemId::try_from("Zzyzx").unwrap_err(),
    ];
    let horizon = crate::domain::Horizon::new(2023, 2026).unwrap();
    let reviews = vec![
        ReviewError::UnknownAction("C9".into()),
        ReviewError::UnknownIndicator("I9".into()),
        ReviewError::OutsideHorizon { year: 2030, horizon },
        ReviewError::BadYear(1800),
        ReviewError::BadValue("Zzyzx".into()),
    ];
    for e in &reviews {
        match e {
            ReviewError::UnknownAction(_)
            | ReviewError::UnknownIndicator(_)
            | ReviewError::OutsideHorizon { .. }
            | ReviewError::BadYear(_)
            | ReviewError::BadValue(_) => {}
        }
    }
    let mut cases: Vec<Case> = joins.into_iter().map(|e| case(e, JoinError::message)).collect();
    cases.push(case(EditError { index: 3, len: 2 }, EditError::message));
    cases.extend(horizons.into_iter().map(|e| case(e, HorizonError::message)));
    cases.extend(ranges.into_iter().map(|e| case(e, RangeError::message)));
    cases.extend(reviews.into_iter().map(|e| case(e, ReviewError::message)));
    cases
}

#[test]
fn no_english_error_text_reaches_a_spanish_or_catalan_user() {
    let mut cases: Vec<Case> = Vec::new();
    cases.extend(load_errors().into_iter().map(|e| case(e, LoadError::message)));
    cases.extend(bounded_errors().into_iter().map(|e| case(e, BoundedError::message)));
    cases.extend(lock_errors().into_iter().map(|e| case(e, LockError::message)));
    cases.extend(save_errors().into_iter().map(|e| case(e, SaveError::message)));
    cases.extend(recover_errors().into_iter().map(|e| case(e, RecoverError::message)));
    cases.extend(storage_command_errors().into_iter().map(|e| case(e, StorageCommandError::message)));
    cases.extend(import_errors().into_iter().map(|e| case(e, ImportError::message)));
    cases.extend(domain_cases());
    assert!(cases.len() > 150, "{} cases", cases.len());
    assert_localized(&cases, &io_values());
}

#[test]
fn the_scan_sees_english_left_in_a_message() {
    let e = LockError::NotRegular { path: path() };
    let leaky = case(e, |e, lang| if lang == Lang::En { e.to_string() } else { format!("{e} (traducido)") });
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| assert_localized(&[leaky], &[])));
    assert!(caught.is_err(), "an English message said as it is must fail the scan");
    let half = case(EditError { index: 3, len: 2 }, |_, lang| {
        if lang == Lang::En {
            "position 3 is out of range (list of 2)".into()
        } else {
            "la posición 3 is out of range".into()
        }
    });
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| assert_localized(&[half], &[])));
    assert!(caught.is_err(), "a message half in English must fail the scan");
}
