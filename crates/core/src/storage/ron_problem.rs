//! What the RON parser found wrong in a file (a session, `keys.ron`,
//! `config.ron`), as dafo's own typed problem: ron's English words never reach a
//! user; `ron_problem_text` says each in the user's language.

use ron::error::Error;

use crate::domain::ValueRefused;

/// Why RON text does not read, at the line and column the parser gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RonProblem {
    /// A character that cannot go there.
    UnexpectedChar(char),
    /// A comma, or the closing bracket of what is open.
    ExpectedComma,
    /// The closing `)`, `]` or `}`.
    ExpectedClosing(char),
    /// The opening `(`, `[` or `{`.
    ExpectedOpening(char),
    /// The `:` between a key and its value.
    ExpectedColon,
    /// A string without its closing `"`.
    StringEnd,
    /// A name (a field's, a variant's).
    ExpectedName,
    /// Text after the end of what the file holds.
    Trailing,
    /// The file ends before what it holds does.
    Eof,
    /// A field the file must have: the field and where (a RON struct's name).
    MissingField {
        field: String,
        within: Option<String>,
    },
    /// A field dafo does not know: it, where, and the fields it knows there.
    UnknownField {
        found: String,
        within: Option<String>,
        expected: Vec<String>,
    },
    /// A variant dafo does not know: it, where, and the variants it knows there.
    UnknownVariant {
        found: String,
        within: Option<String>,
        expected: Vec<String>,
    },
    /// A field written twice.
    DuplicateField {
        field: String,
        within: Option<String>,
    },
    /// A value of another kind than the one wanted here.
    WrongKind(Kind),
    /// A whole number outside what the field holds (negative, too large).
    IntegerOutOfRange,
    /// A number written wrongly (`_3`, `0x1G`).
    BadNumber,
    /// A `\` escape in a string that RON does not know.
    BadEscape,
    UnclosedComment,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// Nested deeper than the parser goes.
    TooDeep,
    /// One of dafo's own checks of a value refused it.
    Value(ValueRefused),
    /// A value that does not read here (a date that is no date, say).
    BadValue,
    /// Anything else the parser may say.
    Other,
}

/// The kinds of value a place in a file can want.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    WholeNumber,
    Number,
    Bool,
    Char,
    List,
    Map,
    Optional,
    /// One the parser names in words dafo does not know.
    Unnamed,
}

impl Kind {
    /// Every kind, to say each in every language.
    pub const ALL: [Kind; 9] = [
        Kind::Text,
        Kind::WholeNumber,
        Kind::Number,
        Kind::Bool,
        Kind::Char,
        Kind::List,
        Kind::Map,
        Kind::Optional,
        Kind::Unnamed,
    ];

    /// The kind serde names `expected` (its `Expected` text: `a string`, `u8`).
    fn named(expected: &str) -> Kind {
        match expected {
            "a string" | "a borrowed string" | "string" => Kind::Text,
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
                Kind::WholeNumber
            }
            "f32" | "f64" => Kind::Number,
            "a boolean" => Kind::Bool,
            "a character" | "a char" => Kind::Char,
            "a sequence" => Kind::List,
            "a map" => Kind::Map,
            "option" => Kind::Optional,
            _ => Kind::Unnamed,
        }
    }
}

impl RonProblem {
    /// The problem of `e` in `text`: a place that wants more (a comma, a closing
    /// bracket, a value) where the text has nothing more is the file ending too early.
    pub fn of(e: &ron::error::SpannedError, text: &str) -> RonProblem {
        let problem = RonProblem::from(&e.code);
        let wants_more = matches!(
            problem,
            RonProblem::ExpectedComma
                | RonProblem::ExpectedClosing(_)
                | RonProblem::ExpectedOpening(_)
                | RonProblem::ExpectedColon
                | RonProblem::ExpectedName
                | RonProblem::WrongKind(_)
        );
        let used = text.trim_end();
        let last_line = used.rsplit('\n').next().unwrap_or("");
        let end = ron::error::Position { line: used.matches('\n').count() + 1, col: last_line.chars().count() + 1 };
        if wants_more && e.span.end >= end { RonProblem::Eof } else { problem }
    }
}

impl From<&Error> for RonProblem {
    fn from(e: &Error) -> RonProblem {
        let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect();
        match e {
            Error::UnexpectedChar(c) => RonProblem::UnexpectedChar(*c),
            Error::ExpectedComma => RonProblem::ExpectedComma,
            Error::ExpectedArrayEnd => RonProblem::ExpectedClosing(']'),
            Error::ExpectedMapEnd => RonProblem::ExpectedClosing('}'),
            Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd | Error::ExpectedAttributeEnd => {
                RonProblem::ExpectedClosing(')')
            }
            Error::ExpectedArray => RonProblem::ExpectedOpening('['),
            Error::ExpectedMap => RonProblem::ExpectedOpening('{'),
            Error::ExpectedStructLike
            | Error::ExpectedNamedStructLike(_)
            | Error::ExpectedDifferentStructName { .. }
            | Error::ExpectedStructName(_) => RonProblem::ExpectedOpening('('),
            Error::ExpectedMapColon => RonProblem::ExpectedColon,
            Error::ExpectedStringEnd => RonProblem::StringEnd,
            Error::ExpectedIdentifier | Error::InvalidIdentifier(_) | Error::SuggestRawIdentifier(_) => {
                RonProblem::ExpectedName
            }
            Error::TrailingCharacters => RonProblem::Trailing,
            Error::Eof => RonProblem::Eof,
            Error::MissingStructField { field, outer } => {
                RonProblem::MissingField { field: (*field).to_owned(), within: outer.clone() }
            }
            Error::NoSuchStructField { expected, found, outer } => {
                RonProblem::UnknownField { found: found.clone(), within: outer.clone(), expected: names(expected) }
            }
            Error::NoSuchEnumVariant { expected, found, outer } => {
                RonProblem::UnknownVariant { found: found.clone(), within: outer.clone(), expected: names(expected) }
            }
            Error::DuplicateStructField { field, outer } => {
                RonProblem::DuplicateField { field: (*field).to_owned(), within: outer.clone() }
            }
            Error::ExpectedString | Error::ExpectedByteString => RonProblem::WrongKind(Kind::Text),
            Error::ExpectedInteger => RonProblem::WrongKind(Kind::WholeNumber),
            Error::ExpectedFloat => RonProblem::WrongKind(Kind::Number),
            Error::ExpectedBoolean => RonProblem::WrongKind(Kind::Bool),
            Error::ExpectedChar | Error::ExpectedByteLiteral => RonProblem::WrongKind(Kind::Char),
            Error::ExpectedOption => RonProblem::WrongKind(Kind::Optional),
            Error::InvalidValueForType { expected, .. } => RonProblem::WrongKind(Kind::named(expected)),
            Error::ExpectedUnit | Error::ExpectedDifferentLength { .. } | Error::ExpectedRawValue => {
                RonProblem::WrongKind(Kind::Unnamed)
            }
            Error::IntegerOutOfBounds => RonProblem::IntegerOutOfRange,
            Error::InvalidIntegerDigit { .. } | Error::UnderscoreAtBeginning | Error::FloatUnderscore => {
                RonProblem::BadNumber
            }
            Error::InvalidEscape(_) => RonProblem::BadEscape,
            Error::UnclosedBlockComment | Error::UnclosedLineComment => RonProblem::UnclosedComment,
            Error::Utf8Error(_) => RonProblem::NotUtf8,
            Error::ExceededRecursionLimit => RonProblem::TooDeep,
            Error::Message(text) => ValueRefused::from_message(text).map_or(RonProblem::BadValue, RonProblem::Value),
            // An attribute, an extension, formatting, I/O, and what later versions add.
            _ => RonProblem::Other,
        }
    }
}

#[cfg(test)]
#[path = "ron_problem_tests.rs"]
mod tests;
