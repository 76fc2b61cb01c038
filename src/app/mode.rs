//! What the keys do right now on the session screen; each mode carries its own
//! data, so an impossible combination (a picker with no list) cannot be written.

use ratatui_textarea::TextArea;

use crate::domain::Crossed;

/// What the input line is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputTarget {
    /// New factors for the focused quadrant, one per Enter.
    Add,
    /// Rewording the factor with this ID.
    Edit(String),
    /// New actions for the focused CAME quadrant, linked to these factors.
    AddAction(Vec<String>),
    /// Rewording the action with this ID.
    EditAction(String),
    /// The text of a new crossed strategy pairing these two factors.
    AddStrategy(Crossed, [String; 2]),
    /// Rewording the strategy with this ID.
    EditStrategy(String),
    /// The EFI/EFE weight of the factor with this ID.
    Weight(String),
    /// A new eje (`None`) or a new línea of the eje with this ID, in the plan view.
    PlanAdd(Option<String>),
    /// Misión, visión, a valor, a reto, the text of an eje or línea.
    PlanText(super::plan_edit::PlanText),
    /// Seguimiento: the note of the action with this ID in this year.
    FollowNote(String, i16),
    /// Seguimiento: the actual value of the indicator with this ID in this year.
    FollowValue(String, i16),
    /// Seguimiento: the money committed and paid for the action with this ID in this year.
    FollowMoney(String, i16),
    /// The misión or visión a git merge left in a clash, written by hand.
    Clash(crate::domain::clash::Key),
    /// A wording typed for joining the first factor into the second.
    JoinText(String, String),
    /// A participant's item (its inbox number), edited before it is accepted.
    SalaItem(u64),
}

/// Two factors being joined: `from` goes into `into`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    pub from: String,
    pub into: String,
}

/// The input line: what it is for and the text typed so far.
#[derive(Debug, Clone)]
pub struct Input {
    pub target: InputTarget,
    /// Boxed: the text area is most of a mode's size, and most modes type nothing.
    pub text: Box<TextArea<'static>>,
}

impl Input {
    /// An input line for `target`, holding `text` with the cursor at its end.
    pub fn new(target: InputTarget, text: &str) -> Input {
        let mut area = TextArea::new(vec![text.to_owned()]);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Input { target, text: Box::new(area) }
    }

    /// The text typed, lines joined.
    pub fn value(&self) -> String {
        self.text.lines().join(" ")
    }

    /// The characters typed so far.
    pub fn chars(&self) -> usize {
        self.text.lines().iter().map(|l| l.chars().count()).sum()
    }
}

impl InputTarget {
    /// The most characters the line takes (`domain::limits`): the misión and
    /// the visión take long texts, everything else an item's.
    pub fn max_chars(&self) -> usize {
        use crate::domain::limits::{ITEM_TEXT_MAX, STATEMENT_TEXT_MAX};
        match self {
            InputTarget::PlanText(super::plan_edit::PlanText::Statement(_)) | InputTarget::Clash(_) => {
                STATEMENT_TEXT_MAX
            }
            _ => ITEM_TEXT_MAX,
        }
    }

    /// Whether the line takes one value (numbers, money) rather than text: a
    /// paste of several lines is refused ([`super::readline::pasted_lines`]).
    pub fn takes_one_value(&self) -> bool {
        matches!(self, InputTarget::Weight(_) | InputTarget::FollowValue(..) | InputTarget::FollowMoney(..))
    }
}

/// What the keys do right now on the session screen.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    /// Moving around the current view.
    #[default]
    Grid,
    /// Typing in the input line.
    Input(Input),
    /// Waiting for 1-4: where to move the selected item.
    MovePick,
    /// Waiting for 0-5: the impact of the selected factor.
    ImpactPick,
    /// Joining: the factor with this ID is marked; the selection picks the one to join it into.
    JoinMark(String),
    /// Joining: which wording stays.
    Join(Join),
    /// The list of the plan's and the follow-up's git merge clashes.
    Clashes(super::clashes::ClashList),
    /// The room pane (issue 28): the selected waiting item.
    Sala(usize),
}

impl Mode {
    /// Whether the keys move around the view (no input, list or question open).
    pub fn is_grid(&self) -> bool {
        matches!(self, Mode::Grid)
    }

    /// The input line, if one is open.
    pub fn input(&self) -> Option<&Input> {
        match self {
            Mode::Input(input) => Some(input),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::plan_edit::PlanText;
    use crate::domain::Statement;

    #[test]
    fn the_mision_and_vision_take_long_texts_and_items_short_ones() {
        assert_eq!(InputTarget::PlanText(PlanText::Statement(Statement::Mission)).max_chars(), 100_000);
        assert_eq!(InputTarget::PlanText(PlanText::Statement(Statement::Vision)).max_chars(), 100_000);
        assert_eq!(InputTarget::PlanText(PlanText::Axis("EJ1".into())).max_chars(), 10_000);
        assert_eq!(InputTarget::Add.max_chars(), 10_000);
    }
}
