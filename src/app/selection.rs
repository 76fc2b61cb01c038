//! Where the facilitator is in each view: every view keeps its own selection,
//! so a new view (plan, follow-up) adds one struct and one field here.

use crate::domain::{Quadrant, Status};

/// Which screen of the session is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The DAFO grid.
    Dafo,
    /// CAME: each quadrant's factors beside the actions that answer them.
    Came,
    /// The crossed matrix: FO, DO, FA, DA strategies.
    Crossed,
    /// The weighted evaluation (EFI, EFE).
    Weights,
    /// The plan: ejes and líneas, their actions, the tray of unplaced ones.
    Plan,
    /// Seguimiento: the degree of each action per year of the horizon.
    Follow,
}

/// In the CAME view: the factor list or the action list of a quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Factors,
    Actions,
}

/// Display order of factors; the stored order is never changed by sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Own,
    Votes,
    Impact,
}

/// The factor lists of the DAFO grid (and of CAME's factor pane, which shows
/// the same lists): the selected factor of each quadrant and the display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorLists {
    /// Stored index of the selected factor, per quadrant in grid order.
    pub selected: [usize; 4],
    pub sort: Sort,
    /// Only the factors of this source (group) are shown (`F` cycles it).
    pub source: Option<String>,
    /// Only the factors of this área temática are shown (`f` cycles it).
    pub theme: Option<String>,
}

/// The CAME view: which pane has the keys and the selected action of each quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CameLists {
    pub pane: Pane,
    /// Selected action per CAME quadrant (indexed by the quadrant it answers).
    pub actions: [usize; 4],
}

/// The crossed matrix: the selected strategy of each cell (FO, DO, FA, DA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CrossedLists {
    pub strategies: [usize; 4],
}

/// The EFI and EFE tables: the selected row of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeightTables {
    pub rows: [usize; 2],
}

/// Which part of the plan view has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlanPane {
    /// The tree of ejes and líneas.
    #[default]
    Tree,
    /// The actions of the selected línea.
    Actions,
    /// The actions and strategies with no línea yet.
    Tray,
    /// The retos.
    Challenges,
    /// The indicators.
    Indicators,
    /// Misión, visión and valores: 0 misión, 1 visión, 2… the valores.
    Band,
}

impl PlanPane {
    /// The panes in `Tab` order.
    pub const ALL: [PlanPane; 6] =
        [PlanPane::Tree, PlanPane::Actions, PlanPane::Tray, PlanPane::Challenges, PlanPane::Indicators, PlanPane::Band];

    /// The next pane (`forward`) or the one before.
    pub fn step(self, forward: bool) -> PlanPane {
        let at = PlanPane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = PlanPane::ALL.len();
        PlanPane::ALL[if forward { (at + 1) % n } else { (at + n - 1) % n }]
    }
}

/// The plan view: the pane with the keys, the selected row of each, and
/// whether the cronograma shows instead of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanLists {
    pub pane: PlanPane,
    pub tree: usize,
    pub actions: usize,
    pub tray: usize,
    pub challenges: usize,
    pub indicators: usize,
    pub band: usize,
    pub schedule: bool,
    /// The selected action of the cronograma (its rows are actions, not the tree's).
    pub schedule_row: usize,
}

/// The Seguimiento view: the selected row (an action or an indicator) and
/// year; `None` until chosen (then the latest year reviewed). `dropped`: the
/// action and year `x` last dropped and the status it had, which `x` again
/// brings back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowLists {
    pub row: usize,
    pub year: Option<i16>,
    pub dropped: Option<(String, i16, Status)>,
}

/// The view showing, the quadrant in focus (shared: each view reads it as its
/// own cell) and each view's own selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Views {
    pub showing: View,
    pub focus: Quadrant,
    pub factors: FactorLists,
    pub came: CameLists,
    pub crossed: CrossedLists,
    pub weights: WeightTables,
    pub plan: PlanLists,
    pub follow: FollowLists,
}

impl Default for Views {
    fn default() -> Views {
        Views {
            showing: View::Dafo,
            focus: Quadrant::Strengths,
            factors: FactorLists { selected: [0; 4], sort: Sort::Own, source: None, theme: None },
            came: CameLists { pane: Pane::Factors, actions: [0; 4] },
            crossed: CrossedLists::default(),
            weights: WeightTables::default(),
            plan: PlanLists::default(),
            follow: FollowLists::default(),
        }
    }
}

impl Sort {
    /// The next order for `o`.
    pub fn next(self) -> Sort {
        match self {
            Sort::Own => Sort::Votes,
            Sort::Votes => Sort::Impact,
            Sort::Impact => Sort::Own,
        }
    }
}
