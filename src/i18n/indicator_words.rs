//! Words of indicators added in issue 24: the action sheet's one indicator
//! field (linked indicators, then a note), the note's label in reports, and the
//! "keep" direction. One struct, its three languages; `Catalogue::indicators`
//! points at a language's table.

/// The indicator words of one language.
#[derive(Debug)]
pub struct IndicatorWords {
    /// The action sheet's field: linked indicators, then a free note.
    pub field: &'static str,
    /// What the field takes, after its label.
    pub field_hint: &'static str,
    /// Label of the free text beside the linked indicators: `nota`.
    pub note: &'static str,
}

pub static ES: IndicatorWords =
    IndicatorWords { field: "Indicadores", field_hint: "I1, I2…, luego una nota si hace falta", note: "nota" };

pub static EN: IndicatorWords =
    IndicatorWords { field: "Indicators", field_hint: "I1, I2…, then a note if needed", note: "note" };

pub static CA: IndicatorWords =
    IndicatorWords { field: "Indicadors", field_hint: "I1, I2…, després una nota si cal", note: "nota" };

impl super::Lang {
    /// The indicator words of this language.
    pub fn indicator_words(self) -> &'static IndicatorWords {
        self.text().indicators
    }
}
