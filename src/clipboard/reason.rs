//! Why a copy did not reach the system clipboard, as a typed value said through
//! the i18n catalogue in the user's language (the system's own text, if any, after it).

use std::fmt;
use std::io;

use crate::i18n::{Lang, os_error};

/// A refusal of the system, kept so that it can be said in any language later
/// (an [`io::Error`] can be neither cloned nor compared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsFailure {
    pub kind: io::ErrorKind,
    /// The system's own text, without Rust's " (os error N)" tail.
    pub detail: String,
}

impl From<&io::Error> for OsFailure {
    fn from(e: &io::Error) -> Self {
        OsFailure { kind: e.kind(), detail: crate::i18n::os_detail(e) }
    }
}

impl From<io::Error> for OsFailure {
    fn from(e: io::Error) -> Self {
        OsFailure::from(&e)
    }
}

impl OsFailure {
    /// In `lang`: the refusal's words, then the system's detail.
    pub fn said(&self, lang: Lang) -> String {
        os_error(&io::Error::new(self.kind, self.detail.clone()), lang)
    }
}

/// Why the system clipboard was not used, or why nothing worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyReason {
    /// [`super::NO_CLIPBOARD_ENV`] is set.
    Disabled,
    /// The running program cannot be found to start the holder.
    NoProgram(OsFailure),
    /// The holder process did not start.
    HolderNotStarted(OsFailure),
    /// The content could not be handed to the holder.
    HolderUnreachable(OsFailure),
    /// The holder ended before the clipboard had the content (its exit code).
    HolderStopped { code: Option<i32> },
    /// The clipboard did not show the content within so many seconds.
    NotConfirmed { seconds: u64 },
    /// arboard: no clipboard in this configuration.
    NotSupported,
    /// arboard: the content is not there in the format asked for.
    ContentNotAvailable,
    /// arboard: another program holds the clipboard.
    Occupied,
    /// arboard: the content could not be converted.
    ConversionFailure,
    /// arboard's `Unknown`, with its own description (from the system, in English).
    Unknown { description: String },
    /// An arboard error this version of dafo does not know, in arboard's words.
    Other { detail: String },
    /// No thread could be started to copy in.
    NoThread(OsFailure),
    /// `why` the clipboard was not used, and no temp file could be written either.
    NoTempFile { why: Box<CopyReason>, error: OsFailure },
}

impl From<arboard::Error> for CopyReason {
    fn from(e: arboard::Error) -> Self {
        match e {
            arboard::Error::ClipboardNotSupported => CopyReason::NotSupported,
            arboard::Error::ContentNotAvailable => CopyReason::ContentNotAvailable,
            arboard::Error::ClipboardOccupied => CopyReason::Occupied,
            arboard::Error::ConversionFailure => CopyReason::ConversionFailure,
            arboard::Error::Unknown { description } => CopyReason::Unknown { description },
            other => CopyReason::Other { detail: other.to_string() },
        }
    }
}

impl CopyReason {
    /// The reason in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        match self {
            CopyReason::Disabled => (w.clip_disabled)(super::NO_CLIPBOARD_ENV),
            CopyReason::NoProgram(e) => format!("{}: {}", w.clip_no_program, e.said(lang)),
            CopyReason::HolderNotStarted(e) => format!("{}: {}", w.clip_holder_start, e.said(lang)),
            CopyReason::HolderUnreachable(e) => format!("{}: {}", w.clip_holder_reach, e.said(lang)),
            CopyReason::HolderStopped { code } => (w.clip_holder_stopped)(*code),
            CopyReason::NotConfirmed { seconds } => (w.clip_not_confirmed)(*seconds),
            CopyReason::NotSupported => w.clip_not_supported.to_owned(),
            CopyReason::ContentNotAvailable => w.clip_empty.to_owned(),
            CopyReason::Occupied => w.clip_occupied.to_owned(),
            CopyReason::ConversionFailure => w.clip_conversion.to_owned(),
            CopyReason::Unknown { description } => format!("{}: {description}", w.clip_unknown),
            CopyReason::Other { detail } => format!("{}: {detail}", w.clip_unknown),
            CopyReason::NoThread(e) => format!("{}: {}", w.clip_no_thread, e.said(lang)),
            CopyReason::NoTempFile { why, error } => {
                format!("{}; {}: {}", why.said(lang), w.clip_no_temp_file, error.said(lang))
            }
        }
    }
}

/// The English words, for logs; users get [`CopyReason::said`] in their language.
impl fmt::Display for CopyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(Lang::En))
    }
}
