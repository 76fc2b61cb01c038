//! dafo: capture DAFO/CAME (SWOT) workshops live in a projected terminal.

pub mod app;
pub mod cli;
pub mod cli_errors;
pub mod clipboard;
pub mod clock;
pub mod commands;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod labels;
pub mod merge;
pub mod sala;
pub mod settings;
pub mod sheets;
pub mod storage;
pub mod tui;
pub mod ui;
