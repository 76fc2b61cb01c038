//! Bar charts as inline SVG: one row of bars per group (a year, an eje), one
//! bar per series (the plan, each year), 0 to 100 %. Each chart carries its
//! title and a description that says every figure, and the page puts a
//! data table with the same figures beside it.

use crate::i18n::Lang;

use super::page::t;

/// Bar colours, one per series: each at least 3:1 against the white page.
pub(super) const COLOURS: [&str; 6] = ["#1f4e79", "#2e7d32", "#8a4b00", "#5b2c83", "#00626f", "#a11d3c"];

/// The colour of every text in a chart (on white).
pub(super) const INK: &str = "#1b1b1b";

const WIDTH: f64 = 680.0;
const LABEL: f64 = 200.0;
const BARS: f64 = 380.0;
const BAR: f64 = 18.0;
const GAP: f64 = 4.0;
const GROUP_GAP: f64 = 16.0;

/// A chart's data: the groups' labels and values (one per series), the
/// series' names.
pub struct Chart<'a> {
    /// Unique in the page, for the title's and description's IDs.
    pub id: &'a str,
    pub title: &'a str,
    pub series: &'a [String],
    pub groups: &'a [(String, Vec<Option<f64>>)],
}

/// The label as drawn at the side of a row: cut with "…" so it fits.
fn short(label: &str, max: usize) -> String {
    let clean = crate::export::safe(label);
    if clean.chars().count() <= max {
        return clean.into_owned();
    }
    let cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn value(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| lang.locale().percent(v))
}

/// The description: every group with its series' values, in words.
fn describe(chart: &Chart, lang: Lang) -> String {
    let groups: Vec<String> = chart
        .groups
        .iter()
        .map(|(label, values)| {
            let parts: Vec<String> = if chart.series.len() == 1 {
                values.iter().map(|v| value(lang, *v)).collect()
            } else {
                chart.series.iter().zip(values).map(|(s, v)| format!("{s} {}", value(lang, *v))).collect()
            };
            format!("{label}: {}", parts.join(", "))
        })
        .collect();
    groups.join("; ")
}

/// The chart as an `<svg>` element.
pub fn svg(chart: &Chart, lang: Lang) -> String {
    let n = chart.series.len().max(1) as f64;
    let legend = if chart.series.len() > 1 { 28.0 } else { 0.0 };
    let top = legend + 8.0;
    let group_h = n * BAR + (n - 1.0) * GAP;
    let bottom = top + chart.groups.len() as f64 * (group_h + GROUP_GAP);
    // The scale's labels go under the bars.
    let height = bottom + 22.0;
    let id = chart.id;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\" font-family=\"system-ui, Arial, sans-serif\" font-size=\"13\">\n\
         <title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n",
        t(chart.title),
        t(&describe(chart, lang))
    );
    if chart.series.len() > 1 {
        let mut x = LABEL;
        for (i, s) in chart.series.iter().enumerate() {
            let c = COLOURS[i % COLOURS.len()];
            out.push_str(&format!(
                "<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{c}\"/><text x=\"{}\" y=\"18\" fill=\"{INK}\">{}</text>\n",
                x + 20.0,
                t(s)
            ));
            x += 30.0 + 8.0 * s.chars().count() as f64;
        }
    }
    // The scale: 0, 25, 50, 75 and 100 %, labelled under the bars.
    for step in 0..=4 {
        let pct = f64::from(step) * 25.0;
        let x = LABEL + BARS * pct / 100.0;
        out.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#767676\" stroke-width=\"1\"/>\n",
            top - 2.0
        ));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{INK}\">{}</text>\n",
            x + 4.0,
            bottom + 16.0,
            t(&lang.locale().percent(pct))
        ));
    }
    let mut y = top;
    for (label, values) in chart.groups {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{INK}\">{}</text>\n",
            LABEL - 8.0,
            y + group_h / 2.0 + 4.5,
            t(&short(label, 28))
        ));
        for (i, v) in values.iter().enumerate() {
            let c = COLOURS[i % COLOURS.len()];
            let w = v.map_or(0.0, |v| BARS * v.clamp(0.0, 100.0) / 100.0);
            if w > 0.0 {
                out.push_str(&format!(
                    "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{w:.1}\" height=\"{BAR}\" fill=\"{c}\"/>"
                ));
            }
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{}\" fill=\"{INK}\">{}</text>\n",
                LABEL + w + 6.0,
                y + BAR - 4.5,
                t(&value(lang, *v))
            ));
            y += BAR + GAP;
        }
        y += GROUP_GAP - GAP;
    }
    out.push_str("</svg>\n");
    out
}

/// A figure: the chart and, under it, its title and a pointer to the table.
pub fn figure(chart: &Chart, lang: Lang) -> String {
    let note = lang.text().publish.chart_note;
    format!("<figure>\n{}<figcaption>{}. {}</figcaption>\n</figure>\n", svg(chart, lang), t(chart.title), t(note))
}
