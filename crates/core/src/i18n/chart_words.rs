//! The words of the charts in the informe, the follow-up report and the
//! public site (titles, axis labels, the internal-external matrix's bands and
//! strategies): their shape; each language's words are in its catalogue
//! (`Catalogue::chart`).

/// The charts' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct ChartWords {
    /// Under a chart in HTML: the table beside it holds the same figures.
    pub note: &'static str,
    /// The same, when the table is the one before the chart.
    pub note_above: &'static str,
    /// Degree of implementation per eje and year: title, scale, groups.
    pub axes_title: &'static str,
    pub degree_scale: &'static str,
    pub axis: &'static str,
    /// The plan's degree across the years: title and the years' axis.
    pub trend_title: &'static str,
    pub year: &'static str,
    /// The indicators against baseline (0 %) and target (100 %).
    pub indicators_title: &'static str,
    pub indicators_scale: &'static str,
    pub indicator: &'static str,
    /// The internal-external matrix: title, axes, bands, the point, strategies.
    pub matrix_title: &'static str,
    pub matrix_x: &'static str,
    pub matrix_y: &'static str,
    /// Bands of the internal total, strong to weak (3,0-4,0; 2,0-2,99; 1,0-1,99).
    pub internal_bands: [&'static str; 3],
    /// Bands of the external total, high to low.
    pub external_bands: [&'static str; 3],
    /// Grow and build (I, II, IV), hold and maintain (III, V, VII), harvest or divest (VI, VIII, IX).
    pub strategies: [&'static str; 3],
    /// The point's name in the legend and the table's row of its cell.
    pub organisation: &'static str,
    pub cell: &'static str,
    /// Planned against executed budget per eje: the title (then the year) and the scale.
    pub budget_title: &'static str,
    pub budget_scale: &'static str,
    /// The matrix table's columns.
    pub measure: &'static str,
    pub value: &'static str,
}

impl super::Lang {
    /// The chart words of this language.
    pub fn chart_words(self) -> &'static ChartWords {
        &self.text().chart
    }
}
