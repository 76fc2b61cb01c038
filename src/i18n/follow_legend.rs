//! The Seguimiento view's legend (issue 24): what each mark of a year's cell
//! and of a row means, shown in its help in place of the grid's marks; `!`
//! (behind the year reviewed) and `⚠` (overdue today) are two rules, two words.

/// The legend of one language: a title and `(mark, meaning)` rows.
#[derive(Debug)]
pub struct FollowLegend {
    pub title: &'static str,
    pub rows: [(&'static str, &'static str); 11],
}

pub const ES: FollowLegend = FollowLegend {
    title: "Marcas del seguimiento",
    rows: [
        ("●", "hecha"),
        ("◐", "en curso"),
        ("○", "pendiente"),
        ("×", "descartada"),
        ("!", "en retraso: por detrás de lo previsto para el año revisado"),
        ("(50 ◐)", "entre paréntesis: la última revisión, de un año anterior"),
        ("—", "sin revisar todavía"),
        ("▰▱", "el grado de implementación, un tramo por cada 25 %"),
        ("↻", "viene del año pasado, sin confirmar"),
        ("+", "nueva: sin revisiones de años anteriores"),
        ("⚠", "vencidas (línea de estado): fecha pasada y sin hacer, a día de hoy"),
    ],
};

pub const EN: FollowLegend = FollowLegend {
    title: "Follow-up marks",
    rows: [
        ("●", "done"),
        ("◐", "in progress"),
        ("○", "pending"),
        ("×", "dropped"),
        ("!", "behind schedule: behind what was planned for the year reviewed"),
        ("(50 ◐)", "in brackets: the latest review, from an earlier year"),
        ("—", "not reviewed yet"),
        ("▰▱", "the degree of implementation, one segment per 25%"),
        ("↻", "carried over from last year, not yet confirmed"),
        ("+", "new: no review in an earlier year"),
        ("⚠", "overdue (status line): past its due date, not done, as of today"),
    ],
};

pub const CA: FollowLegend = FollowLegend {
    title: "Marques del seguiment",
    rows: [
        ("●", "feta"),
        ("◐", "en curs"),
        ("○", "pendent"),
        ("×", "descartada"),
        ("!", "amb retard: per darrere del que estava previst per a l'any revisat"),
        ("(50 ◐)", "entre parèntesis: l'última revisió, d'un any anterior"),
        ("—", "sense revisar encara"),
        ("▰▱", "el grau d'implementació, un tram per cada 25 %"),
        ("↻", "ve de l'any passat, sense confirmar"),
        ("+", "nova: sense revisions d'anys anteriors"),
        ("⚠", "vençudes (línia d'estat): data passada i sense fer, a hui"),
    ],
};

impl super::Lang {
    /// The Seguimiento legend of this language.
    pub fn follow_legend(self) -> &'static FollowLegend {
        match self {
            super::Lang::Es => &ES,
            super::Lang::En => &EN,
            super::Lang::Ca => &CA,
        }
    }
}
