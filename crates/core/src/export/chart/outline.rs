//! A chart's words as vector outlines, for the PNG: the glyphs of the embedded
//! Liberation Sans (Regular and Bold, SIL Open Font License 1.1, in
//! `crates/core/assets/fonts`), left to right with the font's advances and
//! kerning, placed as SVG's `text-anchor` places a text. resvg then draws
//! shapes only, the same on every machine, with no system fonts. A character
//! the font lacks draws the font's `.notdef` box.

use std::fmt::Write as _;
use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, GlyphId, OutlineCurve, Point};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// The face, parsed the first time a chart's words are outlined (never at start-up).
fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    static FACES: [OnceLock<Option<FontRef<'static>>>; 2] = [OnceLock::new(), OnceLock::new()];
    let (cell, bytes) = if bold { (&FACES[1], BOLD) } else { (&FACES[0], REGULAR) };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).ok()).as_ref()
}

/// A box in the chart's units: left, top, right, bottom.
pub type Bounds = [f64; 4];

/// One text as outlines: the path's data, its advance width and the box its ink fills.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub d: String,
    pub width: f64,
    /// `None` when nothing is inked (an empty text, spaces).
    pub ink: Option<Bounds>,
}

/// The path data of `text` at `size` units, its baseline at `y`, placed
/// against `x` as `anchor` (`start`, `middle` or `end`) places it.
pub fn run(text: &str, size: f64, bold: bool, x: f64, y: f64, anchor: &str) -> Run {
    let Some(font) = face(bold) else { return Run { d: String::new(), width: 0.0, ink: None } };
    let k = size / f64::from(font.units_per_em().unwrap_or(1000.0));
    let glyphs: Vec<GlyphId> = text.chars().map(|c| font.glyph_id(c)).collect();
    let mut advances = Vec::with_capacity(glyphs.len());
    let mut width = 0.0;
    for (i, &g) in glyphs.iter().enumerate() {
        let kern = if i > 0 { f64::from(font.kern_unscaled(glyphs[i - 1], g)) * k } else { 0.0 };
        advances.push(width + kern);
        width += kern + f64::from(font.h_advance_unscaled(g)) * k;
    }
    let start = match anchor {
        "middle" => x - width / 2.0,
        "end" => x - width,
        _ => x,
    };
    let mut path = Path { d: String::new(), ink: None, at: None, open: false };
    for (&g, &pen) in glyphs.iter().zip(&advances) {
        let Some(outline) = font.outline(g) else { continue };
        let place = |p: Point| (start + pen + f64::from(p.x) * k, y - f64::from(p.y) * k);
        for curve in &outline.curves {
            match *curve {
                OutlineCurve::Line(a, b) => path.segment('L', place(a), &[place(b)]),
                OutlineCurve::Quad(a, b, c) => path.segment('Q', place(a), &[place(b), place(c)]),
                OutlineCurve::Cubic(a, b, c, e) => path.segment('C', place(a), &[place(b), place(c), place(e)]),
            }
        }
        path.close();
    }
    Run { d: path.d, width, ink: path.ink }
}

/// SVG path data being written, contour by contour.
struct Path {
    d: String,
    ink: Option<Bounds>,
    /// Where the pen is.
    at: Option<(f64, f64)>,
    open: bool,
}

impl Path {
    /// A segment from `from` through `to` (its control points, then its end);
    /// a new contour when it does not start where the last one ended.
    fn segment(&mut self, command: char, from: (f64, f64), to: &[(f64, f64)]) {
        if self.at.is_none_or(|at| (at.0 - from.0).abs() > 1e-6 || (at.1 - from.1).abs() > 1e-6) {
            self.close();
            self.point('M', from);
            self.open = true;
        }
        for (i, &p) in to.iter().enumerate() {
            self.point(if i == 0 { command } else { ' ' }, p);
        }
        self.at = to.last().copied();
    }

    fn point(&mut self, command: char, (x, y): (f64, f64)) {
        // A command letter, or a space between one segment's points.
        self.d.push(command);
        let _ = write!(self.d, "{x:.2} {y:.2}");
        let [l, t, r, b] = self.ink.unwrap_or([x, y, x, y]);
        self.ink = Some([l.min(x), t.min(y), r.max(x), b.max(y)]);
    }

    fn close(&mut self) {
        if self.open {
            self.d.push('Z');
            self.open = false;
        }
        self.at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn a_middle_anchored_text_is_centred_on_its_x_and_an_end_anchored_one_ends_at_it() {
        let word = "Grado de ejecución";
        let middle = run(word, 13.0, false, 300.0, 100.0, "middle");
        let [l, _, r, _] = middle.ink.unwrap();
        assert!(((l + r) / 2.0 - 300.0).abs() < 1.0, "{l}..{r}");
        let end = run(word, 13.0, false, 300.0, 100.0, "end");
        let [_, _, r, _] = end.ink.unwrap();
        assert!((r - 300.0).abs() < 1.5 && r <= 300.5, "{r}");
        let start = run(word, 13.0, false, 300.0, 100.0, "start");
        let [l, t, _, b] = start.ink.unwrap();
        assert!((l - 300.0).abs() < 1.5 && l >= 299.5, "{l}");
        // Capitals stand about 0.7 em above the baseline; "j" and "ó" nothing much below.
        assert!(t < 100.0 - 8.0 && t > 100.0 - 13.0 && b > 100.0 && b < 104.0, "{t}..{b}");
        assert_eq!(start.width, middle.width);
    }

    #[test]
    fn bold_is_wider_than_regular_and_size_scales_the_width() {
        let words = "Pagado Comprometido";
        let (regular, bold) = (run(words, 13.0, false, 0.0, 0.0, "start"), run(words, 13.0, true, 0.0, 0.0, "start"));
        assert!(bold.width > regular.width * 1.03, "{} against {}", bold.width, regular.width);
        let large = run(words, 26.0, false, 0.0, 0.0, "start");
        assert!((large.width - 2.0 * regular.width).abs() < 1e-9);
    }

    #[test]
    fn kerning_brings_a_pair_together() {
        // "AV" is kerned in Liberation Sans: narrower than "A" and "V" apart.
        let pair = run("AV", 100.0, false, 0.0, 0.0, "start").width;
        let apart = run("A", 100.0, false, 0.0, 0.0, "start").width + run("V", 100.0, false, 0.0, 0.0, "start").width;
        assert!(pair < apart - 1.0, "{pair} against {apart}");
    }

    #[test]
    fn a_glyph_the_font_lacks_draws_its_notdef_box_and_nothing_panics() {
        for text in ["\u{4e2d}", "a\u{1F600}b", "", " ", "\u{fffd}\u{200b}\u{301}"] {
            let r = run(text, 13.0, false, 10.0, 20.0, "middle");
            assert!(r.width.is_finite());
        }
        let missing = run("\u{4e2d}", 13.0, false, 0.0, 20.0, "start");
        assert!(missing.ink.is_some() && missing.d.starts_with('M'), "the .notdef box: {missing:?}");
        assert_eq!(run(" ", 13.0, false, 0.0, 0.0, "start").ink, None);
    }
}
