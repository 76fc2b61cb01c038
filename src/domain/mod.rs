//! The session model: quadrants, factors, edits and undo history. No UI here.

mod edit;
mod history;
mod quadrant;
mod session;
pub mod text;

pub use edit::{Edit, EditError, ListOp};
pub use history::Document;
pub use quadrant::Quadrant;
pub use session::{FORMAT_VERSION, Factor, Meta, Session};
