//! The Seguimiento view's legend (issue 24): what each mark of a year's cell
//! and of a row means, shown in its help in place of the grid's marks; `!`
//! (behind the year reviewed) and `⚠` (overdue today) are two rules, two words.
//! Each language's legend is in its catalogue (`Catalogue::follow_legend`).

/// The legend of one language: a title and `(mark, meaning)` rows.
#[derive(Debug)]
pub struct FollowLegend {
    pub title: &'static str,
    pub rows: [(&'static str, &'static str); 11],
}

impl super::Lang {
    /// The Seguimiento legend of this language.
    pub fn follow_legend(self) -> &'static FollowLegend {
        &self.text().follow_legend
    }
}
