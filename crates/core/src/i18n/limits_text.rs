//! Words of the limits dafo keeps (issue 22): files it will not read (a FIFO, a
//! device, too large), texts too long, IDs the loader refuses, a lock held by a
//! short command, a review date outside the plan: their shape; each language's
//! words are in its catalogue (`Catalogue::limits`).

/// Everything said about limits.
#[derive(Debug)]
pub struct LimitsText {
    /// A FIFO, a device or a folder where a file was expected.
    pub not_regular: &'static str,
    /// A file larger than the limit (bytes).
    pub too_large: fn(u64) -> String,
    /// `-o` names a file the command reads (`--force` or not).
    pub output_is_input: &'static str,
    /// `dafo report` given files of two different plans: the two names.
    pub not_one_plan: fn(&str, &str) -> String,
    /// An item's ID the loader refuses: the ID (quoted, escaped) and what is wrong.
    pub bad_id: fn(&str, &IdProblem) -> String,
    /// `review --date` outside the years a review of `year` can be written in: date, year, last year allowed.
    pub review_date_outside: fn(&str, i16, i16) -> String,
    /// `keys.ron` binds a key that types text in a context where text is typed: the key, the context.
    pub typing_key: fn(&str, &str) -> String,
    /// A text over its limit (`domain::limits`): what (an ID, or one of
    /// `fields`), its characters, the limit.
    pub too_long: fn(&str, usize, usize) -> String,
    /// The title, the misión, the visión, as `too_long` names them.
    pub fields: [&'static str; 4],
    /// The edit line is full: the limit. Said when a key or a paste is refused.
    pub input_full: fn(usize) -> String,
    /// A paste of several lines (how many) refused by a field that takes one
    /// value (a number, an amount, a date): lines joined would read as another.
    pub one_value_paste: fn(usize) -> String,
}

use crate::domain::id_check::IdProblem;

/// `n` with thousands grouped by `sep` (10.000, 10,000).
pub fn grouped(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

pub fn mb(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MB", bytes / (1024 * 1024)) } else { format!("{bytes} B") }
}

impl LimitsText {
    /// What [`LimitsText::too_long`] names: the item's ID, or the title, misión or visión.
    pub fn field_name(&self, field: &crate::domain::limits::Field) -> String {
        use crate::domain::{Statement, limits::Field};
        match field {
            Field::Title => self.fields[0].to_owned(),
            Field::Statement(Statement::Mission) => self.fields[1].to_owned(),
            Field::Statement(Statement::Vision) => self.fields[2].to_owned(),
            Field::Item(id) => id.clone(),
            Field::Name(start) => format!("{} «{start}…»", self.fields[3]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_said_with_grouped_thousands() {
        assert_eq!(grouped(100_000, '.'), "100.000");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(
            (super::super::Lang::Es.text().limits.too_long)("F3", 12_345, 10_000),
            "el texto de F3 tiene 12.345 caracteres; el máximo es 10.000"
        );
        assert_eq!(
            (super::super::Lang::En.text().limits.input_full)(10_000),
            "the text already has the most of 10,000 characters; nothing more is added"
        );
    }
}
