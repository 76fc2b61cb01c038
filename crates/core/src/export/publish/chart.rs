//! The site's charts: the documents' own drawing ([`crate::export::chart`])
//! in a figure, under it a pointer to the table beside it with the same figures.

use crate::export::chart::Chart;
use crate::i18n::Lang;

use super::page::t;

/// A figure: the chart's SVG (which draws its title and names it for screen
/// readers) and, under it, a pointer to the table; the title is not repeated.
pub fn figure(chart: &Chart, lang: Lang) -> String {
    let note = lang.text().publish.chart_note;
    format!("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n", chart.svg(), t(note))
}
