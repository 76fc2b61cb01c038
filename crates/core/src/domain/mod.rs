//! The session model: quadrants, factors, CAME actions, crossed strategies, the
//! plan (retos, ejes, líneas, indicators), its yearly reviews and their
//! roll-ups, edits and undo history. No UI here.

mod came;
pub mod carry;
pub mod clash;
pub mod clash_resolve;
mod clash_show;
pub mod conflict;
mod dangling;
mod edit;
mod evaluation;
mod file_value;
mod history;
pub mod id_check;
pub mod join;
pub mod limits;
pub mod meetings;
mod migrate;
mod money;
mod plan;
mod plan_edit;
mod quadrant;
mod review;
mod rollup;
pub mod rules;
mod schedule;
mod session;
pub mod similarity;
pub mod sources;
mod strategy;
pub mod text;
pub mod themes;

pub use came::{Came, CameAction, Status};
pub use carry::carry_over;
pub use clash::Clash;
pub use conflict::Conflict;
pub use dangling::Dangling;
pub use edit::{Edit, EditError, ListOp};
pub use evaluation::{Evaluation, Matrix};
pub use file_value::ValueRefused;
pub use history::{Document, Release};
pub use migrate::renamed_action_id;
pub use money::{Budget, BudgetRow, MoneyProblem, YearAmount, clean_source, execution};
pub use plan::{
    Axis, Challenge, Direction, Euros, Horizon, HorizonError, Indicator, Line, Milestone, PlanEdit, Source, Statement,
};
pub use quadrant::Quadrant;
pub use review::{ActionReview, Degree, IndicatorValue, ReviewEdit, ReviewError, YearReview, review_year};
pub use rollup::{ActionStanding, AxisProgress, LineProgress, YearProgress, indicator_progress, mean};
pub use rules::{Impact, ItemId, RangeError, Rating, Weight};
pub use schedule::{Period, Schedule, ScheduleRow};
pub use session::{DEFAULT_LANGUAGE, FORMAT_VERSION, Factor, LabelSet, Meta, Session};
pub use sources::Origin;
pub use strategy::{Crossed, Strategy};
