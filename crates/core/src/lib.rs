//! dafo's core: the session model, its files, words, imports, exports and merges,
//! with no terminal, no command line and no UI (no ratatui, crossterm or clap).

pub mod choice;
pub mod clock;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod import;
pub mod labels;
pub mod merge;
pub mod storage;

#[cfg(test)]
mod repo;
