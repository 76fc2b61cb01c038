//! The RON file format: versioned, pretty, one factor per line.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::Deserialize;
use thiserror::Error;

use super::bounded::BoundedError;
use crate::domain::id_check::{IdProblem, check_ids};
use crate::domain::limits::{Field, first_too_long};
use crate::domain::{FORMAT_VERSION, Session};

/// Why a session file could not be opened. The file itself is left untouched.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Parse { path: PathBuf, line: usize, column: usize, problem: ParseProblem },
    /// An item's ID breaks the rules (`domain::id_check`): said in the user's language by `commands::load_message`.
    #[error("{}:{line}:{column}: the ID {id:?} {}", path.display(), id_problem_en(problem))]
    Id { path: PathBuf, line: usize, column: usize, id: String, problem: IdProblem },
    /// A text over its limit (`domain::limits`): said in the user's language by `commands::load_message`.
    #[error("{}:{line}:{column}: the text of {} has {chars} characters; the most is {max}", path.display(), crate::i18n::Lang::En.text().limits.field_name(field))]
    TooLong { path: PathBuf, line: usize, column: usize, field: Field, chars: usize, max: usize },
    /// A FIFO, a device or a folder, or a file over [`SESSION_FILE_LIMIT`]: not read.
    #[error(transparent)]
    NotReadable(#[from] BoundedError),
    #[error(
        "{}: written by a newer dafo (format version {found}, this one reads up to {FORMAT_VERSION}); update dafo to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
}

/// Why a file does not read as a session, at the line and column of a
/// [`LoadError::Parse`]: said in the user's language by `LoadError::message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseProblem {
    /// What the RON parser found, typed: said in the user's language, never in ron's words.
    Ron(Box<super::RonProblem>),
    /// An ID counter past the last ID dafo can give: counting on would wrap round.
    CounterAtEnd { key: String, n: u64 },
    /// Bytes that are not UTF-8 (the file was damaged or is not a dafo session).
    NotUtf8,
    /// A git conflict marker: the file was merged as text, and a marked block is left.
    ConflictMarker,
}

impl std::fmt::Display for ParseProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl ParseProblem {
    /// What is wrong, in `lang`; the caller gives file:line:column.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let w = lang.text().errors;
        match self {
            ParseProblem::Ron(problem) => problem.message(lang),
            ParseProblem::CounterAtEnd { key, n } => (w.counter_at_end)(key, *n),
            ParseProblem::NotUtf8 => w.not_utf8.to_owned(),
            ParseProblem::ConflictMarker => w.conflict_marker.to_owned(),
        }
    }

    /// What the RON parser's error `e` in `text` means.
    pub fn of(e: &ron::error::SpannedError, text: &str) -> ParseProblem {
        match super::RonProblem::of(e, text) {
            super::RonProblem::NotUtf8 => ParseProblem::NotUtf8,
            problem => ParseProblem::Ron(Box::new(problem)),
        }
    }
}

/// The largest session file read (a 10,000-factor session is under 1 MB).
pub const SESSION_FILE_LIMIT: u64 = 32 * 1024 * 1024;

fn id_problem_en(p: &IdProblem) -> String {
    match p {
        IdProblem::Malformed => "is not letters and a number (F12)".to_owned(),
        IdProblem::WrongPlace { expected } => format!("does not belong in this list (its IDs start with {expected})"),
        IdProblem::Duplicate => "is used twice".to_owned(),
    }
}

/// The bytes of a session file: a regular file of at most [`SESSION_FILE_LIMIT`]
/// bytes (a FIFO, a device or a huge file is refused without hanging or filling memory).
pub(crate) fn read_session_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_session_stamped(path).map(|(bytes, _)| bytes)
}

/// [`read_session_bytes`] with the modification time of the file they came from.
pub(crate) fn read_session_stamped(path: &Path) -> Result<(Vec<u8>, Option<std::time::SystemTime>), LoadError> {
    super::bounded::read_regular_stamped(path, SESSION_FILE_LIMIT).map_err(LoadError::of_bounded)
}

impl LoadError {
    /// A bounded read's error: the system's own as it is, the rest (no
    /// regular file, too large) as not readable.
    pub fn of_bounded(e: BoundedError) -> LoadError {
        match e {
            BoundedError::Io { path, source } => LoadError::Io { path, source },
            other => LoadError::NotReadable(other),
        }
    }
}

/// Reads and parses a session file.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = read_session_bytes(path)?;
    super::disk::parse_bytes(&bytes, path)
}

/// Parses session text; `path` is only used in error messages. A UTF-8 byte order
/// mark at the start (some Windows editors add one) is skipped; columns on the first
/// line still count from after it.
/// The first line of `bytes` that is a git conflict marker (`<<<<<<< ` and a
/// label, as `git merge-file` writes them, `|||||||`, `=======` or `>>>>>>>`:
/// one left after the block's other lines were deleted by hand said only
/// "expected an opening parenthesis"), as the error of a file that does not
/// read: what went wrong there is the text merge, not the RON at the parser's place.
pub(crate) fn conflict_marker(bytes: &[u8], path: &Path) -> Option<LoadError> {
    let marker = |line: &[u8]| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        [&b"<<<<<<<"[..], b"|||||||", b"=======", b">>>>>>>"]
            .iter()
            .any(|m| line == *m || (line.starts_with(m) && line.get(7) == Some(&b' ') && *m != b"======="))
    };
    let at = bytes.split(|&b| b == b'\n').position(marker)?;
    Some(LoadError::Parse { path: path.to_owned(), line: at + 1, column: 1, problem: ParseProblem::ConflictMarker })
}

pub fn parse(text: &str, path: &Path) -> Result<Session, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    #[derive(Deserialize)]
    #[serde(rename = "Session")]
    struct Probe {
        version: u32,
    }
    let spanned = |e: ron::error::SpannedError| LoadError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        problem: ParseProblem::of(&e, text),
    };
    let too_new = |found| LoadError::TooNew { path: path.to_owned(), found };
    let mut session: Session = match ron::from_str(text) {
        Ok(s) => s,
        // A newer file may fail on fields this version does not know: say so
        // rather than point at the first unknown field.
        Err(e) => match ron::from_str::<Probe>(text) {
            Ok(p) if p.version > FORMAT_VERSION => return Err(too_new(p.version)),
            _ => return Err(conflict_marker(text.as_bytes(), path).unwrap_or_else(|| spanned(e))),
        },
    };
    if session.version > FORMAT_VERSION {
        return Err(too_new(session.version));
    }
    let found = session.version;
    session.migrate_from(found);
    session.version = FORMAT_VERSION;
    if let Some((key, n)) = session.counter_at_its_end() {
        // Counting on would wrap round to IDs in use: refuse, pointing at the counter.
        let (line, column) = position_of(text, &format!("\"{key}\"")).unwrap_or((1, 1));
        let problem = ParseProblem::CounterAtEnd { key: key.to_owned(), n };
        return Err(LoadError::Parse { path: path.to_owned(), line, column, problem });
    }
    let highest = match check_ids(&session) {
        Ok(highest) => highest,
        Err((id, problem)) => {
            let (line, column) = id_position(text, &id);
            return Err(LoadError::Id { path: path.to_owned(), line, column, id, problem });
        }
    };
    if let Some(long) = first_too_long(&session) {
        let (line, column) = match &long.field {
            Field::Item(id) => id_position(text, id),
            Field::Title => field_position(text, "title: "),
            Field::Statement(crate::domain::Statement::Mission) => field_position(text, "mission:"),
            Field::Statement(crate::domain::Statement::Vision) => field_position(text, "vision:"),
            Field::Name(start) => field_position(text, start),
        };
        let (field, chars, max) = (long.field, long.chars, long.max);
        return Err(LoadError::TooLong { path: path.to_owned(), line, column, field, chars, max });
    }
    // The counters go above every ID present: a hand-edited file can never make an
    // ID be handed out twice.
    session.raise_counters(highest);
    Ok(session)
}

/// Line and column of a field of the session: the first `needle` that starts
/// a line (after indentation), else the first anywhere (the title sits inside
/// `meta: (…)`); else 1:1.
fn field_position(text: &str, needle: &str) -> (usize, usize) {
    let at_line_start = text.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = &text[..i];
        before.rsplit('\n').next().is_some_and(|l| l.trim().is_empty())
    });
    let Some(at) = at_line_start.or_else(|| text.find(needle)) else { return (1, 1) };
    let before = &text[..at];
    (before.matches('\n').count() + 1, before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
}

/// Line and column of the item whose ID is `id`: its last `id: "…"` (a
/// duplicate's second), written as it is or with RON's escapes; else 1:1.
fn id_position(text: &str, id: &str) -> (usize, usize) {
    let escaped = ron::to_string(id).unwrap_or_default();
    let at = [format!("id: \"{id}\""), format!("id: {escaped}")].iter().find_map(|needle| text.rfind(needle.as_str()));
    let Some(at) = at else { return (1, 1) };
    let before = &text[..at];
    (before.matches('\n').count() + 1, before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
}

/// Line and column (1-based, in characters) of the first `needle` after `last_ids`.
fn position_of(text: &str, needle: &str) -> Option<(usize, usize)> {
    let from = text.find("last_ids")?;
    let at = from + text[from..].find(needle)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column))
}

/// The pretty RON text of a session: nested structs on one line each, so that
/// every factor is one line and `git diff` reads well.
pub fn to_ron(session: &Session) -> String {
    to_ron_unless(session, || false).unwrap_or_else(|| {
        // Serializing plain structs of strings and numbers cannot fail, and
        // nothing asked to stop.
        unreachable!("session serialization failed")
    })
}

/// [`to_ron`], given up as soon as `stop` says so (it is asked as the text
/// grows): `None` then. An autosave of a large session lets the editor have
/// the session back this way instead of waiting or copying it.
pub fn to_ron_unless(session: &Session, stop: impl Fn() -> bool) -> Option<String> {
    /// The text so far, refusing to grow once `stop` says so.
    struct Until<F> {
        text: String,
        stop: F,
    }
    impl<F: Fn() -> bool> std::fmt::Write for Until<F> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            if (self.stop)() {
                return Err(std::fmt::Error);
            }
            self.text.push_str(s);
            Ok(())
        }
    }
    let config = PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ")
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut out = Until { text: String::new(), stop };
    ron::ser::to_writer_pretty(&mut out, session, config).ok()?;
    out.text.push('\n');
    Some(out.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use jiff::Timestamp;

    fn sample() -> Session {
        let mut s = Session::new("Taller «Cuidados» 2026", Timestamp::UNIX_EPOCH);
        for (q, t) in [
            (Quadrant::Strengths, "Red de centros de día con \"tradición\""),
            (Quadrant::Weaknesses, "Listas de espera en dependencia"),
            (Quadrant::Threats, "Envejecimiento: 30% > 65 años"),
        ] {
            let e = s.add_factor(q, t).unwrap();
            s.apply(e).unwrap();
        }
        s
    }

    #[test]
    fn round_trip() {
        let s = sample();
        let text = to_ron(&s);
        assert_eq!(parse(&text, Path::new("x.ron")).unwrap(), s);
    }

    #[test]
    fn one_factor_per_line_and_readable_accents() {
        let text = to_ron(&sample());
        assert!(text.contains("(id: \"D1\", text: \"Listas de espera en dependencia\")"), "{text}");
        assert!(text.contains("años"), "{text}");
    }

    #[test]
    fn ids_out_of_place_empty_hostile_repeated_or_too_long_are_refused_where_they_are() {
        let good = to_ron(&sample());
        let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        for (bad, problem) in [
            ("\"D7\"", IdProblem::WrongPlace { expected: "F" }),
            ("\"\"", IdProblem::Malformed),
            ("\"F \\u{1b}[2J\"", IdProblem::Malformed),
            ("\"F12345678901234567890\"", IdProblem::Malformed),
        ] {
            let text = good.replace("id: \"F1\"", &format!("id: {bad}"));
            match parse(&text, Path::new("s.ron")) {
                Err(LoadError::Id { line, column, problem: p, .. }) => {
                    assert_eq!((line, column), (line_of(&text, bad), 10), "{bad}");
                    assert_eq!(p, problem, "{bad}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        // A second F1 is pointed at, not the first.
        let first = line_of(&good, "id: \"F1\"");
        let mut lines: Vec<&str> = good.lines().collect();
        lines.insert(first, lines[first - 1]);
        let text = lines.join("\n");
        match parse(&text, Path::new("s.ron")) {
            Err(LoadError::Id { line, problem: IdProblem::Duplicate, .. }) => assert_eq!(line, first + 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parse_error_has_line_and_column() {
        let text = to_ron(&sample()).replace("id: \"D1\"", "id: D1");
        let err = parse(&text, Path::new("s.ron")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("s.ron:"), "{msg}");
        let LoadError::Parse { line, column, .. } = err else { panic!("{msg}") };
        assert!(line > 1 && column > 1, "{msg}");
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = to_ron(&sample()).replacen("version: 4", "version: 99", 1);
        assert!(matches!(parse(&text, Path::new("s.ron")), Err(LoadError::TooNew { found: 99, .. })));
    }

    #[test]
    fn version_1_files_are_migrated() {
        let v1 = "(version: 1, meta: (title: \"Antigua\", created: \"2025-05-01T10:00:00Z\", modified: \"2025-05-01T10:00:00Z\"), strengths: [(id: \"F1\", text: \"Equipo\")])";
        let s = parse(v1, Path::new("old.ron")).unwrap();
        assert_eq!(s.version, FORMAT_VERSION);
        assert_eq!(s.strengths[0].text, "Equipo");
        assert!(s.maintain.is_empty() && s.strategies.is_empty());
        assert!(to_ron(&s).contains("version: 4"));
    }

    #[test]
    fn older_files_keep_everything_and_gain_no_plan_fields() {
        for fixture in ["tests/fixtures/plan.ron", "tests/fixtures/tricky.ron"] {
            let old = std::fs::read_to_string(crate::repo::path(fixture)).unwrap();
            let s = parse(&old, Path::new(fixture)).unwrap();
            let saved = to_ron(&s);
            assert_eq!(parse(&saved, Path::new(fixture)).unwrap(), s, "{fixture}");
            assert!(saved.contains("    version: 4,\n"), "{saved}");
            // Every item line reads as it did (the fixtures escape quotes a little
            // differently from the writer in a few lines; those are left out).
            // Afrontar actions are renamed A<n> → AF<n> (format version 4).
            let mut section = "";
            for line in old.lines() {
                if let Some(name) = line.strip_suffix(": [") {
                    section = name.trim();
                }
                if !line.starts_with("        (id:") || line.contains('\'') {
                    continue;
                }
                let line =
                    if section == "confront" { line.replacen("(id: \"A", "(id: \"AF", 1) } else { line.to_owned() };
                assert!(saved.contains(&line), "{fixture}: lost or changed line {line}");
            }
            for key in [
                "horizon",
                "mission",
                "vision",
                "values",
                "challenges",
                "axes",
                "lines:",
                "indicators",
                "start:",
                "partners",
                "resources",
                "amount",
                "budget:",
                "funding:",
                "committed:",
                "paid:",
                "line:",
            ] {
                assert!(!saved.contains(key), "{fixture}: a plan-less session writes {key}");
            }
        }
    }

    #[test]
    fn a_version_3_file_with_afrontar_actions_is_migrated() {
        let v3 = r#"(version: 3, meta: (title: "2025", created: "2025-05-01T10:00:00Z", modified: "2025-05-01T10:00:00Z"),
            last_ids: {"A": 2, "accion-A": 2},
            threats: [(id: "A1", text: "Despoblación"), (id: "A2", text: "Brecha digital")],
            confront: [(id: "A1", text: "Mesa con el Ayuntamiento", links: ["A2"]), (id: "A2", text: "Red de farmacias", links: ["A1"])],
            challenges: [(id: "R1", text: "Frenar", from: [Factor("A1"), Action("A2")])])"#;
        let mut s = parse(v3, Path::new("old.ron")).unwrap();
        assert_eq!(s.version, FORMAT_VERSION);
        let ids: Vec<&str> = s.confront.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["AF1", "AF2"]);
        assert_eq!(s.confront[0].links, ["A2"]);
        assert_eq!(s.challenges[0].from[1], crate::domain::Source::Action("AF2".into()));
        // The counters carry on after the renamed IDs.
        let e = s.add_action(crate::domain::Came::Confront, "Otra", vec![]).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.confront[2].id, "AF3");
        let saved = to_ron(&s);
        assert!(saved.contains("version: 4") && !saved.contains("(id: \"A1\", text: \"Mesa"), "{saved}");
        assert_eq!(parse(&saved, Path::new("new.ron")).unwrap(), s, "a migrated file reads back as it is");
    }

    #[test]
    fn the_sample_items_are_written_as_the_writer_writes_them() {
        let path = "sessions/palencia-ciudad-de-los-cuidados.ron";
        let text = std::fs::read_to_string(crate::repo::path(path)).unwrap();
        let saved = to_ron(&parse(&text, Path::new(path)).unwrap());
        for line in text.lines().filter(|l| l.starts_with("        ")) {
            assert!(saved.contains(line), "the writer would change {line}");
        }
    }

    #[test]
    fn the_example_in_the_format_docs_reads() {
        let doc = std::fs::read_to_string(crate::repo::path("docs/format.md")).unwrap();
        let example = doc.split("```ron\n").nth(1).and_then(|r| r.split("```").next()).unwrap();
        let s = parse(example, Path::new("docs/format.md")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.line_label("L1"), "1.1");
        assert_eq!(s.correct[0].amount.map(|e| e.cents), Some(600_000));
    }

    #[test]
    fn a_plan_is_written_one_item_per_line() {
        let mut s = sample();
        s.meta.horizon = "2023-2026".parse().ok();
        let e = s.add_axis("Sistema público").unwrap();
        s.apply(e).unwrap();
        let e = s.add_line("EJ1", "Atención primaria").unwrap();
        s.apply(e).unwrap();
        let e = s.add_challenge("Coordinar", vec![crate::domain::Source::Factor("D1".into())]).unwrap();
        s.apply(e).unwrap();
        let e = s.add_value("Equidad").unwrap();
        s.apply(e).unwrap();
        let text = to_ron(&s);
        assert!(text.contains("horizon: \"2023-2026\""), "{text}");
        assert!(text.contains("\n        (id: \"L1\", axis: \"EJ1\", text: \"Atención primaria\"),\n"), "{text}");
        assert!(text.contains("(id: \"R1\", text: \"Coordinar\", from: [Factor(\"D1\")])"), "{text}");
        assert!(text.contains("\n        \"Equidad\",\n"), "{text}");
        assert_eq!(parse(&text, Path::new("x.ron")).unwrap(), s);
        let bad = text.replace("2023-2026", "2026-2023");
        let err = parse(&bad, Path::new("x.ron")).unwrap_err().to_string();
        assert!(err.starts_with("x.ron:") && err.contains("before it starts"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", to_ron(&sample()));
        assert_eq!(parse(&text, Path::new("bom.ron")).unwrap(), sample());
    }

    #[test]
    fn numbers_out_of_range_are_refused_with_their_place() {
        let base = to_ron(&sample());
        let line = base.lines().position(|l| l.contains("id: \"D1\"")).unwrap() + 1;
        for (field, value) in [
            ("weight", "NaN"),
            ("weight", "inf"),
            ("weight", "-0.5"),
            ("weight", "1e308"),
            ("rating", "9"),
            ("impact", "200"),
            ("impact", "0"),
            ("votes", "-1"),
        ] {
            let text = base.replace("id: \"D1\",", &format!("id: \"D1\", {field}: {value},"));
            let err = parse(&text, Path::new("s.ron")).unwrap_err();
            let LoadError::Parse { line: at, .. } = &err else { panic!("{field} {value}: {err}") };
            assert_eq!(*at, line, "{field}: {value}: {err}");
            assert!(err.to_string().starts_with(&format!("s.ron:{line}:")), "{err}");
        }
    }

    #[test]
    fn an_id_counter_at_its_end_is_refused() {
        let base = to_ron(&sample());
        let text = base.replacen("last_ids: {", "last_ids: {\"Z\": 18446744073709551615, ", 1);
        let err = parse(&text, Path::new("s.ron")).unwrap_err();
        assert!(err.to_string().contains("ID counter \"Z\""), "{err}");
        // Said in the user's language, at the counter's line.
        let es = err.message(crate::i18n::Lang::Es);
        assert!(es.contains("el contador de IDs \"Z\" está en 18446744073709551615"), "{es}");
        assert!(!es.contains("ID counter") && !es.contains("fix it by hand"), "{es}");
        let ca = err.message(crate::i18n::Lang::Ca);
        assert!(ca.contains("el comptador d'IDs \"Z\""), "{ca}");
        // At u32::MAX it goes on counting.
        let text = base.replacen("last_ids: {", "last_ids: {\"X\": 4294967295, ", 1);
        let mut s = parse(&text, Path::new("s.ron")).unwrap();
        assert_eq!(s.next_id("X"), "X4294967296");
    }

    #[test]
    fn unknown_fields_are_errors_not_silently_dropped() {
        let text = to_ron(&sample()).replacen("meta: (", "meta: (colour: 3, ", 1);
        assert!(matches!(parse(&text, Path::new("s.ron")), Err(LoadError::Parse { .. })));
    }

    #[test]
    fn a_serialization_asked_to_stop_gives_no_text() {
        let session = sample();
        let writes = std::cell::Cell::new(0);
        let stopped = to_ron_unless(&session, || {
            writes.set(writes.get() + 1);
            writes.get() > 5
        });
        assert_eq!(stopped, None);
        assert_eq!(to_ron_unless(&session, || false).as_deref(), Some(to_ron(&session).as_str()));
    }
}
