//! The session model: quadrants, factors, edits and undo history. No UI here.

mod came;
mod edit;
mod evaluation;
mod history;
mod quadrant;
pub mod rules;
mod session;
mod strategy;
pub mod text;

pub use came::{Came, CameAction, Status};
pub use edit::{Edit, EditError, ListOp};
pub use evaluation::{Evaluation, Matrix};
pub use history::Document;
pub use quadrant::Quadrant;
pub use rules::{Impact, ItemId, RangeError, Rating, Weight};
pub use session::{FORMAT_VERSION, Factor, LabelSet, Meta, Session};
pub use strategy::{Crossed, Strategy};
