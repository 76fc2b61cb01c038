//! Words of indicators added in issue 24: the action sheet's one indicator
//! field (linked indicators, then a note), the note's label in reports, and the
//! "keep" direction: their shape; each language's words are in its catalogue
//! (`Catalogue::indicators`).

/// The indicator words of one language.
#[derive(Debug)]
pub struct IndicatorWords {
    /// The action sheet's field: linked indicators, then a free note.
    pub field: &'static str,
    /// What the field takes, after its label.
    pub field_hint: &'static str,
    /// Label of the free text beside the linked indicators: `nota`.
    pub note: &'static str,
    /// Hitos: the value meant for the end of some years. The form's field, its
    /// hint, one hito (lower case) and a field that does not read.
    pub milestones: &'static str,
    pub milestones_hint: &'static str,
    pub milestone: &'static str,
    pub bad_milestones: fn(&str) -> String,
}

impl super::Lang {
    /// The indicator words of this language.
    pub fn indicator_words(self) -> &'static IndicatorWords {
        self.text().indicators
    }
}
