//! Words the exporters print, read from the language's catalogue ([`crate::i18n`]).

use crate::i18n::{ExportWords, Lang};

/// Labels of one language, looked up once per render.
pub type Labels = ExportWords;

impl ExportWords {
    pub fn new(lang: Lang) -> Labels {
        lang.text().export
    }
}
