//! The site's charts: the documents' own drawing ([`crate::export::chart`])
//! in a figure, under it a pointer to the table beside it with the same figures.

use crate::export::chart::Chart;
use crate::i18n::Lang;

use super::page::t;

/// A figure: the chart's SVG and, under it, its title and a pointer to the table.
pub fn figure(chart: &Chart, lang: Lang) -> String {
    let note = lang.text().publish.chart_note;
    format!("<figure>\n{}<figcaption>{}. {}</figcaption>\n</figure>\n", chart.svg(), t(&chart.title), t(note))
}
