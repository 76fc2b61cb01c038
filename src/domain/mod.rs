//! The session model: quadrants, factors, edits and undo history. No UI here.

mod came;
pub mod conflict;
mod edit;
mod evaluation;
mod history;
mod quadrant;
mod session;
pub mod similarity;
pub mod sources;
mod strategy;
pub mod text;

pub use came::{Came, CameAction, Status};
pub use conflict::Conflict;
pub use edit::{Edit, EditError, ListOp};
pub use evaluation::{Evaluation, Matrix};
pub use history::Document;
pub use quadrant::Quadrant;
pub use session::{FORMAT_VERSION, Factor, LabelSet, Meta, Session};
pub use sources::Origin;
pub use strategy::{Crossed, Strategy};
