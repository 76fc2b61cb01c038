//! Styles in snapshots: a legend of the styles a screen uses and a grid with one
//! letter per cell, so that a colour or modifier change fails a snapshot test.
//!
//! `TestBackend`'s text form drops styles, so two themes render the same text. Here
//! `.` is the terminal's own style (no colour, no modifier); every other style gets
//! the next letter in order of first appearance, reading row by row. Grid rows are
//! quoted like the text rows so the two line up column for column.

use std::fmt::Write;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// Letters for styles, in order of first appearance; `.` is kept for the default style.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#$%&*+=@^~";

/// What a cell looks like apart from its symbol.
type Look = (Color, Color, Modifier);

const DEFAULT: Look = (Color::Reset, Color::Reset, Modifier::empty());

/// The text of the screen (as `TestBackend` prints it), then its style map.
pub fn styled(backend: &TestBackend) -> String {
    format!("{backend}\n{}", style_map(backend.buffer()))
}

/// The style map of `buffer` alone: the legend, then one letter per cell.
pub fn style_map(buffer: &Buffer) -> String {
    let mut legend: Vec<Look> = Vec::new();
    let mut grid = String::new();
    for row in buffer.content.chunks(usize::from(buffer.area.width).max(1)) {
        grid.push('"');
        for cell in row {
            let look = (cell.fg, cell.bg, cell.modifier);
            if look == DEFAULT {
                grid.push('.');
                continue;
            }
            let at = legend.iter().position(|l| *l == look).unwrap_or_else(|| {
                legend.push(look);
                legend.len() - 1
            });
            let letter = LETTERS.chars().nth(at).unwrap_or_else(|| panic!("more than {} styles", LETTERS.len()));
            grid.push(letter);
        }
        grid.push_str("\"\n");
    }
    let mut out = String::from("styles:\n  . default\n");
    for (look, letter) in legend.iter().zip(LETTERS.chars()) {
        let _ = writeln!(out, "  {letter} {}", describe(*look));
    }
    out.push_str(&grid);
    out
}

/// `fg=Indexed(16) bg=Indexed(231) BOLD | REVERSED`, leaving out what is the default.
fn describe((fg, bg, modifier): Look) -> String {
    let mut parts = Vec::new();
    for (name, colour) in [("fg", fg), ("bg", bg)] {
        if colour != Color::Reset {
            parts.push(format!("{name}={colour:?}"));
        }
    }
    if !modifier.is_empty() {
        parts.push(format!("{modifier:?}"));
    }
    parts.join(" ")
}
