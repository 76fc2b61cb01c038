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
}

fn mb(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MB", bytes / (1024 * 1024)) } else { format!("{bytes} B") }
}

pub const ES: LimitsText = LimitsText {
    not_regular: "no es un archivo normal (¿una FIFO, un dispositivo o una carpeta?); no se lee",
    too_large: |limit| format!("demasiado grande (más de {}); no se lee", mb(limit)),
};

pub const EN: LimitsText = LimitsText {
    not_regular: "not a regular file (a FIFO, a device or a folder?); not read",
    too_large: |limit| format!("too large (over {}); not read", mb(limit)),
};

pub const CA: LimitsText = LimitsText {
    not_regular: "no és un fitxer normal (una FIFO, un dispositiu o una carpeta?); no es llig",
    too_large: |limit| format!("massa gran (més de {}); no es llig", mb(limit)),
};
