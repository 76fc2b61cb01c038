//! Words of the limits dafo keeps (issue 22): files it will not read (a FIFO, a
//! device, too large), texts too long, IDs the loader refuses, a lock held by a
//! short command, a review date outside the plan. One struct, its three languages.

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
    pub fields: [&'static str; 3],
    /// The edit line is full: the limit. Said when a key or a paste is refused.
    pub input_full: fn(usize) -> String,
}

use crate::domain::id_check::IdProblem;

/// `n` with thousands grouped by `sep` (10.000, 10,000).
fn grouped(n: usize, sep: char) -> String {
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

fn mb(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MB", bytes / (1024 * 1024)) } else { format!("{bytes} B") }
}

pub const ES: LimitsText = LimitsText {
    too_long: |what, n, max| {
        format!("el texto de {what} tiene {} caracteres; el máximo es {}", grouped(n, '.'), grouped(max, '.'))
    },
    fields: ["el título", "la misión", "la visión"],
    input_full: |max| format!("el texto ya tiene el máximo de {} caracteres; no se añade más", grouped(max, '.')),
    review_date_outside: |date, year, last| {
        format!("la fecha {date} no cae entre {year} y {last}: la revisión de {year} se escribe ese año o el siguiente")
    },
    typing_key: |key, ctx| format!("la tecla {key:?} escribe texto en {ctx}; ahí no puede hacer otra cosa"),
    bad_id: |id, p| match p {
        IdProblem::Malformed => {
            format!("el ID {id} no es letras y un número (F12); corrígelo a mano o usa `dafo recover`")
        }
        IdProblem::WrongPlace { expected } => {
            format!("el ID {id} no es de esta lista (sus IDs empiezan por {expected}); corrígelo a mano")
        }
        IdProblem::Duplicate => format!("el ID {id} está repetido; corrige uno de los dos a mano"),
    },
    not_regular: "no es un archivo normal (¿una FIFO, un dispositivo o una carpeta?); no se lee",
    too_large: |limit| format!("demasiado grande (más de {}); no se lee", mb(limit)),
    output_is_input: "es uno de los archivos que se leen; no se sobrescribe ni con --force, elige otro -o",
    not_one_plan: |a, b| {
        format!(
            "{a} y {b} no son versiones de un mismo plan (no comparten ningún factor ni acción); informa de cada uno por separado"
        )
    },
};

pub const EN: LimitsText = LimitsText {
    too_long: |what, n, max| {
        format!("the text of {what} has {} characters; the most is {}", grouped(n, ','), grouped(max, ','))
    },
    fields: ["the title", "the mission", "the vision"],
    input_full: |max| {
        format!("the text already has the most of {} characters; nothing more is added", grouped(max, ','))
    },
    review_date_outside: |date, year, last| {
        format!(
            "the date {date} is not between {year} and {last}: the review of {year} is written that year or the next"
        )
    },
    typing_key: |key, ctx| format!("the key {key:?} types text in {ctx}; it cannot do anything else there"),
    bad_id: |id, p| match p {
        IdProblem::Malformed => {
            format!("the ID {id} is not letters and a number (F12); fix it by hand or run `dafo recover`")
        }
        IdProblem::WrongPlace { expected } => {
            format!("the ID {id} does not belong in this list (its IDs start with {expected}); fix it by hand")
        }
        IdProblem::Duplicate => format!("the ID {id} is used twice; fix one of them by hand"),
    },
    not_regular: "not a regular file (a FIFO, a device or a folder?); not read",
    too_large: |limit| format!("too large (over {}); not read", mb(limit)),
    output_is_input: "is one of the files read; it is not overwritten, not even with --force: choose another -o",
    not_one_plan: |a, b| {
        format!("{a} and {b} are not versions of one plan (they share no factor or action); report on each apart")
    },
};

pub const CA: LimitsText = LimitsText {
    too_long: |what, n, max| {
        format!("el text de {what} té {} caràcters; el màxim és {}", grouped(n, '.'), grouped(max, '.'))
    },
    fields: ["el títol", "la missió", "la visió"],
    input_full: |max| format!("el text ja té el màxim de {} caràcters; no s'hi afig res més", grouped(max, '.')),
    review_date_outside: |date, year, last| {
        format!("la data {date} no cau entre {year} i {last}: la revisió de {year} s'escriu eixe any o el següent")
    },
    typing_key: |key, ctx| format!("la tecla {key:?} escriu text en {ctx}; allí no pot fer res més"),
    bad_id: |id, p| match p {
        IdProblem::Malformed => {
            format!("l'ID {id} no és lletres i un número (F12); corregeix-lo a mà o usa `dafo recover`")
        }
        IdProblem::WrongPlace { expected } => {
            format!("l'ID {id} no és d'aquesta llista (els seus IDs comencen per {expected}); corregeix-lo a mà")
        }
        IdProblem::Duplicate => format!("l'ID {id} està repetit; corregeix-ne un a mà"),
    },
    not_regular: "no és un fitxer normal (una FIFO, un dispositiu o una carpeta?); no es llig",
    too_large: |limit| format!("massa gran (més de {}); no es llig", mb(limit)),
    output_is_input: "és un dels fitxers que es lligen; no se sobreescriu ni amb --force, tria un altre -o",
    not_one_plan: |a, b| {
        format!(
            "{a} i {b} no són versions d'un mateix pla (no comparteixen cap factor ni acció); informa de cadascun per separat"
        )
    },
};

impl LimitsText {
    /// What [`LimitsText::too_long`] names: the item's ID, or the title, misión or visión.
    pub fn field_name(&self, field: &crate::domain::limits::Field) -> String {
        use crate::domain::{Statement, limits::Field};
        match field {
            Field::Title => self.fields[0].to_owned(),
            Field::Statement(Statement::Mission) => self.fields[1].to_owned(),
            Field::Statement(Statement::Vision) => self.fields[2].to_owned(),
            Field::Item(id) => id.clone(),
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
        assert_eq!((ES.too_long)("F3", 12_345, 10_000), "el texto de F3 tiene 12.345 caracteres; el máximo es 10.000");
        assert_eq!(
            (EN.input_full)(10_000),
            "the text already has the most of 10,000 characters; nothing more is added"
        );
    }
}
