//! The room's address as a QR code for the terminal: two modules a cell with
//! half blocks, to be drawn dark on light (an inverted code does not scan).

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code.
const QUIET: usize = 2;

/// The lines of the code for `text`: `█` both modules dark, `▀` the top one,
/// `▄` the bottom one, a space neither. `None` if it does not fit a QR code.
pub fn lines(text: &str) -> Option<Vec<String>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    let dark = |x: usize, y: usize| {
        x >= QUIET
            && y >= QUIET
            && x < width + QUIET
            && y < width + QUIET
            && colors[(y - QUIET) * width + (x - QUIET)] == Color::Dark
    };
    Some(
        (0..size.div_ceil(2))
            .map(|row| {
                (0..size)
                    .map(|x| match (dark(x, 2 * row), dark(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lan_address_fits_in_a_corner_of_the_screen() {
        let lines = lines("http://192.168.100.200:54321/").unwrap();
        let width = lines[0].chars().count();
        assert!(width <= 30 && lines.len() <= 15, "{width}x{}", lines.len());
        assert!(lines.iter().all(|l| l.chars().count() == width));
        // The quiet zone: the first line is blank.
        assert!(lines[0].chars().all(|c| c == ' '));
    }
}
