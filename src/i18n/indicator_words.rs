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
    /// Hitos: the value meant for the end of some years. The form's field, its
    /// hint, one hito (lower case) and a field that does not read.
    pub milestones: &'static str,
    pub milestones_hint: &'static str,
    pub milestone: &'static str,
    pub bad_milestones: fn(&str) -> String,
}

pub static ES: IndicatorWords = IndicatorWords {
    field: "Indicadores",
    field_hint: "I1, I2…, luego una nota si hace falta",
    note: "nota",
    milestones: "Hitos",
    milestones_hint: "año: valor; 2024: 30; 2025: 45",
    milestone: "hito",
    bad_milestones: |e| {
        format!("hito que no se lee: «{e}»; escribe año: valor, separados por «;» (2024: 30; 2025: 45)")
    },
};

pub static EN: IndicatorWords = IndicatorWords {
    field: "Indicators",
    field_hint: "I1, I2…, then a note if needed",
    note: "note",
    milestones: "Milestones",
    milestones_hint: "year: value; 2024: 30; 2025: 45",
    milestone: "milestone",
    bad_milestones: |e| {
        format!("a milestone that does not read: \"{e}\"; write year: value, separated by \";\" (2024: 30; 2025: 45)")
    },
};

pub static CA: IndicatorWords = IndicatorWords {
    field: "Indicadors",
    field_hint: "I1, I2…, després una nota si cal",
    note: "nota",
    milestones: "Fites",
    milestones_hint: "any: valor; 2024: 30; 2025: 45",
    milestone: "fita",
    bad_milestones: |e| format!("fita que no es llig: «{e}»; escriu any: valor, separats per «;» (2024: 30; 2025: 45)"),
};

impl super::Lang {
    /// The indicator words of this language.
    pub fn indicator_words(self) -> &'static IndicatorWords {
        self.text().indicators
    }
}
