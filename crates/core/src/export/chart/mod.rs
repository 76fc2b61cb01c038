//! Charts of the documents: one model (title, axes, series and values, every
//! word and number already written in the document's language), drawn once as
//! SVG ([`svg`]); HTML puts that SVG inline, docx a PNG rendered ([`png`])
//! from the same drawing with its words as outlines ([`outline`]), and every backend the same figures as a table ([`Chart::table`]).

pub mod budget;
pub mod degrees;
pub mod matrix;
pub mod outline;
pub mod png;
pub mod svg;
#[cfg(test)]
mod tests;

use super::doc::Table;
use crate::i18n::Lang;

/// One chart and its figures as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Unique in its document: the SVG's ids (title, description, patterns) start with it.
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// The same figures: HTML and docx put it under the drawing; Markdown and text show only it.
    pub table: Table,
    /// Whether the table just before the chart already gives its figures
    /// (the report's degrees and indicators): then no backend repeats them.
    pub figures_above: bool,
    /// The language of its words: its table's typed cells are written its way.
    pub lang: Lang,
}

/// What is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Bars(Bars),
    Line(Line),
    Matrix(Box<matrix::Matrix>),
}

/// A value on a chart: where it is drawn on its scale (`None`: nothing to
/// draw) and how it is written beside its mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub at: Option<f64>,
    pub text: String,
}

/// A numeric axis: its label, its range and its labelled ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub label: String,
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<(f64, String)>,
}

impl Scale {
    /// 0 to 100 %, ticks every 25 %, written as `lang` writes percentages.
    pub fn percent(label: &str, lang: crate::i18n::Lang) -> Scale {
        let ticks = (0..=4).map(|i| f64::from(i) * 25.0).map(|x| (x, lang.locale().percent(x))).collect();
        Scale { label: label.to_owned(), min: 0.0, max: 100.0, ticks }
    }

    /// Where `x` falls between `min` (0) and `max` (1), kept inside.
    pub fn share(&self, x: f64) -> f64 {
        let span = self.max - self.min;
        if span.abs() < f64::EPSILON { 0.0 } else { ((x - self.min) / span).clamp(0.0, 1.0) }
    }
}

/// Horizontal bars: one row of bars per group (an eje, an indicator), one bar
/// per series (a year), each bar with its own pattern and its value written at its end.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    /// What the groups are ("Eje").
    pub groups_label: String,
    pub scale: Scale,
    pub series: Vec<String>,
    pub groups: Vec<Group>,
}

/// A row of bars: its label and one value per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub label: String,
    pub values: Vec<Value>,
}

/// One line across ordered points (the years), each point labelled with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the points are ("Año").
    pub x_label: String,
    pub scale: Scale,
    pub points: Vec<(String, Value)>,
}

impl Chart {
    /// Every figure in words, for the SVG's `<desc>` and the docx image's alt
    /// text: each row of the table, its text cells then each number with its
    /// column, as the chart's language writes them.
    pub fn describe(&self) -> String {
        let (t, lang) = (&self.table, self.lang);
        let rows = t.rows.iter().map(|row| {
            let mut words: Vec<String> = Vec::new();
            let mut figures: Vec<String> = Vec::new();
            for (cell, column) in crate::export::cell::shown(row, lang).into_iter().zip(&t.columns) {
                if cell.is_empty() {
                    continue;
                }
                if column.numeric {
                    figures.push(if column.label.is_empty() { cell } else { format!("{} {cell}", column.label) });
                } else {
                    words.push(cell);
                }
            }
            format!("{}: {}", words.join(" "), figures.join(", "))
        });
        let totals: Vec<String> = t
            .columns
            .iter()
            // Totals start at the first number column, after ID and text.
            .skip(2)
            .zip(&t.totals)
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| format!("{} {}", c.label, v.show(lang)))
            .collect();
        let mut parts: Vec<String> = rows.collect();
        if !totals.is_empty() {
            parts.push(format!("{}: {}", t.total_label, totals.join(", ")));
        }
        format!("{}. {}", self.title, parts.join("; "))
    }

    /// The chart as an `<svg>` element.
    pub fn svg(&self) -> String {
        svg::draw(self)
    }

    /// The chart as an `<svg>` element for the PNG: its words as outlines.
    pub fn outlined(&self) -> String {
        svg::outlined(self).svg().to_owned()
    }
}
