//! A chart's SVG rendered to PNG with `resvg` (no system libraries, no
//! browser), for the docx. The system's fonts are loaded once; with none
//! found the shapes still render and the figures stay in the table beside.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// Pixels per SVG unit: 680 units wide become 1360 pixels, sharp in print at 16 cm.
pub const SCALE: f32 = 2.0;

/// The system's fonts, loaded the first time a chart is rendered.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.set_sans_serif_family("Liberation Sans");
            Arc::new(db)
        })
        .clone()
}

/// How charts are read: with the system's fonts.
pub fn options() -> usvg::Options<'static> {
    usvg::Options { fontdb: fonts(), ..usvg::Options::default() }
}

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
    render_with(svg, &options())
}

/// [`render`] with `options`' fonts (none: the text is left out, the shapes drawn).
pub fn render_with(svg: &str, options: &usvg::Options) -> Option<Png> {
    let tree = usvg::Tree::from_str(svg, options).ok()?;
    let size = tree.size().to_int_size().scale_by(SCALE)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    let bytes = pixmap.encode_png().ok()?;
    Some(Png { bytes, width: size.width(), height: size.height() })
}
