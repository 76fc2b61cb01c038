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
}

fn mb(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MB", bytes / (1024 * 1024)) } else { format!("{bytes} B") }
}

pub const ES: LimitsText = LimitsText {
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
    not_regular: "not a regular file (a FIFO, a device or a folder?); not read",
    too_large: |limit| format!("too large (over {}); not read", mb(limit)),
    output_is_input: "is one of the files read; it is not overwritten, not even with --force: choose another -o",
    not_one_plan: |a, b| {
        format!("{a} and {b} are not versions of one plan (they share no factor or action); report on each apart")
    },
};

pub const CA: LimitsText = LimitsText {
    not_regular: "no és un fitxer normal (una FIFO, un dispositiu o una carpeta?); no es llig",
    too_large: |limit| format!("massa gran (més de {}); no es llig", mb(limit)),
    output_is_input: "és un dels fitxers que es lligen; no se sobreescriu ni amb --force, tria un altre -o",
    not_one_plan: |a, b| {
        format!(
            "{a} i {b} no són versions d'un mateix pla (no comparteixen cap factor ni acció); informa de cadascun per separat"
        )
    },
};
