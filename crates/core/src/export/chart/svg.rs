//! The one drawing of a [`Chart`]: an SVG element with a `<title>`, a `<desc>`
//! that says every figure, the chart's title and axis labels drawn, and every
//! value written beside its mark. Series are told apart by pattern (solid,
//! hatched, dotted…) as well as colour, so the chart reads in black and white.
//! Written twice over: with real `<text>` for HTML, Markdown and publish
//! (searchable, read aloud), and with each text's outlines as a `<path>` for
//! the PNG ([`super::outline`]), so that resvg needs no fonts.

use std::fmt::Write as _;

use super::matrix::Matrix;
use super::outline::{self, Bounds};
use super::{Bars, Chart, Kind, Line, Scale, Value};

/// Series colours: each at least 3:1 against the white page.
pub const COLOURS: [&str; 6] = ["#1f4e79", "#2e7d32", "#8a4b00", "#5b2c83", "#00626f", "#a11d3c"];

/// The colour of every text and axis (on white).
pub const INK: &str = "#1b1b1b";

/// Fonts LibreOffice brings (Liberation, DejaVu), then what browsers have.
const FONTS: &str = "Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif";

const WIDTH: f64 = 680.0;

/// The size of a text with none of its own (the `<svg>`'s `font-size`).
const SIZE: f64 = 13.0;

/// A white outline under a value's text, so a grid line behind it does not cross it.
const HALO: &str = " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\"";

/// A text of the chart, escaped for SVG: no terminal controls, nothing XML forbids.
fn t(text: &str) -> String {
    html_escape::encode_text(&words(text)).into_owned()
}

/// A text of the chart as drawn: no terminal controls, nothing XML forbids.
fn words(text: &str) -> String {
    // `xml_text` takes the controls away first (an ESC turned into U+FFFD
    // would hide its sequence and leave `[31m` in the words).
    crate::export::doc::xml_text(text)
}

/// `label` cut with "…" to `max` characters.
pub(super) fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let cut: String = label.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// How a chart's words are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// As `<text>`: the SVG shown in HTML, Markdown and publish.
    Text,
    /// As `<path>`s of their outlines: the SVG handed to resvg for the PNG.
    Outlines,
}

/// A text drawn as outlines and the box its ink fills on the chart (turned
/// texts' box turned with them).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub text: String,
    pub ink: Bounds,
}

/// The drawing being written, and with [`Words::Outlines`] where each text's ink went.
#[derive(Debug)]
pub struct Canvas {
    svg: String,
    words: Words,
    pub placed: Vec<Placed>,
}

impl std::fmt::Write for Canvas {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.svg.push_str(s);
        Ok(())
    }
}

/// How a text looks beyond its place: its own size, bold, a white halo, turned
/// a quarter anticlockwise about its place (an upright axis label), and its
/// place written in whole units (the title) rather than to one decimal.
#[derive(Debug, Clone, Copy)]
struct Look {
    size: Option<f64>,
    bold: bool,
    halo: bool,
    turned: bool,
    whole: bool,
}

const PLAIN: Look = Look { size: None, bold: false, halo: false, turned: false, whole: false };
const BOLD: Look = Look { bold: true, ..PLAIN };
const HALOED: Look = Look { halo: true, ..PLAIN };
const TURNED: Look = Look { turned: true, ..PLAIN };

impl Canvas {
    fn new(words: Words) -> Canvas {
        Canvas { svg: String::new(), words, placed: Vec::new() }
    }

    /// The SVG written.
    pub fn svg(&self) -> &str {
        &self.svg
    }

    /// `content` at (`x`, `y`), placed against `x` as `anchor` says.
    fn text(&mut self, x: f64, y: f64, anchor: &str, look: Look, content: &str) {
        let turn = if look.turned { format!(" transform=\"rotate(-90 {x} {y})\"") } else { String::new() };
        let halo = if look.halo { HALO } else { "" };
        match self.words {
            Words::Text => {
                let (x, y) =
                    if look.whole { (format!("{x}"), format!("{y}")) } else { (format!("{x:.1}"), format!("{y:.1}")) };
                let size = look.size.map(|s| format!(" font-size=\"{s}\"")).unwrap_or_default();
                let bold = if look.bold { " font-weight=\"bold\"" } else { "" };
                let _ = writeln!(
                    self.svg,
                    "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\"{size}{bold}{halo}{turn}>{}</text>",
                    t(content)
                );
            }
            Words::Outlines => {
                let text = words(content);
                let run = outline::run(&text, look.size.unwrap_or(SIZE), look.bold, x, y, anchor);
                let Some([l, top, r, b]) = run.ink else { return };
                let _ = writeln!(self.svg, "<path d=\"{}\"{halo}{turn}/>", run.d);
                // Turned a quarter anticlockwise about (x, y): across becomes up.
                let ink = if look.turned { [x + top - y, y - (r - x), x + b - y, y - (l - x)] } else { [l, top, r, b] };
                self.placed.push(Placed { text, ink });
            }
        }
    }
}

/// The SVG of `chart`, its words as `<text>`.
pub fn draw(chart: &Chart) -> String {
    canvas(chart, Words::Text).svg
}

/// The SVG of `chart` for the PNG, its words as outlines, and where each went.
pub fn outlined(chart: &Chart) -> Canvas {
    canvas(chart, Words::Outlines)
}

/// `chart` drawn with its words as `words` says.
fn canvas(chart: &Chart, words: Words) -> Canvas {
    let mut body = Canvas::new(words);
    let height = match &chart.kind {
        Kind::Bars(b) => bars(&mut body, &chart.id, b),
        Kind::Line(l) => line(&mut body, l),
        Kind::Matrix(m) => matrix(&mut body, &chart.id, m),
    };
    let id = &chart.id;
    let mut out = Canvas::new(words);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\" font-family=\"{FONTS}\" font-size=\"13\" fill=\"{INK}\">"
    );
    let _ = writeln!(out, "<title id=\"{id}-t\">{}</title>", t(&chart.title));
    let _ = writeln!(out, "<desc id=\"{id}-d\">{}</desc>", t(&chart.describe()));
    let _ = writeln!(out, "<defs>{}</defs>", patterns(id));
    let _ = writeln!(out, "<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#fff\"/>");
    let title = Look { size: Some(15.0), bold: true, whole: true, ..PLAIN };
    out.text(WIDTH / 2.0, 22.0, "middle", title, &short(&chart.title, 80));
    out.svg.push_str(&body.svg);
    out.svg.push_str("</svg>\n");
    out.placed.append(&mut body.placed);
    out
}

/// How each series' bars are filled, on white, `C` standing for its colour: a
/// solid fill, hatches, dots, a cross-hatch, stripes, a pale fill, hatches the
/// other way, upright stripes, a grid and checks. Ten series (a ten-year
/// horizon) look apart even in black and white; more take the first again.
const MARKS: [&str; 10] = [
    "<rect width=\"8\" height=\"8\" fill=\"C\"/>",
    "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"C\" stroke-width=\"2\"/>",
    "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"C\"/>",
    "<path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"C\" stroke-width=\"1.4\"/>",
    "<path d=\"M0,2 h8 M0,6 h8\" stroke=\"C\" stroke-width=\"1.6\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"C\" fill-opacity=\"0.25\"/>",
    "<path d=\"M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4\" stroke=\"C\" stroke-width=\"2\"/>",
    "<path d=\"M2,0 v8 M6,0 v8\" stroke=\"C\" stroke-width=\"1.6\"/>",
    "<path d=\"M0,0.5 h8 M0.5,0 v8\" stroke=\"C\" stroke-width=\"1\"/>",
    "<rect width=\"4\" height=\"4\" fill=\"C\"/><rect x=\"4\" y=\"4\" width=\"4\" height=\"4\" fill=\"C\"/>",
];

/// The fill of series `i`: its pattern ([`MARKS`]).
fn fill(id: &str, i: usize) -> String {
    format!("url(#{id}-p{})", i % MARKS.len())
}

/// The colour of series `i`'s outline and pattern.
fn colour(i: usize) -> &'static str {
    COLOURS[i % COLOURS.len()]
}

/// One pattern per series, on white, in the series' colour.
fn patterns(id: &str) -> String {
    MARKS
        .iter()
        .enumerate()
        .map(|(i, mark)| {
            format!(
                "<pattern id=\"{id}-p{i}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">\
                 <rect width=\"8\" height=\"8\" fill=\"#fff\"/>{}</pattern>",
                mark.replace("\"C\"", &format!("\"{}\"", colour(i)))
            )
        })
        .collect()
}

/// A legend of the series: a key in each series' pattern and its name.
fn legend(out: &mut Canvas, id: &str, series: &[String], x0: f64, y: f64) {
    let mut x = x0;
    for (i, s) in series.iter().enumerate() {
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"16\" height=\"14\" fill=\"{}\" stroke=\"{}\"/>",
            y - 11.0,
            fill(id, i),
            colour(i)
        );
        out.text(x + 22.0, y, "start", PLAIN, s);
        x += 40.0 + 7.5 * s.chars().count() as f64;
    }
}

const LABEL: f64 = 200.0;
const BARS: f64 = 370.0;
const BAR: f64 = 16.0;
const GAP: f64 = 3.0;
const GROUP_GAP: f64 = 14.0;

/// Horizontal grouped bars; returns the height.
fn bars(out: &mut Canvas, id: &str, b: &Bars) -> f64 {
    let n = b.series.len().max(1) as f64;
    // The legend names even a single series: a one-year report's bars say their year.
    let keyed = !b.series.is_empty();
    if keyed {
        legend(out, id, &b.series, LABEL, 46.0);
    }
    let top = if keyed { 70.0 } else { 50.0 };
    out.text(LABEL - 8.0, top - 6.0, "end", BOLD, &b.groups_label);
    let group_h = n * BAR + (n - 1.0) * GAP;
    let bottom = top + b.groups.len() as f64 * (group_h + GROUP_GAP);
    let x_of = |s: &Scale, v: f64| LABEL + BARS * s.share(v);
    for (v, label) in &b.scale.ticks {
        let x = x_of(&b.scale, *v);
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"#767676\" stroke-dasharray=\"2 3\"/>",
            top - 2.0
        );
        out.text(x, bottom + 16.0, "middle", PLAIN, label);
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LABEL}\" y1=\"{:.1}\" x2=\"{LABEL}\" y2=\"{bottom:.1}\" stroke=\"{INK}\"/>",
        top - 2.0
    );
    out.text(LABEL + BARS / 2.0, bottom + 36.0, "middle", PLAIN, &b.scale.label);
    let mut y = top;
    for g in &b.groups {
        out.text(LABEL - 8.0, y + group_h / 2.0 + 4.5, "end", PLAIN, &short(&g.label, 28));
        for (i, v) in g.values.iter().enumerate() {
            bar(out, id, &b.scale, i, v, y);
            y += BAR + GAP;
        }
        y += GROUP_GAP - GAP;
    }
    bottom + 50.0
}

/// One bar of series `i` at `y`, its value written at its end.
fn bar(out: &mut Canvas, id: &str, scale: &Scale, i: usize, v: &Value, y: f64) {
    let w = v.at.map_or(0.0, |x| BARS * scale.share(x));
    if w > 0.0 {
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{BAR}\" fill=\"{}\" stroke=\"{}\"/>",
            fill(id, i),
            colour(i)
        );
    }
    out.text(LABEL + w + 5.0, y + BAR - 4.0, "start", HALOED, &v.text);
}

/// A line through the points, each marked and labelled; returns the height.
fn line(out: &mut Canvas, l: &Line) -> f64 {
    let (left, right, top, bottom) = (80.0, WIDTH - 40.0, 50.0, 250.0);
    let y_of = |v: f64| bottom - (bottom - top) * l.scale.share(v);
    for (v, label) in &l.scale.ticks {
        let y = y_of(*v);
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#767676\" stroke-dasharray=\"2 3\"/>"
        );
        out.text(left - 8.0, y + 4.5, "end", PLAIN, label);
    }
    let _ = writeln!(out, "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{bottom}\" stroke=\"{INK}\"/>");
    let _ = writeln!(out, "<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"{INK}\"/>");
    let mid = (top + bottom) / 2.0;
    out.text(18.0, mid, "middle", TURNED, &l.scale.label);
    let n = l.points.len().max(1) as f64;
    let step = (right - left) / n;
    let x_of = |i: usize| left + step * (i as f64 + 0.5);
    // The line, broken where a year has no value.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut Canvas| {
        if run.len() > 1 {
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                run.join(" "),
                COLOURS[0]
            );
        }
        run.clear();
    };
    for (i, (_, v)) in l.points.iter().enumerate() {
        match v.at {
            Some(at) => run.push(format!("{:.1},{:.1}", x_of(i), y_of(at))),
            None => flush(&mut run, out),
        }
    }
    flush(&mut run, out);
    for (i, (label, v)) in l.points.iter().enumerate() {
        let x = x_of(i);
        out.text(x, bottom + 18.0, "middle", PLAIN, label);
        match v.at {
            Some(at) => {
                let y = y_of(at);
                let _ = writeln!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{INK}\"/>");
                out.text(x, y - 10.0, "middle", Look { bold: true, halo: true, ..PLAIN }, &v.text);
            }
            None => out.text(x, bottom - 8.0, "middle", HALOED, &v.text),
        }
    }
    out.text((left + right) / 2.0, bottom + 40.0, "middle", PLAIN, &l.x_label);
    bottom + 54.0
}

/// The 3x3 grid, its bands, the cells' numerals, the point and the key; returns the height.
fn matrix(out: &mut Canvas, id: &str, m: &Matrix) -> f64 {
    let (left, top, cell) = (150.0, 70.0, 120.0);
    let size = cell * 3.0;
    // EFI runs from 4 on the left to 1 on the right; EFE from 4 at the top.
    let x_of = |v: f64| left + size * (1.0 - m.x.share(v));
    let y_of = |v: f64| top + size * (1.0 - m.y.share(v));
    for (i, (numeral, strategy)) in m.cells.iter().enumerate() {
        let (x, y) = (left + cell * (i % 3) as f64, top + cell * (i / 3) as f64);
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{}\" fill-opacity=\"0.35\" stroke=\"{INK}\"/>",
            fill(id, strategy + 1)
        );
        out.text(x + 8.0, y + 20.0, "start", BOLD, numeral);
    }
    for (i, band) in m.columns.iter().enumerate() {
        out.text(left + cell * (i as f64 + 0.5), top - 8.0, "middle", BOLD, band);
    }
    for (i, band) in m.rows.iter().enumerate() {
        out.text(left - 36.0, top + cell * (i as f64 + 0.5) + 4.5, "end", BOLD, band);
    }
    for (v, label) in &m.x.ticks {
        out.text(x_of(*v), top + size + 18.0, "middle", PLAIN, label);
    }
    for (v, label) in &m.y.ticks {
        out.text(left - 6.0, y_of(*v) + 4.5, "end", PLAIN, label);
    }
    out.text(left + size / 2.0, top + size + 40.0, "middle", PLAIN, &m.x.label);
    let mid = top + size / 2.0;
    out.text(16.0, mid, "middle", TURNED, &m.y.label);
    // The organisation: a ringed dot, its label in the key.
    let (px, py) = (x_of(m.point.0), y_of(m.point.1));
    let _ = writeln!(
        out,
        "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"8\" fill=\"{INK}\" stroke=\"#fff\" stroke-width=\"3\"/>\
         <circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"11\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\"/>"
    );
    let mut y = top + size + 70.0;
    let _ = writeln!(out, "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"{INK}\"/>", left + 8.0, y - 4.5);
    out.text(left + 24.0, y, "start", PLAIN, &m.point_label);
    for (s, name) in m.strategies.iter().enumerate() {
        y += 22.0;
        let _ = writeln!(
            out,
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"16\" height=\"14\" fill=\"{}\" fill-opacity=\"0.35\" stroke=\"{INK}\"/>",
            y - 11.0,
            fill(id, s + 1)
        );
        let cells: Vec<&str> = m.cells.iter().filter(|(_, st)| *st == s).map(|(numeral, _)| numeral.as_str()).collect();
        out.text(left + 24.0, y, "start", PLAIN, &format!("{name}: {}", cells.join(", ")));
    }
    y + 20.0
}
