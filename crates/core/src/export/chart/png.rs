//! A chart's SVG rendered to PNG with `resvg` (no system libraries, no
//! browser, no fonts), for the docx. resvg draws shapes only: the chart's
//! words reach it as outlines ([`super::Chart::outlined`]), so the picture is
//! the same on every machine; a `<text>` left in an SVG is not drawn.

use resvg::{tiny_skia, usvg};

/// Pixels per SVG unit: 680 units wide become 1360 pixels, sharp in print at 16 cm.
pub const SCALE: f32 = 2.0;

/// A rendered chart: the PNG's bytes and its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// `svg` as a PNG at [`SCALE`], or `None` if it cannot be read or drawn (a bug
/// in the drawing; the table beside still gives the figures).
pub fn render(svg: &str) -> Option<Png> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).ok()?;
    let size = tree.size().to_int_size().scale_by(SCALE)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    let bytes = pixmap.encode_png().ok()?;
    Some(Png { bytes, width: size.width(), height: size.height() })
}
