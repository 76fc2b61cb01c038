//! dafo: capture DAFO/CAME (SWOT) workshops live in a projected terminal.

pub mod app;
pub mod cli;
pub mod cli_errors;
pub mod clipboard;
pub mod commands;
pub mod sala;
pub mod settings;
pub mod sheets;
pub mod tui;
pub mod ui;

// The core crate's modules, under the paths the rest of dafo (and its tests)
// has always used: `crate::domain`, `dafo::storage`…
pub use dafo_core::{choice, clock, domain, export, i18n, import, labels, merge, storage};
