//! The dashboard screen's state: the figures the store computed, which
//! tab and unit are in view, and whether a unit result is being chosen.

use crate::domain::dashboard::Dashboard;

/// The dashboard's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashTab {
    /// Who has appraised whom, and who is late.
    #[default]
    Progress,
    /// The predikat distribution against the unit's result.
    Distribution,
    /// The training the areas needing improvement call for.
    Training,
}

impl DashTab {
    pub const ALL: [Self; 3] = [Self::Progress, Self::Distribution, Self::Training];

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&t| t == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// The open dashboard.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashState {
    /// `None` until the store has answered.
    pub data: Option<Dashboard>,
    pub tab: DashTab,
    /// Index into the units.
    pub selected: usize,
    /// The admin pressed the key to enter the selected unit's result: the
    /// next digit (1–5) chooses it.
    pub choosing_result: bool,
}

impl DashState {
    pub fn unit(&self) -> Option<&crate::domain::dashboard::UnitFigures> {
        self.data.as_ref()?.units.get(self.selected)
    }
}
